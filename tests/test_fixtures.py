"""The fixture corpora and the founding corpus, scanned end to end and scored against their gold files.

Every folder under fixtures/ is a small corpus with a gold.json in the format
of tests/data/seeds.gold.json (see docs/fixtures.md). The cheap tests check
the corpora themselves; the slow ones run the scan through the library,
render JSON, parse it back and score it with tests/gold.py.

A fixture's gold.json may carry "published": {document id: ISO date}, the
publication date the scan must find for that document (header, byline,
dateline or HTML metadata). The shared scorer ignores that key.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

try:
    from gold import load_gold, score, validate_gold
except ImportError:  # tests/ imported as a package
    from tests.gold import load_gold, score, validate_gold

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT / "corpus"
SEEDS_GOLD = Path(__file__).resolve().parent / "data" / "seeds.gold.json"
ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
REQUIRED_FIXTURES = {
    "agree_granularity", "date_conflict", "number_conflict", "count_bullets", "count_inline",
    "furniture_only", "unrelated", "cp1252", "html_article",
}
# Needles that guard against something the source must NOT contain (mis-decoded text).
NEEDLES_NOT_IN_SOURCE = {("cp1252", "mojibake-in-claims")}

FIXTURE_DIRS = sorted(p for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.is_dir() else []
FIXTURE_NAMES = [p.name for p in FIXTURE_DIRS]
CORPORA = [pytest.param(p, p / "gold.json", id=p.name) for p in FIXTURE_DIRS]
CORPORA.append(pytest.param(CORPUS, SEEDS_GOLD, id="corpus"))


def article_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )


def document_id(folder: Path, path: Path) -> str:
    """The contract's document id: the path relative to the scanned root, without suffix."""
    return path.relative_to(folder).with_suffix("").as_posix()


def document_ids(folder: Path) -> set[str]:
    return {document_id(folder, p) for p in article_files(folder)}


def source_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def needles(gold: dict):
    """(where, rule or spec id, string) for every string a gold file searches claim text for."""
    for spec in gold["expected"]:
        for key in ("text_any", "summary_contains"):
            for needle in spec.get(key, []):
                yield "expected", spec["id"], needle
    for rule in gold["forbidden"]:
        for key in ("text_contains", "all_claims_contain_one_of"):
            for needle in rule.get(key, []):
                yield "forbidden", rule["id"], needle


# --------------------------------------------------------------------------- cheap: the corpora themselves


def test_enough_fixtures():
    assert len(FIXTURE_DIRS) >= 10, FIXTURE_NAMES
    assert set(FIXTURE_NAMES) >= REQUIRED_FIXTURES, REQUIRED_FIXTURES - set(FIXTURE_NAMES)


@pytest.mark.parametrize("folder", FIXTURE_DIRS, ids=FIXTURE_NAMES)
def test_fixture_is_well_formed(folder: Path):
    gold_path = folder / "gold.json"
    assert gold_path.is_file(), f"{folder.name} has no gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert validate_gold(gold) == []
    assert gold["expected"] or isinstance(gold.get("max_findings"), int)
    articles = article_files(folder)
    assert 2 <= len(articles) <= 4, [p.name for p in articles]
    for path in articles:
        text = source_text(path)
        assert text.strip(), f"{path.name} is empty"
        assert len(text.splitlines()) <= 40, f"{path.name} is not a short article"


@pytest.mark.parametrize("folder", FIXTURE_DIRS, ids=FIXTURE_NAMES)
def test_gold_names_real_documents(folder: Path):
    gold = load_gold(folder / "gold.json")
    ids = document_ids(folder)
    for spec in gold["expected"]:
        for group in spec.get("docs", []):
            for doc in group:
                assert doc in ids, f"{spec['id']}: no document {doc!r} in {sorted(ids)}"
    for doc in gold.get("published", {}):
        assert doc in ids, f"published: no document {doc!r}"
    # Scorers match document ids by substring: keep them from containing each other.
    for a in ids:
        for b in ids:
            assert a == b or a not in b, f"document id {a!r} is part of {b!r}"


@pytest.mark.parametrize("folder", FIXTURE_DIRS, ids=FIXTURE_NAMES)
def test_gold_strings_occur_in_the_articles(folder: Path):
    """Every string a rule or spec looks for is really in some article: no typos, no vacuous rules."""
    gold = load_gold(folder / "gold.json")
    texts = [source_text(p).lower() for p in article_files(folder)]
    for where, rule_id, needle in needles(gold):
        if (folder.name, rule_id) in NEEDLES_NOT_IN_SOURCE:
            assert not any(needle.lower() in t for t in texts), f"{rule_id}: {needle!r} is in the source"
            continue
        assert any(needle.lower() in t for t in texts), f"{where} {rule_id}: {needle!r} occurs in no article"


def test_seeds_gold_names_the_founding_corpus():
    gold = load_gold(SEEDS_GOLD)
    ids = document_ids(CORPUS)
    assert len(ids) == 5
    for spec in gold["expected"]:
        for group in spec.get("docs", []):
            assert set(group) <= ids, spec["id"]


def test_cp1252_fixture_is_really_cp1252():
    folder = FIXTURES / "cp1252"
    raw = (folder / "eib_loan.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    for char in "\u201c\u201d\u2013\u20ac":
        assert char in text, f"{char!r} missing from the cp1252 article"
    (folder / "rail_weekly.txt").read_bytes().decode("utf-8")


def test_html_fixture_has_page_chrome_and_metadata():
    html = (FIXTURES / "html_article" / "norvax_trial.html").read_text(encoding="utf-8")
    for tag in ("<nav", "<script", "<footer", 'property="article:published_time"'):
        assert tag in html


# --------------------------------------------------------------------------- slow: scan, render, score


@cache
def scanned(folder: str) -> dict:
    """Scan a corpus through the library and return the JSON report as parsed data."""
    from claimcheck.report import render
    from claimcheck.scan import scan

    report = scan(Path(folder))
    return json.loads(render(report, "json"))


@pytest.mark.slow
@pytest.mark.parametrize(("folder", "gold_path"), CORPORA)
def test_scan_meets_gold(folder: Path, gold_path: Path):
    gold = load_gold(gold_path)
    report = scanned(str(folder))
    result = score(gold, report)
    message = f"{folder.name}: {result.explain(report)}"
    assert result.must_recall == 1.0, message
    assert result.forbidden_hits == 0, message


@pytest.mark.slow
@pytest.mark.parametrize(("folder", "gold_path"), CORPORA)
def test_scan_reports_every_document(folder: Path, gold_path: Path):
    report = scanned(str(folder))
    assert report.get("schema") == "claimcheck.report/1"
    documents = {d["id"]: d for d in report["documents"]}
    assert set(documents) == document_ids(folder)
    for path in article_files(folder):
        assert documents[document_id(folder, path)]["path"] == path.relative_to(folder).as_posix()


@pytest.mark.slow
@pytest.mark.parametrize(
    "folder", [p for p in FIXTURE_DIRS if "published" in json.loads((p / "gold.json").read_text("utf-8"))],
    ids=lambda p: p.name,
)
def test_scan_finds_publication_dates(folder: Path):
    gold = load_gold(folder / "gold.json")
    report = scanned(str(folder))
    found = {d["id"]: d.get("published") for d in report["documents"]}
    assert {doc: found.get(doc) for doc in gold["published"]} == gold["published"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "folder", [p for p in FIXTURE_DIRS if "near_duplicates" in json.loads((p / "gold.json").read_text("utf-8"))],
    ids=lambda p: p.name,
)
def test_scan_lists_near_duplicates(folder: Path):
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    report = scanned(str(folder))
    listed = {d["id"]: set(d.get("near_duplicates", [])) for d in report["documents"]}
    for group in gold["near_duplicates"]:
        for doc in group:
            assert listed[doc] == set(group) - {doc}, (doc, listed[doc])
