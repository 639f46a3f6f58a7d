from __future__ import annotations

import pytest

from tucoach_coach import compiled_vocabulary, matching
from tucoach_coach.bank import QuestionBank, load_bank
from tucoach_coach.language import stems
from tucoach_coach.matching import (
    Phrase,
    PhraseIndex,
    PhraseKind,
    bank_vocabulary,
    question_phrases,
    word_order_of,
)
from tucoach_coach.statements import analyse
from tucoach_coach.word_order import WordOrderModel
from tucoach_models import Role, Seniority

VOCABULARY = bank_vocabulary(load_bank())


@pytest.mark.parametrize(
    "phrasing",
    ["fresh snapshot", "40001", "kubectl logs --previous", "read-only", "mvcc", "innodb"],
)
def test_a_statement_or_a_rare_technical_token_is_specific(phrasing: str) -> None:
    assert VOCABULARY.is_specific(phrasing)


@pytest.mark.parametrize("phrasing", ["events", "retry", "at a time", "test", "data"])
def test_a_common_single_word_is_generic(phrasing: str) -> None:
    assert not VOCABULARY.is_specific(phrasing)


def test_the_bank_is_indexed_once() -> None:
    assert bank_vocabulary(load_bank()) is VOCABULARY


def test_the_shipped_banks_phrases_are_read_compiled_not_computed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given phrases, and the bank's word frequencies they are computed with, that cannot be
    # computed
    def computed(*_: object) -> object:
        raise AssertionError("a question's phrases, or the bank's frequencies, were computed")

    monkeypatch.setattr(matching, "_phrases", computed)
    monkeypatch.setattr(matching, "_question_frequency", computed)
    # ... nor a word-order model learned again from the model answers
    monkeypatch.setattr(WordOrderModel, "learned_from", computed)
    # When the shipped bank's vocabulary is built (afresh, not the one this module keeps)
    built = bank_vocabulary.__wrapped__(load_bank())
    # Then every question's phrases and the word-order counts are the compiled ones
    # (compile_bank_test checks that they are what computing them gives)
    assert built.question_phrases == VOCABULARY.question_phrases
    assert built.word_order.counts() == VOCABULARY.word_order.counts()
    assert set(built.point_phrases.all()) == set(VOCABULARY.point_phrases.all())


def test_another_banks_phrases_are_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a bank of one cell of the shipped bank's questions (not the shipped bank itself),
    # and compiled phrases that cannot be read
    cell = load_bank().questions(Role.BACKEND, Seniority.JUNIOR)
    bank = QuestionBank({(Role.BACKEND, Seniority.JUNIOR): cell})

    def read(*_: object) -> object:
        raise AssertionError("the shipped bank's phrases were read for another bank")

    monkeypatch.setattr(compiled_vocabulary, "read_phrases", read)
    monkeypatch.setattr(compiled_vocabulary, "read_word_order", read)
    # When its vocabulary is built, then its questions' phrases and its word-order model are
    # computed for it, from its own model answers
    built = bank_vocabulary(bank)
    assert set(built.question_phrases) == {q.id for q in cell}
    assert all(phrases for _, phrases in built.question_phrases.values())
    learned = word_order_of(bank)
    assert built.word_order.counts() == learned.counts()
    assert learned.counts() != VOCABULARY.word_order.counts()


def test_a_bank_question_takes_the_phrases_its_bank_built(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given the bank's vocabulary, built once (its phrases checked against the model answers)
    question = load_bank().get("backend-senior-isolation-levels-anomalies")

    def analysed_again(text: str) -> object:
        raise AssertionError("a model answer was analysed again")

    monkeypatch.setattr(matching, "analyse", analysed_again)
    # When a question of that bank asks for its phrases, then they are the ones built
    phrases = question_phrases(question, VOCABULARY)
    assert phrases
    assert {p.question_id for p in phrases} == {question.id}
    assert phrases is VOCABULARY.question_phrases[question.id][1]


def test_the_banks_index_holds_every_questions_talking_points_and_nothing_else() -> None:
    # Given the shipped bank's vocabulary, whose questions have points, red flags and swaps
    every_phrase = [p for _, phrases in VOCABULARY.question_phrases.values() for p in phrases]
    assert {type(p.kind) for p in every_phrase} == {PhraseKind}
    assert {p.kind for p in every_phrase} == set(PhraseKind)
    # When the index an answer to another question is spotted by is read, then it holds the
    # talking points' phrases of every question, and no red flag or swap
    points = {p for p in every_phrase if p.kind is PhraseKind.POINT and p.stems}
    assert len(points) > len(VOCABULARY.question_phrases)
    assert set(VOCABULARY.point_phrases.all()) == points


def test_a_question_of_another_bank_gets_phrases_of_its_own() -> None:
    # Given a question changed from the bank's (another phrasing for its first point)
    question = load_bank().get("backend-senior-isolation-levels-anomalies")
    point = question.talking_points[0]
    changed = question.model_copy(
        update={
            "talking_points": (
                point.model_copy(update={"phrasings": (*point.phrasings, "a brand new phrasing")}),
                *question.talking_points[1:],
            )
        }
    )
    # When it asks for its phrases, then they are its own, not the bank's question's
    assert "a brand new phrasing" in {p.text for p in question_phrases(changed, VOCABULARY)}
    assert "a brand new phrasing" not in {p.text for p in question_phrases(question, VOCABULARY)}


def test_a_match_is_placed_where_the_text_says_it_even_through_a_contraction() -> None:
    # Given a phrasing written out and an answer that says it with a contraction
    index = PhraseIndex([_phrase("should not change state")])
    answer = "GET requests shouldn\u2019t change state on the server."
    # When it is matched, then its place is the answer's own words
    (match,) = index.matches(analyse(answer))
    assert answer[match.span[0] : match.span[1]] == "shouldn\u2019t change state"


def _phrase(
    text: str, kind: PhraseKind = PhraseKind.POINT, sides: frozenset[str] = frozenset()
) -> Phrase:
    return Phrase("q", kind, "p", text, tuple(stems(text)), specific=True, sides=sides)


def test_a_point_phrasing_matches_with_a_few_words_between_its_own() -> None:
    index = PhraseIndex([_phrase("behind an interface")])
    (match,) = index.matches(analyse("I put the provider behind an internal versioned interface."))
    assert not match.denied


def test_a_negation_between_the_words_of_a_gapped_match_denies_it() -> None:
    index = PhraseIndex([_phrase("autoscaling is enough")])
    (match,) = index.matches(analyse("Autoscaling alone is not enough for the peak."))
    assert match.denied


def test_a_red_flag_allows_one_word_between_its_words_at_most() -> None:
    index = PhraseIndex([_phrase("rely on autoscaling", PhraseKind.RED_FLAG)])
    assert index.matches(analyse("We rely mostly on autoscaling at peak."))
    assert not index.matches(analyse("We rely on caches and on autoscaling at peak."))


def test_a_function_word_between_a_red_flags_words_can_make_it_right() -> None:
    index = PhraseIndex([_phrase("where o.id = null", PhraseKind.RED_FLAG)])
    assert not index.matches(analyse("Filter the rows WHERE o.id IS NULL after the join."))


def test_a_clause_saying_the_other_side_of_a_points_pair_contradicts_it() -> None:
    # Given a phrasing of a point that states "before" (run migrations before the deploy)
    index = PhraseIndex([_phrase("schema migration", sides=frozenset(stems("before")))])
    # When an answer names it on the other side, or on the point's side
    (swapped,) = index.matches(analyse("The schema migration runs after the new pods start."))
    (kept,) = index.matches(analyse("The schema migration runs before the new pods start."))
    # Then the swapped one contradicts the point and the other states it
    assert swapped.denied
    assert swapped.contradicted
    assert not kept.denied


def test_a_noun_negation_inside_a_gapped_match_contradicts_it() -> None:
    index = PhraseIndex([_phrase("renders in the browser")])
    (match,) = index.matches(analyse("This mode renders nothing in the browser at all."))
    assert match.denied
    assert match.contradicted


def test_a_phrasing_takes_its_sides_from_its_own_part_of_the_point() -> None:
    # Given the bank's phrasings, each with the sides of pairs its point states
    question = load_bank().get("backend-architect-cqrs-event-sourcing")
    sides = {p.text: p.sides for p in question_phrases(question, VOCABULARY)}
    # Then "crypto-shredding" is not on the "avoid" side its statement gives to plain CRUD
    assert not sides["crypto-shredding"]
