"""Ingest: files -> Article records. Fast tests, no spaCy."""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest

from claimcheck.discovery import SUFFIXES, discover
from claimcheck.errors import InputNotFound
from claimcheck.ingest import load_articles, read_article
from claimcheck.models import Article, Skipped

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

PROSE = ("The council approved a budget of 5 million dollars on Tuesday, the mayor said. "
         "It is the largest budget in the city's history.")
PROSE2 = ("Officials said the new bridge would open in March, two months later than planned. "
          "Work began in 2021 and has cost 40 million dollars so far.")


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def article(tmp_path: Path, content: str | bytes, name: str = "a.txt") -> Article:
    path = write(tmp_path, name, content)
    result = read_article(path, tmp_path)
    assert isinstance(result, Article), result
    return result


def line_blocks(a: Article) -> dict[int, tuple[str, str | None]]:
    """1-based line number -> (kind, reason) of the first block on that line."""
    out: dict[int, tuple[str, str | None]] = {}
    for b in a.blocks:
        out.setdefault(a.line_of(b.start), (b.kind, b.reason))
    return out


def furniture_lines(a: Article) -> set[int]:
    return {a.line_of(b.start) for b in a.blocks if b.kind == "furniture"}


def check_offsets(a: Article) -> None:
    """For text files: same length, and every non-furniture character unchanged."""
    assert len(a.text) == len(a.source)
    hidden = [False] * len(a.source)
    for b in a.blocks:
        if b.kind == "furniture":
            for k in range(b.start, b.end):
                hidden[k] = True
    for k, (s, t) in enumerate(zip(a.source, a.text, strict=True)):
        if s in "\r\n":
            assert t == s
        elif hidden[k]:
            assert t == " "
        else:
            assert t == s, (k, s, t)


# ------------------------------------------------------------------ discovery

def test_discover_folder_sorted_hidden_and_unsupported(tmp_path):
    write(tmp_path, "b.txt", PROSE)
    write(tmp_path, "a/z.md", PROSE)
    write(tmp_path, "a/y.HTML", "<p>x</p>")
    write(tmp_path, "c.pdf", b"%PDF-1.4")
    write(tmp_path, "README", "x")
    write(tmp_path, ".hidden.txt", PROSE)
    write(tmp_path, ".git/config.txt", PROSE)
    paths, skipped = discover(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["a/y.HTML", "a/z.md", "b.txt"]
    assert [s.path for s in skipped] == ["README", "c.pdf"]
    assert "'.pdf'" in skipped[1].reason and "suffix" in skipped[0].reason


def test_discover_single_file(tmp_path):
    path = write(tmp_path, "one.txt", PROSE)
    assert discover(path) == ([path], [])
    other = write(tmp_path, "one.docx", b"PK")
    paths, skipped = discover(other)
    assert paths == [] and skipped[0].path == "one.docx"


def test_missing_root_raises_with_path(tmp_path):
    missing = tmp_path / "nope"
    with pytest.raises(InputNotFound, match="nope"):
        discover(missing)
    with pytest.raises(InputNotFound):
        load_articles(missing)


def test_suffixes():
    assert set(SUFFIXES) == {".txt", ".md", ".markdown", ".html", ".htm"}


def test_ids_and_paths(tmp_path):
    write(tmp_path, "sub/story.txt", PROSE)
    write(tmp_path, "top.md", PROSE)
    arts, skipped = load_articles(tmp_path)
    assert skipped == []
    assert [(a.id, a.path) for a in arts] == [("sub/story", "sub/story.txt"), ("top", "top.md")]
    single, _ = load_articles(tmp_path / "sub" / "story.txt")
    assert (single[0].id, single[0].path) == ("story", "story.txt")


def test_same_stem_different_suffix_gets_distinct_ids(tmp_path):
    write(tmp_path, "x.txt", PROSE)
    write(tmp_path, "x.md", PROSE)
    arts, _ = load_articles(tmp_path)
    assert len({a.id for a in arts}) == 2


# ------------------------------------------------------------------ decoding

@pytest.mark.parametrize(
    "data, expected, warning",
    [
        ("Price: 5 € – “quoted”".encode(), "Price: 5 € – “quoted”", None),
        (b"\xef\xbb\xbf" + "Caf\u00e9 opens".encode("utf-8"), "Caf\u00e9 opens", None),
        ("He said \u201cit costs 5 \u20ac\u201d".encode("cp1252"), "He said \u201cit costs 5 \u20ac\u201d", "cp1252"),
        (b"Caf\xe9 \x81 na\xefve", "Caf\u00e9 \x81 na\u00efve", "latin-1"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "latin1"],
)
def test_encodings(tmp_path, data, expected, warning):
    a = article(tmp_path, data)
    assert a.source == expected
    if warning is None:
        assert not any("encoding" in w for w in a.warnings)
    else:
        assert any(warning in w for w in a.warnings)


def test_utf16_with_bom(tmp_path):
    a = article(tmp_path, "Hello world, this is text.".encode("utf-16"))
    assert a.source.startswith("Hello world")


@pytest.mark.parametrize("data", [b"abc\x00def" * 10, bytes(range(0, 32)) * 20], ids=["nul", "controls"])
def test_binary_is_skipped(tmp_path, data):
    path = write(tmp_path, "bin.txt", data)
    result = read_article(path, tmp_path)
    assert isinstance(result, Skipped) and "binary" in result.reason and result.path == "bin.txt"


@pytest.mark.parametrize("content", ["", "  \n\t\n "], ids=["empty", "whitespace"])
def test_empty_file_is_an_article_with_warning(tmp_path, content):
    a = article(tmp_path, content)
    assert a.warnings == ("empty file",) and a.blocks == ()


def test_too_large_is_skipped(tmp_path):
    path = write(tmp_path, "big.txt", "x" * 2000)
    result = read_article(path, tmp_path, max_bytes=1000)
    assert isinstance(result, Skipped)
    assert "2,000" in result.reason and "1,000" in result.reason
    arts, skipped = load_articles(tmp_path, max_bytes=1000)
    assert arts == [] and skipped[0].path == "big.txt"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_is_skipped(tmp_path):
    path = write(tmp_path, "locked.txt", PROSE)
    path.chmod(0)
    try:
        result = read_article(path, tmp_path)
        assert isinstance(result, Skipped) and "ermission" in result.reason
    finally:
        path.chmod(0o644)


def test_missing_file_is_skipped_not_raised(tmp_path):
    result = read_article(tmp_path / "gone.txt", tmp_path)
    assert isinstance(result, Skipped) and "cannot read" in result.reason


# ------------------------------------------------------------------ HTML

HTML = """<!DOCTYPE html>
<html><head><title>Site | Story</title>
<script>var claim = "Budget 2023: 999 items";</script>
<style>p { color: red }</style>
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
<header><div>Masthead text</div></header>
<article>
<h1>Council approves bigger budget</h1>
<p>The council approved a budget of $5&nbsp;million on Tuesday,
the mayor said. "We spent 12 months on it," she said.</p>
<ul><li>First point here</li><li>Second point</ul>
<aside>Aside text</aside>
<form><input name="q"> Search form text</form>
<div class="social-share">Share this on every network</div>
</article>
<footer>Footer text</footer>
</body></html>
"""


def test_html_visible_text_and_line_mapping(tmp_path):
    a = article(tmp_path, HTML, "page.html")
    for gone in ("claim", "999", "color", "Home", "Masthead", "Aside", "Search form", "Footer", "Share this", "Site |"):
        assert gone not in a.text
    assert "$5 million on Tuesday, the mayor said." in a.text  # entity decoded, line break collapsed
    assert a.source_offsets is not None and len(a.source_offsets) == len(a.text)
    quote = a.text.index("We spent 12 months")
    assert a.line_of(quote) == 12  # the line of the quote in the HTML file
    assert a.source[a.source_offset(quote):].startswith("We spent 12 months")
    kinds = line_blocks(a)
    assert kinds[10] == ("heading", None)
    assert [b.kind for b in a.blocks if a.text[b.start:b.end].startswith(("First", "Second"))] == ["item", "item"]
    # every character maps to the same character in the source, except decoded entities and collapsed spaces
    for k, ch in enumerate(a.text):
        if not ch.isspace():
            src = a.source[a.source_offsets[k]]
            assert src == ch or src == "&"


def test_html_class_rule_does_not_hide_the_whole_page(tmp_path):
    page = f'<html><body><div class="page has-sidebar"><p>{PROSE}</p><p>{PROSE2}</p></div></body></html>'
    a = article(tmp_path, page, "p.htm")
    assert "council approved" in a.text and "bridge" in a.text


def test_html_furniture_rules_apply_to_extracted_text(tmp_path):
    page = f"""<html><body><article><p>{PROSE}</p>
<h3>Related Stories</h3><p>Another Headline About A Different Thing</p><p>Yet Another Headline Here</p>
<p>© 2024 Example Media. All rights reserved.</p></article></body></html>"""
    a = article(tmp_path, page, "p.html")
    assert "council approved" in a.text
    for gone in ("Related", "Another Headline", "Yet Another", "rights reserved"):
        assert gone not in a.text


@pytest.mark.parametrize(
    "head, expected",
    [
        ('<meta property="article:published_time" content="2024-03-01T10:00:00+05:30">', date(2024, 3, 1)),
        ('<meta name="pubdate" content="2023-11-05">', date(2023, 11, 5)),
        ('<meta itemprop="datePublished" content="2022-07-14">', date(2022, 7, 14)),
        ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-02-03T08:00:00Z"}</script>',
         date(2021, 2, 3)),
    ],
    ids=["og", "pubdate", "itemprop", "json-ld"],
)
def test_html_metadata_dates(tmp_path, head, expected):
    page = f"<html><head>{head}</head><body><p>{PROSE}</p></body></html>"
    a = article(tmp_path, page, "m.html")
    assert (a.published, a.published_from) == (expected, "metadata")


def test_html_time_element_gives_date_and_span(tmp_path):
    page = f'<html><body><p>Posted <time datetime="2020-05-06T10:00">May 6, 2020</time></p><p>{PROSE}</p></body></html>'
    a = article(tmp_path, page, "t.html")
    assert (a.published, a.published_from) == (date(2020, 5, 6), "metadata")
    assert a.published_span is not None


# ------------------------------------------------------------------ offsets and Markdown

def test_txt_offsets_invariant_on_corpus():
    arts, skipped = load_articles(CORPUS)
    assert skipped == [] and len(arts) == 5
    for a in arts:
        assert a.source_offsets is None
        check_offsets(a)


def test_txt_offsets_invariant_with_crlf_and_nbsp(tmp_path):
    a = article(tmp_path, b"top of page\r\n\r\nBy\xc2\xa0Jane Doe\r\n\r\n" + PROSE.encode() + b"\r\n")
    check_offsets(a)
    assert furniture_lines(a) == {1, 3}
    assert a.text.count("\n") == a.source.count("\n")


def test_markdown_front_matter_and_markup(tmp_path):
    md = f"""---
title: "A story"
date: 2024-03-01
---
# Budget passes

{PROSE} See [the report](https://example.com/2023/05/report) and **bold** text.

- first item
- second item
"""
    a = article(tmp_path, md, "s.md")
    assert (a.published, a.published_from) == (date(2024, 3, 1), "metadata")
    assert len(a.text) == len(a.source)
    assert "title:" not in a.text and "2024-03-01" not in a.text
    assert "the report" in a.text and "example.com" not in a.text and "**" not in a.text
    assert a.text.splitlines()[4].strip() == "Budget passes"
    kinds = line_blocks(a)
    assert kinds[1] == ("furniture", "front matter")
    assert kinds[5][0] == "heading"
    assert kinds[9][0] == "item" and kinds[10][0] == "item"


# ------------------------------------------------------------------ block kinds

@pytest.mark.parametrize(
    "line, kind",
    [
        ("Why It Matters", "heading"),
        ("How Will The Plan Work?", "heading"),
        ("Key Facts: The Plan in Numbers", "heading"),
        ("• First bullet point", "item"),
        ("● Second bullet point", "item"),
        ("- A dash item", "item"),
        ("* A star item", "item"),
        ("1. A numbered item", "item"),
        ("2) Another numbered item", "item"),
        ("Work on the second stage will start next year, the mayor told reporters on Monday.", "text"),
        ("The plan outlines several areas of cooperation, including these,", "text"),
    ],
)
def test_block_kinds(tmp_path, line, kind):
    a = article(tmp_path, f"{PROSE}\n\n{line}\n\n{PROSE2}\n")
    assert line_blocks(a)[3][0] == kind


# ------------------------------------------------------------------ furniture rules

@pytest.mark.parametrize(
    "line, reason_word",
    [
        ("© 2023 by Example Media. All rights reserved.", "copyright"),
        ("Copyright 2024 Example Media", "copyright"),
        ("All Rights Reserved", "copyright"),
        ("Subscribe to our newsletter for the latest updates.", "subscription"),
        ("Thank You for Subscribing!", "subscription"),
        ("Follow us on Twitter and Facebook", "social"),
        ("• Instagram", "social"),
        ("Facebook Twitter LinkedIn WhatsApp", "social"),
        ("Disclaimer: This post has been auto-published from an agency feed without modifications.", "disclaimer"),
        ("Comments", "comments"),
        ("12 Comments", "comments"),
        ("By Jane Doe", "byline"),
        ("By REUTERS | Updated: March 3, 2024 10:00 IST", "byline"),
        ("Written by Ana de la Cruz", "byline"),
        ("Updated: August 29, 2025 22:00 IST", "date line"),
        ("Open in App", "prompt"),
        ("top of page", "navigation"),
        ("Also read: Another Story Entirely Different", "another story"),
        ("Advertisement", "navigation"),
        ("5 min read", "time stamp"),
        ("Tags: budget, council, city", "tags"),
        ("Photo: Example Agency", "credit"),
        ("* * *", "separator"),
    ],
)
def test_single_line_furniture(tmp_path, line, reason_word):
    a = article(tmp_path, f"{PROSE}\n\n{line}\n\n{PROSE2}\n")
    kind, reason = line_blocks(a)[3]
    assert kind == "furniture" and reason_word in reason
    assert line.split()[-1] not in a.text.splitlines()[2]
    check_offsets(a)


@pytest.mark.parametrize(
    "line",
    [
        "By 2030, the city expects the population to double, officials said.",
        "By March, prices had risen by 5 percent across the region.",
        "The company said more than 10,000 readers subscribe to its print edition each month.",
        "Copyright lawsuits rose sharply in 2023, according to the court's annual report.",
        "Comments from the minister came after the vote, which passed 52 to 48.",
        "The mayor said: “We will not stop here.”",
        "Analysts expect the figures to improve... but only slowly, and not before 2026.",
        "Sales rose 4% in the quarter... the company said, citing strong demand in Europe and Asia.",
    ],
)
def test_real_prose_is_not_furniture(tmp_path, line):
    a = article(tmp_path, f"{PROSE}\n\n{line}\n\n{PROSE2}\n")
    assert line_blocks(a)[3][0] == "text"
    assert line in a.text


def test_menu_run_at_top(tmp_path):
    a = article(tmp_path, f"City\nEpaper\n\nCouncil approves bigger budget\n\n{PROSE}\n")
    assert furniture_lines(a) == {1, 2}
    assert line_blocks(a)[4][0] == "heading"


def test_menu_run_with_section_words_inside(tmp_path):
    a = article(tmp_path, f"{PROSE}\n\nWorld\nBusiness\nSports\nOpinion\n\n{PROSE2}\n")
    assert furniture_lines(a) == {3, 4, 5, 6}


def test_short_headings_are_not_a_menu(tmp_path):
    a = article(tmp_path,
                f"Council approves budget\n\nSynopsis\nKey Takeaways\n- The budget grew.\n- Taxes fell.\n{PROSE}\n")
    assert furniture_lines(a) == set()
    assert line_blocks(a)[3] == ("heading", None) and line_blocks(a)[4] == ("heading", None)


@pytest.mark.parametrize(
    "heading", ["Related Stories", "Also Read", "More from Business", "Trending Now", "You may also like"]
)
def test_related_stories_section(tmp_path, heading):
    text = (f"{PROSE}\n\n{PROSE2}\n\n{heading}\n\nFirst Headline About Another Thing\n\n"
            "Second headline: mayor quits after 3 years\n\nThird Headline Here\n")
    a = article(tmp_path, text)
    assert furniture_lines(a) == {5, 7, 9, 11}
    assert "council approved" in a.text and "Headline" not in a.text


def test_related_section_stops_at_prose(tmp_path):
    a = article(tmp_path, f"Also Read\nSome Other Headline Entirely\n{PROSE}\n")
    assert furniture_lines(a) == {1, 2}
    assert line_blocks(a)[3][0] == "text"


def test_trailing_title_lines(tmp_path):
    a = article(tmp_path, f"{PROSE}\n\n{PROSE2}\n\nMayor Quits After Three Years\nBridge Opening Delayed Again\n")
    assert furniture_lines(a) == {5, 6}


def test_trailing_list_after_a_lead_in_stays(tmp_path):
    a = article(tmp_path, f"{PROSE}\n\nThe plan rests on three pillars, these include:\nInvestment\nEducation\n")
    assert furniture_lines(a) == set()


@pytest.mark.parametrize(
    "line",
    [
        "Council Approves Record Budget After Long Deba...",
        "Bridge Opening Delayed Again As Costs Ri…",
        "Mayor says the bridge will open in March and ...",
    ],
)
def test_cut_off_teaser(tmp_path, line):
    a = article(tmp_path, f"{PROSE}\n\n{line}\n\n{PROSE2}\n")
    assert line_blocks(a)[3][0] == "furniture"


def test_cut_off_copy_of_a_later_paragraph(tmp_path):
    first = PROSE2.split(" two months")[0]
    a = article(tmp_path, f"{first} ...\n\n{PROSE}\n\n{PROSE2}\n")
    assert line_blocks(a)[1] == ("furniture", "cut-off copy of another paragraph")
    assert furniture_lines(a) == {1}


def test_run_of_cut_off_headlines(tmp_path):
    a = article(tmp_path,
                f"{PROSE}\n\nPanel records 231 new cases in the Nort...\nCity taxi trials begin in two distr...\n")
    assert furniture_lines(a) == {3, 4}


def test_author_box(tmp_path):
    text = (f"{PROSE}\n\nAbout the Author\n\nimg\n\nJane Doe is a reporter who has covered city hall since 2015. "
            "She previously worked in 3 newsrooms.\n\nDisclaimer: Views are personal.\n")
    a = article(tmp_path, text)
    assert furniture_lines(a) == {3, 5, 7, 9}
    assert "2015" not in a.text


def test_author_box_stops_at_next_heading(tmp_path):
    a = article(tmp_path, f"About the Author\nJane Doe covers city hall.\nWhy It Matters\n{PROSE}\n")
    assert furniture_lines(a) == {1, 2}


def test_duplicate_consecutive_line(tmp_path):
    sub = "The council approved the budget after a long debate"
    a = article(tmp_path, f"Budget Passes\n\n{sub}\n{sub}\n\n{PROSE}\n")
    assert line_blocks(a)[3][0] == "heading"
    assert line_blocks(a)[4] == ("furniture", "duplicate line")


def test_rules_use_the_data_file():
    from claimcheck import furniture_cues

    cfg = furniture_cues.config()
    assert "related stories" in cfg["section"]["teasers"]["cues"]
    assert "facebook" in cfg["social"]["networks"]


# ------------------------------------------------------------------ publication date

@pytest.mark.parametrize(
    "content, published, source, span_text",
    [
        (f" date 2025-08-30 Paris [France], August 30 (AFP): {PROSE}", date(2025, 8, 30), "header", "August 30"),
        (f"Date: 2025-08-30\n\n{PROSE}", date(2025, 8, 30), "header", "2025-08-30"),
        (f"Title: Budget\nURL: https://example.com/x\nDate: 2024-01-02\n\n{PROSE}", date(2024, 1, 2), "header",
         "2024-01-02"),
        (f"Budget Passes\n\nBy AGENCY | Updated: August 29, 2025 22:00 IST\n\n{PROSE}", date(2025, 8, 29), "byline",
         "August 29, 2025"),
        (f"Budget Passes\n\nPublished 12 March 2024\n\n{PROSE}", date(2024, 3, 12), "byline", "12 March 2024"),
        (f"Budget Passes\nPublished: 2024-03-12 | Updated: 2024-03-15\n\n{PROSE}", date(2024, 3, 12), "byline",
         "2024-03-12"),
        (f"NEW YORK, Jan. 5, 2024 /Newswire/ -- {PROSE}", date(2024, 1, 5), "dateline", "Jan. 5, 2024"),
        (f"Budget Passes\nUpdated: September 2, 2025\n\nLondon, Aug 29 (Agency) - {PROSE}", date(2025, 8, 29),
         "dateline", "Aug 29"),
    ],
    ids=["header-inline", "header-colon", "header-lines", "byline-updated", "byline-published", "byline-both",
         "dateline-year", "dateline-year-from-byline"],
)
def test_publication_date(tmp_path, content, published, source, span_text):
    a = article(tmp_path, content)
    assert (a.published, a.published_from) == (published, source)
    assert a.published_span is not None
    assert a.source[a.published_span[0]:a.published_span[1]] == span_text
    assert not any("publication date unknown" in w for w in a.warnings)


@pytest.mark.parametrize(
    "content, span_text",
    [
        (f"New Delhi, Aug 29 (Agency) {PROSE}", "Aug 29"),
        (f"Tokyo [Japan], August 30 (Agency): {PROSE}", "August 30"),
        (f"WASHINGTON, March 3 (Reuters) - {PROSE}", "March 3"),
        (f"{PROSE}\n\n© 2023 Example Media. All rights reserved.\n", None),
        (f"{PROSE}\n", None),
    ],
    ids=["dateline-agency", "dateline-bracket", "dateline-caps", "copyright-year", "nothing"],
)
def test_publication_date_unknown(tmp_path, content, span_text):
    a = article(tmp_path, content)
    assert a.published is None and a.published_from is None
    assert any("publication date unknown" in w for w in a.warnings)
    if span_text is None:
        assert a.published_span is None
    else:
        assert a.text[a.published_span[0]:a.published_span[1]] == span_text
        assert a.text.startswith(content.split(",")[0])  # the dateline stays in the prose


def test_ambiguous_numeric_date_is_not_guessed(tmp_path):
    a = article(tmp_path, f"Budget Passes\nPublished: 03/04/2024\n\n{PROSE}")
    assert a.published is None


# ------------------------------------------------------------------ the founding corpus

CORPUS_DATES = {
    "000_82a62ae744df0b1b": (None, None),
    "001_209a43c90e6542cd": (date(2025, 8, 29), "byline"),
    "002_a45e51cb15edd064": (None, None),
    "003_7347d4b251c3fcbc": (None, None),
    "004_d41a41eb8909668a": (date(2025, 8, 30), "header"),
}

CORPUS_FURNITURE = {
    "000_82a62ae744df0b1b": set(),
    "001_209a43c90e6542cd": {1, 2, 6, 8, 10, 26, 28} | set(range(30, 53, 2)) | {42},
    "002_a45e51cb15edd064": {29, 30, 31},
    "003_7347d4b251c3fcbc": {1, 6, 8, 68, 70, 72, 77, 79, 82, 84, 86, 87, 88, 90, 92},
}


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    arts, skipped = load_articles(CORPUS)
    assert skipped == []
    return {a.id: a for a in arts}


@pytest.mark.parametrize("ident", sorted(CORPUS_DATES))
def test_corpus_published(corpus, ident):
    a = corpus[ident]
    assert (a.published, a.published_from) == CORPUS_DATES[ident]
    if a.published is None:
        assert any("publication date unknown" in w for w in a.warnings)


@pytest.mark.parametrize("ident", sorted(CORPUS_FURNITURE))
def test_corpus_furniture(corpus, ident):
    assert furniture_lines(corpus[ident]) == CORPUS_FURNITURE[ident]


def test_corpus_kinds(corpus):
    k000 = line_blocks(corpus["000_82a62ae744df0b1b"])
    assert k000[3][0] == "heading" and k000[4][0] == "heading"
    assert {k000[n][0] for n in range(5, 10)} == {"item"}
    k002 = line_blocks(corpus["002_a45e51cb15edd064"])
    assert {k002[n][0] for n in range(8, 14)} == {"item"}
    k003 = line_blocks(corpus["003_7347d4b251c3fcbc"])
    assert k003[56][0] == "heading"
    assert {k003[n][0] for n in (58, 60, 62, 64)} == {"item"}
    assert "New Delhi, Aug 29" in corpus["000_82a62ae744df0b1b"].text
    a000 = corpus["000_82a62ae744df0b1b"]
    assert a000.text[a000.published_span[0]:a000.published_span[1]] == "Aug 29"


# ------------------------------------------------------------------ more shapes

WRAPPED = """Council Approves Bigger Budget

WASHINGTON, March 3, 2024 (Reuters) - The city council approved a
budget of 5 million dollars on Tuesday, the mayor said, adding that
It was the largest budget in the city's history by a wide margin.

Officials said the new bridge would open in March, two months later
than planned. Work began in 2021 and has cost 40 million dollars so
far, according to figures released by the transport department on
Monday.

(Reporting by Jane Doe; Editing by John Roe)
"""


def test_hard_wrapped_paragraphs_become_one_block(tmp_path):
    a = article(tmp_path, WRAPPED)
    assert len(a.text) == len(a.source)
    paragraphs = [b for b in a.blocks if b.kind == "text"]
    assert len(paragraphs) == 2
    assert "approved a budget of 5 million" in a.text  # the wrap is a space now
    assert a.line_of(a.text.index("It was the largest")) == 5
    assert line_blocks(a)[12] == ("furniture", "reporting credits")
    assert (a.published, a.published_from) == (date(2024, 3, 3), "dateline")


def test_unwrapped_text_keeps_its_line_breaks(tmp_path):
    a = article(tmp_path, f"{PROSE}\n{PROSE2}\n")
    assert a.text == a.source


def test_permission_error_is_skipped(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", PROSE)

    def deny(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = read_article(path, tmp_path)
    assert isinstance(result, Skipped) and "Permission denied" in result.reason


@pytest.mark.parametrize(
    "page, present, absent",
    [
        ("<p>The first paragraph is here.<p>The second one follows it.<div hidden>secret</div>",
         ["The first paragraph is here.\n", "The second one follows it."], ["secret"]),
        ('<p>This sentence is seen.</p><div style="display: none">unseen</div><span aria-hidden="true">icon</span>',
         ["This sentence is seen."], ["unseen", "icon"]),
        ("<p>The first line is long enough.<br>The second line is long too.</p>",
         ["The first line is long enough.\nThe second line is long too."], []),
        ("<pre>The table  has two\nspaces in it.</pre>", ["The table  has two\nspaces in it."], []),
        ("<div><p>Unclosed <b>bold <i>both</div><p>After", ["Unclosed bold both", "After"], []),
        ("<p>Fish &amp; chips &#8364;5 &unknown; &#x41;</p>", ["Fish & chips €5 &unknown; A"], []),
    ],
    ids=["implied-p", "hidden-style", "br", "pre", "unclosed", "entities"],
)
def test_html_shapes(tmp_path, page, present, absent):
    a = article(tmp_path, page, "x.html")
    for p in present:
        assert p in a.text
    for p in absent:
        assert p not in a.text
    assert len(a.source_offsets) == len(a.text)
    assert all(0 <= o < len(a.source) for o in a.source_offsets)


def test_html_without_visible_text(tmp_path):
    a = article(tmp_path, "<html><head><script>x=1</script></head><body></body></html>", "e.html")
    assert a.text == "" and any("no visible text" in w for w in a.warnings)


@pytest.mark.parametrize(
    "first",
    [
        "On Monday, March 3, 2024, the council met again to discuss the budget.",
        "Last year, March 3 was chosen as the day for the vote, officials said.",
    ],
)
def test_date_at_paragraph_start_is_not_a_dateline(tmp_path, first):
    a = article(tmp_path, f"{first}\n\n{PROSE}\n")
    assert a.published is None and a.published_span is None


def test_related_box_in_the_middle_keeps_short_sentences(tmp_path):
    a = article(tmp_path, f"{PROSE}\n\nAlso Read\nMayor Quits After Three Years\nHe declined to comment.\n{PROSE2}\n")
    assert furniture_lines(a) == {3, 4}


@pytest.mark.parametrize(
    "first, published",
    [
        ("Valley Weekly | News | Saturday 16 March 2024", date(2024, 3, 16)),
        ("Rail Weekly — Monday 4 December 2023", date(2023, 12, 4)),
        ("*Agency, 10 December 2024*", date(2024, 12, 10)),
        ("March 8, 2024 6:20 PM GMT+1", date(2024, 3, 8)),
        ("Monday, June 17, 2024", date(2024, 6, 17)),
    ],
)
def test_masthead_date_lines(tmp_path, first, published):
    a = article(tmp_path, f"{first}\n\nCouncil approves bigger budget\n{PROSE}\n")
    assert (a.published, a.published_from) == (published, "byline")
    assert line_blocks(a)[1] == ("furniture", "date line")


def test_bare_date_below_the_article_is_not_its_date(tmp_path):
    a = article(tmp_path, f"{PROSE}\n\n{PROSE2}\n\n5 January 2024\n")
    assert a.published is None


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Home | News | Politics | Sport | Business | Opinion | Subscribe", "menu"),
        ("Sign up for the Gazette Morning Briefing: 5 stories every weekday at 7 a.m.", "subscription"),
        ("Get our Politics Daily newsletter: 3 must-read stories, every evening", "subscription"),
        ("Follow Example News Service on X and Instagram", "social"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "reporting credits"),
    ],
)
def test_more_furniture_lines(tmp_path, line, reason):
    a = article(tmp_path, f"{PROSE}\n\n{line}\n\n{PROSE2}\n")
    kind, why = line_blocks(a)[3]
    assert kind == "furniture" and reason in why


def test_masthead_name_above_a_menu(tmp_path):
    a = article(tmp_path,
                f"Example Gazette\nHome | News | Sport | Opinion\n\nCouncil approves bigger budget\n{PROSE}\n")
    assert furniture_lines(a) == {1, 2}


@pytest.mark.parametrize("name", ["short.txt", "short.md"])
def test_short_hard_wrapped_paragraph_is_text_not_headings(tmp_path, name):
    """Too few lines to measure a wrap width, but the lines plainly go on: one paragraph."""
    page = ("Council approves budget\n\n"
            "The council approved the budget of 40 million euros on\n"
            "Tuesday after a long debate, the mayor said in a\n"
            "statement to reporters.\n")
    a = article(tmp_path, page, name)
    kinds = {a.text[b.start:b.end].split()[0]: b.kind for b in a.blocks if a.text[b.start:b.end].strip()}
    assert kinds["Council"] == "heading" and kinds["The"] == "text"
    assert "on Tuesday after" in a.text  # the wrap became a space, so the sentence is whole


def test_lines_that_end_a_sentence_are_not_joined(tmp_path):
    a = article(tmp_path, "Budget passed\nThe council approved the budget on Tuesday.\nIt takes effect in May.\n",
                "x.txt")
    assert "Budget passed\n" in a.text


# ------------------------------------------------------------------ scraped pages: loose date lines and addresses

@pytest.mark.parametrize("content, published, span_text", [
    (f"Bus crash kills 27\n\nFound March 08, 2013\n\n{PROSE}", date(2013, 3, 8), "March 08, 2013"),
    (f"Bus crash kills 27\n\n10:55 P.M. FEB. 2, 2009\n\n{PROSE}", date(2009, 2, 2), "FEB. 2, 2009"),
    (f"Bus crash kills 27\n\nSun., Aug. 4, 2013 11:29 AM PDT\n\n{PROSE}", date(2013, 8, 4), "Aug. 4, 2013"),
], ids=["cue-word", "time-first", "weekday-and-zone"])
def test_a_loose_date_line_near_the_top_dates_the_page(tmp_path, content, published, span_text):
    a = article(tmp_path, content)
    assert a.published == published
    assert a.source[a.published_span[0]:a.published_span[1]] == span_text
    assert "furniture" in [b.kind for b in a.blocks]  # the date line is not prose


def test_a_page_address_is_furniture_and_its_path_date_a_fallback(tmp_path):
    a = article(tmp_path, f"https://www.example.com/2013/04/12/bus-crash\n\n{PROSE}")
    assert (a.published, a.published_from) == (date(2013, 4, 12), "metadata")
    assert a.blocks[0].kind == "furniture"
    undated = article(tmp_path, f"https://www.example.com/news/story\n\n{PROSE}", name="b.txt")
    assert undated.published is None and undated.blocks[0].kind == "furniture"


@pytest.mark.parametrize("line, expected", [
    ("Published 12 mars 2024", date(2024, 3, 12)),  # dateparser reads other languages' months
    ("Posted at 3:21 PM ET, 01/5/2011", None),  # day and month could be swapped: not guessed
    ("The club was founded in 1902 and won the league in 1995 after a long campaign that year", None),
])
def test_loose_date(line, expected):
    from claimcheck.published import loose_date

    assert loose_date(line) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/2013/04/12/story", date(2013, 4, 12)),
    ("http://example.com/news/2013-09-18-patch", date(2013, 9, 18)),
    ("http://example.com/a/2013/99/99/b", None),
])
def test_url_date(url, expected):
    from claimcheck.published import url_date

    assert url_date(url) == expected
