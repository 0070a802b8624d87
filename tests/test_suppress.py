"""Inline suppression comments: where they reach, what they warn about, and the scan/check runs that obey them."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcheck import suppress
from claimcheck.cli import app
from claimcheck.ingest import build_article
from claimcheck.models import Claim, Finding, Value

try:
    from conftest import ACQUISITION_2021
except ImportError:  # tests/ imported as a package
    from tests.conftest import ACQUISITION_2021

runner = CliRunner()
IGNORE = '<!-- claimcheck: ignore date_conflict reason="checked with the desk" -->'


def article(source: str, suffix: str = ".md"):
    return build_article("doc", f"doc{suffix}", source, suffix)


def covered(source: str, suffix: str = ".md") -> str:
    found, problems = suppress.read_directives(article(source, suffix))
    assert problems == [] and len(found) == 1
    return source[found[0].start:found[0].end]


@pytest.mark.parametrize(
    "source, inside, outside",
    [
        # on its own line: the next paragraph, up to the blank line
        (f"First 2019.\n\n{IGNORE}\nSecond line one\nline two.\n\nThird.\n", ["Second", "line two."],
         ["First", "Third"]),
        # blank lines between the comment and its paragraph are skipped
        (f"First 2019.\n\n{IGNORE}\n\n\nSecond.\n\nThird.\n", ["Second."], ["First", "Third"]),
        # after text on the same line: the paragraph it ends
        (f"Zero.\n\nFirst 2019. {IGNORE}\nstill first.\n\nSecond.\n", ["First 2019.", "still first."],
         ["Zero", "Second"]),
        # a list right after the comment is one paragraph
        (f"Intro.\n\n{IGNORE}\n- one\n- two\n- three\n\nAfter.\n", ["- one", "- three"], ["Intro", "After"]),
    ],
)
def test_markdown_scope_is_one_paragraph(source, inside, outside):
    span = covered(source)
    assert all(text in span for text in inside)
    assert not any(text in span for text in outside)


@pytest.mark.parametrize(
    "source, inside, outside",
    [
        (f"<html><body>\n<p>One 2019.</p>\n{IGNORE}\n<p>Two 2020.</p>\n<p>Three.</p>\n</body></html>", "Two 2020.",
         ["One", "Three"]),
        # after an element's closing tag: the next element, whatever the lines say
        (f"<html><body>\n<p>One 2019.</p> {IGNORE}\n<p>Two 2020.</p>\n</body></html>", "Two 2020.", ["One"]),
        (f"<html><body><ul>\n<li>A</li>\n<li>{IGNORE} B 2020</li>\n<li>C</li></ul></body></html>", "B 2020",
         ["A<", "C<"]),
        # minified: one line, decided by tags
        (f"<html><body><p>One 2019.</p>{IGNORE}<p>Two 2020.</p><p>Three.</p></body></html>", "Two 2020.",
         ["One", "Three"]),
        (f"<html><body><p>One 2019. {IGNORE}</p><p>Two 2020.</p></body></html>", "One 2019.", ["Two"]),
        (f"<html><body><p>One <b>2019</b>. {IGNORE} more.</p><p>Two 2020.</p></body></html>", "One", ["Two"]),
    ],
)
def test_html_scope_is_one_block_element(source, inside, outside):
    span = covered(source, ".html")
    assert inside in span
    assert not any(text in span for text in outside)


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_ignore_file_covers_the_whole_document(suffix):
    source = "Before.\n\n" + IGNORE.replace("ignore ", "ignore-file ") + "\n\nAfter.\n"
    assert covered(source, suffix) == source


@pytest.mark.parametrize(
    "comment, problem, kinds",
    [
        ("<!-- claimcheck: ignore date_conflict -->", 'no reason="..."', None),
        ('<!-- claimcheck: ignore date_conflict reason="  " -->', 'no reason="..."', None),
        ('<!-- claimcheck: ignore date_conflcit reason="x" -->', "unknown kind(s) date_conflcit", None),
        ('<!-- claimcheck: ignore date_conflcit, number_conflict reason="x" -->', "unknown kind(s) date_conflcit",
         {"number_conflict"}),
        ('<!-- claimcheck: ignroe date_conflict reason="x" -->', "not understood", None),
        ("<!-- claimcheck: ignore reason='x' -->", "not understood", None),
        ("<!-- claimcheck: ignore date_conflict,count_mismatch reason='single quotes' -->", None,
         {"date_conflict", "count_mismatch"}),
    ],
)
def test_malformed_comments_warn_and_suppress_nothing(comment, problem, kinds):
    found, problems = suppress.read_directives(article(f"Text.\n\n{comment}\nMore 2019.\n"))
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problem in problems[0] and problems[0].startswith("line 3:")
    assert (found[0].kinds if found else None) == kinds


def test_plain_text_articles_have_no_comment_syntax():
    assert suppress.read_directives(article(f"Text.\n\n{IGNORE}\nMore 2019.\n", ".txt")) == ([], [])


@pytest.mark.parametrize(
    "source, suffix",
    [
        (f"# Title\n\n{IGNORE}\nThe plant opened in 2019.\n", ".md"),
        ("Para.\n\n<!-- claimcheck: ignore date_conflict\n     reason=\"two lines\" -->\nThe plant opened in 2019.\n",
         ".md"),
        (f"<html><body><p>The plant opened in 2019.</p>\n{IGNORE}\n<p>It closed in 2021.</p></body></html>", ".html"),
    ],
)
def test_the_comment_never_becomes_article_text(source, suffix):
    text = article(source, suffix).text
    assert "claimcheck" not in text and "reason" not in text and "opened in 2019" in text


def claim(start: int, document: str = "doc") -> Claim:
    value = Value(kind="date", text="2019")
    return Claim(id=f"{document}:{start}", document=document, text="x", start=start, end=start + 10, line=1,
                 value=value, value_start=start, value_end=start + 4)


def finding(kind: str, *claims: Claim) -> Finding:
    return Finding(id=f"{kind}-1", kind=kind, severity="error", confidence=0.8, subject="s", summary="s", claims=claims)


@pytest.mark.parametrize(
    "kind, at, document, suppressed",
    [
        ("date_conflict", "inside", "doc", True),
        ("number_conflict", "inside", "doc", False),  # another kind
        ("date_conflict", "before", "doc", False),  # another paragraph
        ("date_conflict", "inside", "other", False),  # another document's claim at the same offset
    ],
)
def test_apply_suppresses_only_the_named_kind_in_scope(kind, at, document, suppressed):
    source = f"Before 2018.\n\n{IGNORE}\nInside 2019 here.\n"
    doc = article(source)
    other = build_article("other", "other.md", "Other " * 20 + "2019.\n", ".md")  # no comment of its own
    offset = source.index("Inside") if at == "inside" else 0
    elsewhere = claim(0, "other" if document == "doc" else "doc")
    result = suppress.apply([finding(kind, claim(offset, document), elsewhere)], [doc, other])
    assert len(result.suppressed) == int(suppressed)
    assert len(result.kept) == int(not suppressed)
    if suppressed:
        assert (result.suppressed[0].reason, result.suppressed[0].line) == ("checked with the desk", 3)
        assert result.warnings == {}
    else:
        assert "suppresses nothing" in result.warnings["doc"][0]


@pytest.mark.parametrize("drafts, suppressed", [(frozenset(), True), (frozenset({"draft"}), False)])
def test_a_corpus_comment_does_not_speak_for_a_draft(drafts, suppressed):
    source = f"{IGNORE}\nInside 2019 here.\n"
    corpus = article(source)
    draft = build_article("draft", "draft.md", "Draft " * 20 + "2021.\n", ".md")
    result = suppress.apply([finding("date_conflict", claim(source.index("Inside")), claim(0, "draft"))],
                            [corpus, draft], drafts)
    assert len(result.suppressed) == int(suppressed)


def run_json(*args):
    result = runner.invoke(app, [str(a) for a in args] + ["--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


SUPPRESSED_DRAFTS = {
    "suppressed.md": f"# Dairy\n\n{IGNORE}\n{ACQUISITION_2021}\n",
    "suppressed.html": (
        f"<html><body><article><h1>Dairy</h1>\n{IGNORE}\n<p>{ACQUISITION_2021}</p>\n</article></body></html>"
    ),
    "file.md": f"# Dairy\n\n{ACQUISITION_2021}\n\n" + IGNORE.replace("ignore ", "ignore-file "),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", SUPPRESSED_DRAFTS)
def test_check_obeys_a_suppression_in_the_draft(newsroom, name):
    (newsroom / "drafts" / name).write_text(SUPPRESSED_DRAFTS[name], encoding="utf-8")
    exit_code, report = run_json("check", f"drafts/{name}", "--against", "corpus")
    assert exit_code == 0 and report["findings"] == []
    [gone] = report["suppressed"]
    assert gone["kind"] == "date_conflict"
    assert gone["suppressed_by"]["document"] == f"drafts/{name}"
    assert gone["suppressed_by"]["reason"] == "checked with the desk"
    assert report["summary"]["suppressed"] == 1
    draft = next(d for d in report["documents"] if d["id"] == f"drafts/{name}")
    assert not any("claimcheck" in w for w in draft["warnings"])


@pytest.mark.slow
def test_check_is_not_silenced_by_a_comment_in_the_corpus(newsroom):
    daily = newsroom / "corpus" / "daily.md"
    original = (newsroom / "corpus" / "daily.txt").read_text()
    daily.write_text(IGNORE.replace("ignore ", "ignore-file ") + "\n\n" + original)
    (newsroom / "corpus" / "daily.txt").unlink()
    exit_code, report = run_json("check", "drafts/contradicts.md", "--against", "corpus")
    assert exit_code == 1 and [f["kind"] for f in report["findings"]] == ["date_conflict"]
    assert report["suppressed"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "comment, warning",
    [
        ("<!-- claimcheck: ignore date_conflict -->", 'no reason="..."'),
        ('<!-- claimcheck: ignore number_conflict reason="wrong kind" -->', "suppresses nothing"),
    ],
)
def test_scan_keeps_the_finding_and_warns(newsroom, comment, warning):
    (newsroom / "corpus" / "note.md").write_text(f"# Dairy\n\n{comment}\n{ACQUISITION_2021}\n", encoding="utf-8")
    exit_code, report = run_json("scan", "corpus")
    assert exit_code == 1
    assert any(c["document"] == "note" for f in report["findings"] for c in f["claims"])
    assert report["suppressed"] == []
    note = next(d for d in report["documents"] if d["id"] == "note")
    assert any(warning in w and w.startswith("line 3:") for w in note["warnings"])


@pytest.mark.slow
def test_sarif_lists_suppressed_findings_with_their_justification(newsroom):
    (newsroom / "drafts" / "suppressed.md").write_text(SUPPRESSED_DRAFTS["suppressed.md"], encoding="utf-8")
    result = runner.invoke(app, ["check", "drafts/suppressed.md", "--against", "corpus", "--format", "sarif"])
    assert result.exit_code == 0
    [suppressed] = json.loads(result.stdout)["runs"][0]["results"]
    assert suppressed["ruleId"] == "date_conflict"
    assert suppressed["suppressions"] == [{"kind": "inSource", "justification": "checked with the desk"}]


@pytest.mark.slow
def test_jsonl_findings_of_a_check_carry_the_sources(newsroom):
    result = runner.invoke(app, ["check", "drafts/creamery.md", "--against", "corpus", "--format", "jsonl"])
    [line] = result.stdout.splitlines()
    finding = json.loads(line)
    assert [c["document"] for c in finding["agreeing_sources"]] == ["weekly"]


@pytest.mark.slow
def test_html_shows_suppressed_findings_and_check_sources(newsroom):
    (newsroom / "drafts" / "suppressed.md").write_text(SUPPRESSED_DRAFTS["suppressed.md"], encoding="utf-8")
    page = runner.invoke(app, ["check", "drafts/suppressed.md", "--against", "corpus", "--format", "html"]).stdout
    assert '<section id="suppressed">' in page and "checked with the desk" in page
    page = runner.invoke(app, ["check", "drafts/creamery.md", "--against", "corpus", "--format", "html"]).stdout
    assert "Corpus sources that agree:</strong> corpus/weekly.txt" in page
    assert "Corpus sources that disagree:</strong> corpus/daily.txt" in page
