"""A long fuzz run: N generated inputs through the CLI, counting crashes, timeouts and unparseable outputs.

    python bench/fuzz.py [--count 10000] [--seed 0] [--timeout 5] [--workers 2] [--out test-artifacts/fuzz]
    python bench/fuzz.py --replay test-artifacts/fuzz/internal-error-0003

The inputs come from the strategies tests/test_fuzz.py uses (tests/fuzz_cases.py): folders of articles
(.txt, Markdown, HTML; odd names, encodings, control characters, huge numbers), configuration files,
baselines and command lines for `scan`, `check`, `dates` and `explain` in every format. Each is checked
by tests/fuzz_checks.py. This is not a test: it never fails, it counts.

Throughput: the parent loads the spaCy model once, then forks the workers, so every worker (and every
replacement for one that hung) starts with the model in memory. Hypothesis generates in the parent
while the workers run. Each input has `--timeout` CPU seconds (not wall time: the machine may be shared):
SIGPROF raises inside the worker, which reports where it was stuck and exits (a pipeline interrupted
halfway is not trusted with the next input); a worker that does not answer within a wall-clock grace
period (stuck in C code, where the signal cannot land) is killed. Either way the parent forks a new one.

Every failing input is saved under --out as case.json (replay with --replay), the laid-out files
and problem.txt; at most --keep per distinct failure (same category, exception and place), all counted.
"""
from __future__ import annotations

import os

# one BLAS thread per worker: the workers already use every core, and fork + threaded BLAS can deadlock
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import contextlib  # noqa: E402
import multiprocessing  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
import warnings  # noqa: E402
from collections import Counter  # noqa: E402
from multiprocessing.connection import wait  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from claimcheck.nlp import DEFAULT_MODEL, load_model  # noqa: E402
from tests.fuzz_cases import REPORT_FORMATS, Case, cases  # noqa: E402
from tests.fuzz_checks import layout, run_case  # noqa: E402


# Wall-clock seconds past the soft timeout (which counts CPU time) before a silent worker is killed: on a
# shared machine an input can wait for a core for a while, and only a worker stuck in C code gets here.
def hard_limit(timeout: int) -> float:
    return 4 * timeout + 20


class InputTimeout(BaseException):
    """Raised by SIGPROF. A BaseException, so neither the CLI's guard nor the runner turns it into a result."""


class _Alarm:
    """The soft timeout, in CPU seconds of the worker (ITIMER_PROF), so that other work on the machine does
    not turn a normal input into a timeout. Cython code can swallow an exception raised inside it
    ("Exception ignored in ..."), so the handler also notes where the input was when time ran out and
    fires again every CPU second until the input gives up; an input that finishes late is still a timeout."""

    def __init__(self, seconds: int):
        self.seconds = seconds
        self.where: str | None = None
        signal.signal(signal.SIGPROF, self._fire)

    def start(self) -> None:
        self.where = None
        signal.setitimer(signal.ITIMER_PROF, self.seconds)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0)

    def _fire(self, signum, frame):
        if self.where is None:
            self.where = "".join(traceback.format_stack(frame))
        signal.setitimer(signal.ITIMER_PROF, 1)
        raise InputTimeout()


def worker_loop(conn, timeout: int) -> None:
    alarm = _Alarm(timeout)
    while True:
        case = conn.recv()
        if case is None:
            return
        started = time.perf_counter()
        alarm.start()
        try:
            with tempfile.TemporaryDirectory(prefix="claimcheck-fuzz-") as folder:
                outcome = run_case(case, Path(folder))
            alarm.stop()
        except InputTimeout:
            alarm.stop()
            conn.send(("timeout", None, [("timeout", f"stuck here after {timeout} CPU s:\n{alarm.where}")], "",
                       time.perf_counter() - started))
            return  # halfway through a pipeline: start clean
        except BaseException:  # noqa: BLE001 - anything that got past run_case is itself a finding
            alarm.stop()
            conn.send(("done", None, [("harness error", traceback.format_exc())], "", time.perf_counter() - started))
            continue
        elapsed = time.perf_counter() - started
        if alarm.where is not None:  # the alarm was swallowed, the input finished late: still a timeout
            late = f"finished after {elapsed:.1f} s; at {timeout} CPU s it was here:\n{alarm.where}"
            conn.send(("timeout", outcome.exit_code, [("timeout", late), *outcome.problems], outcome.stderr, elapsed))
            return
        conn.send(("done", outcome.exit_code, outcome.problems, outcome.stderr, elapsed))


class Worker:
    def __init__(self, context, timeout: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_loop, args=(child, timeout), daemon=True)
        self.process.start()
        child.close()
        self.job: tuple[int, Case, float] | None = None  # (input number, case, start time)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.process.join(5)
        self.conn.close()


class Run:
    """The workers, the counts, and the failures saved so far."""

    def __init__(self, workers: int, timeout: int, out: Path, keep: int):
        self.context = multiprocessing.get_context("fork")
        self.timeout, self.out, self.keep = timeout, out, keep
        self.workers = [Worker(self.context, timeout) for _ in range(workers)]
        self.counts: Counter[str] = Counter()
        self.exits: Counter[str] = Counter()
        self.signatures: Counter[str] = Counter()
        self.examples: dict[str, str] = {}
        self.slowest: list[tuple[float, int, str]] = []
        self.fed = 0

    def feed(self, case: Case) -> None:
        while not (free := [w for w in self.workers if w.job is None]):
            self.collect(block=True)
        self.fed += 1
        free[0].job = (self.fed, case, time.perf_counter())
        free[0].conn.send(case)
        self.collect(block=False)

    def collect(self, block: bool) -> None:
        busy = [w for w in self.workers if w.job is not None]
        ready = wait([w.conn for w in busy], timeout=0.5 if block else 0)
        for worker in busy:
            number, case, started = worker.job
            if worker.conn in ready:
                try:
                    status, exit_code, problems, stderr, elapsed = worker.conn.recv()
                except EOFError:  # the worker died without a word (a segfault, the OOM killer)
                    died = [("worker died", f"exit {worker.process.exitcode}")]
                    status, exit_code, problems, stderr = "died", None, died, ""
                    elapsed = time.perf_counter() - started
                self.record(number, case, exit_code, problems, stderr, elapsed)
                worker.job = None
                if status != "done":
                    self.replace(worker, kill=status == "died")
            elif time.perf_counter() - started > hard_limit(self.timeout):
                self.record(number, case, None, [("timeout", "killed: no answer after SIGPROF (stuck in C code?)")], "",
                            time.perf_counter() - started)
                worker.job = None
                self.replace(worker, kill=True)

    def replace(self, worker: Worker, kill: bool) -> None:
        worker.stop(kill=True) if kill else worker.process.join(5)
        self.workers[self.workers.index(worker)] = Worker(self.context, self.timeout)

    def record(self, number: int, case: Case, exit_code, problems, stderr: str, elapsed: float) -> None:
        self.counts["inputs"] += 1
        self.exits[f"{case.command} exit {exit_code}"] += 1
        self.slowest = sorted([*self.slowest, (elapsed, number, case.command)], reverse=True)[:5]
        for category in {category for category, _ in problems}:
            self.counts[category] += 1
        if problems:
            self.counts["failing inputs"] += 1
            category, detail = problems[0]
            signature = f"{category}: {_signature(detail)}"
            self.signatures[signature] += 1
            self.examples.setdefault(signature, detail[-3000:])
            if self.signatures[signature] <= self.keep:
                self.save(number, case, problems, stderr, category)
        if self.counts["inputs"] % 500 == 0:
            print(f"  {self.counts['inputs']} inputs, {self.counts['failing inputs']} failing", flush=True)

    def save(self, number: int, case: Case, problems, stderr: str, category: str) -> None:
        folder = self.out / f"{category.replace(' ', '-')}-{number:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "case.json").write_text(case.to_json(), encoding="utf-8")
        args = layout(case, folder / "files")
        command = " ".join(map(repr, args)) + "\n"
        (folder / "command.txt").write_text(command, encoding="utf-8", errors="backslashreplace")
        report = "\n\n".join(f"== {c}\n{d}" for c, d in problems) + f"\n\n== stderr\n{stderr}"
        (folder / "problem.txt").write_text(report, encoding="utf-8", errors="backslashreplace")

    def close(self) -> None:
        while any(w.job for w in self.workers):
            self.collect(block=True)
        for worker in self.workers:
            worker.stop()


def _signature(detail: str) -> str:
    """The exception line and the innermost claimcheck frame: one bug, however many inputs hit it."""
    frames = re.findall(r'File "[^"]*?(claimcheck/[^"]+)", line (\d+), in (\w+)', detail)
    lines = [line for line in detail.strip().splitlines() if line and not line.startswith(" ")]
    last = re.sub(r"'[^']*'|\d+", "_", lines[-1] if lines else "")[:120]
    return f"{last} at {':'.join(frames[-1]) if frames else '?'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs to feed (default 10,000)")
    parser.add_argument("--seed", type=int, default=0, help="Hypothesis seed: the same seed feeds the same inputs")
    parser.add_argument("--timeout", type=int, default=5, help="CPU seconds per input (default 5)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "fuzz", help="where failing inputs go")
    parser.add_argument("--keep", type=int, default=5, help="inputs saved per distinct failure (all are counted)")
    parser.add_argument("--replay", type=Path,
                        help="run one saved case.json (or its folder) here and print what is wrong")
    args = parser.parse_args()
    # the claims store of this run lives and dies with it: never the user's cache, never a hit from an old run
    store = tempfile.TemporaryDirectory(prefix="claimcheck-fuzz-store-")
    os.environ["CLAIMCHECK_CACHE_DIR"] = store.name
    warnings.simplefilter("ignore")  # Hypothesis and spaCy warnings would drown the counts
    if args.replay:
        replay(args.replay)
        return
    started = time.perf_counter()
    warm_up()  # before the fork: every worker inherits the model and every module already imported
    run = Run(args.workers, args.timeout, args.out, args.keep)

    # Generation only: no shrinking (a failure is saved as found) and no example database; the health
    # checks are off because they judge a test, and here large, slow-to-generate inputs are the point.
    @seed(args.seed)
    @settings(max_examples=args.count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(cases())
    def feed(case: Case) -> None:
        run.feed(case)

    try:
        feed()
    finally:
        run.close()
    report(run, time.perf_counter() - started, args)


def warm_up() -> None:
    """Load the model and run every command once, so that the forked workers start warm and a file another
    engineer is editing mid-run cannot break a worker's first import."""
    load_model(DEFAULT_MODEL)
    corpus = (("a.txt", b"date 2024-03-09\n\nThe bridge opened in 2019, the council said. Five people were hurt.\n"),
              ("b.md", b"# Bridge\n\nThe bridge opened in 2021, the mayor said. Six people were hurt.\n"),
              ("c.html", b"<html><body><p>The bridge opened in 2019.</p></body></html>"))
    warm = [Case(command="scan", corpus=corpus, fmt=fmt) for fmt in REPORT_FORMATS]
    warm += [Case(command=command, corpus=corpus, drafts=corpus[:1], fmt="json")
             for command in ("check", "dates", "explain")]
    for case in warm:
        with tempfile.TemporaryDirectory(prefix="claimcheck-fuzz-") as folder:
            run_case(case, Path(folder))


def report(run: Run, wall: float, args) -> None:
    c = run.counts
    print(f"\nclaimcheck fuzz: seed {args.seed}, {args.workers} workers, {args.timeout} CPU s per input")
    print(f"inputs fed            {c['inputs']}")
    print(f"escaped exceptions    {c['escaped exception']}  (past the CLI runner)")
    print(f"internal errors       {c['internal error']}  (caught by the CLI's guard: exit 2, 'internal error')")
    print(f"document failures     {c['document failure']}  (caught by scan.analyse: a document left unanalysed)")
    print(f"timeouts              {c['timeout']}")
    print(f"unparseable outputs   {c['bad output']}")
    print(f"bad exit codes        {c['bad exit code']}")
    print(f"harness errors        {c['harness error'] + c['worker died']}")
    print(f"failing inputs        {c['failing inputs']}")
    print(f"wall time             {wall:.0f} s ({wall / max(c['inputs'], 1):.2f} s per input)")
    print("exit codes            " + ", ".join(f"{k}: {v}" for k, v in sorted(run.exits.items())))
    print("slowest               " + ", ".join(f"#{n} {cmd} {t:.1f} s" for t, n, cmd in run.slowest))
    if run.signatures:
        print(f"\ndistinct failures (inputs saved under {args.out}):")
        for signature, count in run.signatures.most_common():
            print(f"  {count:5d}  {signature}")


def replay(path: Path) -> None:
    case_file = path / "case.json" if path.is_dir() else path
    case = Case.from_json(case_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="claimcheck-replay-") as folder:
        started = time.perf_counter()
        outcome = run_case(case, Path(folder))
        print(f"{' '.join(map(repr, outcome.args))}\nexit {outcome.exit_code} in {time.perf_counter() - started:.1f} s")
        for category, detail in outcome.problems:
            print(f"== {category}\n{detail}")
        print("no problem" if outcome.ok else f"{len(outcome.problems)} problem(s)")


if __name__ == "__main__":
    main()
