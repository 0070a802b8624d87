"""Nothing stops a scan: odd input is a warning or a clear exit-2 message, never a crash, through the CLI runner.

Each test is one kind of input that once took a whole scan down (a traceback
and exit 1, the code CI reads as "contradictions found") or reached the
terminal raw.
"""
from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import discovery, ingest, line_shapes
from claimcheck.cli import app, reporting, terminal
from claimcheck.delivery import write_atomically
from claimcheck.nlp import split_text

runner = CliRunner()

BRIDGE_2019 = "The Riverside Bridge opened in 2019, the council said."
BRIDGE_2021 = "The Riverside Bridge opened in 2021, the mayor said."
LONG_WORDS = ("Supercalifragilisticexpialidociouslyextraordinarilylongwordsfortesting " * 12).strip() + ".\n\n"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def report_of(result) -> dict:
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """An empty newsroom folder, the current folder; tests add the articles."""
    (tmp_path / "news").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMCHECK_MODEL", raising=False)
    return tmp_path / "news"


# ------------------------------------------------------------------ long texts


@pytest.mark.parametrize("limit", [10, 37, 100])
def test_pieces_of_a_long_text_join_back_and_end_where_a_reader_would(limit):
    text = "One paragraph here.\n\nAnother one, longer. It has two sentences.\nA line.\n\n" * 5
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)
    if limit == 100:  # room enough: every cut is after a paragraph break
        assert all(p.endswith("\n\n") for p in pieces[:-1])


@pytest.mark.slow
def test_an_article_over_the_models_limit_is_read_with_exact_offsets_and_lines(desk):
    body = "date 2024-03-04\n\n" + LONG_WORDS * (1_010_000 // len(LONG_WORDS) + 1)
    text = body + BRIDGE_2019 + "\n"
    assert len(text) > 1_000_000  # spaCy's max_length: once a traceback, exit 1 and no report
    (desk / "big.txt").write_text(text, encoding="utf-8")
    (desk / "other.txt").write_text(f"date 2024-03-05\n{BRIDGE_2021}\n", encoding="utf-8")
    report = report_of(run("scan", "news", "--format", "json", "-q"))
    assert [d["id"] for d in report["documents"]] == ["big", "other"] and not report["skipped"]
    (finding,) = report["findings"]
    big = next(c for c in finding["claims"] if c["document"] == "big")
    assert text[big["span"]["start"] : big["span"]["end"]] == BRIDGE_2019
    assert big["span"]["line"] == body.count("\n") + 1

    dates = run("dates", desk / "big.txt", "--format", "json", "-q")
    assert dates.exit_code == 0, dates.output
    last = json.loads(dates.stdout)[-1]
    assert (text[last["start"] : last["end"]], last["value"]) == ("2019", "2019")

    checked = run("check", desk / "big.txt", "--against", desk / "other.txt", "--format", "json", "-q")
    assert len(report_of(checked)["findings"]) == 1


# ------------------------------------------------------------------ numbers and runs


ODD_LINES = {
    "an amount past a float": "At least 1" + "0" * 400 + " people were killed in the flood, officials said.",
    "4,400 digits": "The code was " + "7" * 4_400 + " and 12 people were hurt.",
    "40,000 digits in one line": "9" * 40_000,
    "10,000 euro signs": "€" * 10_000 + " 40 people were hurt.",
    "a huge range": "Between 1e308 and 1" + "0" * 320 + " fans attended.",
}


@pytest.mark.slow
def test_odd_figures_and_runs_leave_the_scan_whole(desk):
    for n, line in enumerate(ODD_LINES.values()):
        (desk / f"odd{n}.txt").write_text(f"date 2024-03-04\n{BRIDGE_2019}\n{line}\n", encoding="utf-8")
    (desk / "plain.txt").write_text(f"date 2024-03-05\n{BRIDGE_2021}\n", encoding="utf-8")
    report = report_of(run("scan", "news", "--format", "json", "-q"))
    assert len(report["documents"]) == len(ODD_LINES) + 1 and not report["skipped"]
    # every odd article is read to its end: the bridge's date is a claim of each
    assert all(d["claims"] >= 1 for d in report["documents"])
    assert not [w for d in report["documents"] for w in d["warnings"] if "not analysed" in w]


def test_a_run_of_symbols_is_cut_short_with_a_warning():
    article = ingest.from_bytes(("Fans paid " + "€" * 10_000 + " for it.").encode(), "a", "a.txt", ".txt")
    assert len(article.text) == len("Fans paid ") + 10_000 + len(" for it.")  # offsets unchanged
    assert article.text.count("€") == 3
    assert any("symbol" in w for w in article.warnings)


@pytest.mark.parametrize("line", ["9" * 40_000, "€" * 40_000, "• " * 20_000, "12 " * 13_000])
def test_a_pathological_line_costs_about_what_an_ordinary_one_does(line):
    """Once quadratic in a regex (15.6 s for 40k digits). A ratio, not a time: linear work keeps it small."""
    ordinary = ("Fans paid twelve euros for it. " * (len(line) // 31 + 1))[: len(line)]
    assert _best_of(line_shapes.norm, line) < 25 * _best_of(line_shapes.norm, ordinary) + 0.01


def _best_of(function, argument, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function(argument)
        times.append(time.perf_counter() - start)
    return min(times)


# ------------------------------------------------------------------ configuration and baseline


@pytest.mark.parametrize(
    "content, message",
    [
        ('fail-on = "error"\n'.encode("utf-16"), "not UTF-8 text"),
        (("a = " + "[" * 5000 + "]" * 5000).encode(), "nested too deeply"),
        (b"\xef\xbb\xbffail-on = 3\n", "fail-on"),  # a BOM is read past: the fault named is the value's
        (b"fail-on = \n", "not valid TOML"),
    ],
    ids=["utf-16", "nested 5,000 deep", "bom then a wrong value", "invalid"],
)
def test_a_bad_configuration_is_one_line_and_exit_2(desk, content, message):
    (desk / "a.txt").write_text(BRIDGE_2019, encoding="utf-8")
    (desk / "claimcheck.toml").write_bytes(content)
    result = run("scan", "news")
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_configuration_with_a_bom_is_read(desk):
    (desk / "claimcheck.toml").write_bytes(b'\xef\xbb\xbfexclude = ["*.txt"]\n')
    (desk / "a.txt").write_text(BRIDGE_2019, encoding="utf-8")
    result = run("scan", "news")
    assert result.exit_code == 2
    assert "globs (exclude = ['*.txt']) leave out the one article file there" in result.output


@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, '{"findings": 3}', "\udcff"], ids=str)
def test_a_bad_baseline_is_one_line_and_exit_2(desk, content):
    (desk / "a.txt").write_text(BRIDGE_2019, encoding="utf-8")
    (desk / "known.json").write_text(content, encoding="utf-8", errors="surrogateescape")
    result = run("scan", "news", "--baseline", desk / "known.json")
    assert result.exit_code == 2
    assert "baseline" in result.output and "Traceback" not in result.output


# ------------------------------------------------------------------ terminal safety


HOSTILE = f"{BRIDGE_2021}\u202e\n\n\x1b]0;owned\x07\x1b[2JTraffic was heavy.\x9b31m"


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "github"])
def test_escape_sequences_in_text_and_file_names_are_shown_not_obeyed(desk, fmt):
    (desk / "a.txt").write_text(f"date 2024-03-04\n{BRIDGE_2019}\n", encoding="utf-8")
    (desk / "b\x1b[31m.txt").write_text(f"date 2024-03-05\n{HOSTILE}\n", encoding="utf-8")
    result = run("scan", "news", "--format", fmt)
    assert result.exit_code == 1, result.output
    assert not {"\x1b", "\x07", "\x9b", "\u202e"} & set(result.output)
    # in a file name, shown as an escape; in the text, blanked before the parser sees it
    assert "b\\x1b[31m.txt" in result.output and "2021" in result.output


@pytest.mark.slow
def test_the_text_report_is_not_wrapped_or_padded_into_a_file_or_pipe(desk):
    (desk / "a.txt").write_text(f"date 2024-03-04\n{BRIDGE_2019}\n", encoding="utf-8")
    (desk / "b.txt").write_text(f"date 2024-03-05\n{BRIDGE_2021}\n", encoding="utf-8")
    lines = run("scan", "news").stdout.splitlines()
    assert not [line for line in lines if line != line.rstrip()]
    assert any(len(line) > 120 for line in lines)  # the finding's summary, on one line
    assert lines[-1] == "2 documents, 1 finding (1 error, 0 warnings, 0 info), 0 corroborations"


# ------------------------------------------------------------------ folders


def refuse_to_list(monkeypatch, name: str) -> None:
    """Root reads a chmod 000 folder, so the refusal is simulated where os.walk meets the folder `name`."""
    real_scandir = os.scandir

    def refusing(path="."):
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)


def test_an_unreadable_folder_is_listed_as_skipped(tmp_path, monkeypatch):
    """Root reads a chmod 000 folder, so the refusal is simulated where os.walk meets it."""
    (tmp_path / "locked").mkdir()
    (tmp_path / "a.txt").write_text(BRIDGE_2019, encoding="utf-8")
    refuse_to_list(monkeypatch, "locked")
    found, skipped = discovery.discover(tmp_path)
    assert [p.name for p in found] == ["a.txt"]
    assert [(s.path, s.reason) for s in skipped] == [("locked/", "folder not read: Permission denied")]


@pytest.mark.slow
def test_settings_files_in_the_corpus_are_not_reported_as_skipped(desk):
    (desk / "a.txt").write_text(BRIDGE_2019, encoding="utf-8")
    (desk / "claimcheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    (desk / "notes.csv").write_text("x,y\n", encoding="utf-8")
    report = report_of(run("scan", "news", "--format", "json"))
    assert [s["path"] for s in report["skipped"]] == ["notes.csv"]


# ------------------------------------------------------------------ writing the report


def test_a_report_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    out = tmp_path / "report.json"
    out.write_text("old")
    out.chmod(0o644)
    write_atomically(out, "new")
    assert (out.read_text(), stat.S_IMODE(out.stat().st_mode)) == ("new", 0o644)


def test_a_new_report_takes_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomically(tmp_path / "report.json", "new")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.json").stat().st_mode) == 0o640


def test_a_report_is_written_through_a_symlink(tmp_path):
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "latest.json"
    target.write_text("old")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    write_atomically(link, "new")
    assert link.is_symlink() and target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["latest.json", "report.json", "reports"]


@pytest.mark.parametrize("ending", [SystemExit(143), KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_an_interrupted_write_leaves_the_old_report_and_no_temporary_file(tmp_path, monkeypatch, ending):
    out = tmp_path / "report.json"
    out.write_text("old")

    def interrupted(*_args):
        raise ending

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(type(ending)):
        write_atomically(out, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"] and out.read_text() == "old"


def test_sigterm_unwinds_like_ctrl_c_so_cleanup_runs():
    with pytest.raises(SystemExit) as ended:
        terminal._exit_on_signal(15, None)
    assert ended.value.code == 143


# ------------------------------------------------------------------ exit codes


def test_an_internal_error_is_one_line_and_exit_2(desk, monkeypatch):
    (desk / "a.txt").write_text(BRIDGE_2019, encoding="utf-8")

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug nobody foresaw")

    monkeypatch.setattr(reporting, "scan", broken)
    result = run("scan", "news")
    assert result.exit_code == 2
    assert result.output.startswith("claimcheck: internal error: RuntimeError: a bug nobody foresaw")
    assert "Traceback" not in result.output
    verbose = run("scan", "news", "--verbose")
    assert verbose.exit_code == 2 and "Traceback" in verbose.output


@pytest.mark.slow
def test_a_document_the_pipeline_fails_on_is_a_warning_and_the_rest_is_reported(desk, monkeypatch):
    from claimcheck import analysis

    real = analysis.extract_claims

    def failing_on_b(article, *args, **kwargs):
        if article.id == "b":
            raise ValueError("a fault in one document")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(analysis, "extract_claims", failing_on_b)
    for name, line in (("a", BRIDGE_2019), ("b", BRIDGE_2021), ("c", BRIDGE_2021)):
        (desk / f"{name}.txt").write_text(f"date 2024-03-04\n{line}\n", encoding="utf-8")
    report = report_of(run("scan", "news", "--format", "json"))
    warnings = {d["id"]: d["warnings"] for d in report["documents"]}
    assert any("a fault in one document" in w for w in warnings["b"])
    assert {c["document"] for f in report["findings"] for c in f["claims"]} == {"a", "c"}


# ------------------------------------------------------------------ found by the long fuzz run


@pytest.mark.parametrize(
    "pyproject", ["[tool]\nclaimcheck = 5\n", "tool = 'claimcheck'\n", "[tool]\nclaimcheck = ['model']\n"],
)
def test_a_pyproject_whose_tool_table_is_no_table_is_one_line_and_exit_2(desk, pyproject):
    (desk / "a.txt").write_text(BRIDGE_2019, encoding="utf-8")
    (desk / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    result = run("scan", "news", "--config", desk / "pyproject.toml")
    assert result.exit_code == 2 and "internal error" not in result.output
    assert "tool.claimcheck" in result.output


def test_a_model_name_that_is_another_package_is_one_line_and_exit_2(desk):
    (desk / "a.txt").write_text(BRIDGE_2019, encoding="utf-8")
    result = run("scan", "news", "--model", "typer")
    assert result.exit_code == 2 and "internal error" not in result.output
    assert "'typer' is not a spaCy pipeline" in result.output


def test_jsonl_keeps_one_finding_a_line_whatever_the_text_holds():
    from claimcheck.report.jsonl_format import _one_line

    line = _one_line(json.dumps({"quote": "a\u2028b\x85c\u2029"}, ensure_ascii=False))
    assert line.splitlines() == [line] and json.loads(line) == {"quote": "a\u2028b\x85c\u2029"}


@pytest.mark.slow
def test_a_file_name_that_is_not_utf8_is_reported_with_an_escape(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(f"date 2024-03-04\n{BRIDGE_2019}\n", encoding="utf-8")
    odd = os.fsdecode(b"news/b\xff.txt")
    Path(odd).write_text(f"date 2024-03-05\n{BRIDGE_2021}\n", encoding="utf-8")
    for fmt in ("text", "json", "jsonl", "sarif", "github", "html"):
        result = run("scan", "news", "--format", fmt)
        assert result.exit_code == 1, (fmt, result.output)
        assert "b\\xff" in result.output.replace("\\\\", "\\"), fmt  # jsonl names the document by id


@pytest.mark.slow
def test_dates_reads_the_file_with_its_symbol_runs_cut_short(desk):
    (desk / "a.md").write_text("Paid $2.4bn " + "'():" * 4000 + " on March 9, 2024.\n", encoding="utf-8")
    result = run("dates", desk / "a.md", "--format", "json", "-q")
    assert result.exit_code == 0, result.output
    (timex,) = json.loads(result.stdout)
    assert timex["value"] == "2024-03-09" and timex["start"] == len("Paid $2.4bn ") + 16000 + len(" on ")


@pytest.mark.slow
def test_the_cli_lists_an_unreadable_folder_and_reports_the_rest(desk, monkeypatch):
    (desk / "locked").mkdir()
    (desk / "a.txt").write_text(f"date 2024-03-04\n{BRIDGE_2019}\n", encoding="utf-8")
    (desk / "b.txt").write_text(f"date 2024-03-05\n{BRIDGE_2021}\n", encoding="utf-8")
    refuse_to_list(monkeypatch, "locked")
    report = report_of(run("scan", "news", "--format", "json"))
    assert report["skipped"] == [{"path": "locked/", "reason": "folder not read: Permission denied"}]
    assert len(report["findings"]) == 1


@pytest.mark.slow
def test_output_through_a_symlink_keeps_the_link_the_mode_and_no_temporary_file(desk, tmp_path):
    (desk / "a.txt").write_text(f"date 2024-03-04\n{BRIDGE_2019}\n", encoding="utf-8")
    (desk / "b.txt").write_text(f"date 2024-03-05\n{BRIDGE_2021}\n", encoding="utf-8")
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "latest.json"
    target.write_text("old")
    target.chmod(0o644)
    (tmp_path / "report.json").symlink_to(target)
    result = run("scan", "news", "--format", "json", "--output", "report.json")
    assert result.exit_code == 1, result.output
    assert (tmp_path / "report.json").is_symlink() and stat.S_IMODE(target.stat().st_mode) == 0o644
    assert json.loads(target.read_text())["findings"]
    assert [p.name for p in (tmp_path / "reports").iterdir()] == ["latest.json"]


def test_a_run_of_spaces_in_a_date_line_costs_about_what_ordinary_text_does():
    from claimcheck.published import _SEGMENT_CUT

    spaces = "a" + " " * 20_000 + "b"
    ordinary = ("Updated June 3 | by staff " * 800)[: len(spaces)]
    assert _best_of(_SEGMENT_CUT.split, spaces) < 25 * _best_of(_SEGMENT_CUT.split, ordinary) + 0.01


@pytest.mark.slow
def test_a_sentence_of_a_thousand_figures_is_read_for_its_first_ones(desk):
    from claimcheck.extract.claims import VALUES_PER_SENTENCE

    (desk / "a.txt").write_text("Solberg said 26 people were killed in 2021. " + "2 ©>" * 1000, encoding="utf-8")
    report = report_of(run("scan", "news", "--format", "json"))
    assert 0 < report["documents"][0]["claims"] <= 2 * VALUES_PER_SENTENCE + 2


def test_a_baseline_with_a_byte_order_mark_is_read(desk):
    from claimcheck.baseline import load

    (desk / "known.json").write_text('\ufeff{"schema": "claimcheck.baseline/1", "findings": []}', encoding="utf-8")
    assert load(desk / "known.json") == ()
