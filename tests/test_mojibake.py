"""UTF-8 text that was read as Windows-1252 upstream is repaired, said so, and left alone when clean."""

from __future__ import annotations

import json

from generator.ingest import ingest
from generator.readers.detokenize import rejoin
from generator.readers.mojibake import repair_all

LEAD = "Police opened fire on striking miners near the platinum mine on Thursday, officials said."


def test_contiguous_sequences_are_decoded_again():
    texts, repair = repair_all(["South Africaâ€™s president, FranÃ§ois, paid Â£416m â€“ â€œin fullâ€\x9d."])
    assert texts == ["South Africa’s president, François, paid £416m – “in full”."]
    assert repair.count == 6
    assert repair.example == ("Africaâ€™s", "Africa’s")


def test_a_closing_quote_whose_last_byte_was_lost_is_restored():
    texts, _ = repair_all(["He said: â€œWe will stay.â€\ufffd Then he left.", "â€œNo,â€ she said."])
    assert texts == ["He said: “We will stay.” Then he left.", "“No,” she said."]


def test_a_sequence_a_tokenizer_split_is_joined_before_decoding():
    texts, _ = repair_all(["South Africaâ€ ™ s darkest day , he said .â€ � The ElysÃ ©e"])
    assert texts == ["South Africa’ s darkest day , he said .” The Elysée"]
    assert rejoin(texts * 3)[0] == "South Africa’s darkest day, he said.” The Elysée"


def test_clean_text_with_accents_and_symbols_is_untouched():
    clean = ["São Paulo, Élysée, Müller, café – “quoted” © 2016 £5 à la carte.", "Plain ASCII."]
    assert repair_all(clean) == (clean, None)


def test_ingest_repairs_the_record_and_warns_naming_it(tmp_path):
    records = [{"title": "Zumaâ€™s party wins", "content": f"{LEAD} Zumaâ€™s party won."},
               {"title": "Clean", "content": LEAD}]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    result = ingest([tmp_path])
    assert [article.declared.title for article in result.articles] == ["Zuma’s party wins", "Clean"]
    assert result.articles[0].body.endswith("Zuma’s party won.")
    assert [report.line() for report in result.reports] == [
        f"warning: {tmp_path / 'news.jsonl'} (line 1): mojibake repaired: UTF-8 text had been read as "
        "Windows-1252 (2 sequence(s), such as 'Zumaâ€™s' -> 'Zuma’s')"]


def test_a_sequence_split_over_two_lines_is_repaired_before_page_furniture_is_dropped(tmp_path):
    """"© Gourdel, a French tourist" alone would read as a copyright line."""
    content = f"{LEAD}\n\nThere was outrage over the murder of HervÃ\n\n© Gourdel, a French tourist, by a group."
    (tmp_path / "news.jsonl").write_text(json.dumps({"title": "Outrage", "content": content}) + "\n", encoding="utf-8")
    body = ingest([tmp_path]).articles[0].body
    assert body.endswith("There was outrage over the murder of Hervé Gourdel, a French tourist, by a group.")


def test_a_text_whose_only_damage_is_a_lost_closing_quote_is_repaired_and_reported():
    texts, repair = repair_all(["He said it was over.â€ Members of the party left."])
    assert texts == ["He said it was over.” Members of the party left."]
    assert (repair.count, repair.example) == (1, ("â€", "”"))


def test_a_lost_closing_quote_does_not_keep_the_rest_of_the_text_from_being_repaired():
    """With a lost quote in it, the text was decoded piecewise and Turkish letters stayed damaged."""
    texts, _ = repair_all(["â€œWe will talk,â€ \ufffd said the minister, MevlÃ¼t Ã‡avuÅŸoÄŸlu."])
    assert texts == ["“We will talk,” said the minister, Mevlüt Çavuşoğlu."]
