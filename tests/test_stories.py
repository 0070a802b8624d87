"""group_stories() on hand-built term bags; document_terms() on a parsed article (slow)."""
import pytest

from claimcheck import stories
from claimcheck.models import DocumentTerms
from claimcheck.stories import group_stories


def bag(*terms: str) -> DocumentTerms:
    counts: dict[str, int] = {}
    for term in terms:
        counts[term] = counts.get(term, 0) + 1
    return DocumentTerms(terms=counts)


QUAKE = ("w:earthquake", "w:magnitude", "w:strike", "w:kill", "w:rescue", "w:rubble")
TAKEOVER = ("w:acquire", "w:deal", "w:share", "w:billion", "w:company", "w:investor")


def test_two_events_of_one_type_are_two_stories():
    documents = [
        ("a1", bag(*QUAKE, "n:peru", "n:cusco", "n:#27", "w:bus")),
        ("a2", bag(*QUAKE, "n:peru", "n:cusco", "n:#27", "w:road")),
        ("a3", bag(*QUAKE, "n:cusco", "n:#27", "n:peru", "w:village")),
        ("b1", bag(*QUAKE, "n:nepal", "n:kathmandu", "n:#8000", "w:temple")),
        ("b2", bag(*QUAKE, "n:nepal", "n:kathmandu", "n:#8000", "w:everest")),
        ("c1", bag(*TAKEOVER, "n:acme", "n:beta", "n:#2.4")),
        ("c2", bag(*TAKEOVER, "n:acme", "n:beta", "n:#2.4", "w:regulator")),
    ]
    stories = group_stories(documents)
    assert sorted(s.documents for s in stories) == [("a1", "a2", "a3"), ("b1", "b2"), ("c1", "c2")]
    assert len({s.id for s in stories}) == 3


@pytest.mark.parametrize(("own", "joins"), [((), True), (("n:arequipa",), False), (("n:#12",), False)])
def test_a_short_report_left_alone_joins_its_event_unless_it_names_something_of_its_own(own, joins):
    # inside the quakes' group, Cusco and "earthquake" weigh next to nothing, so the short report is near
    # nothing; naming only what the Cusco reports name, it is one of them: a place or figure of its own is
    # the mark of another event, and then it stays a story of its own
    cusco = [(f"a{k}", bag(*QUAKE, "n:peru", "n:cusco", "n:#27", f"w:{word}"))
             for k, word in enumerate(["bus", "road", "village", "church", "market", "school"])]
    nepal = [(f"b{k}", bag(*QUAKE, "n:nepal", "n:kathmandu", "n:#8000", f"w:{word}"))
             for k, word in enumerate(["temple", "everest", "valley"])]
    short = ("s", bag("n:cusco", "w:earthquake", "w:rescuer", "w:dig", "w:nightfall", "w:torch", "w:shift",
                      "w:dust", "w:shout", "w:silence", *own))
    found = sorted(s.documents for s in group_stories([*cusco, *nepal, short]))
    a = tuple(doc_id for doc_id, _ in cusco)
    assert found == ([(*a, "s"), ("b0", "b1", "b2")] if joins else [a, ("b0", "b1", "b2"), ("s",)])


CUSCO = [
    ("a1", bag(*QUAKE, "n:peru", "n:cusco", "n:#27", "w:bus", "w:overturn", "w:mountain")),
    ("a2", bag(*QUAKE, "n:peru", "n:cusco", "n:#27", "w:road", "w:overturn", "w:mountain")),
    ("a3", bag(*QUAKE, "n:cusco", "n:#27", "n:peru", "w:village", "w:mountain", "w:bus")),
    ("a4", bag(*QUAKE, "n:cusco", "n:#27", "n:peru", "w:village", "w:road", "w:overturn")),
]
# two short follow-ups (aftershocks, tents, a cold night): each other's nearest neighbour, and only s1 shares a
# word of its own with the Cusco reports, too little for the pair's average link
FOLLOW_UPS = [("s1", bag("w:earthquake", "w:rescue", "w:mountain", "w:aftershock", "w:tent", "w:night", "w:blanket")),
              ("s2", bag("w:earthquake", "w:rescue", "w:aftershock", "w:tent", "w:night", "w:blanket", "w:cold"))]
NEPAL = [("b1", bag(*QUAKE, "n:nepal", "n:kathmandu", "n:#8000", "w:temple")),
         ("b2", bag(*QUAKE, "n:nepal", "n:kathmandu", "n:#8000", "w:everest")),
         ("b3", bag(*QUAKE, "n:nepal", "n:kathmandu", "n:#8000", "w:temple", "w:everest"))]
NEPAL_MOUNTAIN = [(doc_id, bag(*terms.terms, "w:mountain")) for doc_id, terms in NEPAL]


@pytest.mark.parametrize("dense", [True, False])
@pytest.mark.parametrize(("documents", "expected"), [
    # two events to choose between, and only Cusco's holds the pair's best link: the pair joins it
    (CUSCO + FOLLOW_UPS + NEPAL, [("a1", "a2", "a3", "a4", "s1", "s2"), ("b1", "b2", "b3")]),
    # one event only: nothing tells the pair is not a story of its own
    (CUSCO + FOLLOW_UPS, [("a1", "a2", "a3", "a4"), ("s1", "s2")]),
    # as alike one event as the other: no clear choice
    (CUSCO + FOLLOW_UPS + NEPAL_MOUNTAIN, [("a1", "a2", "a3", "a4"), ("b1", "b2", "b3"), ("s1", "s2")]),
])
def test_a_pair_of_short_reports_joins_the_event_that_clearly_holds_its_best_link(documents, expected, dense,
                                                                                  monkeypatch):
    if not dense:
        monkeypatch.setattr(stories, "DENSE_UP_TO", 0)
    assert sorted(s.documents for s in group_stories(documents)) == expected


def test_every_document_is_in_exactly_one_story():
    documents = [(f"d{i}", bag(f"w:topic{i}", f"n:name{i}")) for i in range(5)]
    stories = group_stories(documents)
    assert sorted(d for s in stories for d in s.documents) == [f"d{i}" for i in range(5)]
    assert all(len(s.documents) == 1 for s in stories)  # nothing in common: five stories


def test_copies_are_always_one_story():
    documents = [("a", bag("w:flood", "n:lagos")), ("b", bag("w:election", "n:accra"))]
    assert len(group_stories(documents)) == 2
    [story] = group_stories(documents, copies={"b": "a"})
    assert story.documents == ("a", "b")


def test_no_documents_no_stories():
    assert group_stories([]) == []


@pytest.mark.slow
def test_document_terms_weigh_names_and_figures_and_skip_furniture():
    from claimcheck.extract.entities import load_aliases
    from claimcheck.nlp import load_model
    from claimcheck.stories import document_terms

    text = "Subscribe now. A bus overturned near Cusco on Friday, killing 27 people, Peruvian police said."
    doc = load_model()(text)
    terms = document_terms(doc, load_aliases(), skip=[(0, len("Subscribe now."))]).terms
    assert "n:cusco" in terms and "n:#27" in terms and "w:overturn" in terms
    assert "n:@friday" in terms  # the day it happened counts with the names and figures
    assert "w:subscribe" not in terms
