"""extract_claims on real sentences: what each value is about (slow: loads the model)."""
from datetime import date

import pytest

from claimcheck.extract.claims import extract_claims
from claimcheck.extract.entities import load_aliases
from claimcheck.models import make_article
from claimcheck.timex import tag_dates

pytestmark = pytest.mark.slow
DCT = date(2025, 3, 2)


@pytest.fixture(scope="module")
def nlp():
    from claimcheck.nlp import load_model

    return load_model()


def claims_of(nlp, text):
    article = make_article(id="a", path="a.txt", source=text, text=text, blocks=(), published=DCT)
    doc = nlp(text)
    return extract_claims(article, doc, tag_dates(doc, DCT), load_aliases())


def the(claims, value_text):
    found = [c for c in claims if c.value.text == value_text]
    assert found, [c.value.text for c in claims]
    return found[0]


@pytest.mark.parametrize("text, value, predicate, obj", [
    # subject relative, passive: the antecedent was built
    ("The Casco Star, which was built in 2009 at a shipyard in Louisiana, sank.", "2009", "build", "casco star"),
    # participial opener: the main clause's subject was born
    ("Born in Szeged in 1942, Varga studied at the Liszt Academy.", "1942", "bear", "varga"),
    # object relative: the antecedent is what was signed, not the signers
    ("Farmers welcomed the Arden Water Treaty, which Nordland and Sudmark signed in Ostborg on February 10, 2025.",
     "February 10, 2025", "sign", "arden water treaty"),
    # noun synonyms: negotiations are talks
    ("Negotiations started in 2014, when a drought hit farms in the south.", "2014", "launch", "talk"),
])
def test_event_of_a_date(nlp, text, value, predicate, obj):
    found = the(claims_of(nlp, text), value)
    assert (found.frame.predicate, found.frame.object) == (predicate, obj)
    assert found.frame.measure == f"{predicate} {obj}" and found.frame.measured_by == "event"


def test_bare_definite_noun_refers_to_the_one_thing_of_its_kind_named_before(nlp):
    text = ("Farmers say the Arden Water Treaty will save their harvests. "
            "The accord, which the two governments signed in January 2025, guarantees a minimum flow.")
    found = the(claims_of(nlp, text), "January 2025")
    assert found.frame.object == "arden water treaty" and found.frame.object_is_name


def test_indefinite_or_modified_noun_is_not_resolved(nlp):
    text = ("The two states signed the Arden Water Treaty on Monday. "
            "A similar accord on the Lenne river, signed in 2008, ended a dispute over fishing.")
    assert the(claims_of(nlp, text), "2008").frame.object == "accord"


@pytest.mark.parametrize("text, age, person", [
    ("Elena Varga died on Monday at her home in Vienna. She was 84.", 84, "elena varga"),
    ("Conductor Elena Varga has died aged 82, the orchestra said on Tuesday.", 82, "elena varga"),
    ("The orchestra's music director, Tomas Berg, 47, called her a giant.", 47, "tomas berg"),
])
def test_ages_belong_to_a_person(nlp, text, age, person):
    ages = [c for c in claims_of(nlp, text) if c.frame.measure == "age"]
    assert [(c.value.number, c.value.unit, c.frame.holder) for c in ages] == [(age, "years", person)]


@pytest.mark.parametrize("text", ["She was 84 percent sure.", "The team was 40 points behind at half time."])
def test_numbers_that_are_not_ages(nlp, text):
    assert not [c for c in claims_of(nlp, text) if c.frame.measure == "age"]


def test_price_of_a_deal_and_the_period_of_a_figure(nlp):
    claims = claims_of(nlp, "Tessaro agreed to buy Lindqvist Optics for $1.2 billion in cash. "
                            "Lindqvist had revenue of $410 million in 2024.")
    assert the(claims, "$1.2 billion").frame.measure == "price"
    revenue = the(claims, "$410 million")
    assert revenue.frame.measure == "revenue" and revenue.frame.holder == "lindqvist"
    assert [(i.start.year, i.end.year) for i in revenue.frame.when] == [(2024, 2024)]


def test_nationalities_are_places(nlp):
    claims = claims_of(nlp, "Five Chilean nationals were among the 29 dead.")
    assert "chile" in the(claims, "Five").frame.groups  # a part of the dead, not the whole


def test_list_spelled_out_in_the_next_sentence(nlp):
    text = ("The fund will focus on five priorities, ministers said. "
            "These are port resilience, fisheries monitoring, marine protected areas, coastal flood defence "
            "and seaweed farming.")
    claims = claims_of(nlp, text)
    stated = the(claims, "five")
    listed = next(c for c in claims if c.id == stated.related)
    assert listed.value.number == 5 and listed.value.items[-1] == "seaweed farming"


def test_list_set_off_by_dashes_after_its_count(nlp):
    text = ("The ferry line will run four routes — Harwick, Doldon and Maple Point — from the spring, "
            "each with two sailings a day.")
    claims = claims_of(nlp, text)
    listed = next(c for c in claims if c.id == the(claims, "four").related)
    assert listed.value.items == ("Harwick", "Doldon", "Maple Point")  # three, against the four stated


def test_a_breakdown_between_dashes_is_not_a_list(nlp):
    text = "Rescuers found three survivors — two fishermen and a boy — on the rocks."
    assert the(claims_of(nlp, text), "three").related is None


def test_they_are_with_a_verb_is_not_a_list(nlp):
    text = "The Navy has 27 ships in the area. They are aided by Britain, Germany, Canada and Belgium."
    assert the(claims_of(nlp, text), "27").related is None  # the 27 ships are not the four allies


@pytest.mark.parametrize("text, value, measure, qualifier", [
    ("At least 27 people were killed when a bus overturned near Cusco on Friday.", "At least 27", "dead", "at_least"),
    ("About 40 people were injured in the crash.", "About 40", "injured", "about"),
    ("Tessaro agreed to buy Lindqvist Optics for $1.2 billion in cash.", "$1.2 billion", "price", "exact"),
])
def test_frames_say_what_a_figure_measures_and_how_firmly(nlp, text, value, measure, qualifier):
    found = the(claims_of(nlp, text), value)
    assert (found.frame.measure, found.value.qualifier) == (measure, qualifier)


@pytest.mark.parametrize("text, value, modality", [
    ("Officials expected the bridge to reopen in 2027.", "2027", "expected"),
    ("The deal may rise to $2.4bn.", "$2.4bn", "expected"),
    ("The bridge reopened in 2021.", "2021", "asserted"),
])
def test_modality_of_a_frame(nlp, text, value, modality):
    assert the(claims_of(nlp, text), value).frame.modality == modality


def test_money_in_compact_notation_is_money(nlp):
    money = {c.value.text: (c.value.number, c.value.unit)
             for c in claims_of(nlp, "The club paid £3bn for the stadium and the deal may rise to $2.4bn.")}
    assert money == {"£3bn": (3e9, "GBP"), "$2.4bn": (2.4e9, "USD")}


def test_weekday_is_anchored_to_the_publication_date(nlp):
    # DCT is Sunday 2 March 2025: "on Monday" in the past tense is 24 February
    claims = claims_of(nlp, "The two states signed the Arden Water Treaty on Monday.")
    assert the(claims, "Monday").value.timex.startswith("2025-02-24")


@pytest.mark.parametrize("text, value, group", [
    ("Doug McDermott had five points during a pivotal 15-2 run.", "five", "during run"),
    ("Police said they made 86 arrests over the course of Saturday's protests.", "86", "during protest"),
])
def test_a_figure_for_a_stretch_inside_the_event_is_a_part(nlp, text, value, group):
    assert group in the(claims_of(nlp, text), value).frame.groups


def test_a_place_named_as_what_was_struck_is_the_date_s_place(nlp):
    found = the(claims_of(nlp, "A strong earthquake struck Indonesia's Aceh province on Tuesday."), "Tuesday")
    assert any("aceh" in place for place in found.frame.places)


def test_what_a_place_can_take_is_a_capacity(nlp):
    claims = claims_of(nlp, "The warehouse holds enough supplies for 15,000 refugees.")
    assert "capacity" in the(claims, "15,000").frame.groups
    assert "capacity" not in the(claims_of(nlp, "The camp holds 15,000 refugees."), "15,000").frame.groups


@pytest.mark.parametrize("text, dated", [
    ("As it promised [Tuesday], Microsoft Corp. today issued an emergency patch.", []),  # two days on one verb
    ("He was arrested on Monday and charged today.", ["Monday", "today"]),  # two verbs, two days
    ("The quake struck on Tuesday at 07:37 a.m.", ["Tuesday", "07:37 a.m."]),  # a day and its time
])
def test_an_event_given_two_days_on_one_verb_is_not_dated(nlp, text, dated):
    assert [c.value.text for c in claims_of(nlp, text) if c.value.kind == "date"] == dated
