"""Documents -> stories: which articles of a scan report one event.

Two articles report one event when they share what is specific to it: the
names of the people, places and bodies involved, the figures (a toll, a
score, a price) and the words a report of that event uses. Words every
article of a scan uses say nothing, so every term is weighted by how rare it
is among the documents being told apart (IDF).

Grouping is done twice, because what is rare depends on what is being told
apart. First every document of the scan is placed in a broad group (one
topic: two earthquakes, two takeovers) with smoothed weights; then each broad
group is split with weights counted inside that group alone, where the words
of the topic weigh nothing and only what tells one event from the other
counts. Inside each pass, every document is first joined to its nearest
neighbour (short reports are least like anything, yet most like their own
story), then groups are merged while their average similarity stays above a
floor (average-link clustering). After the split, one or two short reports
left apart join the event that clearly holds their best link, and a report
left alone although it names nothing the rest of its broad group does not (no
second event to tell apart, only too few words) joins the part it is most
like.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from claimcheck.extract.entities import NAME_LABELS, Aliases, normalise
from claimcheck.extract.numbers import is_magnitude
from claimcheck.models import DocumentTerms, Story
from claimcheck.story_graph import FRAGMENT, components, join_fragments, sparse_cluster

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAME_WEIGHT = 2.0  # a shared name tells more about the event than a shared word
BROAD_FLOOR = 0.05  # average cosine (smoothed weights) above which documents share a topic
EVENT_FLOOR = 0.05  # average cosine (weights inside the topic) above which they share an event
TERM_BLOCK = 4096  # terms per block of the similarity product: memory stays documents x this
SPLIT_MIN = 3  # a broad group is split only when it has at least this many documents
# up to this many documents a pass compares every pair: the groups as they always were, in 8 MB and about a
# second at 1,000 documents (the largest dev scan, ECB+ whole, has 496). Above it the matrix grows with the
# square (128 MB at 4,000, 80 GB at 100,000), and story_graph clusters a sparse graph instead: the same
# groups when forced on every dev set, one merge in 254 differing on 2,000 articles, near-linear work
DENSE_UP_TO = 1000
_FIGURE = re.compile(r"^\d[\d,./-]*$")
_TRIVIAL_FIGURES = {"1", "2", "3", "one", "two", "three"}
# the day an event happened, which its reports name ("police said on Tuesday"), is as much its own as a figure
# (the day of the month already counts as one): two events of one kind seldom fall on the same day. Dates are
# entities, whose words are otherwise left out
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def document_terms(doc: Doc, aliases: Aliases, skip: Sequence[tuple[int, int]] = ()) -> DocumentTerms:
    """The terms of one parsed article; `skip` holds character spans (page furniture, bylines) to leave out."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}

    starts = doc.to_array("IDX")
    skipped = np.zeros(len(doc), dtype=bool)  # by token: does it start inside a skipped span
    for start, end in skip:
        skipped |= (starts >= start) & (starts < end)

    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS or skipped[ent.start]:
            continue
        key = normalise(ent.text, aliases)
        if not key or "/" in key:
            continue
        shown.setdefault(key, " ".join(ent.text.split()))
        for word in key.split():
            if len(word) > 2:
                counts["n:" + word] += 1  # word by word, so "Reid" meets "Tara Reid"
    for token in doc:
        if skipped[token.i] or token.is_space or token.like_url or "/" in token.text:
            continue
        if _FIGURE.match(token.text) or token.like_num:
            figure = token.lower_.replace(",", "")
            if figure not in _TRIVIAL_FIGURES and not is_magnitude(figure):
                counts["n:#" + figure] += 1  # a toll, a score, a round: the same event gives the same figures
            continue
        if token.lower_ in _WEEKDAYS and token.ent_type_ not in NAME_LABELS:
            counts["n:@" + token.lower_] += 1
            continue
        if token.is_stop or token.is_punct or len(token.text) < 3 or token.ent_type_:
            continue
        if token.pos_ in ("NOUN", "VERB", "ADJ", "PROPN"):
            counts["w:" + token.lemma_.lower()] += 1
    return DocumentTerms(terms=dict(counts), names=shown)


def group_stories(
    documents: Sequence[tuple[str, DocumentTerms]], copies: Mapping[str, str] | None = None
) -> list[Story]:
    """Every document in exactly one story; near-duplicates (`copies`: id -> first copy) always together."""
    if not documents:
        return []
    ids = [doc_id for doc_id, _ in documents]
    bags = [terms.terms for _, terms in documents]
    position = {doc_id: i for i, doc_id in enumerate(ids)}
    copy_of = [position.get((copies or {}).get(doc_id, doc_id), i) for i, doc_id in enumerate(ids)]
    broad = _clusters(bags, copy_of, sharp=False, floor=BROAD_FLOOR)
    groups: list[list[int]] = []
    for members in broad:
        if len(members) < SPLIT_MIN:
            groups.append(members)
            continue
        inside = {i: k for k, i in enumerate(members)}
        inner = _clusters([bags[i] for i in members], [inside.get(copy_of[i], k) for k, i in enumerate(members)],
                          sharp=True, floor=EVENT_FLOOR)
        inner = _place_bare(inner, [bags[i] for i in members])
        groups.extend([members[i] for i in part] for part in inner)
    groups = _join_copies(groups, ids, copies or {})
    stories = [_story([ids[i] for i in sorted(group)], [documents[i][1] for i in group]) for group in groups]
    return sorted(stories, key=lambda s: (-len(s.documents), s.documents))


def _clusters(bags: Sequence[Mapping[str, int]], copy_of: list[int], sharp: bool, floor: float) -> list[list[int]]:
    """Groups of documents by nearest neighbours and average link: over every pair of documents (the N x N
    matrix) up to DENSE_UP_TO documents, above it over the pairs that share a rare term or are copies of one
    text (story_graph; `copy_of`: each document's first copy, or itself)."""
    if len(bags) > DENSE_UP_TO:
        return sparse_cluster(_vectors(bags, sharp)[0], floor, copy_of, SPLIT_MIN if sharp else 0)
    return _cluster(_similarity(bags, sharp), floor, SPLIT_MIN if sharp else 0)


def _place_bare(parts: list[list[int]], bags: Sequence[Mapping[str, int]]) -> list[list[int]]:
    """Documents the split of a broad group left alone, yet with no name or figure of their own, each moved
    to the part it is most alike on average (smoothed weights).

    The split tells events apart by what is specific to each; a report with none of its own (every name and
    figure it has, another report of the group has too) shows no second event, only too few words to be
    near anything once the topic's words weigh nothing: "Rescuers were still digging in Cusco at nightfall."
    """
    groups = [part for part in parts if len(part) > 1]
    alone = [part[0] for part in parts if len(part) == 1]
    if not groups or not alone:
        return parts
    vectors, df = _vectors(bags, sharp=False)
    bare = [i for i in alone if all(df[term] > 1 for term in bags[i] if term.startswith("n:"))]
    # the average cosine with a part is a dot product with the part's summed vector over its size: by term,
    # the parts that use it, so that a document meets only the parts it shares a term with
    by_term: dict[str, list[tuple[int, float]]] = {}
    for k, part in enumerate(groups):
        summed: dict[str, float] = {}
        for i in part:
            for term, w in vectors[i].items():
                summed[term] = summed.get(term, 0.0) + w
        for term, w in summed.items():
            by_term.setdefault(term, []).append((k, w / len(part)))
    placed = [list(part) for part in groups]
    for i in bare:
        alike = np.zeros(len(groups))
        for term, w in vectors[i].items():
            for k, average in by_term.get(term, ()):
                alike[k] += w * average
        if alike.max() > 0:
            placed[int(np.argmax(alike))].append(i)
    moved = {i for part in placed for i in part}
    return [sorted(part) for part in placed] + [[i] for i in alone if i not in moved]


def _vectors(bags: Sequence[Mapping[str, int]], sharp: bool) -> tuple[list[dict[str, float]], Counter[str]]:
    """TF-IDF vectors of unit length, and each term's document frequency; `sharp` weights give terms found in
    every document almost nothing."""
    n = len(bags)
    df = Counter(term for bag in bags for term in bag)
    vectors = []
    for bag in bags:
        weights = {}
        for term, count in bag.items():
            idf = math.log((n + 1) / (df[term] + 0.5)) if sharp else math.log((n + 1) / (df[term] + 1)) + 1
            weights[term] = (1 + math.log(count)) * idf * (NAME_WEIGHT if term.startswith("n:") else 1.0)
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({term: w / norm for term, w in weights.items()})
    return vectors, df


def _similarity(bags: Sequence[Mapping[str, int]], sharp: bool) -> np.ndarray:
    """Cosine similarity of TF-IDF vectors, every pair."""
    n = len(bags)
    vectors, df = _vectors(bags, sharp)
    # the cosine of every pair is a matrix product over the terms documents share (a term of one
    # document adds nothing between two), taken a block of terms at a time to bound the memory
    shared = [term for term, count in df.items() if count > 1]
    sim = np.zeros((n, n))
    for first in range(0, len(shared), TERM_BLOCK):
        block = {term: k for k, term in enumerate(shared[first : first + TERM_BLOCK])}
        matrix = np.zeros((n, len(block)))
        for i, vector in enumerate(vectors):
            for term, w in vector.items():
                k = block.get(term)
                if k is not None:
                    matrix[i, k] = w
        sim += matrix @ matrix.T
    np.fill_diagonal(sim, 0.0)
    return sim


def _cluster(sim: np.ndarray, floor: float, events: int = 0) -> list[list[int]]:
    """Nearest-neighbour links, then average-link merging while the average similarity is at least `floor`;
    with `events` (inside a broad group), fragments joined to the event they clearly belong to
    (story_graph.join_fragments)."""
    n = len(sim)
    if n == 1:
        return [[0]]
    nearest = ((i, int(np.argmax(sim[i]))) for i in range(n))
    clusters = components(n, ((i, j) for i, j in nearest if sim[i, j] >= floor and j != i))
    # average similarity between clusters, kept up to date as they merge (Lance-Williams)
    size = np.array([len(c) for c in clusters], dtype=float)
    member = np.zeros((len(clusters), n))
    for k, cluster in enumerate(clusters):
        member[k, cluster] = 1.0
    between = (member @ sim @ member.T) / np.outer(size, size)
    np.fill_diagonal(between, -np.inf)
    alive = np.ones(len(clusters), dtype=bool)
    while alive.sum() > 1:
        masked = np.where(alive[:, None] & alive[None, :], between, -np.inf)
        flat = int(np.argmax(masked))
        a, b = divmod(flat, len(clusters))
        if masked[a, b] < floor:
            break
        merged = (size[a] * between[a] + size[b] * between[b]) / (size[a] + size[b])
        between[a, :] = merged
        between[:, a] = merged
        between[a, a] = -np.inf
        size[a] += size[b]
        clusters[a] = clusters[a] + clusters[b]
        alive[b] = False
        between[b, :] = -np.inf
        between[:, b] = -np.inf
    groups = [sorted(clusters[i]) for i in range(len(clusters)) if alive[i]]
    if not events:
        return groups
    fragments = [i for group in groups if len(group) <= FRAGMENT for i in group]
    return join_fragments(groups, ((i, j, float(sim[i, j])) for i in fragments for j in range(n) if j != i), floor,
                          events)


def _join_copies(groups: list[list[int]], ids: list[str], copies: Mapping[str, str]) -> list[list[int]]:
    """Near-duplicates are one text: whatever the weights say, they are in one story."""
    position = {doc_id: i for i, doc_id in enumerate(ids)}
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    parent = list(range(len(groups)))

    def root(g: int) -> int:
        while parent[g] != g:
            g = parent[g]
        return g

    for doc_id, lead in copies.items():
        if doc_id in position and lead in position:
            a, b = root(group_of[position[doc_id]]), root(group_of[position[lead]])
            if a != b:
                parent[max(a, b)] = min(a, b)
    joined: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        joined.setdefault(root(g), []).extend(members)
    return list(joined.values())


def _story(documents: list[str], terms: list[DocumentTerms]) -> Story:
    digest = hashlib.sha1("|".join(documents).encode()).hexdigest()[:10]
    return Story(id=f"story-{digest}", label=_label(terms), documents=tuple(documents))


def _label(terms: list[DocumentTerms]) -> str:
    """The names most of the story's documents use, most widely used first: 'Wladimir Klitschko, Tony Thompson'."""
    spread: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for doc in terms:
        for key, text in doc.names.items():
            spread[key] += 1
            shown.setdefault(key, text)
    if not spread:
        return "(no names)"
    top = [key for key, _ in sorted(spread.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))]
    chosen: list[str] = []
    for key in top:
        if any(key in other or other in key for other in chosen):
            continue  # "Klitschko" adds nothing after "Wladimir Klitschko"
        chosen.append(key)
        if len(chosen) == 3:
            break
    return ", ".join(shown[key] for key in chosen)
