// ambiguous_names: names that several papers propose, so that a bare mention of them cannot be
// told apart ("SPO"); with the papers that mention such a name and were left unlinked.
// Returns: name (lowercase), proposed_by (ids), mentioned_by (ids).
// param limit: integer = 100. How many names.
// :param limit => 100
MATCH (paper:Paper)-[:PROPOSES]->(concept)
UNWIND concept.aliases AS alias
WITH toLower(alias) AS name, collect(DISTINCT paper.id) AS proposers
WHERE size(proposers) > 1
RETURN name,
       COLLECT { UNWIND proposers AS id RETURN id ORDER BY id } AS proposed_by,
       COLLECT { MATCH (p:Paper) WHERE any(n IN p.ambiguous_names WHERE toLower(n) = name) RETURN p.id ORDER BY p.id } AS mentioned_by
ORDER BY name
LIMIT $limit
