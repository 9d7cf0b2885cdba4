"""The portable graph document: what ``build --out`` saves and ``export`` prints.

One JSON object with every node and relationship and their properties, sorted, so that the same
graph always gives the same bytes and two stores can be compared with a plain diff::

    {"format": "graphbuild-graph", "version": 1,
     "nodes": [{"label": "Paper", "key": "2404.07987", "properties": {...}}, ...],
     "relationships": [{"type": "MENTIONS", "start": ["Paper", "2404.07987"],
                        "end": ["Method", "controlnet"], "properties": {...}}, ...]}

Files are written atomically: a failed run never leaves a half-written graph behind.
"""

import glob
import json
import os
import tempfile
from pathlib import Path

from graphbuild import schema
from graphbuild.errors import GraphFileError
from graphbuild.records import Node, Relation

__all__ = ["FORMAT", "VERSION", "graph_document", "rows_of_document", "write_json_atomic", "write_text_atomic", "read_graph_file"]

FORMAT = "graphbuild-graph"
VERSION = 1


def _clean(properties):
    return {k: v for k, v in sorted(properties.items()) if v is not None}


def graph_document(nodes, relations):
    """The canonical document for nodes and relationships (any order in, sorted out)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "nodes": [
            {"label": n.label, "key": n.key, "properties": _clean(n.properties)}
            for n in sorted(nodes, key=lambda n: (n.label, n.key))
        ],
        "relationships": [
            {"type": r.type, "start": list(r.start), "end": list(r.end), "properties": _clean(r.properties)}
            for r in sorted(relations, key=lambda r: (r.type, tuple(r.start), tuple(r.end)))
        ],
    }


def rows_of_document(document, source="graph"):
    """(nodes, relations) of a graph document, checking labels and types against the schema."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise GraphFileError(f"{source}: not a graphbuild graph (expected \"format\": \"{FORMAT}\"); "
                             "make one with `graphbuild build INPUT... --out graph.json`")
    if document.get("version") != VERSION:
        raise GraphFileError(f"{source}: graph format version {document.get('version')!r} is not supported "
                             f"(this graphbuild reads version {VERSION}); rebuild it")
    try:
        nodes = [Node(schema.check_label(n["label"]), str(n["key"]), dict(n.get("properties", {}))) for n in document["nodes"]]
        relations = [
            Relation(
                schema.check_relationship_type(r["type"]),
                (schema.check_label(r["start"][0]), str(r["start"][1])),
                (schema.check_label(r["end"][0]), str(r["end"][1])),
                dict(r.get("properties", {})),
            )
            for r in document["relationships"]
        ]
    except (KeyError, TypeError, IndexError, ValueError) as error:
        raise GraphFileError(f"{source}: malformed graph document ({error}); rebuild it") from None
    for node in nodes:
        key_name = schema.KEY[node.label]
        if key_name in node.properties:
            # Written to Neo4j, it would overwrite the node's key: one node would pass for another.
            raise GraphFileError(
                f"{source}: the {node.label} node {node.key!r} has {key_name!r} among its properties; "
                f"a graph file gives a node's {key_name} only as its \"key\" (was the file edited?)"
            )
    return nodes, relations


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(text, path):
    """Write ``text`` to ``path`` via a temporary file beside it and a rename, so that readers
    see the old file or the new one, never half of one. The temporary file's name carries the
    writing process's id; one left by a process that no longer runs (killed while writing) is
    removed here."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    _remove_leftovers(directory, path.name)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # as a plain open() would have made it
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _remove_leftovers(directory, name):
    """Remove the temporary files of writes of ``name`` whose process is gone."""
    prefix = f".{name}."
    for leftover in directory.glob(f"{glob.escape(prefix)}*.tmp"):
        pid = leftover.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            try:
                leftover.unlink()
            except OSError:
                pass  # gone already, or not ours to remove


def _running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, as another user's process
    return True


def write_json_atomic(document, path):
    """Write ``document`` as JSON to ``path`` atomically."""
    write_text_atomic(json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n", path)


def read_graph_file(path):
    """(nodes, relations) of a saved graph file."""
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GraphFileError(f"{path}: no such graph file; build one with `graphbuild build INPUT... --out {path}`") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GraphFileError(f"{path}: cannot read graph file ({error})") from None
    return rows_of_document(document, str(path))
