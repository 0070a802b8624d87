"""Recall and precision over every fixture corpus and the founding corpus together.

Precision here is the share of reported findings that a gold file expects;
recall is the share of expected findings (must and should) that are reported.
The floors below are the figures measured when they were set: a change that
makes either fall fails here, even when each corpus still passes on its own.
"""
from __future__ import annotations

from pathlib import Path

import pytest

try:
    from gold import load_gold, score
    from test_fixtures import CORPORA, scanned
except ImportError:  # tests/ imported as a package
    from tests.gold import load_gold, score
    from tests.test_fixtures import CORPORA, scanned

MIN_RECALL = 1.0
MIN_PRECISION = 1.0


def totals() -> tuple[int, int, int, int]:
    expected = found = findings = unmatched = 0
    for param in CORPORA:
        folder, gold_path = param.values
        result = score(load_gold(Path(gold_path)), scanned(str(folder)))
        expected += len(result.expected)
        found += sum(row.found for row in result.expected)
        findings += result.findings
        unmatched += result.unmatched
    return expected, found, findings, unmatched


@pytest.mark.slow
def test_recall_and_precision_do_not_fall():
    expected, found, findings, unmatched = totals()
    recall = found / expected
    precision = (findings - unmatched) / findings if findings else 1.0
    assert len(CORPORA) >= 22  # 21 fixtures + the founding corpus, when the floors were set
    assert recall >= MIN_RECALL, f"recall {recall:.3f} ({found}/{expected})"
    assert precision >= MIN_PRECISION, f"precision {precision:.3f} ({findings - unmatched}/{findings})"
