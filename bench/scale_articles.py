"""The articles bench/scale.py scans: a pool of distinct real articles, recombined ones past it, and one story
of many varied copies. See bench/scale.py for what each is for."""
from __future__ import annotations

import hashlib
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".txt", ".md", ".html", ".htm"}
SEED = 11


def gather_pool(shared: Path) -> list[tuple[str, bytes]]:
    """(file name, content) of every distinct real article at hand, in a fixed order.

    Files are taken as bytes: decoding them (some are not UTF-8) is the scan's own work."""
    found: list[tuple[str, bytes]] = []
    perturbed = shared / "data" / "perturbed-dev"
    for path in sorted(perturbed.glob("*/a.txt")) if perturbed.is_dir() else []:
        found.append((f"perturbed-{path.parent.name}.txt", path.read_bytes()))
    timebank = shared / "data" / "timebank"
    if timebank.is_dir():
        sys.path.insert(0, str(ROOT / "bench"))
        from timebank_corpus import convert  # the evaluation's own conversion of TimeML to an article

        found += [(f"timebank-{tml.stem}.txt", convert(tml).encode()) for tml in sorted(timebank.rglob("*.tml"))]
    ecb = shared / "data" / "ecb-dev"
    for path in sorted(ecb.rglob("*.txt")) if ecb.is_dir() else []:
        found.append((f"ecb-{path.name}", path.read_bytes()))
    for folder in (ROOT / "fixtures", ROOT / "corpus"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in SUFFIXES):
            name = "-".join(path.relative_to(ROOT).parts)
            found.append((name, path.read_bytes()))
    seen: set[str] = set()
    distinct = []
    for name, text in found:
        digest = hashlib.sha1(text).hexdigest()
        if text.strip() and digest not in seen:
            seen.add(digest)
            distinct.append((name, text))
    return distinct


def recombined(pool: list[tuple[str, bytes]], count: int, seed: int = SEED) -> list[tuple[str, bytes]]:
    """`count` distinct articles, each made of runs of paragraphs from three articles of the pool."""
    rng = random.Random(seed)
    plain = [text.decode("utf-8", errors="replace") for name, text in pool if name.endswith(".txt")]
    paragraphs = [[p for p in text.split("\n\n") if p.strip()] for text in plain]
    paragraphs = [ps for ps in paragraphs if len(ps) >= 3]
    made: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    while len(made) < count:
        parts = []
        for source in rng.sample(paragraphs, 3):
            run = max(1, len(source) // 3)
            start = rng.randrange(0, len(source) - run + 1)
            parts += source[start : start + run]
        text = "\n\n".join(parts) + "\n"
        if text not in seen:
            seen.add(text)
            made.append((f"recombined-{len(made):05d}.txt", text.encode()))
    return made


def articles_for(size: int, pool: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The first `size` articles of the shuffled pool, then recombined ones: each size holds the smaller."""
    shuffled = list(pool)
    random.Random(SEED).shuffle(shuffled)
    chosen = shuffled[:size]
    return chosen + recombined(pool, size - len(chosen)) if size > len(chosen) else chosen


PARAGRAPH = 100  # characters: a line this long is prose a copy may leave out
_NUMBER = re.compile(r"\b\d[\d,]*\b")


def story_variants(folder: Path, count: int, seed: int = SEED) -> list[tuple[str, bytes]]:
    """`count` outlets' copies of the articles of one story (`folder`), each copy varied.

    Copy k of an article drops a paragraph now and then (p = 0.1; headings and list items stay:
    a list cut differently in every copy makes a finding of every two copies), changes a figure
    now and then (p = 0.05: one more), and opens with its own outlet line: syndicated copies of
    a few wire texts, the way one big story fills an archive (near-duplicates, and conflicts
    among them).
    """
    rng = random.Random(seed)
    sources = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".txt")
    texts = [p.read_text(encoding="utf-8") for p in sources]
    made = []
    for k in range(count):
        lines = texts[k % len(texts)].splitlines()
        kept = [line for line in lines if len(line) < PARAGRAPH or rng.random() >= 0.1]
        varied = [_NUMBER.sub(lambda m: _bumped(m.group(0), rng), line) for line in kept]
        made.append((f"outlet-{k:05d}.txt", (f"Outlet {k} staff report\n" + "\n".join(varied) + "\n").encode()))
    return made


def _bumped(figure: str, rng: random.Random) -> str:
    if rng.random() >= 0.05:
        return figure
    return str(int(figure.replace(",", "")) + 1)
