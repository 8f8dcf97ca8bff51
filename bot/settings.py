"""Every setting, declared once and read once from the environment (and `.env`, which never
overrides it).

Settings live in one frozen object so the engine, Telegram layer and curator tools agree on
them, and so tests can build their own without touching the process environment. Each field's
environment variable is its name in upper case, and its parser sits beside it in the field's
declaration: `Settings.load` reads them all in one loop, and a bad value stops start-up with
one line naming the variable.
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from dotenv import dotenv_values

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_KNOWLEDGE_DIR = PACKAGE_DIR.parent / "knowledge"
DEFAULT_DATA_DIR = Path.home() / ".local" / "share" / "article-bot"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Old variable names still read, with a warning: old name -> current name.
DEPRECATED = {"ANSWER_CONFIDENCE": "ANSWER_THRESHOLD"}

T = TypeVar("T")
Parser = Callable[[str, str], object]  # (variable name, raw text) -> value; raises SettingsError


def data_file(directory: Path, name: str) -> Path:
    """A deployment's own file beside its packs, else the shipped default.

    The safety screen is never off: a knowledge directory without its own `safety.yaml` gets
    the shipped one (with its emergency numbers and crisis lines).
    """
    own = directory / name
    return own if own.is_file() else DEFAULT_KNOWLEDGE_DIR / name


class SettingsError(ValueError):
    """A setting has a value the bot cannot use; the message names the variable."""


# -- parsers: each takes the variable's name (for the message) and its raw text ---------------

def _text(name: str, raw: str) -> str:
    return raw


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise SettingsError(f"{name} must be true or false, not {raw!r}")


def _path(name: str, raw: str) -> Path:
    return Path(raw).expanduser()


def _whole(minimum: int, maximum: int) -> Parser:
    def parse(name: str, raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None
        if not minimum <= value <= maximum:
            raise SettingsError(f"{name} must be from {minimum} to {maximum}, not {value}")
        return value
    return parse


def _number(minimum: float = 0.0, maximum: float = math.inf, *,
            above_minimum: bool = False) -> Parser:
    """A finite number within bounds (NaN and infinity never are)."""
    def parse(name: str, raw: str) -> float:
        try:
            value = float(raw)
        except ValueError:
            raise SettingsError(f"{name} must be a number, not {raw!r}") from None
        low_ok = value > minimum if above_minimum else value >= minimum
        if not math.isfinite(value) or not low_ok or value > maximum:
            low = f"above {minimum:g}" if above_minimum else f"at least {minimum:g}"
            high = f" and at most {maximum:g}" if math.isfinite(maximum) else ""
            raise SettingsError(f"{name} must be a finite number {low}{high}, not {raw!r}")
        return value
    return parse


def _url(*schemes: str) -> Parser:
    def parse(name: str, raw: str) -> str:
        parts = urlsplit(raw)
        if parts.scheme.lower() not in schemes or not parts.netloc:
            raise SettingsError(f"{name} must be a URL starting with "
                                f"{' or '.join(s + '://' for s in schemes)}, not {raw!r}")
        return raw
    return parse


def _secret(name: str, raw: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", raw):
        raise SettingsError(f"{name} must be 1-256 characters of A-Z, a-z, 0-9, _ and - "
                            "(Telegram's rule)")
    return raw


def _webhook_path(name: str, raw: str) -> str:
    path = raw.strip("/")
    if not re.fullmatch(r"[A-Za-z0-9._~/-]+", path):
        raise SettingsError(f"{name} must be a URL path of letters, digits and - _ . ~ /, "
                            f"not {raw!r}")
    return path


def _log_level(name: str, raw: str) -> str:
    value = raw.upper()
    if value not in LOG_LEVELS:
        raise SettingsError(f"{name} must be one of {', '.join(LOG_LEVELS)}, not {raw!r}")
    return value


def setting(default: T, parse: Parser, *, secret: bool = False) -> T:
    """A field read from the variable named like it, in upper case, by `parse`."""
    return field(default=default, repr=not secret, metadata={"parse": parse})


_PORT = _whole(1, 65535)
_HTTP = _url("http", "https")


@dataclass(frozen=True)
class Settings:
    # -- Telegram --
    telegram_bot_token: str = setting("", _text, secret=True)  # never printed, never logged
    telegram_api_url: str = setting("https://api.telegram.org/bot", _HTTP)
    telegram_file_url: str = setting("https://api.telegram.org/file/bot", _HTTP)
    telegram_rate_limit: float = setting(30.0, _number())  # messages/s overall; 0: no cap
    # -- webhook mode --
    webhook_url: str = setting("", _url("https"))  # public HTTPS URL; empty means polling
    webhook_listen: str = setting("0.0.0.0", _text)
    webhook_port: int = setting(8443, _PORT)
    webhook_path: str = setting("telegram", _webhook_path)
    webhook_secret: str = setting("", _secret, secret=True)
    webhook_max_body_bytes: int = setting(256 * 1024, _whole(1024, 64 * 1024 * 1024))
    # -- readers --
    flood_messages: int = setting(20, _whole(1, 1_000_000))  # per reader ...
    flood_window_seconds: float = setting(60.0, _number(above_minimum=True))  # ... this long
    answer_threshold: float | None = setting(None, _number(0.0, 100.0))  # None: tuned default
    # -- knowledge and data --
    knowledge_dir: Path = setting(DEFAULT_KNOWLEDGE_DIR, _path)
    data_dir: Path = setting(DEFAULT_DATA_DIR, _path)
    database_path: Path | None = setting(None, _path)  # None: data_dir / questions.sqlite3
    inbox_path: Path | None = setting(None, _path)  # None: data_dir / inbox.sqlite3
    record_questions: bool = setting(True, _flag)
    retention_days: int = setting(90, _whole(1, 36_500))
    # -- operations --
    reload_seconds: float = setting(2.0, _number())  # knowledge re-read check; 0: SIGHUP only
    shutdown_seconds: float = setting(8.0, _number(above_minimum=True))
    log_level: str = setting("INFO", _log_level)

    @property
    def database(self) -> Path:
        return self.database_path or self.data_dir / "questions.sqlite3"

    @property
    def inbox(self) -> Path:
        """The durable journal of updates not yet answered."""
        return self.inbox_path or self.data_dir / "inbox.sqlite3"

    @property
    def has_token(self) -> bool:
        return bool(self.telegram_bot_token.strip())

    @classmethod
    def load(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | str | None = ".env"
    ) -> Settings:
        """Read settings; the process environment wins over `.env`. Empty means unset."""
        values: dict[str, str] = {}
        if env_file is not None and Path(env_file).is_file():
            values.update({k: v or "" for k, v in dotenv_values(env_file).items()})
        values.update(os.environ if environ is None else environ)
        raw = {k: v.strip() for k, v in values.items() if v is not None and v.strip()}
        for old, new in DEPRECATED.items():
            if old in raw:
                log.warning("%s is deprecated: name it %s", old, new)
                raw.setdefault(new, raw[old])

        kwargs: dict[str, object] = {}
        for f in fields(cls):
            name = f.name.upper()
            if name in raw:
                kwargs[f.name] = f.metadata["parse"](name, raw[name])
        return cls(**kwargs)  # type: ignore[arg-type]


def variables() -> tuple[str, ...]:
    """Every environment variable the bot reads, in declaration order."""
    return tuple(f.name.upper() for f in fields(Settings))
