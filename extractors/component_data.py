"""What the components share in how they keep their data: set up from the ``Resources`` by
``initialize``, saved and loaded with the pipeline.

A component's data is plain values (lists and dicts of strings and numbers) derived from the
resources once; the rules it runs (compiled expressions, lookup tables) are rebuilt from that data
in a few milliseconds. ``to_disk``/``from_disk`` and ``to_bytes``/``from_bytes`` keep the data as
msgpack, so an initialised pipeline saved with ``nlp.to_disk`` loads with ``spacy.load`` without
reading ``extractors/data`` or any user gazetteer again.
"""

import srsly
from spacy import util

from extractors.resources import load_resources

__all__ = ["DataComponent", "NotInitialisedError"]


class NotInitialisedError(RuntimeError):
    """A component ran before ``nlp.initialize()`` (or loading a saved pipeline) gave it data."""


class DataComponent:
    """Base of the components that keep data: subclasses say which data they take from the
    resources (``data_from``) and build their rules from it (``set_up``)."""

    DATA_FILE = "data.msgpack"
    data = None

    def initialize(self, get_examples=None, *, nlp=None, resources=None):
        """Take this component's data from ``resources`` (``nlp.initialize()`` passes the
        pipeline's; without any, the built-in data)."""
        resources = resources if resources is not None else load_resources()
        self.set_up(self.data_from(resources, nlp))

    def data_from(self, resources, nlp):
        """The plain data this component keeps, taken from ``resources``."""
        raise NotImplementedError

    def set_up(self, data):
        """Keep ``data`` and build the rules from it (subclasses extend this)."""
        self.data = data

    def check_initialised(self):
        if self.data is None:
            raise NotInitialisedError(
                f"the {self.name!r} component has no data: call nlp.initialize() first, or load a "
                "pipeline saved after it (spacy.load)"
            )

    def to_bytes(self, *, exclude=()):
        self.check_initialised()
        return srsly.msgpack_dumps(self.data)

    def from_bytes(self, data, *, exclude=()):
        self.set_up(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path, *, exclude=()):
        self.check_initialised()
        util.to_disk(path, {self.DATA_FILE: lambda p: srsly.write_msgpack(p, self.data)}, exclude)

    def from_disk(self, path, *, exclude=()):
        util.from_disk(path, {self.DATA_FILE: lambda p: self.set_up(srsly.read_msgpack(p))}, exclude)
        return self
