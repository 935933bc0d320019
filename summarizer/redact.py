"""Keep secrets out of messages, logs and files."""

from __future__ import annotations

import re

_KEYLIKE = re.compile(r"\b(sk|rk|pk)-[A-Za-z0-9_\-*]{6,}")
_BEARER = re.compile(r"(?i)(bearer\s+)\S+")


def redact(text: str, *secrets: str | None) -> str:
    """Remove the given secrets and anything shaped like an API key from text."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[redacted]")
    return _BEARER.sub(r"\1[redacted]", _KEYLIKE.sub("[redacted]", text))
