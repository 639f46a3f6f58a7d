"""The evaluation harness: how well an engine's scores agree with a strict interviewer's grades.

Run: ./pants run packages/coach/src/tucoach_coach:evaluate --
     --engine offline|bedrock|openai [--stand-in] [--half dev|holdout | --blind | --set FILE]
     [--probes] [--paraphrases] [--fact-swaps] [--json]
     [--min-agreement 0.85] [--max-mae 2.5]

Without --set it reads one half of the strict interviewer's labeled set kept beside this module
(`evaluation/dev.json`, the half the offline rubric was tuned on, or `evaluation/holdout.json`,
split off before any tuning and never tuned on; neither ships in the wheel), or with --blind
a second held-out set on other questions, written and graded blind later (`evaluation/blind.json`,
never tuned on); --probes adds the
synthetic probes of `probes.py` and --paraphrases a blind writer's correct paraphrase of every
model answer (`evaluation/paraphrases.json`; with --set, they are scored as well) and
--fact-swaps the model answers with a fact changed into a wrong one (`evaluation/fact_swaps.json`).
The LLM engines read their settings from the environment (BEDROCK_MODEL_ID, AWS_REGION;
OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_API_KEY): an answer on which an engine fell back to the
offline rubric is counted apart ("fallbacks") and left out of the figures, which must be the
engine's own.
`--engine openai --stand-in` needs no server: it starts the stand-in OpenAI-compatible server of
`tucoach_coach_testing.openai_stand_in` on a loopback port, whose verdicts are the offline
rubric's criteria sent over Chat Completions, and labels the output so: its figures prove the
engine's path (HTTP, validation, bounds, provenance), never a model's judgement.

A labeled set is a JSON list of {"question_id", "kind", "answer", "grade"} objects (grade 0-10,
kind free text; other keys such as "reason" are ignored). Figures:

- pairwise agreement: over pairs of answers to the same question with different grades, the
  share the engine orders the same way (a tie in score counts half);
- mean absolute error between score and grade;
- mean score per kind;
- for paraphrases (kind "paraphrase"), the share scoring 7 or more, and for fact swaps (kind
  "fact_swap") the mean score, apart for the questions the rubric was tuned on and for those of
  the held-out half.

Answers the engine does not score (`Feedback.unscored`, e.g. a Spanish answer offline) are
counted apart ("unscored") and left out of the three figures: they have no score to compare.
With --json the last line is one JSON object {"pairs", "pairwise_agreement", "mae",
"mean_by_kind", "unscored", "fallbacks", "paraphrases_kept", "fact_swaps_mean"}.
--min-agreement / --max-mae make the run fail (exit 1) below a bar.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from importlib import resources
from itertools import combinations
from pathlib import Path
from statistics import mean

from tucoach_coach.bank import QuestionBank, load_bank
from tucoach_coach.bedrock import bedrock_engine_from_environment
from tucoach_coach.engine import FeedbackEngine
from tucoach_coach.offline import OfflineEngine
from tucoach_coach.openai_compatible import openai_engine_from_environment
from tucoach_coach.target import ScoringTarget
from tucoach_coach_testing.openai_stand_in import rubric_verdict, stand_in
from tucoach_coach_tools.probes import probes

# An engine by name. Adding one is a line here: a function of the parsed options.
ENGINES: dict[str, Callable[[argparse.Namespace], FeedbackEngine]] = {
    "offline": lambda options: OfflineEngine(),
    "bedrock": lambda options: bedrock_engine_from_environment(os.environ),
    "openai": lambda options: openai_engine_from_environment(os.environ),
}
HALVES = ("dev", "holdout")
STAND_IN_MODEL = "stand-in"
STAND_IN_LABEL = (
    "engine: openai, against the loopback stand-in at {url} (model {model!r}), NOT A MODEL: "
    "its verdicts are the offline rubric's criteria, so these figures show the engine's wire "
    "path, validation, bounds and provenance, not a model's judgement"
)
# A correct paraphrase of the model answer should keep this score (issue 12): the harness
# reports the share that does, apart for questions of the held-out half.
PARAPHRASE_KIND = "paraphrase"
PARAPHRASE_KEEPS = 7.0
# A model answer with one fact changed into a wrong one (fluent, confidently wrong): the harness
# reports their mean score, apart for questions of the held-out half.
FACT_SWAP_KIND = "fact_swap"


@dataclass(frozen=True)
class LabeledAnswer:
    question_id: str
    kind: str
    answer: str
    grade: float


@dataclass(frozen=True)
class Scored:
    labeled: LabeledAnswer
    score: float | None  # None: the engine did not score it, or fell back to the rubric
    fell_back: bool = False


@dataclass(frozen=True)
class Summary:
    pairs: int
    pairwise_agreement: float
    mae: float
    mean_by_kind: dict[str, float | None]
    unscored: int
    fallbacks: int
    # The share of paraphrases scoring PARAPHRASE_KEEPS or more, for questions the rubric was
    # tuned on ("tuning") and questions of the held-out half ("held_out"), where there are any.
    paraphrases_kept: dict[str, float]
    # The mean score of fact swaps, for tuning and held-out questions, where there are any.
    fact_swaps_mean: dict[str, float]


def load_labeled(path: Path) -> list[LabeledAnswer]:
    return parse_labeled(path.read_text(encoding="utf-8"), str(path))


def parse_labeled(text: str, source: str) -> list[LabeledAnswer]:
    items = json.loads(text)
    if not isinstance(items, list):
        raise ValueError(f"{source}: a labeled set is a JSON list")
    return [
        LabeledAnswer(
            question_id=str(item["question_id"]),
            kind=str(item["kind"]),
            answer=str(item["answer"]),
            grade=float(item["grade"]),
        )
        for item in items
    ]


def labeled_half(half: str) -> list[LabeledAnswer]:
    """One half of the labeled set kept beside this module (not shipped in the wheel)."""
    if half not in HALVES:
        raise ValueError(f"no half {half!r}; the halves are {', '.join(HALVES)}")
    return _kept(half)


def paraphrases() -> list[LabeledAnswer]:
    """A blind writer's correct paraphrase of every model answer (kind "paraphrase")."""
    return _kept("paraphrases")


def fact_swaps() -> list[LabeledAnswer]:
    """Model answers with a fact changed into a wrong one (kind "fact_swap")."""
    return _kept("fact_swaps")


def blind_set() -> list[LabeledAnswer]:
    """A second held-out set, written and graded blind after the halves' rounds of tuning."""
    return _kept("blind")


def _kept(name: str) -> list[LabeledAnswer]:
    return parse_labeled(
        (resources.files("tucoach_coach_tools") / "evaluation" / f"{name}.json").read_text("utf-8"),
        f"evaluation/{name}.json",
    )


def score_all(
    engine: FeedbackEngine, bank: QuestionBank, labeled: Sequence[LabeledAnswer]
) -> list[Scored]:
    targets: dict[str, ScoringTarget] = {}
    results = []
    for item in labeled:
        if item.question_id not in targets:
            targets[item.question_id] = ScoringTarget.of_question(bank.get(item.question_id), bank)
        feedback = engine.feedback(targets[item.question_id], item.answer)
        fell_back = feedback.provenance.fallback_reason is not None
        score = None if feedback.unscored or fell_back else feedback.score
        results.append(Scored(item, score, fell_back))
    return results


def summarise(results: Sequence[Scored], held_out: frozenset[str] = frozenset()) -> Summary:
    """The figures; `held_out` names the questions of the held-out half, whose paraphrases
    are counted apart."""
    scored = [r for r in results if r.score is not None]
    by_question: dict[str, list[Scored]] = defaultdict(list)
    for result in scored:
        by_question[result.labeled.question_id].append(result)
    agreement = 0.0
    pairs = 0
    for answers in by_question.values():
        graded = [(r.labeled.grade, r.score) for r in answers if r.score is not None]
        for (grade_a, score_a), (grade_b, score_b) in combinations(graded, 2):
            if grade_a == grade_b:
                continue
            pairs += 1
            if score_a == score_b:
                agreement += 0.5
            elif (score_a > score_b) == (grade_a > grade_b):
                agreement += 1.0
    kinds: dict[str, list[float | None]] = defaultdict(list)
    for result in results:
        kinds[result.labeled.kind].append(result.score)
    return Summary(
        pairs=pairs,
        pairwise_agreement=round(agreement / pairs, 4) if pairs else 0.0,
        mae=round(mean(abs(r.score - r.labeled.grade) for r in scored if r.score is not None), 3)
        if scored
        else 0.0,
        mean_by_kind={
            kind: round(mean(s for s in scores if s is not None), 2)
            if any(s is not None for s in scores)
            else None
            for kind, scores in sorted(kinds.items())
        },
        unscored=sum(r.score is None and not r.fell_back for r in results),
        fallbacks=sum(r.fell_back for r in results),
        paraphrases_kept={
            group: round(sum(s >= PARAPHRASE_KEEPS for s in scores) / len(scores), 4)
            for group, scores in _by_group(scored, held_out, PARAPHRASE_KIND).items()
        },
        fact_swaps_mean={
            group: round(mean(scores), 2)
            for group, scores in _by_group(scored, held_out, FACT_SWAP_KIND).items()
        },
    )


def _by_group(
    scored: Sequence[Scored], held_out: frozenset[str], kind: str
) -> dict[str, list[float]]:
    """The scores of one kind, for questions of the held-out half and the others."""
    groups: dict[str, list[float]] = defaultdict(list)
    for result in scored:
        if result.labeled.kind == kind and result.score is not None:
            group = "held_out" if result.labeled.question_id in held_out else "tuning"
            groups[group].append(result.score)
    return dict(sorted(groups.items()))


def _report(summary: Summary, results: Sequence[Scored]) -> str:
    lines = [
        f"answers: {len(results)} (unscored: {summary.unscored}, fallbacks: {summary.fallbacks});"
        f" pairs: {summary.pairs}",
        f"pairwise order agreement: {summary.pairwise_agreement:.1%}",
        f"mean absolute error: {summary.mae:.2f}",
        "kind                      n  mean score  mean grade",
    ]
    for kind, score in summary.mean_by_kind.items():
        of_kind = [r for r in results if r.labeled.kind == kind]
        shown = "unscored" if score is None else f"{score:.2f}"
        grade = mean(r.labeled.grade for r in of_kind)
        lines.append(f"{kind:<22} {len(of_kind):>4}  {shown:>10}  {grade:>10.2f}")
    for group, share in summary.paraphrases_kept.items():
        questions = "held-out" if group == "held_out" else "tuning"
        lines.append(
            f"paraphrases scoring {PARAPHRASE_KEEPS:g}+ on {questions} questions: {share:.1%}"
        )
    for group, average in summary.fact_swaps_mean.items():
        questions = "held-out" if group == "held_out" else "tuning"
        lines.append(f"fact swaps on {questions} questions: mean {average:.2f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--engine", choices=sorted(ENGINES), default="offline")
    parser.add_argument(
        "--stand-in",
        action="store_true",
        help="with --engine openai: serve it from a loopback stand-in whose verdicts are the "
        "offline rubric's (no model, no server needed)",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--half", choices=HALVES, default="dev", help="which half (default: dev)")
    source.add_argument(
        "--blind", action="store_true", help="the blind set (never tuned on; see the README)"
    )
    source.add_argument("--set", type=Path, help="any labeled set in the documented format")
    parser.add_argument(
        "--probes", action="store_true", help="the synthetic probes built from the bank"
    )
    parser.add_argument(
        "--paraphrases", action="store_true", help="a blind paraphrase of every model answer"
    )
    parser.add_argument(
        "--fact-swaps", action="store_true", help="model answers with a fact changed (wrong)"
    )
    parser.add_argument("--json", action="store_true", help="end with the summary as JSON")
    parser.add_argument("--min-agreement", type=float, help="fail below this agreement (0-1)")
    parser.add_argument("--max-mae", type=float, help="fail above this mean absolute error")
    options = parser.parse_args(argv)
    if options.stand_in and options.engine != "openai":
        parser.error("--stand-in serves the openai engine only")

    bank = load_bank()
    if options.set is not None:
        labeled = load_labeled(options.set)
    else:
        labeled = blind_set() if options.blind else labeled_half(options.half)
    if options.probes:
        labeled.extend(
            LabeledAnswer(p.question_id, p.kind, p.answer, p.grade) for p in probes(bank)
        )
    if options.paraphrases:
        labeled.extend(paraphrases())
    if options.fact_swaps:
        labeled.extend(fact_swaps())
    with _engine(options, bank) as engine:
        results = score_all(engine, bank, labeled)
    summary = summarise(results, frozenset(a.question_id for a in labeled_half("holdout")))
    print(_report(summary, results))
    if options.json:
        print(json.dumps(asdict(summary), sort_keys=True))
    failed = []
    if options.min_agreement is not None and summary.pairwise_agreement < options.min_agreement:
        failed.append(f"agreement {summary.pairwise_agreement} < {options.min_agreement}")
    if options.max_mae is not None and summary.mae > options.max_mae:
        failed.append(f"mean absolute error {summary.mae} > {options.max_mae}")
    for reason in failed:
        print(f"FAILED: {reason}", file=sys.stderr)
    return 1 if failed else 0


@contextmanager
def _engine(options: argparse.Namespace, bank: QuestionBank) -> Iterator[FeedbackEngine]:
    """The engine the options name; with --stand-in, the openai engine against a stand-in
    server that lives as long as the run."""
    if not options.stand_in:
        yield ENGINES[options.engine](options)
        return
    with stand_in(responder=rubric_verdict(bank)) as server:
        print(STAND_IN_LABEL.format(url=server.base_url, model=STAND_IN_MODEL), flush=True)
        yield openai_engine_from_environment(
            {"OPENAI_BASE_URL": server.base_url, "OPENAI_MODEL": STAND_IN_MODEL}
        )


if __name__ == "__main__":
    sys.exit(main())
