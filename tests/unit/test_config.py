"""The settings tree: defaults, the TOML file, environment variables, command options."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep import config
from sitrep.cli import cli
from sitrep.errors import SitrepError


def write(tmp_path: Path, text: str, name: str = "sitrep.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_the_section_classes_defaults() -> None:
    from sitrep.pipeline import ReadOptions
    from sitrep.reconcile import BriefConfig
    from sitrep.stories import DEFAULT_TUNING
    from sitrep.stories.features import WEIGHTS

    s = config.load(env={})
    assert s.read == ReadOptions() and s.brief == BriefConfig() and s.stories == DEFAULT_TUNING
    assert s.story_weights == WEIGHTS and s.story_weights is not WEIGHTS
    assert s.store.db is None and s.smtp is None and not s.debug


def test_file_sets_sections(tmp_path: Path) -> None:
    path = write(tmp_path, """
debug = true
[store]
db = "news.db"
[read]
max_chars = 5000
[stories]
join = 0.2
[story_weights]
e = 4
[brief]
approx_tolerance = 0.1
[brief.weights]
"Example.org" = 0.5
[web]
read_only = true
[watch]
interval_s = 60
[places]
near_km = 100
[smtp]
host = "mail.example"
""")
    s = config.load(path, env={})
    assert s.debug and s.store.db == "news.db" and s.read.max_chars == 5000
    assert s.stories.join == 0.2 and s.stories.sure == config.Settings().stories.sure
    assert s.story_weights["e"] == 4.0 and isinstance(s.story_weights["e"], float)
    assert s.brief.approx_tolerance == 0.1 and s.brief.weight("example.ORG") == 0.5
    assert s.web.read_only and s.smtp is not None and s.smtp.host == "mail.example"
    assert s.watch.interval_s == 60.0 and s.places.near_km == 100.0


def test_watch_options_over_the_watch_section(tmp_path: Path) -> None:
    from sitrep.cli.watch import watch_settings

    opts = {"interval": None, "jitter": 0.2, "host_delay": None, "timeout": None,
            "max_bytes": None, "workers": None, "batch_size": None, "base_url": None,
            "no_annotate": False, "no_fetch_pages": True, "alert_log": None,
            "smtp_host": None, "smtp_port": 2525, "smtp_starttls": None, "smtp_user": None,
            "smtp_from": None}
    path = write(tmp_path, "[watch]\ninterval_s = 60\njitter = 0.3\n[smtp]\nhost = \"mx\"\n")
    config.use(config.load(path, env={}))
    try:
        settings = watch_settings(dict(opts))
    finally:
        config.use(None)
    assert (settings.interval_s, settings.jitter, settings.fetch_pages) == (60.0, 0.2, False)
    assert settings.smtp is not None and (settings.smtp.host, settings.smtp.port) == ("mx", 2525)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[brief]\nmin_source = 3\n", r"\[brief\]: unknown setting 'min_source'"),
        ("approx_tolerance = 0.1\n", "brief settings go under \\[brief\\]"),
        ("[reed]\nfetch = true\n", "unknown setting 'reed'"),
        ("[read]\nmax_chars = \"many\"\n", r"\[read\] max_chars: 'many' is not int"),
        ("[read]\nfetch = 1\n", "is not bool"),
        ("[read]\nfetcher = \"x\"\n", "unknown setting 'fetcher'"),
        ("[web]\ndb = \"x.db\"\n", "unknown setting 'db'"),
        ("[story_weights]\nwords = 1.0\n", "unknown setting \\[story_weights\\] 'words'"),
        ("[brief]\nsince_mode = \"all\"\n", "since_mode"),
        ("[smtp]\nport = 25\n", "required setting is missing"),
        ("store = 1\n", "must be a table"),
        ("[store\n", "not valid"),
    ],
)
def test_bad_files_name_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SitrepError, match=message) as err:
        config.load(path, env={})
    assert str(path) in str(err.value)


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, '[store]\ndb = "file.db"\n[annotate]\nlayers = "times"\n')
    env = {"SITREP_CONFIG": str(path), "SITREP_DB": "env.db", "SITREP_SMTP_HOST": "mx",
           "SITREP_SMTP_PORT": "2525", "SITREP_SMTP_STARTTLS": "no", "SITREP_DEBUG": "1"}
    s = config.load(env=env)
    assert s.store.db == "env.db" and s.annotate.layers == "times" and s.debug
    assert s.smtp is not None and (s.smtp.host, s.smtp.port, s.smtp.starttls) == ("mx", 2525,
                                                                                  False)
    with pytest.raises(SitrepError, match="SITREP_SMTP_PORT"):
        config.load(env={"SITREP_SMTP_HOST": "mx", "SITREP_SMTP_PORT": "many"})


def test_current_follows_the_environment_until_settings_are_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SITREP_LAYERS", "times")
    assert config.current().annotate.layers == "times"
    monkeypatch.setenv("SITREP_LAYERS", "events")
    assert config.current().annotate.layers == "events"
    mine = config.Settings()
    config.use(mine)
    try:
        assert config.current() is mine
    finally:
        config.use(None)
    assert config.current().annotate.layers == "events"


def test_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert config.cache_folder(config.load(env={})) == tmp_path / "sitrep"
    chosen = config.load(env={"SITREP_CACHE_DIR": str(tmp_path / "c")})
    assert config.cache_folder(chosen) == tmp_path / "c"


def test_commands_read_the_file(tmp_path: Path) -> None:
    """`run` and `ingest` take --config as `brief` does; a bad file stops them early."""
    runner = CliRunner()
    bad = write(tmp_path, "[read]\nmax_chars = 10\nmax_byte = 1\n")
    for command in ("run", "ingest", "annotate", "extract"):
        result = runner.invoke(cli, [command, "--config", str(bad), str(tmp_path)])
        assert result.exit_code != 0
        assert "max_byte" in str(result.exception), command
    text = tmp_path / "a.txt"
    text.write_text("Officials said on Monday that talks would resume in Geneva. " * 40)
    short = write(tmp_path, "[read]\nmax_chars = 1000\n", "short.toml")
    result = runner.invoke(cli, ["extract", "--config", str(short), str(text)])
    assert result.exit_code == 1 and "over the 1,000 limit" in result.output
    assert config.current().read.max_chars != 1000  # the command's settings ended with it
    result = runner.invoke(cli, ["extract", "--config", str(short), "--max-chars", "100000",
                                 str(text)])
    assert result.exit_code == 0, result.output  # the option wins over the file


def test_tuning_values_once_in_modules_are_settings(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("[stories]\nidf_power = 2\ntop_actors = 3\n"
                    "[brief]\nnumbers_max = 4\nsummary_duplicate = 0.5\n", encoding="utf-8")
    settings = config.load(path, env={})
    assert settings.stories.idf_power == 2.0 and settings.stories.top_actors == 3
    assert settings.brief.numbers_max == 4 and settings.brief.summary_duplicate == 0.5
    path.write_text("[brief]\nnumbers_max = 1.5\n", encoding="utf-8")
    with pytest.raises(SitrepError, match="numbers_max"):
        config.load(path, env={})


def test_idf_power_is_the_one_given() -> None:
    from sitrep.stories.vectors import Idf

    idf = Idf(None, 2.0)  # type: ignore[arg-type]  # no store read: the counts are set
    idf.n, idf.df["rare"], idf.df["common"] = 9, 0, 9
    assert idf("rare") == pytest.approx((math.log(10) + 1.0) ** 2.0)
    assert idf("common") == pytest.approx(1.0)
