"""The Telegram front end: updates in, the conversation's replies out as messages and buttons.

Thin by design, one module per concern:
  app       builds the Application (defaults, every handler in one block) and serves it
  handlers  messages, commands and buttons: update -> conversation -> send
  inline    inline mode
  delivery  sending: pacing, retries with backoff, a 429 pausing only its chat
  intake    updates in: journalled in the inbox (bot.inbox) first, handled at a bounded pace
  webhook   the webhook server (secret required, small bodies only)
  state     what one application's handlers share
  flood     per-reader flood control (no Telegram in it)
"""

from bot.logs import TokenFilter
from bot.telegram.app import (
    COMMANDS,
    Reloading,
    StartupError,
    build_application,
    run,
    serve,
    webhook_endpoint,
)
from bot.telegram.delivery import SEND_ATTEMPTS, Delivery

__all__ = ["COMMANDS", "SEND_ATTEMPTS", "Delivery", "Reloading", "StartupError", "TokenFilter",
           "build_application", "run", "serve", "webhook_endpoint"]
