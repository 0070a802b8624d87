"""A small newsroom for the pre-publication workflow tests: a corpus and drafts, written to a temp folder.

The corpus agrees with itself on one fact (an acquisition: June 2023 / 2023)
and contradicts itself on another (a creamery opened in 2001 / 1998). Each
draft is built to meet the corpus one way: contradict it, agree with it, take
a side in its own disagreement, or contradict only itself.
"""
from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = {
    "wire.txt": """date 2024-09-10
Halvorsen Foods to close two Irish dairy plants
By Ingrid Solberg

Halvorsen Foods completed its acquisition of Brightwater Dairy in June 2023, paying $640 million for the Irish cheese maker.
The plants in Mallow and Fermoy will shut by the end of March 2025, the company said.
""",  # noqa: E501 - article text, one paragraph a line as the tests read it
    "daily.txt": """date 2024-09-11
Jobs to go at Brightwater dairies
By Ciaran Walsh

Halvorsen Foods completed its acquisition of Brightwater Dairy in 2023, and workers were promised that both plants were safe.
Brightwater Dairy opened its Mallow creamery in 2001, the company said.
""",  # noqa: E501 - article text, one paragraph a line as the tests read it
    "weekly.txt": """date 2024-09-12
A town and its creamery
By Aoife Byrne

Brightwater Dairy opened its Mallow creamery in 1998 with 40 workers.
""",
}

ACQUISITION_2021 = (
    "Halvorsen Foods completed its acquisition of Brightwater Dairy in 2021, paying $640 million for the cheese maker."
)

DRAFTS = {
    "contradicts.md": f"# Dairy closures\n\n{ACQUISITION_2021}\n",
    "agrees.md": "# Dairy closures\n\nHalvorsen Foods completed its acquisition of Brightwater Dairy in June 2023.\n",
    "creamery.md": "# Creamery history\n\nBrightwater Dairy opened its Mallow creamery in 1998.\n",
    "self.md": "# Union demands\n\nThe union gave three reasons for the strike: pay, pensions, staffing and safety.\n",
}


def write_newsroom(root: Path) -> Path:
    for name, text in CORPUS.items():
        (root / "corpus").mkdir(parents=True, exist_ok=True)
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    for name, text in DRAFTS.items():
        (root / "drafts").mkdir(parents=True, exist_ok=True)
        (root / "drafts" / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _own_claims_store(tmp_path_factory, monkeypatch):
    """Every test gets an empty claims store of its own, never the user's cache: no test sees what another
    stored, and a test that makes the pipeline fail on purpose is not answered from the store. Worker
    processes only where a test asks for them (--jobs), since each loads the model."""
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("claims-store")))
    monkeypatch.setenv("CLAIMCHECK_JOBS", "1")


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch) -> Path:
    """A fresh corpus/ and drafts/ in the current folder, so drafts can be named by relative paths."""
    write_newsroom(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path
