"""What an answer states: its sentences, their clauses, and which words a clause denies.

A phrasing counts for a point only where the answer states it. This module cuts an answer into
sentences (at . ! ? and line breaks, not at an ellipsis), each sentence into clauses, and marks
the words each clause denies:

- clauses break at ; : ( ) dashes and clause words ("but", "although", "because", "so",
  "which", "whether", ...) always, and at a comma when the next piece has a verb of its own (an
  auxiliary, a subject pronoun, a negated verb); "such as X", a list item or a verbless aside
  goes on with its clause, while ", not X", ", never Y", ", or holds only Z" and an item of a
  list of actions opening with a gerund (", and being careful with X") are clauses of their
  own;
- a verb negation ("is not", "don't", "wouldn't", "never", "cannot") or a dismissal
  ("overkill", "anti-pattern", "no need to", "isn't worth", "unnecessary", ...) denies the
  whole clause: "GET, PUT and DELETE are not idempotent", "a flame graph isn't worth it";
- a preference ("instead of", "rather than", "avoid", "without", "unlike") or a noun negation
  ("no rows") denies the next few words only: "use a queue instead of polling" still says "use
  a queue"; inside a relative clause ("customers who never ordered"), inside what a verb
  reports ("X means services never see Y") and as an adjective before its noun ("removing
  unnecessary indexes") a negation or dismissal reaches two; a verb negation turns a later
  "without" around ("don't make changes without announcing them" asks for the announcing);
- a condition ("if ...", "unless ...", "whether ...") states nothing as a fact, and words
  followed by "would/could/might" or by a harm ("... breaks word order") are weighed, not
  recommended.

Negation words inside a matched phrasing are part of what it says ("no write conflict"); "not
only", "not just", "no matter", "to avoid" (a purpose) and SQL's upper-case NOT are no
negations.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tucoach_coach.language import STOP_WORDS, stem, word_spans, words

_WHITESPACE_TOKEN = re.compile(r"\S+")
# A sentence ends at . ! ? before a space, but not at an ellipsis ("SELECT ... FOR UPDATE").
_SENTENCE_END = re.compile(r"(?<!\.\.)(?<=[.!?])\s+|\n+")
_CLAUSE_BREAK = re.compile(r"([,;:()\[\]]|\s[-\u2013\u2014]+\s|\u2014)")
_CLAUSE_WORDS = frozenset(
    [
        "but",
        "although",
        "though",
        "whereas",
        "however",
        "because",
        "unless",
        "while",
        "yet",
        "so",
        "which",
        "since",
        "where",
        "whether",
    ]
)
# A comma piece opening with one of these goes on with the clause before it: "X is not for
# bad input, such as a missing field" denies the example too.
_CONTINUATIONS = frozenset(["such", "like", "including", "e", "eg", "ie", "especially", "etc"])
# Words that name a harm, and clause words that concede one follows.
_HARMS = frozenset(
    stem(w)
    for w in (
        "break",
        "breaks",
        "broke",
        "fail",
        "fails",
        "lose",
        "loses",
        "lost",
        "leak",
        "leaks",
        "hide",
        "hides",
        "corrupt",
        "corrupts",
        "risk",
        "risks",
        "wrong",
        "bug",
        "bugs",
        "dangerous",
        "unsafe",
        "brittle",
        "fragile",
    )
)
_CONCESSIONS = frozenset(["but", "although", "though", "however", "yet"])
_SUPPOSITION_MODALS = frozenset(["would", "could", "might"])
_CONTRASTS = frozenset(["not", "never", "no", "rather", "instead", "only"])
_COORDINATORS = frozenset(["and", "or", "nor"])
_CONDITIONS = frozenset(["if", "unless", "when", "whenever", "whether"])
_PERSONAL = frozenset(["i", "we", "you", "they"])
_DETERMINERS = frozenset(["a", "an", "the", "any", "every", "each", "some", "this", "that"])
_ADVERBS = frozenset(
    [
        "first",
        "then",
        "today",
        "instead",
        "otherwise",
        "later",
        "next",
        "finally",
        "second",
        "third",
        "here",
        "now",
        "initially",
        "afterwards",
        "meanwhile",
        "still",
        "sometimes",
    ]
)
_CONNECTORS = frozenset(["and", "or", "then", "so", "that", "also"])
_RELATIVES = frozenset(["that", "who", "whom", "whose"])
# Pronouns that head a noun phrase as a noun does: "a transitive one we never declared".
_HEAD_PRONOUNS = frozenset(["one", "ones"])
_SUBJECTS = frozenset(["i", "we", "you", "they", "it", "he", "she", "this", "that", "there"])
# A negation reaches this many words past it ("would not look at distributed traces"), no
# further: "customers who never ordered" does not deny the query written next.
NEGATION_REACH = 6
LOCAL_REACH = 2
# A comma piece of at most this many words reads as an item of a list.
LIST_ITEM_WORDS = 4
# A sentence states something when it has at least this many words and a function word.
MIN_STATEMENT_WORDS = 3

# Negations of a clause's verb besides "not" after an auxiliary: "never", "cannot", and
# contractions typed without their apostrophe ("dont"); "don't" arrives spelled out ("do not").
_VERB_NEGATIONS = frozenset(
    [
        "never",
        "cannot",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "wont",
        "wouldnt",
        "shouldnt",
        "cant",
        "couldnt",
        "mustnt",
        "havent",
        "hasnt",
        "hadnt",
        "neednt",
    ]
)
_AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "do",
        "does",
        "did",
        "can",
        "could",
        "should",
        "would",
        "will",
        "must",
        "may",
        "might",
        "has",
        "have",
        "had",
        "need",
        "shall",
    ]
)
# Negations of a noun phrase: "no rows", "nothing new"; they reach the few words after them.
_NOUN_NEGATIONS = frozenset(["not", "no", "nobody", "none", "nothing", "neither", "nor", "nowhere"])
_DISMISSALS: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "overkill",
        "not worth",
        "no need",
        "no point",
        "dont need",
        "doesnt need",
        "not needed",
        "not necessary",
        "not required",
        "never needed",
        "anti pattern",
        "antipattern",
        "unnecessary",
        "needless",
        "pointless",
        "useless",
        "unsuitable",
        "not suitable",
        "irrelevant",
        "a myth",
        "waste of",
        "bad practice",
        "bad idea",
        "over engineering",
        "overengineering",
        "over engineered",
        "overengineered",
        "stop using",
        "would hide",
        "would just hide",
        "just hides",
        "papers over",
        "get rid of",
        "forget about",
        "rarely worth",
        "hardly",
    )
)
_FORWARD: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "instead of",
        "rather than",
        "as opposed to",
        "unlike",
        "difference from",
        "different from",
        "in place of",
        "avoid",
        "avoiding",
        "avoids",
        "without",
        "skip",
        "skipping",
        "ignore",
        "ignores",
        "ignoring",
        "disregard",
        "disregards",
        "neglect",
        "neglects",
    )
)
# Words that state one side of a pair: a clause that says the other side of a side its point
# states ("the browser checks its cache after the resolver", "crawlers avoid the structure")
# contradicts the point, even with the point's own words in it.
_OPPOSITE_PAIRS = (
    ("always", "never"),
    ("before", "after"),
    ("use", "avoid"),
    ("more", "less"),
    ("more", "fewer"),
    ("increase", "decrease"),
    ("increase", "reduce"),
    ("faster", "slower"),
    ("cheaper", "costlier"),
    ("cheap", "expensive"),
    ("safe", "unsafe"),
    ("secure", "insecure"),
    ("synchronous", "asynchronous"),
    ("sync", "async"),
    ("stateless", "stateful"),
    ("mutable", "immutable"),
    ("enable", "disable"),
    ("allow", "deny"),
    ("allow", "block"),
    ("early", "late"),
    ("earlier", "later"),
    ("higher", "lower"),
    ("inside", "outside"),
    ("add", "remove"),
)
OPPOSITES: dict[str, frozenset[str]] = {}
for _one, _other in _OPPOSITE_PAIRS:
    OPPOSITES[stem(_one)] = OPPOSITES.get(stem(_one), frozenset()) | {stem(_other)}
    OPPOSITES[stem(_other)] = OPPOSITES.get(stem(_other), frozenset()) | {stem(_one)}


def sides_stated(text_stems: Sequence[str]) -> frozenset[str]:
    """The sides of opposite pairs a text states, leaving out pairs it states both sides of."""
    said = set(text_stems)
    return frozenset(s for s in said if s in OPPOSITES and not OPPOSITES[s] & said)


def opposes(sides: frozenset[str], clause_stems: Sequence[str]) -> bool:
    """Whether a clause says the opposite of one of `sides` (stems a point states) without
    saying that side itself: "after" against "before", "avoid" against "use"."""
    said = set(clause_stems)
    return any(side not in said and OPPOSITES[side] & said for side in sides)


_NOT_A_NEGATION: tuple[tuple[str, ...], ...] = (
    ("not", "only"),
    ("not", "just"),
    ("no", "matter"),
    ("or", "not"),
    ("if", "not"),
    ("to", "avoid"),  # a purpose: "to avoid a round trip per request, batch" wants it avoided
)


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return index


_NOT_GERUNDS = frozenset(
    ["thing", "bring", "string", "nothing", "something", "anything", "everything", "during"]
)
_REPORTING_VERBS = frozenset(["means", "ensures", "guarantees", "saying", "says", "showing"])
_ATTRIBUTIVE_DISMISSALS = frozenset(
    ["unnecessary", "needless", "pointless", "useless", "unsuitable", "irrelevant"]
)
_DISMISSALS_BY_FIRST = _by_first_word(_DISMISSALS)
_FORWARD_BY_FIRST = _by_first_word(_FORWARD)
_NOT_A_NEGATION_BY_FIRST = _by_first_word(_NOT_A_NEGATION)


# Words that make a statement a denial or a protection ("JWTs are not encrypted", "locking
# prevents concurrent applies", "humans skip nitpicks"): a clause that denies its words may
# still state it.
_DENIALS = frozenset(
    [
        "not",
        "no",
        "never",
        "cannot",
        "nobody",
        "none",
        "neither",
        "nor",
        "without",
        "lack",
        "lacks",
        "against",
        "avoid",
        "avoids",
        "skip",
        "skips",
        "prevent",
        "prevents",
        "stop",
        "stops",
        "protect",
        "protects",
    ]
)
# Whole tokens with their hyphens: "no-cache" names a header and "non-root" a user.
_SPACED_TOKEN = re.compile(r"[a-z0-9'][a-z0-9'-]*")


def states_a_denial(statement: str) -> bool:
    """Whether a statement itself denies, dismisses or protects against something."""
    tokens = _SPACED_TOKEN.findall(statement.lower())
    if any(t in _DENIALS for t in tokens) or "n't" in statement:
        return True
    plain = words(statement)
    return any(_find(plain, i, _DISMISSALS_BY_FIRST) for i in range(len(plain)))


@dataclass(frozen=True)
class Clause:
    """One clause: its stems, and where the cues that deny some of its words sit."""

    stems: tuple[str, ...]
    # Positions (within the clause) of dismissals and verb negations: they deny the clause.
    whole_clause_cues: tuple[tuple[int, int], ...] = ()
    # Positions of preference markers ("instead of", "avoid"): they deny the words after them.
    preference_cues: tuple[tuple[int, int], ...] = ()
    # Positions of noun negations ("no rows"): they deny the words after them.
    noun_cues: tuple[tuple[int, int], ...] = ()
    # Positions of negations inside a relative clause ("customers who never ordered"): they
    # deny only the next word or two.
    local_cues: tuple[tuple[int, int], ...] = ()
    # A condition ("if there is no owner, ...") states nothing as a fact, and a negated one
    # ("if the type does not change, ...") does not state its words either.
    conditional: bool = False
    # Positions of condition words inside the clause ("skip a re-render when ..."): a
    # preference reaches no further.
    conditions: tuple[int, ...] = ()
    # Where each comma piece merged into the clause starts (after the first).
    pieces: tuple[int, ...] = ()
    # Where each of `stems` is in the analysed text (offsets, end exclusive): "is" and "not"
    # of "isn't" are both the whole "isn't".
    spans: tuple[tuple[int, int], ...] = ()

    def denies(self, start: int, end: int) -> bool:
        """Whether the words start..end (a match) sit under a negation or dismissal."""
        if self._required(start):
            return False
        return (
            self.contradicts(start, end)
            or any(c[1] <= start or c[0] >= end for c in self.whole_clause_cues)
            or _reaches(self.noun_cues, start)
            or _reaches(self.local_cues, start, LOCAL_REACH)
        )

    def contradicts(self, start: int, end: int) -> bool:
        """Whether the clause states the opposite of the words start..end: a denial by its
        verb, a dismissal or a preference for something else, outside a condition. A verb
        negation in a later comma piece contradicts the words of an earlier piece only when
        that piece is short, an item of a list ("GET, PUT and DELETE are not idempotent"); a
        longer piece may be a clause whose verb was not seen ("field data attributed by
        release, team and route catches regressions lab tests don't see"): denied, no more."""
        if self.conditional or self._required(start):
            return False
        outside = any(
            c[1] <= start or (c[0] >= end and self._listed_with(start, c[0]))
            for c in self.whole_clause_cues
        )
        return outside or _reaches(self.preference_cues, start, barriers=self.conditions)

    def _listed_with(self, start: int, cue: int) -> bool:
        """Whether the words at `start` are in the cue's comma piece or a short one before; a
        purpose ("to shrink PCI scope, ...") is no item of a list."""
        piece, cue_piece = bisect_right(self.pieces, start), bisect_right(self.pieces, cue)
        if piece == cue_piece:
            return True
        bounds = (0, *self.pieces, len(self.stems))
        if self.stems[bounds[piece]] == "to":
            return False
        return bounds[piece + 1] - bounds[piece] <= LIST_ITEM_WORDS

    def _required(self, start: int) -> bool:
        """Whether the words at `start` follow a "without" that a verb negation before it
        turns around: "people should not make changes without announcing them" asks for the
        announcement."""
        return any(
            cue[0] <= start < cue[1] + NEGATION_REACH
            and self.stems[cue[0]] == "without"
            and any(whole[1] <= cue[0] for whole in self.whole_clause_cues)
            for cue in self.preference_cues
        )

    def negates_between(self, start: int, end: int) -> bool:
        """Whether a noun negation sits between the words of a gapped match: "renders nothing
        in the browser" denies "renders in the browser"."""
        if self.conditional:
            return False
        return any(start < c[0] < end for c in (*self.noun_cues, *self.local_cues))

    def supposes(self, end: int) -> bool:
        """Whether words ending at `end` are a supposition: "returning 500 for bad input would
        page someone" weighs the idea, it does not recommend it."""
        return any(s in _SUPPOSITION_MODALS for s in self.stems[end:])


def _reaches(
    cues: tuple[tuple[int, int], ...],
    start: int,
    reach: int = 0,
    barriers: tuple[int, ...] = (),
) -> bool:
    return any(
        c[1] <= start < c[1] + (reach or NEGATION_REACH)
        and not any(c[1] <= b <= start for b in barriers)
        for c in cues
    )


@dataclass(frozen=True)
class Sentence:
    text: str
    clauses: tuple[Clause, ...]
    is_statement: bool

    def criticises(self, clause: int, end: int) -> bool:
        """Whether the words ending at `end` of a clause are named to show their harm: "string
        concatenation breaks word order", "acking first, but then crashes lose emails"."""
        after = list(self.clauses[clause].stems[end:])
        following = self.clauses[clause + 1 : clause + 2]
        if following and following[0].stems[:1] and following[0].stems[0] in _CONCESSIONS:
            after.extend(following[0].stems)
        return any(s in _HARMS for s in after)

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(s for c in self.clauses for s in c.stems)


def _split_sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence with words is in the text, its spaces around left out."""
    breaks = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
    found: list[tuple[int, int]] = []
    position = 0
    for end, after in [*breaks, (len(text), len(text))]:
        piece = text[position:end]
        if words(piece):
            start = position + len(piece) - len(piece.lstrip())
            found.append((start, start + len(piece.strip())))
        position = after
    return found


def analyse(text: str) -> tuple[Sentence, ...]:
    """The answer's sentences, each cut into clauses with their negations marked and each word
    with its place in `text`."""
    return tuple(_sentence(text[start:end], start) for start, end in _split_sentences(text))


def _sentence(text: str, offset: int) -> Sentence:
    """One sentence, `offset` characters into the analysed text."""
    merged: list[list[str]] = []
    spans: list[list[tuple[int, int]]] = []
    starts: list[list[int]] = []
    for piece_start, piece_end, hard in _split_clauses(text):
        found = word_spans(text[piece_start:piece_end])
        piece = [w.text for w in found]
        at = offset + piece_start
        placed = [(at + w.start, at + w.end) for w in found]
        # ", not X", ", and never Y", ", or only Z": a contrast of its own.
        contrast = piece[0] in _CONTRASTS or (
            piece[0] in _COORDINATORS and any(t in _CONTRASTS for t in piece[1:3])
        )
        if (
            merged
            and not hard
            and not contrast
            and not (
                _opens_clause(piece)
                and (_has_verb(merged[-1]) or _find(merged[-1], 0, _FORWARD_BY_FIRST))
            )
        ):
            starts[-1].append(len(merged[-1]))
            merged[-1] = merged[-1] + piece
            spans[-1] = spans[-1] + placed
        else:
            merged.append(piece)
            spans.append(placed)
            starts.append([])
    tokens = [t for piece in merged for t in piece]
    return Sentence(
        text=text,
        clauses=tuple(
            # The words as written go along, to tell SQL's upper-case NOT.
            _clause(p, [text[a - offset : b - offset] for a, b in w], tuple(s), tuple(w))
            for p, s, w in zip(merged, starts, spans, strict=True)
        ),
        is_statement=len(tokens) >= MIN_STATEMENT_WORDS and any(t in STOP_WORDS for t in tokens),
    )


def _opens_clause(piece: Sequence[str]) -> bool:
    """A piece with its own verb or a clause word opens a clause; "such as X", "GET," go on.
    So does a contrast such as ", not X" or ", never Y": it denies X, not the clause before."""
    return (
        piece[0] in _CLAUSE_WORDS
        or piece[0] in _CONTRASTS
        or (piece[0] not in _CONTINUATIONS and (_has_verb(piece) or _opens_with_gerund(piece)))
    )


def _opens_with_gerund(piece: Sequence[str]) -> bool:
    """ "..., and being careful with foreign keys": an item of a list of actions, with its own
    verb, which a negation in an earlier item does not reach."""
    first = piece[1] if piece[0] in _COORDINATORS and len(piece) > 1 else piece[0]
    return first.endswith("ing") and len(first) >= 5 and first not in _NOT_GERUNDS


def _has_verb(piece: Sequence[str]) -> bool:
    """An auxiliary, a subject pronoun or a negated verb ("doesnt", "never") marks a verb."""
    return any(t in _AUXILIARIES or t in _SUBJECTS or t in _VERB_NEGATIONS for t in piece)


def _split_clauses(text: str) -> list[tuple[int, int, bool]]:
    """The pieces of a sentence (start, end), each with whether it surely opens a clause (after
    ; : ( ) a dash, or at a clause word) rather than maybe (after a comma)."""
    pieces: list[tuple[int, int, bool]] = []
    hard = True
    position = 0
    for part, separator in _pairs(_CLAUSE_BREAK.split(text)):
        current: list[re.Match[str]] = []
        tokens = list(_WHITESPACE_TOKEN.finditer(part))
        if tokens and _opens_with_clause_word(tokens[0]):
            hard = True
        for token in tokens:
            if current and _opens_with_clause_word(token):
                pieces.append((position + current[0].start(), position + current[-1].end(), hard))
                current, hard = [], True
            current.append(token)
        if current and words(part[current[0].start() : current[-1].end()]):
            pieces.append((position + current[0].start(), position + current[-1].end(), hard))
        hard = separator != ","
        position += len(part) + len(separator)
    return pieces


def _opens_with_clause_word(token: re.Match[str]) -> bool:
    return token.group().lower().strip("\"'") in _CLAUSE_WORDS


def _pairs(parts: list[str]) -> list[tuple[str, str]]:
    """re.split with a capturing group gives text, separator, text, ...: pair them up."""
    return [(parts[i], parts[i + 1] if i + 1 < len(parts) else "") for i in range(0, len(parts), 2)]


def _clause(
    clause_words: list[str],
    raw: list[str],
    pieces: tuple[int, ...],
    spans: tuple[tuple[int, int], ...],
) -> Clause:
    whole: list[tuple[int, int]] = []
    preference: list[tuple[int, int]] = []
    noun: list[tuple[int, int]] = []
    local: list[tuple[int, int]] = []
    skip_until = -1
    for i, word in enumerate(clause_words):
        if i < skip_until or (raw and raw[i] == "NOT"):  # SQL's NOT states, it does not deny
            continue
        if _find(clause_words, i, _NOT_A_NEGATION_BY_FIRST):
            skip_until = i + 2
        elif dismissal := _find(clause_words, i, _DISMISSALS_BY_FIRST):
            inner = _in_condition(clause_words, i) or _attributive(clause_words, i)
            (local if inner else whole).append((i, i + dismissal))
            skip_until = i + dismissal
        elif word in _VERB_NEGATIONS or (word == "not" and _after_auxiliary(clause_words, i)):
            inner = (
                _in_relative_clause(clause_words, i)
                or _in_condition(clause_words, i)
                or _in_complement(clause_words, i)
            )
            (local if inner else whole).append((i, i + 1))
        elif word in _NOUN_NEGATIONS:
            noun.append((i, i + 1))
        elif cue := _find(clause_words, i, _FORWARD_BY_FIRST):
            preference.append((i, i + cue))
    return Clause(
        stems=tuple(stem(t) for t in clause_words),
        whole_clause_cues=tuple(whole),
        preference_cues=tuple(preference),
        noun_cues=tuple(noun),
        local_cues=tuple(local),
        conditional=bool(clause_words) and clause_words[0] in _CONDITIONS,
        conditions=tuple(i for i, t in enumerate(clause_words) if i and t in _CONDITIONS),
        pieces=pieces,
        spans=spans,
    )


def _attributive(tokens: Sequence[str], position: int) -> bool:
    """A dismissive adjective before its noun ("removing unnecessary indexes") dismisses that
    noun, not the clause; after a verb ("indexes are unnecessary") it dismisses the clause."""
    return (
        tokens[position] in _ATTRIBUTIVE_DISMISSALS
        and position + 1 < len(tokens)
        and tokens[position + 1] not in STOP_WORDS
        and not any(t in _AUXILIARIES for t in tokens[max(0, position - 2) : position])
    )


def _in_complement(tokens: Sequence[str], position: int) -> bool:
    """ "tokenization means most services never see card numbers", "a banner saying a section
    isn't available": a negation inside what a verb reports denies nothing before the verb."""
    return any(t in _REPORTING_VERBS for t in tokens[max(0, position - 4) : position])


def _in_relative_clause(tokens: Sequence[str], position: int) -> bool:
    """ "decisions that are not mechanical get written down", "a dependency we never declared
    broke the build": the negation stays local. A "that" opening the clause ("if that cache is
    not ...") is a determiner, and a pronoun opening it ("we never ...") its subject."""
    for j in range(max(1, position - 4), position):
        opener = tokens[j - 1] in _CONDITIONS | _CLAUSE_WORDS | _CONNECTORS
        if tokens[j] in _RELATIVES and not opener:
            return True
        if (
            tokens[j] in _PERSONAL
            and position - j <= 2
            and _is_noun_like(tokens[j - 1])
            and any(t in _DETERMINERS for t in tokens[max(0, j - 3) : j - 1])
        ):
            return True
    return False


def _in_condition(tokens: Sequence[str], position: int) -> bool:
    """ "I name an incident commander if that is not me": a negation inside a condition met
    later in the clause denies nothing said before it."""
    return any(t in _CONDITIONS for t in tokens[1:position])


def _is_noun_like(token: str) -> bool:
    """A word a reduced relative clause can follow: "the dependency (that) we never declared"."""
    return token in _HEAD_PRONOUNS or (
        token not in STOP_WORDS and token not in _ADVERBS and not token.endswith("ly")
    )


def _after_auxiliary(tokens: Sequence[str], position: int) -> bool:
    """Whether "not" negates a verb: "is not", "would really not"."""
    return any(t in _AUXILIARIES for t in tokens[max(0, position - 2) : position])


def _find(tokens: Sequence[str], start: int, cues: dict[str, list[tuple[str, ...]]]) -> int:
    """The length of the cue starting at `start`, or 0."""
    for cue in cues.get(tokens[start], ()):
        if tuple(tokens[start : start + len(cue)]) == cue:
            return len(cue)
    return 0
