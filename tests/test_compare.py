"""compare() on hand-built claims: no model needed."""
from datetime import date

import pytest

from claimcheck.compare import compare
from claimcheck.models import Claim, DateInterval, Value

YEAR_2023 = DateInterval(date(2023, 1, 1), date(2023, 12, 31), "year")
AUG_2025 = DateInterval(date(2025, 8, 1), date(2025, 8, 31), "month")
YEAR_2025 = DateInterval(date(2025, 1, 1), date(2025, 12, 31), "year")


def claim(doc, start, value, predicate="sign", obj="memorandum", entities=("acme", "beta corp"), **extra):
    return Claim(
        id=f"{doc}:{start}:{value.kind}", document=doc, text=f"sentence {start} of {doc}", start=start,
        end=start + 10, line=start // 10 + 1, value=value, value_start=start, value_end=start + 4,
        predicate=predicate, object=obj, entities=frozenset(entities), **extra,
    )


def date_value(interval, text="x"):
    return Value(kind="date", text=text, interval=interval)


def money(number, text):
    return Value(kind="money", text=text, number=number, unit="USD")


def test_dates_that_do_not_overlap_conflict():
    findings, _ = compare([claim("a", 0, date_value(YEAR_2023, "2023")), claim("b", 0, date_value(AUG_2025, "August 2025"))])
    assert [f.kind for f in findings] == ["date_conflict"]
    assert {c.document for c in findings[0].claims} == {"a", "b"}
    assert "2023" in findings[0].summary and "August 2025" in findings[0].summary


def test_coarser_date_that_contains_finer_agrees():
    findings, _ = compare([claim("a", 0, date_value(YEAR_2025)), claim("b", 0, date_value(AUG_2025))])
    assert findings == []


@pytest.mark.parametrize(
    "change",
    [
        {"predicate": "launch"},  # a different event sharing the same names
        {"obj": "dialogue"},
        {"entities": ("gamma inc",)},  # nobody in common
        {"reported": True},  # the date of a statement, not of the event
    ],
)
def test_different_events_do_not_conflict(change):
    kwargs = {"predicate": "sign", "obj": "memorandum", "entities": ("acme", "beta corp")}
    kwargs.update(change)
    findings, _ = compare([claim("a", 0, date_value(YEAR_2023)), claim("b", 0, date_value(AUG_2025), **kwargs)])
    assert findings == []


def test_a_claim_is_never_compared_with_its_own_sentence():
    findings, _ = compare([claim("a", 0, date_value(YEAR_2023)), claim("a", 0, date_value(AUG_2025))])
    assert findings == []


def test_same_event_dated_twice_in_one_article_conflicts():
    findings, _ = compare([claim("a", 0, date_value(YEAR_2023)), claim("a", 50, date_value(AUG_2025))])
    assert [f.kind for f in findings] == ["date_conflict"]


def test_money_in_different_words_and_magnitudes():
    claims = [
        claim("a", 0, money(2.5e9, "$2.5 billion"), predicate="pay", obj=None, noun="deal"),
        claim("b", 0, money(2.1e9, "2,100 million dollars"), predicate="pay", obj=None, noun="deal"),
    ]
    findings, _ = compare(claims)
    assert [f.kind for f in findings] == ["number_conflict"]


def test_equal_money_is_corroborated_not_a_conflict():
    claims = [
        claim("a", 0, money(1.2e6, "1.2 million dollars"), predicate="pay", noun="deal"),
        claim("b", 0, money(1.2e6, "$1,200,000"), predicate="pay", noun="deal"),
    ]
    findings, corroborations = compare(claims)
    assert findings == []
    assert len(corroborations) == 1 and {c.document for c in corroborations[0].claims} == {"a", "b"}


def test_hedged_figures_are_not_compared():
    claims = [
        claim("a", 0, money(500, "up to $500"), predicate="pay", noun="fine", hedged=True),
        claim("b", 0, money(300, "$300"), predicate="pay", noun="fine"),
    ]
    assert compare(claims)[0] == []


def _count_and_list(doc, stated, items, start=0):
    items = tuple(items)
    listed = Claim(
        id=f"{doc}:{start + 100}:list", document=doc, text="; ".join(items), start=start + 100, end=start + 200,
        line=3, value=Value(kind="list", text="...", number=len(items), items=items), value_start=start + 100,
        value_end=start + 200,
    )
    count = Claim(
        id=f"{doc}:{start}:count", document=doc, text=f"{stated} measures", start=start, end=start + 20, line=2,
        value=Value(kind="count", text=str(stated), number=stated), value_start=start, value_end=start + 2,
        noun="measure", object_text="measures", related=listed.id,
    )
    return [count, listed]


MEASURES = ["higher fuel taxes", "a congestion charge", "new bus lanes", "cheaper rail fares", "more bike parking"]


def test_stated_count_against_its_own_list():
    findings, _ = compare(_count_and_list("a", 6, MEASURES))
    assert [f.kind for f in findings] == ["count_mismatch"]
    assert sorted(c.value.number for c in findings[0].claims) == [5, 6]


def test_count_matching_its_list_is_quiet():
    assert compare(_count_and_list("a", 5, MEASURES))[0] == []


def test_count_against_the_same_list_in_another_article():
    other = _count_and_list("b", 6, MEASURES + ["a new tram line"])[1]
    findings, _ = compare(_count_and_list("a", 5, MEASURES) + [other])
    assert [f.kind for f in findings] == ["count_mismatch"]
    assert {c.document for c in findings[0].claims} == {"a", "b"}


def test_unrelated_list_elsewhere_is_ignored():
    other = _count_and_list("b", 4, ["apples", "pears", "plums", "cherries"])[1]
    assert compare(_count_and_list("a", 5, MEASURES) + [other])[0] == []


def test_name_variant_for_one_event_named_two_ways():
    claims = [
        claim("a", 0, date_value(YEAR_2023), obj="memorandum of cooperation", object_text="a memorandum of cooperation"),
        claim("a", 90, date_value(YEAR_2023), obj="memorandum of understanding", object_text="MoU"),
    ]
    findings, _ = compare(claims)
    assert [f.kind for f in findings] == ["name_variant"]
    assert findings[0].severity == "info"


def test_same_input_same_ids_and_order():
    claims = [claim("a", 0, date_value(YEAR_2023)), claim("b", 0, date_value(AUG_2025))] + _count_and_list("c", 6, MEASURES)
    first, second = compare(claims), compare(list(reversed(claims)))
    assert [f.id for f in first[0]] == [f.id for f in second[0]]


# --------------------------------------------------------------------------- rules added for issue 4


def count(doc, start, number, noun="spectator", predicate="hold", **extra):
    value = Value(kind="count", text=str(number), number=number)
    return claim(doc, start, value, predicate=predicate, obj=noun, noun=noun, **extra)


def test_one_figure_restated_differently_in_one_article_conflicts():
    findings, _ = compare([count("a", 10, 32000), count("a", 500, 30000)])
    assert [f.kind for f in findings] == ["number_conflict"]


def test_sentence_with_several_figures_is_not_a_restatement():
    # "Sales rose 6.2% to $1.45 billion" and "Sales rose 6.7% to $4.27 billion": a change, told per period
    busy = [count("a", 10, 62, noun="sale", predicate="rise"), count("a", 10, 145, noun="sale", predicate="climb")]
    assert compare([*busy, count("a", 500, 67, noun="sale", predicate="rise")])[0] == []


@pytest.mark.parametrize("when_a, when_b, conflict", [
    ((YEAR_2023,), (YEAR_2025,), False),  # revenue in 2023, revenue in 2025: two figures
    ((YEAR_2025,), (AUG_2025,), True),
    ((), (YEAR_2025,), True),
])
def test_figures_for_different_periods_are_not_compared(when_a, when_b, conflict):
    findings, _ = compare([count("a", 10, 410, when=when_a), count("b", 10, 365, when=when_b)])
    assert bool(findings) is conflict


def test_named_objects_must_be_the_same_thing():
    a = claim("a", 10, money(1.2e9, "$1.2 billion"), predicate="acquire", obj="lindqvist optics", noun="price",
              object_is_name=True)
    b = claim("a", 500, money(3e8, "$300 million"), predicate="acquire", obj="maison rive", noun="price",
              object_is_name=True)
    assert compare([a, b])[0] == []


@pytest.mark.parametrize("a_is_name, b_is_name, conflict", [(True, True, False), (True, False, True)])
def test_agent_named_and_described_may_be_one_actor(a_is_name, b_is_name, conflict):
    a = claim("a", 10, date_value(YEAR_2023), agent="nordland", agent_is_name=a_is_name)
    b = claim("b", 10, date_value(AUG_2025), agent="government", agent_is_name=b_is_name)
    assert bool(compare([a, b])[0]) is conflict


def _list(doc, items, start=100):
    items = tuple(items)
    return Claim(
        id=f"{doc}:{start}:list", document=doc, text="; ".join(items), start=start, end=start + 100, line=3,
        value=Value(kind="list", text="...", number=len(items), items=items), value_start=start, value_end=start + 100,
    )


def test_list_mismatch_names_what_each_side_lacks():
    findings, _ = compare([_list("a", MEASURES), _list("b", MEASURES[:4] + ["a new tram line"])])
    assert [f.kind for f in findings] == ["list_mismatch"]
    assert "'more bike parking'" in findings[0].summary and "'a new tram line'" in findings[0].summary


@pytest.mark.parametrize("other", [
    MEASURES[:4],  # a shorter list: the article abbreviates, it does not contradict
    [m.upper() for m in MEASURES],  # the same items written differently
])
def test_lists_that_only_abbreviate_or_reword_are_quiet(other):
    assert compare([_list("a", MEASURES), _list("b", other)])[0] == []


def test_story_names_let_nameless_sentences_meet():
    a = count("a", 10, 27, noun="people", predicate="kill", entities=("peru",))
    b = count("b", 10, 29, noun="people", predicate="kill", entities=("chivay",))
    day = {"a": date(2025, 3, 9), "b": date(2025, 3, 9)}
    assert compare([a, b], day)[0] == []
    story = {"a": frozenset({"peru", "chivay", "arequipa"}), "b": frozenset({"chivay", "arequipa", "peru"})}
    assert [f.kind for f in compare([a, b], day, story=story)[0]] == ["number_conflict"]
    later = {"a": date(2025, 3, 9), "b": date(2025, 3, 15)}
    assert compare([a, b], later, story=story)[0] == []  # six days on, a higher toll is an update
