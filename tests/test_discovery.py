"""Which files a scan reads: .gitignore files, include/exclude globs, several paths, standard input."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from claimcheck.discovery import discover
from claimcheck.ingest import id_base, load_articles, read_stdin
from claimcheck.models import Article, Skipped

FILES = [
    "a.txt", "b.md", "notes.pdf", "build/x.txt", "sub/build/y.txt", "sub/c.txt", "sub/keep.md",
    "sub/deep/d.html", "sub/deep/e.txt", "top.txt", "sub/top.txt", "logs/old.log.txt", "drafts/f.md",
]


def tree(root: Path, files=FILES, ignores: dict[str, str] | None = None) -> Path:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("The bridge opened in 2019.\n", encoding="utf-8")
    for folder, text in (ignores or {}).items():
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / ".gitignore").write_text(text, encoding="utf-8")
    return root


def found(root: Path, **globs) -> list[str]:
    paths, _ = discover(root, **globs)
    return [p.relative_to(root).as_posix() for p in paths]


# every case: ignore files by folder, and what remains of FILES (supported suffixes only)
CASES = {
    "comments and blank lines": ({"": "# build/\n\n"}, None),
    "star": ({"": "*.md\n"}, ["a.txt", "build/x.txt", "logs/old.log.txt", "sub/build/y.txt", "sub/c.txt",
                               "sub/deep/d.html", "sub/deep/e.txt", "sub/top.txt", "top.txt"]),
    "folder pattern at any depth": ({"": "build/\n"}, ["a.txt", "b.md", "drafts/f.md", "logs/old.log.txt",
                                                       "sub/c.txt", "sub/deep/d.html", "sub/deep/e.txt",
                                                       "sub/keep.md", "sub/top.txt", "top.txt"]),
    "anchored": ({"": "/top.txt\n/build\n"}, ["a.txt", "b.md", "drafts/f.md", "logs/old.log.txt",
                                             "sub/build/y.txt", "sub/c.txt", "sub/deep/d.html", "sub/deep/e.txt",
                                             "sub/keep.md", "sub/top.txt"]),
    "double star": ({"": "sub/**/*.txt\n"}, ["a.txt", "b.md", "build/x.txt", "drafts/f.md", "logs/old.log.txt",
                                             "sub/deep/d.html", "sub/keep.md", "top.txt"]),
    "negation": ({"": "*.md\n!keep.md\n"}, ["a.txt", "build/x.txt", "logs/old.log.txt", "sub/build/y.txt",
                                           "sub/c.txt", "sub/deep/d.html", "sub/deep/e.txt", "sub/keep.md",
                                           "sub/top.txt", "top.txt"]),
    "no way back into an ignored folder": ({"": "sub/\n!sub/keep.md\n"}, ["a.txt", "b.md", "build/x.txt",
                                                                         "drafts/f.md", "logs/old.log.txt",
                                                                         "top.txt"]),
    "allow-list": ({"": "*\n!*/\n!*.md\n"}, ["b.md", "drafts/f.md", "sub/keep.md"]),
    "nested file is relative to its folder": ({"sub": "/top.txt\ndeep/\n"}, ["a.txt", "b.md", "build/x.txt",
                                                                            "drafts/f.md", "logs/old.log.txt",
                                                                            "sub/build/y.txt", "sub/c.txt",
                                                                            "sub/keep.md", "top.txt"]),
    "nested file overrides the root's": ({"": "*.txt\n", "sub": "!c.txt\n"}, ["b.md", "drafts/f.md",
                                                                              "sub/c.txt", "sub/deep/d.html",
                                                                              "sub/keep.md"]),
}


@pytest.mark.parametrize("ignores, expected", CASES.values(), ids=CASES.keys())
def test_gitignore(tmp_path, ignores, expected):
    root = tree(tmp_path / "repo", ignores=ignores)
    everything = sorted(f for f in FILES if not f.endswith(".pdf"))
    assert found(root) == (everything if expected is None else expected)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("ignores", [ignores for ignores, _ in CASES.values()], ids=CASES.keys())
def test_gitignore_agrees_with_git(tmp_path, ignores):
    root = tree(tmp_path / "repo", ignores=ignores)
    alone = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}  # no user-wide excludes
    subprocess.run(["git", "init", "-q", str(root)], check=True, env=alone)
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard"], cwd=root, check=True, capture_output=True, text=True,
        env=alone,
    ).stdout.split()
    kept_by_git = sorted(p for p in listed if not p.endswith((".pdf", ".gitignore")))
    assert found(root) == kept_by_git


def test_parent_gitignore_counts_inside_a_work_tree(tmp_path):
    repo = tree(tmp_path / "repo", files=["news/a.txt", "news/drafts/b.txt"], ignores={"": "drafts/\n"})
    (repo / ".git").mkdir()
    assert found(repo / "news") == ["a.txt"]
    shutil.rmtree(repo / ".git")  # outside a work tree, folders above the scanned one are none of its business
    assert found(repo / "news") == ["a.txt", "drafts/b.txt"]


def test_an_ignored_folder_named_on_purpose_is_read(tmp_path):
    repo = tree(tmp_path / "repo", files=["build/news/a.txt", "build/news/old/b.txt", "build/news/c.log.txt"],
                ignores={"": "build/\n*.log.txt\n", "build/news": "old/\n"})
    (repo / ".git").mkdir()
    assert found(repo / "build" / "news") == ["a.txt", "c.log.txt"]
    assert found(repo / "build") == ["news/a.txt", "news/c.log.txt"]


def test_git_folder_and_hidden_files_are_skipped(tmp_path):
    root = tree(tmp_path, files=["a.txt", ".git/info.txt", ".cache/b.txt", ".draft.md"])
    assert found(root) == ["a.txt"]


def test_ignored_unsupported_files_are_not_listed_as_skipped(tmp_path):
    root = tree(tmp_path, files=["a.txt", "notes.pdf", "build/out.bin"], ignores={"": "build/\n"})
    _, skipped = discover(root)
    assert [s.path for s in skipped] == ["notes.pdf"]


@pytest.mark.parametrize(
    "globs, expected",
    [
        ({"exclude": ["drafts/"]}, ["a.txt", "b.md", "sub/c.txt", "sub/keep.md"]),
        ({"exclude": ["*.md"]}, ["a.txt", "sub/c.txt"]),
        ({"exclude": ["/a.txt", "sub/*.md"]}, ["b.md", "drafts/f.md", "sub/c.txt"]),
        ({"include": ["*.md"]}, ["b.md", "drafts/f.md", "sub/keep.md"]),
        ({"include": ["sub/**"]}, ["sub/c.txt", "sub/keep.md"]),
        ({"include": ["*.md"], "exclude": ["drafts/"]}, ["b.md", "sub/keep.md"]),
    ],
)
def test_include_and_exclude_are_relative_to_the_root(tmp_path, globs, expected):
    root = tree(tmp_path / "news", files=["a.txt", "b.md", "drafts/f.md", "sub/c.txt", "sub/keep.md"])
    assert found(root, **globs) == expected


def test_a_file_named_directly_is_read_even_if_ignored_or_excluded(tmp_path):
    root = tree(tmp_path, files=["drafts/f.md"], ignores={"": "drafts/\n"})
    path = root / "drafts" / "f.md"
    assert discover(path, exclude=["drafts/"]) == ([path], [])


# ------------------------------------------------------------------ several paths


def test_one_folder_keeps_ids_relative_to_it(tmp_path):
    root = tree(tmp_path / "news", files=["a.txt", "sub/c.txt"])
    articles, _ = load_articles([root])
    assert [(a.id, a.path) for a in articles] == [("a", "a.txt"), ("sub/c", "sub/c.txt")]


def test_files_under_the_current_folder_get_ids_relative_to_it(tmp_path, monkeypatch):
    tree(tmp_path, files=["news/a.txt", "news/sub/c.txt", "other/d.md"])
    monkeypatch.chdir(tmp_path)
    for roots in ([Path("news/a.txt")], [Path("news/a.txt"), Path("other/d.md")], [Path("news"), Path("other/d.md")]):
        articles, _ = load_articles(roots)
        assert articles[0].id == "news/a"  # the same file, the same id, whatever else is scanned
    articles, _ = load_articles([Path("news"), Path("other/d.md")])
    assert [a.path for a in articles] == ["news/a.txt", "news/sub/c.txt", "other/d.md"]


def test_files_outside_the_current_folder_are_relative_to_their_common_folder(tmp_path, monkeypatch):
    tree(tmp_path, files=["desk/news/a.txt", "desk/other/d.md"])
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    roots = [tmp_path / "desk" / "news" / "a.txt", tmp_path / "desk" / "other" / "d.md"]
    assert id_base(roots) == tmp_path / "desk"
    articles, _ = load_articles(roots)
    assert [a.id for a in articles] == ["news/a", "other/d"]
    single, _ = load_articles(roots[:1])
    assert single[0].id == "a"


def test_a_file_named_twice_is_read_once(tmp_path, monkeypatch):
    tree(tmp_path, files=["news/a.txt", "news/b.txt"])
    monkeypatch.chdir(tmp_path)
    articles, _ = load_articles([Path("news"), Path("news/a.txt"), Path("./news/a.txt")])
    assert [a.id for a in articles] == ["news/a", "news/b"]


def test_unsupported_files_named_directly_are_skipped_with_their_path(tmp_path, monkeypatch):
    tree(tmp_path, files=["news/a.txt", "news/notes.pdf"])
    monkeypatch.chdir(tmp_path)
    _, skipped = load_articles([Path("news/a.txt"), Path("news/notes.pdf")])
    assert [s.path for s in skipped] == ["news/notes.pdf"]


# ------------------------------------------------------------------ standard input


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"date 2024-03-04\nThe bridge opened in 2019.\n", "text"),
        (b"<!DOCTYPE html><html><body><p>The bridge opened in 2019.</p></body></html>", "html"),
        (b"  <html lang='en'><body><article><p>The bridge opened in 2019.</p></article></body></html>", "html"),
    ],
)
def test_stdin_is_one_article(data, kind):
    article = read_stdin(data)
    assert isinstance(article, Article)
    assert (article.id, article.path) == ("stdin", "-")
    assert "The bridge opened in 2019." in article.text
    assert (article.source_offsets is not None) == (kind == "html")


@pytest.mark.parametrize("data, reason", [(b"\x00\x01" * 50, "binary"), (b"x" * 200, "limit")])
def test_unreadable_stdin_is_skipped(data, reason):
    result = read_stdin(data, max_bytes=100)
    assert isinstance(result, Skipped) and result.path == "-" and reason in result.reason
