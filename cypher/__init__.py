"""Named Cypher queries (one statement per .cypher file) and the Neo4j Browser style file."""
