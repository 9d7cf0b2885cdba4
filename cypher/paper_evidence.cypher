// paper_evidence: why a paper is linked to a concept: each relationship and the sentences it was
// found in.
// Returns: relationship, label, name, sentence (one row per sentence).
// param id: string. A paper id.
// param key: string. A concept key, or a cited paper's id.
// :param id => 't-56df45b672a4'
// :param key => 'controlnet'
MATCH (paper:Paper {id: $id})-[r]->(concept)
WHERE coalesce(concept.key, concept.id) = $key AND r.evidence IS NOT NULL
UNWIND r.evidence AS place
WITH paper, r, concept, split(place, ':') AS at
WITH paper, r, concept,
     CASE at[0] WHEN 'title' THEN paper.title
          ELSE substring(paper.abstract, toInteger(at[1]), toInteger(at[2]) - toInteger(at[1])) END AS sentence
RETURN DISTINCT type(r) AS relationship, labels(concept)[0] AS label, coalesce(concept.name, concept.title) AS name, sentence
ORDER BY relationship, sentence
