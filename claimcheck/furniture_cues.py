"""The cue words page furniture is recognised by (data/furniture.toml), read once and compiled to patterns.

Kept apart from the rules that use them so that other stages (HTML extraction,
publication dates) can read the same word lists without the classifier.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "furniture.toml"


@lru_cache(maxsize=1)
def config() -> dict:
    with DATA.open("rb") as fh:
        return tomllib.load(fh)


def _phrase_rx(cues: list[str]) -> re.Pattern[str]:
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        p = re.escape(cue.lower()).replace(r"\ ", r"\s+")
        if cue[:1].isalnum():
            p = r"\b" + p
        if cue[-1:].isalnum():
            p = p + r"\b"
        parts.append(p)
    return re.compile("|".join(parts))


def _start_rx(cues: list[str]) -> re.Pattern[str]:
    """Matches a line (lower case) that starts with one of the cues as whole words."""
    alts = "|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in sorted(cues, key=len, reverse=True))
    return re.compile(r"^(?:" + alts + r")\b")


@dataclass(frozen=True)
class _Rules:
    whole: dict[str, tuple[str, frozenset[str]]]
    phrases: list[tuple[str, int, re.Pattern[str]]]
    social: re.Pattern[str]
    date_cue: re.Pattern[str]
    signoff: re.Pattern[str]
    follow: re.Pattern[str]
    signup_verb: re.Pattern[str]
    signup_object: re.Pattern[str]
    prefixes: dict[str, tuple[str, re.Pattern[str]]]
    teaser_heads: frozenset[str]
    teaser_open: tuple[str, ...]
    box_heads: frozenset[str]
    glue: frozenset[str]
    timestamp: re.Pattern[str]
    timestamp_words: frozenset[str]
    abbreviations: frozenset[str]
    small_words: frozenset[str]
    particles: frozenset[str]
    limits: dict[str, int]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    c = config()
    prefixes = {}
    for name, table in c["prefix"].items():
        cues = sorted(table["cues"], key=len, reverse=True)
        alts = "|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in cues)
        prefixes[name] = (table["reason"], re.compile(r"^(?:" + alts + r")(?=\s*[:|]|\s+[-–—]\s)"))
    ts = c["timestamp"]
    units = "|".join(map(re.escape, sorted(ts["units"], key=len, reverse=True)))
    after = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ts["after"], key=len, reverse=True))
    first = [w.lower() for w in c["published"]["first"] + c["published"]["updated"]]
    lead = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(first, key=len, reverse=True))
    teasers = [w.lower() for w in c["section"]["teasers"]["cues"]]
    return _Rules(
        whole={k: (v["reason"], frozenset(w.lower() for w in v["cues"])) for k, v in c["whole_line"].items()},
        phrases=[(v["reason"], v.get("max_words", c["limits"]["phrase_max_words"]), _phrase_rx(v["cues"]))
                 for v in c["phrase"].values()],
        signoff=re.compile(r"^\(?(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
            (w.lower().lstrip("(") for w in c["signoff"]["cues"]), key=len, reverse=True)) + r")\b"),
        follow=_start_rx(c["social"]["prompt_verbs"]),
        signup_verb=_start_rx(c["signup"]["verbs"]),
        signup_object=_phrase_rx(c["signup"]["objects"]),
        prefixes=prefixes,
        teaser_heads=frozenset(teasers),
        teaser_open=tuple(w + " " for w in teasers if w.split()[-1] in {"from", "in", "on", "about", "by", "for"}),
        box_heads=frozenset(w.lower() for w in c["section"]["boxes"]["cues"]),
        social=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w.lower()) for w in sorted(
            c["social"]["networks"], key=len, reverse=True)) + r")(?![\w-])"),
        date_cue=re.compile(r"^(?:" + lead + r")\b"),
        glue=frozenset(w.lower() for w in c["social"]["glue"]),
        timestamp=re.compile(rf"^(?:(?:{lead})\s*:?\s*)?(?:\d+|an?|few)\s*(?:{units})\.?\s+(?:{after})$"),
        timestamp_words=frozenset(w.lower() for w in ts["words"]),
        abbreviations=frozenset(w.lower() for w in c["text"]["abbreviations"]),
        small_words=frozenset(w.lower() for w in c["text"]["title_small_words"]),
        particles=frozenset(w.lower() for w in c["text"]["name_particles"]),
        limits=c["limits"],
    )
