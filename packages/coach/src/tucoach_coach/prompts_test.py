from __future__ import annotations

import hashlib

from tucoach_coach.prompts import (
    JSON_SYSTEM_PROMPT,
    PROMPT_VERSION,
    TOOL_SYSTEM_PROMPT,
    USER_PROMPT,
    user_prompt,
)
from tucoach_coach_testing.llm_test_data import ANSWER, TARGET

# One fingerprint per released prompt version. Editing the prompt, or the Verdict schema the
# JSON prompt carries, changes the fingerprint: bump PROMPT_VERSION and add its fingerprint here,
# so feedback never claims a version whose words it was not made with.
FINGERPRINTS = {
    "bedrock-feedback-1": "ae790b7fa0ce0cd2",  # system + user prompt; the tool reply only
    "llm-feedback-2": "31306afe2a5354da",
}


def _fingerprint() -> str:
    text = f"{TOOL_SYSTEM_PROMPT}\n{JSON_SYSTEM_PROMPT}\n{USER_PROMPT}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def test_the_prompt_text_matches_its_version() -> None:
    fingerprint = _fingerprint()
    assert FINGERPRINTS.get(PROMPT_VERSION) == fingerprint, (
        f"the prompt changed: bump PROMPT_VERSION and record fingerprint {fingerprint}"
    )


def test_the_user_prompt_lists_key_points_and_red_flags_and_fences_the_answer() -> None:
    prompt = user_prompt(TARGET, ANSWER)
    for point in TARGET.talking_points:
        assert f"- {point.id}: {point.point}" in prompt
    for flag in TARGET.red_flags:
        assert f"- {flag.id}: {flag.claim} -> {flag.correction}" in prompt
    assert prompt.endswith(f"<<<ANSWER\n{ANSWER}\nANSWER>>>")
