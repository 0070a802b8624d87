from claimcheck.models import make_article
from claimcheck.neardup import groups, jaccard, shingles

STORY = ("Harbour Freight agreed to pay 40 million pounds for the port operator Quayside Holdings, "
         "the companies said on Tuesday, in a deal that creates the largest container business. ")


def article(doc_id, text):
    return make_article(id=doc_id, path=f"{doc_id}.txt", source=text, text=text, blocks=())


def test_copies_group_under_the_first_id():
    docs = [article("a", STORY * 2), article("b", "Breaking: " + STORY * 2),
            article("c", "The weather was mild and dry all week in the north.")]
    assert groups(docs) == {"a": "a", "b": "a", "c": "c"}


def test_paraphrase_is_not_a_copy():
    other = "Quayside Holdings will be bought by Harbour Freight for 40 million pounds, both firms announced."
    assert jaccard(shingles(STORY), shingles(other)) < 0.5
    assert groups([article("a", STORY), article("b", other)]) == {"a": "a", "b": "b"}


def test_empty_texts_are_never_copies():
    assert groups([article("a", ""), article("b", "")]) == {"a": "a", "b": "b"}
