// find_paper: papers a user may mean by an id or a title, best matches first.
// Returns: id, title, match (0 the id, 1 the exact title, 2 the title ignoring case, 3 a title
// starting with the text, 4 a title containing it, 5 a title sharing one of the words).
// param text: string. An id, a title or part of one.
// param words: string = . Words of the text, separated by spaces, to suggest titles by.
// :param text => 'ControlNet++'
// :param words => 'controlnet++'
MATCH (paper:Paper)
WITH paper, toLower($text) AS text, [word IN split(toLower($words), " ") WHERE size(word) > 3] AS words
WITH paper, CASE
       WHEN paper.id = $text THEN 0
       WHEN paper.title = $text THEN 1
       WHEN toLower(paper.title) = text THEN 2
       WHEN toLower(paper.title) STARTS WITH text THEN 3
       WHEN toLower(paper.title) CONTAINS text THEN 4
       WHEN any(word IN words WHERE toLower(paper.title) CONTAINS word) THEN 5
     END AS match
WHERE match IS NOT NULL
RETURN paper.id AS id, paper.title AS title, match
ORDER BY match, id
LIMIT 200
