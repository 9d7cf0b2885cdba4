// concept_papers: the papers that propose, mention, evaluate on, use, address or link a concept.
// Returns: label, concept, key, relationship, id, title (one row per paper and relationship).
// The concept is found by its name or any of its aliases, ignoring case.
// param name: string. A concept name or alias.
// :param name => 'ControlNet'
MATCH (concept)<-[r]-(paper:Paper)
WHERE NOT concept:Paper
  AND (toLower(concept.name) = toLower($name) OR any(alias IN concept.aliases WHERE toLower(alias) = toLower($name)))
RETURN labels(concept)[0] AS label, concept.name AS concept, concept.key AS key, type(r) AS relationship,
       paper.id AS id, paper.title AS title
ORDER BY label, key, relationship, id
