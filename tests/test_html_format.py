"""The HTML report as markup: escaping, highlighted values, anchors, the empty report (no browser needed)."""
from __future__ import annotations

import html
from dataclasses import replace
from datetime import date

import pytest

from claimcheck.models import DateInterval, DocumentSummary, Report, Value
from claimcheck.report import render
from claimcheck.report.highlight import value_spans
from claimcheck.report.html_format import document_anchors, value_label
from tests.html_page import read_page, squash
from tests.report_samples import HOSTILE_PATH, HOSTILE_SUBJECT, HOSTILE_SUMMARY, empty_report, sample_report


def test_text_from_articles_is_escaped_never_markup():
    markup = render(sample_report(), "html")
    assert "<script" not in markup and "<deal>" not in markup and "<b>.txt" not in markup
    page = read_page(markup)
    assert HOSTILE_SUBJECT in page.text
    assert squash(HOSTILE_SUMMARY) in page.text
    assert squash(HOSTILE_PATH) in page.text
    assert "The <deal> was signed in 2023 & ratified later." in page.text
    assert "odd <encoding> & more" in page.text and "photo, 1.jpg" in page.text


def test_values_are_marked_inside_their_sentences():
    page = read_page(render(sample_report(), "html"))
    assert {"2023", "2025", "four", "plan", "build", "test"} <= set(page.marks)


def test_every_link_lands_on_the_page_and_nothing_is_fetched():
    page = read_page(render(sample_report(), "html"))
    assert page.fetches == []
    assert {"script", "img", "link", "iframe"}.isdisjoint(page.tags)
    targets = [link[1:] for link in page.links]
    assert all(link.startswith("#") for link in page.links)
    assert set(targets) <= set(page.ids)
    assert len(page.ids) == len(set(page.ids))


def test_the_page_forbids_fetching_anything():
    markup = render(sample_report(), "html")
    assert "Content-Security-Policy\" content=\"default-src 'none'" in markup


def test_an_empty_report_still_reads():
    page = read_page(render(empty_report(), "html"))
    assert {"Summary", "Findings", "Corroborations", "Documents", "Warnings"} <= set(page.headings)
    assert "No findings" in page.text and "No documents." in page.text
    assert {link[1:] for link in page.links} <= set(page.ids)


def test_document_anchors_stay_unique_when_names_collide():
    docs = tuple(DocumentSummary(i, f"{i}.txt", None, None, 0, ()) for i in ("a b", "a-b", "a/b", "a&b"))
    anchors = document_anchors(Report(root="r", documents=docs, findings=(), corroborations=()))
    assert len(set(anchors.values())) == 4
    assert all(" " not in a and "&" not in a for a in anchors.values())


def _one_claim():
    return sample_report().findings[0].claims[0]  # "The <deal> was signed in 2023 & ratified later."


@pytest.mark.parametrize(
    "shift, value_text, expected",
    [
        (0, "2023", ["2023"]),  # offsets point at the value
        (7, "2023", ["2023"]),  # offsets into an HTML source: found by its words instead
        (0, "1999", []),  # a value the sentence does not contain: nothing marked
    ],
)
def test_value_spans(shift, value_text, expected):
    claim = _one_claim()
    claim = replace(claim, value=replace(claim.value, text=value_text),
                    value_start=claim.value_start + shift, value_end=claim.value_end + shift)
    assert [claim.text[a:b] for a, b in value_spans(claim)] == expected


def test_list_items_are_each_marked():
    claim = sample_report().findings[1].claims[1]
    assert [claim.text[a:b] for a, b in value_spans(claim)] == ["plan", "build", "test"]


@pytest.mark.parametrize(
    "value, expected",
    [
        (Value("date", "2023", interval=DateInterval(date(2023, 1, 1), date(2023, 12, 31), "year")),
         ("2023", "2023-01-01 to 2023-12-31")),
        (Value("date", "29 August", interval=DateInterval(date(2025, 8, 29), date(2025, 8, 29), "day")),
         ("29 August", "2025-08-29")),
        (Value("money", "10 trillion yen", number=1e13, unit="JPY"), ("10 trillion yen", "= 10,000,000,000,000 JPY")),
        (Value("count", "eight", number=8), ("eight", "= 8")),
        (Value("percent", "6.2%", number=6.2, unit="%"), ("6.2%", "")),
        (Value("list", "a, b", number=2, items=("a", "b")), ("2 items", "")),
    ],
)
def test_value_label(value, expected):
    assert value_label(value) == expected


def test_summary_counts_match_the_report():
    report = sample_report()
    text = read_page(render(report, "html")).text
    assert f"{len(report.documents)} documents" in text
    assert "1 error" in text and "1 warning" in text and "1 info" in text and "1 corroboration" in text
    assert "3 findings to check before publishing" in text
    assert html.escape("<") not in text  # the reader sees characters, not entities
