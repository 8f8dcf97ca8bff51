"""The Telegram front end: updates in, the conversation's replies out as messages and buttons.

Thin by design: `handlers` picks the question out of an update and asks the conversation;
`delivery` sends (pacing and retrying in one place); `app` assembles and serves; `state` is what
one application's handlers share; `flood` is per-reader flood control (no Telegram in it).
"""

from bot.logs import TokenFilter
from bot.telegram.app import (
    COMMANDS,
    StartupError,
    build_application,
    run,
    serve,
    webhook_endpoint,
)
from bot.telegram.delivery import SEND_ATTEMPTS, Delivery

__all__ = ["COMMANDS", "SEND_ATTEMPTS", "Delivery", "StartupError", "TokenFilter",
           "build_application", "run", "serve", "webhook_endpoint"]
