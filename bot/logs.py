"""Logging set-up, done once for every command, and the filter that keeps the bot token out.

The token is part of every Bot API URL, and httpx logs URLs; a traceback can carry it too. So
the filter sits on every handler of the root logger, not on a chosen logger. Readers' messages
are never logged by our code; at DEBUG python-telegram-bot's own lines may contain them.
"""

from __future__ import annotations

import contextlib
import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
CHATTY = ("httpx", "httpcore")  # a line per request; kept only at DEBUG


class TokenFilter(logging.Filter):
    """Replaces the bot token wherever it would appear in a log line (httpx logs URLs)."""

    def __init__(self, token: str):
        super().__init__()
        secret = token.split(":", 1)[-1]
        self.secrets = [s for s in (token, secret) if len(s) >= 8]

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        with contextlib.suppress(Exception):  # a malformed record is logging's to report
            record.msg, record.args = self._clean(record.getMessage()), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


def setup(level: str = "INFO", token: str = "") -> None:
    """Log at `level` to stderr (one handler, added once) with `token` filtered everywhere."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    numeric = logging.getLevelName(level.upper())
    root.setLevel(numeric if isinstance(numeric, int) else logging.INFO)
    for name in CHATTY:
        logging.getLogger(name).setLevel(
            logging.NOTSET if root.level <= logging.DEBUG else logging.WARNING)
    if token:
        protect(token)


def protect(token: str) -> None:
    """Add a token filter to every root handler that lacks one (idempotent)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, TokenFilter) for f in handler.filters):
            handler.addFilter(TokenFilter(token))


__all__ = ["TokenFilter", "protect", "setup"]
