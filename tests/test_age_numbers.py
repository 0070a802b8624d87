"""Which sentences can hold an age: the prefilter extract_claims uses must never drop one ages_in finds."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimcheck.extract.ages import age_numbers_before

WORDS = ["Tomas", "Berg", ",", "47", ",", "won", ".", "Turnout", "was", "1,200", ".", "She", "is", "²", "."]


@pytest.mark.parametrize(("start", "end", "holds"), [
    (0, 7, True),  # "47": digits, three or fewer
    (7, 11, False),  # "1,200" is no age
    (11, 15, True),  # "²" is a digit (str.isdigit) though no decimal: kept, for ages_in to refuse
])
def test_a_sentence_may_hold_an_age_only_with_a_short_run_of_digits(start, end, holds):
    doc = Doc(spacy.blank("en").vocab, words=WORDS)
    before = age_numbers_before(doc)
    assert len(before) == len(doc) + 1
    assert bool(before[end] > before[start]) is holds
