"""Webhook mode: a small HTTP server that only Telegram can feed.

Requests must carry the secret registered with setWebhook (a random one is made at start when
WEBHOOK_SECRET is unset), else 403. Bodies over a small limit get 413: Telegram's updates are a
few kilobytes, and the body is counted, not kept, so a huge one costs nothing and stalls no
one. A body that is not a JSON update gets 400. An update is journalled before the 200 that
tells Telegram it arrived; while the backlog is long the answer is 503, and Telegram resends.
python-telegram-bot's own webhook server has no size limit and no journal, so it is not used.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

import tornado.web
from tornado.httpserver import HTTPServer

from bot.telegram.intake import Worker

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024  # WEBHOOK_MAX_BODY_BYTES' default
BACKLOG = 1000  # unanswered updates beyond which new ones get 503 (Telegram retries later)
BODY_TIMEOUT = 10.0  # seconds a client may take to send a body
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    """POST <path>: one update from Telegram."""

    def initialize(self, worker: Worker, secret: str, max_body: int) -> None:
        self.worker, self.secret, self.max_body = worker, secret, max_body
        self.chunks: list[bytes] = []
        self.size = 0

    def prepare(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            self._refuse(403, "wrong or missing secret token")

    def data_received(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size <= self.max_body:
            self.chunks.append(chunk)
        else:
            self.chunks.clear()  # counted, never kept

    def post(self) -> None:
        if self.size > self.max_body:
            self._refuse(413, "body too large")
            return
        try:
            body = b"".join(self.chunks).decode("utf-8")
            data: Any = json.loads(body)
        except ValueError:  # invalid UTF-8 or JSON (UnicodeDecodeError is a ValueError)
            self._refuse(400, "not a JSON update")
            return
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            self._refuse(400, "not a JSON update")
            return
        if self.worker.backlog >= BACKLOG:
            self.set_header("Retry-After", "5")
            self._refuse(503, "busy")
            return
        for update_id, text in self.worker.inbox.add([(data["update_id"], body)]):
            self.worker.submit(update_id, text)
        self.finish()

    def _refuse(self, status: int, why: str) -> None:
        logger.debug("Webhook request refused (%d, %s)", status, why)
        self.set_status(status)
        self.finish()


class _App(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        """Silent: a line per update would carry nothing useful and cost a write each."""


def server(worker: Worker, path: str, secret: str, max_body: int = MAX_BODY_BYTES) -> HTTPServer:
    """The webhook server (not yet listening): POST /<path> with the secret, nothing else."""
    route = "/" + path.strip("/")
    app = _App([(route.rstrip("/") + "/?", UpdateHandler,
                 {"worker": worker, "secret": secret, "max_body": max_body})])
    return HTTPServer(app, max_body_size=max(max_body, 1) * 64, body_timeout=BODY_TIMEOUT,
                      idle_connection_timeout=60)
