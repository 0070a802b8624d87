"""The claims store's upkeep: entries marked when used, forgotten when unused, `claimcheck cache`, and an index that
keeps only what its archive uses."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.errors import StoreUnusable
from claimcheck.models import DocumentResult
from claimcheck.store import CACHE_KEEPS_DAYS, STORE_FILE, ClaimStore
from claimcheck.store_upkeep import parse_size, prune, summarise

runner = CliRunner()
DAY = 86_400.0


def stored_at(path: Path) -> dict[str, float]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT key, stored FROM results"))


def set_last_use(path: Path, key: str, moment: float) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE results SET stored = ? WHERE key = ?", (moment, key))


def cache_with(folder: Path, sizes: dict[str, int]) -> Path:
    """A cache in `folder` with an entry per key, each holding about `size` bytes."""
    store = ClaimStore(folder / STORE_FILE)
    store.put_many({key: DocumentResult(fault="x" * size) for key, size in sizes.items()})
    store.close()
    return folder / STORE_FILE


def test_an_entry_read_is_marked_as_used_when_the_run_closes_the_store(tmp_path):
    path = cache_with(tmp_path, {"read": 10, "unread": 10})
    long_ago = time.time() - 100 * DAY
    for key in ("read", "unread"):
        set_last_use(path, key, long_ago)
    store = ClaimStore(path)
    assert set(store.get_many(["read", "missing"])) == {"read"}
    assert stored_at(path)["read"] == long_ago  # not one write per read
    store.close()
    after = stored_at(path)
    assert after["read"] > time.time() - 60 and after["unread"] == long_ago


def test_a_rescan_within_the_day_writes_no_mark(tmp_path):
    path = cache_with(tmp_path, {"a": 10})
    an_hour_ago = time.time() - 3600
    set_last_use(path, "a", an_hour_ago)
    store = ClaimStore.in_folder(tmp_path)
    assert set(store.get_many(["a"])) == {"a"}
    store.close()
    assert stored_at(path) == {"a": an_hour_ago}


def test_a_store_checked_against_read_only_is_never_written(tmp_path):
    path = cache_with(tmp_path, {"a": 10})
    set_last_use(path, "a", 5.0)
    with sqlite3.connect(path) as db:  # a store made before pruning had its index
        db.execute("DROP INDEX results_by_use")
    store = ClaimStore(path, writes=False)
    store.get_many(["a"])
    assert store.forget_unused_since(time.time()) == 0
    store.close()
    assert stored_at(path) == {"a": 5.0}
    with sqlite3.connect(path) as db:
        assert not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'results_by_use'").fetchall()


def test_the_user_cache_forgets_entries_no_run_used_for_a_month_and_keeps_the_rest(tmp_path):
    path = cache_with(tmp_path, {"fresh": 10, "stale": 10, "stale but read now": 10})
    old = time.time() - (CACHE_KEEPS_DAYS + 1) * DAY
    set_last_use(path, "stale", old)
    set_last_use(path, "stale but read now", old)
    store = ClaimStore.in_folder(tmp_path)
    store.get_many(["stale but read now"])
    store.close()
    assert set(stored_at(path)) == {"fresh", "stale but read now"}
    named = ClaimStore(path)  # a store named by its file (an archive's index) forgets nothing by itself
    set_last_use(path, "fresh", old)
    named.close()
    assert "fresh" in stored_at(path)


def test_prune_by_age_then_by_size_keeps_the_most_recently_used(tmp_path):
    path = cache_with(tmp_path, {f"k{i}": 1000 for i in range(6)})
    now = time.time()
    for i in range(6):
        set_last_use(path, f"k{i}", now - i * DAY)  # k0 used last, k5 longest ago
    pruned = prune(path, unused_for_days=4.5, now=now)
    assert pruned.entries == 1 and set(stored_at(path)) == {f"k{i}" for i in range(5)}
    one_entry = summarise(path).entry_bytes // 5
    pruned = prune(path, max_bytes=2 * one_entry, now=now)
    assert pruned.entries == 3 and set(stored_at(path)) == {"k0", "k1"}
    assert pruned.file_bytes_after <= pruned.file_bytes_before
    assert prune(path, unused_for_days=0).entries == 2 and summarise(path).entries == 0


def test_prune_with_no_bound_removes_nothing(tmp_path):
    path = cache_with(tmp_path, {"a": 10})
    assert prune(path).entries == 0 and summarise(path).entries == 1


@pytest.mark.parametrize(("text", "size"), [("500MB", 500_000_000), ("2gb", 2_000_000_000), ("1.5GiB", 1_610_612_736),
                                            ("800 k", 800_000), ("0", 0)])
def test_sizes_are_read_as_people_write_them(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "big", "5 parsecs", "-3MB"])
def test_a_size_that_is_not_one_names_the_forms_taken(text):
    with pytest.raises(StoreUnusable, match="500MB"):
        parse_size(text)


def test_a_file_that_is_not_a_store_is_left_alone(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreUnusable, match="not a claims store"):
        prune(notes, unused_for_days=0)
    assert notes.read_text(encoding="utf-8") == "not a database"
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreUnusable, match="not a claims store"):
        summarise(other)


# ------------------------------------------------------------------ claimcheck cache


def test_cache_info_prune_and_clear_through_the_cli(tmp_path):
    folder = tmp_path / "cache"
    result = runner.invoke(app, ["cache", "info", "--cache-dir", str(folder)])
    assert result.exit_code == 0 and "none yet" in result.stdout
    path = cache_with(folder, {f"k{i}": 1000 for i in range(4)})
    set_last_use(path, "k3", time.time() - 10 * DAY)
    result = runner.invoke(app, ["cache", "info", "--cache-dir", str(folder)])
    assert result.exit_code == 0 and f"claims store: {path}" in result.stdout and "entries: 4 (" in result.stdout
    result = runner.invoke(app, ["cache", "prune", "--unused-for", "7", "--cache-dir", str(folder)])
    assert result.exit_code == 0 and "removed 1 entry" in result.stderr and set(stored_at(path)) == {"k0", "k1", "k2"}
    result = runner.invoke(app, ["cache", "prune", "--max-size", "1kB", "--cache-dir", str(folder), "-q"])
    assert result.exit_code == 0 and result.stderr == "" and len(stored_at(path)) == 0
    cache_with(folder, {"again": 10})
    result = runner.invoke(app, ["cache", "clear"], env={"CLAIMCHECK_CACHE_DIR": str(folder)})
    assert result.exit_code == 0 and "removed 1 entry" in result.stderr and stored_at(path) == {}


@pytest.mark.parametrize("args", [["prune", "--max-size", "lots"], ["prune", "--unused-for", "-1"]])
def test_cache_usage_errors_exit_2_in_one_line(tmp_path, args):
    result = runner.invoke(app, ["cache", *args, "--cache-dir", str(tmp_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_cache_on_a_damaged_store_is_one_line_and_exit_2(tmp_path):
    (tmp_path / STORE_FILE).write_bytes(b"SQLite format 3\0" + b"\xff" * 200)
    for command in ("info", "prune", "clear"):
        result = runner.invoke(app, ["cache", command, "--cache-dir", str(tmp_path)])
        assert result.exit_code == 2 and result.stderr.startswith("claimcheck: cannot"), result.output


# ------------------------------------------------------------------ claimcheck index keeps what its archive uses


@pytest.mark.slow
def test_an_index_drops_the_results_of_articles_that_left_and_of_earlier_versions(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2024-03-04\nThe bridge closed in 2019 after 14 people were hurt.\n")
    (folder / "b.txt").write_text("date 2024-03-05\nThe council counted 300 boats at the quay in 2022.\n")
    archive = tmp_path / "news.claims"
    assert runner.invoke(app, ["index", str(folder), "--store", str(archive)]).exit_code == 0
    first = set(stored_at(archive))
    (folder / "a.txt").write_text("date 2024-03-04\nThe bridge closed in 2020 after 14 people were hurt.\n")
    (folder / "b.txt").unlink()
    result = runner.invoke(app, ["index", str(folder), "--store", str(archive)])
    assert result.exit_code == 0 and "2 unused results removed" in result.stderr, result.stderr
    left = set(stored_at(archive))
    assert len(left) == 1 and not left & first


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    content=st.one_of(st.binary(max_size=300), st.binary(max_size=300).map(lambda b: b"SQLite format 3\0" + b)),
    command=st.sampled_from([["info"], ["prune"], ["clear"], ["prune", "--unused-for", "0"]]),
    size=st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["1kB", "0", "1e9", "5 GiB", "-1MB", "nan"])),
)
def test_cache_commands_on_any_file_exit_0_or_2_in_one_line(tmp_path_factory, content, command, size):
    folder = tmp_path_factory.mktemp("cache")
    (folder / STORE_FILE).write_bytes(content)
    args = ["cache", *command, "--cache-dir", str(folder)]
    if size is not None and command[0] == "prune":
        args += ["--max-size", size]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 2) and "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.startswith(("claimcheck: ", "Usage:")), result.stderr


def test_a_store_for_a_watch_keeps_each_document_but_no_whole_scan_comparison(tmp_path):
    from claimcheck.models import Comparison

    store = ClaimStore.in_folder(tmp_path, comparisons=False)
    store.put_many({"doc": DocumentResult(fault="x"), "comparison k": Comparison((), (), (), ())})
    store.close()
    assert set(stored_at(tmp_path / STORE_FILE)) == {"doc"}
    usual = ClaimStore.in_folder(tmp_path)
    usual.put_many({"comparison k": Comparison((), (), (), ())})
    usual.close()
    assert set(stored_at(tmp_path / STORE_FILE)) == {"doc", "comparison k"}
