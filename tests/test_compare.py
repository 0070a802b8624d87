"""compare() on hand-built claims: stories, alignment and decisions turned into findings (no model needed)."""
from datetime import date

from claimcheck.compare import compare
from claimcheck.models import Claim, Story, Value
from kit import AUG_2025, YEAR_2023, YEAR_2025, claim, money, on, signed, toll

SAME_DAY = {"a": date(2025, 3, 9), "b": date(2025, 3, 9), "c": date(2025, 3, 9)}


def test_dates_that_do_not_overlap_conflict():
    findings, _ = compare([signed("a", 0, on(YEAR_2023, "2023")), signed("b", 0, on(AUG_2025, "August 2025"))])
    assert [f.kind for f in findings] == ["date_conflict"]
    assert {c.document for c in findings[0].claims} == {"a", "b"}
    assert "2023" in findings[0].summary and "August 2025" in findings[0].summary
    assert findings[0].reason and 0 < findings[0].confidence <= 1


def test_coarser_date_that_contains_finer_agrees():
    findings, _ = compare([signed("a", 0, on(YEAR_2025)), signed("b", 0, on(AUG_2025, "August 2025"))])
    assert findings == []


def test_articles_of_two_stories_are_not_compared():
    claims = [signed("a", 0, on(YEAR_2023, "2023")), signed("b", 0, on(AUG_2025, "August 2025"))]
    two = [Story("s1", "one", ("a",)), Story("s2", "other", ("b",))]
    # the sentences name two things in common and say the same: still compared across stories
    assert compare(claims, two)[0]
    distinct = [signed("a", 0, on(YEAR_2023, "2023"), names=("acme",)),
                signed("b", 0, on(AUG_2025, "August 2025"), names=("acme",))]
    assert compare(distinct, two)[0] == []


def test_different_events_do_not_conflict():
    other = claim("b", 0, on(AUG_2025, "August 2025"), "acme and beta corp launched a dialogue",
                  measure="launch dialogue", measured_by="event", predicate="launch", object="dialogue",
                  names=("acme", "beta corp"))
    assert compare([signed("a", 0, on(YEAR_2023)), other])[0] == []


def test_a_claim_is_never_compared_with_its_own_sentence():
    assert compare([signed("a", 0, on(YEAR_2023)), signed("a", 0, on(AUG_2025, "August 2025"))])[0] == []


def test_a_toll_told_differently_on_one_day_conflicts():
    findings, _ = compare([toll("a", 0, 27), toll("b", 0, 29)], published=SAME_DAY)
    assert [f.kind for f in findings] == ["number_conflict"]
    assert "27" in findings[0].summary and "29" in findings[0].summary


def test_a_bound_and_a_figure_inside_it_agree():
    assert compare([toll("a", 0, 20, "at least 20", "at_least"), toll("b", 0, 26)], published=SAME_DAY)[0] == []


def test_one_finding_names_every_copy_of_each_side():
    claims = [toll("a", 0, 27), toll("b", 0, 27), toll("c", 0, 29)]
    findings, _ = compare(claims, published=SAME_DAY)
    assert len(findings) == 1 and {c.document for c in findings[0].claims} == {"a", "b", "c"}


def test_equal_money_is_corroborated_not_a_conflict():
    text = "acme paid for the deal"
    frame = dict(measure="price", measured_by="class", holder="acme", holder_is_name=True, names=("acme",))
    claims = [claim("a", 0, money(1.2e6, "1.2 million dollars"), text, **frame),
              claim("b", 0, money(1.2e6, "$1,200,000"), text, **frame)]
    findings, corroborations = compare(claims, published=SAME_DAY)
    assert findings == []
    assert len(corroborations) == 1 and {c.document for c in corroborations[0].claims} == {"a", "b"}


def test_a_forecast_and_a_report_are_not_a_conflict():
    assert compare([toll("a", 0, 27), toll("b", 0, 40, modality="expected")], published=SAME_DAY)[0] == []


def _count_and_list(doc, stated, items, start=0, partial=""):
    items = tuple(items)
    listed = Claim(
        id=f"{doc}:{start + 100}:list", document=doc, text="; ".join(items), start=start + 100, end=start + 200,
        line=3, value=Value(kind="list", text="...", number=len(items), items=items), value_start=start + 100,
        value_end=start + 200,
    )
    count = claim(doc, start, Value(kind="count", text=str(stated), number=stated), f"{stated} measures",
                  measure="measure", measured_by="noun", counted="measures")
    count = Claim(**{**count.__dict__, "related": listed.id, "partial": partial})
    return [count, listed]


MEASURES = ["higher fuel taxes", "a congestion charge", "new bus lanes", "cheaper rail fares", "more bike parking"]


def test_stated_count_against_its_own_list():
    findings, _ = compare(_count_and_list("a", 6, MEASURES))
    assert [f.kind for f in findings] == ["count_mismatch"]
    assert sorted(c.value.number for c in findings[0].claims) == [5, 6]


def test_count_matching_its_list_is_quiet():
    assert compare(_count_and_list("a", 5, MEASURES))[0] == []


def test_a_list_of_examples_is_not_held_to_its_count():
    assert compare(_count_and_list("a", 9, MEASURES, partial="examples"))[0] == []
    [soft] = compare(_count_and_list("a", 9, MEASURES, partial="include"))[0]  # "these include": maybe partial
    assert soft.kind == "count_mismatch" and soft.confidence < 0.7


def test_count_against_the_same_list_in_another_article():
    other = _count_and_list("b", 6, MEASURES + ["a new tram line"])[1]
    findings, _ = compare(_count_and_list("a", 5, MEASURES) + [other])
    assert [f.kind for f in findings] == ["count_mismatch"]
    assert {c.document for c in findings[0].claims} == {"a", "b"}


def test_unrelated_list_elsewhere_is_ignored():
    other = _count_and_list("b", 4, ["apples", "pears", "plums", "cherries"])[1]
    assert compare(_count_and_list("a", 5, MEASURES) + [other])[0] == []


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


def test_lists_that_only_abbreviate_or_reword_are_quiet():
    assert compare([_list("a", MEASURES), _list("b", MEASURES[:4])])[0] == []
    assert compare([_list("a", MEASURES), _list("b", [m.upper() for m in MEASURES])])[0] == []


def test_same_input_same_ids_and_order():
    claims = [signed("a", 0, on(YEAR_2023)), signed("b", 0, on(AUG_2025, "August 2025"))]
    claims += _count_and_list("c", 6, MEASURES)
    first, second = compare(claims), compare(list(reversed(claims)))
    assert [f.id for f in first[0]] == [f.id for f in second[0]] and first[0]
