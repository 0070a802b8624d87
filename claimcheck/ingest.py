"""Ingest: files -> Article records (decoded, HTML flattened, furniture marked, publication date found).

Never raises for a bad file: binary, unreadable, too large or unsupported
files come back as `Skipped` with the reason in words.
"""
from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from claimcheck.article_date import address_date, choose_published, mark_loose_date_lines
from claimcheck.blanking import blank, blank_comments, blank_controls, defuse_symbol_runs, markdown_spans
from claimcheck.discovery import discover, relative
from claimcheck.furniture import classify
from claimcheck.furniture_cues import config
from claimcheck.htmltext import extract_html
from claimcheck.models import Article, Skipped, make_article
from claimcheck.published import find_header, parse_date_value

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")


# (bytes, id, path, suffix, max_bytes) -> the Article, or why it cannot be read: from_bytes's signature
Reader = Callable[[bytes, str, str, str, int], "Article | Skipped"]

# ------------------------------------------------------------------ many inputs

def load_articles(
    roots: Path | Sequence[Path], max_bytes: int = 5_000_000, include: Sequence[str] = (),
    exclude: Sequence[str] = (), reader: Reader | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Every supported file under `roots` (folders and files) as an Article; the rest as Skipped.

    Ids and paths are relative to `id_base(roots)`. `reader` turns a file's bytes into its Article
    (`from_bytes` by default; the scan passes one that remembers what it read in the claims store).
    """
    roots = [Path(roots)] if isinstance(roots, (str, os.PathLike)) else [Path(r) for r in roots]
    base = id_base(roots)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    ids: set[str] = set()
    seen: set[str] = set()
    for root in roots:
        paths, unsupported = discover(root, include=include, exclude=exclude, base=base)
        skipped += unsupported
        for path in paths:
            if (where := os.path.abspath(path)) in seen:
                continue  # a file named twice, or named and inside a named folder
            seen.add(where)
            result = read_article(path, base, max_bytes=max_bytes, reader=reader or from_bytes)
            if isinstance(result, Skipped):
                skipped.append(result)
                continue
            if result.id in ids:  # "a.txt" and "a.md": keep the suffix to tell them apart
                result = dataclasses.replace(result, id=result.path)
            ids.add(result.id)
            articles.append(result)
    skipped.sort(key=lambda s: s.path)
    return articles, skipped


def id_base(roots: Sequence[Path]) -> Path:
    """The folder document ids are relative to.

    One folder: that folder, so ids stay as they always were. Otherwise the
    current folder when everything is inside it (the same file keeps its id
    however many other files a pre-commit run passes along), else the
    deepest folder that holds them all.
    """
    if len(roots) == 1 and Path(roots[0]).is_dir():
        return Path(roots[0])
    folders = [os.path.abspath(r if Path(r).is_dir() else Path(r).parent) for r in roots]
    cwd = os.getcwd()
    if folders and all(os.path.commonpath([cwd, f]) == cwd for f in folders):
        return Path(cwd)
    return Path(os.path.commonpath(folders)) if folders else Path(cwd)


def read_stdin(data: bytes, max_bytes: int = 5_000_000) -> Article | Skipped:
    """One article piped in: id `stdin`, path `-`; HTML if it starts like an HTML page."""
    suffix = ".html" if _HTML_START.match(data[:4096]) else ".txt"
    return from_bytes(data, STDIN_ID, STDIN_PATH, suffix, max_bytes)


STDIN_ID, STDIN_PATH = "stdin", "-"
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<html[\s>])", re.I)


# ------------------------------------------------------------------ decoding

def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if (b < 32 and b not in (9, 10, 12, 13, 11, 27)) or b == 127)
    return controls > max(8, len(sample) // 20)


def decode(data: bytes) -> tuple[str, list[str]] | str:
    """(text, warnings), or the reason the bytes are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), []
        except UnicodeDecodeError:
            warning = "invalid UTF-8 after a UTF-8 byte-order mark; bad bytes replaced"
            return data[3:].decode("utf-8", errors="replace"), [warning]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["decoded as UTF-16 (byte-order mark found)"]
        except UnicodeDecodeError:
            return "binary file (UTF-16 byte-order mark but invalid UTF-16)"
    if _looks_binary(data):
        return "binary file (contains NUL or control bytes), not text"
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ["not valid UTF-8; assumed cp1252 (Windows-1252) encoding"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), ["not valid UTF-8 or cp1252; assumed latin-1 (ISO-8859-1) encoding"]


# ------------------------------------------------------------------ text files

_FRONT = re.compile(r"\A(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)\r?\n(?P=fence)[ \t]*(?:\r?\n|\Z)", re.S)


def _front_matter(source: str) -> tuple[tuple[int, int], date | None] | None:
    m = _FRONT.match(source)
    if not m:
        return None
    keys = [k.lower() for k in config()["published"]["front_matter_keys"]]
    values: dict[str, str] = {}
    for line in m["body"].splitlines():
        km = re.match(r"\s*([\w.-]+)\s*[:=]\s*(.+?)\s*$", line)
        if km:
            values.setdefault(km.group(1).lower(), km.group(2).strip("\"'"))
    found = None
    for key in keys:
        if key in values and (found := parse_date_value(values[key])):
            break
    end = m.end()
    return (0, end - 1 if source[end - 1:end] == "\n" else end), found


def _shift(header, off: int):
    d, (a, b) = header
    return dataclasses.replace(d, start=d.start + off, end=d.end + off), (a + off, b + off)


@lru_cache(maxsize=1)
def _header_line_rx() -> re.Pattern[str]:
    keys = config()["published"]["other_header_keys"] + config()["published"]["header_keys"]
    return re.compile(r"[ \t]*(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
                      + r")[ \t]*:[^\n]*(?:\n|\Z)", re.I)


def _header_lines(source: str, start: int) -> tuple[int, int] | None:
    """Two or more "Title: ...", "URL: ..." lines at the top of a text file (a scraper's header)."""
    rx = _header_line_rx()
    pos = start
    while pos < len(source) and source[pos] in " \t\r\n":
        pos += 1
    first = pos
    count = 0
    while (m := rx.match(source, pos)):
        pos = m.end()
        count += 1
    if count >= 2:
        end = pos - 1 if source[pos - 1:pos] == "\n" else pos
        return first, end
    return None


# ------------------------------------------------------------------ reading one file

def read_article(path: Path, root: Path, max_bytes: int = 5_000_000, reader: Reader | None = None) -> Article | Skipped:
    path = Path(path)
    rel = relative(path, root)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Skipped(rel, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(rel, f"cannot read file: {exc.strerror or exc}")
    ident = rel[: -len(path.suffix)] if path.suffix and rel.endswith(path.suffix) else rel
    return (reader or from_bytes)(data, ident, rel, path.suffix.lower(), max_bytes)


def from_bytes(data: bytes, ident: str, rel: str, suffix: str, max_bytes: int = 5_000_000) -> Article | Skipped:
    """An Article from raw bytes (a file's, or standard input's), or the reason it cannot be read."""
    if len(data) > max_bytes:
        return Skipped(rel, f"file is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
    decoded = decode(data)
    if isinstance(decoded, str):
        return Skipped(rel, decoded)
    source, warnings = decoded
    return build_article(ident, rel, source, suffix, warnings)


def build_article(ident: str, rel: str, source: str, suffix: str, warnings: list[str] | None = None) -> Article:
    """An Article from decoded text; `suffix` decides how it is read (".txt", ".md", ".html")."""
    warnings = list(warnings or [])
    if not source.strip():
        return make_article(id=ident, path=rel, source=source, text=source, blocks=(),
                            warnings=tuple(warnings + ["empty file"]))
    is_html = suffix in HTML_SUFFIXES
    markdown = suffix in MARKDOWN_SUFFIXES
    offsets = None
    reserved: list[tuple[int, int, str]] = []
    meta_date = meta_span = None
    header = None
    if is_html:
        text, offset_list, hints, meta_date, meta_span = extract_html(source)
        offsets = tuple(offset_list)
        if not text.strip():
            return make_article(id=ident, path=rel, source=source, text=text, blocks=(), source_offsets=offsets,
                                warnings=tuple(warnings + ["no visible text in the HTML page"]))
    else:
        text, hints = (blank_comments(source) if markdown else source), {}
        front = _front_matter(source)
        start = 0
        if front:
            (fs, fe), meta_date = front
            reserved.append((fs, fe, "front matter"))
            start = fe
        lines = _header_lines(source, start)
        if lines:
            reserved.append((lines[0], lines[1], "header"))
            for line_m in re.finditer(r"[^\n]+", source[lines[0]:lines[1]]):
                if (hm := find_header(line_m.group())):
                    header = _shift(hm, lines[0] + line_m.start())
                    break
        elif (hm := find_header(source[start:])):
            header = _shift(hm, start)
            reserved.append((header[1][0], header[1][1], "date header"))
    text = blank_controls(text)
    text, defused = defuse_symbol_runs(text)
    if defused:
        runs = "a run" if defused == 1 else f"{defused} runs"
        warnings.append(f"{runs} of 50 or more symbols in a row shortened to their first three: "
                        "they are no text, and the tokenizer's time grows with the square of their length")
    blocks = classify(text, hints=hints, markdown=markdown, reserved=reserved, prose_blocks=is_html)
    spans = [(b.start, b.end) for b in blocks if b.kind == "furniture"]
    if markdown:
        spans += markdown_spans(text, blocks)
    plain, text = text, blank(text, spans)
    # a hard-wrapped paragraph is one block: its line breaks become spaces (lengths unchanged)
    wraps = [b for b in blocks if b.kind != "furniture" and "\n" in text[b.start:b.end]]
    if wraps:
        chars = list(text)
        for b in wraps:
            for k in range(b.start, b.end):
                if chars[k] in "\r\n":
                    chars[k] = " "
        text = "".join(chars)
    blocks = mark_loose_date_lines(plain, blocks)
    if meta_date is None and not is_html:
        meta_date, meta_span = address_date(plain, blocks)
    published, origin, span, more = choose_published(plain, blocks, header, meta_date, meta_span)
    warnings += more
    if not any(b.kind != "furniture" for b in blocks):
        warnings.append("no article text left after removing page furniture")
    return make_article(id=ident, path=rel, source=source, text=text, blocks=tuple(blocks),
                        published=published, published_from=origin, published_span=span,
                        warnings=tuple(warnings), source_offsets=offsets)
