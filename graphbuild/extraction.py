"""Run the extractors over papers and turn each processed document into an ``Extraction``.

The components each find one kind of thing; ``assemble`` is where their findings meet. It decides
what a name is when several components claim it (a proposed name is never also a mentioned method;
a known benchmark beats a method-shaped guess), joins defined abbreviations so that "Variational
Score Distillation (VSD)" and a later bare "VSD" are one concept, picks a paper's central tasks,
and attaches the sentence each finding came from.

With several workers (``graphbuild.workers``), each worker process runs the whole pipeline and
``assemble`` on a share of the papers and sends back only the small ``Extraction`` records.
(spaCy's own ``nlp.pipe(n_process=...)`` sends whole documents back, and rebuilding them in the
parent costs about as much as making them, so two processes on two cores would not be much faster
than one.)
"""

import bisect
import gc
from dataclasses import replace

from extractors import build_pipeline
from extractors.doc_values import findings, get_value
from extractors.lexicon import document_text, set_document_text
from extractors.links import classify_url
from extractors.methods import singular
from extractors.normalize import concept_key, url_key
from extractors.sections import compose, field_offsets, sentence_bounds, title_end as end_of_title
from extractors.spans import DisjointSpans, SpanIndex
from extractors.tokenizer import tokenizable
from graphbuild import schema
from graphbuild.pipeline_cache import load_pipeline, load_saved
from graphbuild.records import Extraction, Mention, Result, maker
from graphbuild.workers import in_workers

__all__ = ["Extractor", "assemble", "contract_record", "resolve_aliases"]

_LABEL_OF_FINDING = {"BENCHMARK": schema.BENCHMARK, "MODEL": schema.MODEL, "METHOD": schema.METHOD, "TASK": schema.TASK}
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
_FINDING_SOURCES = (
    ("benchmarks", "benchmark_gazetteer", "graphbuild_benchmarks"),
    ("models", "model_gazetteer", "graphbuild_models"),
    ("methods", "method_gazetteer", "method_gazetteer"),
    ("method_shapes", "graphbuild_methods", "graphbuild_methods"),
)
MAX_TASKS = 3
_make_mention, _make_extraction, _make_result = maker(Mention), maker(Extraction), maker(Result)
_OWN_CHOICE = object()  # Extractor.assemble_doc's default: the pipeline's own task choice
CHUNK = 256  # papers per batch, in one process or taken by a worker process


class Extractor:
    """The extraction pipeline with the lookups ``assemble`` needs; build once, run on many papers.

    The pipeline is the saved one of ``graphbuild.pipeline_cache`` (built on first use), so
    that it loads in a fraction of a second; a spawned worker loads the same saved folder.

    Parameters
    ----------
    base : str, optional
        An installed trained spaCy pipeline to start from (never required; such a pipeline is
        built anew each time rather than saved).
    gazetteers : list of paths, optional
        User gazetteer files added to the built-in ones.
    pipeline_path : path, optional
        A saved pipeline to load as it is (what spawned workers get from their parent).
    task_ranker : {"linear", "trees"}
        Which learned model chooses the tasks: the fast linear one the pipeline holds, or the
        slower, more accurate trees (``extractors.task_trees``; needs LightGBM).
    """

    def __init__(self, base=None, gazetteers=(), pipeline_path=None, task_ranker="linear"):
        self.base = base
        self.gazetteers = tuple(str(g) for g in gazetteers)
        self.task_ranker = task_ranker
        if pipeline_path is not None:
            self.nlp, self.pipeline_path = load_saved(pipeline_path), pipeline_path
        elif base:
            self.nlp, self.pipeline_path = build_pipeline(gazetteers, base=base), None
        else:
            self.nlp, self.pipeline_path = load_pipeline(gazetteers)
        gazetteer = self.nlp.get_pipe("graphbuild_gazetteer")
        self.canonical = gazetteer.canonical
        self.alias_keys = gazetteer.alias_keys
        self.spellings = _spellings(self.alias_keys)
        self.model_grammar = self.nlp.get_pipe("graphbuild_models").grammar
        # The learned task choice (None in a pipeline without the component or its model).
        choice = self.nlp.get_pipe("graphbuild_task_choice") if "graphbuild_task_choice" in self.nlp.pipe_names else None
        self.choose_tasks = choice.choose_tasks if choice is not None else None
        if task_ranker == "trees" and choice is not None:
            from extractors.task_trees import load_trees, tree_chooser

            ranker, settings = load_trees()
            self.choose_tasks = tree_chooser(ranker, choice.task_phrases, settings["most"], settings["threshold"], choice.task_heads)
        elif task_ranker != "linear":
            raise ValueError(f"task_ranker must be 'linear' or 'trees', not {task_ranker!r}")
        self._components = tuple(component for _, component in self.nlp.pipeline)
        # The pipeline's hundred thousand objects (patterns, word lists) live as long as the
        # process: frozen, the garbage collector no longer walks them on every full collection,
        # and forked workers no longer copy the memory pages that walk would touch. (No full
        # collection first: loading leaves next to no garbage, and one walk over every object
        # would cost a tenth of a second of every command.)
        gc.freeze()

    def process(self, texts):
        """The processed documents for a batch of texts.

        Each step runs over the whole batch before the next one starts, as spaCy's ``nlp.pipe``
        does: the tokenizer and each component keep their code and tables in the processor's
        caches for a few hundred documents instead of one. On the benchmark that saves about a
        fifth of the time (``benchmarks/extraction_speed.py``). The tokenizer gets each text with
        what it would take quadratic time over broken up (``extractors.tokenizer.tokenizable``),
        at the same offsets.
        """
        texts = [tokenizable(text) for text in texts]
        docs = [set_document_text(self.nlp.make_doc(text), text) for text in texts]
        for component in self._components:
            docs = [component(doc) for doc in docs]
        return docs

    def extract_batch(self, items):
        """The ``Extraction`` of each (paper id, composed title-and-abstract text) pair.

        The garbage collector is off during a batch: extraction makes no reference cycles (a
        test holds it to that), so every object it drops is freed at once, and the collector's
        walks over the records a run keeps would find nothing (about a twentieth of the time).
        """
        collecting = gc.isenabled()
        gc.disable()
        try:
            docs = self.process([text for _, text in items])
            return [self.assemble_doc(doc, paper_id) for doc, (paper_id, _) in zip(docs, items)]
        finally:
            if collecting:
                gc.enable()

    def assemble_doc(self, doc, paper_id, choose_tasks=_OWN_CHOICE):
        """``assemble`` one processed document with this pipeline's look-ups. ``choose_tasks``
        replaces the pipeline's learned task choice (None: the task list alone), as
        cross-validation and the stage benchmark need."""
        return assemble(
            doc, paper_id, self.canonical, self.model_grammar, self.alias_keys,
            parsed=self.base is not None, spellings=self.spellings,
            choose_tasks=self.choose_tasks if choose_tasks is _OWN_CHOICE else choose_tasks,
        )

    def extract_one(self, paper_id, text):
        """The ``Extraction`` of one composed title-and-abstract text."""
        return self.extract_batch([(paper_id, text)])[0]

    def extract(self, papers, workers=1, progress=None):
        """Yield an ``Extraction`` per paper, in order.

        ``workers`` > 1 runs that many processes. ``progress`` is called with the number of
        papers done so far.
        """
        items = [(p.id, compose(p.title, p.abstract)) for p in papers]
        if workers <= 1 or len(items) < 2 * CHUNK:
            results = (e for chunk in _chunks(items) for e in self.extract_batch(chunk))
        else:
            results = in_workers(self, _chunks(items, workers), workers)
        for done, extraction in enumerate(results, start=1):
            if progress is not None:
                progress(done)
            yield extraction


def _chunks(items, workers=1):
    """``items`` in batches of ``CHUNK``; with several workers, in batches of a quarter of that
    around where this process (from the front) and the helpers (from the back) should meet. The
    last batches are then short, and whichever side runs out of work first waits for a short
    batch of the other's, not for up to two long ones (about a twentieth of the run)."""
    if workers <= 1:
        return [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    meet = len(items) // workers
    low, high = max(0, meet - 4 * CHUNK), min(len(items), meet + 4 * CHUNK)
    starts = [*range(0, low, CHUNK), *range(low, high, CHUNK // 4), *range(high, len(items), CHUNK)]
    return [items[a:b] for a, b in zip(starts, [*starts[1:], len(items)])]


class _PairIndex:
    """The abbreviation definitions of one document, to find the first (in the document's order of
    definitions) whose long or short form shares a character with a span."""

    def __init__(self, pairs):
        halves = sorted((start, end, number) for number, pair in enumerate(pairs) for start, end in (pair[:2], pair[2:]))
        self.pairs = pairs
        self.starts = [start for start, _, _ in halves]
        self.halves = halves
        self.longest = max((end - start for start, end, _ in halves), default=0)

    def first_touching(self, start, end):
        low = bisect.bisect_right(self.starts, start - self.longest)
        high = bisect.bisect_left(self.starts, end)
        numbers = [number for s, e, number in self.halves[low:high] if s < end and start < e]
        return self.pairs[min(numbers)] if numbers else None


def _abbreviation_index(text, pairs):
    """Short form -> pair and long form -> pair (exact text) for one document's definitions."""
    by_short, by_long = {}, {}
    for pair in pairs:
        long_start, long_end, short_start, short_end = pair
        by_short.setdefault(text[short_start:short_end], pair)
        by_long.setdefault(text[long_start:long_end], pair)
    return by_short, by_long


def _sized(longer, shorter):
    """Whether ``longer`` is ``shorter`` with a size or version after it ("CogVideoX-5B" and
    CogVideoX, "Mixtral 8x7B" and Mixtral)."""
    return (
        len(longer) > len(shorter) + 1 and longer.startswith(shorter) and longer[len(shorter)] in " -"
        and any(ch.isdigit() for ch in longer[len(shorter):])
    )


def _names_another(long_key, key, alias_keys, spellings):
    """Whether a paper's long form for a known short form names another concept than the known
    one (key ``key``): it is no known spelling, and it does not start with the words of one of
    the known concept's long spellings. "Massive Multitask Understanding (MMLU)" is still MMLU;
    "self-attention mechanism (SAM)" and "Action Inference by Maximising Evidence (AIME)" are not
    Segment Anything and the AIME benchmark, "grouped-query attention (GQA)" (a known method) is
    not the GQA benchmark, and where the gazetteer knows no long spelling to compare with, the
    paper's own definition wins."""
    known_as = alias_keys.get(long_key)
    if known_as is not None:  # a known spelling: of this concept, or of another one
        return known_as != key
    head = long_key.split("-")[:2]
    return all(known.split("-")[:2] != head for known in spellings.get(key, ()) if "-" in known)


def _sentences(doc, text, parsed, title_end):
    """Sentence (start, end) pairs: the parser's when a trained pipeline set them, else found in
    the text."""
    if parsed and doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return sentence_bounds(text, title_end)


def _spellings(alias_keys):
    """Concept key -> keys of the gazetteer spellings that lead to it."""
    spellings = {}
    for spelling, key in alias_keys.items():
        spellings.setdefault(key, []).append(spelling)
    return spellings


class _Found:
    """What ``assemble`` gathers about one concept of one kind before it becomes a ``Mention``."""

    __slots__ = ("kind", "label", "text", "key", "name", "aliases", "properties", "positions", "extractors")

    def __init__(self, kind, label, text, key, name, aliases, properties=()):
        self.kind, self.label, self.text, self.key, self.name = kind, label, text, key, name
        self.aliases, self.properties = aliases, properties
        self.positions = []
        self.extractors = set()


def assemble(
    doc, paper_id, canonical, model_grammar, alias_keys=None, parsed=True, spellings=None, choose_tasks=None,
):
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
    parsed : bool
        Whether a trained pipeline may have set sentence boundaries; False spares the check on a
        blank pipeline, which never sets them.
    spellings : dict, optional
        Concept key -> keys of all its gazetteer spellings (``Extractor.spellings``), to tell a
        known short form that a paper defines loosely from one it gives another meaning.
    choose_tasks : callable, optional
        ``choose_tasks(text, title_end, named)`` -> the paper's tasks as (phrase, positions) pairs
        (the learned choice; ``named(start, end)`` is true inside a name found); without it, the
        known task phrases found, title first.
    """
    alias_keys = alias_keys or {}
    spellings = spellings if spellings is not None else _spellings(alias_keys)
    text = document_text(doc)
    pairs = get_value(doc, "abbreviations") or []
    reported = get_value(doc, "results")
    by_short, by_long = _abbreviation_index(text, pairs)
    pair_at = _PairIndex(pairs)
    title_end = end_of_title(text)

    def concept(start, end, gazetteer_key):
        """(display, key, canonical name, aliases) of the name at [start, end), joining the
        abbreviation definition it is part of, or the one it is the short form of."""
        surface = text[start:end]
        pair = None
        if pairs:
            pair = pair_at.first_touching(start, end) or by_short.get(surface) or by_long.get(surface)
            if pair is None and surface.endswith("s"):
                pair = by_short.get(surface[:-1])
        if pair is not None:
            # Both halves of a definition are one concept, whichever half a component found: the
            # gazetteer's concept when it knows the long form, or the short form however loosely
            # the paper spells it out ("Massive Multitask Understanding (MMLU)" is MMLU), else the
            # long form's own key ("self-attention mechanism (SAM)" is not Segment Anything, and
            # two papers' different "SPO" stay apart).
            long_form, short_form = text[pair[0]:pair[1]], text[pair[2]:pair[3]]
            long_key = concept_key(long_form)
            # In the plural as the gazetteers match it too: "hidden Markov models (HMMs)".
            key = alias_keys.get(long_key) or (alias_keys.get(concept_key(long_form[:-1])) if long_form.endswith("s") else None)
            if key is None:
                known = alias_keys.get(concept_key(short_form)) or alias_keys.get(concept_key(singular(short_form)))
                key = known if known and not _names_another(long_key, known, alias_keys, spellings) else long_key
            return f"{long_form} ({short_form})", key, canonical.get(key), (long_form, short_form)
        key = gazetteer_key or concept_key(surface)
        return surface, key, canonical.get(key), (surface,)

    found = {}  # (kind, label, key) -> _Found, in order of first sight

    def record(kind, label, start, extractor, display, key, name, aliases, properties=()):
        item = found.get((kind, label, key))
        if item is None:
            item = found[(kind, label, key)] = _Found(kind, label, display, key, name, aliases, properties)
        elif len(aliases) > len(item.aliases):
            item.text, item.aliases = display, aliases  # the defined "LONG (SHORT)" form wins
        item.positions.append(start)
        item.extractors.add(extractor)

    # 1. Candidates from every component: (start, end, label, extractor, gazetteer key); where
    #    they overlap, the more trusted component and then the longer name wins.
    defined_shorts = {text[p[2]:p[3]]: text[p[0]:p[1]] for p in pairs}
    metric_names = set(get_value(doc, "metric_names") or ())  # "MAE of 19.12": a metric, not a method
    candidates = []
    for group, known, guessed in _FINDING_SOURCES:
        for start, end, label, key in findings(doc, group):
            if (start, end) in metric_names and _LABEL_OF_FINDING[label] == schema.METHOD:
                continue
            key = key or None
            long_form = defined_shorts.get(text[start:end]) if pairs else None
            if key and long_form is not None and _names_another(concept_key(long_form), key, alias_keys, spellings):
                # "self-attention mechanism (SAM)" is not Segment Anything, there or later in the
                # abstract: a known short form defined with another long form names something else.
                continue
            candidates.append((start, end, _LABEL_OF_FINDING[label], known if key else guessed, key))
    candidates.sort(key=lambda c: (_PRIORITY[c[3]], c[0] - c[1], c[0]))
    accepted = []
    taken = DisjointSpans()
    for candidate in candidates:
        if not taken.overlaps(candidate[0], candidate[1]):
            accepted.append(candidate)
            taken.add(candidate[0], candidate[1])
    accepted.sort()
    proposals = [(start, end, _LABEL_OF_FINDING[label]) for start, end, label, _ in findings(doc, "proposed")]
    cited_benchmarks = SpanIndex(c for c in accepted if c[2] == schema.BENCHMARK)
    proposed_spans = SpanIndex(proposals)

    # 2. Proposed names, one label per name: a proposal that is also a cited benchmark, or that
    #    the title or the abstract calls a benchmark, is a new benchmark; otherwise the words
    #    around it in the abstract decide over the title's.
    proposed_keys = set()
    proposed_aliases = set()
    by_key = {}
    for start, end, label in proposals:
        if cited_benchmarks.overlaps(start, end):
            label = schema.BENCHMARK
        # A name a gazetteer knows keeps its key ("SimPO" of "SimPO: Simple Preference
        # Optimization ..."), so the paper that introduced it and the papers that use it meet.
        display, key, name, aliases = concept(start, end, alias_keys.get(concept_key(text[start:end])))
        by_key.setdefault(key, []).append((start, label, display, name, aliases))
    for key, occurrences in by_key.items():
        in_abstract = [label for start, label, *_ in occurrences if start >= title_end] or [occurrences[0][1]]
        called_benchmark = any(label == schema.BENCHMARK for _, label, *_ in occurrences)
        label = schema.BENCHMARK if called_benchmark else in_abstract[0]
        proposed_keys.add(key)
        for start, _, display, name, aliases in occurrences:
            proposed_aliases.update(concept_key(a) for a in aliases)
            record("proposed", label, start, "graphbuild_proposed", display, key, name, aliases)
            if label == schema.BENCHMARK:
                record("benchmark", label, start, "graphbuild_proposed", display, key, name, aliases)

    # 3. Everything else; names the paper proposes are not also mentions. A concept a gazetteer
    #    knows keeps the gazetteer's label where a shape rule found another half of it: the
    #    method-shaped "Massive Multitask Understanding" of "(MMLU)" is the benchmark.
    mentions = []
    known_labels = {}
    proposed_names = {text[start:end] for start, end, _ in proposals}
    for start, end, label, extractor, gazetteer_key in accepted:
        if label != schema.BENCHMARK and proposed_spans.overlaps(start, end):
            continue
        display, key, name, aliases = concept(start, end, gazetteer_key)
        if label != schema.BENCHMARK and (key in proposed_keys or concept_key(text[start:end]) in proposed_aliases):
            continue
        mentions.append((start, end, label, extractor, gazetteer_key, display, key, name, aliases))
        if gazetteer_key is not None:
            known_labels.setdefault(key, label)
    for start, end, label, extractor, gazetteer_key, display, key, name, aliases in mentions:
        if gazetteer_key is None:
            label = known_labels.get(key, label)
        properties = ()
        if label == schema.MODEL:
            described = model_grammar.describe(name or text[start:end])
            properties = tuple((k, v) for k, v in sorted(described.items()) if v)
            surface = text[start:end]
            if any(_sized(surface, own) for own in proposed_names):
                # "CogVideoX-5B" of a paper proposing CogVideoX: a size of the paper's own model.
                record("proposed", label, start, "graphbuild_proposed", display, key, name, aliases, properties)
                continue
            if any(_sized(own, surface) for own in proposed_names):
                continue  # "Mixtral" of a paper proposing "Mixtral 8x7B": the family of its own model
        record(_KIND_OF_LABEL[label], label, start, extractor, display, key, name, aliases, properties)

    # 4. Tasks: a few per paper, those in the title first, then the most repeated.
    tasks = findings(doc, "tasks") if choose_tasks is None else ()

    def named(start, end):  # inside a name found above: a name, not a task
        return taken.overlaps(start, end) or proposed_spans.overlaps(start, end)

    for phrase, positions in choose_tasks(text, title_end, named) if choose_tasks is not None else ():
        key = concept_key(phrase)
        for start in positions:
            record("task", schema.TASK, start, "graphbuild_task_choice", phrase, key, canonical.get(key), (phrase,))
    if tasks:
        task_spans = {}
        for start, end, _, key in tasks:
            if not named(start, end):
                phrase = text[start:end].lower()
                task_spans.setdefault(key or concept_key(phrase), []).append((start, phrase))
        ranked = sorted(task_spans.items(), key=lambda item: (item[1][0][0] >= title_end, -len(item[1]), item[1][0][0]))
        for key, occurrences in ranked[:MAX_TASKS]:
            phrase = occurrences[0][1]
            for start, _ in occurrences:
                record("task", schema.TASK, start, "task_gazetteer", phrase, key, canonical.get(key), (phrase,))

    # 5. Links.
    for start, _, _, url in findings(doc, "links"):
        host, link_kind = classify_url(url)
        record("link", schema.REPOSITORY, start, "graphbuild_links", url, url_key(url), None, (url,), (("host", host), ("kind", link_kind)))

    # The sentence of each finding, as a "field:start:end" locator.
    sentences = _sentences(doc, text, parsed, title_end) if found or reported else []
    sentence_starts = [start for start, _ in sentences]
    locators = {}

    def evidence(position):
        index = bisect.bisect_right(sentence_starts, position) - 1
        locator = locators.get(index)
        if locator is None:
            locator = locators[index] = "%s:%d:%d" % field_offsets(text, *sentences[max(0, index)], title_end)
        return locator

    # 6. Results, keyed like the benchmark they were reported on; a number "on" a name decided
    # to be something else ("52 percent on DeepSeek-R1-Distill-Qwen-1.5B", a model) is no result.
    results = []
    if reported:
        key_by_range = {(c[0], c[1]): c[4] for c in accepted if c[2] == schema.BENCHMARK}
        benchmark_starts = {p for item in found.values() if item.kind == "benchmark" for p in item.positions}
        for b_start, b_end, value, metric, s_start, s_end in reported:
            if b_start not in benchmark_starts:
                continue
            # Named as the benchmark list names it: "StreetView House Numbers (SVHN)" both times.
            display, key, _, _ = concept(b_start, b_end, key_by_range.get((b_start, b_end)))
            subject = text[s_start:s_end] if s_start >= 0 else None
            results.append(_make_result(display, key, value, metric, subject, evidence(b_start)))

    mentions = []
    for item in sorted(found.values(), key=lambda item: item.positions[0]):
        where = sorted({evidence(p) for p in item.positions}) if len(item.positions) > 1 else [evidence(item.positions[0])]
        extractors = tuple(sorted(item.extractors)) if len(item.extractors) > 1 else tuple(item.extractors)
        mentions.append(_make_mention(item.kind, item.label, item.text, item.key, item.name, tuple(where), extractors, item.aliases, item.properties))
    mentions = tuple(mentions)
    return _make_extraction(paper_id, mentions, tuple(results))


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
