"""A small TempEval-3-style scorer for the date tagger's tests (no dependency on /work/shared).

read_tml(path) -> (text, dct, gold): the text inside <TEXT> with its tags
removed, the document creation date (YYYY-MM-DD) and the gold TIMEX3s with
character offsets into that text. Empty (non-consuming) TIMEX3s are skipped.

score(pairs) -> figures for a list of (gold, system) pairs, where both are
lists of dicts with start, end, type, value: strict (exact span) and relaxed
(any overlap) precision/recall/F1, and type/value F1 computed as attribute
accuracy over the relaxed matches times relaxed F1, as in TempEval-3 task A.
"""
from __future__ import annotations

import re
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'([A-Za-z]+)="([^"]*)"')
_ENT = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def _unescape(s: str) -> str:
    for k, v in _ENT.items():
        s = s.replace(k, v)
    return s


def read_tml(path) -> tuple[str, str | None, list[dict]]:
    raw = Path(path).read_text(encoding="utf-8")
    m = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S)
    dct = m.group(1)[:10] if m else None
    body_m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = body_m.group(1) if body_m else ""
    pieces: list[str] = []
    gold: list[dict] = []
    length, pos, cur = 0, 0, None
    for t in _TAG.finditer(body):
        chunk = _unescape(body[pos:t.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, attrs = t.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            a = dict(_ATTR.findall(attrs))
            cur = None if attrs.rstrip().endswith("/") else {"start": length, "type": a.get("type"),
                                                             "value": a.get("value")}
        elif cur is not None:
            cur["end"] = length
            if cur["end"] > cur["start"]:
                gold.append(cur)
            cur = None
    pieces.append(_unescape(body[pos:]))
    text = "".join(pieces)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return text, dct, gold


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(pairs) -> dict:
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    for gold, system in pairs:
        n_gold += len(gold)
        n_sys += len(system)
        used: set[int] = set()
        for g in gold:
            best = None
            for i, s in enumerate(system):
                if i in used or not (s["start"] < g["end"] and s["end"] > g["start"]):
                    continue
                best = i
                if s["start"] == g["start"] and s["end"] == g["end"]:
                    break
            if best is None:
                continue
            used.add(best)
            s = system[best]
            relaxed += 1
            strict += s["start"] == g["start"] and s["end"] == g["end"]
            type_ok += str(s["type"]).upper() == str(g["type"]).upper()
            value_ok += str(s["value"]) == str(g["value"])
    sp, sr = (strict / n_sys if n_sys else 0.0), (strict / n_gold if n_gold else 0.0)
    rp, rr = (relaxed / n_sys if n_sys else 0.0), (relaxed / n_gold if n_gold else 0.0)
    rf = _f1(rp, rr)
    return {
        "gold": n_gold, "system": n_sys,
        "strict_f1": _f1(sp, sr), "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "type_f1": (type_ok / relaxed if relaxed else 0.0) * rf,
        "value_f1": (value_ok / relaxed if relaxed else 0.0) * rf,
    }
