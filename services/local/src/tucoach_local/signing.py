"""The local sign-in's RS256 key: made once, kept in the data folder so tokens outlive restarts."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from joserfc.jwk import KeySet, RSAKey

KEY_FILE = "signing-key.json"
ALGORITHM = "RS256"


def load_or_create_key(folder: Path) -> RSAKey:
    path = folder / KEY_FILE
    if path.exists():
        return RSAKey.import_key(json.loads(path.read_text(encoding="utf-8")))
    folder.mkdir(parents=True, exist_ok=True)
    key = RSAKey.generate_key(
        2048, parameters={"use": "sig", "alg": ALGORITHM}, private=True, auto_kid=True
    )
    # The private key never leaves this machine; only its owner may read it.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        json.dump(key.as_dict(private=True), file)
    return key


def public_key_set(key: RSAKey) -> KeySet:
    return KeySet([RSAKey.import_key(key.as_dict(private=False))])


def jwks(key: RSAKey) -> dict[str, Any]:
    return dict(public_key_set(key).as_dict(private=False))
