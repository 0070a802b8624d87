"""The engine that runs the rules: each one only on the windows of text where it can match.

Running every rule over the whole text was most of the tagger's time. A match of a rule
lies between two of its cut characters and holds its trigger tokens (windows.CUTS,
windows.TRIGGERS), so each rule runs only on the runs between cuts that hold its triggers,
with finditer(text, pos, endpos): lookbehinds still see the text before pos, and endpos
stops just after the cut, which no match or lookahead reads past. The matches are exactly
those of pattern.finditer(text); tests/test_dates_windows.py checks that on real and
random texts.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

from claimcheck.timex.patterns import RULES
from claimcheck.timex.windows import CUT_COMMON, CUTS, TRIGGER_KEYS, TRIGGERS

_TOKEN = re.compile(r"[A-Za-z]+|\d+|[-/]")
# chars that re.I matches to an ASCII letter ("K" Kelvin sign, long s, dotted/dotless i): a
# rule could match them where no ASCII-letter token shows a trigger, so such texts run in full
CASELESS_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")

_KEY_IDS = {name: k for k, name in enumerate(TRIGGER_KEYS)}
_KEYS_OF_KIND: dict[str, list[tuple[int, str, re.Pattern[str]]]] = {"a": [], "d": [], "p": []}
for _name, (_kind, _mode, _regex) in TRIGGER_KEYS.items():
    _KEYS_OF_KIND[_kind].append((_KEY_IDS[_name], _mode, re.compile(_regex)))
del _name, _kind, _mode, _regex
_TOKEN_KEYS: dict[str, tuple[int, ...]] = {}  # token -> the trigger keys it carries


def _keys_of(token: str) -> tuple[int, ...]:
    if len(_TOKEN_KEYS) > 50_000:  # bounded: news text keeps bringing new words
        _TOKEN_KEYS.clear()
    first = token[0]
    kind = "p" if first in "-/" else "a" if first.isascii() and first.isalpha() else "d"
    lower = token.lower()
    if kind == "p":
        keys = tuple(k for k, _mode, regex in _KEYS_OF_KIND["p"] if regex.pattern == token)
    else:
        keys = tuple(k for k, mode, regex in _KEYS_OF_KIND[kind] if regex.search(lower if mode == "i" else token))
    _TOKEN_KEYS[token] = keys
    return keys


CutPatterns = tuple[re.Pattern[str], re.Pattern[str]]


def _cut_patterns(hard: str, guarded: str) -> CutPatterns:
    """Forward and reversed-text patterns of a cut: a hard char, or a guarded one before no digit."""
    hard_class = "[" + "".join(re.escape(c) for c in hard) + "]"
    if not guarded:
        return re.compile(hard_class), re.compile(hard_class)
    guarded_class = "[" + "".join(re.escape(c) for c in guarded) + "]"
    either = "[" + "".join(re.escape(c) for c in hard + guarded) + "]"
    # a character class first lets the regex engine skip ahead quickly
    return (re.compile(rf"{either}(?:(?<={hard_class})|(?!\d))"),
            re.compile(rf"{either}(?:(?<={hard_class})|(?<!\d{guarded_class}))"))


# A trigger spec: alternatives, each a tuple of groups, each a tuple of trigger key ids.
TriggerSpec = tuple[tuple[tuple[int, ...], ...], ...]


class _CompiledRule(NamedTuple):
    rule_index: int
    name: str
    pattern: re.Pattern[str]
    has_span_group: bool  # a group T narrows the emitted span
    triggers: TriggerSpec
    cuts: CutPatterns
    hard_cuts: frozenset[str]


CUT_PATTERNS: dict[tuple[str, str], CutPatterns] = {}  # shared by the rules with the same cuts
_COMPILED_RULES: list[_CompiledRule] = []
for _index, (_name, _pattern) in enumerate(RULES):
    _hard = CUT_COMMON + CUTS[_name][0]
    _cuts = CUT_PATTERNS.setdefault((_hard, CUTS[_name][1]), _cut_patterns(_hard, CUTS[_name][1]))
    _spec = tuple(tuple(tuple(_KEY_IDS[k] for k in group) for group in alt) for alt in TRIGGERS[_name])
    _COMPILED_RULES.append(_CompiledRule(_index, _name, _pattern, "T" in _pattern.groupindex, _spec, _cuts,
                                         frozenset(_hard)))
del _index, _name, _pattern, _hard, _cuts, _spec


class RuleMatches(NamedTuple):
    rule_index: int  # the rule's place in RULES: the tie-break between equally long candidates
    name: str
    pattern: re.Pattern[str]
    has_span_group: bool
    matches: Iterator[re.Match[str]]


def rule_matches(text: str) -> Iterator[RuleMatches]:
    """Every rule with its matches in text, in RULES order, as pattern.finditer(text) gives them."""
    if CASELESS_LOOKALIKES.search(text):
        for rule in _COMPILED_RULES:
            matches = rule.pattern.finditer(text)
            yield RuleMatches(rule.rule_index, rule.name, rule.pattern, rule.has_span_group, matches)
        return
    n = len(text)
    starts_of_key: list[list[int]] = [[] for _ in _KEY_IDS]  # key -> starts of the tokens that carry it
    token_keys = _TOKEN_KEYS
    for m in _TOKEN.finditer(text):
        token = m.group()
        keys = token_keys.get(token)
        if keys is None:
            keys = _keys_of(token)
        for k in keys:
            starts_of_key[k].append(m.start())
    starts_of_group: dict[tuple[int, ...], list[int]] = {}
    # cut patterns -> token start -> its run (run start, next run's start, where to stop reading)
    runs_by_cuts: dict[CutPatterns, dict[int, tuple[int, int, int]]] = {}
    reversed_text: str | None = None
    for rule in _COMPILED_RULES:
        windows: set[tuple[int, int]] = set()
        for alt in rule.triggers:
            group_starts = []
            for group in alt:
                got = starts_of_group.get(group)
                if got is None:
                    got = (starts_of_key[group[0]] if len(group) == 1
                           else sorted(p for k in group for p in starts_of_key[k]))
                    starts_of_group[group] = got
                if not got:
                    break
                group_starts.append(got)
            else:
                if reversed_text is None:
                    reversed_text = text[::-1]
                runs = runs_by_cuts.get(rule.cuts)
                if runs is None:
                    runs = runs_by_cuts[rule.cuts] = {}
                forward, backward = rule.cuts
                others = group_starts[1:]
                next_run = -1
                for p in group_starts[0]:
                    if p < next_run:
                        continue  # same run as the last one
                    run = runs.get(p)
                    if run is None:
                        found = forward.search(text, p)
                        if found is None:
                            next_run = stop = n
                        else:
                            b = found.start()
                            next_run = b + 1
                            # a guarded cut: read its next char, which decided that it cuts
                            stop = next_run if text[b] in rule.hard_cuts else min(b + 2, n)
                        back = backward.search(reversed_text, n - p)
                        run = runs[p] = (n - back.start() if back else 0, next_run, stop)
                    run_start, next_run, stop = run
                    if all((j := bisect.bisect_left(o, run_start)) < len(o) and o[j] < next_run for o in others):
                        windows.add((run_start, stop))
        yield RuleMatches(rule.rule_index, rule.name, rule.pattern, rule.has_span_group,
                          in_windows(rule.pattern, text, sorted(windows)))


def in_windows(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for start, stop in windows:
        yield from pattern.finditer(text, start, stop)
