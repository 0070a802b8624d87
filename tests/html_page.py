"""What a reader of an HTML page gets: its visible text, marked spans, ids, links and fetched resources."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_HIDDEN = {"style", "script", "title", "head"}
_VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}
# attributes through which a page makes the browser fetch something
_FETCHING = {"src", "href", "srcset", "action", "data", "poster", "formaction"}


@dataclass
class Page:
    text: str = ""
    marks: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # every href
    fetches: list[str] = field(default_factory=list)  # every URL-valued attribute other than a fragment link
    tags: set[str] = field(default_factory=set)
    headings: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[str] = []
        self._text: list[str] = []
        self._mark: list[str] | None = None
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.page.tags.add(tag)
        values = dict(attrs)
        if "id" in values:
            self.page.ids.append(values["id"])
        for name, value in attrs:
            if name == "href":
                self.page.links.append(value or "")
            if name in _FETCHING and value and not value.startswith("#"):
                self.page.fetches.append(value)
        if tag == "mark":
            self._mark = []
        if tag in {"h1", "h2", "h3"}:
            self._heading = []
        if tag not in _VOID:
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark is not None:
            self.page.marks.append("".join(self._mark))
            self._mark = None
        if tag in {"h1", "h2", "h3"} and self._heading is not None:
            self.page.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if any(tag in _HIDDEN for tag in self._stack):
            return
        self._text.append(data)
        for sink in (self._mark, self._heading):
            if sink is not None:
                sink.append(data)


def read_page(markup: str) -> Page:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    reader.page.text = " ".join("".join(reader._text).split())
    return reader.page


def squash(text: str) -> str:
    """Whitespace as a reader sees it: runs collapsed to one space."""
    return " ".join(text.split())
