"""A question with a red flag, an answer that makes one wrong claim, and a model's valid verdict
on it: the data the LLM engines' tests share."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tucoach_coach.bank import RedFlag, load_bank
from tucoach_coach.target import ScoringTarget

QUESTION = load_bank().get("backend-senior-isolation-levels-anomalies")
RED_FLAG = RedFlag(
    id="serializable-locks-tables",
    claim="Serializable works by locking whole tables.",
    phrasings=("locks every table", "lock the whole table"),
    correction="PostgreSQL's Serializable uses SSI: it blocks no one and aborts one of the "
    "conflicting transactions, which the application retries.",
)
TARGET = replace(ScoringTarget.of_question(QUESTION), red_flags=(RED_FLAG,))

WRONG_CLAIM = "Serializable in PostgreSQL simply locks every table it touches, so it never aborts"
ANSWER = (
    "The SQL standard defines four levels: Read Uncommitted, Read Committed, Repeatable Read and "
    "Serializable. Lower levels allow dirty reads, non-repeatable reads and phantoms, and write "
    "skew is possible below Serializable. PostgreSQL defaults to Read Committed, so each "
    "statement sees a new snapshot of committed data. "
    f"{WRONG_CLAIM} a transaction. For example, two bookings of the last seat can both succeed "
    "at Read Committed unless we lock the row first."
)

VALID_VERDICT: dict[str, Any] = {
    "language": "en",
    "covered_point_ids": ["four-levels", "anomalies", "postgres-default"],
    "corrections": [
        {
            "said": f"{WRONG_CLAIM} a transaction.",
            "claim": "Serializable does not lock tables.",
            "correction": "It uses SSI and aborts one of the conflicting transactions.",
            "red_flag_id": RED_FLAG.id,
            "point_id": "mvcc-ssi",
        }
    ],
    "coverage": 3.0,
    "depth": 1.5,
    "clarity": 2.0,
    "strengths": ["Named all four levels and their anomalies."],
    "improvements": ["Explain how PostgreSQL's Serializable detects conflicts."],
}
