"""Closed sets of alternatives: terms of which a fact names exactly one.

"PostgreSQL defaults to Read Committed" names one isolation level; "a failing liveness probe
restarts the container" names one kind of probe. Said with another member of the same set, the
fact is wrong however fluent the sentence: "PostgreSQL defaults to Repeatable Read", "a failing
readiness probe restarts the container". Two uses (`matching.py`):

- **A swapped value.** A talking point's phrasing that names a member ("4xx means the client",
  "post is not idempotent") is also looked for with each other member of its set in its place
  ("5xx means the client", "get is not idempotent"): stating that variant contradicts the point.
- **A fact said of the wrong subject.** In the sets marked `subjects`, when the part of a point's
  statement a phrasing belongs to names one member and the phrasing itself names none ("kills
  the container" for the liveness probe), a sentence that states the phrasing and names another
  member of the set but not that one ("when a readiness probe fails, the kubelet kills the
  container") says the fact of the wrong subject. The clause is read first; only when it names
  no member of the set does the whole sentence decide.

Each member is a tuple of forms (synonyms, abbreviations). The sets are curated for terms the
bank compares; common English words ("get", "delete", "none") are never subjects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tucoach_coach.language import contains_phrase, phrase_starts, stem, stems, words

# A subject opens its clause: it starts within its first words ("a failing liveness probe").
SUBJECT_POSITION = 2


@dataclass(frozen=True)
class AlternativeSet:
    name: str
    # Each member: its forms, the first one shown in feedback.
    members: tuple[tuple[str, ...], ...]
    # Whether a member is the subject facts are said of (a sentence naming another one instead
    # says the fact of the wrong subject), not only a value inside a phrasing.
    subjects: bool = False

    @property
    def forms(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        return _forms(self)


@cache
def _forms(alternatives: AlternativeSet) -> tuple[tuple[tuple[str, ...], ...], ...]:
    return tuple(tuple(tuple(stems(f)) for f in member) for member in alternatives.members)


ALTERNATIVES = (
    AlternativeSet(
        "isolation level",
        (
            ("read uncommitted",),
            ("read committed",),
            ("repeatable read",),
            ("serializable",),
        ),
        subjects=True,
    ),
    AlternativeSet("HTTP method", (("get",), ("post",), ("put",), ("patch",), ("delete",))),
    AlternativeSet(
        "status class", (("1xx",), ("2xx",), ("3xx",), ("4xx",), ("5xx",)), subjects=True
    ),
    AlternativeSet(
        "status code",
        tuple(
            (code,)
            for code in ("400", "401", "403", "404", "409", "422", "429", "500", "502", "503")
        ),
    ),
    AlternativeSet(
        "probe",
        (("liveness",), ("readiness",), ("startup probe",)),
        subjects=True,
    ),
    AlternativeSet("image or container", (("image",), ("container",)), subjects=True),
    AlternativeSet(
        "delivery guarantee",
        (("at-least-once", "at least once"), ("at-most-once", "at most once"), ("exactly-once",)),
        subjects=True,
    ),
    AlternativeSet(
        "rendering",
        (
            ("client-side rendering", "client rendering", "csr"),
            ("server-side rendering", "server rendering", "ssr"),
            ("static site generation", "static generation", "ssg"),
            ("incremental regeneration", "isr"),
        ),
        subjects=True,
    ),
    AlternativeSet("service level", (("sli",), ("slo",), ("sla",)), subjects=True),
    AlternativeSet("SameSite value", (("samesite=lax", "lax"), ("samesite=strict", "strict"))),
    AlternativeSet(
        "scope", (("function-scoped", "function scope"), ("block-scoped", "block scope"))
    ),
    AlternativeSet("strictness", (("looser", "less strict"), ("stricter", "tighter"))),
)


@dataclass(frozen=True)
class Variant:
    """A phrasing with one member of a set put in place of the one it names."""

    text: str
    stems: tuple[str, ...]
    said: str  # the member put in, as shown
    right: str  # the member the phrasing names


def variants(phrasing: str) -> list[Variant]:
    """Every phrasing with one member it names swapped for another member of its set."""
    phrasing_words = words(phrasing)
    phrasing_stems = [stem(w) for w in phrasing_words]
    found: list[Variant] = []
    for alternatives in ALTERNATIVES:
        forms = alternatives.forms
        for index, member in enumerate(forms):
            for form in member:
                starts = phrase_starts(phrasing_stems, form)
                if not starts:
                    continue
                at = starts[0]
                for other, other_member in enumerate(forms):
                    if other == index:
                        continue
                    shown = alternatives.members[other][0]
                    text = [
                        *phrasing_words[:at],
                        shown,
                        *phrasing_words[at + len(form) :],
                    ]
                    found.append(
                        Variant(
                            text=" ".join(text),
                            stems=(
                                *phrasing_stems[:at],
                                *other_member[0],
                                *phrasing_stems[at + len(form) :],
                            ),
                            said=alternatives.members[other][0],
                            right=alternatives.members[index][0],
                        )
                    )
    return found


@dataclass(frozen=True)
class Subject:
    """The member of a set of subjects a fact is said of."""

    set_index: int
    member: int

    @property
    def shown(self) -> str:
        return ALTERNATIVES[self.set_index].members[self.member][0]


def subjects(part_stems: Sequence[str], phrasing_stems: Sequence[str]) -> frozenset[Subject]:
    """The subjects the part of a point's statement a phrasing belongs to opens with ("A
    failing liveness probe makes ..."), in sets of which the phrasing names no member."""
    found = set()
    for set_index, alternatives in enumerate(ALTERNATIVES):
        if not alternatives.subjects or named(set_index, phrasing_stems):
            continue
        members = _opening(set_index, part_stems)
        if len(members) == 1 and len(named(set_index, part_stems)) == 1:
            found.add(Subject(set_index, next(iter(members))))
    return frozenset(found)


def named(set_index: int, text_stems: Sequence[str]) -> frozenset[int]:
    """The members of a set a text names."""
    return frozenset(
        index
        for index, member in enumerate(ALTERNATIVES[set_index].forms)
        if any(contains_phrase(text_stems, form) for form in member)
    )


def wrong_subject(subject: Subject, clauses: Sequence[Sequence[str]]) -> str | None:
    """The member a sentence (its clauses' stems) says things of instead of the subject: one
    that opens a clause, in a sentence that names the subject nowhere."""
    if any(subject.member in named(subject.set_index, clause) for clause in clauses):
        return None
    members = {m for clause in clauses for m in _opening(subject.set_index, clause)}
    if not members:
        return None
    return ALTERNATIVES[subject.set_index].members[min(members)][0]


def _opening(set_index: int, text_stems: Sequence[str]) -> frozenset[int]:
    """The members of a set a text opens with: starting within its first words."""
    return frozenset(
        index
        for index, member in enumerate(ALTERNATIVES[set_index].forms)
        if any(
            start <= SUBJECT_POSITION
            for form in member
            for start in phrase_starts(text_stems, form)
        )
    )
