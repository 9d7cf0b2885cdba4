// related_work: papers related to a paper, ranked, with the reasons.
// Returns: id, title, score, reasons (a list of {kind, label, key, name, weight, via}; via holds
// the names that link two papers by a citation).
// A paper that reads alike (SIMILAR_TEXT, the TF-IDF cosine of title and abstract) weighs 20 x
// the cosine, with the shared words as via; one that means alike (SIMILAR_MEANING, the cosine of
// sentence embeddings) 15 x the cosine; a citation either way weighs 3. A shared concept (method,
// benchmark, model, task, repository) explains a result but weighs 0: judged blind, no weight
// given to shared concepts improved the ranking (docs/relevance.md).
// Scores are rounded to 6 decimals; ties go to the smaller id.
// param id: string. A paper id.
// param limit: integer = 10. How many papers.
// :param id => 't-56df45b672a4'
// :param limit => 10
MATCH (paper:Paper {id: $id})
CALL {
  WITH paper
  MATCH (paper)-->(concept)<--(other:Paper)
  WHERE NOT concept:Paper AND other <> paper
  WITH DISTINCT other, concept
  RETURN other, {kind: 'shared', label: labels(concept)[0], key: concept.key, name: concept.name,
                 weight: 0.0, via: null} AS reason, 0.0 AS weight
  UNION ALL
  WITH paper
  MATCH (paper)-[similar:SIMILAR_TEXT]-(other:Paper)
  WHERE other <> paper
  WITH other, 20.0 * similar.score AS weight, similar.terms AS terms
  RETURN other, {kind: 'text', label: 'Paper', key: other.id, name: other.title,
                 weight: floor(weight * 1000000 + 0.5) / 1000000, via: terms} AS reason, weight
  UNION ALL
  WITH paper
  MATCH (paper)-[similar:SIMILAR_MEANING]-(other:Paper)
  WHERE other <> paper
  WITH other, 15.0 * similar.score AS weight
  RETURN other, {kind: 'meaning', label: 'Paper', key: other.id, name: other.title,
                 weight: floor(weight * 1000000 + 0.5) / 1000000, via: null} AS reason, weight
  UNION ALL
  WITH paper
  MATCH (paper)-[citation:CITES]->(other:Paper)
  WHERE other <> paper
  RETURN other, {kind: 'cites', label: 'Paper', key: other.id, name: other.title, weight: 3.0, via: citation.via} AS reason, 3.0 AS weight
  UNION ALL
  WITH paper
  MATCH (paper)<-[citation:CITES]-(other:Paper)
  WHERE other <> paper
  RETURN other, {kind: 'cited by', label: 'Paper', key: other.id, name: other.title, weight: 3.0, via: citation.via} AS reason, 3.0 AS weight
}
WITH other, floor(sum(weight) * 1000000 + 0.5) / 1000000 AS score, collect(reason) AS reasons
ORDER BY score DESC, other.id
LIMIT $limit
RETURN other.id AS id, other.title AS title, score,
       COLLECT { UNWIND reasons AS reason RETURN reason ORDER BY reason.weight DESC, reason.kind, reason.label, reason.key } AS reasons
