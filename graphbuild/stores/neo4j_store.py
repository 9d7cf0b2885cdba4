"""The Neo4j store: the same graph in a Neo4j 5 server, written in batches and idempotently.

Every write is ``UNWIND $rows AS row MERGE ...`` over a batch of rows of one label or one
relationship type, inside managed write transactions (``session.execute_write``). Labels,
relationship types and property names come from ``graphbuild.schema``, never from input text;
every value travels as a query parameter. Merging follows ``graphbuild.rows`` exactly as the
NetworkX store does: list properties become sorted unions, other properties take the newest
value, and a concept without a canonical name is named by its first alias.

This module is the only one that imports the ``neo4j`` driver or knows Cypher for writing.
"""

import re

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable

from graphbuild import schema
from graphbuild.errors import StoreError
from graphbuild.graph_file import graph_document
from graphbuild.records import Node, Relation
from graphbuild.stores import DEFAULT_BATCH_SIZE, DEFAULT_DATABASE, DEFAULT_URI, DEFAULT_USER, redacted, redacted_uri

__all__ = ["Neo4jStore", "DEFAULT_URI", "DEFAULT_USER", "DEFAULT_DATABASE", "server_major_version"]

MINIMUM_MAJOR_VERSION = 5

NODE_LIST_PROPERTIES = ("sources", "ids", "aliases", "ambiguous_names")
RELATIONSHIP_LIST_PROPERTIES = ("evidence", "extractors", "results", "via")


def server_major_version(agent):
    """The major version in a server agent string such as "Neo4j/5.26.30" (None if unreadable).

    >>> server_major_version("Neo4j/5.26.30"), server_major_version("Neo4j/4.4.12")
    (5, 4)
    >>> server_major_version("Neo4j/2025.01.0")
    2025
    """
    match = re.search(r"/(\d+)\.", agent or "")
    return int(match.group(1)) if match else None


def _set_list(variable, name):
    """Merge a list property as a sorted set. Rows carry sorted sets already, so a new element
    takes the row's list and an unchanged one keeps its own; only a real union is computed."""
    current, given = f"{variable}.{name}", f"row.{name}"
    return (
        f"SET {current} = CASE WHEN {given} IS NULL THEN {current} "
        f"WHEN {current} IS NULL THEN {given} "
        f"WHEN all(item IN {given} WHERE item IN {current}) THEN {current} "
        f"ELSE COLLECT {{ UNWIND {current} + {given} AS item RETURN DISTINCT item ORDER BY item }} END"
    )


def _node_statement(label, lists=NODE_LIST_PROPERTIES, scalars=True):
    """The batched MERGE for nodes of one schema label; ``lists`` are the list properties the
    rows carry and ``scalars`` whether they carry other properties (fewer clauses, less work)."""
    schema.check_label(label)
    key = schema.KEY[label]
    lines = ["UNWIND $rows AS row", f"MERGE (n:{label} {{{key}: row.key}})"]
    if scalars:
        lines.append("SET n += row.properties")
    lines.extend(_set_list("n", name) for name in NODE_LIST_PROPERTIES if name in lists)
    if label != schema.PAPER:
        lines.append("SET n.name = coalesce(row.name, n.aliases[0])")
    return "\n".join(lines)


def _relationship_statement(rel_type, start_label, end_label, lists=RELATIONSHIP_LIST_PROPERTIES, scalars=True):
    """The batched MERGE for relationships of one type between two schema labels (their end
    nodes are written first)."""
    schema.check_relationship_type(rel_type)
    start_key, end_key = schema.KEY[schema.check_label(start_label)], schema.KEY[schema.check_label(end_label)]
    lines = [
        "UNWIND $rows AS row",
        f"MATCH (a:{start_label} {{{start_key}: row.start}})",
        f"MATCH (b:{end_label} {{{end_key}: row.end}})",
        f"MERGE (a)-[r:{rel_type}]->(b)",
    ]
    if scalars:
        lines.append("SET r += row.properties")
    lines.extend(_set_list("r", name) for name in RELATIONSHIP_LIST_PROPERTIES if name in lists)
    return "\n".join(lines)


def _row(properties, list_names, **row):
    """One UNWIND row: the identifying fields, each list property as a sorted set (None when
    absent) and the other properties (None values dropped)."""
    properties = {k: v for k, v in properties.items() if v is not None}
    for name in list_names:
        values = properties.pop(name, None)
        row[name] = sorted(set(values)) if values is not None else None
    row["properties"] = properties
    return row


def _node_row(node):
    properties = {k: v for k, v in node.properties.items() if k != "name"}
    return _row(properties, NODE_LIST_PROPERTIES, key=node.key, name=node.properties.get("name"))


def _relationship_row(relation):
    return _row(relation.properties, RELATIONSHIP_LIST_PROPERTIES, start=relation.start[1], end=relation.end[1])


def _batches(rows, size):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


class Neo4jStore:
    """A graph in a Neo4j 5 server.

    Use ``Neo4jStore.connect(...)``, which checks that the server answers, accepts the
    credentials, is Neo4j 5 or newer and has the database, and creates the uniqueness constraints.

    Parameters
    ----------
    batch_size : int
        Rows per ``UNWIND`` statement.
    transaction_rows : int
        Rows per write transaction. A write of up to this many nodes and relationships is all or
        nothing; a larger one commits in several transactions (a re-run completes an interrupted
        one, since writes are idempotent).
    """

    kind = "neo4j"

    def __init__(self, driver, database=DEFAULT_DATABASE, batch_size=DEFAULT_BATCH_SIZE, transaction_rows=250_000):
        self.driver = driver
        self.database = database
        self.batch_size = max(1, int(batch_size))
        self.transaction_rows = max(self.batch_size, int(transaction_rows))

    @classmethod
    def connect(cls, uri=DEFAULT_URI, user=DEFAULT_USER, password=None, database=DEFAULT_DATABASE, **options):
        """Open and check a connection; raise ``StoreError`` with a fix when anything is wrong."""
        if not password:
            raise StoreError("no Neo4j password: set NEO4J_PASSWORD in the environment")
        shown = redacted_uri(uri)  # what messages say: a password given inside the URI is not echoed
        try:
            driver = GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF")
        except (ValueError, neo4j.exceptions.ConfigurationError) as error:
            reason = redacted(error, uri)
            raise StoreError(f"bad Neo4j URI {shown!r} ({reason}); use bolt://host:7687 or neo4j://host:7687") from None
        store = cls(driver, database, **options)
        try:
            driver.verify_connectivity()
            major = server_major_version(driver.get_server_info().agent)
            if major is None or major < MINIMUM_MAJOR_VERSION:
                raise StoreError(
                    f"the server at {shown} is {driver.get_server_info().agent}; graphbuild needs Neo4j "
                    f"{MINIMUM_MAJOR_VERSION} or newer (docker/neo4j-local.sh runs 5.26)"
                )
            store._run_read("RETURN 1 AS ok")
            store.ensure_constraints()
        except StoreError:
            driver.close()
            raise
        except AuthError:
            driver.close()
            raise StoreError(
                f"Neo4j at {shown} refused the credentials of user {user!r}; check NEO4J_USERNAME and NEO4J_PASSWORD"
            ) from None
        except ServiceUnavailable:
            driver.close()
            raise StoreError(
                f"cannot reach Neo4j at {shown}; start one with `docker/neo4j-local.sh start` or give --uri / NEO4J_URI"
            ) from None
        except ClientError as error:
            driver.close()
            if error.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise StoreError(
                    f"Neo4j at {shown} has no database {database!r}; give an existing one with --database / NEO4J_DATABASE"
                ) from None
            raise StoreError(f"Neo4j at {shown} refused the connection: {redacted(error.message, uri)}") from None
        return store

    # -- statements ------------------------------------------------------------------------------

    def _run_read(self, statement, **parameters):
        records, _, _ = self.driver.execute_query(
            statement, parameters, database_=self.database, routing_=neo4j.RoutingControl.READ
        )
        return records

    def _fail(self, error):
        if isinstance(error, ServiceUnavailable):
            return StoreError("lost the connection to Neo4j; nothing of the failed transaction was written")
        message = getattr(error, "message", None) or str(error)
        return StoreError(f"Neo4j refused the write ({message}); nothing of the failed transaction was written")

    def ensure_constraints(self):
        """A uniqueness constraint on each label's key (IF NOT EXISTS: safe to repeat)."""
        for label in schema.LABELS:
            key = schema.KEY[label]
            self.driver.execute_query(
                f"CREATE CONSTRAINT graphbuild_{label.lower()}_{key} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{key} IS UNIQUE",
                database_=self.database,
            )

    # -- writing ---------------------------------------------------------------------------------

    def _statements(self, nodes, relations):
        """(statement, rows) for each batch: nodes first, then relationships, grouped by label
        and by relationship type and end labels. The end node of a relationship that is not
        among the nodes is written as a bare node, as the NetworkX store adds it."""
        by_label = {}
        for node in nodes:
            by_label.setdefault(schema.check_label(node.label), []).append(_node_row(node))
        written = {(node.label, node.key) for node in nodes}
        for relation in relations:
            for end in (relation.start, relation.end):
                if end not in written:
                    written.add(end)
                    by_label.setdefault(schema.check_label(end[0]), []).append(_node_row(Node(end[0], end[1])))
        by_type = {}
        for relation in relations:
            group = (schema.check_relationship_type(relation.type), relation.start[0], relation.end[0])
            by_type.setdefault(group, []).append(_relationship_row(relation))
        for label in schema.LABELS:
            yield from self._batched(by_label.get(label, []), NODE_LIST_PROPERTIES, lambda lists, scalars, label=label: _node_statement(label, lists, scalars))
        for (rel_type, start_label, end_label), rows in sorted(by_type.items()):
            yield from self._batched(
                rows, RELATIONSHIP_LIST_PROPERTIES,
                lambda lists, scalars, group=(rel_type, start_label, end_label): _relationship_statement(*group, lists, scalars),
            )

    def _batched(self, rows, list_names, statement_for):
        for batch in _batches(rows, self.batch_size):
            lists = {name for name in list_names if any(row[name] is not None for row in batch)}
            scalars = any(row["properties"] for row in batch)
            yield statement_for(lists, scalars), batch

    @staticmethod
    def _write_batches(tx, batches):
        for statement, rows in batches:
            tx.run(statement, rows=rows).consume()

    def write(self, nodes, relations):
        """Merge nodes and relationships into the database."""
        transaction, size = [], 0
        try:
            with self.driver.session(database=self.database) as session:
                for statement, rows in self._statements(nodes, relations):
                    transaction.append((statement, rows))
                    size += len(rows)
                    if size >= self.transaction_rows:
                        session.execute_write(self._write_batches, transaction)
                        transaction, size = [], 0
                if transaction:
                    session.execute_write(self._write_batches, transaction)
        except (Neo4jError, ServiceUnavailable) as error:
            raise self._fail(error) from None

    def write_one_by_one(self, nodes, relations):
        """The naive load: one MERGE statement per node and per relationship, each in its own
        transaction. Exists only as the baseline of ``benchmarks/neo4j_load.py``."""
        with self.driver.session(database=self.database) as session:
            for statement, rows in self._statements(nodes, relations):
                for row in rows:
                    session.execute_write(self._write_batches, [(statement, [row])])

    def clear(self):
        """Delete every node and relationship of the database (in batches)."""
        with self.driver.session(database=self.database) as session:
            session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

    # -- reading ---------------------------------------------------------------------------------

    def nodes(self):
        """Every node as a ``Node``."""
        found = []
        for record in self._run_read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties"):
            label = next((l for l in record["labels"] if l in schema.KEY), None)
            if label is None:
                continue  # not a graphbuild node
            properties = dict(record["properties"])
            key = properties.pop(schema.KEY[label])
            found.append(Node(label, key, properties))
        return found

    def relations(self):
        """Every relationship between graphbuild nodes as a ``Relation``."""
        found = []
        statement = (
            "MATCH (a)-[r]->(b) "
            "RETURN type(r) AS type, labels(a) AS a_labels, properties(a) AS a_properties, "
            "labels(b) AS b_labels, properties(b) AS b_properties, properties(r) AS properties"
        )
        for record in self._run_read(statement):
            if record["type"] not in schema.ENDPOINTS:
                continue
            ends = []
            for labels, properties in ((record["a_labels"], record["a_properties"]), (record["b_labels"], record["b_properties"])):
                label = next((l for l in labels if l in schema.KEY), None)
                ends.append((label, properties.get(schema.KEY[label])) if label else None)
            if None in ends:
                continue
            found.append(Relation(record["type"], ends[0], ends[1], dict(record["properties"])))
        return found

    def document(self):
        """The whole graph as the canonical graph document."""
        return graph_document(self.nodes(), self.relations())

    def counts(self):
        """{"nodes": {label: n}, "relationships": {type: n}}, every schema label and type listed."""
        nodes = dict.fromkeys(schema.LABELS, 0)
        for label in schema.LABELS:
            (record,) = self._run_read(f"MATCH (n:{label}) RETURN count(n) AS n")
            nodes[label] = record["n"]
        relationships = dict.fromkeys(schema.RELATIONSHIP_TYPES, 0)
        for rel_type in schema.RELATIONSHIP_TYPES:
            (record,) = self._run_read(f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS n")
            relationships[rel_type] = record["n"]
        return {"nodes": nodes, "relationships": relationships}

    def most_connected(self, limit=5):
        """{label: [(name, key, number of relationships)]}, most connected first, ties by key."""
        ranked = {}
        for label in schema.CONCEPT_LABELS + (schema.AUTHOR,):
            records = self._run_read(
                f"MATCH (n:{label}) RETURN coalesce(n.name, n.key) AS name, n.key AS key, COUNT {{ (n)--() }} AS degree "
                "ORDER BY degree DESC, key LIMIT $limit",
                limit=limit,
            )
            ranked[label] = [(r["name"], r["key"], r["degree"]) for r in records]
        return ranked

    def find_node(self, label, name):
        """The (label, key) of the node of ``label`` whose key, name or alias is ``name``
        (ignoring case), or None."""
        key = schema.KEY[schema.check_label(label)]
        records = self._run_read(
            f"MATCH (n:{label}) WHERE toLower(n.{key}) = toLower($name) OR toLower(n.name) = toLower($name) "
            "OR toLower(n.title) = toLower($name) OR any(a IN n.aliases WHERE toLower(a) = toLower($name)) "
            f"RETURN n.{key} AS key ORDER BY key LIMIT 1",
            name=name,
        )
        return (label, records[0]["key"]) if records else None

    def _subgraph(self, element_ids):
        """(nodes, relations, degrees) of the subgraph induced by nodes with these element ids."""
        nodes, degrees, identity_of = [], {}, {}
        for record in self._run_read(
            "MATCH (n) WHERE elementId(n) IN $ids "
            "RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS properties, COUNT { (n)--() } AS degree",
            ids=element_ids,
        ):
            label = next((l for l in record["labels"] if l in schema.KEY), None)
            if label is None:
                continue
            properties = dict(record["properties"])
            identity = (label, properties.pop(schema.KEY[label]))
            identity_of[record["element"]] = identity
            nodes.append(Node(label, identity[1], properties))
            degrees[identity] = record["degree"]
        relations = [
            Relation(record["type"], identity_of[record["a"]], identity_of[record["b"]], dict(record["properties"]))
            for record in self._run_read(
                "MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids "
                "RETURN elementId(a) AS a, type(r) AS type, elementId(b) AS b, properties(r) AS properties",
                ids=element_ids,
            )
            if record["type"] in schema.ENDPOINTS and record["a"] in identity_of and record["b"] in identity_of
        ]
        return nodes, relations, degrees

    def neighbourhood(self, identity, hops):
        """(nodes, relations, degrees) of every node within ``hops`` (1 to 3) relationships of
        ``identity``, whichever their direction; degrees are in the whole graph."""
        label, key = identity
        hops = int(hops)
        if not 1 <= hops <= 3:
            raise StoreError("--hops must be 1, 2 or 3")
        records = self._run_read(
            f"MATCH (start:{schema.check_label(label)} {{{schema.KEY[label]}: $key}}) "
            f"OPTIONAL MATCH (start)-[*1..{hops}]-(other) "
            "WITH start, collect(DISTINCT elementId(other)) AS others "
            "RETURN [elementId(start)] + others AS ids",
            key=key,
        )
        return self._subgraph(records[0]["ids"]) if records else ([], [], {})

    def overview(self, top):
        """(nodes, relations, degrees) of the ``top`` most connected nodes (ties by label, key),
        text similarity not counted."""
        records = self._run_read(
            "MATCH (n) WITH n, COUNT { (n)-[r]-() WHERE NOT type(r) IN $excluded } AS degree, labels(n)[0] AS label "
            "ORDER BY degree DESC, label, coalesce(n.id, n.key) LIMIT $top RETURN collect(elementId(n)) AS ids",
            top=int(top), excluded=list(schema.TEXT_RELATIONSHIP_TYPES),
        )
        return self._subgraph(records[0]["ids"])

    def run_query(self, statement, parameters):
        """Rows (dicts) of a read-only statement from the query library, parameters passed as
        parameters."""
        try:
            return [record.data() for record in self._run_read(statement, **parameters)]
        except Neo4jError as error:
            raise StoreError(f"Neo4j could not run the query: {getattr(error, 'message', error)}") from None

    def close(self):
        self.driver.close()
