"""Plain values the components leave on a document: its text and interesting tokens (for the
components after the lexicon), ``doc._.abbreviations``, ``doc._.results``.

Each value lives in ``doc.user_data`` under a key of its own; for the values users read, a spaCy
extension with a getter and setter makes them readable and writable as ``doc._.name``. The components
themselves read and write through ``get_value`` and ``set_value``: every ``doc._`` access builds
a helper object, which over the several reads per document cost about 5% of extraction time.

>>> import spacy
>>> register("example_value")
>>> doc = spacy.blank("en")("A text.")
>>> set_value(doc, "example_value", [1, 2])
>>> doc._.example_value, get_value(doc, "example_value")
([1, 2], [1, 2])
"""

from spacy.tokens import Doc

__all__ = ["register", "get_value", "set_value"]


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
