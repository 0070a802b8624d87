"""Output formats: each a small module with `render(report, **options) -> str`."""
from __future__ import annotations

from claimcheck.models import Report
from claimcheck.report import github_format, html_format, json_format, jsonl_format, sarif_format, text_format

FORMATS = {
    "text": text_format.render,
    "json": json_format.render,
    "jsonl": jsonl_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "html": html_format.render,
}


def render(report: Report, fmt: str = "text", **options) -> str:
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    return renderer(report, **options)
