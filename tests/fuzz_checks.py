"""Run one fuzz `Case` through the CLI runner and say everything that is wrong with what came out.

Shared by tests/test_fuzz.py and bench/fuzz.py. Wrong means: an exception escaped the runner; the CLI's
last line of defence caught one ("internal error", exit 2); a document was silently dropped because the
analysis raised on it (scan.analyse turns that into a warning, which a fuzz run must still count); an
exit status outside 0, 1, 2; or an output that does not parse in its format (JSON, JSONL, SARIF against
the OASIS schema, GitHub workflow commands, an HTML page that closes what it opens and carries no tag
an article smuggled in), or a written baseline the tool cannot read back.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import traceback
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import click
import jsonschema
import typer
from typer.testing import CliRunner

import claimcheck.analysis
import claimcheck.report.highlight
import claimcheck.report.html_format
import claimcheck.scan
from claimcheck import baseline as baseline_module
from claimcheck.cli import app
from claimcheck.errors import ClaimcheckError
from tests.fuzz_cases import Case

ROOT = Path(__file__).resolve().parent.parent
SARIF_VALIDATOR = jsonschema.Draft4Validator(
    json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
)
# the tags the HTML renderer itself writes: any other tag in a report came from an article, unescaped
HTML_VOCABULARY = frozenset(
    re.findall(r"<([a-z][a-z0-9]*)", Path(claimcheck.report.html_format.__file__).read_text(encoding="utf-8")
               + Path(claimcheck.report.highlight.__file__).read_text(encoding="utf-8"))
)
VOID_TAGS = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr", "source"})
# ::error file=...,line=...,title=...::message, with ':' and ',' escaped inside properties
GITHUB_LINE = re.compile(r"::(error|warning|notice) (?:[a-z]+=[^:,\r\n]*)(?:,[a-z]+=[^:,\r\n]*)*::[^\r\n]*")
INTERNAL_ERROR = "claimcheck: internal error"


@dataclass
class Outcome:
    args: list[str]
    exit_code: int | None = None
    stderr: str = ""  # its last 500 characters, to tell usage errors apart in statistics
    problems: list[tuple[str, str]] = field(default_factory=list)  # (category, detail)

    @property
    def ok(self) -> bool:
        return not self.problems


def layout(case: Case, root: Path) -> list[str]:
    """Write the case's files under `root` and return the command line that runs it."""
    corpus, drafts = root / "corpus", root / "drafts"
    corpus.mkdir(parents=True, exist_ok=True)
    # the articles, named one by one for `scan FILES`, `check DRAFTS` and `dates FILE` (not .gitignore)
    written = [p for p in _write_all(corpus, case.corpus) if p.name != ".gitignore"]
    draft_paths = [p for p in _write_all(drafts, case.drafts) if p.name != ".gitignore"] if case.drafts else []
    options = [part.replace("{root}", str(root)) for part in case.options]
    if case.aliases:
        _write(corpus / case.aliases[0], case.aliases[1])
    if case.config:
        where = root / case.config[0] if case.config_passed else corpus / case.config[0]
        _write(where, case.config[1])
        if case.config_passed:
            options += ["--config", str(where)]
    if case.baseline is not None:
        _write(root / "baseline.json", case.baseline)
        options += ["--baseline", str(root / "baseline.json")]
    if case.output_file:
        options += ["--output", str(root / f"report.{case.fmt}")]
    if case.write_baseline:
        options += ["--write-baseline", str(root / "new-baseline.json")]
    if case.command in ("scan", "check"):
        options += ["--format", case.fmt]
    elif case.command in ("dates", "explain"):
        options += ["--format", case.fmt if case.fmt in ("text", "json") else "text"]
    if case.command == "scan":
        targets = {"folder": [str(corpus)], "files": [str(p) for p in written] or [str(corpus)],
                   "stdin": ["-", str(corpus)]}[case.target]
        return ["scan", *targets, *options]
    if case.command == "check":
        return ["check", *([str(p) for p in draft_paths] or [str(drafts)]), "--against", str(corpus), *options]
    if case.command == "dates":
        return ["dates", str(written[0] if written else corpus), *options]
    if case.drafts:  # a finding of `check DRAFTS --against corpus`
        named = [str(p) for p in draft_paths] or [str(drafts)]
        return ["explain", "{id}", *named, "--against", str(corpus), *options]
    return ["explain", "{id}", str(corpus), *options]


def _write_all(folder: Path, files) -> list[Path]:
    written = []
    for name, data in files:
        path = folder / name
        if _write(path, data):
            written.append(path)
    return written


def _write(path: Path, data: bytes) -> bool:
    """Write bytes; False when the file system refuses the name (a file where a folder must go, too long)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(os.fsencode(path), "wb") as fh:
            fh.write(data)
        return True
    except OSError:
        return False


@contextlib.contextmanager
def recording_document_faults(faults: list[str]):
    """Record the traceback of every exception the per-document stage makes a document warning, then go on."""
    patched = {name: getattr(claimcheck.analysis, name) for name in ("tag_dates", "extract_claims", "document_terms")}

    def recorder(function):
        def wrapped(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception:
                faults.append(traceback.format_exc())
                raise
        return wrapped

    for name, function in patched.items():
        setattr(claimcheck.analysis, name, recorder(function))
    try:
        yield
    finally:
        for name, function in patched.items():
            setattr(claimcheck.analysis, name, function)


def run_case(case: Case, root: Path, runner: CliRunner | None = None) -> Outcome:
    """Lay the case out under `root` (an empty folder), run it, and check everything that came out."""
    runner = runner or CliRunner()
    args = layout(case, root)
    if args[0] == "explain":
        args[1] = case.explain_id if case.explain_id is not None else _a_finding_id(runner, args)
    outcome = Outcome(args=args)
    faults: list[str] = []
    with recording_document_faults(faults):
        result = runner.invoke(app, args, input=case.stdin)
    outcome.exit_code = result.exit_code
    outcome.problems += [("document failure", fault) for fault in faults]
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        outcome.problems.append(("escaped exception", "".join(traceback.format_exception(*result.exc_info))))
        return outcome
    stderr = result.stderr_bytes.decode("utf-8", "replace")
    outcome.stderr = stderr[-500:]
    if INTERNAL_ERROR in stderr:
        cause = _root_cause(exc)
        detail = "".join(traceback.format_exception(cause)) if cause is not None else stderr
        outcome.problems.append(("internal error", detail))
    if result.exit_code not in (0, 1, 2):
        outcome.problems.append(("bad exit code", f"exit {result.exit_code}\n{stderr[-2000:]}"))
    if result.exit_code in (0, 1) and not outcome.problems:
        shown = (root / f"report.{case.fmt}").read_bytes() if case.output_file else result.stdout_bytes
        fmt = case.fmt if case.command in ("scan", "check") else f"{case.command}-{case.fmt}"
        outcome.problems += [("bad output", p) for p in output_problems(fmt, shown)]
        if case.write_baseline:
            outcome.problems += [("bad output", p) for p in _baseline_problems(root / "new-baseline.json")]
    return outcome


def _a_finding_id(runner: CliRunner, explain_args: list[str]) -> str:
    """A real finding id for `explain`: scan (or check) the same paths as JSON first; a made-up id if none."""
    paths, rest = [], explain_args[2:]
    while rest and not rest[0].startswith("--"):
        paths.append(rest.pop(0))
    against = rest[rest.index("--against") + 1] if "--against" in rest else None
    first = ["check", *paths, "--against", against] if against else ["scan", *paths]
    result = runner.invoke(app, [*first, "--format", "json", "--quiet", "--isolated"])
    try:
        report = json.loads(result.stdout_bytes)
        return next(iter([f["id"] for f in report["findings"] + report.get("corroborations", [])]), "date-0000000000")
    except (ValueError, KeyError, TypeError):
        return "date-0000000000"


def _root_cause(exc: BaseException | None) -> BaseException | None:
    """The exception the CLI's guard turned into exit 2: below SystemExit and click's Exit in the chain."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if not isinstance(exc, (SystemExit, click.exceptions.Exit, typer.Exit)):
            return exc
        exc = exc.__cause__ or exc.__context__
    return None


def output_problems(fmt: str, raw: bytes) -> list[str]:
    """What is wrong with one output, by format ("dates-json", "explain-text" for those commands)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"output is not UTF-8: {exc}"]
    check = _CHECKS.get(fmt)
    return check(text) if check else []


def _json(text: str, expect: type) -> list[str]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        return [f"not JSON: {exc}: {text[:300]!r}"]
    return [] if isinstance(data, expect) else [f"JSON is a {type(data).__name__}, expected a {expect.__name__}"]


def _report_json(text: str) -> list[str]:
    problems = _json(text, dict)
    if not problems and json.loads(text).get("schema") != "claimcheck.report/1":
        problems.append("JSON report without schema claimcheck.report/1")
    return problems


def _jsonl(text: str) -> list[str]:
    if text and not text.endswith("\n"):
        return ["JSONL output does not end with a newline"]
    # lines end at "\n" only: JSON strings may hold U+0085 or U+2028 raw, which str.splitlines() would cut at
    return [f"line {n}: {p}" for n, line in enumerate(text.split("\n")[:-1], 1) for p in _json(line, dict)]


def _sarif(text: str) -> list[str]:
    problems = _json(text, dict)
    if problems:
        return problems
    return [f"SARIF: {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}"
            for e in SARIF_VALIDATOR.iter_errors(json.loads(text))][:5]


def _github(text: str) -> list[str]:
    if text and not text.endswith("\n"):
        return ["GitHub output does not end with a newline"]
    lines = text.split("\n")[:-1]
    return [f"not a workflow command: {line[:300]!r}" for line in lines if not GITHUB_LINE.fullmatch(line)]


class _StrictHTML(HTMLParser):
    """html.parser forgives everything; this one also checks that every tag opened is closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in HTML_VOCABULARY:
            self.errors.append(f"tag <{tag}> the renderer never writes: an article's markup got through unescaped")
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _html(text: str) -> list[str]:
    parser = _StrictHTML()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # noqa: BLE001 - any parser failure is the finding
        return [f"html.parser failed: {type(exc).__name__}: {exc}"]
    problems = parser.errors[:5]
    if parser.stack:
        problems.append(f"unclosed tags at the end: {parser.stack[-5:]}")
    if not text.rstrip().endswith("</html>"):
        problems.append(f"HTML does not end with </html>: {text[-100:]!r}")
    return problems


def _text(text: str) -> list[str]:
    # an article's escape sequence must not reach the terminal: it could clear the screen or retitle it
    bad = sorted({repr(c) for c in text if c in "\x1b\x00\x07\x08\x9b"})
    return [f"raw control characters in the text report: {', '.join(bad)}"] if bad else []


def _dates_json(text: str) -> list[str]:
    problems = _json(text, list)
    if problems:
        return problems
    return [f"timex offsets out of order: {row}" for row in json.loads(text)
            if not (isinstance(row, dict) and 0 <= row["start"] <= row["end"])][:3]


_CHECKS = {
    "text": _text, "json": _report_json, "jsonl": _jsonl, "sarif": _sarif, "github": _github, "html": _html,
    "dates-json": _dates_json, "explain-json": lambda text: _json(text, dict),
    "dates-text": _text, "explain-text": _text,
}


def _baseline_problems(path: Path) -> list[str]:
    try:
        baseline_module.load(path)
    except ClaimcheckError as exc:
        return [f"the baseline written cannot be read back: {exc}"]
    return []
