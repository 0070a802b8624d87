"""Fuzzing in the suite: generated articles, configurations, baselines and command lines through the CLI.

Properties, for every generated input (tests/fuzz_cases.py, tests/fuzz_strategies.py; checks in
tests/fuzz_checks.py): no exception escapes the runner and none is caught by the CLI's last line of
defence or by the scan's per-document guard; the exit status is 0, 1 or 2; every output parses in its
format (JSON, JSONL, SARIF against the OASIS schema, GitHub workflow commands, HTML that closes what
it opens). Example counts are bounded so the file runs in well under a minute on two cores, and
Hypothesis is derandomized so CI sees the same inputs every run; bench/fuzz.py is the long run.
"""
from __future__ import annotations

import json
import math
import tempfile
import time
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from claimcheck.errors import ConfigError
from claimcheck.extract.entities import load_aliases
from claimcheck.extract.numbers import parse_amount
from claimcheck.extract.scope import _phrase_tokens
from claimcheck.ingest import from_bytes
from claimcheck.line_shapes import segments
from tests.fuzz_cases import (
    REPORT_FORMATS,
    Case,
    alias_file,
    baseline_file,
    cases,
    config_file,
    corpus_files,
    file_name,
)
from tests.fuzz_checks import output_problems, run_case
from tests.fuzz_strategies import ODD_FIGURES, article_bytes, hostile_text, news_figure, story_cast


def fuzz(examples: int):
    """Few examples, the same ones every run (derandomized, no example database), no per-example deadline
    (a scan takes its time). No health check needs suppressing: the strategies draw little and fast."""
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None)


def assert_ok(case: Case) -> None:
    with tempfile.TemporaryDirectory(prefix="claimcheck-fuzz-") as folder:
        outcome = run_case(case, Path(folder))
    problems = "\n\n".join(f"== {category}\n{detail}" for category, detail in outcome.problems)
    assert outcome.ok, f"{outcome.args} exit {outcome.exit_code}\n{problems}\nreplay: {case.to_json()[:3000]}"


# ------------------------------------------------------------------ through the CLI, with the model


@pytest.mark.slow
@fuzz(100)
@given(cases(commands=("scan", "scan", "check")))
def test_scan_and_check_never_crash_and_every_output_parses(case):
    assert_ok(case)


@pytest.mark.slow
@fuzz(40)
@given(cases(commands=("dates", "explain")))
def test_dates_and_explain_never_crash(case):
    assert_ok(case)


@pytest.mark.slow
@fuzz(10)
@given(corpus_files(min_size=2, max_size=3, supported_only=True))
def test_every_renderer_parses_the_same_fuzzed_corpus(corpus):
    for fmt in REPORT_FORMATS:
        assert_ok(Case(command="scan", corpus=corpus, fmt=fmt))


# ------------------------------------------------------------------ before the model: settings files


@fuzz(60)
@given(config_file(), st.booleans())
def test_a_configuration_file_is_read_or_refused_never_a_crash(config, passed):
    # an empty folder: the configuration is read first, then "nothing to scan" ends the run (exit 2)
    assert_ok(Case(command="scan", corpus=(), config=config, config_passed=passed))


@fuzz(40)
@given(baseline_file())
def test_a_baseline_is_read_or_refused_never_a_crash(baseline):
    assert_ok(Case(command="scan", corpus=(), baseline=baseline))


@fuzz(40)
@given(alias_file())
def test_an_alias_file_is_read_or_refused_with_a_message(alias):
    name, data = alias
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            load_aliases([path])
        except ConfigError as exc:
            assert str(path) in str(exc)


# ------------------------------------------------------------------ library stages, fast


@fuzz(150)
@given(story_cast(), file_name(supported_only=True), st.data())
def test_ingest_keeps_offsets_pointing_into_the_file(cast, name, data):
    suffix = "." + name.rsplit(".", 1)[-1].lower()
    article = from_bytes(data.draw(article_bytes(cast, suffix)), "doc", name, suffix)
    if not hasattr(article, "text"):
        assert article.reason  # Skipped, with the reason in words
        return
    if article.source_offsets is None:
        assert len(article.text) == len(article.source)  # furniture blanked, never cut out
    else:
        assert len(article.source_offsets) == len(article.text)
        assert all(0 <= at < max(len(article.source), 1) for at in article.source_offsets)


@fuzz(200)
@given(st.one_of(st.composite(lambda draw: news_figure(draw))(), st.sampled_from(ODD_FIGURES), st.text(max_size=40)))
def test_parse_amount_reads_a_finite_figure_or_says_none(text):
    # "1" and 400 zeros overflows a float: an infinite value would make every comparison with it meaningless
    amount = parse_amount(text)
    if amount is not None:
        assert math.isfinite(amount.number) and amount.step >= 0 and math.isfinite(amount.step)
        assert amount.high is None or math.isfinite(amount.high)


@fuzz(100)
@given(st.data())
def test_segments_split_at_every_bar_of_a_hostile_line(data):
    line = hostile_text(data.draw) + data.draw(st.sampled_from(["", " | ", "•", " - x"])) + hostile_text(data.draw)
    assert not any(bar in part for part in segments(line) for bar in "|•·")


# ------------------------------------------------------------------ regressions found by the fuzzer


def test_a_long_run_of_spaces_splits_in_linear_time():
    # line_shapes.SEGMENTS once backtracked from every space of a run: 16,000 spaces took 10 s
    started = time.perf_counter()
    assert segments("Daily News" + " " * 30_000 + "x") == ["Daily News" + " " * 30_000 + "x"]
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("table", [
    {"acronyms": ["meti"]}, {"titles": ["dr"]}, {"titles": {"words": "dr"}}, {"names": {"groups": [[]]}},
    {"names": {"groups": [[1, 2]]}}, {"names": []}, {"demonyms": {"x": 5}},
], ids=lambda t: json.dumps(t))
def test_an_alias_file_of_the_wrong_shape_is_a_config_error(tmp_path, table):
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps(table))
    with pytest.raises(ConfigError, match="alias file"):
        load_aliases([path])


@pytest.mark.slow
def test_an_alias_file_of_the_wrong_shape_is_exit_2_not_an_internal_error():
    case = Case(command="scan", corpus=(("a.txt", b"The bridge opened in 2019."),),
                aliases=("aliases.json", b'{"names": {"groups": [[]]}}'),
                options=("--aliases", "{root}/corpus/aliases.json"))
    with tempfile.TemporaryDirectory() as folder:
        outcome = run_case(case, Path(folder))
    assert outcome.ok and outcome.exit_code == 2 and "alias file" in outcome.stderr


@pytest.mark.slow
@pytest.mark.parametrize("digit", ["²", "¹", "①"])
def test_a_superscript_digit_where_an_age_goes_is_not_a_document_failure(digit):
    # extract/ages.py once called int() on any str.isdigit() token: "²" is a digit int() refuses
    case = Case(command="scan", corpus=(("a.txt", f"Ingrid Solberg, {digit}, signed the accord in 2023.\n".encode()),),
                fmt="json")
    assert_ok(case)


def test_a_phrase_thousands_of_tokens_deep_is_walked_without_recursion():
    # extract/scope.py walked a phrase by recursion: a parse chain 3,000 deep raised RecursionError
    words = [f"w{i}" for i in range(5000)]
    heads = [min(i + 1, len(words) - 1) for i in range(len(words))]  # each token hangs from the next
    deps = ["dep"] * len(words)
    deps[0] = "relcl"  # a clause off the phrase: left out, and everything it holds with it
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert _phrase_tokens(doc[-1]) == set(range(1, len(words)))


@pytest.mark.slow
def test_a_deep_parse_does_not_lose_the_document():
    text = "The toll rose to 270 on 10 " + "Þ " * 3000 + "November 1998, according to Brightwater Dairy.\n"
    assert_ok(Case(command="scan", corpus=(("a.txt", text.encode()),), fmt="json"))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "sarif", "html"])
@pytest.mark.parametrize("output_file", [False, True], ids=["stdout", "output"])
def test_a_file_name_that_is_not_utf8_is_reported_not_an_internal_error(fmt, output_file):
    # its bytes once reached stories.py, the renderers and --output as lone surrogates: UnicodeEncodeError
    case = Case(command="scan", corpus=(("\udcff.txt", b"The bridge opened in 2019, the council said.\n"),),
                fmt=fmt, output_file=output_file)
    assert_ok(case)


def test_jsonl_lines_end_at_newline_only():
    # a raw U+0085 inside a JSON string is valid JSON; the checker must not cut the line there
    line = json.dumps({"path": "drafts/\x85.md"}, ensure_ascii=False) + "\n"
    assert output_problems("jsonl", line.encode()) == []
    assert output_problems("jsonl", b'{"a": 1}\n{"a": \n') != []


# ------------------------------------------------------------------ found by the fuzzer, open (reported)


@pytest.mark.slow
def test_a_zero_denominator_in_a_duration_does_not_lose_the_document():
    assert_ok(Case(command="scan", corpus=(("a.txt", b"The talks lasted 1/0 years.\n"),), fmt="json"))
