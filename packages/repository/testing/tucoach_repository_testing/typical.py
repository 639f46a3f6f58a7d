"""Interviews as the coach writes them, for the benchmark's sizes and write units: answers of a
chosen length in plain engineering prose (never repeated text, which would compress far better
than real answers), feedback shaped as the offline coach's (a three-line rubric, talking points,
strengths, improvements, an example answer of about 900 characters), and questions of bank
length. Each answer is drawn from a different place in the prose, so no two compress alike."""

from __future__ import annotations

from datetime import datetime, timedelta

from tucoach_models import (
    Answer,
    AskedQuestion,
    CategoryScore,
    CoachEngine,
    CriterionScore,
    Feedback,
    Insights,
    Interview,
    InterviewStatus,
    Provenance,
    QuestionKind,
    QuestionReview,
    Report,
    WordCount,
)
from tucoach_repository_testing.samples import new_interview

PROSE = (
    "Making a payment endpoint safe to retry starts with an idempotency key that the client "
    "generates once per logical payment and sends with every attempt. The server stores the key "
    "with a hash of the request body in the same transaction that records the charge, so either "
    "both are written or neither is. When a retry arrives with a key it has seen, the server "
    "compares the hash: if the body matches it returns the stored outcome without charging "
    "again, and if the body differs it refuses the request, because the client reused a key for "
    "a different payment. Keys expire after a day or so, long enough to cover client retries "
    "and short enough to keep the table small. Timeouts are the hard case: the client cannot "
    "tell whether the first attempt succeeded, so it must retry with the same key rather than "
    "a new one. Downstream calls to the card processor need their own idempotency keys, derived "
    "from ours, so a retry after a crash between our write and their call does not double "
    "charge. "
    "To find a memory leak in a long-running service I would first confirm it is a leak and not "
    "a cache warming up: plot resident memory over several days against traffic, and look for "
    "growth that survives quiet periods and garbage collections. Then I take two heap snapshots "
    "an hour apart in production or a faithful load test and diff them by allocation site, "
    "which usually points at a collection that only ever grows, such as a map keyed by request "
    "id that nobody evicts, listeners registered per request and never removed, or a bounded "
    "queue whose consumer stalled. Native leaks need different tools: allocator statistics, "
    "jemalloc profiling, or tracking file descriptors and threads. Once found, I add a test "
    "that runs the suspect path many times and asserts memory stays flat, fix the ownership "
    "problem, and keep an alert on the growth rate so a regression shows up in days, not weeks. "
    "Choosing between a relational database and a key-value store depends on the access "
    "patterns more than the data. If the application reads and writes whole aggregates by a "
    "known key at high volume, with few ad hoc queries, a key-value store scales horizontally "
    "with predictable latency and little operational work, and single-table designs let one "
    "request fetch everything a screen needs. If the business asks new questions of the data "
    "every week, joins across entities, or needs constraints enforced across rows, a relational "
    "database earns its keep: the planner answers queries nobody designed for, and foreign keys "
    "and transactions protect invariants. Migration cost is asymmetric, because moving off a "
    "key-value design later means rewriting every access path. I would list the ten most "
    "frequent queries, their latency budgets and their growth, then pick the store that serves "
    "those directly, and accept a separate analytics copy for everything else. "
    "A blue-green deployment keeps two identical production environments and switches traffic "
    "from one to the other at the load balancer, so rolling back is as fast as switching back, "
    "because the old version is still running and warm. The cost is double capacity during the "
    "switch and care with the database: schema changes must be backward compatible, applied "
    "before the switch and cleaned up after, so both versions can run against the same schema. "
    "A canary release instead sends a small share of real traffic to the new version, watches "
    "error rates, latency percentiles and business metrics against the old version, and widens "
    "the share in steps, rolling back automatically when a guardrail trips. Canaries catch "
    "problems that only real traffic reveals, at the price of a slower rollout and the need for "
    "good metrics. Feature flags complement both by separating deploying code from releasing "
    "behaviour to users. "
    "Rate limiting an API protects it from overload and shares capacity fairly among clients. "
    "A token bucket per client allows short bursts while capping the sustained rate; a sliding "
    "window counter is simpler to reason about but stricter at window edges. In a fleet of "
    "servers the counters must be shared, usually in a fast in-memory store with atomic "
    "increments and expiry, or approximated locally with each server taking a fraction of the "
    "limit, which avoids a network call per request at the cost of some unfairness. Clients "
    "should get a clear signal: status 429 with a Retry-After header, and documented limits so "
    "they can back off with jitter instead of retrying in lockstep. Limits belong at several "
    "layers, at the edge against abuse, per tenant for fairness, and around expensive "
    "dependencies so one slow database does not take every request down with it. "
    "Observability for a new service means being able to answer questions about production you "
    "did not anticipate. I start with structured logs carrying a request id and the caller, "
    "metrics for the four golden signals of latency, traffic, errors and saturation on every "
    "endpoint and dependency, and distributed traces sampled enough to see slow paths end to "
    "end. Alerts page on symptoms users feel, such as error budget burn, not on causes like "
    "high CPU, which go to dashboards. Every alert links to a runbook that says what to check "
    "first. Cardinality needs care: labels like user id belong in logs and traces, never in "
    "metrics, or the metrics bill explodes. Finally I review the signals after each incident "
    "and ask which question we could not answer quickly, and add what would have answered it. "
)

_TALKING_POINTS = (
    "The client sends the same idempotency key with every retry of one logical operation.",
    "The key and a hash of the request are stored in the same transaction as the change.",
    "A replay with the same body returns the stored outcome without repeating the change.",
    "Reusing a key with a different body is refused rather than silently accepted.",
    "Keys expire after a window that covers the client's retries.",
)


def answer_text(number: int, length: int) -> str:
    """The `number`th answer, `length` characters of prose from its own place in PROSE."""
    start = (number * 997) % len(PROSE)
    text = (PROSE[start:] + PROSE[:start])[:length]
    while len(text) < length:
        text += PROSE[: length - len(text)]
    return text


def feedback(number: int) -> Feedback:
    covered = _TALKING_POINTS[number % 3 : number % 3 + 3]
    missed = tuple(point for point in _TALKING_POINTS if point not in covered)
    example_start = (number * 1_511 + 400) % (len(PROSE) - 900)
    return Feedback(
        score=6.5,
        rubric=(
            CriterionScore(
                criterion="coverage",
                score=3.5,
                max_score=6,
                comment=f"Covered {len(covered)} of {len(_TALKING_POINTS)} key points.",
            ),
            CriterionScore(
                criterion="depth", score=2, max_score=3, comment="Showed an example, reasoning."
            ),
            CriterionScore(criterion="clarity", score=1, max_score=1, comment="168 words."),
        ),
        covered_points=covered,
        missed_points=missed,
        strengths=(
            f"You covered {len(covered)} of {len(_TALKING_POINTS)} key points, such as: "
            f"{covered[0]}",
            "You made it concrete with an example.",
            "You explained why, not only what.",
        ),
        improvements=tuple(f"Cover: {point}" for point in missed),
        example_answer=PROSE[example_start : example_start + 900],
        job_terms_used=("idempotency key", "transaction", "retry"),
        provenance=Provenance(engine=CoachEngine.OFFLINE, prompt_version="rubric-3"),
        language="en",
    )


def question(number: int, asked_at: datetime) -> AskedQuestion:
    """A main question for odd numbers, a follow-up of the one before for even ones."""
    main_id = f"backend-senior-{(number - 1) // 2:02d}-payments-retries"
    if number % 2:
        return AskedQuestion(
            question_id=main_id,
            topic="reliability",
            difficulty=2,
            text="A payment endpoint times out for some clients, who then retry. How do you make "
            "sure no customer is charged twice, and what do you store to know it?",
            asked_at=asked_at,
        )
    return AskedQuestion(
        question_id=f"{main_id}~key-expiry",
        kind=QuestionKind.FOLLOW_UP,
        follow_up_of=main_id,
        topic="reliability",
        difficulty=2,
        text="How long would you keep an idempotency key, and what happens when a retry "
        "arrives after it has expired?",
        asked_at=asked_at,
    )


def interview(user_id: str, interview_id: str, answers: int, length: int) -> list[Interview]:
    """Every version of an interview: started, `answers` answers of `length` characters, and
    completed."""
    versions = [started(new_interview(user_id, interview_id))]
    for number in range(1, answers + 1):
        versions.append(answered(versions[-1], number, length))
    versions.append(completed(versions[-1]))
    return versions


def started(interview: Interview) -> Interview:
    """Version 1 as the coach creates it: the first question asked."""
    return interview.model_copy(update={"questions": (question(1, interview.created_at),)})


def answered(previous: Interview, number: int, length: int) -> Interview:
    """The version after `previous`: answer `number` (`length` characters) to the waiting
    question, and the next question asked."""
    moment = previous.updated_at + timedelta(minutes=2)
    answer = Answer(
        question_id=previous.questions[-1].question_id,
        text=answer_text(number, length),
        answered_at=moment,
        feedback=feedback(number),
    )
    return Interview.model_validate(
        previous.model_dump()
        | {
            "version": previous.version + 1,
            "updated_at": moment,
            "answers": (*previous.answers, answer),
            "questions": (*previous.questions, question(number + 1, moment)),
        }
    )


def completed(previous: Interview) -> Interview:
    """The version after `previous`, completed with a report of the coach's size: a review of
    every main question with its text, four categories, strengths, and insights."""
    moment = previous.updated_at + timedelta(minutes=1)
    mains = [q for q in previous.questions if q.kind is QuestionKind.MAIN]
    report = Report(
        overall_score=64,
        categories=tuple(
            CategoryScore(category=name, score=60 + n, summary=f"Solid {name}; go deeper.")
            for n, name in enumerate(("reliability", "data", "operations", "communication"))
        ),
        strengths=("You explained why, not only what.", "You gave concrete examples."),
        to_work_on=tuple(f"Cover: {point}" for point in _TALKING_POINTS[3:]),
        questions=tuple(
            QuestionReview(
                question_id=q.question_id,
                question_text=q.text,
                score=6.5,
                summary="Covered 3 of 5 key points; missed key expiry.",
            )
            for q in mains
        ),
        insights=Insights(
            job_terms_used=("idempotency key", "transaction", "retry", "canary", "rate limit"),
            most_used_words=tuple(
                WordCount(word=word, count=20 - n) for n, word in enumerate(PROSE.split()[:15])
            ),
            talking_points_covered=_TALKING_POINTS[:3],
        ),
        provenance=Provenance(engine=CoachEngine.OFFLINE, prompt_version="report-2"),
        generated_at=moment,
    )
    return Interview.model_validate(
        previous.model_dump()
        | {
            "version": previous.version + 1,
            "updated_at": moment,
            "status": InterviewStatus.COMPLETED,
            "report": report,
        }
    )
