"""Questions about character spans that the extractors and the assembly ask for every name: does a
span overlap one of these, is it inside one of these, which of these does it touch.

Asked by scanning every span, each question costs time proportional to the number of spans, and an
abstract holding thousands of names (or a hostile one written to) makes the whole extraction
quadratic. Here each is answered from the spans sorted by start, in logarithmic time.

>>> found = SpanIndex([(0, 5), (3, 9), (20, 24)])
>>> found.overlaps(8, 12), found.overlaps(9, 20), found.contains(4, 8), found.contains(4, 10)
(True, False, True, False)
>>> taken = DisjointSpans()
>>> taken.add(10, 15)
>>> taken.overlaps(14, 20), taken.overlaps(15, 20)
(True, False)
"""

import bisect

__all__ = ["SpanIndex", "DisjointSpans"]


class SpanIndex:
    """A fixed set of (start, end) spans, which may overlap one another."""

    def __init__(self, spans):
        ordered = sorted((start, end) for start, end, *_ in spans)
        self.starts = [start for start, _ in ordered]
        self.reach = []  # the furthest end of the spans up to each one
        furthest = None
        for _, end in ordered:
            furthest = end if furthest is None or end > furthest else furthest
            self.reach.append(furthest)

    def overlaps(self, start, end):
        """Whether some span shares a character with [start, end)."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start

    def contains(self, start, end):
        """Whether some span holds all of [start, end)."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


class DisjointSpans:
    """Spans that never overlap one another, added one at a time (the caller checks first)."""

    def __init__(self):
        self.starts, self.ends = [], []

    def overlaps(self, start, end):
        """Whether some span shares a character with [start, end)."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def add(self, start, end):
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
