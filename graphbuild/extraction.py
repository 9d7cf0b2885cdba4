"""Run the extractors over papers and turn each processed document into an ``Extraction``.

The components each find one kind of thing; ``assemble`` is where their findings meet. It decides
what a name is when several components claim it (a proposed name is never also a mentioned method;
a known benchmark beats a method-shaped guess), joins defined abbreviations so that "Variational
Score Distillation (VSD)" and a later bare "VSD" are one concept, picks a paper's central tasks,
and attaches the sentence each finding came from.
"""

import bisect
from dataclasses import replace

from extractors import build_pipeline
from extractors.links import classify_url
from extractors.normalize import concept_key, url_key
from extractors.sections import compose, field_offsets
from graphbuild.records import Extraction, Mention, Result
from graphbuild import schema

__all__ = ["Extractor", "assemble", "contract_record", "resolve_aliases"]

_LABEL_OF_SPAN = {"BENCHMARK": schema.BENCHMARK, "MODEL": schema.MODEL, "METHOD": schema.METHOD, "TASK": schema.TASK}
_KIND_OF_LABEL = {schema.BENCHMARK: "benchmark", schema.MODEL: "model", schema.METHOD: "method", schema.TASK: "task"}
# Lower wins when two components claim overlapping text.
_PRIORITY = {
    "benchmark_gazetteer": 1,
    "model_gazetteer": 2,
    "graphbuild_models": 2,
    "method_gazetteer": 3,
    "graphbuild_benchmarks": 4,
    "graphbuild_methods": 5,
}
MAX_TASKS = 3


class Extractor:
    """The extraction pipeline with the lookups ``assemble`` needs; build once, run on many papers.

    Parameters
    ----------
    base : str, optional
        An installed trained spaCy pipeline to start from (never required).
    gazetteers : list of paths, optional
        User gazetteer files added to the built-in ones.
    """

    def __init__(self, base=None, gazetteers=()):
        self.nlp = build_pipeline(base=base, gazetteers=gazetteers)
        self.canonical = {}
        self.alias_keys = {}
        for name, component in self.nlp.pipeline:
            self.canonical.update(getattr(component, "canonical", {}))
            for alias, key in getattr(component, "alias_keys", {}).items():
                self.alias_keys.setdefault(alias, key)
        self.model_grammar = self.nlp.get_pipe("graphbuild_models").grammar

    def extract(self, papers, workers=1, batch_size=64, progress=None):
        """Yield an ``Extraction`` per paper, in order.

        ``workers`` > 1 runs spaCy's multiprocessing (``nlp.pipe(n_process=...)``). ``progress``
        is called with the number of papers done after each one.
        """
        texts = ((compose(p.title, p.abstract), p.id) for p in papers)
        n_process = max(1, int(workers))
        done = 0
        for doc, paper_id in self.nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield assemble(doc, paper_id, self.canonical, self.model_grammar, self.alias_keys)
            done += 1
            if progress is not None:
                progress(done)


def _sentence_finder(doc):
    starts = []
    ends = []
    for sent in doc.sents:
        starts.append(sent.start_char)
        ends.append(sent.end_char)

    def sentence_of(char):
        index = max(0, bisect.bisect_right(starts, char) - 1)
        return starts[index], ends[index]

    return sentence_of


def _abbreviation_index(text, pairs):
    """Short form -> pair and long form -> pair (exact text) for one document's definitions."""
    by_short, by_long = {}, {}
    for pair in pairs:
        long_start, long_end, short_start, short_end = pair
        by_short.setdefault(text[short_start:short_end], pair)
        by_long.setdefault(text[long_start:long_end], pair)
    return by_short, by_long


def _overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def assemble(doc, paper_id, canonical, model_grammar, alias_keys=None):
    """Turn a processed document into the paper's ``Extraction``.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        Output of the extraction pipeline for ``compose(title, abstract)``.
    paper_id : str
    canonical : dict
        Concept key -> canonical name, from the gazetteers.
    model_grammar : extractors.models.ModelGrammar
        Used to read a model name's family and size.
    alias_keys : dict, optional
        Concept key of every gazetteer surface form -> key of its concept ("dpo" ->
        "direct-preference-optimization").
    """
    alias_keys = alias_keys or {}
    text = doc.text
    sentence_of = _sentence_finder(doc)
    by_short, by_long = _abbreviation_index(text, doc._.abbreviations or [])

    def located(start, end):
        s_start, s_end = sentence_of(start)
        return field_offsets(text, s_start, s_end)

    pairs = doc._.abbreviations or []

    def concept(start, end, label, gazetteer_key):
        """(display, key, canonical name, aliases) of the name at [start, end), joining the
        abbreviation definition it is part of, or the one it is the short form of."""
        surface = text[start:end]
        pair = next(
            (p for p in pairs if (p[0] < end and start < p[1]) or (p[2] < end and start < p[3])), None
        ) or by_short.get(surface) or by_long.get(surface)
        if pair is None and surface.endswith("s"):
            pair = by_short.get(surface[:-1])
        if pair is not None:
            # Both halves of a definition are one concept, whichever half a component found: the
            # gazetteer's concept when it knows the long form, else the long form's own key (a
            # known short form with another long form is another thing: two papers' "SPO").
            long, short = text[pair[0]:pair[1]], text[pair[2]:pair[3]]
            key = alias_keys.get(concept_key(long)) or concept_key(long)
            return f"{long} ({short})", key, canonical.get(key), (long, short)
        key = gazetteer_key or concept_key(surface)
        return surface, key, canonical.get(key), (surface,)

    # 1. Candidates from every component: (start, end, label, extractor, gazetteer key).
    candidates = []
    for key_name, extractor_of in (
        ("benchmarks", lambda s: "benchmark_gazetteer" if s.id_ else "graphbuild_benchmarks"),
        ("models", lambda s: "model_gazetteer" if s.id_ else "graphbuild_models"),
        ("methods", lambda s: "method_gazetteer"),
        ("method_shapes", lambda s: "graphbuild_methods"),
    ):
        for span in doc.spans.get(key_name, []):
            candidates.append((span.start_char, span.end_char, _LABEL_OF_SPAN[span.label_], extractor_of(span), span.id_ or None))
    candidates.sort(key=lambda c: (_PRIORITY[c[3]], -(c[1] - c[0]), c[0]))
    accepted = []
    for candidate in candidates:
        if not any(_overlaps(candidate, other) for other in accepted):
            accepted.append(candidate)

    proposals = [(s.start_char, s.end_char, _LABEL_OF_SPAN[s.label_]) for s in doc.spans.get("proposed", [])]

    mentions = []
    proposed_keys = set()
    proposed_aliases = set()
    # 2. Proposed names, one label per name: a proposal that is also a cited benchmark is a new
    #    benchmark; otherwise the words around it in the abstract decide over the title's.
    by_key = {}
    for start, end, label in proposals:
        if any(c[2] == schema.BENCHMARK and _overlaps((start, end), c) for c in accepted):
            label = schema.BENCHMARK
        display, key, name, aliases = concept(start, end, label, None)
        by_key.setdefault(key, []).append((start, end, label, display, name, aliases))
    for key, found in by_key.items():
        labels = [label for start, _, label, *_ in found if start >= (doc._.title_end or 0)] or [found[0][2]]
        label = schema.BENCHMARK if schema.BENCHMARK in labels else labels[0]
        proposed_keys.add(key)
        for start, end, _, display, name, aliases in found:
            proposed_aliases.update(concept_key(a) for a in aliases)
            field, s_start, s_end = located(start, end)
            mentions.append(Mention("proposed", label, display, key, name, field, s_start, s_end, "graphbuild_proposed", aliases))
            if label == schema.BENCHMARK:
                mentions.append(Mention("benchmark", label, display, key, name, field, s_start, s_end, "graphbuild_proposed", aliases))

    # 3. Everything else, in text order; names the paper proposes are not also mentions.
    for start, end, label, extractor, gazetteer_key in sorted(accepted):
        if label != schema.BENCHMARK and any(_overlaps((start, end), p) for p in proposals):
            continue
        surface = text[start:end]
        display, key, name, aliases = concept(start, end, label, gazetteer_key)
        if label != schema.BENCHMARK and (key in proposed_keys or concept_key(surface) in proposed_aliases):
            continue
        properties = ()
        if label == schema.MODEL:
            described = model_grammar.describe(name or surface)
            properties = tuple((k, v) for k, v in sorted(described.items()) if v)
        field, s_start, s_end = located(start, end)
        mentions.append(Mention(_KIND_OF_LABEL[label], label, display, key, name, field, s_start, s_end, extractor, aliases, properties))

    # 4. Tasks: a few per paper, those in the title first, then the most repeated.
    task_spans = {}
    named = [(c[0], c[1]) for c in accepted] + [(p[0], p[1]) for p in proposals]
    for span in doc.spans.get("tasks", []):
        if any(_overlaps((span.start_char, span.end_char), other) for other in named):
            continue
        phrase = span.text.lower()
        task_spans.setdefault(span.id_ or concept_key(phrase), []).append((span.start_char, span.end_char, phrase))
    boundary = doc._.title_end or 0
    ranked = sorted(
        task_spans.items(),
        key=lambda item: (min(s for s, _, _ in item[1]) >= boundary, -len(item[1]), min(s for s, _, _ in item[1])),
    )
    for key, spans in ranked[:MAX_TASKS]:
        for start, end, phrase in spans:
            field, s_start, s_end = located(start, end)
            mentions.append(Mention("task", schema.TASK, spans[0][2], key, canonical.get(key), field, s_start, s_end, "task_gazetteer", (phrase,)))

    # 5. Links.
    for span in doc.spans.get("links", []):
        url = span.id_
        host, link_kind = classify_url(url)
        field, s_start, s_end = located(span.start_char, span.end_char)
        mentions.append(
            Mention("link", schema.REPOSITORY, url, url_key(url), None, field, s_start, s_end, "graphbuild_links", (url,), (("host", host), ("kind", link_kind)))
        )

    # 6. Results, keyed like the benchmark they were reported on.
    key_by_surface = {}
    for start, end, label, _, gazetteer_key in accepted:
        if label == schema.BENCHMARK:
            key_by_surface[(start, end)] = concept(start, end, label, gazetteer_key)
    results = []
    for b_start, b_end, value, metric, s_start, s_end in doc._.results or []:
        display, key, _, _ = key_by_surface.get((b_start, b_end)) or concept(b_start, b_end, schema.BENCHMARK, None)
        field, sent_start, sent_end = located(b_start, b_end)
        subject = text[s_start:s_end] if s_start >= 0 else None
        results.append(Result(text[b_start:b_end], key, value, metric, subject, field, sent_start, sent_end))

    mentions.sort(key=lambda m: (m.field != "title", m.sent_start))
    return Extraction(paper_id=paper_id, mentions=tuple(mentions), results=tuple(results))


def contract_record(paper, extraction):
    """The JSON object ``graphbuild extract`` prints for a paper: exactly the documented keys."""

    def names(kind):
        return [m.text for m in extraction.of_kind(kind)]

    return {
        "id": paper.id,
        "title": paper.title,
        "proposed": names("proposed"),
        "methods": names("method"),
        "benchmarks": names("benchmark"),
        "models": names("model"),
        "tasks": names("task"),
        "links": names("link"),
        "results": [r.as_contract() for r in extraction.results],
    }


def resolve_aliases(extractions):
    """Point bare mentions at the one concept, across all papers, that has them as an alias.

    A paper that writes only "VSD" means the concept another paper defined as "Variational Score
    Distillation (VSD)" when exactly one concept of that label has the alias; when several do, the
    mention keeps its own key and the ambiguity stays visible.
    """
    owners = {}
    for extraction in extractions:
        for mention in extraction.mentions:
            if len(mention.aliases) > 1:
                for alias in mention.aliases:
                    owners.setdefault((mention.label, concept_key(alias)), set()).add(mention.key)
    resolved = []
    for extraction in extractions:
        changed = []
        for mention in extraction.mentions:
            keys = owners.get((mention.label, mention.key))
            if len(mention.aliases) == 1 and keys and len(keys) == 1:
                (key,) = keys
                if key != mention.key:
                    mention = replace(mention, key=key)
            changed.append(mention)
        resolved.append(replace(extraction, mentions=tuple(changed)))
    return resolved
