"""Plain values the components leave on a document: its text and interesting tokens (for the
components after the lexicon), the names each component found, ``doc._.abbreviations``,
``doc._.results``, ``doc._.metric_names`` (metric names written next to a number, which are no
methods).

Each value lives in ``doc.user_data`` under a key of its own; for the values users read, a spaCy
extension with a getter and setter makes them readable and writable as ``doc._.name``. The components
themselves read and write through ``get_value`` and ``set_value``: every ``doc._`` access builds
a helper object, which over the several reads per document cost about 5% of extraction time.

Names found are *findings*: ``(start char, end char, label, key)`` tuples in one list per group
(``FINDINGS``), ``key`` being a concept key (or the cleaned URL of a link) where the component
knows one and "" where it does not. Plain tuples rather than spaCy spans, because every later
component and the assembly read them by character offsets: making a span, storing it in
``doc.spans`` and reading it back cost about three times as much as the tuple. ``as_spans`` makes
spaCy spans of a group for those who want them (displaCy, a span ruler downstream).

>>> import spacy
>>> register("example_value")
>>> doc = spacy.blank("en")("A text.")
>>> set_value(doc, "example_value", [1, 2])
>>> doc._.example_value, get_value(doc, "example_value")
([1, 2], [1, 2])
>>> add_findings(doc, "benchmarks", [(2, 6, "BENCHMARK", "text")])
>>> findings(doc, "benchmarks"), [s.text for s in as_spans(doc, "benchmarks")]
([(2, 6, 'BENCHMARK', 'text')], ['text'])
"""

from spacy.tokens import Doc

__all__ = ["FINDINGS", "register", "get_value", "set_value", "findings", "add_findings", "as_spans"]

#: The finding groups the pipeline fills, each also readable as ``doc._.<group>``.
FINDINGS = ("links", "proposed", "benchmarks", "models", "methods", "method_shapes", "tasks")


def _key(name):
    return ("graphbuild", name)


def register(name):
    """Make ``doc._.<name>`` read and write the value (once per process)."""
    if not Doc.has_extension(name):
        key = _key(name)
        Doc.set_extension(
            name,
            getter=lambda doc: doc.user_data.get(key),
            setter=lambda doc, value: doc.user_data.__setitem__(key, value),
        )


def get_value(doc, name):
    """The value ``name`` of ``doc``, None when no component set it."""
    return doc.user_data.get(_key(name))


def set_value(doc, name, value):
    doc.user_data[_key(name)] = value


def findings(doc, group):
    """The findings of ``group``: a list of (start char, end char, label, key), [] when none."""
    return doc.user_data.get(_key(group)) or []


def add_findings(doc, group, items):
    """Append findings to ``group`` (after those earlier components put there)."""
    if items:
        doc.user_data.setdefault(_key(group), []).extend(items)


def as_spans(doc, group):
    """The findings of ``group`` as spaCy spans with their label and ``id_`` (the key)."""
    spans = []
    for start, end, label, key in findings(doc, group):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            span.id_ = key
            spans.append(span)
    return spans


for _group in FINDINGS:
    register(_group)
