"""The date tagger runs each rule only on windows of the text (timex.matching.rule_matches):
these tests prove, from the compiled patterns, the two tables that makes exact
(timex.windows.CUTS, timex.windows.TRIGGERS), and compare the windowed matches with
pattern.finditer(text) on real and random texts.

The proofs walk the parse trees of the patterns (re._parser, CPython 3.11+):

- cuts: a "hard" cut character is consumed by no item of the pattern outside lookbehinds,
  except as the last item of a lookahead (after which nothing more is read); a "guarded" one
  only right before an item that must match a digit. So a match never contains a cut, and no
  match attempt reads past one (or past the character after a guarded one): endpos just after
  it changes nothing.
- triggers: every string the pattern can match holds a token that one of the trigger keys of
  each group of one alternative accepts. The finite languages of parts of the pattern are
  enumerated; a part too large or open-ended stands as unknown text, which proves nothing.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from claimcheck.timex import matching, patterns, windows

sre_parse = pytest.importorskip("re._parser")
sre_compile = pytest.importorskip("re._compiler")
K = pytest.importorskip("re._constants")

LEAF = (K.LITERAL, K.NOT_LITERAL, K.IN, K.ANY)
REPEATS = (K.MAX_REPEAT, K.MIN_REPEAT, K.POSSESSIVE_REPEAT)
RULES = dict(patterns.RULES)
ROOT = Path(__file__).resolve().parent.parent


def _items(sub):
    return list(sub.data) if hasattr(sub, "data") else list(sub)


def _parse(pat: re.Pattern):
    return sre_parse.parse(pat.pattern, pat.flags)


# ----------------------------------------------------------------------------- cuts

def _digit_only(item) -> bool:
    """The item must consume a character first, and only one that \\d matches."""
    op, av = item
    if op in REPEATS:
        body = _items(av[2])
        return av[0] >= 1 and bool(body) and _digit_only(body[0])
    if op is K.SUBPATTERN:
        body = _items(av[3])
        return bool(body) and _digit_only(body[0])
    if op is K.LITERAL:
        return re.fullmatch(r"\d", chr(av)) is not None
    if op is K.IN:
        for o, a in av:
            ok = ((o is K.LITERAL and re.fullmatch(r"\d", chr(a)))
                  or (o is K.RANGE and 0x30 <= a[0] <= a[1] <= 0x39)
                  or (o is K.CATEGORY and a is K.CATEGORY_DIGIT))
            if not ok:
                return False
        return True
    return False


def _leaves(seq, out, final_ok, succ):
    """(consuming leaf, what must follow it) outside lookbehinds: "final" (last item of a
    lookahead), the item that must come next, or None (unknown, or the end of the match)."""
    items = _items(seq)
    for k, (op, av) in enumerate(items):
        last = k == len(items) - 1
        nxt = succ if last else items[k + 1]
        fin = final_ok and last
        if op in LEAF:
            out.append(((op, av), "final" if fin else nxt))
        elif op is K.SUBPATTERN:
            _leaves(av[3], out, fin, nxt)
        elif op is K.ATOMIC_GROUP:
            _leaves(av, out, fin, nxt)
        elif op in REPEATS:
            _leaves(av[2], out, False, None)  # a body may repeat: nothing known after it
        elif op is K.BRANCH:
            for b in av[1]:
                _leaves(b, out, fin, nxt)
        elif op in (K.ASSERT, K.ASSERT_NOT):
            if av[0] >= 0:  # lookbehinds read only before the current position
                _leaves(av[1], out, True, None)
        else:
            raise AssertionError(f"regex item {op} is not handled by this proof")
    return out


def cut_kinds(pat: re.Pattern, chars: str) -> dict[str, str]:
    tree = _parse(pat)
    flags = pat.flags | re.I  # (?-i:) parts taken as caseless: they consume more, never less
    leaves = [(sre_compile.compile(sre_parse.SubPattern(tree.state, [leaf]), flags), nxt)
              for leaf, nxt in _leaves(tree, [], False, None)]
    kinds = {}
    for ch in chars:
        kind = "hard"
        for rx, nxt in leaves:
            if not rx.match(ch) or nxt == "final":
                continue
            if nxt is not None and _digit_only(nxt):
                kind = "guarded"
                continue
            kind = "none"
            break
        kinds[ch] = kind
    return kinds


def _has_anchor(seq) -> bool:
    for op, av in _items(seq):
        if op is K.AT or op in (K.GROUPREF, K.GROUPREF_EXISTS):
            return True
        subs = ([av[3]] if op is K.SUBPATTERN else [av] if op is K.ATOMIC_GROUP else [av[2]] if op in REPEATS
                else av[1] if op is K.BRANCH else [av[1]] if op in (K.ASSERT, K.ASSERT_NOT) else [])
        if any(_has_anchor(s) for s in subs):
            return True
    return False


# ----------------------------------------------------------------------------- triggers
#
# A string is a tuple of (char, caseless); UNKNOWN stands for any stretch of text (maybe
# empty), DIGIT for one \d character. Caseless letters are stored lowercased.

UNKNOWN, DIGIT = "\x00", "\x01"
LIMIT = 20000
_LANG: dict = {}
_SAT: dict = {}
_SPEC: dict = {}
_KEEP: list = []  # parse trees stay alive: the memos are keyed by object ids


def _expand_in(av, icase):
    chars = set()
    for o, a in av:
        if o is K.LITERAL:
            chars.add(chr(a))
        elif o is K.RANGE and a[1] - a[0] < 12 and a[1] < 128:
            chars.update(chr(c) for c in range(a[0], a[1] + 1))
        elif o is K.CATEGORY and a is K.CATEGORY_DIGIT and len(av) == 1:
            return [((DIGIT, False),)]
        else:
            return None
    if len(chars) > 12 or any(not c.isascii() for c in chars):
        return None
    return sorted({((c.lower(), True),) if icase and c.isalpha() else ((c, False),) for c in chars})


def _product(acc, part):
    out = [a + b for a in acc for b in part]
    return out if len(out) <= LIMIT else None


def lang(seq, icase):
    acc = [()]
    for op, av in _items(seq):
        part = item_lang(op, av, icase)
        if part is None or (acc := _product(acc, part)) is None:
            return None
    return acc


def item_lang(op, av, icase):
    key = (op, id(av), icase)
    if key not in _LANG:
        _LANG[key] = (_item_lang(op, av, icase), av)
    return _LANG[key][0]


def _item_lang(op, av, icase):
    if op is K.LITERAL:
        c = chr(av)
        if c in (UNKNOWN, DIGIT):
            return None
        return [((c.lower(), True),)] if icase and c.isalpha() else [((c, False),)]
    if op is K.IN:
        return _expand_in(av, icase) or [((UNKNOWN, False),)]
    if op in (K.NOT_LITERAL, K.ANY):
        return [((UNKNOWN, False),)]
    if op in (K.ASSERT, K.ASSERT_NOT):
        return [()]  # zero-width: adds no text
    if op is K.SUBPATTERN:
        _g, add, dele, body = av
        return lang(body, (icase or bool(add & re.I)) and not (dele & re.I))
    if op is K.ATOMIC_GROUP:
        return lang(av, icase)
    if op is K.BRANCH:
        out = []
        for b in av[1]:
            got = lang(b, icase)
            if got is None:
                return None
            out.extend(got)
        return out if len(out) <= LIMIT else None
    if op in REPEATS:
        lo, hi, body = av
        got = lang(body, icase)
        if got is None:
            return [((UNKNOWN, False),)] if lo == 0 else None
        counts = range(lo, lo + 1) if hi == K.MAXREPEAT or hi > 4 else range(lo, hi + 1)
        out = []
        for n in counts:
            acc = [()]
            for _ in range(n):
                if (acc := _product(acc, got)) is None:
                    return None
            out.extend(acc)
        if hi == K.MAXREPEAT or hi > 4:
            out = [s + ((UNKNOWN, False),) for s in out]  # then maybe more copies
        return out if len(out) <= LIMIT else None
    raise AssertionError(f"regex item {op} is not handled by this proof")


def tokens(s):
    """(kind, text, caseless) of the pieces of s that a real token of that kind contains:
    runs of ASCII letters ("a"), of digits ("d"), a lone - or / ("p")."""
    out = []
    cur, kind, caseless = "", None, False
    for c, cl in s + ((UNKNOWN, False),):
        k = "a" if c.isascii() and c.isalpha() else "d" if c == DIGIT or re.fullmatch(r"\d", c) else None
        if k is not None and k == kind:
            cur += c
            caseless = caseless or cl
            continue
        if kind is not None:
            out.append((kind, cur, caseless))
        cur, kind, caseless = (c, k, cl) if k is not None else ("", None, False)
        if c in "-/":
            out.append(("p", c, False))
    return out


def satisfies(s, group) -> bool:
    for kind, text, caseless in tokens(s):
        for name in group:
            kkind, mode, rx = windows.TRIGGER_KEYS[name]
            if kkind != kind:
                continue
            if kind == "a" and (re.search(rx, text.lower()) if mode == "i" else not caseless and re.search(rx, text)):
                return True
            # a DIGIT is unknown: the pieces between them are in the real token
            if kind == "d" and (rx == "" or any(re.search(rx, p) for p in text.split(DIGIT) if p)):
                return True
            if kind == "p" and text == rx:
                return True
    return False


def _key(items):
    return tuple((op, id(av), ic) for (op, av), ic in items)


def seq_sat(items, group) -> bool:
    """Every match of the sequence holds a token the group accepts."""
    key = (_key(items), tuple(group))
    if key not in _SAT:
        _SAT[key] = _seq_sat(items, group)
    return _SAT[key]


def _seq_sat(items, group) -> bool:
    for i in range(len(items)):  # a stretch of consecutive items with a small language
        acc = [()]
        for (op, av), icase in items[i:]:
            part = item_lang(op, av, icase)
            if part is None or (acc := _product(acc, part)) is None:
                break
            if all(satisfies(s, group) for s in acc):
                return True
    for (op, av), icase in items:  # or one item, whatever is around it
        if op is K.SUBPATTERN:
            _g, add, dele, body = av
            ic = (icase or bool(add & re.I)) and not (dele & re.I)
            if seq_sat([(it, ic) for it in _items(body)], group):
                return True
        elif op is K.ATOMIC_GROUP and seq_sat([(it, icase) for it in _items(av)], group):
            return True
        elif op in REPEATS and av[0] >= 1 and seq_sat([(it, icase) for it in _items(av[2])], group):
            return True
        elif op is K.BRANCH and all(seq_sat([(it, icase) for it in _items(b)], group) for b in av[1]):
            return True
    return False


def spec_sat(items, spec, depth=0) -> bool:
    key = (_key(items), repr(spec), depth)
    if key not in _SPEC:
        _SPEC[key] = _spec_sat(items, spec, depth)
    return _SPEC[key]


def _spec_sat(items, spec, depth) -> bool:
    if any(all(seq_sat(items, g) for g in alt) for alt in spec):
        return True
    if depth > 3:
        return False
    for k, ((op, av), icase) in enumerate(items):  # open a group, or split on a branch
        if op is K.SUBPATTERN:
            _g, add, dele, body = av
            ic = (icase or bool(add & re.I)) and not (dele & re.I)
            if spec_sat(items[:k] + [(it, ic) for it in _items(body)] + items[k + 1:], spec, depth + 1):
                return True
        elif op is K.BRANCH and all(
            spec_sat(items[:k] + [(it, icase) for it in _items(b)] + items[k + 1:], spec, depth + 1) for b in av[1]
        ):
            return True
    return False


def trigger_proof(pat: re.Pattern, spec) -> bool:
    tree = _parse(pat)
    _KEEP.append(tree)
    icase = bool(pat.flags & re.I)
    return spec_sat([(it, icase) for it in _items(tree)], spec)


# ----------------------------------------------------------------------------- the proofs

def _hard(name):
    return windows.CUT_COMMON + windows.CUTS[name][0]


@pytest.mark.parametrize("name", list(RULES))
def test_cut_characters_are_cuts(name):
    pat = RULES[name]
    hard, guarded = _hard(name), windows.CUTS[name][1]
    kinds = cut_kinds(pat, hard + guarded)
    assert [c for c in hard if kinds[c] != "hard"] == []
    assert [c for c in guarded if kinds[c] == "none"] == []
    assert not _has_anchor(_parse(pat))
    # a match is at least 2 characters: none starts on the character after a guarded cut
    assert _parse(pat).getwidth()[0] >= 2


@pytest.mark.parametrize("name", list(RULES))
def test_every_match_holds_its_triggers(name):
    assert trigger_proof(RULES[name], windows.TRIGGERS[name])


@pytest.mark.parametrize("name, spec", [
    ("reference", [[["year"]]]),
    ("part_of_day", [[["noon"]]]),
    ("slash_date", [[["hyphen"]]]),
    ("fiscal_year", [[["year"]]]),
    ("half_unit", [[["half"], ["units"]]]),  # "half a day": singular
    ("century", [[["digits"]]]),  # "the twentieth century"
])
def test_the_trigger_proof_is_not_vacuous(name, spec):
    assert not trigger_proof(RULES[name], spec)


def test_triggers_are_never_cut():
    # a trigger token lies in one run: letters, digits and the "p" characters are no cut
    for name, (extra, guarded) in windows.CUTS.items():
        cuts = windows.CUT_COMMON + extra + guarded
        assert not any(c.isalnum() for c in cuts)
        for alt in windows.TRIGGERS[name]:
            for group in alt:
                for key in group:
                    kind, _mode, rx = windows.TRIGGER_KEYS[key]
                    assert kind != "p" or rx not in cuts, (name, key)


def test_exotic_characters_are_all_listed():
    # the only non-ASCII characters a caseless ASCII letter matches: texts with one run in full
    folding = {chr(i) for i in range(128, 0x110000) if re.match("[a-z]", chr(i), re.I)}
    assert folding and all(matching.CASELESS_LOOKALIKES.match(c) for c in folding)


def test_lookbehind_reads_before_pos():
    # what windows rely on: finditer(text, pos) sees the text before pos
    assert re.compile(r"(?<!\w)ab").match("xab", 1) is None
    assert re.compile(r"(?<=x)ab").match("xab", 1) is not None


def test_cut_patterns_agree_with_their_definition():
    rng = random.Random(5)
    alphabet = "ab1 2,.-/:'\n\"()–"
    for (hard, guarded), (fwd, rev) in matching.CUT_PATTERNS.items():
        for _ in range(200):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
            n = len(text)
            cuts = [b for b, c in enumerate(text)
                    if c in hard or (c in guarded and not (b + 1 < n and re.match(r"\d", text[b + 1])))]
            rtext = text[::-1]
            for p in range(n + 1):
                after = fwd.search(text, p)
                assert (after.start() if after else None) == next((b for b in cuts if b >= p), None)
                before = rev.search(rtext, n - p)
                assert (n - 1 - before.start() if before else None) == next((b for b in reversed(cuts) if b < p), None)


# ----------------------------------------------------------------------------- the same matches

def _full(text):
    return [[(m.span(), m.groups()) for m in pat.finditer(text)] for _name, pat in patterns.RULES]


def _windowed(text):
    return [[(m.span(), m.groups()) for m in ms] for _i, _name, _pat, _t, ms in matching.rule_matches(text)]


def _texts():
    for folder in ("corpus", "fixtures", "docs"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in (".txt", ".md", ".html", ".htm"):
                yield path.read_text(encoding="utf-8", errors="replace")


def test_windows_give_the_matches_of_the_whole_text_on_the_corpora():
    n = 0
    for text in _texts():
        assert _windowed(text) == _full(text)
        n += 1
    assert n > 20


WORDS = ("January Jan. Jan Feb. Sept. MARCH May may March Monday Mon. Tues. Thu. THURSDAY today tonight "
         "yesterday the The a an this last next past coming early late mid mid- end start of in on at for over "
         "within after before ago earlier later since until through to and or year years Year's day days week "
         "weekend weeks month months quarter quarters decade decades century centuries millennium millennia hour "
         "hours minute minutes second seconds fortnight fiscal FY Q1 Q3 1Q H1 2H half first third fourth final "
         "each every per daily weekly quarterly annually once twice times morning afternoon evening night "
         "overnight midday noon midnight a.m. p.m. am pm AM PM GMT UTC EST local time now currently recently "
         "soon future term current recent these present Christmas Eve New Year's Day Easter Sunday Good Friday "
         "Halloween Thanksgiving Labor Memorial Election spring summer fall autumn winter twenties nineties "
         "nineteen ninety-five twenty two thousand two-thousand one two three ten twelve twenty-one hundred "
         "dozen several few many couple about around nearly more than less at least up to some just only "
         "year-earlier year-ago prior-year same following previous that period percent % $ old long plus").split()
NUMS = ["1", "2", "9", "10", "12", "21", "24", "29", "31", "00", "05", "1990", "1990s", "'90s", "2024", "2025",
        "2019-20", "2024–25", "1999/2000", "12/25/2024", "3/4", "2025-08-29", "2025-08-29T10:30", "10:30",
        "9.30", "1430", "1,000", "3.5", "21st", "3rd", "'24", "٣"]
PUNCT = list(",.;:!?()[]\"'-–—/") + ["“", "”", "’", "…", "\n", "\n\n", "\t", " ", ", ", ". "]


def _random_text(rng):
    out = []
    for _ in range(rng.randint(1, 50)):
        r = rng.random()
        if r < 0.5:
            w = rng.choice(WORDS)
            out.append(w.upper() if rng.random() < 0.1 else w.lower() if rng.random() < 0.1 else w)
        elif r < 0.75:
            out.append(rng.choice(NUMS))
        else:
            out.append(rng.choice(PUNCT))
        out.append(rng.choice([" ", " ", " ", "", "\n", ",", ".", "-"]))
        if rng.random() < 0.01:
            out.append(rng.choice("\u212a\u017f\u0130\u0131"))
    return "".join(out)


def test_windows_give_the_matches_of_the_whole_text_on_random_text():
    rng = random.Random(11)
    for _ in range(1000):
        text = _random_text(rng)
        assert _windowed(text) == _full(text), text


def test_windows_skip_text_without_triggers(monkeypatch):
    seen = []
    monkeypatch.setattr(matching, "in_windows", lambda pat, text, spans: seen.extend(spans) or iter(()))
    list(matching.rule_matches("The committee said the proposal was sound, and members agreed."))
    assert seen == []
    list(matching.rule_matches("It rained (for three days), they said."))
    assert set(seen) == {(11, 26)}  # "for three days)": the run in brackets, and its closing cut


def test_texts_with_caseless_lookalikes_run_in_full():
    text = "It lasted two wee\u212as."  # a Kelvin sign matches "k" caselessly
    assert _windowed(text) == _full(text) and any(_full(text))
