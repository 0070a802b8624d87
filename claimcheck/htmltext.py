"""HTML -> visible text, keeping for every character its offset in the HTML source.

Scripts, styles, navigation, headers, footers, asides and forms are dropped;
block elements become line breaks so the furniture rules see lines as in a
text file. Publication dates in <meta>, JSON-LD and <time> are collected.
"""
from __future__ import annotations

import html
import re
from datetime import date
from html.parser import HTMLParser

from claimcheck import furniture_cues
from claimcheck.published import parse_date_value

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
    c = furniture_cues.config()
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
    except Exception:  # noqa: BLE001 - html.parser is lenient; a failure here must not lose the file
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
    keys = [k.lower() for k in furniture_cues.config()["published"]["meta_keys"]]
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
                shown = parser.time_spans[k] if k < len(parser.time_spans) else None
                if shown and shown[0] < shown[1]:
                    span = shown
                break
    return text, parser.offsets, parser.hints, found, span
