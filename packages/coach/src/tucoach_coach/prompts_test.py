from __future__ import annotations

import hashlib

from tucoach_coach.prompts import BEDROCK_PROMPT_VERSION, SYSTEM_PROMPT, USER_PROMPT

# One fingerprint per released prompt version. Editing the prompt changes the fingerprint: bump
# BEDROCK_PROMPT_VERSION and add its fingerprint here, so feedback never claims a version whose
# words it was not made with.
FINGERPRINTS = {
    "bedrock-feedback-1": "ae790b7fa0ce0cd2",
}


def test_the_prompt_text_matches_its_version() -> None:
    fingerprint = hashlib.sha256(f"{SYSTEM_PROMPT}\n{USER_PROMPT}".encode()).hexdigest()[:16]
    assert FINGERPRINTS.get(BEDROCK_PROMPT_VERSION) == fingerprint, (
        "the prompt changed: bump BEDROCK_PROMPT_VERSION and record fingerprint ae790b7fa0ce0cd2"
    )
