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
