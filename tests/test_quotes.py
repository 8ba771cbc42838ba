"""Direct quotes and their speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.actors import find_actors
from generator.extract.quotes import find_quotes
from generator.text import split_sentences
from generator.knowledge import load_knowledge_base

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def _quotes(text: str, kb):
    sentences = split_sentences(text)
    return find_quotes(text, sentences, find_actors(text, sentences, kb, ()))


@pytest.fixture(scope="module")
def seed_quotes(kb):
    return {path.name: _quotes(path.read_text(encoding="utf-8"), kb) for path in sorted(SEEDS.glob("*.txt"))}


def _by_start(quotes, start: str):
    return next(quote for quote in quotes if quote.text.startswith(start))


@pytest.mark.parametrize(
    ("seed", "start", "speaker"),
    [("004_c2eec665b70e2dfb.txt", "You should ask the Americans.", "Sergey Lavrov"),
     ("004_c2eec665b70e2dfb.txt", "We cannot continue on the same path any longer", "John Kerry"),
     ("004_c2eec665b70e2dfb.txt", "The only way to achieve that", "John Kerry"),
     ("004_c2eec665b70e2dfb.txt", "long, painful and disappointing", "Staffan de Mistura"),
     ("000_95674d525cba9203.txt", "What's happening now is annihilation", "Ammar al Selmo"),
     ("000_95674d525cba9203.txt", "Despite the international outcry", "Nick Finney"),
     ("000_95674d525cba9203.txt", "even while we are meeting here", "John Kerry")],
)
def test_seed_quotes_and_speakers(seed_quotes, seed, start, speaker):
    assert _by_start(seed_quotes[seed], start).speaker == speaker


@pytest.mark.parametrize(
    ("seed", "start", "description"),
    [("000_95674d525cba9203.txt", "The ball is in very much", "the senior official"),
     ("004_c2eec665b70e2dfb.txt", "We have begun reconnaissance", "A high-ranking military source"),
     ("004_c2eec665b70e2dfb.txt", "This could go on for hours", "A high-ranking military source"),
     ("004_c2eec665b70e2dfb.txt", "but that could change", "A US official"),
     ("004_c2eec665b70e2dfb.txt", "In Aleppo, negotiations", "an analyst close to the regime"),
     ("004_c2eec665b70e2dfb.txt", "The Americans must understand", "an analyst close to the regime")],
)
def test_anonymous_speakers_keep_their_description(seed_quotes, seed, start, description):
    quote = _by_start(seed_quotes[seed], start)
    assert (quote.speaker, quote.speaker_text) == (None, description)


def test_multi_sentence_quote_is_one_quote(seed_quotes):
    quote = _by_start(seed_quotes["004_c2eec665b70e2dfb.txt"], "This could go on for hours")
    assert quote.text.endswith("the situation on the ground.")


def test_scare_quotes_are_not_quotes(seed_quotes):
    texts = {quote.text for quotes in seed_quotes.values() for quote in quotes}
    assert not texts & {"deliberately targeted", "stay away", "pretty contentious", "terrorist", "credibility"}


def test_quote_broken_by_its_attribution_is_joined(kb):
    text = "Ahmad Darwish, a resident, spoke to us. “We will not leave,” he said, “because this is our home.”"
    (quote,) = _quotes(text, kb)
    assert quote.text == "We will not leave, because this is our home."
    assert (quote.speaker, quote.speaker_text, quote.sentence) == ("Ahmad Darwish", "Ahmad Darwish", 1)


def test_said_x_after_the_quote(kb):
    (quote,) = _quotes('"The hospital is out of service," said Dr. Farid Hamdan, its director.', kb)
    assert quote.speaker == "Farid Hamdan"


def test_short_quote_with_a_speech_verb_counts(kb):
    (quote,) = _quotes('Asked about the truce, Sergey Lavrov said: "No comment."', kb)
    assert (quote.text, quote.speaker) == ("No comment.", "Sergey Lavrov")


def test_unattributed_quote_has_no_speaker(kb):
    (quote,) = _quotes('Graffiti on the wall read "we will return to our homes".', kb)
    assert (quote.speaker, quote.speaker_text) == (None, "")


@pytest.mark.parametrize(
    "sentence",
    ['A senior administration official said Washington had "no plan to send troops there at all."',
     'A Russian military source told Reuters: "The operation will go on for weeks."',
     'A US official told AFP that talks were off, "but that could change at any moment."'],
)
def test_described_speaker_is_not_pinned_on_the_actor_it_names(kb, sentence):
    (quote,) = _quotes(sentence, kb)
    assert quote.speaker is None
    assert quote.speaker_text.lower().startswith("a ")


def test_named_speaker_beside_a_description_is_the_speaker(kb):
    (quote,) = _quotes('John Kerry, a senior US official, said: "We cannot continue like this."', kb)
    assert quote.speaker == "John Kerry"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [  # the titled person speaks, not the body or country that titles them
     pytest.param('"We will respond to every attack," NATO chief Jens Stoltenberg said on Tuesday.', "Jens Stoltenberg", id="title"),
     pytest.param('"We will respond to every attack," Ukraine\'s Foreign Minister Dmytro Kuleba told reporters.',
                  "Dmytro Kuleba", id="title-of-a-country"),
     pytest.param('"The attack was a war crime," UN Secretary-General Antonio Guterres said.', "Antonio Guterres",
                  id="hyphened-title"),
     pytest.param('"The city is being destroyed," said regional governor Oleh Syniehubov.', "Oleh Syniehubov",
                  id="said-title"),
     pytest.param('"The city is being destroyed," Kharkiv Mayor Ihor Terekhov wrote on Telegram.', "Ihor Terekhov",
                  id="title-of-a-city"),
     # a clause before a titled name is no title
     pytest.param('Fredy Bernal said the gangs "have given the order to attack." When President Nicolas Maduro '
                  'returned from New York he said the attacks were terrorism.', "Fredy Bernal", id="clause"),
     # an apposition before the verb describes the person before it
     pytest.param('Jens Stoltenberg, the NATO secretary general, said: "We will respond to every attack."',
                  "Jens Stoltenberg", id="apposition"),
     pytest.param('Jens Stoltenberg, who heads NATO, told reporters: "We will respond to every attack."',
                  "Jens Stoltenberg", id="relative-clause"),
     # a description named in apposition is that person
     pytest.param('"Three missiles were shot down," the spokesman for the Russian Defence Ministry, Igor Konashenkov, '
                  'said.', "Igor Konashenkov", id="described-and-named"),
     # words quoted as a judgement are the judge's, never a name after the verb
     pytest.param('Government spokesman Basim al-Awadi called the strike "a blatant aggression against Iraqi '
                  'sovereignty".', "Basim al-Awadi", id="called"),
     pytest.param('KRG Prime Minister Masrour Barzani condemned the attack as "a crime against the Kurdish people".',
                  "Masrour Barzani", id="condemned-as"),
     pytest.param('The Syrian Observatory for Human Rights counted the dead. Nobody knew who struck the town in what '
                  'the Observatory called "a new massacre" of children.', "the Observatory", id="what-x-called"),
     pytest.param('The Chinese premier, Hu Jintao, called Mr Karimov "an old friend of the Chinese people".', "Hu Jintao",
                  id="judge-in-apposition"),
     pytest.param('Rudy Giuliani, who was mayor during the attacks, branded Mr Ahmadinejad\'s request outrageous and '
                  'described him as "a man who has made threats against America".', "Rudy Giuliani", id="object-after")],
)
def test_the_speaker_is_the_person_the_clause_names(kb, sentence, speaker):
    (quote,) = _quotes(sentence, kb)
    assert quote.speaker_text == speaker


def test_a_surname_without_its_article_is_the_known_person(kb):
    text = 'Syrian President Ahmed al-Sharaa vowed justice. "We will hold everyone accountable," Sharaa said.'
    (quote,) = _quotes(text, kb)
    assert quote.speaker == "Abu Mohammed al-Julani" and quote.speaker_text == "Sharaa"


def test_a_quote_after_a_quote_of_the_same_paragraph_goes_on_in_the_same_voice(kb):
    quotes = _quotes('"The road is closed," Colonel Ahmed Musa said. "We will go back when it is safe."', kb)
    assert [quote.speaker_text for quote in quotes] == ["Ahmed Musa", "Ahmed Musa"]
    other = _quotes('"The road is closed," Colonel Ahmed Musa said. A resident disagreed. "We will go back."', kb)
    assert [quote.speaker_text for quote in other] == ["Ahmed Musa", ""]
