"""The attribute table and the lemma lookup give every token what spaCy's attribute ruler and rule lemmatizer
give it."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from claimcheck.attribute_table import RULER, AttributeTable, use_attribute_table
from claimcheck.lemma_lookup import LEMMATIZER, LemmaLookup, use_lemma_lookup

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = [TAG, POS, MORPH, LEMMA, DEP]

WORDS = ["There", "are", "n't", "gon", "na", "be", "two", "  ", "this", "week", ",", "she", "said", "."]
TAGS = ["EX", "VBP", "RB", "VBG", "TO", "VB", "CD", "_SP", "DT", "NN", ",", "PRP", "VBD", "."]
DEPS = ["expl", "ROOT", "neg", "aux", "aux", "xcomp", "nummod", "dep", "det", "npadvmod", "punct", "nsubj", "parataxis",
        "punct"]
HEADS = [1, 1, 1, 5, 5, 1, 9, 6, 9, 1, 12, 12, 1, 1]

PATTERN_SETS = {
    "a tag table": [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"TAG": {"IN": ["VBP", "VBD"]}}]], "attrs": {"POS": "VERB"}},
        {"patterns": [[{"TAG": "_SP"}]], "attrs": {"POS": "SPACE", "MORPH": "_"}},
    ],
    "a later pattern wins": [
        {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET", "MORPH": "PronType=Art"}},
        {"patterns": [[{"TAG": "DT", "LOWER": "this"}]], "attrs": {"MORPH": "Number=Sing|PronType=Dem"}},
        {"patterns": [[{"LOWER": "this"}]], "attrs": {"LEMMA": "this one"}},
    ],
    "negated and dependency tests": [
        {"patterns": [[{"DEP": {"NOT_IN": ["punct", "ROOT"]}, "TAG": {"NOT_IN": ["CD"]}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"DEP": "expl", "LOWER": "there"}]], "attrs": {"POS": "PRON"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "DEP": "dep"}},
    ],
    "patterns of several tokens, with an index": [
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
        {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
        {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
        {"patterns": [[{"TAG": "VBP"}]], "attrs": {"POS": "AUX"}},  # later: overrides the index-1 match
    ],
    "nothing matches": [
        {"patterns": [[{"LOWER": "absent"}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": "absent"}, {"LOWER": "too"}]], "attrs": {"POS": "X"}},
    ],
}


def _doc(nlp) -> Doc:
    return Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS, spaces=[True] * len(WORDS))


@pytest.mark.parametrize("patterns", PATTERN_SETS.values(), ids=PATTERN_SETS.keys())
def test_the_table_sets_what_spacys_ruler_sets(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(RULER)
    ruler.add_patterns(patterns)
    expected, got = ruler(_doc(nlp)), AttributeTable(nlp.vocab, ruler.patterns)(_doc(nlp))
    assert np.array_equal(got.to_array(COLUMNS), expected.to_array(COLUMNS))
    assert [str(t.morph) for t in got] == [str(t.morph) for t in expected]
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]


def test_a_ruler_setting_other_attributes_is_left_in_place():
    nlp = spacy.blank("en")
    nlp.add_pipe(RULER).add_patterns([{"patterns": [[{"LOWER": "this"}]], "attrs": {"NORM": "these"}}])
    use_attribute_table(nlp)
    assert type(nlp.get_pipe(RULER)).__name__ == "AttributeRuler"


def _news_texts() -> list[str]:
    folders = [ROOT / "corpus", ROOT / "fixtures", ROOT / "tests" / "data"]
    files = sorted(p for folder in folders for p in folder.rglob("*") if p.suffix in (".txt", ".md", ".tml"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


@pytest.mark.slow
def test_the_model_with_table_and_lookup_tags_real_news_as_with_spacys_components():
    from claimcheck.nlp import DEFAULT_MODEL

    plain, fast = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    use_attribute_table(fast)
    use_lemma_lookup(fast)
    assert type(fast.get_pipe(RULER)) is AttributeTable
    assert LEMMATIZER not in fast.pipe_names and any(isinstance(fast.get_pipe(n), LemmaLookup) for n in fast.pipe_names)
    texts = _news_texts()
    assert len(texts) > 50
    for a, b in zip(plain.pipe(texts, batch_size=16), fast.pipe(texts, batch_size=16), strict=True):
        assert np.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS)), a.text[:80]
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_the_lookup_stands_in_only_for_a_rule_lemmatizer_that_keeps_lemmas():
    nlp = spacy.blank("en")
    nlp.add_pipe(LEMMATIZER, config={"mode": "rule", "overwrite": True})
    use_lemma_lookup(nlp)
    assert nlp.pipe_names == [LEMMATIZER]


class _CountingLemmatizer:
    def __init__(self):
        self.asked: list[str] = []

    def lemmatize(self, token):
        self.asked.append(token.text)
        return [token.text.lower() + "-lemma"]


def test_the_lookup_asks_once_per_word_tag_and_morphology_and_keeps_lemmas_already_set():
    nlp = spacy.blank("en")
    words = ["Votes", "votes", "Votes", "counted", "Votes"]
    doc = Doc(nlp.vocab, words=words, pos=["NOUN", "NOUN", "NOUN", "VERB", "VERB"],
              morphs=["Number=Plur", "Number=Plur", "Number=Plur", "", ""], lemmas=["", "", "", "count", ""])
    lemmatizer = _CountingLemmatizer()
    LemmaLookup(lemmatizer)(doc)
    assert [t.lemma_ for t in doc] == ["votes-lemma", "votes-lemma", "votes-lemma", "count", "votes-lemma"]
    assert lemmatizer.asked == ["Votes", "votes", "Votes"]  # "Votes" as a noun, "votes" as a noun, "Votes" a verb
