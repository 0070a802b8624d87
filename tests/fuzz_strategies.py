"""Hypothesis strategies for article texts: news sentences with dates, figures, names and lists, mixed with
hostile text (control sequences, huge numbers, symbol runs, very long lines), as .txt, Markdown or HTML bytes.

Shared by tests/test_fuzz.py and bench/fuzz.py. The sentences are realistic on purpose: random characters
alone never get past the tokenizer into date, number, list and frame extraction, and never make two
articles disagree, so the renderers would only ever see empty reports. Every document of one case tells
the same story (the same cast of names) with values drawn per document, so findings come out.

Large inputs are made by repeating a small drawn piece: Hypothesis bounds how much it may draw for one
example, and a 50,000-character line drawn character by character would overrun it.
"""
from __future__ import annotations

from functools import cache

import hypothesis.strategies as st

PEOPLE = ["Ingrid Solberg", "Narendra Modi", "Fumio Kishida", "Aoife Byrne", "José Álvarez", "Zhang Wei",
          "Mary-Jane van der Berg", "Ciaran O'Neill", "Ли Си Цын", "Dr. A. B. Singh Jr.", "Mr Smith"]
ORGS = ["Halvorsen Foods", "Brightwater Dairy", "the Ministry of Mines", "METI", "the United Nations", "Reuters",
        "Acme Corp.", "the Ministry of Economy, Trade and Industry (METI)", "NATO", "the IMF", "Tessaro"]
PLACES = ["Mallow", "Kathmandu", "New Delhi", "Tokyo", "São Paulo", "Kraków", "the Gulf of Aden", "Gaza",
          "Szeged", "Fermoy", "Washington"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Jan.", "Sept", "Mar", "march", "MARCH"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COUNT_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
               "twenty", "a dozen", "0", "3", "99", "1,000,000"]
THINGS = ["areas", "pillars", "measures", "reasons", "priorities", "steps", "demands", "sectors", "points"]
ITEMS = ["investment", "innovation", "economic security", "health", "mobility", "pay", "pensions", "staffing",
         "safety", "technology", "the environment", "people-to-people exchanges", "state-prefecture partnership"]
UNITS = ["km", "miles", "kg", "tonnes", "yen", "euros", "°C", "mph", "hectares", "acres", "metres", "km/h",
         "basis points", "per cent", "percent", "%", "m", "ft"]
VERBS = ["signed", "opened", "announced", "completed", "agreed", "launched", "closed", "sealed", "inked"]

# What breaks terminals, parsers and offset arithmetic: escape and OSC sequences, NUL, bidi overrides,
# zero-width and line-separator characters, a stray byte-order mark, combining marks, surrogate-free astral text.
HOSTILE_SNIPPETS = [
    "\x1b[2J", "\x1b[31mred\x1b[0m", "\x1b]0;pwned\x07", "\x1b]8;;http://evil.example/\x07click\x1b]8;;\x07",
    "\x00", "\x07", "\x08\x08", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\u202e", "\u200b", "\u200d",
    "\ufeff", "e\u0301\u0301\u0301", "👩‍👩‍👧‍👦", "𝟙𝟚𝟛", "\U0010ffff", "\ufffd", "[bold]x[/bold]", ":smiley:",
    "<script>alert(1)</script>", "</html>", "]]>", "%0A::error::x", "::warning file=x::y", "\\", "${x}", "{0}", "%s",
]
# Figures a float cannot hold, digits that are not ASCII, and shapes no table lists
ODD_FIGURES = ["1e400", "1" + "0" * 400, "-0", "0.000000000000000000000001", "١٢٣", "１２３", "½", "Ⅻ", "inf",
               "NaN", "1,2,3,4,5,6,7", "1.2.3", "12,34", "1/0", "0/0", "99999999999999999999999999 km",
               "$-5bn", "1e-400", "10^400", "1,000,000,000,000,000,000,000,000,000 people", "2.4bnbn"]


def chance(percent: int) -> st.SearchStrategy[bool]:
    """True about `percent` times in a hundred (Hypothesis leans a little towards 0, so a little more often)."""
    return _CHANCES[percent]


_CHANCES = {p: st.integers(0, 99).map(lambda n, p=p: n < p) for p in range(101)}


@cache
def _index(n: int) -> st.SearchStrategy[int]:
    return st.integers(0, n - 1)


def pick(draw, options):
    """One of `options`. Strategies are built once and reused: building one per draw (st.sampled_from of a
    fresh list) costs more than the draw itself and made generation slower than the scans it feeds."""
    return options[draw(_index(len(options)))]


@cache
def any_text(max_size: int = 12) -> st.SearchStrategy[str]:
    return st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=max_size)


_REPEAT_PIECES = ["9", "€", "=", "-", "*", ". ", "word ", "٣", "a", "\t", "x" * 7, "—", "🙂"]
# spaCy parses about 5,000 tokens a second here: runs stay under ~3,000 pieces so that an input is slow only
# when claimcheck is (a long text's cost is linear and known; what the fuzzer looks for is what is not)
_RUN_LENGTH = st.integers(2, 3_000)


def _repeated(draw) -> str:
    """A long run cheaply: a short piece repeated up to thousands of times."""
    piece = pick(draw, _REPEAT_PIECES) if draw(st.booleans()) else draw(any_text(4))
    return (piece or "z") * draw(_RUN_LENGTH)


def hostile_text(draw) -> str:
    """One piece of hostile text to drop into a sentence."""
    shape = draw(_index(4))
    if shape == 0:
        return pick(draw, HOSTILE_SNIPPETS)
    if shape == 1:
        return pick(draw, ODD_FIGURES)
    return draw(any_text()) if shape == 2 else _repeated(draw)


_YEARS = [2024, 2025, 2023, 1998, 2001, 1, 999, 1900, 9999, 10000, 0, 99999]
_ANY_YEAR = st.integers(-5, 12000)
_DAY = st.integers(0, 40)
_COUNT = st.integers(0, 10**6)
_DATE_SHAPES = [
    "on {month} {day}, {year}", "on {day} {month} {year}", "in {month} {year}", "in {year}", "last {weekday}",
    "on {weekday}", "yesterday", "last week", "earlier this month", "{n} months ago", "next decade",
    "the next ten years", "in the 1990s", "{year}-{day:02d}-{day:02d}", "{day}/{day}/{year}", "Q3 {year}",
    "early {year}", "between {year} and {year2}", "since {odd}", "in {year}-W53", "at 25:61 on Tuesday",
    "at 9:30 a.m. on {weekday}", "in the year 1{zeros}", "{month} {day}", "on {month} {day}", "the {day}th",
    "{n} days ago", "{n} years from now", "every {weekday}", "two weeks later", "by the end of {month} {year}",
    "in {year} BC",
]


def news_date(draw) -> str:
    year = pick(draw, _YEARS) if draw(st.booleans()) else draw(_ANY_YEAR)
    n = draw(_COUNT)
    return pick(draw, _DATE_SHAPES).format(
        year=year, year2=year + 2, month=pick(draw, MONTHS), day=draw(_DAY), weekday=pick(draw, WEEKDAYS), n=n,
        odd=pick(draw, ODD_FIGURES), zeros="0" * (n % 500),
    )


_WHOLE = st.integers(0, 10**7)
_REAL = st.floats(0, 1e6, allow_nan=False)
_FIGURE_SHAPES = [
    "at least {n:,} people", "${x:.1f}bn", "{n} {unit}", "{x:g} million", "three hundred households",
    "£{x:.1f} billion", "Rs {n} crore", "{n}-{n25} million", "three-quarters", "{x:.1f}%", "{n} dead",
    "about {n:,}", "more than {n}", "{n:,} {unit}", "{x:g} trillion yen", "up to {n} injured",
    "a death toll of {n}", "{n}-year-old", "between {n} and {n2}", "{x:e}", "{n}m", "{n}km", "{odd}",
]


def news_figure(draw) -> str:
    n = pick(draw, [20, 26, 270, 274, 1200, 10**15]) if draw(st.booleans()) else draw(_WHOLE)
    x = pick(draw, [2.4, 3.2, 0.5, 1.25]) if draw(st.booleans()) else draw(_REAL)
    return pick(draw, _FIGURE_SHAPES).format(n=n, n25=n + 25, n2=n * 2, x=x, unit=pick(draw, UNITS), odd=pick(draw, ODD_FIGURES))


_LIST_SIZE = st.integers(1, 10)


def news_list(draw, cast: dict) -> str:
    pool = ITEMS + cast["people"]
    items = [pick(draw, pool) for _ in range(draw(_LIST_SIZE))]
    joint = pick(draw, [" and ", ", and ", " & ", ", "])
    listed = items[0] if len(items) == 1 else f"{', '.join(items[:-1])}{joint}{items[-1]}"
    return f"{pick(draw, COUNT_WORDS)} {pick(draw, THINGS)}: {listed}"


@st.composite
def story_cast(draw) -> dict:
    """The names one case's documents share, and the facts each of them restates with its own value, so
    that the documents are grouped into one story and their figures and dates compared (agree or clash)."""
    junk = draw(any_text(10)).title()
    cast = {
        "people": [pick(draw, PEOPLE) for _ in range(1 + draw(_index(3)))] + ([junk] if junk.strip() else []),
        "orgs": [pick(draw, ORGS) for _ in range(2 + draw(_index(2)))],
        "places": [pick(draw, PLACES) for _ in range(1 + draw(_index(2)))],
    }
    cast["facts"] = [_slots(draw, cast) for _ in range(1 + draw(_index(3)))]
    return cast


# values the documents of one story pick from for a shared fact: few, so they agree as often as they clash
_FACT_FIGURES = ["20 people", "26 people", "at least 20 people", "270 people", "274 people", "1,200 people",
                 "1.2 million people", "$640 million", "$2.4bn", "nine people", "40 km"]
_FACT_DATES = ["in 2023", "in August 2025", "in June 2023", "on March 9, 2024", "in 2021", "last Friday", "in 1998",
               "on Friday", "yesterday", "in 2001"]


def _slots(draw, cast: dict, template: str | None = None) -> dict:
    """Everything a sentence template names except its value."""
    template = template or pick(draw, _SENTENCES)
    return {
        "template": template, "person": pick(draw, cast["people"]), "org": pick(draw, cast["orgs"]),
        "org2": pick(draw, cast["orgs"]), "place": pick(draw, cast["places"]), "place2": pick(draw, PLACES),
        "verb": pick(draw, VERBS), "age": draw(_AGE), "age2": draw(_AGE),
        "list": news_list(draw, cast) if "{list}" in template else "",
    }


_SENTENCES = [
    "{person} said {figure} were killed in {place} {when}.",
    "{org} signed a memorandum of cooperation with {org2} {when}.",
    "{org} agreed to buy {org2} for {figure} {when}, {person} said.",
    "The toll rose to {figure} {when}, according to {org}.",
    "{person}, {age}, {verb} the accord {when}.",
    "Born in {place} {when}, {person} {verb} the deal.",
    "There are {list}.",
    "{org} announced {list}.",
    "{place} is {figure} from {place2}.",
    "“{figure},” {person} told {org} {when}.",
    "In {when}, {org} {verb} a Memorandum of Understanding (MoU) on {figure}.",
    "{age}: {org} {verb} the agreement.",
    "{person} won {age}-{age2} {when}.",
]
_AGE = st.integers(-1, 150)


def news_sentence(draw, cast: dict) -> str:
    """A news sentence about the story: one of its shared facts with a value of this document's, or a new one."""
    if cast.get("facts") and draw(chance(65)):
        slots = pick(draw, cast["facts"])
        when, figure = pick(draw, _FACT_DATES), pick(draw, _FACT_FIGURES)
    else:
        slots, when, figure = _slots(draw, cast), news_date(draw), news_figure(draw)
    sentence = slots["template"].format(**{**slots, "when": when, "figure": figure})
    # hostile text spliced in at a word boundary, so the rest of the sentence still parses as news
    if draw(chance(20)):
        words = sentence.split(" ")
        words.insert(draw(_index(len(words) + 1)), hostile_text(draw))
        sentence = " ".join(words)
    return sentence


_DATE_LINES = [
    None, "date 2024-09-10", "Published: March 9, 2024", "date 0001-01-01", "date 9999-12-31", "By {person}",
    "Updated {when}", "date 2024-02-30", "Date: 1e400",
]
_FURNITURE = ["Related Stories", "© 2024 Reuters. All rights reserved.", "Share this article", "Advertisement",
              "Sign up for our newsletter", "Read more: Floods hit Mallow again"]
_BLOCK_KINDS = ["para", "para", "para", "list", "heading"]
_PARAGRAPH_SENTENCES = st.integers(1, 4)
_LIST_ITEMS = st.integers(1, 9)
_BLOCK_COUNT = st.integers(1, 5)


def article_blocks(draw, cast: dict) -> list[tuple[str, object]]:
    """An article as blocks: ("title", s), ("meta", s), ("para", s), ("list", [s]), ("heading", s), ("furniture", s)."""
    blocks: list[tuple[str, object]] = [("title", news_sentence(draw, cast).rstrip("."))]
    date_line = pick(draw, _DATE_LINES)
    if date_line:
        blocks.append(("meta", date_line.format(person=cast["people"][0], when=news_date(draw))))
    for _ in range(draw(_BLOCK_COUNT)):
        kind = pick(draw, _BLOCK_KINDS)
        if kind == "list":
            items = [news_sentence(draw, cast) if draw(st.booleans()) else pick(draw, ITEMS) for _ in range(draw(_LIST_ITEMS))]
            blocks.append(("list", items))
        elif kind == "heading":
            blocks.append(("heading", pick(draw, ITEMS).title()))
        else:
            blocks.append(("para", " ".join(news_sentence(draw, cast) for _ in range(draw(_PARAGRAPH_SENTENCES)))))
    if draw(st.booleans()):
        blocks.append(("furniture", pick(draw, _FURNITURE)))
    return blocks


_DATELINES = ["", "WASHINGTON, March 9 (Reuters) - ", "KATHMANDU, Aug 29 (AP) — ", "TOKYO — "]
_BULLETS = ["- ", "● ", "* ", "1. ", "• ", ""]
_TOP_MATTER = [
    "---\ndate: 2024-03-09\ntitle: x\n---", "+++\ndate = 9999-12-31\n+++", "---\ndate: never\n",
    "Title: Quake toll\nURL: https://example.com/2024/03/09/quake\nDate: 2024-03-09", "https://news.example/2023/13/45/story",
]


def plain_text(draw, blocks) -> str:
    lines = []
    dateline = pick(draw, _DATELINES)
    for kind, body in blocks:
        if kind == "list":
            bullet = pick(draw, _BULLETS)
            lines += [bullet + item for item in body]
        elif kind == "para":
            lines.append(dateline + body)
            dateline = ""
        else:
            lines.append(str(body))
        lines.append("")
    if draw(chance(25)):
        lines.insert(0, pick(draw, _TOP_MATTER))
    return pick(draw, ["\n", "\r\n", "\r"]).join(lines)


_MD_BULLETS = ["- ", "* ", "1. ", "  - ", "> - "]
_MD_EXTRAS = [
    "| year | toll |\n|---|---:|\n| 2024 | {cell} |\n| 2025 | {cell2}", "```\nThe toll rose to {cell} on March 9, 2024.\n```",
    "```python\nprint({cell!r})\n", "> {cell} were killed, {person} said.", "<!-- claimcheck: ignore date_conflict -->",
    "<!-- claimcheck: ignore {junk} -->", "<!-- never closed", "[{cell}]({junk})", "<div>{cell}</div>", "***",
    "~~~\n~~~~", "**{cell}** _and_ `{cell}`", "![img]({cell})",
]


def markdown_text(draw, blocks) -> str:
    """Markdown: headings, lists and quotes, with tables, code fences (one unclosed), comments and links between."""
    out = []
    for kind, body in blocks:
        if kind == "title":
            out.append(f"# {body}")
        elif kind == "heading":
            out.append(f"{'#' * (2 + draw(_index(6)))} {body}")
        elif kind == "list":
            out.append("\n".join(pick(draw, _MD_BULLETS) + item for item in body))
        else:
            out.append(str(body))
        if draw(chance(25)):
            out.append(pick(draw, _MD_EXTRAS).format(
                cell=news_figure(draw), cell2=news_figure(draw), person=pick(draw, PEOPLE), junk=draw(any_text(8))))
    return "\n\n".join(out) + pick(draw, ["\n", "", "\n\n\n"])


_HTML_PARAGRAPHS = ["<p>{}</p>", "<p>{}", "<div><span>{}</div>", "{}<br>", "<td>{}</td>"]
_HTML_EXTRAS = [
    "<script>var a = '</p>'; document.write('<p>' + 1e400 + '</p>');</script>", "<script>never closed",
    "<style>p { content: '</style' }</style>", "<!-- comment -- with -- dashes -->", "<![CDATA[ 1,200 dead ]]>",
    "<svg><script>alert(1)</script><title>3 killed</title></svg>", "<math><mi>x</mi>", "<x-fuzz-tag>12 dead</x-fuzz-tag>",
    "&amp;&#0;&#x110000;&#99999999999;&nosuch;&#xD800;&lt;script&gt;", "<p title='a\"b' data-x=1 <b>weird</b>",
    "<template><p>40 km</p></template>", "<noscript>2,000 people</noscript>", "<table><tr><td>1<td>2</table>",
    "<textarea><p>9 dead</p></textarea>", "<plaintext><p>rest</p>", "<a href='javascript:alert(1)'>x</a>",
    "<p>{hostile}</p>", "</div></div></body></html><p>after the end</p>", "<br/><hr/><img src=x>",
]
_HTML_META = [
    "", '<meta property="article:published_time" content="2024-03-09T10:00:00Z">',
    '<meta name="date" content="9999-12-31">', '<meta name="date" content="0000-00-00">',
    '<script type="application/ld+json">{"datePublished": "2024-02-30"}</script>',
    '<time datetime="2024-03-09">March 9</time>', '<time datetime="1e400">',
]
_HTML_SHELLS = [
    "<!doctype html><html><head><title>x</title>{meta}</head><body><article>{body}</article></body></html>",
    "<html><head>{meta}<body>{body}", "{meta}{body}", "<!DOCTYPE html>\n<html lang=en>{meta}{body}</html>\n",
]
_DEPTH = st.integers(0, 3000)


def html_text(draw, blocks) -> str:
    """A page: metadata, nested and unclosed tags, scripts and styles, entities, comments, deep nesting."""
    body = []
    for kind, text in blocks:
        text = text if draw(st.booleans()) else _escape(text)
        if kind == "title":
            body.append(f"<h1>{text}</h1>")
        elif kind == "list":
            tag = pick(draw, ["ul", "ol", "div"])
            body.append(f"<{tag}>" + "".join(f"<li>{_escape(i)}" + pick(draw, ["</li>", ""]) for i in text) + f"</{tag}>")
        elif kind == "furniture":
            body.append(f"<{pick(draw, ['nav', 'footer', 'aside', 'div class=related'])}>{text}</nav>")
        else:
            body.append(pick(draw, _HTML_PARAGRAPHS).format(text))
        if draw(chance(25)):
            extra = pick(draw, _HTML_EXTRAS)
            body.append(extra.replace("{hostile}", _escape(hostile_text(draw))))
    depth = draw(_DEPTH) if draw(chance(10)) else 0
    nested = "<div>" * depth + "".join(body) + "</div>" * draw(st.integers(0, depth))
    return pick(draw, _HTML_SHELLS).format(meta=pick(draw, _HTML_META), body=nested)


def _escape(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def encode_text(text: str, how: str) -> bytes:
    if how == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if how in ("utf-16", "cp1252", "latin-1"):
        return text.encode(how, errors="replace")
    return text.encode("utf-8")


_SHAPES = ["article"] * 8 + ["empty", "binary", "whitespace"]
_ENCODINGS = ["utf-8"] * 6 + ["utf-8-sig", "utf-16", "cp1252", "latin-1"]
_DAMAGE = [b"\xff\xfe\xfd", b"\xc3", b"\x00", b"\xed\xa0\x80", b"\x1b[2J", b"\x80" * 20]
_BINARY = st.binary(max_size=300)


@st.composite
def article_bytes(draw, cast: dict, suffix: str) -> bytes:
    """One article file's bytes for its suffix; now and then empty, binary or damaged."""
    shape = pick(draw, _SHAPES)
    if shape == "empty":
        return b""
    if shape == "whitespace":
        return pick(draw, [b" ", b"\n\n\n", b"\t \r\n", "\u3000\u00a0".encode()])
    if shape == "binary":
        return draw(_BINARY) + pick(draw, [b"", b"\x00", b"\x89PNG\r\n\x1a\n"])
    blocks = article_blocks(draw, cast)
    if suffix in (".html", ".htm"):
        text = html_text(draw, blocks)
    elif suffix in (".md", ".markdown"):
        text = markdown_text(draw, blocks)
    else:
        text = plain_text(draw, blocks)
    data = encode_text(text, pick(draw, _ENCODINGS))
    if draw(chance(12)):  # damage: invalid UTF-8 bytes, a NUL, or a cut in mid-character
        at = draw(st.integers(0, len(data)))
        data = data[:at] + pick(draw, _DAMAGE) + data[at:] if draw(st.booleans()) else data[:at]
    return data
