"""Hot reload: a curator's edit is served without a restart, and a broken edit never is."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from pathlib import Path

import pytest
import yaml

from bot.engine import Engine
from bot.knowledge import Knowledge
from bot.reload import Reloader
from bot.results import Answer
from tests.conftest import TESTS_DIR

TINY = TESTS_DIR / "data" / "tiny"


class Served:
    """What a front end holds: the knowledge and engine it answers with, swapped on reload."""

    def __init__(self, knowledge_dir: Path):
        from bot.knowledge import load_knowledge

        self.knowledge = load_knowledge(knowledge_dir)
        self.engine = Engine.from_knowledge(self.knowledge)
        self.swaps = 0

    def swap(self, knowledge: Knowledge, engine: Engine) -> None:
        self.knowledge, self.engine, self.swaps = knowledge, engine, self.swaps + 1

    def answer(self, question: str) -> str | None:
        result = self.engine.ask(question)
        return result.entry.answer if isinstance(result, Answer) else None


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    shutil.copytree(TINY, tmp_path / "knowledge" / "tiny")
    return tmp_path / "knowledge"


def edit(pack_file: Path, change) -> None:
    data = yaml.safe_load(pack_file.read_text(encoding="utf-8"))
    change(data)
    pack_file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                         encoding="utf-8")
    bump(pack_file)


def bump(path: Path) -> None:
    """Move the modification time on, as a later save would (file systems tick coarsely)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def reloader(knowledge_dir: Path, served: Served) -> Reloader[Engine]:
    return Reloader(knowledge_dir, Engine.from_knowledge, served.swap, interval=0.05)


def test_nothing_changed_means_nothing_reloaded(knowledge_dir: Path) -> None:
    served = Served(knowledge_dir)
    assert reloader(knowledge_dir, served).check_now() is False
    assert served.swaps == 0


def test_a_good_edit_is_served_without_a_restart(knowledge_dir: Path) -> None:
    served = Served(knowledge_dir)
    watcher = reloader(knowledge_dir, served)
    pack_file = knowledge_dir / "tiny" / "pack.yaml"
    edit(pack_file, lambda d: d["entries"][0]["questions"].append("what is the sunshine vitamin"))
    assert served.answer("what is the sunshine vitamin") is None
    assert watcher.check_now() is True
    assert served.answer("what is the sunshine vitamin").startswith("Vitamin D is a nutrient")
    assert watcher.check_now() is False and served.swaps == 1


def test_a_broken_edit_keeps_the_old_knowledge_and_logs_file_entry_and_field_once(
        knowledge_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    served = Served(knowledge_dir)
    watcher = reloader(knowledge_dir, served)
    old = served.answer("What is vitamin D?")
    pack_file = knowledge_dir / "tiny" / "pack.yaml"
    edit(pack_file, lambda d: d["entries"][0].update(answer="Vitamin D cures everything."))
    with caplog.at_level(logging.ERROR, logger="bot.reload"):
        assert watcher.check_now() is False
        assert watcher.check_now() is False
    assert served.answer("What is vitamin D?") == old and served.swaps == 0
    problems = [r.getMessage() for r in caplog.records if "verbatim" in r.getMessage()]
    assert problems == [f"  {pack_file}: entry 'what-is-vitamin-d': field 'answer': "
                        "is not quoted verbatim from the source text"]


def test_a_new_pack_is_picked_up(knowledge_dir: Path) -> None:
    served = Served(knowledge_dir)
    watcher = reloader(knowledge_dir, served)
    new = knowledge_dir / "owls"
    new.mkdir()
    (new / "source.txt").write_text("Owls hunt mostly at night.\n", encoding="utf-8")
    (new / "pack.yaml").write_text(yaml.safe_dump({
        "title": "Owls", "publisher": "Test", "url": "https://example.org/owls",
        "source_text": "source.txt",
        "entries": [{"id": "owl-hunting", "questions": ["When do owls hunt?"],
                     "answer": "Owls hunt mostly at night."}]}), encoding="utf-8")
    assert watcher.check_now() is True
    assert [p.name for p in served.knowledge.packs] == ["owls", "tiny"]
    assert served.answer("When do owls hunt?") == "Owls hunt mostly at night."


async def test_running_in_the_background_picks_up_an_edit_within_the_interval(
        knowledge_dir: Path) -> None:
    served = Served(knowledge_dir)
    stop = asyncio.Event()
    task = asyncio.create_task(reloader(knowledge_dir, served).run(stop))
    edit(knowledge_dir / "tiny" / "pack.yaml",
         lambda d: d["entries"][0]["questions"].append("what is the sunshine vitamin"))
    for _ in range(100):
        if served.swaps:
            break
        await asyncio.sleep(0.02)
    stop.set()
    await asyncio.wait_for(task, 1)
    assert served.answer("what is the sunshine vitamin") is not None
