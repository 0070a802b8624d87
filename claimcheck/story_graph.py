"""Stories of large scans: the clustering of `stories`, on a sparse graph instead of an N x N matrix.

`stories._cluster` links every document to its nearest neighbour, then merges
groups by average link above a floor, over the cosine of every two documents:
N x N floats and a merge loop over every two groups: 128 MB at 4,000
documents, 80 GB at 100,000. Here the same clustering runs on a sparse graph:

- terms are split by how many documents use them: a term of at most LINK_DF
  documents (a name, a figure, a rare word of the event) is informative; the
  others (words every report uses) are common;
- the informative part of the cosine of every two documents that share such a
  term is summed from the term's postings: at most LINK_DF partners for each
  term of a document, so near-linear work;
- each document's TOP_LINKS partners by that part, and its near-duplicates
  (200 copies of one wire text share only terms too common to link), are its
  links, and only links join documents (nearest neighbour) or groups
  (average link);
- how alike two groups are stays the average over every two of their
  documents, common words included: the informative sums add up group by
  group, and the common part is the dot product of the groups' summed common
  vectors (the summed cosines of two groups are the dot product of their sums);
- inside a broad group, a fragment of one or two documents then joins the
  event holding its best link when that link clearly wins (join_fragments,
  shared with the dense path).

What is left out is a link between documents or groups that share no
informative term, or whose informative part ranks below their TOP_LINKS best:
their similarity comes mostly from the words everyone uses. Forced on every
pass of every scan of bench/evaluate.py (ECB+ whole: 496 documents), on the
500, 1,000 and 4,000 articles of bench/scale.py and on its story of 1,000
varied copies, the groups are the dense path's; on its 2,000
articles one merge differs (253 stories for 254, B-cubed 0.99 against the
dense path). `stories.DENSE_UP_TO` keeps scans of up to 1,000 documents on the
dense path all the same.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

LINK_DF = 100  # a term of more documents than this links no pair (it still counts in every similarity)
TOP_LINKS = 100  # partners per document, by informative similarity, that may join it or its group
CHUNK = 50_000  # pairs per batch of dot products: bounds the memory of a batch
DENSE_CELLS = 20_000_000  # common vectors are kept as a matrix while it has at most this many cells (160 MB)
# after a split, a group of at most FRAGMENT documents joins the event whose best link to it is CLEAR times any
# other event's (see join_fragments)
FRAGMENT = 2
CLEAR = 1.5


class _Rows:
    """Sparse vectors as sorted term ids and weights, with dot products of many pairs at once."""

    def __init__(self, ids: list[np.ndarray], weights: list[np.ndarray], terms: int) -> None:
        self.ids, self.weights, self.terms = ids, weights, max(1, terms)

    def dots(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Dot products of rows left[k] and right[k], a batch of pairs at a time."""
        lengths = np.array([len(row) for row in self.ids], dtype=np.int64)
        starts = np.cumsum(lengths) - lengths
        flat_ids = np.concatenate(self.ids) if self.ids else np.zeros(0, dtype=np.int64)
        flat_weights = np.concatenate(self.weights) if self.weights else np.zeros(0)
        out = np.zeros(len(left))
        for begin in range(0, len(left), CHUNK):
            end = min(len(left), begin + CHUNK)
            keys_l, values_l = _gather(left[begin:end], starts, lengths, flat_ids, flat_weights, self.terms)
            keys_r, values_r = _gather(right[begin:end], starts, lengths, flat_ids, flat_weights, self.terms)
            if not len(keys_r):
                continue
            at = np.minimum(np.searchsorted(keys_r, keys_l), len(keys_r) - 1)
            hit = keys_r[at] == keys_l  # both sorted: a term of the left row found in the right row
            out[begin:end] = np.bincount(keys_l[hit] // self.terms, weights=values_l[hit] * values_r[at[hit]],
                                         minlength=end - begin)
        return out

    def dot(self, a: int, b: int) -> float:
        ids_a, ids_b = self.ids[a], self.ids[b]
        if not (len(ids_a) and len(ids_b)):
            return 0.0
        at = np.minimum(np.searchsorted(ids_b, ids_a), len(ids_b) - 1)
        hit = ids_b[at] == ids_a
        return float(self.weights[a][hit] @ self.weights[b][at[hit]])

    def add(self, a: int, b: int) -> None:
        """Row a becomes the sum of rows a and b (a group's summed vector)."""
        self.ids[a], self.weights[a] = _summed([self.ids[a], self.ids[b]], [self.weights[a], self.weights[b]])


class _Matrix:
    """Vectors over few terms as the rows of a matrix: the same operations as _Rows, in whole-row arithmetic."""

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = matrix

    def dots(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        out = np.zeros(len(left))
        step = max(1, DENSE_CELLS // 10 // max(1, self.matrix.shape[1]))
        for begin in range(0, len(left), step):
            end = min(len(left), begin + step)
            out[begin:end] = np.einsum("ij,ij->i", self.matrix[left[begin:end]], self.matrix[right[begin:end]])
        return out

    def dot(self, a: int, b: int) -> float:
        return float(self.matrix[a] @ self.matrix[b])

    def add(self, a: int, b: int) -> None:
        self.matrix[a] += self.matrix[b]


def _vectors_of(ids: list[np.ndarray], weights: list[np.ndarray], terms: int) -> _Rows | _Matrix:
    """Vectors (term ids 0 .. terms - 1) as a matrix when it is small enough, else as sparse rows."""
    if len(ids) * terms > DENSE_CELLS:
        return _Rows(ids, weights, terms)
    matrix = np.zeros((len(ids), terms))
    for row, (row_ids, row_weights) in enumerate(zip(ids, weights, strict=True)):
        matrix[row, row_ids] = row_weights
    return _Matrix(matrix)


def _summed(ids: list[np.ndarray], weights: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    merged, inverse = np.unique(np.concatenate(ids), return_inverse=True)
    return merged, np.bincount(inverse, weights=np.concatenate(weights), minlength=len(merged))


def _gather(rows: np.ndarray, starts: np.ndarray, lengths: np.ndarray, flat_ids: np.ndarray,
            flat_weights: np.ndarray, terms: int) -> tuple[np.ndarray, np.ndarray]:
    """Every (pair k, term) of the rows as one sorted key k * terms + term, with its weight."""
    counts = lengths[rows]
    at = np.repeat(starts[rows] - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
    keys = np.repeat(np.arange(len(rows), dtype=np.int64), counts) * terms + flat_ids[at]
    return keys, flat_weights[at]


def sparse_cluster(vectors: Sequence[dict[str, float]], floor: float, copy_of: Sequence[int] = (),
                   events: int = 0) -> list[list[int]]:
    """`stories._cluster` on the sparse graph: nearest-neighbour links, then average-link merging while the
    best average similarity of two linked groups is at least `floor`; with `events`, fragments placed as
    join_fragments does.

    `copy_of` gives each document's first near-duplicate (or itself): copies are linked whatever their
    terms, since 200 copies of one wire text share only terms too common to link anything.
    """
    n = len(vectors)
    if n == 1:
        return [[0]]
    term_id: dict[str, int] = {}
    ids, weights = [], []
    for vector in vectors:
        row = np.array([term_id.setdefault(term, len(term_id)) for term in vector], dtype=np.int64)
        order = np.argsort(row)
        ids.append(row[order])
        weights.append(np.array(list(vector.values()), dtype=float)[order])
    df = np.bincount(np.concatenate(ids), minlength=len(term_id)) if term_id else np.zeros(0, dtype=np.int64)
    informative = [df[row] <= LINK_DF for row in ids]
    compact = np.cumsum(df > LINK_DF) - 1  # common terms numbered 0 .. m - 1
    common_ids = [compact[row[~keep]] for row, keep in zip(ids, informative, strict=True)]
    common_weights = [w[~keep] for w, keep in zip(weights, informative, strict=True)]
    common = _vectors_of(common_ids, common_weights, int((df > LINK_DF).sum()))
    left, right, shared = _informative_pairs(
        [row[keep] for row, keep in zip(ids, informative, strict=True)],
        [w[keep] for w, keep in zip(weights, informative, strict=True)], n,
    )
    left, right, shared, copies = _with_copies(left, right, shared, copy_of, n)
    links = np.union1d(_top_links(n, left, right, shared), copies)
    sims = shared[links] + common.dots(left[links], right[links])
    clusters = _nearest_neighbours(n, left[links], right[links], sims, floor)
    merged = _Merging(clusters, _group_sums(clusters, common_ids, common_weights, common), floor).run(
        left, right, shared, links)
    if not events:
        return merged
    return join_fragments(merged, zip(left[links].tolist(), right[links].tolist(), sims.tolist(), strict=True),
                          floor, events)


def join_fragments(clusters: list[list[int]], links: Iterable[tuple[int, int, float]], floor: float, events: int
                   ) -> list[list[int]]:
    """Each group of at most FRAGMENT documents joins the event (a group of `events` documents or more) holding
    its best link (`links`: document pairs and their similarity), when that link is at least `floor` and CLEAR
    times its best link into any other event.

    Two short reports of one event are each other's nearest neighbour, and their average with the event's
    other reports is held down by whichever says least; what the nearest-neighbour step does for one report
    is done for the pair, but only where the split found events to choose between and one clearly wins: a
    pair beside a single event, or alike two events, may well be a story of its own.
    """
    cluster_of = {i: c for c, members in enumerate(clusters) for i in members}
    best: dict[int, dict[int, float]] = {}  # fragment -> event -> its best link into the event
    for i, j, sim in links:
        for mine, other in ((i, j), (j, i)):
            c, event = cluster_of[mine], cluster_of[other]
            if len(clusters[c]) <= FRAGMENT and len(clusters[event]) >= events:
                known = best.setdefault(c, {})
                known[event] = max(sim, known.get(event, sim))
    choices = sum(len(members) >= events for members in clusters)
    joins = []
    for c, known in best.items():
        if choices - (len(clusters[c]) >= events) < 2:
            continue  # a single event to join: nothing tells the pair is not a story of its own
        event = min(known, key=lambda e: (-known[e], e))
        rest = max((sim for e, sim in known.items() if e != event), default=0.0)
        if known[event] >= floor and known[event] >= CLEAR * max(rest, 0.0):
            joins.append((c, event))
    if not joins:
        return clusters
    joined = components(len(clusters), joins)
    return [sorted(i for c in group for i in clusters[c]) for group in joined]


def _group_sums(clusters: list[list[int]], ids: list[np.ndarray], weights: list[np.ndarray],
                common: _Rows | _Matrix) -> _Rows | _Matrix:
    """Each group's summed common vector, kept as the documents' are."""
    if isinstance(common, _Matrix):
        return _Matrix(np.stack([common.matrix[members].sum(axis=0) for members in clusters]))
    sums = _Rows([], [], common.terms)
    for members in clusters:
        row_ids, row_weights = _summed([ids[i] for i in members], [weights[i] for i in members])
        sums.ids.append(row_ids)
        sums.weights.append(row_weights)
    return sums


def _informative_pairs(ids: list[np.ndarray], weights: list[np.ndarray], n: int
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair (i, j), i < j, of documents sharing informative terms, and the sum over those terms."""
    every = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(n), [len(row) for row in ids])
    values = np.concatenate(weights) if weights else np.zeros(0)
    order = np.lexsort((owner, every))  # by term, then document
    every, owner, values = every[order], owner[order], values[order]
    starts = np.flatnonzero(np.r_[True, every[1:] != every[:-1]]) if len(every) else np.zeros(0, dtype=np.int64)
    counts = np.diff(np.r_[starts, len(every)])
    keys, products = [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    for size in range(2, LINK_DF + 1):  # the terms of one document frequency at once: a table of postings
        first = starts[counts == size]
        if not len(first):
            continue
        at = first[:, None] + np.arange(size)
        upper, lower = np.triu_indices(size, 1)
        keys.append((owner[at][:, upper] * n + owner[at][:, lower]).ravel())
        products.append((values[at][:, upper] * values[at][:, lower]).ravel())
    unique, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    return unique // n, unique % n, np.bincount(inverse, weights=np.concatenate(products), minlength=len(unique))


def _with_copies(left: np.ndarray, right: np.ndarray, shared: np.ndarray, copy_of: Sequence[int], n: int
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The pairs with each document's pair to its first copy added (sharing no informative term, a pair's
    informative sum is 0), and the indices of those copy pairs."""
    firsts = np.asarray(copy_of, dtype=np.int64)
    if not len(firsts):
        return left, right, shared, np.zeros(0, dtype=np.int64)
    mine = np.arange(n)
    keep = firsts != mine
    wanted = np.unique(np.minimum(firsts, mine)[keep] * n + np.maximum(firsts, mine)[keep])
    known = left * n + right
    missing = np.setdiff1d(wanted, known, assume_unique=True)
    keys = np.concatenate([known, missing])
    order = np.argsort(keys, kind="stable")
    keys, shared = keys[order], np.concatenate([shared, np.zeros(len(missing))])[order]
    return keys // n, keys % n, shared, np.searchsorted(keys, wanted)


def _top_links(n: int, left: np.ndarray, right: np.ndarray, shared: np.ndarray) -> np.ndarray:
    """Indices of the pairs among each document's TOP_LINKS best partners (by informative similarity)."""
    pair = np.concatenate([np.arange(len(left)), np.arange(len(left))])
    rows = np.concatenate([left, right])
    # one sort key: the row, then the informative similarity (0..1) downwards
    order = np.argsort(rows * 2.0 + (1.0 - np.minimum(shared[pair], 1.0)), kind="stable")
    rows, pair = rows[order], pair[order]
    first = np.searchsorted(rows, rows, side="left")
    return np.unique(pair[np.arange(len(rows)) - first < TOP_LINKS])


def _nearest_neighbours(n: int, left: np.ndarray, right: np.ndarray, sims: np.ndarray, floor: float
                        ) -> list[list[int]]:
    """Each document joined to its most similar linked document (the first of equals), when at least `floor`."""
    rows, cols, values = np.r_[left, right], np.r_[right, left], np.r_[sims, sims]
    order = np.lexsort((cols, -values, rows))  # per row: highest similarity first, then lowest column
    rows, cols, values = rows[order], cols[order], values[order]
    firsts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]).tolist() if len(rows) else []
    return components(n, ((int(rows[k]), int(cols[k])) for k in firsts if values[k] >= floor))


def components(n: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The groups `links` join among n items (union-find), each in item order, ordered by their first item."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


class _Merging:
    """Average-link merging of linked groups, with every pair's summed similarity kept up to date."""

    def __init__(self, clusters: list[list[int]], sums: _Rows | _Matrix, floor: float) -> None:
        self.clusters, self.floor = clusters, floor
        self.size = [len(c) for c in clusters]
        self.alive = [True] * len(clusters)
        self.sums = sums  # each group's summed common vector
        self.informative: dict[int, dict[int, float]] = defaultdict(dict)  # group -> group -> informative sum
        self.linked: dict[int, dict[int, float]] = defaultdict(dict)  # group -> linked group -> whole sum
        self.heap: list[tuple[float, int, int]] = []

    def run(self, left: np.ndarray, right: np.ndarray, shared: np.ndarray, links: np.ndarray) -> list[list[int]]:
        k = len(self.clusters)
        cluster_of = np.empty(sum(self.size), dtype=np.int64)
        for index, members in enumerate(self.clusters):
            cluster_of[members] = index
        a, b = cluster_of[left], cluster_of[right]
        keys = np.minimum(a, b) * k + np.maximum(a, b)
        across = a != b
        unique, inverse = np.unique(keys[across], return_inverse=True)
        for key, value in zip(unique.tolist(), np.bincount(inverse, weights=shared[across]).tolist(), strict=True):
            self.informative[key // k][key % k] = self.informative[key % k][key // k] = value
        linked = np.unique(keys[links][across[links]])
        first, second = linked // k, linked % k
        whole = self.sums.dots(first, second)
        for x, y, value in zip(first.tolist(), second.tolist(), whole.tolist(), strict=True):
            self.linked[x][y] = self.linked[y][x] = self.informative[x].get(y, 0.0) + value
            self.heap.append((-self.linked[x][y] / (self.size[x] * self.size[y]), x, y))
        heapq.heapify(self.heap)
        while self.heap:
            negative, x, y = heapq.heappop(self.heap)
            if not (self.alive[x] and self.alive[y]) or y not in self.linked[x]:
                continue
            if -negative != self.linked[x][y] / (self.size[x] * self.size[y]):
                continue  # an older entry for this pair: its groups have grown since
            if -negative < self.floor:
                break
            self.merge(x, y)
        return [sorted(self.clusters[i]) for i in range(k) if self.alive[i]]

    def merge(self, a: int, b: int) -> None:
        """Group b joins group a (a < b, as the dense loop keeps the lower index): sums add up (Lance-Williams)."""
        linked = {c: self._whole(a, c) + self._whole(b, c)
                  for c in sorted((self.linked[a].keys() | self.linked[b].keys()) - {a, b})}
        small, large = sorted((self.informative.pop(a, {}), self.informative.pop(b, {})), key=len)
        for c, value in small.items():  # the smaller map is added into the larger: each entry moves O(log n) times
            large[c] = large.get(c, 0.0) + value
        large.pop(a, None)
        large.pop(b, None)
        for c, value in large.items():
            self.informative[c].pop(b, None)
            self.informative[c][a] = value
        self.informative[a] = large
        for c in self.linked.pop(b, {}):
            self.linked[c].pop(b, None)
        self.sums.add(a, b)
        self.clusters[a] = self.clusters[a] + self.clusters[b]
        self.size[a] += self.size[b]
        self.alive[b] = False
        self.linked[a] = linked
        for c, value in linked.items():
            self.linked[c][a] = value
            x, y = min(a, c), max(a, c)
            heapq.heappush(self.heap, (-value / (self.size[x] * self.size[y]), x, y))

    def _whole(self, x: int, c: int) -> float:
        """Summed similarity of two groups, from the kept sums or, for two groups never linked, anew."""
        if c in self.linked[x]:
            return self.linked[x][c]
        return self.informative[x].get(c, 0.0) + self.sums.dot(x, c)
