"""Every dev figure in one table: the measure of claimcheck on real text.

    python bench/evaluate.py [--shared ../shared] [--news-dev /tmp/news-dev] [--sets ...]
                             [--floors bench/floors.toml --check] [--dump DIR] [--cache DIR]

Runs, in one process with the model loaded once:

- seeds: the founding corpus against its gold (must, should, forbidden);
- fixtures: every corpus under fixtures/ against its gold.json;
- perturbed: ../shared/data/perturbed-dev, each case scanned on its own and
  scored with ../shared/eval/score.py (must recall per category, forbidden);
- ecb: ../shared/data/ecb-dev, each topic scanned on its own: findings,
  cross-event findings (false by construction), story B-cubed per topic;
  then all topics as one corpus (B-cubed whole);
- news: the news-dev clusters rebuilt into --news-dev (see
  ../shared/eval/news-dev/README.md), each scored against its gold;
- timebank: the TimeBank + AQUAINT texts written out as one corpus
  (bench/timebank_corpus.py): every finding there is a candidate false alarm.

The scoring is the shared scripts' own (score.py, score_stories.bcubed,
run_ecb.event_of), imported from --shared, so the figures are theirs.
`--check` compares the figures with the floors in bench/floors.toml and exits
1 when one falls below its floor (or above its ceiling): the ratchet `.ci/run`
runs when ../shared is beside the checkout. `--cache DIR` keeps parsed spaCy
docs between runs, keyed by text and model, so re-running after a change to
the rules costs only the rules (a development aid; the figures are the same).
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimcheck import scan as scan_module  # noqa: E402
from claimcheck.nlp import DEFAULT_MODEL, load_model  # noqa: E402
from claimcheck.report.json_format import as_dict  # noqa: E402

SETS = ("seeds", "fixtures", "perturbed", "ecb", "news", "timebank")


def load_script(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CachedModel:
    """A spaCy pipeline whose parses are kept on disk, keyed by model and text."""

    def __init__(self, nlp, folder: Path):
        self.nlp, self.folder = nlp, folder
        folder.mkdir(parents=True, exist_ok=True)
        meta = nlp.meta
        self.salt = f"{meta.get('name')}-{meta.get('version')}-{'+'.join(nlp.pipe_names)}"

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def _path(self, text: str) -> Path:
        return self.folder / (hashlib.sha1((self.salt + "\0" + text).encode()).hexdigest() + ".spacy")

    def __call__(self, text: str):
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str], batch_size: int = 16, **_kw):
        from spacy.tokens import Doc

        texts = list(texts)
        docs = [None] * len(texts)
        missing = []
        for i, text in enumerate(texts):
            path = self._path(text)
            if path.exists():
                docs[i] = Doc(self.nlp.vocab).from_bytes(path.read_bytes())
            else:
                missing.append(i)
        for i, doc in zip(missing, self.nlp.pipe((texts[i] for i in missing), batch_size=batch_size), strict=True):
            self._path(texts[i]).write_bytes(doc.to_bytes())
            docs[i] = doc
        yield from docs


def scan_json(paths: list[Path]) -> dict:
    report = scan_module.scan(paths if len(paths) > 1 else paths[0])
    return json.loads(json.dumps(as_dict(report), default=str))


class Evaluation:
    def __init__(self, args):
        self.args = args
        self.figures: dict[str, float] = {}
        self.rows: list[tuple[str, str, str]] = []  # (set, figure, value as shown)
        eval_dir = args.shared / "eval"
        self.scorer = load_script(eval_dir / "score.py", "cc_score") if (eval_dir / "score.py").exists() else None
        self.stories = load_script(eval_dir / "score_stories.py", "cc_stories") if self.scorer else None
        self.dump = args.dump
        if self.dump:
            self.dump.mkdir(parents=True, exist_ok=True)

    def record(self, key: str, value: float, shown: str | None = None) -> None:
        self.figures[key] = value
        self.rows.append((key.split(".")[0], key.split(".", 1)[1], shown if shown is not None else _fmt(value)))

    def save(self, name: str, report: dict) -> None:
        if self.dump:
            (self.dump / f"{name}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")

    def score(self, gold: dict, report: dict) -> dict:
        if self.scorer is not None:
            return self.scorer.score(gold, report)
        from tests.gold import score as suite_score  # imported here: needed only without ../shared

        result = suite_score(gold, report)
        return {"expected": [{"id": r.id, "level": r.level, "found": r.found} for r in result.expected],
                "forbidden_hits": result.forbidden_hits, "findings": len(report["findings"])}

    # --- the sets -------------------------------------------------------------------------------

    def seeds(self) -> None:
        gold_path = self.args.shared / "eval" / "seeds.gold.json"
        if not gold_path.exists():
            gold_path = ROOT / "tests" / "data" / "seeds.gold.json"
        report = scan_json([ROOT / "corpus"])
        self.save("seeds", report)
        result = self.score(json.loads(gold_path.read_text(encoding="utf-8")), report)
        must, should = _recall(result, "must"), _recall(result, "should")
        self.record("seeds.must", must[0] / max(must[1], 1), f"{must[0]}/{must[1]}")
        self.record("seeds.should", should[0] / max(should[1], 1), f"{should[0]}/{should[1]}")
        self.record("seeds.forbidden", result["forbidden_hits"])
        self.record("seeds.findings", len(report["findings"]))

    def fixtures(self) -> None:
        found = total = bad = findings = 0
        misses = []
        for folder in sorted(p for p in (ROOT / "fixtures").iterdir() if p.is_dir()):
            report = scan_json([folder])
            result = self.score(json.loads((folder / "gold.json").read_text(encoding="utf-8")), report)
            must = _recall(result, "must")
            found, total = found + must[0], total + must[1]
            bad += result["forbidden_hits"]
            findings += len(report["findings"])
            if must[0] < must[1] or result["forbidden_hits"]:
                misses.append(folder.name)
        self.record("fixtures.must", found / max(total, 1), f"{found}/{total}")
        self.record("fixtures.forbidden", bad)
        if misses and self.args.verbose:
            print(f"fixtures failing: {', '.join(misses)}", file=sys.stderr)

    def perturbed(self) -> None:
        root = self.args.shared / "data" / "perturbed-dev"
        cases = json.loads((self.args.shared / "eval" / "perturbed-dev.gold.json").read_text(encoding="utf-8"))["cases"]
        by_category: dict[str, list[int]] = {}
        for case, gold in sorted(cases.items()):
            report = scan_json([root / case])
            self.save(f"perturbed-{case}", report)
            result = self.score(gold, report)
            must = _recall(result, "must")
            row = by_category.setdefault(case.split("-")[0], [0, 0, 0])
            row[0], row[1], row[2] = row[0] + must[0], row[1] + must[1], row[2] + result["forbidden_hits"]
            if self.args.verbose and (must[0] < must[1] or result["forbidden_hits"]):
                print(f"perturbed {case}: must {must[0]}/{must[1]} forbidden {result['forbidden_hits']} "
                      f"findings {len(report['findings'])}", file=sys.stderr)
        for category, (hit, of, _forbidden) in sorted(by_category.items()):
            if of:
                self.record(f"perturbed.must {category}", hit / of, f"{hit}/{of}")
        hit, of = sum(r[0] for r in by_category.values()), sum(r[1] for r in by_category.values())
        self.record("perturbed.must", hit / max(of, 1), f"{hit}/{of} ({hit / max(of, 1):.2f})")
        self.record("perturbed.forbidden", sum(r[2] for r in by_category.values()))

    def ecb(self) -> None:
        root = self.args.shared / "data" / "ecb-dev"
        event_of = self.stories.event_of
        folders = sorted((p for p in root.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name))
        findings = cross = 0
        tp = tr = tn = 0.0
        lines = []
        for folder in folders:
            report = scan_json([folder])
            self.save(f"ecb-{folder.name}", report)
            for finding in report["findings"]:
                events = {event_of(c["document"]) for c in finding["claims"]}
                findings += 1
                cross += len(events) > 1
                lines.append(f"{'CROSS' if len(events) > 1 else 'same '} {folder.name:>2} {finding['kind']}: "
                             f"{finding['summary']}")
            p, r, n = self.stories.bcubed(self.stories.clusters_of(report))
            tp, tr, tn = tp + p, tr + r, tn + n
        self.record("ecb.findings", findings)
        self.record("ecb.cross-event", cross)
        self.record("ecb.stories F1 per topic", _f1(tp / tn, tr / tn), f"{_f1(tp / tn, tr / tn):.3f} "
                    f"(P {tp / tn:.3f} R {tr / tn:.3f})")
        report = scan_json(folders)
        self.save("ecb-whole", report)
        p, r, n = self.stories.bcubed(self.stories.clusters_of(report))
        self.record("ecb.stories F1 whole", _f1(p / n, r / n), f"{_f1(p / n, r / n):.3f} (P {p / n:.3f} R {r / n:.3f})")
        whole_cross = sum(len({event_of(c["document"]) for c in f["claims"]}) > 1 for f in report["findings"])
        self.record("ecb.cross-event whole", whole_cross)
        if self.args.verbose:
            print("\n".join(lines), file=sys.stderr)

    def news(self) -> None:
        gold_dir = self.args.shared / "eval" / "news-dev"
        texts = self.args.news_dev
        if not texts.is_dir():
            print(f"news: {texts} missing (rebuild it, see {gold_dir}/README.md); skipped", file=sys.stderr)
            return
        found = total = should_found = should_total = bad = findings = 0
        for gold_path in sorted(gold_dir.glob("*.gold.json")):
            cluster = gold_path.name.removesuffix(".gold.json")
            if not (texts / cluster).is_dir():
                print(f"news: {texts / cluster} missing; skipped", file=sys.stderr)
                continue
            report = scan_json([texts / cluster])
            self.save(f"news-{cluster}", report)
            result = self.score(json.loads(gold_path.read_text(encoding="utf-8")), report)
            must, should = _recall(result, "must"), _recall(result, "should")
            found, total, bad = found + must[0], total + must[1], bad + result["forbidden_hits"]
            should_found, should_total = should_found + should[0], should_total + should[1]
            findings += len(report["findings"])
            self.record(f"news.{cluster}", must[0] / max(must[1], 1),
                        f"must {must[0]}/{must[1]} should {should[0]}/{should[1]} forbidden "
                        f"{result['forbidden_hits']} findings {len(report['findings'])}")
        self.record("news.must", found / max(total, 1), f"{found}/{total} ({found / max(total, 1):.2f})")
        self.record("news.should", should_found / max(should_total, 1), f"{should_found}/{should_total}")
        self.record("news.forbidden", bad)
        self.record("news.findings", findings)

    def timebank(self) -> None:
        source = self.args.shared / "data" / "timebank"
        converter = load_script(ROOT / "bench" / "timebank_corpus.py", "cc_timebank")
        with tempfile.TemporaryDirectory() as tmp:
            for tml in sorted(source.rglob("*.tml")):
                (Path(tmp) / f"{tml.stem}.txt").write_text(converter.convert(tml), encoding="utf-8")
            report = scan_json([Path(tmp)])
        self.save("timebank", report)
        self.record("timebank.findings", len(report["findings"]))

    # --- output -----------------------------------------------------------------------------------

    def table(self) -> str:
        lines = ["| set | figure | value |", "| --- | --- | --- |"]
        lines += [f"| {s} | {f} | {v} |" for s, f, v in self.rows]
        return "\n".join(lines)


def _recall(result: dict, level: str) -> tuple[int, int]:
    rows = [r for r in result["expected"] if r["level"] == level]
    return sum(1 for r in rows if r["found"]), len(rows)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.3f}"


def check_floors(figures: dict[str, float], floors_path: Path) -> list[str]:
    """Figures that fell below their floor or rose above their ceiling."""
    table = tomllib.loads(floors_path.read_text(encoding="utf-8"))
    failures = []
    for key, floor in table.get("floor", {}).items():
        if key in figures and figures[key] < floor - 1e-9:
            failures.append(f"{key}: {figures[key]:.3f} is below its floor {floor}")
    for key, ceiling in table.get("ceiling", {}).items():
        if key in figures and figures[key] > ceiling + 1e-9:
            failures.append(f"{key}: {figures[key]:.3f} is above its ceiling {ceiling}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--news-dev", type=Path, default=Path("/tmp/news-dev"))
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, from: {', '.join(SETS)}")
    parser.add_argument("--floors", type=Path, default=ROOT / "bench" / "floors.toml")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure falls below its floor")
    parser.add_argument("--dump", type=Path, help="write every JSON report into this folder")
    parser.add_argument("--cache", type=Path, help="keep parsed docs in this folder between runs")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    parser.add_argument("--verbose", action="store_true", help="list misses and every ECB+ finding on stderr")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    needs_shared = [s for s in wanted if s not in ("seeds", "fixtures")]
    if needs_shared and not (args.shared / "eval" / "score.py").exists():
        print(f"{args.shared} has no eval/score.py: only seeds and fixtures can run", file=sys.stderr)
        wanted = [s for s in wanted if s in ("seeds", "fixtures")]
    if args.cache:
        cached = CachedModel(load_model(args.model), args.cache)
        scan_module.load_model = lambda _name=None: cached
    evaluation = Evaluation(args)
    for name in wanted:
        started = time.perf_counter()
        getattr(evaluation, name)()
        print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(evaluation.table())
    if args.json:
        args.json.write_text(json.dumps(evaluation.figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.check:
        failures = check_floors(evaluation.figures, args.floors)
        for failure in failures:
            print(f"ratchet: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
