"""Tokenized research text is rejoined as written; edited prose is left alone."""

from __future__ import annotations

from generator.readers.detokenize import is_tokenized, rejoin

TOKENIZED = [
    "Mr Hekmatyar 's Hezb - i - Islami movement is a militant group , officials said .",
    "Supporters of Zanu - PF attacked the pro - US mission , an 87-year - old king said -LRB- CNN -RRB- .",
    "He tried - and failed - to capture Zer - i - Koh . It is n't over , `` he said '' .",
]


def test_tokenized_text_is_rejoined_with_its_hyphenated_names():
    assert rejoin(TOKENIZED) == [
        "Mr Hekmatyar's Hezb-i-Islami movement is a militant group, officials said.",
        "Supporters of Zanu-PF attacked the pro-US mission, an 87-year-old king said (CNN).",
        'He tried - and failed - to capture Zer-i-Koh. It isn\'t over, "he said".',
    ]


def test_edited_prose_is_left_as_it_is():
    prose = ["Fighting raged in Kabul - the capital - on Monday.", "Zanu - PF, he said, won."]
    assert not is_tokenized("\n".join(prose))
    assert rejoin(prose) == prose
