"""Hand-built reports for the format tests: no model needed, and every string is one a format must escape."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from claimcheck.models import Claim, DateInterval, DocumentSummary, Finding, Report, Skipped, Story, Value

HOSTILE_PATH = "desk, 1/notes: draft <b>.txt"
HOSTILE_SUBJECT = "<script>alert('x')</script> deal"
HOSTILE_SUMMARY = "100% sure,\r\nsays: 'a' & \"b\" <i>"
HOSTILE_LABEL = "<b>& [bold]Acme[/bold] :smiley:"  # HTML, rich markup and a rich emoji code: shown as written


def _claim(document: str, text: str, value: Value, at: int, line: int, offset: int = 0) -> Claim:
    """A claim whose value is found in `text` (the first occurrence after `offset`)."""
    inside = text.index(value.text, offset) if value.kind != "list" else text.index(value.items[0])
    return Claim(
        id=f"{document}:{at}", document=document, text=text, start=at, end=at + len(text), line=line,
        value=value, value_start=at + inside, value_end=at + inside + len(value.text),
    )


def year(text: str, y: int) -> Value:
    return Value("date", text, interval=DateInterval(date(y, 1, 1), date(y, 12, 31), "year"))


def sample_report(severities: tuple[str, ...] = ("error", "warning", "info")) -> Report:
    first = _claim("desk/a", "The <deal> was signed in 2023 & ratified later.", year("2023", 2023), at=120, line=4)
    second = _claim("b", "It was signed in 2025, officials said.", year("2025", 2025), at=10, line=2)
    count = _claim("desk/a", "There are four steps:", Value("count", "four", number=4), at=300, line=9)
    items = ("plan", "build", "test")
    listed = _claim("desk/a", "- plan\n- build\n- test", Value("list", "plan\n- build\n- test", number=3, items=items),
                    at=322, line=10)
    findings = []
    for n, severity in enumerate(severities):
        kind, claims = (("date_conflict", (first, second)), ("count_mismatch", (count, listed)),
                        ("name_variant", (first, second)))[n % 3]
        findings.append(Finding(
            id=f"{kind}-{n}", kind=kind, severity=severity, confidence=0.5 + n / 10,
            subject=HOSTILE_SUBJECT if n == 0 else f"subject {n}",
            summary=HOSTILE_SUMMARY if n == 0 else f"summary {n}",
            claims=claims,
        ))
    agree = Finding(
        id="corroboration-1", kind="corroboration", severity="info", confidence=0.9, subject="2023",
        summary="2 documents agree on 2023.", claims=(first, second),
    )
    return Report(
        root="sample-root",
        documents=(
            DocumentSummary("desk/a", HOSTILE_PATH, date(2025, 8, 30), "header", 3, ("odd <encoding> & more",)),
            DocumentSummary("b", "b.txt", None, None, 1, ()),
        ),
        findings=tuple(findings),
        corroborations=(agree,),
        skipped=(Skipped("photo, 1.jpg", "unsupported file type .jpg"),),
    )


def empty_report() -> Report:
    return Report(root="empty", documents=(), findings=(), corroborations=())


def story_report(sizes: tuple[int, ...], hostile: bool = False) -> Report:
    """sample_report plus documents d01, d02... (paths desk/d01.txt...) in stories of `sizes` documents, in order.

    Story n is labelled "label n" (HOSTILE_LABEL for the first when `hostile`); the sample's own two documents
    are in no story, so only the stories' documents can be listed.
    """
    sample = sample_report()
    docs = [f"d{n:02d}" for n in range(1, sum(sizes) + 1)]
    stories, at = [], 0
    for n, size in enumerate(sizes, start=1):
        label = HOSTILE_LABEL if hostile and n == 1 else f"label {n}"
        stories.append(Story(id=f"story-{n}", label=label, documents=tuple(docs[at : at + size])))
        at += size
    documents = sample.documents + tuple(DocumentSummary(d, f"desk/{d}.txt", None, None, 0, ()) for d in docs)
    return replace(sample, documents=documents, stories=tuple(stories))
