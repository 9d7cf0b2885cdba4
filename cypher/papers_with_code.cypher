// papers_with_code: papers that address a task and link to a code repository.
// Returns: task, id, title, url (one row per paper and repository).
// The task is found by its name or any of its aliases, ignoring case.
// param task: string. A task name or alias.
// :param task => 'controllable image generation'
MATCH (paper:Paper)-[:ADDRESSES]->(task:Task)
WHERE toLower(task.name) = toLower($task) OR any(alias IN task.aliases WHERE toLower(alias) = toLower($task))
MATCH (paper)-[:LINKS_TO]->(repository:Repository {kind: 'code'})
RETURN task.name AS task, paper.id AS id, paper.title AS title, repository.url AS url
ORDER BY task, id, url
