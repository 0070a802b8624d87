import pytest

from claimcheck.extract.numbers import agree, is_hedged, parse_amount


@pytest.mark.parametrize(
    "text, number, unit",
    [
        ("eight", 8, None),
        ("twenty-one", 21, None),
        ("two hundred and fifty", 250, None),
        ("a dozen", 12, None),
        ("12,500", 12500, None),
        ("1.2 million", 1_200_000, None),
        ("1,200,000", 1_200_000, None),
        ("10 trillion yen", 10e12, "JPY"),
        ("$2.5 billion", 2.5e9, "USD"),
        ("2,100 million dollars", 2.1e9, "USD"),
        ("€40m", 40e6, "EUR"),
        ("Rs 231 crore", 2.31e9, "INR"),
        ("35 per cent", 35, "%"),
        ("4.27%", 4.27, "%"),
    ],
)
def test_parse_amount(text, number, unit):
    amount = parse_amount(text)
    assert amount is not None
    assert amount.number == pytest.approx(number)
    assert amount.unit == unit


@pytest.mark.parametrize("text", ["", "several", "the"])
def test_not_a_number(text):
    assert parse_amount(text) is None


def test_lone_m_is_not_million_outside_money():
    assert parse_amount("10m").number == 10


@pytest.mark.parametrize(
    "a, b, a_text, b_text, same",
    [
        (12500, 12500, "12,500", "12500", True),
        (4.27, 4.3, "4.27%", "4.3%", True),
        (4e6, 4e9, "4 million", "4 billion", False),
        (2.5e9, 2.1e9, "$2.5 billion", "2,100 million dollars", False),
        (300, 350, "three hundred", "350", False),
    ],
)
def test_agree(a, b, a_text, b_text, same):
    assert agree(a, b, a_text, b_text) is same


@pytest.mark.parametrize("prefix, hedged", [("up to ", True), ("about ", True), ("more than ", True), ("the ", False)])
def test_hedges(prefix, hedged):
    assert is_hedged(prefix) is hedged
