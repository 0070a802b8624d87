"""The claims store: each document's per-document result, kept in SQLite so an unchanged file is not parsed again.

A result is looked up by a key that covers everything it depends on (see
`KeyContext` and `document_key`), so a stale result can never be read: an
edited file, another model, another claimcheck or another alias table is a
different key, and the document is parsed again. An entry's value is never
updated in place, only added; what changes is when it was last used (the
`stored` column), which is what pruning goes by (`store_upkeep`). That keeps
concurrent runs simple: SQLite in WAL mode (readers never wait for a writer),
every write one short transaction, a busy timeout for writers that meet. A
store that cannot be opened, read or written is a warning and the run goes on
without it; it never fails a scan.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import io
import json
import os
import pickle
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from claimcheck import __version__, models
from claimcheck.extract.entities import Aliases
from claimcheck.models import Article, Comparison, DocumentResult, Skipped
from claimcheck.nlp import load_model

# bump when DocumentResult or the records in it change shape: old entries then stop matching any key
SCHEMA = 1
STORE_FILE = "claims.sqlite3"
BUSY_TIMEOUT_S = 30.0  # how long a writer waits for another run's transaction before giving up (a warning)
# an unchanged file is read again within days; an entry nobody used for a month belongs to an edited
# file, an older claimcheck or model, or a folder no longer scanned
CACHE_KEEPS_DAYS = 30
MARK_EVERY_S = 86_400.0  # an entry's last use is written again only when the mark is older than this
_QUERY_CHUNK = 500  # keys per SELECT, below SQLite's limit on bound parameters
SQLITE_HEADER = b"SQLite format 3\0"
T = TypeVar("T")


def default_cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """$XDG_CACHE_HOME/claimcheck, else ~/.cache/claimcheck (the XDG base directory default)."""
    base = environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"  # XDG: a relative value is ignored
    return root / "claimcheck"


@dataclass(frozen=True)
class KeyContext:
    """What every document's result depends on besides the document: one digest per run.

    `acronyms` are those defined anywhere in the scan ("Ministry of Finance (MoF)");
    they enter a document's key only when the document could use them.
    """

    digest: str
    acronyms: tuple[tuple[str, str], ...]


def key_context(model: str, table: Aliases, acronyms: Mapping[str, str]) -> KeyContext:
    parts = [
        f"schema {SCHEMA}", f"claimcheck {__version__} {_code_digest()}", model_identity(model), _table_digest(table),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    # lowercased as Aliases.with_acronyms merges them (the last of "MoF" / "MOF" wins), so that a key holds the
    # expansion the document will actually be read with
    merged = {k.lower(): v for k, v in acronyms.items()}
    return KeyContext(digest, tuple(sorted(merged.items())))


def document_key(article: Article, context: KeyContext) -> str:
    """The key of one article's result.

    Everything of the Article the extraction reads (its id, which claim ids
    and `document` carry, the text, the source for line numbers, the date
    found), not its path (`check` shows corpus paths relative to where the
    drafts are). Of the acronyms defined across the scan, only those whose
    letters occur in this text: a name is looked up in the table by its own
    lowercased letters, so an acronym that does not occur cannot change this
    result, and adding an unrelated article leaves the key as it was.
    """
    lowered = article.text.lower()
    used = [f"{k}={v}" for k, v in context.acronyms if k in lowered]
    hasher = hashlib.sha256(context.digest.encode())
    for field in fields(Article):
        if field.name in ("path", "_line_starts"):
            continue
        hasher.update(f"\0{field.name}\0{getattr(article, field.name)!r}".encode("utf-8", "surrogatepass"))
    hasher.update(b"\0acronyms\0" + "\n".join(used).encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


def article_key(data: bytes, ident: str, rel: str, suffix: str) -> str:
    """The key of what ingest makes of one file's bytes under its name (decoding, page furniture, dates)."""
    hasher = hashlib.sha256(f"schema {SCHEMA}\0article\0claimcheck {__version__} {_code_digest()}".encode())
    hasher.update(f"\0{ident}\0{rel}\0{suffix}\0".encode("utf-8", "surrogatepass") + data)
    return "article " + hasher.hexdigest()


def comparison_key(documents: Sequence[str], articles: Sequence[Article]) -> str:
    """The key of a scan's comparison: the keys of its documents' results in order (each covers the text,
    the model, the code and the aliases), and every article's id and date (an empty article has no key)."""
    hasher = hashlib.sha256(b"comparison\0" + "\n".join(documents).encode())
    for article in articles:
        hasher.update(f"\0{article.id}\0{article.published}\0{article.published_from}".encode("utf-8", "surrogatepass"))
    return "comparison " + hasher.hexdigest()


def model_identity(name: str) -> str:
    """The model and spaCy's version, from the pipeline's meta.json, read without loading the model.

    A name that is no installed pipeline (no meta.json to find) is loaded, so that it fails here with
    the message a scan without the store gives.
    """
    try:
        folder = Path(name) if (Path(name) / "meta.json").is_file() else _package_folder(name)
        meta = (folder / "meta.json").read_bytes()
    except Exception:  # noqa: BLE001 - any way of not finding it: loading the model says what is wrong
        meta = json.dumps(load_model(name).meta, sort_keys=True).encode()
    # the meta names the pipeline and its version; its hash tells two builds of one version apart
    return f"spacy {importlib.metadata.version('spacy')} model {name} {hashlib.sha256(meta).hexdigest()}"


def _package_folder(name: str) -> Path:
    """Where an installed pipeline package is, found without importing it (its __init__ imports spaCy)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(name)
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of claimcheck's own files: the version string does not change with every edit of the rules,
    and a result computed by other code must not be read back."""
    package = Path(__file__).parent
    hasher = hashlib.sha256()
    for file in sorted(package.rglob("*")):
        if file.is_file() and file.suffix in (".py", ".toml", ".json", ".txt"):
            hasher.update(file.relative_to(package).as_posix().encode() + b"\0" + file.read_bytes())
    return hasher.hexdigest()


def _table_digest(table: Aliases) -> str:
    data = {
        "acronyms": sorted(table.acronyms.items()), "titles": sorted(table.titles),
        "canonical": sorted(table.canonical.items()), "demonyms": sorted(table.demonyms.items()),
    }
    return "aliases " + hashlib.sha256(json.dumps(data).encode()).hexdigest()


class ClaimStore:
    """One SQLite file of results by key. Any fault disables it for the rest of the run, with a warning."""

    def __init__(
        self, path: Path, writes: bool = True, forget_after_days: float | None = None, comparisons: bool = True,
    ):
        self.path = Path(path)
        self._writes = writes  # False: results are read, never added (an archive's index, checked against)
        # False: a whole scan's comparison is not kept (a watch compares anew after every edit: each would be
        # kept once and never read again)
        self._comparisons = comparisons
        self._forget_after_days = forget_after_days  # entries unused this long are removed when the run closes it
        self.warnings: list[str] = []
        self._db: sqlite3.Connection | None = None
        self._read: dict[str, float] = {}  # keys read this run, with when each was last marked as used
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit (isolation_level None): transactions are opened explicitly, so a reader holds no lock
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # WAL stays consistent; only the last commits may be lost
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL, stored REAL NOT NULL)"
            )
            if writes:  # a store only read from (an archive checked against) may be on a read-only disk
                # what pruning asks (the entries unused since ...) is answered from the index, without reading
                # the values: `stored` comes after them in a row, on its overflow pages
                self._db.execute("CREATE INDEX IF NOT EXISTS results_by_use ON results (stored)")
        except (sqlite3.Error, OSError) as exc:
            self._give_up("cannot be opened", exc)

    @classmethod
    def in_folder(cls, folder: Path, comparisons: bool = True) -> ClaimStore:
        """The cache of a folder (the user's cache by default): it forgets what no run has used for a while."""
        return cls(Path(folder) / STORE_FILE, forget_after_days=CACHE_KEEPS_DAYS, comparisons=comparisons)

    def get_many(self, keys: Iterable[str], kind: type[T] = DocumentResult) -> dict[str, T]:  # type: ignore[assignment]
        """The stored entries of these keys, each of type `kind` (a document's result by default, or an
        Article, or a Comparison); a missing or unreadable entry is simply not there."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, T] = {}
        if self._db is None:
            return found
        try:
            for start in range(0, len(wanted), _QUERY_CHUNK):
                chunk = wanted[start : start + _QUERY_CHUNK]
                rows = self._db.execute(
                    f"SELECT key, value, stored FROM results WHERE key IN ({','.join('?' * len(chunk))})", chunk,
                ).fetchall()
                for key, value, stored in rows:
                    result = _loads(value, kind)
                    if result is not None:
                        found[key] = result
                        self._read[key] = stored
        except sqlite3.Error as exc:
            self._give_up("cannot be read", exc)
        return found

    def _mark_used(self, before: float) -> None:
        """Entries read are entries in use: pruning removes the ones no run has read for a while. The entries read
        this run whose mark is older than `before` are marked now, in one transaction when the run is done with the
        store (not one per read: ingest reads file by file); a rescan within the day writes nothing."""
        keys = sorted(key for key, stored in self._read.items() if stored < before)
        if self._db is None or not keys or not self._writes:
            return
        now = time.time()
        for key in keys:
            self._read[key] = now
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for start in range(0, len(keys), _QUERY_CHUNK):
                chunk = keys[start : start + _QUERY_CHUNK]
                self._db.execute(
                    f"UPDATE results SET stored = ? WHERE key IN ({','.join('?' * len(chunk))})", [now, *chunk],
                )
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            self._give_up("cannot be written", exc)

    def forget_unused_since(self, moment: float) -> int:
        """Remove the entries no run has read or written since `moment` (seconds since the epoch); how many."""
        self._mark_used(before=moment)
        if self._db is None or not self._writes:
            return 0
        try:
            if self._db.execute("SELECT 1 FROM results WHERE stored < ? LIMIT 1", (moment,)).fetchone() is None:
                return 0  # the usual case: no write, no lock
            removed = self._db.execute("DELETE FROM results WHERE stored < ?", (moment,)).rowcount
        except sqlite3.Error as exc:
            self._give_up("cannot be written", exc)
            return 0
        return removed

    def put_many(self, results: Mapping[str, DocumentResult | Article | Comparison]) -> None:
        if not self._comparisons:
            results = {key: value for key, value in results.items() if not isinstance(value, Comparison)}
        if self._db is None or not results or not self._writes:
            return
        now = time.time()
        rows = [(key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), now) for key, result in results.items()]
        try:
            # IMMEDIATE takes the write lock at once, so two runs wait for each other (busy timeout) instead of
            # failing on a lock upgrade halfway through
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO results (key, value, stored) VALUES (?, ?, ?)", rows)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            self._give_up("cannot be written", exc)

    def replace_archive(self, root: str, articles: Sequence[Article], skipped: Sequence[Skipped]) -> None:
        """Make this store the index of an archive (`claimcheck index`): its folder, articles and skipped files,
        in place of what it held before, in one transaction (a reader sees the old archive or the new one)."""
        if self._db is None:
            return
        rows = [(i, pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)) for i, a in enumerate(articles)]
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("CREATE TABLE IF NOT EXISTS archive (position INTEGER PRIMARY KEY, article BLOB NOT NULL)")
            self._db.execute("CREATE TABLE IF NOT EXISTS archive_meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)")
            self._db.execute("DELETE FROM archive")
            self._db.executemany("INSERT INTO archive (position, article) VALUES (?, ?)", rows)
            meta = [("root", root.encode("utf-8", "surrogatepass")), ("skipped", pickle.dumps(tuple(skipped)))]
            self._db.executemany("INSERT OR REPLACE INTO archive_meta (name, value) VALUES (?, ?)", meta)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            self._give_up("cannot be written", exc)

    def archive(self) -> tuple[str, list[Article], list[Skipped]] | None:
        """The archive this store indexes (its folder, articles in order, skipped files); None when it is none."""
        if self._db is None:
            return None
        try:
            meta = dict(self._db.execute("SELECT name, value FROM archive_meta").fetchall())
            rows = self._db.execute("SELECT article FROM archive ORDER BY position").fetchall()
        except sqlite3.Error:
            return None  # no archive tables: a cache, not an index
        articles = [_loads(value, Article) for (value,) in rows]
        skipped = _loads(meta.get("skipped", b""), tuple)
        if "root" not in meta or skipped is None or any(a is None for a in articles):
            return None
        return meta["root"].decode("utf-8", "surrogatepass"), [a for a in articles if a is not None], list(skipped)

    def close(self) -> None:
        if self._forget_after_days is not None:
            self.forget_unused_since(time.time() - self._forget_after_days * 86_400)
        self._mark_used(before=time.time() - MARK_EVERY_S)
        if self._db is not None:
            self._db.close()
            self._db = None

    def _give_up(self, what: str, exc: BaseException) -> None:
        self.warnings.append(
            f"claims store {self.path} {what} ({type(exc).__name__}: {exc}); going on without it "
            "(delete the file to start a fresh one, or use --no-cache)"
        )
        if self._db is not None:
            self._db.close()
        self._db = None


# what a stored entry may be made of: claimcheck's records and the plain types in them. An entry is
# unpickled with nothing else allowed, so a store file from elsewhere cannot run code when read.
_ALLOWED = {
    *(("claimcheck.models", name) for name, value in vars(models).items() if is_dataclass(value)),
    ("datetime", "date"),
    *(("builtins", name) for name in ("frozenset", "set", "tuple", "list", "dict", "str", "int", "float", "bool")),
}


class _RecordsOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a claimcheck record")
        return super().find_class(module, name)


def _loads(value: bytes, kind: type[T]) -> T | None:
    try:
        result = _RecordsOnly(io.BytesIO(value)).load()
    except Exception:  # noqa: BLE001 - a damaged entry is a miss: the document is parsed again and the entry replaced
        return None
    return result if isinstance(result, kind) else None


class StoredReading:
    """ingest's reader through the store: a file whose bytes and name are unchanged is not decoded and
    cleaned of page furniture again. What it reads fresh is kept by `save`, in one transaction."""

    def __init__(self, store: ClaimStore, read: Callable[[bytes, str, str, str, int], Article | Skipped]):
        self._store, self._read = store, read
        self._fresh: dict[str, Article] = {}

    def __call__(self, data: bytes, ident: str, rel: str, suffix: str, max_bytes: int) -> Article | Skipped:
        if len(data) > max_bytes:  # the limit is not in the key: let the reader say no
            return self._read(data, ident, rel, suffix, max_bytes)
        key = article_key(data, ident, rel, suffix)
        found = self._store.get_many([key], Article).get(key)
        if found is not None:
            return found
        result = self._read(data, ident, rel, suffix, max_bytes)
        if isinstance(result, Article):
            self._fresh[key] = result
        return result

    def save(self) -> None:
        self._store.put_many(self._fresh)
        self._fresh = {}
