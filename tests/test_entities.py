import pytest

from claimcheck.extract.entities import ents_in, find_acronyms, load_aliases, normalise, overlap, same_name


@pytest.fixture(scope="module")
def aliases():
    return load_aliases()


@pytest.mark.parametrize(
    "text, acronym, expansion",
    [
        ("the Ministry of Economy, Trade and Industry (METI) said", "METI", "ministry of economy trade and industry"),
        ("a Memorandum of Cooperation (MoC) on", "MoC", "memorandum of cooperation"),
        ("Small and Medium Enterprises (SMEs) and", "SMEs", "small and medium enterprises"),
        ("the National Transport Safety Board (NTSB) found", "NTSB", "national transport safety board"),
    ],
)
def test_find_acronyms(text, acronym, expansion):
    assert dict(find_acronyms(text)) == {acronym: expansion}


def test_no_acronym_when_initials_do_not_spell_it():
    assert dict(find_acronyms("the city council (Reuters) said")) == {}


@pytest.mark.parametrize(
    "name, key",
    [
        ("Prime Minister Jane Doe's", "jane doe"),
        ("PM Doe", "doe"),
        ("the Acme Corp.", "acme corp"),
        ("MoU", "memorandum of understanding"),
        ("Ministry of Economy, Trade and Industry", "ministry of economy trade and industry"),
        ("Union Minister of Roads and Ports R. K. Varma", "r k varma"),
        ("Minister of Finance Anna Berg", "anna berg"),
        ("Ruritania's Ministry of Finance", "ministry of finance"),
        ("Jane Doe's", "jane doe"),
    ],
)
def test_normalise(aliases, name, key):
    assert normalise(name, aliases) == key


def test_corpus_acronyms_extend_the_table(aliases):
    table = aliases.with_acronyms({"NTSB": "national transport safety board"})
    assert normalise("NTSB", table) == "national transport safety board"


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("jane doe", "doe", True),
        ("acme corp", "acme", True),
        ("ministry of mines of india", "india", False),
        ("ministry of mines", "ministry of mines of india", True),
        ("jane doe", "john smith", False),
    ],
)
def test_same_name(a, b, same):
    assert same_name(a, b) is same


def test_overlap_counts_matching_names():
    assert overlap(frozenset({"jane doe", "acme"}), frozenset({"doe", "beta"})) == 1


def test_user_alias_file(tmp_path):
    extra = tmp_path / "aliases.toml"
    extra.write_text('[acronyms]\nntsb = "national transport safety board"\n'
                     '[names]\ngroups = [["Big Apple", "New York City"]]\n')
    table = load_aliases([extra])
    assert normalise("NTSB", table) == "national transport safety board"
    assert normalise("New York City", table) == "big apple"


def test_the_entity_index_lets_a_document_go_once_others_are_read():
    """A scan reads thousands of documents: an index that held each one (its value refers to its key, so a
    WeakKeyDictionary never drops it) kept every parsed Doc and its tensors alive to the end of the scan."""
    import gc
    import weakref

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    vocab, alive = Vocab(), []
    for _ in range(5):
        words, ents = ["Jane", "Doe", "spoke", "in", "Paris"], ["B-PERSON", "I-PERSON", "O", "O", "B-GPE"]
        doc = Doc(vocab, words=words, ents=ents)
        assert [(e.text, e.label_) for e in ents_in(doc[0:5])] == [("Jane Doe", "PERSON"), ("Paris", "GPE")]
        assert [e.text for e in ents_in(doc[2:5])] == ["Paris"]
        alive.append(weakref.ref(doc))
    del doc
    gc.collect()
    assert sum(ref() is not None for ref in alive) <= 2
