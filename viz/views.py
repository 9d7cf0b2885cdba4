"""Interactive HTML views of the graph: a neighbourhood, or the most connected part of it.

A view is one self-contained HTML file: pyvis assembles the network, and the page inlines
vis-network's script and stylesheet (the copies pyvis ships), so it opens offline and asks
nothing of any server. Every title, abstract, name and URL reaches the page as JSON data and is
shown with ``textContent``, never as HTML; only http(s) URLs become links.

Views are deterministic: nodes and edges are sorted and the layout seed is fixed. The layout
settles in a bounded number of iterations (fewer above ``LARGE_VIEW`` nodes) and physics then
stops, so large views stay usable.
"""

import html
import json
import math
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyvis
from pyvis.network import Network

from graphbuild import schema
from graphbuild.graph_file import write_text_atomic
from graphbuild.related import related_papers

__all__ = ["View", "neighbourhood_view", "overview_view", "render_html", "write_view", "LABEL_STYLE", "EDGE_COLOURS"]

#: Colour and shape of each label (the Neo4j Browser style file uses the same colours).
LABEL_STYLE = {
    schema.PAPER: ("#4C8EDA", "dot"),
    schema.METHOD: ("#F79767", "diamond"),
    schema.BENCHMARK: ("#57C7E3", "square"),
    schema.MODEL: ("#C0A378", "triangle"),
    schema.TASK: ("#5DB665", "triangleDown"),
    schema.REPOSITORY: ("#DA7298", "star"),
    schema.AUTHOR: ("#B261A5", "hexagon"),
}
#: Colour of each relationship type.
EDGE_COLOURS = {
    "CITES": "#E2443B",
    "PROPOSES": "#2870C2",
    "MENTIONS": "#F36924",
    "EVALUATES_ON": "#23B3D7",
    "USES_MODEL": "#A68B5B",
    "ADDRESSES": "#4C9A52",
    "LINKS_TO": "#DA7298",
    "AUTHORED": "#B261A5",
    "SIMILAR_TEXT": "#9AA0A6",
    "SIMILAR_MEANING": "#C3C7CB",
}
RELATED_SHOWN = 10  # related papers a paper's view always keeps, as `graphbuild related` lists them
LARGE_VIEW = 300  # nodes; above this the layout settles in fewer, cheaper iterations
STABILISATION_ITERATIONS = 150
LARGE_ITERATIONS = 60
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_TEMPLATE = Path(__file__).parent / "assets" / "view.html"
_ARXIV_ID = re.compile(r"^\d{4}\.\d{4,5}(v\d+)?$")


@dataclass
class View:
    """What a page shows: nodes, relationships, each node's degree in the whole graph, the focus
    (or None), a heading and notes (such as how much was cut)."""

    nodes: list
    relations: list
    degrees: dict
    focus: tuple | None
    heading: str
    notes: list = field(default_factory=list)


def _identity(node):
    return (node.label, node.key)


def _keep(view, keep):
    kept = [n for n in view.nodes if _identity(n) in keep]
    relations = [r for r in view.relations if tuple(r.start) in keep and tuple(r.end) in keep]
    return View(kept, relations, view.degrees, view.focus, view.heading, view.notes)


def neighbourhood_view(store, focus, hops=2, max_nodes=300):
    """The neighbourhood of ``focus`` (a (label, key) identity) up to ``hops`` relationships,
    cut to the ``max_nodes`` most relevant nodes: around a paper, its ten related papers first (as
    ``graphbuild related`` ranks them), then the concepts it names and other papers; around a
    concept, every node by degree."""
    nodes, relations, degrees = store.neighbourhood(focus, hops)
    names = {_identity(n): n.properties.get("title") or n.properties.get("name") or n.key for n in nodes}
    view = View(nodes, relations, degrees, focus, f"Around {focus[0]}: {names.get(focus, focus[1])}")
    if len(nodes) <= max_nodes:
        return view
    score, top = {}, {}
    if focus[0] == schema.PAPER:
        for rank, row in enumerate(related_papers(store, focus[1], limit=max_nodes)):
            score[(schema.PAPER, row["id"])] = row["score"]
            if rank < RELATED_SHOWN:
                top[(schema.PAPER, row["id"])] = rank
    direct = {tuple(r.end) for r in relations if tuple(r.start) == focus} | {tuple(r.start) for r in relations if tuple(r.end) == focus}

    def relevance(identity):
        # The paper, then its top related papers in `graphbuild related` order (the view shows
        # the same ten), then the concepts it names, then other papers by their related-work
        # score, then the rest by degree.
        if identity == focus:
            return (0, 0, identity)
        if identity in top:
            return (1, top[identity], identity)
        if identity in direct and identity[0] != schema.PAPER:
            return (2, -degrees.get(identity, 0), identity)
        if identity in score:
            return (3, -score[identity], identity)
        return (4, -degrees.get(identity, 0), identity)

    keep = set(sorted((_identity(n) for n in nodes), key=relevance)[:max_nodes])
    view = _keep(view, keep)
    view.notes.append(f"Showing the {len(keep)} most relevant of {len(nodes)} nodes within {hops} steps.")
    return view


def overview_view(store, top=300):
    """The ``top`` most connected nodes of the whole graph and the relationships among them."""
    nodes, relations, degrees = store.overview(top)
    view = View(nodes, relations, degrees, None, "The most connected part of the graph")
    view.notes.append(f"Showing the {len(nodes)} most connected nodes.")
    return view


def _first_sentences(text, count=2, limit=400):
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text or "")
    return " ".join(sentences[:count])[:limit]


def _paper_url(node):
    url = node.properties.get("url")
    if url:
        return url
    if _ARXIV_ID.match(node.key):
        return f"https://arxiv.org/abs/{node.key}"
    return None


def _details(node, degree, paper_count):
    """The data the page shows for a node on hover or selection (shown as text, never HTML)."""
    p = node.properties
    if node.label == schema.PAPER:
        return {
            "kind": "Paper", "name": p.get("title") or node.key, "id": node.key, "date": p.get("date"),
            "abstract": _first_sentences(p.get("abstract")), "url": _paper_url(node),
        }
    details = {
        "kind": node.label, "name": p.get("name") or node.key, "key": node.key,
        "aliases": [a for a in p.get("aliases") or () if a != p.get("name")], "papers": paper_count,
        "relationships": degree,
    }
    if node.label == schema.REPOSITORY:
        details["url"] = p.get("url")
        details["host"] = p.get("host")
    return details


def _short(text, limit=40):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _build_network(view):
    """The pyvis network of a view: nodes coloured and shaped by label, sized by degree."""
    network = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    paper_counts = {}
    for relation in view.relations:
        if relation.start[0] == schema.PAPER and relation.end[0] != schema.PAPER:
            paper_counts[tuple(relation.end)] = paper_counts.get(tuple(relation.end), 0) + 1
    for node in sorted(view.nodes, key=_identity):
        identity = _identity(node)
        colour, shape = LABEL_STYLE[node.label]
        degree = view.degrees.get(identity, 0)
        details = _details(node, degree, paper_counts.get(identity, 0))
        focused = identity == view.focus
        options = {
            "label": _short(details["name"]),
            "shape": shape,
            "size": round(min(45, 8 + 3 * math.sqrt(degree)) * (1.6 if focused else 1), 2),
            "color": {"background": colour, "border": "#111111" if focused else colour,
                      "highlight": {"background": colour, "border": "#111111"}},
            "borderWidth": 5 if focused else 1,
            "font": {"size": 16 if focused else 11},
            "details": details,
            "group_label": node.label,
        }
        network.add_node(f"{node.label}:{node.key}", **options)
    for relation in sorted(view.relations, key=lambda r: (r.type, tuple(r.start), tuple(r.end))):
        network.add_edge(
            f"{relation.start[0]}:{relation.start[1]}", f"{relation.end[0]}:{relation.end[1]}",
            color=EDGE_COLOURS.get(relation.type, "#999999"), arrows="to", relationship=relation.type,
            width=3 if relation.type == "CITES" else 1,
        )
    large = len(view.nodes) > LARGE_VIEW
    network.set_options(json.dumps({
        "layout": {"randomSeed": 7, "improvedLayout": not large},
        "physics": {
            "enabled": True,
            "solver": "barnesHut" if large else "forceAtlas2Based",
            # A bounded number of iterations, fewer for large views; the page then turns physics
            # off, so the picture stays still and the same for the same input.
            "stabilization": {"enabled": True, "iterations": LARGE_ITERATIONS if large else STABILISATION_ITERATIONS, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": len(view.nodes) > 500},
        "edges": {"smooth": False},
    }))
    return network


def _script_json(value):
    """JSON that is safe inside a <script> element: no "<", ">", "&" or line separators."""
    return (
        json.dumps(value, ensure_ascii=False, sort_keys=True)
        .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def render_html(view):
    """The page of a view, as one self-contained HTML string."""
    network = _build_network(view)
    nodes, edges, _, _, _, options = network.get_network_data()
    labels = sorted({n.label for n in view.nodes}, key=schema.LABELS.index)
    types = sorted({r.type for r in view.relations}, key=schema.RELATIONSHIP_TYPES.index)
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options) if isinstance(options, str) else options,
        "focus": f"{view.focus[0]}:{view.focus[1]}" if view.focus else None,
        "legend": [{"label": label, "colour": LABEL_STYLE[label][0], "shape": LABEL_STYLE[label][1]} for label in labels],
        "edgeLegend": [{"type": t, "colour": EDGE_COLOURS.get(t, "#999999")} for t in types],
    }
    template = _TEMPLATE.read_text(encoding="utf-8")
    script = (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    style = (_VIS_DIR / "vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style")
    replacements = {
        "{{HEADING}}": html.escape(view.heading),
        "{{NOTES}}": " ".join(html.escape(note) for note in view.notes),
        "{{VIS_STYLE}}": style,
        "{{VIS_SCRIPT}}": script,
        "{{DATA}}": _script_json(data),
    }
    return re.sub(r"\{\{[A-Z_]+\}\}", lambda m: replacements[m.group()], template)


def write_view(view, path):
    """Write the page of ``view`` to ``path`` atomically; returns the seconds it took."""
    start = time.perf_counter()
    write_text_atomic(render_html(view), path)
    return time.perf_counter() - start
