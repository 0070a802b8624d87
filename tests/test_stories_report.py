"""Stories in the text and HTML reports: which articles claimcheck read as one event, on hand-built reports."""
from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from claimcheck.models import CheckScope
from claimcheck.report import render
from claimcheck.report.html_format import document_anchors
from tests.html_page import read_page
from tests.report_samples import HOSTILE_LABEL, empty_report, story_report

WIDE = 1000  # no line of these reports wraps


def text_stories(report, **options) -> list[str]:
    """The lines of the text report's Stories section, or [] when it has none.

    The text report shows paths from the current folder: scanned as ".", they are the stored paths."""
    lines = render(replace(report, root="."), "text", width=WIDE, **options).splitlines()
    if "Stories" not in lines:
        return []
    section = lines[lines.index("Stories") + 1 :]
    return [line.strip() for line in section[: section.index("")]]


def names(first: int, last: int) -> str:
    return ", ".join(f"desk/d{n:02d}.txt" for n in range(first, last + 1))


def html_section(markup: str) -> str:
    found = re.search(r'<section id="stories">.*?</section>', markup, re.S)
    assert found, "no Stories section"
    return found.group(0)


# ------------------------------------------------------------------ text


@pytest.mark.parametrize(
    "sizes, expected",
    [
        ((3, 1, 1), [f"story 1: label 1 — 3 documents: {names(1, 3)}",
                     "2 documents stand alone: desk/d04.txt, desk/d05.txt"]),
        ((2, 2), [f"story 1: label 1 — 2 documents: {names(1, 2)}",
                  f"story 2: label 2 — 2 documents: {names(3, 4)}"]),
        ((2, 1), [f"story 1: label 1 — 2 documents: {names(1, 2)}", "1 document stands alone: desk/d03.txt"]),
        ((1, 1, 1), [f"3 documents stand alone: {names(1, 3)}"]),
        ((7,), [f"story 1: label 1 — 7 documents: {names(1, 7)}"]),  # never "and 1 more" for one name
        ((17,), [f"story 1: label 1 — 17 documents: {names(1, 6)} and 11 more"]),
        ((2, 1, 1, 1, 1, 1, 1, 1, 1), [f"story 1: label 1 — 2 documents: {names(1, 2)}",
                                       f"8 documents stand alone: {names(3, 8)} and 2 more"]),
        ((1,), []),  # one document read: nothing to group
        ((), []),
    ],
    ids=lambda v: "-".join(map(str, v)) if isinstance(v, tuple) else None,
)
def test_text_lists_stories_of_several_documents_then_those_alone(sizes, expected):
    assert text_stories(story_report(sizes)) == expected


def test_verbose_names_every_document():
    assert text_stories(story_report((17, 9)), verbose=True) == [
        f"story 1: label 1 — 17 documents: {names(1, 17)}", f"story 2: label 2 — 9 documents: {names(18, 26)}",
    ]


def test_quiet_keeps_the_findings_alone():
    report = story_report((3, 1))
    quiet = render(report, "text", width=WIDE, quiet=True)
    assert "Stories" not in quiet and "label 1" not in quiet
    assert quiet == render(replace(report, stories=()), "text", width=WIDE, quiet=True)


def test_the_rest_of_the_text_report_is_unchanged():
    report = story_report((3, 2, 1))
    with_stories = render(report, "text", width=WIDE).splitlines()
    start = with_stories.index("Stories")
    del with_stories[start : with_stories.index("", start) + 1]
    assert with_stories == render(replace(report, stories=()), "text", width=WIDE).splitlines()


@pytest.mark.parametrize("color", [False, True])
def test_text_prints_a_label_as_written(color):
    out = render(story_report((2,), hostile=True), "text", width=WIDE, color=color)
    assert f"story 1: {HOSTILE_LABEL} — 2 documents" in re.sub(r"\x1b\[[0-9;]*m", "", out)


def test_a_check_lists_the_stories_of_its_drafts():
    drafts = CheckScope(against="corpus", drafts=("d05", "d06"), corpus_findings=0)
    report = replace(story_report((3, 2, 1, 1)), check=drafts)
    assert text_stories(report) == [f"story 1: label 2 — 2 documents: {names(4, 5)}",
                                    "1 document stands alone: desk/d06.txt"]


# ------------------------------------------------------------------ HTML


def test_html_lists_each_story_with_links_to_its_documents():
    report = story_report((3, 2, 1, 1))
    markup = render(report, "html")
    page = read_page(markup)
    section = read_page(html_section(markup))
    anchors = document_anchors(report)
    assert section.headings == ["Stories"]
    assert section.links == [f"#{anchors[f'd{n:02d}']}" for n in range(1, 8)]
    assert "label 1 3 documents desk/d01.txt desk/d02.txt desk/d03.txt" in section.text
    assert "label 2 2 documents desk/d04.txt desk/d05.txt" in section.text
    assert "2 documents stand alone, each the only article on its event: desk/d06.txt desk/d07.txt" in section.text
    assert "label 3" not in section.text  # a story of one document is in the stand-alone list, not numbered
    assert {link[1:] for link in page.links} <= set(page.ids) and len(page.ids) == len(set(page.ids))
    assert '<a href="#stories">Stories</a>' in markup


def test_html_stories_are_a_numbered_list_between_corroborations_and_documents():
    markup = render(story_report((2, 3, 1)), "html")
    headings = read_page(markup).headings
    assert headings.index("Corroborations") < headings.index("Stories") < headings.index("Documents")
    section = html_section(markup)
    labels = re.findall(r'<li><strong class="story-label">([^<]*)</strong>', section)
    assert labels == ["label 1", "label 2"]  # the report's order: "story 2" is the text report's story 2 too
    assert section.count('<ul class="story-documents">') == 3


@pytest.mark.parametrize("report", [story_report((1,)), story_report(()), empty_report()], ids=["one", "none", "empty"])
def test_html_has_no_stories_section_without_stories_to_list(report):
    markup = render(report, "html")
    assert 'id="stories"' not in markup and 'href="#stories"' not in markup
    assert "Stories" not in read_page(markup).headings


def test_html_escapes_a_label():
    markup = render(story_report((2, 1), hostile=True), "html")
    section = html_section(markup)
    assert "<b>&" not in section and html.escape(HOSTILE_LABEL) in section
    assert f"{HOSTILE_LABEL} 2 documents" in read_page(section).text
