"""spaCy's attribute ruler, faster: its one-token patterns as array tests, a Matcher kept for the rest.

The attribute ruler of spaCy's English pipelines sets part of speech, morphology
and some lemmas from about 180 Matcher patterns run on every token: 16% of the
whole pipeline's time on news, though nearly all of them test one token (its
tag, its lowercased form, its dependency, whether it is a space), which numpy
answers for a whole document at once. `AttributeTable` reads the same patterns
and gives every token the same attributes in the same order of precedence (a
later pattern wins, as in spaCy's ruler, which sorts its matches by pattern);
patterns of several tokens, or with tests it does not know, stay with a
spaCy Matcher. `nlp.load_model` puts it in place of the ruler when every
pattern's attributes are ones it can set, and the test suite checks it token
for token against spaCy's own ruler on real news.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    from thinc.types import Ints2d

FACTORY = "claimcheck_attribute_table"
RULER = "attribute_ruler"
# what a pattern may set here: the columns written back with Doc.from_array
SETTABLE = ("TAG", "POS", "MORPH", "LEMMA", "DEP")
# what a one-token pattern may test here, by attribute: a value, {"IN": [...]} or {"NOT_IN": [...]}
TESTABLE = ("TAG", "LOWER", "DEP", "IS_SPACE")

# (column of the probe array, the values a token's must be in, whether the test is negated)
Test = tuple[int, np.ndarray, bool]


class AttributeTable:
    """A drop-in for spaCy's AttributeRuler with the same patterns (`ruler.patterns`)."""

    def __init__(self, vocab: Vocab, patterns: Sequence[dict[str, Any]]):
        from spacy.attrs import IDS  # type: ignore[import-not-found]  # a Cython module without stubs
        from spacy.matcher import Matcher
        from spacy.tokens._retokenize import normalize_token_attrs

        self.vocab = vocab
        self._columns = [IDS[name] for name in SETTABLE]
        self._probe = [IDS[name] for name in TESTABLE]
        self._rules: list[tuple[int, list[Test]]] = []  # (pattern order, tests) of one-token patterns
        self._attrs: list[list[tuple[int, int]]] = []  # by pattern order: (column, value) pairs to set
        self._indices: list[int] = []
        # the rest, one Matcher each, run on a document only when it holds every word the pattern names:
        # a Matcher costs the same on every token, whatever it looks for
        self._matchers: list[tuple[list[Test], Any]] = []
        for order, entry in enumerate(patterns):
            attrs = normalize_token_attrs(vocab, dict(entry["attrs"]))
            self._attrs.append([(self._columns.index(attr), value) for attr, value in attrs.items()])
            self._indices.append(int(entry.get("index", 0)))
            for pattern in entry["patterns"]:
                tests = self._tests(pattern)
                if tests is None:
                    matcher = Matcher(vocab, validate=False)
                    matcher.add(vocab.strings.add(str(order)), [pattern])  # the ruler's key: the order, as text
                    self._matchers.append((self._needs(pattern), matcher))
                else:
                    self._rules.append((order, tests))

    @staticmethod
    def handles(patterns: Iterable[dict[str, Any]]) -> bool:
        """Whether every pattern sets only attributes this table can write (no extension attributes)."""
        return all(set(entry["attrs"]) <= set(SETTABLE) for entry in patterns)

    def _tests(self, pattern: list[dict[str, Any]]) -> list[Test] | None:
        """A one-token pattern as array tests; None for one the Matcher must run (several tokens, other keys)."""
        if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= set(TESTABLE):
            return None
        tests: list[Test] = []
        for key, wanted in pattern[0].items():
            column = TESTABLE.index(key)
            if isinstance(wanted, dict):
                if len(wanted) != 1 or next(iter(wanted)) not in ("IN", "NOT_IN"):
                    return None
                operator, values = next(iter(wanted.items()))
                tests.append((column, np.array([self._value(key, v) for v in values], dtype=np.uint64),
                              operator == "NOT_IN"))
            else:
                tests.append((column, np.array([self._value(key, wanted)], dtype=np.uint64), False))
        return tests

    def _needs(self, pattern: list[dict[str, Any]]) -> list[Test]:
        """The values a document must hold for a pattern of several tokens to match: each token's exact
        (or one-of) tag, word or dependency; REGEX and negated tests are left to the Matcher."""
        needs: list[Test] = []
        for token in pattern:
            for key, wanted in token.items():
                if key not in TESTABLE or key == "IS_SPACE":
                    continue
                values = wanted.get("IN") if isinstance(wanted, dict) else [wanted]
                if values is not None and (not isinstance(wanted, dict) or len(wanted) == 1):
                    needs.append((TESTABLE.index(key), np.array([self._value(key, v) for v in values],
                                                                dtype=np.uint64), False))
        return needs

    def _value(self, key: str, value: Any) -> int:
        if key == "IS_SPACE":
            return int(bool(value))
        return self.vocab.strings.add(value)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        probe = doc.to_array(self._probe)
        present = [set(np.unique(probe[:, column]).tolist()) for column in range(len(TESTABLE))]
        sets: list[tuple[int, np.ndarray]] = []  # (pattern order, token positions)
        for order, tests in self._rules:
            if not _possible(tests, present):
                continue
            mask = np.ones(len(doc), dtype=bool)
            for column, values, negated in tests:
                # == on one value is several times faster than isin, and nearly every test has one
                hit = probe[:, column] == values[0] if len(values) == 1 else np.isin(probe[:, column], values)
                mask &= hit != negated
            if mask.any():
                sets.append((order, np.flatnonzero(mask)))
        matches = (m for needs, matcher in self._matchers if _possible(needs, present)
                   for m in matcher(doc, allow_missing=True))
        for match_id, start, end in matches:
            order = int(self.vocab.strings[match_id])
            index = self._indices[order]
            position = start + index if index >= 0 else end + index
            if not start <= position < end:
                raise ValueError(f"attribute pattern {order}: index {index} outside a match of {end - start} tokens")
            sets.append((order, np.array([position])))
        if not sets:
            return doc
        values = doc.to_array(self._columns)
        for order, positions in sorted(sets, key=lambda item: item[0]):  # stable: a later pattern wins
            for column, value in self._attrs[order]:
                values[positions, column] = value
        doc.from_array(self._columns, cast("Ints2d", values))
        return doc


def _possible(tests: Sequence[Test], present: list[set[int]]) -> bool:
    """Whether a document whose columns hold the `present` values can pass every positive test."""
    return all(negated or any(int(v) in present[column] for v in values) for column, values, negated in tests)


def make_attribute_table(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> AttributeTable:
    return AttributeTable(nlp.vocab, patterns)


def use_attribute_table(nlp: Language) -> None:
    """Put the table in place of the pipeline's attribute ruler, when it has one the table can stand for."""
    from spacy.language import Language

    if RULER not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(RULER)
    patterns = getattr(ruler, "patterns", None)
    if not patterns or not AttributeTable.handles(patterns):
        return
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=make_attribute_table)
    nlp.replace_pipe(RULER, FACTORY, config={"patterns": _plain(patterns)})


def _plain(patterns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The patterns as the configuration takes them: lists and dicts of strings, numbers and booleans."""
    return [{"patterns": entry["patterns"], "attrs": dict(entry["attrs"]), "index": entry.get("index", 0)}
            for entry in patterns]

