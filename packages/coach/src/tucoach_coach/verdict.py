"""What a language model must return about an answer, checked, and the feedback made from it.

Shared by the LLM engines (Bedrock, OpenAI-compatible). The model judges the answer; this module
keeps what must not depend on the model:

- the model may name only the question's key points and red flags, and a correction must quote
  words the answer really contains (a made-up quote means the model did not read the answer):
  the rule `highlights.quote_span` finds a quote by, so every correction is marked;
- a key point that a correction says the answer got wrong is never covered, and the coverage
  score cannot exceed the share of key points covered;
- bounds on *how much* was said hold in any language: no words 0, five words or fewer 0.5,
  under fifteen words 2, the same words again and again 2;
- the offline rubric's caps hold for answers the model read as English (its English measures of
  evasion, echo, keyword salad, length, repetition), except its caps on *topic* (off-topic,
  padded, an answer to another question): those measure overlap with the bank's own wording,
  which a correct answer in other words can miss, and whether an answer is on topic is the
  model's judgement. Measured on English words, the rubric's caps would clamp a strong answer in
  another language; a model fooled by English wording cannot lift them.
"""

import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from tucoach_coach.engine import FeedbackEngine
from tucoach_coach.highlights import quote_span, with_highlights
from tucoach_coach.language import distinct_ratio
from tucoach_coach.languages import language_name
from tucoach_coach.offline import CAP_ADVICE
from tucoach_coach.rubric import (
    CLARITY_MAX,
    COVERAGE_MAX,
    DEPTH_MAX,
    NOTHING_TO_BUILD_ON,
    Cap,
    assess,
)
from tucoach_coach.target import ScoringTarget
from tucoach_models import Correction, CriterionScore, Feedback, Provenance

# The rubric's caps that bound a model's verdict on an answer it read as English.
ENGLISH_BOUNDS = frozenset(
    {Cap.NO_ANSWER, Cap.EVASIVE, Cap.ECHO, Cap.KEYWORD_SALAD, Cap.TOO_SHORT, Cap.REPETITIVE}
)
EVASIVE_MAX_WORDS = 5
TOO_SHORT_WORDS = 15
REPETITION_MIN_WORDS = 30
REPETITION_DISTINCT_RATIO = 0.5
# After no answer or an evasive one there is nothing to follow up on.
_NOTHING_TO_FOLLOW_UP = frozenset({Cap.NO_ANSWER, Cap.EVASIVE})
Remark = Annotated[str, Field(min_length=1, max_length=400)]
ItemId = Annotated[str, Field(min_length=1, max_length=64)]


class VerdictCorrection(BaseModel):
    """One wrong claim of the answer."""

    model_config = ConfigDict(extra="forbid")

    said: str = Field(
        min_length=1, max_length=500, description="The candidate's own words, quoted exactly."
    )
    claim: Remark = Field(description="What is wrong with them.")
    correction: Remark = Field(description="The right view, in one sentence.")
    red_flag_id: ItemId | None = Field(
        default=None, description="The id of the listed red flag it states, if any."
    )
    point_id: ItemId | None = Field(
        default=None, description="The id of the key point it gets wrong, if any."
    )


class Verdict(BaseModel):
    """What the model must return, and all it may return."""

    model_config = ConfigDict(extra="forbid")

    language: str = Field(
        pattern=r"^[a-z]{2}$", description="ISO 639-1 code of the language of the answer."
    )
    covered_point_ids: list[ItemId] = Field(
        max_length=8, description="The ids of the key points the answer states correctly."
    )
    corrections: list[VerdictCorrection] = Field(
        max_length=5, description="The answer's wrong claims; empty when there are none."
    )
    coverage: float = Field(ge=0, le=COVERAGE_MAX)
    depth: float = Field(ge=0, le=DEPTH_MAX)
    clarity: float = Field(ge=0, le=CLARITY_MAX)
    strengths: list[Remark] = Field(
        max_length=4, description="What the answer does well, one sentence each."
    )
    improvements: list[Remark] = Field(
        max_length=5, description="What would make it better, one sentence each."
    )


class InvalidVerdict(ValueError):
    """Output that fits the schema but not the question or the answer."""


def verdict_json_schema() -> dict[str, Any]:
    """The Verdict's JSON schema with its definitions inlined: not every server resolves $ref."""
    schema = Verdict.model_json_schema()
    definitions: dict[str, Any] = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(definitions[node["$ref"].rsplit("/", 1)[-1]])
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    result: dict[str, Any] = inline(schema)
    return result


def parse_verdict(payload: object, target: ScoringTarget, answer: str) -> Verdict:
    """The model's output as a Verdict; raises ValueError (pydantic's or InvalidVerdict)."""
    verdict = Verdict.model_validate(payload)
    named_points = set(verdict.covered_point_ids)
    named_points.update(c.point_id for c in verdict.corrections if c.point_id)
    unknown_points = named_points - {p.id for p in target.talking_points}
    if unknown_points:
        raise InvalidVerdict(f"the model named unknown talking points {sorted(unknown_points)}")
    if len(set(verdict.covered_point_ids)) != len(verdict.covered_point_ids):
        raise InvalidVerdict("the model named a covered talking point twice")
    named_flags = {c.red_flag_id for c in verdict.corrections if c.red_flag_id}
    unknown_flags = named_flags - {f.id for f in target.red_flags}
    if unknown_flags:
        raise InvalidVerdict(f"the model named unknown red flags {sorted(unknown_flags)}")
    if any(quote_span(answer, c.said) is None for c in verdict.corrections):
        raise InvalidVerdict("a correction quotes words the answer does not contain")
    return verdict


def feedback_from_verdict(
    target: ScoringTarget, answer: str, verdict: Verdict, provenance: Provenance
) -> Feedback:
    rubric_view = assess(target, answer)
    english = rubric_view.caps if verdict.language == "en" else ()
    bounds = tuple(
        dict.fromkeys((*_quantity_bounds(answer), *(c for c in english if c in ENGLISH_BOUNDS)))
    )
    wrong = {c.point_id for c in verdict.corrections if c.point_id}
    covered = tuple(
        p.id
        for p in target.talking_points
        if p.id in verdict.covered_point_ids and p.id not in wrong
    )
    missed = tuple(p.id for p in target.talking_points if p.id not in covered)
    coverage = min(verdict.coverage, COVERAGE_MAX * len(covered) / len(target.talking_points))
    ceiling = min((c.ceiling for c in bounds), default=10.0)
    # The advice of the bound that holds the score down comes first, then the model's.
    advice = (CAP_ADVICE[min(bounds, key=lambda c: c.ceiling)],) if bounds else ()
    points = {p.id: p.point for p in target.talking_points}
    flags = {f.id: f for f in target.red_flags}
    corrections = tuple(
        # A listed red flag is told in the bank's curated words; the quote is the candidate's.
        Correction(
            said=c.said,
            claim=flags[c.red_flag_id].claim,
            correction=flags[c.red_flag_id].correction,
        )
        if c.red_flag_id
        else Correction(said=c.said, claim=c.claim, correction=c.correction)
        for c in verdict.corrections
    )
    feedback = Feedback(
        score=round(min(ceiling, coverage + verdict.depth + verdict.clarity), 1),
        rubric=_rubric(verdict, coverage, len(covered), len(points)),
        covered_points=tuple(points[i] for i in covered),
        missed_points=tuple(points[i] for i in missed),
        corrections=corrections,
        strengths=() if ceiling <= NOTHING_TO_BUILD_ON else tuple(verdict.strengths),
        improvements=(*advice, *verdict.improvements),
        example_answer=target.example_answer,
        follow_up=None
        if _NOTHING_TO_FOLLOW_UP.intersection(bounds)
        else target.follow_up_on(missed),
        job_terms_used=rubric_view.job_terms_used,
        language=verdict.language,
        provenance=provenance,
    )
    return with_highlights(target, answer, feedback, rubric_view.matches)


def scored_offline(
    fallback: FeedbackEngine, target: ScoringTarget, answer: str, reason: str
) -> Feedback:
    """The fallback engine's feedback, saying why the model's was not used."""
    feedback = fallback.feedback(target, answer)
    return feedback.model_copy(
        update={"provenance": feedback.provenance.model_copy(update={"fallback_reason": reason})}
    )


def _rubric(
    verdict: Verdict, coverage: float, covered: int, point_count: int
) -> tuple[CriterionScore, ...]:
    coverage_comment = f"Covered {covered} of {point_count} key points."
    if verdict.corrections:
        count = len(verdict.corrections)
        coverage_comment += f" {count} wrong claim{'s' if count > 1 else ''} corrected below."
    if verdict.language != "en":
        coverage_comment += f" Read and scored in {language_name(verdict.language)}."
    return (
        CriterionScore(
            criterion="coverage",
            score=round(coverage, 2),
            max_score=COVERAGE_MAX,
            comment=coverage_comment,
        ),
        CriterionScore(
            criterion="depth",
            score=verdict.depth,
            max_score=DEPTH_MAX,
            comment="Examples, reasoning, trade-offs and specifics, as the model judged them.",
        ),
        CriterionScore(
            criterion="clarity",
            score=verdict.clarity,
            max_score=CLARITY_MAX,
            comment="Sentences, length and structure, as the model judged them.",
        ),
    )


def _quantity_bounds(answer: str) -> tuple[Cap, ...]:
    """How little was said, counted in words of any script."""
    tokens = re.findall(r"\w+", answer.casefold())
    if not tokens:
        return (Cap.NO_ANSWER,)
    bounds = []
    if len(tokens) <= EVASIVE_MAX_WORDS:
        bounds.append(Cap.EVASIVE)
    elif len(tokens) < TOO_SHORT_WORDS:
        bounds.append(Cap.TOO_SHORT)
    if len(tokens) >= REPETITION_MIN_WORDS and distinct_ratio(tokens) < REPETITION_DISTINCT_RATIO:
        bounds.append(Cap.REPETITIVE)
    return tuple(bounds)
