"""False alarms on real, unrelated news: 12 TimeBank wire stories scanned as one corpus."""
import html
import re
from pathlib import Path

import pytest

from claimcheck.scan import scan

SAMPLE = Path(__file__).resolve().parent / "data" / "timebank"
_TAG = re.compile(r"<[^>]+>")


def as_article(tml: Path) -> str:
    raw = tml.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S).group(1)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    return f"date {dct}\n" + html.unescape(_TAG.sub("", body))


@pytest.mark.slow
def test_unrelated_wire_stories_give_no_findings(tmp_path):
    files = sorted(SAMPLE.glob("*.tml"))
    assert len(files) >= 10
    for tml in files:
        (tmp_path / f"{tml.stem}.txt").write_text(as_article(tml), encoding="utf-8")
    report = scan(tmp_path)
    assert len(report.documents) == len(files)
    assert sum(d.claims for d in report.documents) > 100, "the check means little if nothing is read"
    assert [f.summary for f in report.findings] == []
