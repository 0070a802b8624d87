"""Ingest: files -> Article records (decoded, HTML flattened, furniture marked, publication date found).

Never raises for a bad file: binary, unreadable, too large or unsupported
files come back as `Skipped` with the reason in words.
"""
from __future__ import annotations

import dataclasses
import html
import os
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

from claimcheck import furniture
from claimcheck.errors import InputNotFound
from claimcheck.models import Article, Block, Skipped, make_article
from claimcheck.published import (
    byline_date,
    find_dateline,
    find_header,
    parse_date_value,
)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")


# ------------------------------------------------------------------ discovery

def _hidden(name: str) -> bool:
    return name.startswith(".")


def discover(root: Path) -> tuple[list[Path], list[Skipped]]:
    """Supported files under `root` (a file or a folder), sorted by relative path, and the files left out."""
    root = Path(root)
    if not root.exists():
        raise InputNotFound(f"No such file or folder: {root}")
    if root.is_file():
        if root.suffix.lower() in SUFFIXES:
            return [root], []
        return [], [Skipped(root.name, _unsupported(root))]
    found: list[tuple[str, Path]] = []
    skipped: list[Skipped] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        for name in filenames:
            if _hidden(name):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if path.suffix.lower() in SUFFIXES:
                found.append((rel, path))
            else:
                skipped.append(Skipped(rel, _unsupported(path)))
    found.sort(key=lambda t: t[0])
    skipped.sort(key=lambda s: s.path)
    return [p for _, p in found], skipped


def _unsupported(path: Path) -> str:
    kinds = ", ".join(SUFFIXES)
    if not path.suffix:
        return f"no file suffix (supported: {kinds})"
    return f"unsupported file type {path.suffix!r} (supported: {kinds})"


def _relative(path: Path, root: Path) -> str:
    path, root = Path(path), Path(root)
    if root.is_file() or path == root:
        return path.name
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return path.name


def load_articles(root: Path, max_bytes: int = 5_000_000) -> tuple[list[Article], list[Skipped]]:
    """Every supported file under `root` as an Article; the rest as Skipped."""
    paths, skipped = discover(root)
    articles: list[Article] = []
    ids: set[str] = set()
    for path in paths:
        result = read_article(path, root, max_bytes=max_bytes)
        if isinstance(result, Skipped):
            skipped.append(result)
            continue
        if result.id in ids:  # "a.txt" and "a.md": keep the suffix to tell them apart
            result = dataclasses.replace(result, id=result.path)
        ids.add(result.id)
        articles.append(result)
    skipped.sort(key=lambda s: s.path)
    return articles, skipped


# ------------------------------------------------------------------ decoding

def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 11, 27) or b == 127)
    return controls > max(8, len(sample) // 20)


def decode(data: bytes) -> tuple[str, list[str]] | str:
    """(text, warnings), or the reason the bytes are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), []
        except UnicodeDecodeError:
            return data[3:].decode("utf-8", errors="replace"), ["invalid UTF-8 after a UTF-8 byte-order mark; bad bytes replaced"]
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


# ------------------------------------------------------------------ HTML

SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer",
             "aside", "form", "iframe", "button", "select", "textarea", "head", "object", "canvas",
             "dialog", "menu"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
             "source", "track", "wbr"}
BLOCK_TAGS = {"address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
              "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
              "hgroup", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table",
              "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "title", "picture"}
PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol",
                  "dl", "figure", "section", "article"}
# An element implicitly closes an open one of these when it starts (HTML's optional end tags).
IMPLIED_CLOSE = {"p": {"p"}, "li": {"li", "p"}, "dt": {"dt", "dd", "p"}, "dd": {"dt", "dd", "p"},
                 "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"},
                 "h1": {"p"}, "h2": {"p"}, "h3": {"p"}, "h4": {"p"}, "h5": {"p"}, "h6": {"p"},
                 "ul": {"p"}, "ol": {"p"}, "div": {"p"}, "table": {"p"}, "blockquote": {"p"}}


def _class_cues() -> frozenset[str]:
    c = furniture.config()
    return frozenset(w.lower() for w in c.get("html", {}).get("skip_class_words", []))


class _Extractor(HTMLParser):
    """Visible text with, for every character, its offset in the HTML source."""

    def __init__(self, source: str, class_cues: frozenset[str] = frozenset()):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.out: list[str] = []
        self.offsets: list[int] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        self.hidden = 0
        self.pre = 0
        self.hints: dict[int, str] = {}
        self.pending_hint: str | None = None
        self.meta: dict[str, str] = {}
        self.times: list[tuple[str, int, bool]] = []  # (datetime value, priority, visible)
        self.time_spans: list[tuple[int, int] | None] = []
        self.open_time: int | None = None
        self.json_ld: list[str] = []
        self.in_json_ld = False
        self.item_date_pending = False
        self.class_cues = class_cues

    # position helpers
    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col if line - 1 < len(self.line_starts) else len(self.source)

    def _emit(self, ch: str, at: int) -> None:
        if not self.out and ch in " \n":
            return
        if ch == " " and self.out and self.out[-1] in " \n" and not self.pre:
            return
        if ch == "\n":
            while self.out and self.out[-1] == " ":
                self.out.pop()
                self.offsets.pop()
        if ch not in " \n" and (not self.out or self.out[-1] == "\n") and self.pending_hint:
            self.hints[len(self.out)] = self.pending_hint
            self.pending_hint = None
        self.out.append(ch)
        self.offsets.append(at)

    def _break(self, at: int, blank_line: bool = False) -> None:
        if not self.out:
            return
        if self.out[-1] != "\n":
            self._emit("\n", at)
        if blank_line and len(self.out) >= 2 and self.out[-2] != "\n":
            self.out.append("\n")
            self.offsets.append(at)

    def _hides(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in SKIP_TAGS:
            return True
        if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
            return True
        style = (attrs.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            return True
        role = (attrs.get("role") or "").lower()
        if role in {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu"}:
            return True
        if not self.class_cues or tag in ("html", "body", "main", "article"):
            return False
        names = " ".join(filter(None, (attrs.get("class"), attrs.get("id")))).lower()
        parts = set(re.split(r"[\s_-]+", names)) | set(names.split())
        return bool(parts & self.class_cues)

    # parser callbacks
    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = {k.lower(): v for k, v in attrs_list}
        at = self._pos()
        self._metadata(tag, attrs)
        if tag in IMPLIED_CLOSE:
            closes = IMPLIED_CLOSE[tag]
            while self.stack and self.stack[-1][0] in closes:
                self._close_top(at)
        if tag in VOID_TAGS:
            if tag in ("br", "hr") and not self.hidden:
                self._break(at)
            return
        hides = self._hides(tag, attrs)
        self.stack.append((tag, hides))
        if hides:
            self.hidden += 1
        if tag == "script" and (attrs.get("type") or "").lower() == "application/ld+json":
            self.in_json_ld = True
        if self.hidden:
            return
        if tag == "pre":
            self.pre += 1
        if tag in BLOCK_TAGS:
            self._break(at, blank_line=tag in PARAGRAPH_TAGS)
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.pending_hint = "heading"
            elif tag in ("li", "dt"):
                self.pending_hint = "item"
            else:
                self.pending_hint = None
        if tag == "time":
            self.open_time = len(self.out)

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _ in self.stack):
            return
        at = self._pos()
        while self.stack:
            top = self.stack[-1][0]
            self._close_top(at)
            if top == tag:
                break

    def _close_top(self, at: int) -> None:
        tag, hides = self.stack.pop()
        if tag == "script":
            self.in_json_ld = False
        if hides:
            self.hidden -= 1
            return
        if self.hidden:
            return
        if tag == "pre":
            self.pre -= 1
        if tag == "time" and self.open_time is not None:
            if self.times and len(self.time_spans) < len(self.times):
                self.time_spans.append((self.open_time, len(self.out)))
            self.open_time = None
        if tag in BLOCK_TAGS:
            self._break(at, blank_line=tag in PARAGRAPH_TAGS)

    def handle_startendtag(self, tag: str, attrs_list) -> None:
        self.handle_starttag(tag, attrs_list)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.in_json_ld:
            self.json_ld.append(data)
        if self.item_date_pending and data.strip() and not self.hidden:
            self.meta.setdefault("datepublished", data.strip())
            self.item_date_pending = False
        if self.hidden:
            return
        at = self._pos()
        for m in re.finditer(r"\s+|\S+", data):
            chunk, k = m.group(), at + m.start()
            if not chunk[0].isspace():
                self._emit(chunk[0], k)  # the first character may start a line (hints)
                self.out.extend(chunk[1:])
                self.offsets.extend(range(k + 1, k + len(chunk)))
            elif self.pre:
                for i, ch in enumerate(chunk):
                    if ch != "\r":
                        self._emit("\n" if ch == "\n" else " ", k + i)
            else:
                self._emit(" ", k)

    def _ref(self, raw: str) -> None:
        if self.hidden:
            return
        at = self._pos()
        text = html.unescape(raw)
        for ch in text:
            self._emit(" " if ch.isspace() else ch, at)

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")

    # metadata
    def _metadata(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and attrs.get("content"):
                self.meta.setdefault(key, attrs["content"] or "")
            return
        itemprop = (attrs.get("itemprop") or "").lower()
        value = attrs.get("datetime") or attrs.get("content")
        if itemprop == "datepublished":
            if value:
                self.meta.setdefault("datepublished", value)
            else:
                self.item_date_pending = True
        if tag == "time" and attrs.get("datetime"):
            cls = (attrs.get("class") or "").lower()
            priority = 0 if ("pubdate" in attrs or itemprop == "datepublished" or "publish" in cls) else (
                2 if ("modif" in cls or "updat" in cls or itemprop == "datemodified") else 1)
            self.times.append((attrs["datetime"] or "", priority, not self.hidden))
            if self.hidden:
                self.time_spans.append(None)


def _parse(source: str, class_cues: frozenset[str]) -> _Extractor:
    parser = _Extractor(source, class_cues)
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # html.parser is lenient; a failure here must not lose the file
        pass
    while parser.out and parser.out[-1] in " \n":
        parser.out.pop()
        parser.offsets.pop()
    return parser


def extract_html(source: str):
    """(text, source offsets, line hints, publication date from metadata or None, span of a visible <time>)."""
    parser = _parse(source, _class_cues())
    text = "".join(parser.out)
    if len(text) < 1000 or len(text.strip()) < 200:
        plain = _parse(source, frozenset())
        if len(plain.out) > 200 and len(text) < 0.3 * len(plain.out):
            parser, text = plain, "".join(plain.out)  # the class rule hid the article itself
    keys = [k.lower() for k in furniture.config()["published"]["meta_keys"]]
    found: date | None = None
    span = None
    for key in keys:
        if key in parser.meta:
            found = parse_date_value(parser.meta[key])
            if found:
                break
    if found is None:
        for blob in parser.json_ld:
            m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', blob)
            if m and (found := parse_date_value(m.group(1))):
                break
    if found is None and parser.times:
        order = sorted(range(len(parser.times)), key=lambda k: (parser.times[k][1], k))
        for k in order:
            if parser.times[k][1] == 2 and len(order) > 1:
                continue
            found = parse_date_value(parser.times[k][0])
            if found:
                if k < len(parser.time_spans) and parser.time_spans[k] and parser.time_spans[k][0] < parser.time_spans[k][1]:
                    span = parser.time_spans[k]
                break
    return text, parser.offsets, parser.hints, found, span


# ------------------------------------------------------------------ text files

_FRONT = re.compile(r"\A(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)\r?\n(?P=fence)[ \t]*(?:\r?\n|\Z)", re.S)


def _front_matter(source: str) -> tuple[tuple[int, int], date | None] | None:
    m = _FRONT.match(source)
    if not m:
        return None
    keys = [k.lower() for k in furniture.config()["published"]["front_matter_keys"]]
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


def _header_lines(source: str, start: int) -> tuple[int, int] | None:
    """Two or more "Title: ...", "URL: ..." lines at the top of a text file (a scraper's header)."""
    keys = furniture.config()["published"]["other_header_keys"] + furniture.config()["published"]["header_keys"]
    rx = re.compile(r"[ \t]*(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + r")[ \t]*:[^\n]*(?:\n|\Z)", re.I)
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

def read_article(path: Path, root: Path, max_bytes: int = 5_000_000) -> Article | Skipped:
    path = Path(path)
    rel = _relative(path, root)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Skipped(rel, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(rel, f"cannot read file: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return Skipped(rel, f"file is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
    decoded = decode(data)
    if isinstance(decoded, str):
        return Skipped(rel, decoded)
    source, warnings = decoded
    suffix = path.suffix.lower()
    ident = rel[: -len(path.suffix)] if path.suffix and rel.endswith(path.suffix) else rel
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
        text, hints = source, {}
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
    blocks = furniture.classify(text, hints=hints, markdown=markdown, reserved=reserved)
    spans = [(b.start, b.end) for b in blocks if b.kind == "furniture"]
    if markdown:
        spans += furniture.markdown_spans(text, blocks)
    plain, text = text, furniture.blank(text, spans)
    # a hard-wrapped paragraph is one block: its line breaks become spaces (lengths unchanged)
    wraps = [b for b in blocks if b.kind != "furniture" and "\n" in text[b.start:b.end]]
    if wraps:
        chars = list(text)
        for b in wraps:
            for k in range(b.start, b.end):
                if chars[k] in "\r\n":
                    chars[k] = " "
        text = "".join(chars)
    published, origin, span, more = _published(plain, blocks, header, meta_date, meta_span)
    warnings += more
    if not any(b.kind != "furniture" for b in blocks):
        warnings.append("no article text left after removing page furniture")
    return make_article(id=ident, path=rel, source=source, text=text, blocks=tuple(blocks),
                        published=published, published_from=origin, published_span=span,
                        warnings=tuple(warnings), source_offsets=offsets)


def _published(text: str, blocks: list[Block], header, meta_date, meta_span):
    """(date, where from, span in text, warnings). Priority: header, metadata, byline, dateline."""
    byline_best = None  # (rank, DateMatch shifted into text)
    byline_span = None
    first_text = next((b.end for b in blocks if b.kind == "text"), len(text))
    section = furniture.config()["section"]["teasers"]["reason"]
    teasers = next((b.start for b in blocks if b.reason in (section, "list of other stories")), len(text))
    for b in blocks:
        if b.start >= teasers:
            break  # dates under "Related Stories" belong to other stories
        if b.kind == "furniture" and b.reason in ("byline", "date line"):
            hit = byline_date(text[b.start:b.end])
            if hit is None:
                continue
            d, rank = hit
            if rank == 1 and b.start > first_text:
                continue  # a bare date below the article's first paragraph is not its byline
            if byline_span is None:
                byline_span = (b.start + d.start, b.start + d.end)
            if d.year is None:
                continue
            key = (rank, b.start + d.start)
            if byline_best is None or key < byline_best[0]:
                byline_best = (key, d, (b.start + d.start, b.start + d.end))
    dateline = None
    for b in [b for b in blocks if b.kind == "text"][:3]:
        dateline = find_dateline(text, b.start, b.end)
        if dateline:
            break
    published: date | None = None
    origin = span = None
    if header:
        published, origin, span = header[0].to_date(), "header", (header[0].start, header[0].end)
    elif meta_date:
        published, origin, span = meta_date, "metadata", meta_span
    elif byline_best:
        published, origin, span = byline_best[1].to_date(), "byline", byline_best[2]
    if dateline:
        span = dateline.span  # the part the NLP stage sees: keep it from being read as a claim
        dm = dateline.match
        if published is None and dm.year is not None:
            published, origin = dm.to_date(), "dateline"
        elif origin == "byline" and byline_best[0][0] == 2:
            # the byline only says when the story was updated: an earlier dateline is the filing date
            filed = dm.to_date() if dm.year is not None else resolve_yearless(dm.month, dm.day, published)
            if filed and filed < published:
                published, origin = filed, "dateline"
    elif span is None and byline_span:
        span = byline_span
    warnings = []
    if published is None:
        if dateline and dateline.match.year is None:
            shown = text[dateline.span[0]:dateline.span[1]]
            warnings.append(f"publication date unknown: the dateline {shown!r} has no year and the article "
                            "gives none, so relative dates (\"on Friday\") stay unresolved")
        else:
            warnings.append("publication date unknown: no date header, byline, dateline or metadata, "
                            "so relative dates (\"on Friday\") stay unresolved")
    return published, origin, span, warnings


def resolve_yearless(month: int, day: int, known: date) -> date | None:
    """A year-less date near a known date: the same year unless that puts it well after the known date."""
    try:
        d = date(known.year, month, day)
    except ValueError:
        return None
    if d > known + timedelta(days=7):
        try:
            d = date(known.year - 1, month, day)
        except ValueError:
            return None
    return d
