"""spaCy's rule lemmatizer, each lemma looked up once worked out: the same lemmas, a tenth of the time.

The rule lemmatizer's lemma for a token depends on its word, part of speech and
morphology only (its tables, its rules and `is_base_form` read nothing else),
yet it sets every token through a Python loop that costs most of its time. The
lookup keeps the hash of each (word, part of speech, morphology)'s lemma, asks
the lemmatizer for the ones it has not seen, and writes a document's lemmas in
one array. `nlp.load_model` puts it in place of a rule lemmatizer that keeps
existing lemmas; the test suite checks it token for token against spaCy's.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from thinc.types import Ints2d

FACTORY = "claimcheck_lemma_lookup"
LEMMATIZER = "lemmatizer"


class LemmaLookup:
    """Sets the lemmas the pipeline's rule lemmatizer (`lemmatizer`) would set, where a token has none."""

    def __init__(self, lemmatizer: Any):
        from spacy.attrs import IDS  # type: ignore[import-not-found]  # a Cython module without stubs

        self.lemmatizer = lemmatizer
        self._columns = [IDS[name] for name in ("ORTH", "POS", "MORPH", "LEMMA")]
        self._lemmas: dict[tuple[int, int, int], int] = {}  # (word, part of speech, morphology) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values = doc.to_array(self._columns)
        missing = np.flatnonzero(values[:, 3] == 0)
        if not missing.size:
            return doc
        strings = doc.vocab.strings
        for i in missing.tolist():
            key = (int(values[i, 0]), int(values[i, 1]), int(values[i, 2]))
            lemma = self._lemmas.get(key)
            if lemma is None:
                lemma = self._lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            values[i, 3] = lemma
        doc.from_array(self._columns[3:], cast("Ints2d", values[:, 3:].copy()))
        return doc


def make_lemma_lookup(nlp: Language, name: str) -> LemmaLookup:
    return LemmaLookup(nlp.get_pipe(LEMMATIZER))


def use_lemma_lookup(nlp: Language) -> None:
    """Run the lookup in place of the pipeline's lemmatizer, when it is a rule lemmatizer that keeps lemmas
    already set (the attribute ruler sets some); the lemmatizer stays in the pipeline, disabled, for its tables."""
    from spacy.language import Language

    if LEMMATIZER not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=make_lemma_lookup)
    nlp.add_pipe(FACTORY, after=LEMMATIZER)
    nlp.disable_pipe(LEMMATIZER)
