"""align() on hand-built claims: which values state one fact."""
from datetime import date

import pytest

from claimcheck.align import align, overlap, same_fact
from claimcheck.list_match import items_meet, same_set
from claimcheck.models import Story
from kit import YEAR_2023, YEAR_2025, claim, figure, on, signed, toll

ONE_STORY = [Story("s", "", ("a", "b"))]
SAME_DAY = {"a": date(2025, 3, 9), "b": date(2025, 3, 9)}


def pairs(claims, stories=ONE_STORY, published=SAME_DAY):
    return {(p.a.id, p.b.id) for p in align(claims, stories, published)}


def test_near_identical_sentences_differing_in_one_value_are_always_paired():
    text = "the plant employs workers in the valley and ships cheese abroad"
    a = claim("a", 0, figure(40, "40"), text)  # no measure, no holder: only the words
    b = claim("b", 0, figure(44, "44"), text)
    [pair] = align([a, b], ONE_STORY, SAME_DAY)
    assert pair.how == "restated" and pair.confidence >= 0.85


def test_the_toll_of_one_story_is_paired_whatever_the_words():
    a = toll("a", 0, 27)
    b = claim("b", 0, figure(29, "29"), "the crash near cusco left dead on the road", measure="dead",
              measured_by="class", counted="people", names=("cusco",))
    assert pairs([a, b]) == {(a.id, b.id)}


def test_another_measure_is_another_fact():
    injured = claim("b", 0, figure(29, "29"), "people were injured when a bus overturned near cusco",
                    measure="injured", measured_by="class", counted="people", predicate="injure", names=("cusco",))
    assert pairs([toll("a", 0, 27), injured]) == set()


def test_different_named_holders_are_two_facts():
    a = claim("a", 0, figure(40e6, "£40m", kind="money", unit="GBP"), "ajax paid for the striker in june",
              measure="price", measured_by="class", holder="ajax", holder_is_name=True, names=("ajax",))
    b = claim("b", 0, figure(50e6, "£50m", kind="money", unit="GBP"), "porto paid for the striker in june",
              measure="price", measured_by="class", holder="porto", holder_is_name=True, names=("porto",))
    assert pairs([a, b]) == set()


def test_figures_of_different_periods_are_two_facts():
    frame = dict(measure="revenue", measured_by="class", holder="acme", holder_is_name=True, names=("acme",))
    a = claim("a", 0, figure(410e6, "$410 million", kind="money", unit="USD"), "acme had revenue in 2023",
              when=(YEAR_2023,), **frame)
    b = claim("b", 0, figure(365e6, "$365 million", kind="money", unit="USD"), "acme had revenue in 2025",
              when=(YEAR_2025,), **frame)
    assert pairs([a, b]) == set()


def test_a_figure_said_twice_in_one_article_is_paired_but_a_breakdown_is_not():
    lead = toll("a", 0, 27)
    box = claim("a", 300, figure(29, "29"), "people were killed in the bus crash", measure="dead", measured_by="class",
                counted="people", predicate="kill", names=("cusco",))
    assert pairs([lead, box], [Story("s", "", ("a",))]) == {(lead.id, box.id)}
    third = claim("a", 600, figure(31, "31"), "people were killed in the crash near cusco", measure="dead",
                  measured_by="class", counted="people", predicate="kill", names=("cusco",))
    assert pairs([lead, box, third], [Story("s", "", ("a",))]) == set()  # three tolls: not one figure restated


def test_same_fact_for_the_pre_publication_check():
    assert same_fact(signed("a", 0, on(YEAR_2023)), signed("b", 0, on(YEAR_2025)))
    other = claim("b", 0, on(YEAR_2025), "acme and beta corp launched a dialogue", measure="launch dialogue",
                  measured_by="event", predicate="launch", object="dialogue", names=("acme", "beta corp"))
    assert not same_fact(signed("a", 0, on(YEAR_2023)), other)


def test_weighted_overlap_counts_rare_words_more():
    weights = {"quake": 3.0, "said": 0.1, "the": 0.0}
    a, b = frozenset({"quake", "said"}), frozenset({"quake", "the"})
    assert overlap(a, b, weights) > overlap(frozenset({"said", "x"}), frozenset({"said", "y"}), weights)


@pytest.mark.parametrize("a, b, meet", [
    ("port resilience", "resilience of ports", True),
    ("seaweed farming", "tram lines", False),
])
def test_items_meet(a, b, meet):
    assert items_meet(a, b) is meet


def test_same_set_needs_most_items_to_meet():
    base = ("port resilience", "fisheries monitoring", "marine protected areas", "coastal flood defence")
    assert same_set(base, base[:3] + ("seaweed farming",))
    assert not same_set(base, ("apples", "pears", "plums", "cherries"))


def test_a_full_name_said_alike_needs_fewer_shared_words_than_a_surname():
    frame = dict(measure="length", measured_by="unit", holder_is_name=True, names=("anderson peters",))
    a = claim("a", 0, figure(84.65, "84.65m", unit="m"), "anderson peters was third with his opening throw",
              holder="anderson peters", **frame)
    b = claim("b", 0, figure(85.64, "85.64m", unit="m"),
              "weber pushed chopra to second with peters third after an attempt", holder="anderson peters", **frame)
    assert pairs([a, b]) == {(a.id, b.id)}
    surname = [claim(c.document, 0, c.value, c.text, holder="peters", **frame) for c in (a, b)]
    assert pairs(surname) == set()


def test_a_year_counted_back_is_not_the_story_s_now():
    from claimcheck.models import DateInterval

    frame = dict(measure="set record", measured_by="event", names=("stockholm",))
    last_year = claim("a", 0, on(DateInterval(date(2024, 1, 1), date(2024, 12, 31), "year"), "last year"),
                      "his national record set in stockholm", anchored=True, **frame)
    earlier = claim("b", 0, on(DateInterval(date(2022, 1, 1), date(2022, 12, 31), "year"), "2022"),
                    "chopra broke the national record he set at stockholm", **frame)
    assert pairs([last_year, earlier]) == {(last_year.id, earlier.id)}
    yesterday = claim("a", 0, on(DateInterval(date(2025, 5, 15), date(2025, 5, 15), "day"), "yesterday"),
                      "his national record set in stockholm", anchored=True, **frame)
    assert pairs([yesterday, earlier]) == set()  # a year before the story's now: an earlier occurrence


def test_places_below_a_country_must_meet():
    frame = dict(measure="strike province", measured_by="event", names=("indonesia",))
    aceh = claim("a", 0, on(YEAR_2023, "2023"), "a strong quake struck the province of aceh",
                 places=frozenset({"indonesia", "aceh"}), **frame)
    papua = claim("b", 0, on(YEAR_2025, "2025"), "a quake measuring 7.2 struck the mountainous province",
                  places=frozenset({"indonesia", "west papua"}), **frame)
    assert pairs([aceh, papua]) == set()
    country_only = claim("b", 0, on(YEAR_2025, "2025"), "a quake measuring 7.2 struck the mountainous province",
                         places=frozenset({"indonesia"}), **frame)
    assert pairs([aceh, country_only])  # a report that names only the country may be telling the same quake


def test_one_event_dated_twice_in_one_sentence_is_left_alone():
    from claimcheck.models import DateInterval

    tuesday = DateInterval(date(2008, 12, 16), date(2008, 12, 16), "day")
    wednesday = DateInterval(date(2008, 12, 17), date(2008, 12, 17), "day")
    frame = dict(measure="issue patch", measured_by="event", names=("microsoft",))
    text = "as it promised microsoft issued an emergency patch"
    both = [claim("a", 0, on(tuesday, "Tuesday"), text, **frame), claim("a", 0, on(wednesday, "today"), text, **frame)]
    other = claim("b", 0, on(wednesday, "Wednesday"), "microsoft issued an emergency patch to fix a flaw", **frame)
    assert not {p for p in pairs(both + [other]) if "b:0:Wednesday" in p}
    assert pairs([both[0], other])  # one date alone is compared


# ------------------------------------------------------------------ copies restating one sentence

WIRE = "the storm flooded homes along the coast and cut power to the valley"


def syndicated(outlets: int, changed: dict[int, int] | None = None, day: date = date(2025, 3, 9)):
    """`outlets` copies of one wire sentence giving 120 homes; `changed` maps an outlet to the figure it prints."""
    docs = [f"o{n:03d}" for n in range(outlets)]
    claims = [claim(doc, 0, figure((changed or {}).get(n, 120)), WIRE, measure="homes", measured_by="class")
              for n, doc in enumerate(docs)]
    return claims, [Story("s", "", tuple(docs))], dict.fromkeys(docs, day)


def examined(monkeypatch, claims, stories, published) -> int:
    from claimcheck import align as align_module

    calls, real = [0], align_module._pairs_of

    def counting(*args, **kwargs):
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(align_module, "_pairs_of", counting)
    align(claims, stories, published)
    return calls[0]


def test_copies_of_a_sentence_are_compared_with_its_first_print_not_with_each_other(monkeypatch):
    few, many = examined(monkeypatch, *syndicated(10)), examined(monkeypatch, *syndicated(40))
    assert many <= 4 * few + 4  # grows with the outlets; every pair of 40 copies would be 780
    [first, *copies] = syndicated(5)[0]
    tied = align([first, *copies], syndicated(5)[1], syndicated(5)[2])
    assert {(p.a.id, p.b.id) for p in tied} == {(c.id, first.id) for c in copies}
    assert all(p.how == "restated" for p in tied)


def test_a_copy_that_prints_another_figure_is_held_against_every_copy_of_the_first():
    from claimcheck.compare import compare

    claims, stories, published = syndicated(30, changed={17: 210})
    [finding] = compare(claims, stories, published)[0]
    assert finding.kind == "number_conflict" and len(finding.claims) == 30  # 29 copies of 120 and the one 210


def test_a_sentence_printed_on_another_day_is_not_taken_for_a_copy(monkeypatch):
    from claimcheck import align as align_module

    tied: list[str] = []
    real = align_module._one_of_each_restatement

    def recording(documents, scan):
        kept, ties = real(documents, scan)
        tied.extend(p.a.document for p in ties)
        return kept, ties

    monkeypatch.setattr(align_module, "_one_of_each_restatement", recording)
    claims, stories, _ = syndicated(3)
    days = {"o000": date(2025, 3, 9), "o001": date(2025, 3, 10), "o002": date(2025, 3, 9)}
    found = {frozenset((p.a.document, p.b.document)) for p in align(claims, stories, days)}
    assert tied == ["o002"]  # o001, a day later, may report a change: it is compared, not tied
    assert found == {frozenset(("o000", "o002")), frozenset(("o000", "o001"))}
