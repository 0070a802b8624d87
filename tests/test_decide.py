"""decide() on hand-built pairs: can both values be right?"""
from datetime import date

import pytest

from claimcheck.decide import decide, later_update, unmatched
from claimcheck.models import DateInterval, Value
from kit import AUG_2025, YEAR_2023, YEAR_2025, claim, figure, on, signed, toll

SAME_DAY = {"a": date(2025, 3, 9), "b": date(2025, 3, 9)}


def outcome(a, b, published=SAME_DAY):
    return decide(a, b, published).outcome


@pytest.mark.parametrize("x, y, expected", [
    (YEAR_2023, AUG_2025, "conflict"),
    (YEAR_2025, AUG_2025, "agree"),  # the year contains the month
    (AUG_2025, AUG_2025, "agree"),
])
def test_dates_clash_only_when_their_intervals_do_not_overlap(x, y, expected):
    assert outcome(signed("a", 0, on(x, "x")), signed("b", 0, on(y, "y"))) == expected


@pytest.mark.parametrize("a, b, expected", [
    ((27, "27", "exact"), (29, "29", "exact"), "conflict"),
    ((27, "twenty-seven", "exact"), (27, "27", "exact"), "agree"),
    ((20, "at least 20", "at_least"), (26, "26", "exact"), "agree"),
    ((20, "at least 20", "at_least"), (13, "13", "exact"), "conflict"),
    ((1900, "about 1,900", "about"), (2000, "2,000", "exact"), "agree"),
    ((1900, "about 1,900", "about"), (2300, "2,300", "exact"), "conflict"),
    ((250, "more than 250", "more_than"), (252, "more than 252", "more_than"), "agree"),
])
def test_figures_stand_for_the_range_their_wording_allows(a, b, expected):
    assert outcome(toll("a", 0, a[0], a[1], a[2]), toll("b", 0, b[0], b[1], b[2])) == expected


@pytest.mark.parametrize("a, b, expected", [
    (figure(3.2, "3.2%", kind="percent", unit="%", step=0.1),
     figure(3.16, "3.16%", kind="percent", unit="%", step=0.01),
     "agree"),  # 3.2% is 3.15..3.25
    (figure(3.2, "3.2%", kind="percent", unit="%", step=0.1), figure(3.4, "3.4%", kind="percent", unit="%", step=0.1),
     "conflict"),
    (figure(30, "30 miles", unit="miles"), figure(48, "48km", unit="km"), "agree"),  # converted within a class
    (figure(30, "30 miles", unit="miles"), figure(60, "60km", unit="km"), "conflict"),
    (figure(1000, "1,000 km", unit="km"), figure(620, "620 miles", unit="miles"), "agree"),
    (figure(48, "48km", unit="km"), figure(49, "49km", unit="km"), "conflict"),  # same unit: nothing was rounded
])
def test_rounding_and_units(a, b, expected):
    frame = dict(measure="length", measured_by="class")
    said_a, said_b = claim("a", 0, a, "the bridge is long", **frame), claim("b", 0, b, "the bridge is long", **frame)
    assert outcome(said_a, said_b) == expected


def test_two_bounds_the_same_way_clash_only_in_one_text():
    up_to_400, up_to_600 = toll("a", 0, 400, "up to 400", "up_to"), toll("a", 300, 600, "up to 600", "up_to")
    assert outcome(up_to_400, up_to_600) == "conflict"  # one article restating its own bound differently
    other = toll("b", 0, 600, "up to 600", "up_to")
    assert outcome(up_to_400, other) == "agree"  # two reports' bounds can both be right
    assert decide(up_to_400, other, SAME_DAY, one_text=True).outcome == "conflict"  # one sentence printed twice


def test_a_date_counted_back_from_publication_is_loose():
    from claimcheck.models import DateInterval as I
    ago = Value(kind="date", text="6 months ago", interval=I(date(2011, 5, 1), date(2011, 5, 31), "month"))
    july = Value(kind="date", text="July", interval=I(date(2011, 7, 1), date(2011, 7, 31), "month"))
    assert outcome(signed("a", 0, ago), signed("b", 0, july)) == "agree"
    exact = Value(kind="date", text="May", interval=ago.interval)
    assert outcome(signed("a", 0, exact), signed("b", 0, july)) == "conflict"


def test_a_forecast_is_not_held_against_a_report():
    verdict = decide(toll("a", 0, 27), toll("b", 0, 40, modality="expected"), SAME_DAY)
    assert verdict.outcome == "unrelated" and "expected" in verdict.reason


def test_a_running_count_given_days_later_is_an_update():
    later = {"a": date(2025, 3, 9), "b": date(2025, 3, 15)}
    assert outcome(toll("a", 0, 27), toll("b", 0, 29), later) == "unrelated"
    assert later_update(toll("a", 0, 27), toll("b", 0, 29), later)
    assert outcome(toll("a", 0, 27), toll("b", 0, 29), SAME_DAY) == "conflict"


def test_a_running_count_told_on_another_day_is_an_update():
    next_day = {"a": date(2025, 3, 9), "b": date(2025, 3, 10)}
    assert outcome(toll("a", 0, 27), toll("b", 0, 29), next_day) == "unrelated"
    assert outcome(toll("a", 0, 27), toll("b", 0, 29), SAME_DAY) == "conflict"


def test_a_figure_given_as_a_change_on_another_day_is_a_later_figure():
    next_day = {"a": date(2025, 3, 9), "b": date(2025, 3, 10)}

    def price(doc, number, predicate):
        return claim(doc, 0, figure(number, f"${number:g}", kind="money", unit="USD"), "the share price",
                     measure="price", measured_by="class", predicate=predicate)

    assert outcome(price("a", 3, "trade"), price("b", 4, "rise"), next_day) == "unrelated"
    assert outcome(price("a", 3, "trade"), price("b", 4, "trade"), next_day) == "conflict"


def test_an_age_a_year_apart_in_an_undated_article_may_be_a_birthday():
    def age(doc, years):
        return claim(doc, 0, figure(years, str(years), unit="years"), "simpson", measure="age", measured_by="class",
                     holder="christopher simpson", holder_is_name=True)

    undated = {"a": date(2013, 1, 3), "b": None}
    assert outcome(age("a", 26), age("b", 27), undated) == "unrelated"
    assert outcome(age("a", 26), age("b", 27), SAME_DAY) == "conflict"
    assert outcome(age("a", 26), age("b", 29), undated) == "conflict"


def test_unanchored_weekdays_clash_when_they_differ():
    friday = Value(kind="date", text="Friday", timex="XXXX-WXX-5")
    monday = Value(kind="date", text="Monday", timex="XXXX-WXX-1")
    assert outcome(signed("a", 0, friday), signed("b", 0, monday)) == "conflict"
    assert outcome(signed("a", 0, friday), signed("b", 0, friday)) == "agree"


def test_a_date_of_saying_is_not_held_against_a_date_of_the_event():
    said = signed("b", 0, on(AUG_2025, "August 2025"), statement=True)
    assert outcome(signed("a", 0, on(YEAR_2023)), said) != "conflict"


def test_unmatched_items_of_two_lists():
    assert unmatched(("port resilience", "seaweed farming"), ("Port resilience", "tram lines")) == ["seaweed farming"]


def test_a_day_interval_and_its_year_agree():
    day = DateInterval(date(2025, 8, 29), date(2025, 8, 29), "day")
    assert outcome(signed("a", 0, on(day, "August 29")), signed("b", 0, on(YEAR_2025))) == "agree"
