"""Settings: each read from the variable named like it, validated with one line naming it, and
documented in `.env.example` and the README exactly as the code declares them."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, variables

ROOT = Path(__file__).resolve().parent.parent

# A valid raw value for every variable, and what it becomes.
VALID: dict[str, tuple[str, object]] = {
    "TELEGRAM_BOT_TOKEN": ("123:abc", "123:abc"),
    "TELEGRAM_API_URL": ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/bot"),
    "TELEGRAM_FILE_URL": ("https://files.example/file/bot", "https://files.example/file/bot"),
    "TELEGRAM_RATE_LIMIT": ("0", 0.0),
    "WEBHOOK_URL": ("https://bot.example.org", "https://bot.example.org"),
    "WEBHOOK_LISTEN": ("127.0.0.1", "127.0.0.1"),
    "WEBHOOK_PORT": ("65535", 65535),
    "WEBHOOK_PATH": ("/hook/", "hook"),
    "WEBHOOK_SECRET": ("s3cret_-X", "s3cret_-X"),
    "WEBHOOK_MAX_BODY_BYTES": ("1048576", 1048576),
    "FLOOD_MESSAGES": ("1", 1),
    "FLOOD_WINDOW_SECONDS": ("0.5", 0.5),
    "ANSWER_THRESHOLD": ("100", 100.0),
    "KNOWLEDGE_DIR": ("/srv/knowledge", Path("/srv/knowledge")),
    "DATA_DIR": ("/srv/data", Path("/srv/data")),
    "DATABASE_PATH": ("/srv/q.sqlite3", Path("/srv/q.sqlite3")),
    "INBOX_PATH": ("/srv/inbox.sqlite3", Path("/srv/inbox.sqlite3")),
    "RECORD_QUESTIONS": ("off", False),
    "RETENTION_DAYS": ("36500", 36500),
    "RELOAD_SECONDS": ("0", 0.0),
    "SHUTDOWN_SECONDS": ("9.5", 9.5),
    "LOG_LEVEL": ("debug", "DEBUG"),
}

INVALID = [
    ("ANSWER_THRESHOLD", "nan"), ("ANSWER_THRESHOLD", "-5"), ("ANSWER_THRESHOLD", "200"),
    ("ANSWER_THRESHOLD", "inf"), ("ANSWER_THRESHOLD", "high"),
    ("TELEGRAM_RATE_LIMIT", "-1"), ("TELEGRAM_RATE_LIMIT", "nan"), ("TELEGRAM_RATE_LIMIT", "inf"),
    ("FLOOD_WINDOW_SECONDS", "0"), ("FLOOD_WINDOW_SECONDS", "-60"),
    ("FLOOD_WINDOW_SECONDS", "nan"), ("FLOOD_WINDOW_SECONDS", "inf"),
    ("FLOOD_MESSAGES", "0"), ("FLOOD_MESSAGES", "2.5"),
    ("WEBHOOK_PORT", "0"), ("WEBHOOK_PORT", "99999"), ("WEBHOOK_PORT", "http"),
    ("LOG_LEVEL", "LOUD"), ("LOG_LEVEL", "5"),
    ("RETENTION_DAYS", "0"), ("RETENTION_DAYS", "1000000000000000"), ("RETENTION_DAYS", "1e3"),
    ("WEBHOOK_URL", "http://bot.example.org"), ("WEBHOOK_URL", "bot.example.org"),
    ("WEBHOOK_SECRET", "has space"), ("WEBHOOK_SECRET", "x" * 257), ("WEBHOOK_SECRET", "ü"),
    ("TELEGRAM_API_URL", "ftp://example.org/bot"), ("TELEGRAM_FILE_URL", "example.org"),
    ("RECORD_QUESTIONS", "maybe"),
    ("SHUTDOWN_SECONDS", "0"), ("RELOAD_SECONDS", "-1"),
    ("WEBHOOK_MAX_BODY_BYTES", "10"), ("WEBHOOK_PATH", "/"), ("WEBHOOK_PATH", "a b?c"),
]


def load(**env: str) -> Settings:
    return Settings.load(env, env_file=None)


def test_every_setting_is_read_from_the_variable_named_like_its_field():
    assert set(VALID) == set(variables())  # a new setting needs a sample here
    settings = load(**{name: raw for name, (raw, _) in VALID.items()})
    for name, (_, expected) in VALID.items():
        assert getattr(settings, name.lower()) == expected, name


def test_unset_or_empty_variables_keep_the_defaults():
    assert load() == Settings()
    assert load(**dict.fromkeys(variables(), "  ")) == Settings()
    defaults = Settings(data_dir=Path("/d"))
    assert (defaults.database, defaults.inbox) == (Path("/d/questions.sqlite3"),
                                                    Path("/d/inbox.sqlite3"))
    assert (defaults.webhook_max_body_bytes, defaults.shutdown_seconds,
            defaults.reload_seconds) == (256 * 1024, 8.0, 2.0)


@pytest.mark.parametrize("name, raw", INVALID)
def test_a_bad_value_is_refused_in_one_line_naming_the_variable(name: str, raw: str):
    with pytest.raises(SettingsError) as caught:
        load(**{name: raw})
    message = str(caught.value)
    assert message.startswith(name) and "\n" not in message


def test_secrets_never_appear_in_the_settings_repr_or_messages():
    settings = load(TELEGRAM_BOT_TOKEN="123:very-secret", WEBHOOK_SECRET="hush_hush")
    assert "very-secret" not in repr(settings) and "hush_hush" not in repr(settings)
    with pytest.raises(SettingsError) as caught:
        load(WEBHOOK_SECRET="hush hush")
    assert "hush" not in str(caught.value)


def test_answer_confidence_is_still_read_with_a_deprecation_warning(caplog):
    with caplog.at_level(logging.WARNING):
        assert load(ANSWER_CONFIDENCE="70").answer_threshold == 70.0
    assert "ANSWER_CONFIDENCE is deprecated" in caplog.text and "ANSWER_THRESHOLD" in caplog.text
    assert load(ANSWER_CONFIDENCE="70", ANSWER_THRESHOLD="60").answer_threshold == 60.0
    with pytest.raises(SettingsError, match="^ANSWER_THRESHOLD"):
        load(ANSWER_CONFIDENCE="nan")


def test_the_environment_wins_over_the_env_file(tmp_path: Path):
    env_file = tmp_path / ".env"
    env_file.write_text("LOG_LEVEL=WARNING\nRETENTION_DAYS=7\n")
    settings = Settings.load({"LOG_LEVEL": "ERROR"}, env_file=env_file)
    assert (settings.log_level, settings.retention_days) == ("ERROR", 7)


# -- the documentation names exactly the settings the code reads --------------------------------

def env_example_variables() -> list[str]:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE)


def readme_table_variables() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Settings the Telegram bot reads", 1)[1]
    rows = [line for line in section.split("\n\n", 2)[1].splitlines() if line.startswith("|")]
    names: list[str] = []
    for row in rows[2:]:  # past the header and its rule
        names += re.findall(r"`([A-Z][A-Z0-9_]*)`", row.split("|")[1])
    return names


def test_env_example_lists_every_setting_once_and_nothing_else():
    listed = env_example_variables()
    assert sorted(listed) == sorted(variables())


def test_the_readme_settings_table_lists_every_setting_once_and_nothing_else():
    listed = readme_table_variables()
    assert sorted(listed) == sorted(variables())


def test_the_readme_warns_that_debug_logs_hold_message_texts():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Settings the Telegram bot reads", 1)[1].split("\n\n", 2)[1]
    [row] = [line for line in section.splitlines() if line.startswith("| `LOG_LEVEL`")]
    assert "DEBUG" in row and "message texts" in row
