"""The practice plan: the talking points a person misses most and the wrong claims they make,
per role and topic, over their latest finished interviews (newest first). No engine call: it
is made of the feedback already given."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import mean

from tucoach_interviews.schemas import MissedItem, PracticePlan, RolePlan, TopicPlan
from tucoach_models import MAX_FOCUS_TOPICS, Interview, Role, Seniority

# How many finished interviews a plan reads, and how many list entries it scans to find them
# (unfinished ones are skipped): one query and at most PLAN_INTERVIEWS reads per request.
PLAN_INTERVIEWS = 10
LIST_SCAN = 30
ITEMS_PER_TOPIC = 3


@dataclass
class _Tally:
    scores: list[float] = field(default_factory=list)
    missed: Counter[str] = field(default_factory=Counter)
    red_flags: Counter[str] = field(default_factory=Counter)

    @property
    def weakness(self) -> tuple[int, float]:
        return (-(sum(self.missed.values()) + 2 * sum(self.red_flags.values())), mean(self.scores))


def practice_plan(interviews: Sequence[Interview]) -> PracticePlan:
    """The plan of these interviews (newest first). A topic enters it once something was
    missed or corrected on it; topics are ordered weakest first (a wrong claim weighs twice a
    missed point, then the lower average score), at most MAX_FOCUS_TOPICS per role."""
    tallies: dict[Role, dict[str, _Tally]] = defaultdict(lambda: defaultdict(_Tally))
    seniority: dict[Role, Seniority] = {}
    for interview in interviews:
        seniority.setdefault(interview.role, interview.seniority)
        _count(interview, tallies[interview.role])
    roles = []
    for role, topics in tallies.items():
        weak = sorted(
            ((topic, t) for topic, t in topics.items() if t.missed or t.red_flags),
            key=lambda item: (item[1].weakness, item[0]),
        )[:MAX_FOCUS_TOPICS]
        if weak:
            roles.append(
                RolePlan(
                    role=role,
                    seniority=seniority[role],
                    topics=tuple(_topic_plan(topic, tally) for topic, tally in weak),
                )
            )
    return PracticePlan(interviews_read=len(interviews), roles=tuple(roles))


def _count(interview: Interview, topics: dict[str, _Tally]) -> None:
    asked = {q.question_id: q for q in interview.questions}
    scored = [
        (asked[a.question_id].topic, a.feedback)
        for a in interview.answers
        if a.feedback.unscored is None
    ]
    # A point missed in one answer and covered in another on the topic (often the follow-up)
    # is known: it is not one to practise.
    covered: dict[str, set[str]] = defaultdict(set)
    for topic, feedback in scored:
        covered[topic].update(feedback.covered_points)
    for topic, feedback in scored:
        tally = topics[topic]
        tally.scores.append(feedback.score)
        tally.missed.update(p for p in feedback.missed_points if p not in covered[topic])
        tally.red_flags.update(c.claim for c in feedback.corrections)


def _topic_plan(topic: str, tally: _Tally) -> TopicPlan:
    return TopicPlan(
        topic=topic,
        answers=len(tally.scores),
        average_score=round(mean(tally.scores), 1),
        missed_points=_most_common(tally.missed),
        red_flags=_most_common(tally.red_flags),
    )


def _most_common(counts: Counter[str]) -> tuple[MissedItem, ...]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(MissedItem(text=text, count=count) for text, count in ranked[:ITEMS_PER_TOPIC])
