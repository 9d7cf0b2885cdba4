// method_lineage: who proposes a method, model or benchmark, who builds on it through CITES,
// and who else mentions it.
// Returns: role ('proposes', 'cites the proposer', 'mentions'), id, title, via (the names that
// link a citing paper, else null).
// The concept is found by its name or any of its aliases, ignoring case.
// param name: string. A method, model or benchmark name or alias.
// :param name => 'ControlNet'
MATCH (concept)
WHERE (concept:Method OR concept:Model OR concept:Benchmark)
  AND (toLower(concept.name) = toLower($name) OR any(alias IN concept.aliases WHERE toLower(alias) = toLower($name)))
CALL {
  WITH concept
  MATCH (proposer:Paper)-[:PROPOSES]->(concept)
  RETURN 0 AS step, 'proposes' AS role, proposer AS paper, null AS via
  UNION
  WITH concept
  MATCH (proposer:Paper)-[:PROPOSES]->(concept)
  MATCH (citing:Paper)-[c:CITES]->(proposer)
  RETURN 1 AS step, 'cites the proposer' AS role, citing AS paper, c.via AS via
  UNION
  WITH concept
  MATCH (mentioning:Paper)-[:MENTIONS|USES_MODEL|EVALUATES_ON]->(concept)
  WHERE NOT EXISTS { (mentioning)-[:PROPOSES]->(concept) }
    AND NOT EXISTS { (mentioning)-[:CITES]->(:Paper)-[:PROPOSES]->(concept) }
  RETURN 2 AS step, 'mentions' AS role, mentioning AS paper, null AS via
}
WITH DISTINCT step, role, paper, via
RETURN role, paper.id AS id, paper.title AS title, via
ORDER BY step, id
