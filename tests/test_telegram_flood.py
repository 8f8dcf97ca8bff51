"""Flood control: a reader who floods is slowed politely; other readers are not affected."""

from __future__ import annotations

from dataclasses import replace

from bot.telegram.flood import FloodGate, Verdict
from tests.botapi import BotAPI, running, texts
from tests.conftest import make_app


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_gate_allows_up_to_the_limit_then_warns_once_then_drops() -> None:
    gate = FloodGate(3, 60, clock=Clock())
    verdicts = [gate.check(1) for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN] + [Verdict.DROP] * 2


def test_gate_frees_as_the_window_slides() -> None:
    clock = Clock()
    gate = FloodGate(2, 10, clock=clock)
    assert [gate.check(1), gate.check(1), gate.check(1)] == [Verdict.ALLOW, Verdict.ALLOW,
                                                             Verdict.WARN]
    clock.now += 10
    assert gate.check(1) is Verdict.ALLOW  # and a later flood is warned about again
    assert [gate.check(1), gate.check(1)] == [Verdict.ALLOW, Verdict.WARN]


def test_gate_counts_each_reader_separately() -> None:
    gate = FloodGate(1, 60, clock=Clock())
    assert gate.check(1) is Verdict.ALLOW and gate.check(1) is Verdict.WARN
    assert gate.check(2) is Verdict.ALLOW


def test_gate_forgets_idle_readers_to_bound_memory() -> None:
    clock = Clock()
    gate = FloodGate(1, 5, clock=clock, max_readers=10)
    for reader in range(10):
        gate.check(reader)
    clock.now += 6
    gate.check(99)
    assert len(gate) == 1


async def test_a_flooding_reader_is_slowed_politely_without_starving_others(
        bot_api: BotAPI, bot_settings, tiny_knowledge, tiny_engine) -> None:
    settings = replace(bot_settings, flood_messages=3, flood_window_seconds=60)
    app = make_app(settings, tiny_knowledge, tiny_engine)
    async with running(app, settings) as handled:
        for _ in range(12):
            bot_api.message(1, "What is vitamin D?")
        bot_api.message(2, "Which foods contain vitamin D?")
        await handled.wait(13)
    to_flooder = texts(bot_api.sent(where=lambda c: c.params["chat_id"] == 1))
    assert sum("<blockquote>" in t for t in to_flooder) == 3
    assert sum("faster than I can read" in t for t in to_flooder) == 1
    assert len(to_flooder) == 4
    [other] = texts(bot_api.sent(where=lambda c: c.params["chat_id"] == 2))
    assert "Oily fish" in other
