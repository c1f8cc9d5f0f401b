"""One settings tree for every command: defaults in code, a TOML file, environment variables.

A value is found, last one winning: the default of its section class; the TOML
file (``--config FILE`` or $SITREP_CONFIG); an environment variable
(:data:`ENV_VARS`); the option of the command being run. Environment variables
are read here and nowhere else in the library.

The file holds one table per section (the keys are the fields of its class)::

    debug = false
    [store]
    db = "news.db"
    [annotate]
    layers = "entities,times"
    [lexicons]
    folder = "~/sitrep-lexicons"   # files here replace the packaged ones by name
    [read]
    max_chars = 200000
    [stories]                      # the story assigner (sitrep.stories.Tuning)
    join = 0.12
    [story_weights]                # term namespace weights of story profiles
    e = 2.5
    [brief]                        # reconciliation and brief lengths (BriefConfig)
    approx_tolerance = 0.1
    [brief.weights]
    "voanews.com" = 1.0
    [web]
    read_only = true
    [watch]                        # sitrep watch (WatchSettings)
    interval_s = 600
    [smtp]
    host = "mail.example.org"

Section classes stay beside the code that uses them (``ReadOptions`` in
sitrep.pipeline, ``Tuning`` in sitrep.stories, ...) and are imported only when
settings are built, so importing this module costs nothing.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from sitrep.annotate.places.scoring import Weights as PlaceWeights
    from sitrep.pipeline import ReadOptions
    from sitrep.reconcile.config import BriefConfig
    from sitrep.stories.state import Tuning
    from sitrep.watch.sinks import SmtpSettings
    from sitrep.watch.watcher import WatchSettings
    from sitrep.web.settings import WebSettings

CONFIG_ENV = "SITREP_CONFIG"
DEBUG_ENV = "SITREP_DEBUG"
# Environment variable -> (section, key). SMTP passwords belong here, not in files.
ENV_VARS: dict[str, tuple[str, str]] = {
    "SITREP_DB": ("store", "db"),
    "SITREP_LAYERS": ("annotate", "layers"),
    "SITREP_SPACY_MODEL": ("annotate", "spacy_model"),
    "SITREP_CHROME_FILE": ("extract", "chrome_file"),
    "SITREP_LEXICONS": ("lexicons", "folder"),
    "SITREP_CACHE_DIR": ("cache", "folder"),
    "SITREP_WEB_TOKEN": ("web", "token"),
    "SITREP_SMTP_HOST": ("smtp", "host"),
    "SITREP_SMTP_PORT": ("smtp", "port"),
    "SITREP_SMTP_STARTTLS": ("smtp", "starttls"),
    "SITREP_SMTP_USER": ("smtp", "user"),
    "SITREP_SMTP_PASSWORD": ("smtp", "password"),
    "SITREP_SMTP_FROM": ("smtp", "sender"),
    "SITREP_SMTP_CAFILE": ("smtp", "cafile"),
}
_FALSE = ("", "0", "no", "false", "off")


@dataclass(slots=True)
class StoreSettings:
    """``db``: a SQLite file path or a postgresql:// URL (None: ./sitrep.db)."""

    db: str | None = None


@dataclass(slots=True)
class AnnotateSettings:
    """``layers``: comma-separated layer names ("" = all); ``spacy_model``: force one."""

    layers: str = ""
    spacy_model: str | None = None


@dataclass(slots=True)
class ExtractSettings:
    """``chrome_file``: a CSV of site chrome (role,phrase) added to the packaged one."""

    chrome_file: str | None = None


@dataclass(slots=True)
class LexiconSettings:
    """``folder``: word lists here replace the packaged ones of the same file name."""

    folder: str | None = None


@dataclass(slots=True)
class CacheSettings:
    """``folder``: where built indexes are cached (None: $XDG_CACHE_HOME/sitrep)."""

    folder: str | None = None


def _read() -> ReadOptions:
    from sitrep.pipeline import ReadOptions

    return ReadOptions()


def _stories() -> Tuning:
    from sitrep.stories.state import Tuning

    return Tuning()


def _story_weights() -> dict[str, float]:
    from sitrep.stories.features import WEIGHTS

    return dict(WEIGHTS)


def _brief() -> BriefConfig:
    from sitrep.reconcile.config import BriefConfig

    return BriefConfig()


def _web() -> WebSettings:
    from sitrep.web.settings import WebSettings

    return WebSettings()


def _watch() -> WatchSettings:
    from sitrep.watch.watcher import WatchSettings

    return WatchSettings()


def _places() -> PlaceWeights:
    from sitrep.annotate.places.scoring import Weights

    return Weights()


@dataclass(slots=True)
class Settings:
    """The root of the tree: one attribute per section (``None`` smtp: no email)."""

    debug: bool = False
    store: StoreSettings = field(default_factory=StoreSettings)
    read: ReadOptions = field(default_factory=_read)
    annotate: AnnotateSettings = field(default_factory=AnnotateSettings)
    places: PlaceWeights = field(default_factory=_places)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    lexicons: LexiconSettings = field(default_factory=LexiconSettings)
    cache: CacheSettings = field(default_factory=CacheSettings)
    stories: Tuning = field(default_factory=_stories)
    story_weights: dict[str, float] = field(default_factory=_story_weights)
    brief: BriefConfig = field(default_factory=_brief)
    web: WebSettings = field(default_factory=_web)
    watch: WatchSettings = field(default_factory=_watch)
    smtp: SmtpSettings | None = None


# Fields a file may not set: they are set at run time, or have their home elsewhere.
_NOT_IN_FILE = {"read": {"fetcher"}, "web": {"db", "allowed_hosts"}, "watch": {"smtp"}}
_SECTIONS = ("store", "read", "annotate", "places", "extract", "lexicons", "cache", "stories",
             "brief", "web", "watch", "smtp")


# ------------------------------------------------------------------ reading files


def read_table(path: str | Path) -> dict[str, Any]:
    """The top-level table of a TOML file (or of a JSON object, by suffix)."""
    path = Path(path).expanduser()
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise SitrepError(f"cannot read settings file {path}: {err.strerror}") from err
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw)
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise SitrepError(f"settings file {path} is not valid: {err}") from err
    if not isinstance(data, dict):
        raise SitrepError(f"settings file {path} must hold a table (a JSON object)")
    return data


def load(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """The settings of ``path`` (else $SITREP_CONFIG, else defaults), then the environment."""
    env = os.environ if env is None else env
    path = path or env.get(CONFIG_ENV) or None
    settings = Settings()
    if path is not None:
        apply_table(settings, read_table(path), str(path))
    apply_env(settings, env)
    return settings


def apply_table(settings: Settings, data: Mapping[str, Any], source: str) -> None:
    """Set ``settings`` from a file's table; an unknown key is an error naming it."""
    for key, value in data.items():
        if key == "debug":
            settings.debug = _checked(value, bool, f"{source}: debug")
        elif key == "story_weights":
            settings.story_weights = _weights(settings.story_weights, value, source)
        elif key in _SECTIONS:
            if not isinstance(value, dict):
                raise SitrepError(f"{source}: [{key}] must be a table of settings")
            setattr(settings, key, _section(settings, key, value, f"{source}: [{key}]"))
        else:
            hint = " (brief settings go under [brief])" if key in _brief_keys() else ""
            raise SitrepError(f"{source}: unknown setting {key!r}{hint}; sections are "
                              f"{', '.join(('debug', *_SECTIONS, 'story_weights'))}")


def _brief_keys() -> set[str]:
    return {f.name for f in dataclasses.fields(_brief())}


def _weights(current: dict[str, float], value: Any, source: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise SitrepError(f"{source}: [story_weights] must be a table of numbers")
    out = dict(current)
    for name, weight in value.items():
        if name not in current:
            raise SitrepError(f"{source}: unknown setting [story_weights] {name!r}; "
                              f"known: {', '.join(sorted(current))}")
        out[name] = _checked(weight, float, f"{source}: [story_weights] {name}")
    return out


def _section(settings: Settings, name: str, table: Mapping[str, Any], where: str) -> Any:
    """A new section object: the current one with ``table``'s keys checked and applied."""
    cls = _section_class(name)
    current = getattr(settings, name)
    hints = typing.get_type_hints(cls)
    allowed = {f.name for f in dataclasses.fields(cls)} - _NOT_IN_FILE.get(name, set())
    values = dict(_fields_of(current)) if current is not None else {}
    for key, value in table.items():
        if key not in allowed:
            raise SitrepError(f"{where}: unknown setting {key!r}; known: "
                              f"{', '.join(sorted(allowed))}")
        values[key] = _checked(value, hints[key], f"{where} {key}")
    return _build(cls, values, where)


def _section_class(name: str) -> type:
    if name == "smtp":
        from sitrep.watch.sinks import SmtpSettings

        return SmtpSettings
    return type(getattr(Settings(), name))


def _fields_of(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


def _build(cls: type, values: dict[str, Any], where: str) -> Any:
    """``cls(**values)``, through its own ``from_dict`` when it validates there."""
    from_dict: Callable[[dict[str, Any]], Any] | None = getattr(cls, "from_dict", None)
    try:
        return from_dict(values) if from_dict else cls(**values)
    except TypeError as err:  # a required key missing (smtp host)
        raise SitrepError(f"{where}: a required setting is missing ({err})") from err
    except SitrepError as err:
        raise SitrepError(f"{where}: {err}") from err


def _checked(value: Any, hint: Any, where: str) -> Any:
    """``value`` if it fits the type ``hint`` (int fits float); else a clear error."""
    if _fits(value, hint):
        return float(value) if hint is float else value
    raise SitrepError(f"{where}: {value!r} is not {_type_name(hint)}")


def _fits(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is dict:
        _, val_type = typing.get_args(hint)
        return isinstance(value, dict) and all(_fits(v, val_type) for v in value.values())
    if origin is list:
        (item_type,) = typing.get_args(hint)
        return isinstance(value, list) and all(_fits(v, item_type) for v in value)
    return isinstance(hint, type) and isinstance(value, hint)


def _type_name(hint: Any) -> str:
    return getattr(hint, "__name__", None) or str(hint)


# ------------------------------------------------------------ environment


def apply_env(settings: Settings, env: Mapping[str, str]) -> None:
    """Set ``settings`` from the environment variables of :data:`ENV_VARS` that are set."""
    settings.debug = settings.debug or env.get(DEBUG_ENV, "").lower() not in _FALSE
    smtp: dict[str, Any] = {}
    for var, (section, key) in ENV_VARS.items():
        raw = env.get(var)
        if not raw:
            continue
        if section == "smtp":
            smtp[key] = raw
        else:
            obj = getattr(settings, section)
            hint = typing.get_type_hints(type(obj))[key]
            setattr(obj, key, _from_text(raw, hint, var))
    if smtp:
        settings.smtp = smtp_from_env(smtp, settings.smtp)


def smtp_from_env(values: Mapping[str, str], base: SmtpSettings | None) -> SmtpSettings | None:
    """SMTP settings from SITREP_SMTP_* values (by key) over ``base``; None without a host."""
    from sitrep.watch.sinks import SmtpSettings

    fields = _fields_of(base) if base is not None else {}
    hints = typing.get_type_hints(SmtpSettings)
    for key, raw in values.items():
        var = next(v for v, (s, k) in ENV_VARS.items() if s == "smtp" and k == key)
        fields[key] = _from_text(raw, hints[key], var)
    if not fields.get("host"):
        return None
    return SmtpSettings(**fields)


def _from_text(raw: str, hint: Any, var: str) -> Any:
    """An environment value as the type of its setting."""
    kinds = set(typing.get_args(hint)) or {hint}
    if bool in kinds:
        return raw.lower() not in _FALSE
    if int in kinds:
        if not raw.strip().isdigit():
            raise SitrepError(f"{var}={raw!r} is not a whole number")
        return int(raw)
    if float in kinds:
        try:
            return float(raw)
        except ValueError:
            raise SitrepError(f"{var}={raw!r} is not a number") from None
    return raw


# ------------------------------------------------------------ the settings in use

_installed: list[Settings | None] = [None]
_from_env: dict[tuple[str | None, ...], Settings] = {}


def use(settings: Settings | None) -> None:
    """Make ``settings`` the ones in use (the CLI, after reading --config); None: from env."""
    _installed[0] = settings


def current() -> Settings:
    """The settings in use: those installed by :func:`use`, else the environment's.

    Without installed settings the environment is read again on each call (a
    dozen look-ups) and the tree rebuilt only when it changed.
    """
    if _installed[0] is not None:
        return _installed[0]
    key = tuple(os.environ.get(v) for v in (CONFIG_ENV, DEBUG_ENV, *ENV_VARS))
    found = _from_env.get(key)
    if found is None:
        _from_env.clear()
        found = _from_env[key] = load()
    return found


def cache_folder(settings: Settings | None = None) -> Path:
    """Where built indexes are cached: [cache] folder, else $XDG_CACHE_HOME/sitrep."""
    chosen = (settings or current()).cache.folder
    if chosen:
        return Path(chosen).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sitrep"
