// cooccurring_concepts: the concepts that appear in the same papers as a concept, most shared first.
// Returns: label, name, key, papers (how many papers have both).
// The concept is found by its name or any of its aliases, ignoring case.
// param name: string. A concept name or alias.
// param limit: integer = 10. How many concepts.
// :param name => 'GRPO'
// :param limit => 10
MATCH (concept)<--(paper:Paper)-->(other)
WHERE NOT concept:Paper AND NOT other:Paper AND other <> concept
  AND (toLower(concept.name) = toLower($name) OR any(alias IN concept.aliases WHERE toLower(alias) = toLower($name)))
WITH other, count(DISTINCT paper) AS papers
RETURN labels(other)[0] AS label, other.name AS name, other.key AS key, papers
ORDER BY papers DESC, label, key
LIMIT $limit
