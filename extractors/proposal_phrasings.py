"""The phrasings that name a paper's own contribution, each a function of the text.

Every phrasing takes the composed title-and-abstract text (``extractors.sections.compose``), the
offsets of the words that trigger it (from the lexicon's interesting tokens) where it has any, and
the compiled cue words (``extractors.proposal_cues``), and returns the (start, end) offsets of the
names it finds. ``extractors.proposed.proposals`` runs them all and keeps one name per place.

- ``title_prefix``: "LADDER: ...", "Dualformer: ..." (not "Survey: ..."), "MeLM, a ... framework";
- ``introduced``: "we propose ControlNet++", "this paper introduces a framework, LADDER";
- ``named``: "a method called X", "dubbed X", "which we term X";
- ``appositions``: "X, a novel framework", "LONG (SHORT), a novel approach";
- ``novel_noun_phrases``: "a novel deterministic Q-exit criterion";
- ``own_work_names``: "our method, X";
- ``headed_names``: "our **LeaP-T** model", "to obtain the D-PPO variant";
- ``quoted_names``: "a simple yet effective 'thought dropout' operation";
- ``owned_definitions``: "we propose Goal Trees with Critics (GTC)";
- ``title_tools``: a title's "... with Neurally-Decomposed Oracle" the abstract defines or proposes.

Each function's examples run as doctests (``names`` and ``words_at`` are there to write them);
``tests/extractors/test_proposal_phrasings.py`` tests each on its own.

>>> text = "LADDER: Self-Improving Models\\n\\nWe introduce LADDER, a framework."
>>> names(text, introduced(text, words_at(text, "introduce"), default_cues()))
['LADDER']
"""

import re

from extractors.normalize import concept_key
from extractors.proposal_claims import WE_OR_THIS_PAPER, introduced_before, introduces
from extractors.proposal_cues import default_cues  # noqa: F401  (the examples use it)
from extractors.proposal_text import CLAUSE_END, QUOTES, name_at, sentence_start_of, span_of, split_words
from extractors.sections import title_end
from extractors.shapes import FUNCTION_WORDS, is_coined_word
from extractors.text_search import matches_at, occurrences

__all__ = [
    "names",
    "words_at",
    "title_prefix",
    "introduced",
    "named",
    "appositions",
    "novel_noun_phrases",
    "own_work_names",
    "headed_names",
    "quoted_names",
    "owned_definitions",
    "title_tools",
]

_WHOLE_WORD = re.compile(r"[^\s,;()]+")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_TITLE_LINKS = r"(?:For|In|Of|On|And|To|From|Via|With|Using|At|By|Through|Towards?|Under|Beyond|Without|Beats?)\b"
_CAPITALISED = rf"(?!{_TITLE_LINKS})[A-Z][\w\-+]*"
# "... with|using|via|through Title-Case Words" up to the title's end or its next small word.
_TITLE_TOOL = re.compile(
    rf"\s(?i:with|using|via|through)\s+(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,4}})(?=\s+(?:[a-z]|{_TITLE_LINKS})|\s*$|\s*[:?!,])",
    re.MULTILINE,
)
_TITLE_APPOSITION = re.compile(r"([^\W_][^\s,]*), (?:a|an) ")
_NAMED_NEXT = re.compile(r"\s*,?\s*(?:called|named|dubbed|termed)\s", re.IGNORECASE)
_WE_BEFORE = re.compile(r"\bwe\s+$", re.IGNORECASE)
_PRIOR_WORK = re.compile(r"\b(?:existing|popular|prior|previous|previously|conventional|standard|classical|traditional|widely|well-known|commonly|recently)\b", re.IGNORECASE)
_PROPOSE_VERBS = "propose|proposes|introduce|introduces|present|presents|develop|develops"
_PROPOSE_STEMS = ("propose", "introduce", "present", "develop")
_OPENING_QUOTES = "'\"“‘"
_QUOTED_HEAD = re.compile(r"['\"“‘](?P<name>[^'\"“”‘’]{3,40})['\"”’]\s+(?P<head>[a-z]+)\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?$", re.IGNORECASE)
_LIST_JOINERS = (("and",), ("together", "with"), ("along", "with"), ("as", "well", "as"))  # after an apposition
_APPOSITION_END = re.compile(r"(?:,\s*|\s)(?:is\s+)?(?:a|an)\s+$")
# Words that start a description rather than a name: "we propose a ...", "we introduce two ...".
_NOT_NAME_START = frozenset("a an the our this these those two three several new novel simple".split())
_DESCRIPTION_ENDS = frozenset("of to for that which with in on by , ;".split())
_CLAUSE_WORDS = frozenset("that which who to for is are was were with in on by as and or from into via".split())
_REPORT = (" Technical Report", " Report")  # "Qwen2.5-Math Technical Report: ..." names Qwen2.5-Math
_VERSION = re.compile(r"[vk]?\d+(?:\.\d+)+$|v\d+$")  # "2.0", "1.5", "v2", "k1.5"
_LOWER_CODED = re.compile(r"[a-z]+\d[\w.\-]*$")  # "s1", "k1.5": a lowercase name with a number
_NOT_NAMING = re.compile(r"so-$|\bnamed\s+entit")  # "so-called", "named entity"
_WE_OR_OUR = re.compile(r"\b(?:we|our)\b")
_THE_TERM = re.compile(r"terms?\b", re.IGNORECASE)  # after "coin the", "called the"


def names(text, spans):
    """The text of each (start, end) span: what a phrasing found, as words."""
    return [text[start:end] for start, end in spans]


def words_at(text, *words):
    """(start, end, word) of every whole-word occurrence of ``words`` in ``text``, sorted: the
    triggers a phrasing expects, written by hand."""
    found = []
    for word in words:
        found.extend((m.start(), m.end(), word) for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w])", text))
    return sorted(found)


def title_prefix(text, cues):
    """The name before the title's colon, when it is one: [(start, end)].

    >>> text = "LADDER: Self-Improving Models\\n\\nWe show that it works."
    >>> names(text, title_prefix(text, default_cues()))
    ['LADDER']
    """
    end_of_title = title_end(text)
    title = text[:end_of_title]
    colon = title.find(": ")
    if colon <= 0:
        # "MeLM, a generative pretrained language modeling framework that ...": a title that
        # is an apposition names its subject.
        apposition = _TITLE_APPOSITION.match(title)
        if apposition and (is_coined_word(apposition.group(1)) or apposition.group(1)[0].isupper()):
            return [apposition.span(1)]
        return []
    prefix = title[:colon].strip()
    for report in _REPORT:
        if prefix.endswith(report):
            prefix = prefix[:-len(report)].rstrip()
            break
    words = prefix.split()
    if not words or len(words) > 6 or any(ch in prefix for ch in ",?!"):
        return []
    if prefix.lower() in cues.generic_prefixes or words[0].lower() in cues.generic_prefixes:
        return []
    abstract = text[end_of_title:]
    if len(words) == 2 and _VERSION.match(words[1]):
        words = words[:1]  # "wav2vec 2.0: ...", "Kimi 1.5: ...": a name and its version
    if len(words) > 1 and words[0].endswith("ing") and words[0].isalpha() and words[0][1:].islower():
        return []  # "Understanding R1-Zero-Like Training: ...": what the paper does, not a name
    if len(words) == 1:
        accepted = words[0][0].isupper() or is_coined_word(words[0]) or _LOWER_CODED.match(words[0]) is not None
    elif any(is_coined_word(w) for w in words) and len(words) <= 3:
        accepted = True
    else:
        # A title-case phrase is a name only when the abstract uses it as one, or uses its
        # initials as a name ("Language Control Diffusion" and "(LCD)").
        initials = "".join(w[0] for w in words if w[0].isupper())
        accepted = all(w[0].isupper() or w.lower() in FUNCTION_WORDS or not w[0].isalpha() for w in words) and (
            prefix in abstract
            or re.search(rf"{re.escape(prefix)}\s*\(", abstract, re.IGNORECASE) is not None
            or (len(initials) >= 3 and re.search(rf"\({re.escape(initials)}s?\)", abstract) is not None)
        )
    return [(0, len(prefix))] if accepted else []


def introduced(text, triggers, cues):
    """Names right after an introducing verb: [(start, end)].

    ``triggers`` are the introducing verbs: (start, end, word).

    >>> text = "T\\n\\nTo this end, we propose ControlNet++, a novel approach."
    >>> names(text, introduced(text, words_at(text, "propose"), default_cues()))
    ['ControlNet++']
    """
    found = []
    for start, end, word in triggers:
        if not introduces(text, start, word, cues):
            if word.lower() == "proposed" and text[max(0, start - 4):start].lower() == "the ":
                found.extend(_the_proposed(text, end, cues))
            continue
        clause_end = CLAUSE_END.search(text, end, end + 110)  # a name comes within ~12 words
        stop = clause_end.start() if clause_end else min(len(text), end + 110)
        words = split_words(text, end, stop)
        # "we train GRUs", "we build on LLaMA": after a verb that also takes existing things,
        # a known name is not the paper's own.
        reused = word.lower() in cues.reuse_verbs
        found.extend(_scan_for_names(text, words, cues, reused=reused) or _lowercase_apposition(words, cues))
    return found


def _the_proposed(text, end, cues):
    """A coined name the gazetteers do not know right after "the proposed": "The proposed
    TreeQuant quantizes ..." is the paper's own, "the proposed method" names nothing."""
    found = _new_name_at(text, split_words(text, end, min(len(text), end + 60)), 0, cues)
    return [found[0]] if found else []


def _new_name_at(text, words, i, cues):
    """The coined name starting at ``words[i]`` that the gazetteers do not know: (span, index of
    the word after it), or None."""
    if i >= len(words) or not is_coined_word(words[i][2]):
        return None
    hit = name_at(text, words, i, -1, cues)
    if hit is None or hit[0] < i:
        return None
    span = span_of(words, i, hit)
    return None if cues.known(text[span[0]:span[1]]) else (span, hit[0] + 1)


def _lowercase_apposition(words, cues):
    """A lowercase name the paper introduces and describes at once: "we introduce diff
    history, a simple and highly effective solution": one to three lowercase words right
    after the verb, then ", a" and, within six words, a head noun: [(start, end)] or []."""
    k = 0
    while k < min(3, len(words)) and words[k][2].isalpha() and words[k][2].islower() and words[k][2] not in _NOT_NAME_START and words[k][2] not in cues.gap_stops:
        k += 1
    if not 0 < k < len(words) - 2 or words[k][2] != "," or words[k + 1][2] not in ("a", "an"):
        return []
    for _, _, word in words[k + 2:k + 8]:
        if word.lower() in cues.heads:
            break
        if word in _DESCRIPTION_ENDS:
            return []  # "metaheuristics, a branch of ... methods": the head is another thing
    else:
        return []
    phrase = " ".join(w[2] for w in words[:k])
    if k == 1 and phrase.endswith("s"):
        return []  # a single plural word names a kind of thing, not a contribution
    if concept_key(phrase) in cues.known_keys or phrase in cues.not_names or phrase.rstrip("s") in cues.not_names:
        return []
    return [(words[0][0], words[k - 1][1])]


def _scan_for_names(text, words, cues, max_gap=12, reused=False):
    names = []
    i = 0
    gap = 0
    after_names = 0  # index of the word right after the last name found
    while i < len(words) and gap <= max_gap:
        word = words[i][2]
        lower = word.lower()
        if names and word == "(":
            # "X (SHORT) and Y": skip the short form of the name just found.
            close = next((k for k in range(i + 1, min(len(words), i + 6)) if words[k][2] == ")"), None)
            if close is None:
                break
            i = close + 1
            continue
        if names and word == "," and i + 2 < len(words) and words[i + 1][2].lower() in ("a", "an"):
            # "X, a family of video models, and Y, ...": a list whose names have appositions.
            second = _after_apposition(text, words, i + 1, cues)
            if second is None:
                break
            names.append(second[0])
            i = after_names = second[1]
            continue
        if names and word in (",", "and") and i + 1 < len(words):
            # A list of names: "two benchmarks, X and Y".
            i += 1
            if words[i][2] == "and":
                i += 1
            if i < len(words):
                hit = name_at(text, words, i, -1, cues)
                if hit is None:
                    break
                names.append(span_of(words, i, hit))
                i = after_names = hit[0] + 1
            continue
        if names:
            break
        if lower in cues.gap_stops or (i == 0 and lower.endswith("ing") and word.islower()):
            # "we propose to ...", "we propose expanding ...": an action, not a name.
            break
        hit = name_at(text, words, i, -1, cues)
        if hit is not None and hit[0] == i and words[i][2].lower() in cues.not_names:
            hit = None  # "a search-based offline IL method": a generic acronym on the way
        if (
            hit is not None
            and hit[0] == i
            and hit[1] == "name"
            and not is_coined_word(words[i][2])
            and i + 1 < len(words)
            and words[i + 1][2].lower() in cues.heads
            and any(w[2].lower() in ("a", "an") for w in words[:i])
        ):
            break  # "a hierarchical Bayesian framework": a capitalised adjective, not a name
        if hit is not None:
            span = span_of(words, i, hit)
            name = text[span[0]:span[1]]
            article = any(w[2].lower() in ("a", "an", "the") for w in words[:i])
            if (article or reused) and cues.known(name):
                break  # "construct an auxiliary Transformer": an instance of a known method
            names.append(span)
            i = after_names = hit[0] + 1
            continue
        i += 1
        gap += 1
    # "we release the X and Y distilled datasets": the names modify a noun; they are not it.
    i = after_names
    if names and i + 1 < len(words) and words[i][2].islower() and words[i][2] not in _CLAUSE_WORDS:
        head = words[i + 1][2].lower()
        if head in cues.benchmark_cues or head in cues.heads:
            return []
    return names


def _after_apposition(text, words, article, cues, longest=10):
    """The name after ", and" (", together with", ", along with", ", as well as") that closes the
    apposition starting at ``article`` ("X, a family of video models, and Y"): (span, index of the
    word after it), or None. Only a coined name the gazetteers do not know: "X, a plug-in for DiT,
    and LoRA" lists no new LoRA."""
    close = next((k for k in range(article + 1, min(len(words), article + longest)) if words[k][2] in (",", "(", ")")), None)
    if close is None or words[close][2] != ",":
        return None
    for joining in _LIST_JOINERS:
        after = close + 1 + len(joining)
        if after < len(words) and tuple(w[2] for w in words[close + 1:after]) == joining:
            return _new_name_at(text, words, after, cues)
    return None


_VARIANT_WORDS = frozenset("variant variants version versions".split())
#: Words of a description that "we call" names before the name: "we call the resulting model X".
_DESCRIPTION_WORDS = frozenset("the our this it a an new novel resulting final proposed overall full combined".split()) | _VARIANT_WORDS


def named(text, naming_triggers, we_naming_triggers, cues):
    """Names after "called", "dubbed", "which we term", ...: [(start, end)].

    ``naming_triggers`` are naming words ("called", "dubbed"), ``we_naming_triggers`` verbs that
    name after "we" ("we term", "we call").

    >>> text = "T\\n\\nWe further propose a test-time method called TTRL."
    >>> names(text, named(text, words_at(text, "called"), [], default_cues()))
    ['TTRL']
    """
    found = []
    verbs = [cues.naming.match(text, start) for start, _, _ in naming_triggers]
    verbs += [
        cues.we_naming.match(text, start)
        for start, _, _ in we_naming_triggers
        if _WE_BEFORE.search(text[max(0, start - 8):start])
    ]
    for verb in verbs:
        if verb is None:
            continue
        before = text[max(0, verb.start() - 60):verb.start()].lower()
        if _NOT_NAMING.search(text[max(0, verb.start() - 3):verb.end() + 7].lower()):
            continue
        if cues.phenomena.search(before):
            continue
        sentence = text[sentence_start_of(text, verb.start()):verb.start()]
        if _PRIOR_WORK.search(sentence) and not WE_OR_THIS_PAPER.search(sentence):
            continue  # "Recently, a new paradigm was presented, called X": someone else's
        if verb.group().lower().startswith("namely") and not cues.describes_a_thing(before[-30:]):
            continue  # "(namely overthinking)" clarifies; "a novel regularizer, namely X" names
        if _THE_TERM.match(text, verb.end()):
            continue  # "we coin the term 'latent drift'": a name for a phenomenon, not a contribution
        clause_end = CLAUSE_END.search(text, verb.end(), verb.end() + 110)
        stop = clause_end.start() if clause_end else min(len(text), verb.end() + 110)
        words = split_words(text, verb.end(), stop)
        # "we name the algorithm X", "called our method X": skip the description.
        k = 0
        while k < len(words) and k < 4 and (
            words[k][2].lower() in _DESCRIPTION_WORDS
            or words[k][2].lower() in cues.heads
        ):
            k += 1
        if 0 < k < len(words) and (words[k - 1][2].lower() in cues.heads or words[k - 1][2].lower() in _VARIANT_WORDS):
            words = words[k:]
        # "we term such module as learngene", "we dub our method as X": the name follows "as".
        as_index = next((k for k, w in enumerate(words[:5]) if w[2].lower() == "as"), None)
        if as_index is not None and as_index + 1 < len(words):
            words = words[as_index + 1:]
        if not words:
            continue
        hit = name_at(text, words, 0, -1, cues)
        if hit is not None:
            found.append(span_of(words, 0, hit))
            continue
        # A lowercase coined phrase: up to five words before a delimiter.
        j = 0
        while j < len(words) and j < 4 and words[j][2][0].isalnum() and words[j][2].lower() not in (
            "that", "which", "to", "for", "is", "are", "and", "with", "in", "on", "by", "where", "as"
        ):
            j += 1
        # Only as the name of something the paper makes or claims: "a method called ...",
        # "which we call ...", not "a point in the process, called prediction level".
        said_by_us = _WE_OR_OUR.search(before) is not None
        if 0 < j <= 3 and (said_by_us or cues.describes_a_thing(before[-40:])):
            found.append((words[0][0], words[j - 1][1]))
    return found


def novel_noun_phrases(text, triggers, cues):
    """Names inside or after a novel noun phrase: "a novel deterministic Q-exit criterion",
    "a new theory-inspired approach, StepNet", "a simple yet effective 'thought dropout'
    operation": [(start, end)].

    >>> text = "T\\n\\nWe present a novel deterministic Q-exit criterion."
    >>> names(text, novel_noun_phrases(text, words_at(text, "novel"), default_cues()))
    ['Q-exit']
    """
    found = []
    for start, end, _ in triggers:
        if text[max(0, start - 4):start].lower() == "our " and text[start:end].lower() in ("new", "novel"):
            # "Our novel Focal Loss focuses ...": the paper's own, though a gazetteer knows it now
            # ("our new ViT model" is an instance of a known name, not a name).
            words = split_words(text, end, min(len(text), end + 60))[:7]
            hit = name_at(text, words, 0, -1, cues) if words and words[0][2][:1].isupper() else None
            if hit is not None and not (hit[0] + 1 < len(words) and words[hit[0] + 1][2].lower() in cues.heads):
                found.append(span_of(words, 0, hit))
            continue
        if not _ARTICLE_BEFORE.search(text, max(0, start - 16), start):
            continue  # "a novel ...", "the first ...": only an article starts such a phrase
        words = split_words(text, end, min(len(text), end + 60))[:7]
        for i, (w_start, w_end, word) in enumerate(words):
            if word in (".", ";") or word.lower() in cues.gap_stops:
                break
            if word in QUOTES:
                hit = name_at(text, words, i, -1, cues)
                if hit is not None and hit[0] + 1 < len(words) and words[hit[0] + 1][2].lower() in cues.method_heads:
                    found.append(span_of(words, i, hit))
                break
            if is_coined_word(word) and word.lower() not in cues.not_names and concept_key(word) not in cues.known_keys:
                following = words[i + 1][2].lower() if i + 1 < len(words) else ""
                if following in cues.heads:
                    found.append((w_start, w_end))
                break
            if word.lower() in cues.method_heads and i + 2 < len(words) and words[i + 1][2] == ",":
                hit = name_at(text, words, i + 2, -1, cues)
                if hit is not None and is_coined_word(words[i + 2][2]):
                    found.append(span_of(words, i + 2, hit))
                break
    return found


def headed_names(text, triggers, claim_starts, cues):
    """A coined, unknown name next to a head noun of the paper's own: after "the 32B model,",
    "our framework," or "our new benchmark,", or as in "to obtain the D-PPO variant" in a
    sentence where the paper speaks of its own work: [(start, end)].

    ``triggers`` are the coined words' tokens, ``claim_starts`` the sorted offsets of the
    introducing verbs and of "our".

    >>> text = "T\\n\\nWe fine-tune them into our LeaP-T model series."
    >>> names(text, headed_names(text, words_at(text, "LeaP"), [text.index("our")], default_cues()))
    ['LeaP-T']
    """
    found = []
    seen = set()
    for token_start, _, _ in triggers:
        # The whole word: the tokenizer cuts "Light-R1-32B-DS" and "D-PPO" at hyphens.
        if token_start and text[token_start - 1] in " (":
            start = token_start  # the common case, without searching back
        else:
            start = max(text.rfind(" ", 0, token_start), text.rfind("(", 0, token_start)) + 1
        if start in seen or start < 2 or text[start - 1] != " ":
            continue  # both tests below need a space before the word
        seen.add(start)
        after_comma = text[start - 2] == ","
        after_article = start >= 4 and text[start - 4:start].lower() in ("the ", "our ")
        if not (after_comma or after_article):
            continue  # the cheap test first: most coined words are neither
        whole = _WHOLE_WORD.match(text, start)
        word = whole.group().rstrip(".,;:") if whole else ""
        bold = 2 if word.startswith(("**", "__")) and word.endswith(word[:2]) and len(word) > 4 else 0
        word = word[bold:len(word) - bold]  # Markdown bold: "our **LeaP-T** model"
        end = start + bold + len(word)
        if after_comma:
            before = text[max(0, start - 50):start - 2].lower().split()[-4:]
            # The noun phrase from its last "the" or "our" to the head noun before the comma.
            article = max((i for i, w in enumerate(before[:-1]) if w in ("the", "our")), default=None)
            head = before[-1] if before else ""
            named = (
                article is not None
                and (head in cues.heads or (before[article] == "our" and head in cues.benchmark_cues))
                and not any(w in cues.gap_stops for w in before[article + 1:-1])  # "the standard models, CBMs"
            )
        else:
            following = _NEXT_WORD.match(text, end + bold, min(len(text), end + 24))
            # "our X model" claims X outright, "the X variant" needs a sentence that does; either
            # introduces X only where it first appears ("adapting the BC policy" does not).
            named = (
                bool(following)
                and following.group(1).lower() in cues.heads
                and re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text[:start]) is None
                and (text[start - 4:start].lower() == "our " or introduced_before(text, start, claim_starts, cues, names_between=True))
            )
        if (
            named
            and is_coined_word(word)
            and word.lower() not in cues.not_names
            and concept_key(word) not in cues.known_keys
            and not cues.known_model(word)
        ):
            found.append((start + bold, end))
    return found


def quoted_names(text, claim_starts, cues):
    """A quoted name followed by a head noun, in a sentence about the paper's own work:
    "a simple yet effective 'thought dropout' operation": [(start, end)].

    >>> text = "T\\n\\nWe propose a simple yet effective 'thought dropout' operation."
    >>> names(text, quoted_names(text, [text.index("propose")], default_cues()))
    ['thought dropout']
    """
    found = []
    for match in matches_at(_QUOTED_HEAD, text, occurrences(text, _OPENING_QUOTES)):
        if match.group("head").lower() in cues.method_heads and introduced_before(text, match.start(), claim_starts, cues, names_between=True):
            found.append(match.span("name"))
    return found


def own_work_names(text, triggers, cues):
    """Names right after "our method", "our framework", ...: [(start, end)].

    >>> text = "T\\n\\nExperiments show that our method, MoDA, beats PPO."
    >>> names(text, own_work_names(text, words_at(text, "our"), default_cues()))
    ['MoDA']
    """
    found = []
    for start, _, _ in triggers:
        match = cues.own_work.match(text, start)
        if match is None:
            found.extend(_named_by_our_apposition(text, start, cues))
            continue
        words = split_words(text, match.end(), min(len(text), match.end() + 80))
        if words and is_coined_word(words[0][2]):
            hit = name_at(text, words, 0, -1, cues)
            if hit is not None:
                found.append(span_of(words, 0, hit))
    return found


_BEFORE_OUR = re.compile(r"([A-Z][\w\-.]*[\w]|[a-z]+\d[\w\-.]*)\s*,\s*$")  # "Mimi, " of "Mimi, our ... codec,"
_OUR_APPOSITION = re.compile(r"our((?:\s+[a-z][a-z\-]*){1,5}?)\s*[,.;)]")
_APPOSITION_HEADS = frozenset("codec tokenizer system suite toolkit library platform environment corpus dataset benchmark".split())


def _named_by_our_apposition(text, start, cues):
    """The name an apposition with "our" describes: "Mimi, our streaming neural audio codec,"
    ([(start, end)] or []): a capitalised or coded word not opening its sentence, that the
    gazetteers do not know, and an apposition of lowercase words that ends on a head noun."""
    before = _BEFORE_OUR.search(text, max(0, start - 40), start)
    after = _OUR_APPOSITION.match(text, start)
    if before is None or after is None:
        return []
    head = after.group(1).split()[-1]
    if head not in cues.heads and head not in cues.benchmark_cues and head not in _APPOSITION_HEADS:
        return []
    word = before.group(1)
    if not text[sentence_start_of(text, before.start(1)):before.start(1)].strip():
        return []  # "Moreover, our method ...": the sentence's first word
    if word.lower() in cues.not_names or cues.known(word):
        return []
    return [(before.start(1), before.end(1))]


def appositions(text, triggers, pairs, cues):
    """Names in "X, a novel ..." appositions, and in "LONG (SHORT), a novel ...", where the
    defined long form is the name: [(start, end)].

    ``pairs`` are the abbreviation definitions (``extractors.abbreviations``).

    >>> text = "T\\n\\nFinally, StepNet, a new method, helps."
    >>> names(text, appositions(text, words_at(text, "new"), [], default_cues()))
    ['StepNet']
    """
    found = []
    defined_before = {short_end + 1: (long_start, long_end) for long_start, long_end, _, short_end in pairs}
    for start, _, _ in triggers:
        article = _APPOSITION_END.search(text, max(0, start - 8), start)
        if not article:
            continue  # "novel" without ", a" before it: not an apposition
        long_form = defined_before.get(article.start())
        if long_form is not None and text[article.start() - 1] == ")":
            found.append(long_form)
            continue
        words = split_words(text, max(0, article.start() - 70), article.start())
        # The trailing run of words that is a name ("Finally, ControlNet++" -> "ControlNet++").
        for i in range(max(0, len(words) - 6), len(words)):
            # A capitalised word that starts a sentence ("Recently, a new ...") is no name.
            first = i == 0 or not text[sentence_start_of(text, words[i][0]):words[i][0]].strip()
            hit = name_at(text, words, i, i if first else -1, cues)
            if hit is not None and hit[0] == len(words) - 1:
                found.append(span_of(words, i, hit))
                break
    return found


# Right before a defined long form, words that claim it as new even when a gazetteer knows it
# (the paper that introduced it): "our new Colossal Clean Crawled Corpus (C4)", "a class of
# CNNs called deep convolutional generative adversarial networks (DCGANs)", "we introduce a
# Region Proposal Network (RPN)", "a simple architecture, the Graph Isomorphism Network (GIN)".
_STRONG_CLAIM = re.compile(
    r"(?:\b(?:our|the)\s+(?:new|novel)\s+|\b(?:called|dubbed|named|termed)\s+"
    r"|\bwe\s+(?:\w+\s+)?(?:introduce|propose|present|develop)\s+(?:a|an|the)\s+(?:(?:new|novel|simple)\s+)?"
    r"|\b(?:architecture|model|network|method|algorithm|framework|approach),\s+(?:the|a|an)\s+)$",
    re.IGNORECASE,
)


_OWN_BEFORE = re.compile(r"\b(?:our|the\s+proposed)\s+$", re.IGNORECASE)  # "our Large Video Dataset (LVD)"


def owned_definitions(text, pairs, claim_starts, cues):
    """Abbreviations the paper defines for its own contribution: the defining sentence says
    "we propose", "our" or "this paper introduces" before the long form, with nothing between
    that relates it to earlier work ("than", "based on", ...), and the long form is not a
    known name. A known short form does not count against it: the paper's "advantage-calibrated
    optimization (ACO)" is its own although ACO also stands for ant colony optimization.

    >>> from extractors.abbreviations import abbreviation_pairs
    >>> text = "T\\n\\nWe propose Goal Trees with Critics (GTC) for planning."
    >>> pairs = list(abbreviation_pairs(text))
    >>> names(text, owned_definitions(text, pairs, [text.index("propose")], default_cues()))
    ['Goal Trees with Critics']
    """
    found = []
    for long_start, long_end, short_start, short_end in pairs:
        long_form, short_form = text[long_start:long_end], text[short_start:short_end]
        if not (
            len(long_form.split()) >= 2
            and len(short_form) >= 2
            and is_coined_word(short_form)
            and short_form.lower() not in cues.not_names
            and not text.endswith(" for ", 0, long_start)  # "a framework for <task> (SHORT)"
        ):
            continue
        own = _OWN_BEFORE.search(text, max(0, long_start - 16), long_start)
        strong = own or _STRONG_CLAIM.search(text, max(0, long_start - 60), long_start)
        if concept_key(long_form) in cues.known_keys and not strong:
            continue
        if own or introduced_before(text, min(long_start, short_start), claim_starts, cues) or (
            strong and _claimed_by_us(text, long_start)
        ):
            found.append((long_start, long_end))
    return found


def _claimed_by_us(text, position):
    """Whether the sentence up to ``position`` is the paper's own ("we", "this paper") and does
    not speak of earlier work ("Recently, ... called X")."""
    sentence = text[sentence_start_of(text, position):position]
    return WE_OR_THIS_PAPER.search(sentence) is not None and not _PRIOR_WORK.search(sentence)


def title_tools(text, pairs, cues):
    """The capitalised phrase a title ends on after "with", "using", "via" or "through"
    ("Controllable Text Generation with Neurally-Decomposed Oracle"), when the abstract
    defines it with an abbreviation or says it proposes it ("we propose an adaptive
    gradient modulation method"): the paper names its own tool in its title.

    >>> from extractors.abbreviations import abbreviation_pairs
    >>> text = "Text Generation with Neurally-Decomposed Oracle\\n\\nWe use Neurally-Decomposed Oracle (NADO)."
    >>> names(text, title_tools(text, list(abbreviation_pairs(text)), default_cues()))
    ['Neurally-Decomposed Oracle']
    """
    end_of_title = title_end(text)
    match = _TITLE_TOOL.search(text, 0, end_of_title)
    if match is None:
        return []
    phrase = match.group("name")
    key = concept_key(phrase)
    if cues.known(phrase) or phrase.lower() in cues.not_names or phrase.lower().rstrip("s") in cues.not_names:
        return []
    for long_start, long_end, short_start, short_end in pairs:
        short_form = text[short_start:short_end]
        if long_start >= end_of_title and concept_key(text[long_start:long_end]) == key:
            sentence_start = sentence_start_of(text, long_start)
            sentence_end = CLAUSE_END.search(text, short_end)
            sentence = text[sentence_start:sentence_end.start() if sentence_end else len(text)]
            if short_form.lower() in cues.not_names or cues.known(short_form) or _PRIOR_WORK.search(sentence):
                return []
            return [(long_start, long_end)]
    abstract = text[end_of_title:]
    lowered = abstract.lower()
    if phrase.lower() not in lowered:
        return []  # the cheap test first: the abstract has to say the phrase at all
    proposing = re.compile(rf"\b(?:{_PROPOSE_VERBS})\s+(?:an?\s+|the\s+|our\s+)?(?:[a-z]+\s+){{0,2}}{re.escape(phrase)}\b", re.IGNORECASE)
    if abstract.isascii():
        # A match starts where one of the verbs does: try only there, not at every position.
        said = next(matches_at(proposing, abstract, occurrences(lowered, _PROPOSE_STEMS)), None)
    else:
        said = proposing.search(abstract)  # lowercasing beyond ASCII can move offsets
    if said and _NAMED_NEXT.match(abstract, said.end()):
        return []  # "we propose an uncertainty-aware reward modeling, called Ctrl-U": the name is Ctrl-U
    return [(match.start("name"), match.end("name"))] if said else []
