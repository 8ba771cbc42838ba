"""The knowledge base: shipped entries, analyst corrections, publishers and wires."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.knowledge import load_knowledge_base, publisher_name, wires_in
from generator.names import normalize_surface
from generator.models import ACTOR_KINDS


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def _entry(kb, name):
    return next(entry for entry in kb.entries if entry.name == name)


def _analyst(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "analyst.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_entries_are_valid_and_sorted(kb):
    assert [entry.id for entry in kb.entries] == sorted(entry.id for entry in kb.entries)
    assert all(entry.kind in ACTOR_KINDS for entry in kb.actors())
    assert all(entry.description for entry in kb.actors())


@pytest.mark.parametrize(
    ("alias", "name"),
    [("Sergei Lavrov", "Sergey Lavrov"), ("Syria Civil Defense", "White Helmets"), ("SOHR", "Syrian Observatory for Human Rights"),
     ("Daesh", "Islamic State"), ("MSF", "Doctors Without Borders"), ("Jabhat Fateh al-Sham", "Jabhat al-Nusra")],
)
def test_shipped_aliases(kb, alias, name):
    assert alias in _entry(kb, name).aliases


@pytest.mark.parametrize(
    ("code", "name"),
    [("nbcnews.com", "NBC News"), ("http://www.thedailystar.net/backpage/x-1", "The Daily Star (Bangladesh)"),
     ("nna", "National News Agency"), ("sana", "SANA"), ("tass", "TASS"), ("reuters", "Reuters"),
     ("ahram", "Al-Ahram"), ("alalam", "Al-Alam"), ("almanar", "Al-Manar"), ("alaraby", "Al-Araby Al-Jadeed"),
     ("dailysabah", "Daily Sabah"), ("etilaf", "Etilaf"), ("trt", "TRT"), ("jordantimes", "The Jordan Times"),
     ("alarabiya", "Al Arabiya"), ("asharqalawsat", "Asharq Al-Awsat"), ("sputnik", "Sputnik"),
     ("edition.cnn.com", "CNN")],
)
def test_publisher_name(kb, code, name):
    assert publisher_name(code, kb) == name


def test_unknown_publisher_is_none(kb):
    assert publisher_name("example.org", kb) is None


def test_wires_in_attributions_but_not_photo_credits(kb):
    text = "BEIRUT (AFP) - A source told Reuters that... an AFP journalist saw it. Handout / AP\nAP Photo"
    assert wires_in(text, kb) == ("AFP", "Reuters")
    assert wires_in("The Associated Press and dpa reported; Xinhua too.", kb) == ("AP", "dpa", "Xinhua")


def test_normalize_surface_ignores_case_hyphens_and_apostrophes():
    assert normalize_surface("Al-Nusra  Front") == normalize_surface("al Nusra front")
    assert normalize_surface("O’Brien") == normalize_surface("O'Brien")


def test_analyst_file_extends_and_corrects(tmp_path):
    kb = load_knowledge_base(_analyst(tmp_path, """
actors:
  - {name: Ammar al Selmo, kind: person, aliases: [Ammar al-Selmo], description: Rescue chief.}
  - {name: Shafak, description: Aid group in northern Syria.}
places:
  - {name: Beshkatine, kind: town, country: Syria}
merges:
  - {into: White Helmets, names: [Syrian Arab Red Crescent]}
splits:
  - {from: US government, aliases: [CENTCOM], kind: organization}
renames:
  - {from: Sergey Lavrov, to: Sergei Lavrov}
ignores: [BlackBerry]
"""))
    names = {entry.name: entry for entry in kb.entries}
    assert names["Ammar al Selmo"].aliases == ("Ammar al-Selmo",)
    assert names["Shafak"].description == "Aid group in northern Syria."
    assert names["Beshkatine"].category == "place"
    assert "SARC" in names["White Helmets"].aliases and "Syrian Arab Red Crescent" not in names
    assert "CENTCOM" not in names["US government"].aliases and names["CENTCOM"].kind == "organization"
    assert "Sergey Lavrov" in names["Sergei Lavrov"].aliases and names["Sergei Lavrov"].id == "sergey-lavrov"
    assert kb.is_ignored("blackberry")


def test_analyst_file_reports_every_problem_at_once(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_knowledge_base(_analyst(tmp_path, """
actors:
  - {name: Nobody, kind: wizard}
  - {name: Somebody, kind: person, colour: blue}
  - {name: New Group, kind: armed_group, aliases: [Kerry]}
merges:
  - {into: White Helmets, names: [Unknown Thing]}
renames:
  - {from: Ghost, to: Spirit}
frobs: 1
"""))
    problems = "\n".join(caught.value.problems)
    for expected in ("bad kind 'wizard'", "unknown key 'colour'", "'kerry' is claimed", "unknown name 'Unknown Thing'",
                     "unknown name 'Ghost'", "unknown section 'frobs'"):
        assert expected in problems
    assert len(caught.value.problems) == 6


def test_analyst_file_that_is_not_yaml(tmp_path):
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_knowledge_base(_analyst(tmp_path, "actors: [unclosed"))


def test_wire_names_are_found_after_any_first_letter_and_credits_skipped():
    kb = load_knowledge_base()
    text = "BEIRUT (AFP) - Shelling, Reuters reported. Photo: Handout / AP. Told dpa."
    assert "AFP" in " ".join(wires_in(text, kb)) and "Reuters" in " ".join(wires_in(text, kb))
    assert wires_in("Apparently nothing here.", kb) == ()


def test_deeply_nested_analyst_file_is_a_config_error_not_a_crash(tmp_path):
    """libyaml overflows its stack on ~50,000 nested brackets; the analyst file must not reach it."""
    analyst = tmp_path / "knowledge.yaml"
    analyst.write_text("actors: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested more than 50 levels"):
        load_knowledge_base(analyst)


def test_a_region_pack_adds_its_actors(tmp_path, monkeypatch):
    from generator import regions

    (tmp_path / "sahel").mkdir()
    (tmp_path / "sahel" / "knowledge.yaml").write_text(
        "actors:\n  - {name: Atlantis Liberation Front, kind: armed_group, aliases: [ALF]}\n", encoding="utf-8")
    monkeypatch.setattr(regions, "PACKS_DIR", tmp_path)
    kb = load_knowledge_base(packs=("sahel",))
    assert kb.packs == ("sahel",)
    assert [entry.kind for entry in kb.actors() if entry.name == "Atlantis Liberation Front"] == ["armed_group"]
    assert not any(entry.name == "Atlantis Liberation Front" for entry in load_knowledge_base(packs=()).actors())
    assert any(entry.name == "Atlantis Liberation Front" for entry in load_knowledge_base().actors())  # auto: every pack


def test_no_shipped_entry_silently_amends_another():
    """A shipped entry whose name or alias is another's would be merged into it on load (the
    analyst's amend rule), changing that entry's kind: every name belongs to one entry."""
    import yaml

    from generator.knowledge import SHIPPED_FILE

    owner: dict[str, str] = {}
    clashes = []
    for entry in yaml.safe_load(SHIPPED_FILE.read_text(encoding="utf-8"))["actors"]:
        for surface in {normalize_surface(text) for text in (entry["name"], *entry.get("aliases", []))}:
            if surface in owner:
                clashes.append((surface, owner[surface], entry["name"]))
            owner[surface] = entry["name"]
    assert clashes == []


def test_the_census_first_names_are_the_file_third_party_md_records_and_leave_out_words_and_places():
    import hashlib

    from generator.knowledge import GIVEN_NAMES_FILE

    root = Path(__file__).resolve().parents[1]
    recorded = (root / "THIRD_PARTY.md").read_text(encoding="utf-8")
    assert hashlib.sha256(GIVEN_NAMES_FILE.read_bytes()).hexdigest() in recorded
    kb = load_knowledge_base()
    assert {"Federico", "Martha", "Danilo", "Ali"} <= kb.given_names  # census and curated
    assert not {"Hope", "Grant", "Israel", "Houston", "Christian"} & kb.given_names


def test_every_country_has_its_government_even_beside_an_agency_of_it(kb):
    """Pakistan's Inter-Services Intelligence is a government body of Pakistan, not its government."""
    governments = {entry.country: entry for entry in kb.entries
                   if entry.kind == "government" and (entry.demonyms or entry.metonyms)}
    assert governments["Pakistan"].name == "Pakistani government"
    assert "Pakistan" in governments["Pakistan"].metonyms
    assert {"Afghanistan", "Liberia", "Zimbabwe", "Sierra Leone", "India"} <= governments.keys()


def test_the_sahel_s_al_qaeda_affiliate_under_the_transliterations_of_its_name():
    from generator.extract.actors import find_actors
    from generator.text import split_sentences

    kb = load_knowledge_base()
    for name in ("Jama'at Nusrat al-Islam wa al-Muslimin", "Jama'a Nusrat ul-Islam wa al-Muslimin",
                 "Jama'at Nusrat al-Islam wal Muslimeen"):
        text = f"Fighters of {name} attacked a camp in Mali."
        assert [actor.kb_id for actor in find_actors(text, split_sentences(text), kb, ())] == [
            "jamaat-nusrat-al-islam-wal-muslimin"], name
