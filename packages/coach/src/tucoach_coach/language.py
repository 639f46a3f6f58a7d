"""Plain-English text handling for scoring: words, light stems, stop words, phrases.

Deliberately small and deterministic: the same text always gives the same tokens, so the same
answer always gets the same score.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

_WORD = re.compile(r"[a-z0-9]+")
# Contractions spelled out, so "shouldn't change state" says what "should not change state"
# does and reads in the same word order: "won't" -> "will not", "they're" -> "they are".
_CONTRACTION = re.compile(r"([a-z])['\u2019](t|re|ve|ll|d|m)\b")
_IRREGULAR_NEGATIONS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_CONTRACTED = {"re": "are", "ve": "have", "ll": "will", "d": "would", "m": "am"}
_NEGATED_VERB = re.compile(r"\b([a-z]+)n['\u2019]t\b")
_DOUBLE_CONSONANT = re.compile(r"([b-df-hj-km-np-rtv-z])\1$")

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "couldn",
        "did",
        "didn",
        "do",
        "does",
        "doesn",
        "doing",
        "don",
        "down",
        "during",
        "each",
        "either",
        "else",
        "even",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "get",
        "gets",
        "got",
        "had",
        "hadn",
        "has",
        "hasn",
        "have",
        "haven",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "isn",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "like",
        "ll",
        "me",
        "might",
        "more",
        "most",
        "much",
        "must",
        "mustn",
        "my",
        "myself",
        "need",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "often",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "ought",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "per",
        "quite",
        "rather",
        "re",
        "really",
        "s",
        "same",
        "shall",
        "shan",
        "she",
        "should",
        "shouldn",
        "so",
        "some",
        "such",
        "t",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "thing",
        "things",
        "this",
        "those",
        "though",
        "through",
        "thus",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "use",
        "used",
        "uses",
        "using",
        "ve",
        "very",
        "via",
        "was",
        "wasn",
        "way",
        "we",
        "well",
        "were",
        "weren",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "won",
        "would",
        "wouldn",
        "yet",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
    ]
)


def words(text: str) -> list[str]:
    """Lowercase alphanumeric runs, contractions spelled out: "Don't use O(n^2)!" -> [do, not,
    use, o, n, 2]."""
    return _WORD.findall(_spelled_out(text.lower()))


def _negation(match: re.Match[str]) -> tuple[str, int]:
    """A negated verb spelled out ("can't" -> "can not"), and where its written word starts."""
    verb = match.group(1)
    return f"{_IRREGULAR_NEGATIONS.get(verb, verb)} not", match.start()


def _contraction(match: re.Match[str]) -> tuple[str, int]:
    """A contraction spelled out ("they're" -> "they are"), and where its written word starts
    (the pattern holds only its last letter before the apostrophe)."""
    contracted = match.group(2)
    start = match.start()
    while start and match.string[start - 1].isalnum():
        start -= 1
    return f"{match.group(1)} {_CONTRACTED.get(contracted, contracted)}", start


_SPELLINGS = ((_NEGATED_VERB, _negation), (_CONTRACTION, _contraction))
_Spelling = Callable[[re.Match[str]], tuple[str, int]]


def _spelled_out(text: str) -> str:
    if "'" not in text and "\u2019" not in text:
        return text
    for pattern, spelling in _SPELLINGS:
        text = pattern.sub(_replacement(spelling), text)
    return text


def _replacement(spelling: _Spelling) -> Callable[[re.Match[str]], str]:
    return lambda match: spelling(match)[0]


class Word(NamedTuple):
    """One of `words(text)`, with the characters of `text` it was read from (end exclusive)."""

    text: str
    start: int
    end: int


def word_spans(text: str) -> list[Word]:
    """The words of `words(text)`, each with where `text` says it: the words a contraction is
    spelled out into are each the whole contraction as written ("isn't" -> "is" and "not",
    both "isn't"), so a phrasing found in the words is shown in whole words of the text."""
    lowered = text.lower()
    if len(lowered) == len(text) and "'" not in text and "\u2019" not in text:
        return [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(lowered)]
    # Lowercasing may lengthen a character ("İ" -> "i̇"): each one lowered on its own keeps its
    # origin (the same characters as `text.lower()` but for the Greek final sigma, no word's).
    spelled = "".join(c.lower() for c in text)
    origins = [(i, i + 1) for i, c in enumerate(text) for _ in c.lower()]
    for pattern, spelling in _SPELLINGS:
        spelled, origins = _substituted(pattern, spelling, spelled, origins)
    return [
        Word(m.group(), origins[m.start()][0], origins[m.end() - 1][1])
        for m in _WORD.finditer(spelled)
    ]


def _substituted(
    pattern: re.Pattern[str], spelling: _Spelling, text: str, origins: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """`pattern.sub` spelling out with `spelling`, and for each character of the result the
    characters of the original text it comes from: a spelled-out contraction's come from the
    whole written word."""
    pieces: list[str] = []
    new_origins: list[tuple[int, int]] = []
    position = 0
    for match in pattern.finditer(text):
        spelled, word_start = spelling(match)
        pieces.extend([text[position : match.start()], spelled])
        new_origins.extend(origins[position : match.start()])
        new_origins.extend([(origins[word_start][0], origins[match.end() - 1][1])] * len(spelled))
        position = match.end()
    pieces.append(text[position:])
    new_origins.extend(origins[position:])
    return "".join(pieces), new_origins


# Everyday words of one meaning in an answer about software, so a point said in other words
# meets its phrasing: "divide state per component" states "split state per component". Only
# plain English, never a technical term (a "process" is not a "handle"), and only words that
# mean the same in any sentence of the bank.
_SYNONYMS = (
    ("split", "divide", "divides", "divided", "dividing"),
    ("change", "changes", "changed", "changing", "modify", "modifies", "modified", "alter"),
    ("many", "several", "multiple"),
    ("fast", "quick", "speedy"),
    ("slow", "sluggish"),
    ("large", "big", "huge"),
    ("permanent", "lasting"),
    ("issue", "issues", "problem", "problems"),
    ("recurring", "repeated", "repeat"),
    ("serve", "serves", "served", "serving", "deliver", "delivers", "delivered", "delivering"),
)
_CANONICAL = {word: group[0] for group in _SYNONYMS for word in group}


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """A light stem that makes plural, -ing and -ed forms meet (caches/caching/cached ->
    cach), and synonyms too (divided -> split)."""
    word = _CANONICAL.get(word, word)
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, replacement in (("ies", "y"), ("ied", "y")):
        if word.endswith(suffix) and len(word) > 4:
            return word[: -len(suffix)] + replacement
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            return _DOUBLE_CONSONANT.sub(r"\1", base).rstrip("e")
    if word.endswith("es") and len(word) > 4 and word[-3] in "sxzh":
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word.rstrip("e") if len(word) > 3 else word


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def content_words(tokens: Sequence[str]) -> list[str]:
    """The words that carry meaning: everything but stop words."""
    return [w for w in tokens if w not in STOP_WORDS]


def phrase_starts(haystack: Sequence[str], phrase: Sequence[str]) -> list[int]:
    """Where `phrase` starts as consecutive items of `haystack` (both stemmed)."""
    if not phrase or len(phrase) > len(haystack):
        return []
    items = list(haystack)
    wanted = list(phrase)
    first, width = wanted[0], len(wanted)
    starts: list[int] = []
    position = -1
    while True:
        try:
            position = items.index(first, position + 1, len(items) - width + 1)
        except ValueError:
            return starts
        if items[position : position + width] == wanted:
            starts.append(position)


def contains_phrase(haystack: Sequence[str], phrase: Sequence[str]) -> bool:
    return bool(phrase_starts(haystack, phrase))


def distinct_ratio(tokens: Sequence[str], n: int = 3) -> float:
    """Distinct n-grams over all n-grams: near 1 for prose, low for text said again and again."""
    grams = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 1.0
