"""dossier.yml: typed settings, every problem collected before failing."""

from pathlib import Path

import pytest

from generator.config import SETTING_HELP, Settings, load_config
from generator.errors import ConfigError


def test_missing_file_gives_defaults(tmp_path):
    assert load_config(tmp_path) == Settings()


def test_values_are_typed(tmp_path):
    (tmp_path / "dossier.yml").write_text("title: T\nseeds_dir: in\nmax_file_mb: 5\n")
    settings = load_config(tmp_path)
    assert settings.title == "T" and settings.seeds_dir == Path("in") and settings.max_file_mb == 5


def test_all_problems_are_reported_at_once(tmp_path):
    (tmp_path / "dossier.yml").write_text("titel: T\nseeds_dir: 3\nmax_file_mb: -1\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    problems = caught.value.problems
    assert len(problems) == 3
    assert any("titel" in p for p in problems) and any("seeds_dir" in p for p in problems)


def test_invalid_yaml_is_a_config_error(tmp_path):
    (tmp_path / "dossier.yml").write_text("title: [unclosed\n")
    with pytest.raises(ConfigError):
        load_config(tmp_path)


def test_every_setting_has_help_and_is_documented_in_readme():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    names = set(Settings.__dataclass_fields__)
    assert names == set(SETTING_HELP)
    for name in names:
        assert f"`{name}`" in readme, f"README does not document setting {name}"


def test_packs_are_shipped_pack_names(tmp_path):
    (tmp_path / "dossier.yml").write_text("packs: [syria, syria]\n")
    assert load_config(tmp_path).packs == ("syria",)
    (tmp_path / "dossier.yml").write_text("packs: [atlantis, syria]\npacks_typo: 1\n")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert "unknown pack 'atlantis' (shipped: syria)" in str(error.value)
    (tmp_path / "dossier.yml").write_text("packs: syria\n")
    with pytest.raises(ConfigError, match="must be 'auto' or a list of pack names"):
        load_config(tmp_path)
    (tmp_path / "dossier.yml").write_text("packs: auto\n")
    assert load_config(tmp_path).packs == Settings().packs == ("auto",)
    (tmp_path / "dossier.yml").write_text("packs: []\n")
    assert load_config(tmp_path).packs == ()


def test_the_repository_dossier_uses_the_syria_pack():
    assert load_config(Path(__file__).resolve().parent.parent).packs == ("syria",)
