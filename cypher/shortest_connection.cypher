// shortest_connection: the shortest chain of relationships between two papers (at most 6 steps),
// whichever their directions; of several equally short chains, the first by node names.
// Returns: step, label, key, name (one row per node along the chain; no rows when none).
// param from: string. A paper id.
// param to: string. Another paper id.
// :param from => 't-56df45b672a4'
// :param to => 't-16c22e85f7f4'
MATCH (a:Paper {id: $from}), (b:Paper {id: $to})
WHERE a <> b
MATCH path = allShortestPaths((a)-[*..6]-(b))
WITH path, [node IN nodes(path) | labels(node)[0] + ':' + coalesce(node.id, node.key)] AS names
ORDER BY names
LIMIT 1
UNWIND range(0, size(names) - 1) AS step
WITH step, nodes(path)[step] AS node
RETURN step, labels(node)[0] AS label, coalesce(node.id, node.key) AS key, coalesce(node.title, node.name) AS name
ORDER BY step
