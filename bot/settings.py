"""Every setting, read once from the environment (and `.env`, which never overrides it).

Settings live in one frozen object so the engine, Telegram layer and curator tools agree on
them, and so tests can build their own without touching the process environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_KNOWLEDGE_DIR = PACKAGE_DIR.parent / "knowledge"
DEFAULT_DATA_DIR = Path.home() / ".local" / "share" / "article-bot"


class SettingsError(ValueError):
    """A setting has a value the bot cannot use; the message names the variable."""


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise SettingsError(f"{name} must be true or false, not {raw!r}")


def _int(name: str, raw: str, minimum: int = 0) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, not {value}")
    return value


def _float(name: str, raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, not {raw!r}") from None


@dataclass(frozen=True)
class Settings:
    telegram_token: str = field(default="", repr=False)  # never printed, never logged
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_file_url: str = "https://api.telegram.org/file/bot"
    telegram_rate_limit: float = 30.0  # outgoing messages/s across all chats; 0: no overall cap
    webhook_url: str = ""  # public HTTPS URL; empty means polling
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_path: str = "telegram"
    webhook_secret: str = field(default="", repr=False)
    knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR
    data_dir: Path = DEFAULT_DATA_DIR
    database_path: Path | None = None  # defaults to data_dir / "questions.sqlite3"
    recording: bool = True
    retention_days: int = 90
    flood_messages: int = 20  # per reader ...
    flood_window_seconds: float = 60.0  # ... in this window, before they are slowed
    log_level: str = "INFO"
    confidence: float | None = None  # overrides the engine's tuned threshold

    @property
    def database(self) -> Path:
        return self.database_path or self.data_dir / "questions.sqlite3"

    @property
    def has_token(self) -> bool:
        return bool(self.telegram_token.strip())

    @classmethod
    def load(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | str | None = ".env"
    ) -> Settings:
        """Read settings; the process environment wins over `.env`."""
        values: dict[str, str] = {}
        if env_file is not None and Path(env_file).is_file():
            values.update({k: v or "" for k, v in dotenv_values(env_file).items()})
        values.update(os.environ if environ is None else environ)

        def get(name: str) -> str | None:
            raw = values.get(name)
            return raw.strip() if raw is not None and raw.strip() != "" else None

        kwargs: dict[str, object] = {}
        if (v := get("TELEGRAM_BOT_TOKEN")) is not None:
            kwargs["telegram_token"] = v
        if (v := get("TELEGRAM_API_URL")) is not None:
            kwargs["telegram_api_url"] = v
        if (v := get("TELEGRAM_FILE_URL")) is not None:
            kwargs["telegram_file_url"] = v
        if (v := get("TELEGRAM_RATE_LIMIT")) is not None:
            kwargs["telegram_rate_limit"] = _float("TELEGRAM_RATE_LIMIT", v)
        if (v := get("WEBHOOK_URL")) is not None:
            kwargs["webhook_url"] = v
        if (v := get("WEBHOOK_LISTEN")) is not None:
            kwargs["webhook_listen"] = v
        if (v := get("WEBHOOK_PORT")) is not None:
            kwargs["webhook_port"] = _int("WEBHOOK_PORT", v, 1)
        if (v := get("WEBHOOK_PATH")) is not None:
            kwargs["webhook_path"] = v.strip("/")
        if (v := get("WEBHOOK_SECRET")) is not None:
            kwargs["webhook_secret"] = v
        if (v := get("KNOWLEDGE_DIR")) is not None:
            kwargs["knowledge_dir"] = Path(v).expanduser()
        if (v := get("DATA_DIR")) is not None:
            kwargs["data_dir"] = Path(v).expanduser()
        if (v := get("DATABASE_PATH")) is not None:
            kwargs["database_path"] = Path(v).expanduser()
        if (v := get("RECORD_QUESTIONS")) is not None:
            kwargs["recording"] = _flag("RECORD_QUESTIONS", v)
        if (v := get("RETENTION_DAYS")) is not None:
            kwargs["retention_days"] = _int("RETENTION_DAYS", v, 1)
        if (v := get("FLOOD_MESSAGES")) is not None:
            kwargs["flood_messages"] = _int("FLOOD_MESSAGES", v, 1)
        if (v := get("FLOOD_WINDOW_SECONDS")) is not None:
            kwargs["flood_window_seconds"] = _float("FLOOD_WINDOW_SECONDS", v)
        if (v := get("LOG_LEVEL")) is not None:
            kwargs["log_level"] = v.upper()
        if (v := get("ANSWER_CONFIDENCE")) is not None:
            kwargs["confidence"] = _float("ANSWER_CONFIDENCE", v)
        return cls(**kwargs)  # type: ignore[arg-type]
