"""Small pieces of wording every human-readable output shares: counts and safe text.

Article text and file names come from anyone. Printed raw, an escape sequence
in them can clear the reader's terminal, retitle the window or hide a line;
a bidirectional override can show a sentence in another order than it is
stored (the "Trojan Source" trick). Such characters are shown as escapes.
"""
from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, the bidirectional embeddings, overrides and isolates,
# and lone surrogates (bytes of a file name that were not UTF-8: no output can encode them)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def visible(text: str) -> str:
    """`text` with every character a terminal would act on written as an escape: ESC as \\x1b."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 finding', '2 findings'; `plural` for the nouns that do not take an s ('1 info', '3 info')."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
