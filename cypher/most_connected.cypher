// most_connected: the concepts with the most relationships, per label.
// Returns: label, name, key, relationships ($limit rows per label, most connected first).
// param limit: integer = 5. Concepts per label.
// :param limit => 5
MATCH (concept)
WHERE concept:Method OR concept:Benchmark OR concept:Model OR concept:Task OR concept:Repository
WITH labels(concept)[0] AS label, concept, COUNT { (concept)--() } AS relationships
ORDER BY label, relationships DESC, concept.key
WITH label, collect({name: concept.name, key: concept.key, relationships: relationships})[..$limit] AS top
UNWIND top AS row
RETURN label, row.name AS name, row.key AS key, row.relationships AS relationships
ORDER BY label, relationships DESC, key
