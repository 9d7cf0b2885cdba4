// benchmark_results: the numbers papers report on a benchmark.
// Returns: benchmark, id, title, value, metric, subject (metric and subject may be null).
// The benchmark is found by its name or any of its aliases, ignoring case.
// param name: string. A benchmark name or alias.
// :param name => 'MATH-500'
MATCH (paper:Paper)-[r:EVALUATES_ON]->(benchmark:Benchmark)
WHERE r.results IS NOT NULL
  AND (toLower(benchmark.name) = toLower($name) OR any(alias IN benchmark.aliases WHERE toLower(alias) = toLower($name)))
UNWIND r.results AS result
WITH benchmark, paper, split(result, '|') AS part
RETURN benchmark.name AS benchmark, paper.id AS id, paper.title AS title, part[0] AS value,
       CASE WHEN part[1] = '' THEN null ELSE part[1] END AS metric,
       CASE WHEN part[2] = '' THEN null ELSE part[2] END AS subject
ORDER BY benchmark, id, value
