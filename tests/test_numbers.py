"""Numbers as written in news copy: amounts, units, rounding and qualifiers."""
import pytest

from claimcheck.extract.numbers import parse_amount, qualifier_of, rounding_step, unit_class


@pytest.mark.parametrize(
    "text, number, unit, kind",
    [
        ("eight", 8, None, "number"),
        ("twenty-one", 21, None, "number"),
        ("two hundred and fifty", 250, None, "number"),
        ("a dozen", 12, None, "number"),
        ("12,500", 12500, None, "number"),
        ("1.2 million", 1_200_000, None, "number"),
        ("1,200,000", 1_200_000, None, "number"),
        ("5 billion euros", 5e9, "EUR", "money"),
        ("$2.5 billion", 2.5e9, "USD", "money"),
        ("$2.4bn", 2.4e9, "USD", "money"),
        ("£3bn", 3e9, "GBP", "money"),
        ("€1.5B", 1.5e9, "EUR", "money"),
        ("2,100 million dollars", 2.1e9, "USD", "money"),
        ("€40m", 40e6, "EUR", "money"),
        ("Rs 231 crore", 2.31e9, "INR", "money"),
        ("2.5 lakh", 250_000, None, "number"),
        ("35 per cent", 35, "%", "percent"),
        ("4.27%", 4.27, "%", "percent"),
        ("48km", 48, "km", "number"),
        ("three-quarters", 0.75, None, "number"),
        ("one and a half million", 1.5e6, None, "number"),
    ],
)
def test_parse_amount(text, number, unit, kind):
    amount = parse_amount(text)
    assert amount is not None
    assert (amount.number, amount.unit, amount.kind) == (pytest.approx(number), unit, kind)


@pytest.mark.parametrize("text", ["", "several", "the", "third quarter"])
def test_not_a_number(text):
    assert parse_amount(text) is None


def test_lone_m_is_not_million_outside_money():
    assert parse_amount("10m").number == 10


def test_a_range_keeps_its_high_end_and_magnitude():
    amount = parse_amount("75-100 million")
    assert (amount.number, amount.high) == (75e6, 100e6)


@pytest.mark.parametrize("text, step", [("27", 0.0), ("4.3", 0.1), ("4.27%", 0.01), ("2.5 billion", 0.1e9)])
def test_rounding_step(text, step):
    assert parse_amount(text).step == pytest.approx(step)
    assert rounding_step("27") == 0.0


@pytest.mark.parametrize("before, text, qualifier", [
    ("at least ", "20", "at_least"),
    ("more than ", "250", "more_than"),
    ("up to ", "400", "up_to"),
    ("fewer than ", "10", "less_than"),
    ("", "about 40", "about"),
    ("", "nearly 2,000", "about"),
    ("between ", "20 and 30", "between"),
    ("the ", "27", "exact"),
])
def test_qualifier_of(before, text, qualifier):
    assert qualifier_of(before, text) == qualifier


@pytest.mark.parametrize("unit, cls", [("km", "length"), ("miles", "length"), ("USD", None)])
def test_unit_class(unit, cls):
    assert unit_class(unit) == cls
