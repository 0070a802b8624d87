"""`scan --watch`: a report now and after each change, parsing only what changed, with the model loaded once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import analysis
from claimcheck import watch as watch_module
from claimcheck.cli import app
from claimcheck.errors import NothingToScan
from claimcheck.scan import scan
from claimcheck.store import ClaimStore
from claimcheck.watch import snapshot, watch

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


class Stop(Exception):
    """Raised by the test's clock to end a watch."""


def ticks(limit: int):
    """A sleep that returns at once, `limit` times, then stops the watch; counts its calls."""
    calls: list[float] = []

    def sleep(seconds: float) -> None:
        calls.append(seconds)
        if len(calls) > limit:
            raise Stop

    return sleep, calls


def test_a_snapshot_changes_with_a_file_added_edited_or_removed_and_not_otherwise(tmp_path):
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    first = snapshot([tmp_path])
    assert list(first) == [str(tmp_path / "a.txt")] and snapshot([tmp_path]) == first
    (tmp_path / "a.txt").write_text("one more", encoding="utf-8")
    edited = snapshot([tmp_path])
    assert edited != first
    (tmp_path / "b.md").write_text("two", encoding="utf-8")
    assert len(snapshot([tmp_path])) == 2
    (tmp_path / "b.md").unlink()
    assert snapshot([tmp_path]) == edited
    assert snapshot([tmp_path / "gone"]) == {}  # a folder gone for a moment is not an error here


@pytest.mark.slow
def test_only_a_change_brings_a_new_report_and_only_the_changed_file_is_parsed(tmp_path, monkeypatch):
    folder = tmp_path / "news"
    shutil.copytree(ROOT / "corpus", folder)
    parsed: list[str] = []
    real_extract = analysis.extract_claims
    monkeypatch.setattr(analysis, "extract_claims", lambda article, *a, **k: parsed.append(article.id)
                        or real_extract(article, *a, **k))
    loads: list[str] = []
    real_load = watch_module.load_model
    monkeypatch.setattr(watch_module, "load_model", lambda name: loads.append(name) or real_load(name))
    sleep, calls = ticks(limit=3)
    store = ClaimStore.in_folder(tmp_path / "cache")
    reports = watch([folder], lambda engine: scan([folder], store=store, engine=engine), interval=0.5, sleep=sleep)
    first = next(reports)
    assert len(parsed) == 5 and len(first.documents) == 5 and first.findings
    parsed.clear()
    edited = sorted(folder.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA line added by the desk.\n", encoding="utf-8")
    second = next(reports)
    assert parsed == [edited.stem] and len(calls) == 1 and calls == [0.5]
    assert [f.id for f in second.findings] == [f.id for f in first.findings]
    with pytest.raises(Stop):  # nothing changes now: the watch only sleeps until the clock stops it
        next(reports)
    assert parsed == [edited.stem] and len(calls) == 4 and loads == [loads[0]]
    store.close()


def test_a_scan_that_fails_is_yielded_as_its_error_and_the_watch_goes_on(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    sleep, _ = ticks(limit=5)
    reports = watch([folder], lambda engine: scan([folder], engine=engine), sleep=sleep)
    assert isinstance(next(reports), NothingToScan)
    (folder / "a.txt").write_text("date 2024-03-04\nThe bridge closed in 2019.\n", encoding="utf-8")
    report = next(reports)
    assert [d.id for d in report.documents] == ["a"]


@pytest.mark.parametrize(("extra", "message"), [
    (["-"], "standard input cannot be watched"),
    (["--no-cache"], "leave out --no-cache"),
    (["--jobs", "2"], "parses in this process"),
    (["--write-baseline", "known.json"], "writes once"),
])
def test_watch_with_an_option_it_cannot_honour_is_a_usage_error(tmp_path, extra, message):
    result = runner.invoke(app, ["scan", str(ROOT / "corpus"), "--watch", "--cache-dir", str(tmp_path), *extra])
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_ctrl_c_ends_a_watch_with_exit_0_after_the_reports_it_printed(tmp_path, monkeypatch):
    from claimcheck.models import Report

    def two_then_interrupted(roots, run, **options):
        yield Report(root="news", documents=(), findings=(), corroborations=())
        yield NothingToScan("nothing to scan in news")
        raise KeyboardInterrupt

    monkeypatch.setattr(watch_module, "watch", two_then_interrupted)
    result = runner.invoke(app, ["scan", str(ROOT / "corpus"), "--watch", "--cache-dir", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count('"findings"') >= 1 and "watching" in result.stderr
    assert "nothing to scan in news (still watching)" in result.stderr


@pytest.mark.slow
def test_check_watches_the_drafts_and_the_corpus_and_reports_on_the_drafts(tmp_path, monkeypatch):
    watched: list[list[str]] = []

    def once_then_interrupted(roots, run, **options):
        watched.append([str(r) for r in roots])
        yield run(watch_module.in_process_engine())
        raise KeyboardInterrupt

    monkeypatch.setattr(watch_module, "watch", once_then_interrupted)
    draft = ROOT / "docs" / "examples" / "minerals-explainer.md"
    result = runner.invoke(app, ["check", str(draft), "--against", str(ROOT / "corpus"), "--watch",
                                 "--cache-dir", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert watched == [[str(draft), str(ROOT / "corpus")]]
    assert draft.as_posix() in result.stdout and '"findings": [' in result.stdout
