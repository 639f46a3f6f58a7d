from __future__ import annotations

import re
from datetime import UTC, datetime

from tucoach_coach.bank import load_bank
from tucoach_coach.interviewer import Interviewer
from tucoach_coach.offline import OfflineEngine
from tucoach_coach.reporting import build_report
from tucoach_models import Interview, Role, Seniority

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
BANK = load_bank()
COACH = Interviewer(BANK, OfflineEngine())


def _interview(answer_for: dict[int, str]) -> Interview:
    """An interview of 3 questions; answer n is the model answer unless `answer_for` says."""
    interview = COACH.start(
        user_id="u",
        interview_id="report",
        role=Role.DEVOPS,
        seniority=Seniority.JUNIOR,
        question_count=3,
        now=NOW,
    )
    position = 0
    while interview.current_question is not None:
        current = interview.current_question
        main = BANK.get(current.follow_up_of or current.question_id)
        text = answer_for.get(position, main.model_answer)
        interview = COACH.answer(interview, question_id=current.question_id, text=text, now=NOW)
        position += 1
    return interview


def test_a_strong_interview_reports_high_scores_and_its_strengths() -> None:
    report = build_report(_interview({}), BANK, NOW)
    assert report.overall_score >= 85
    assert {c.category for c in report.categories} == {
        "technical_knowledge",
        "depth",
        "communication",
        "role_fit",
    }
    assert all(0 <= c.score <= 100 for c in report.categories)
    assert len(report.strengths) == 3
    assert len(report.questions) == 3


def test_a_weak_answer_shows_up_in_what_to_work_on() -> None:
    report = build_report(_interview({0: "I don't know."}), BANK, NOW)
    assert report.overall_score < 85
    assert any(item.startswith("Revisit") for item in report.to_work_on)
    assert any(item.startswith("Practise explaining:") for item in report.to_work_on)


def _first_sentence_of_first_question() -> str:
    first = _interview({}).questions[0]
    return re.split(r"(?<=[.!?])\s+", BANK.get(first.question_id).model_answer.strip())[0]


def test_a_good_follow_up_answer_raises_its_questions_score_but_a_bad_one_never_lowers_it() -> None:
    # Given a partial first answer (so a follow-up is asked) and then a good or a poor follow-up
    partial = _first_sentence_of_first_question()
    with_good_follow_up = build_report(_interview({0: partial}), BANK, NOW)
    with_poor_follow_up = build_report(_interview({0: partial, 1: "no idea"}), BANK, NOW)
    first_good = with_good_follow_up.questions[0]
    first_poor = with_poor_follow_up.questions[0]
    assert "Follow-up answer" in first_good.summary
    # Then the good follow-up lifts the question's score above the partial answer's alone
    assert first_good.score > first_poor.score
    # And the review says how main answer and follow-up combine
    assert "max(main, (2 x main + follow-up) / 3)" in first_good.summary


def test_nothing_is_both_a_strength_and_something_to_work_on() -> None:
    # Given interviews that mix strong, partial and empty answers
    partial = _first_sentence_of_first_question()
    for answers in ({}, {0: partial}, {0: "I don't know."}, {1: "", 2: partial}):
        report = build_report(_interview(answers), BANK, NOW)
        # Then no topic is both strong and to revisit, and no covered point is to practise
        strong = {s.split(":")[0].removeprefix("Strong on ") for s in report.strengths}
        weak = {
            w.split(":")[0].removeprefix("Revisit ")
            for w in report.to_work_on
            if w.startswith("Revisit")
        }
        assert not strong & weak
        practise = {
            w.removeprefix("Practise explaining: ")
            for w in report.to_work_on
            if w.startswith("Practise")
        }
        assert not practise & set(report.insights.talking_points_covered)


def test_the_counts_the_report_states_match_its_lists() -> None:
    report = build_report(_interview({}), BANK, NOW)
    role_fit = next(c for c in report.categories if c.category == "role_fit")
    assert f"You used {len(report.insights.job_terms_used)} different" in role_fit.summary


def test_i_dont_know_earns_no_clarity() -> None:
    interview = _interview({0: "I don't know."})
    feedback = interview.answers[0].feedback
    clarity = next(c for c in feedback.rubric if c.criterion == "clarity")
    assert clarity.score == 0.0


def test_insights_list_terms_words_and_points_without_stop_words() -> None:
    report = build_report(_interview({}), BANK, NOW)
    insights = report.insights
    assert insights.job_terms_used
    assert insights.talking_points_covered
    words = [w.word for w in insights.most_used_words]
    assert words
    assert not {"the", "and", "that", "with"} & set(words)
    counts = [w.count for w in insights.most_used_words]
    assert counts == sorted(counts, reverse=True)


def test_the_same_interview_gives_the_same_report() -> None:
    interview = _interview({1: "It is about containers."})
    assert build_report(interview, BANK, NOW) == build_report(interview, BANK, NOW)
