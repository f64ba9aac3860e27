"""The log file: a plain handler at the start (the file rotated first when full), the rotating
handler once `keep_rotating` puts it in place; nothing written is lost on the way."""
from __future__ import annotations

import logging

import pytest

from desktop import logs


@pytest.fixture(autouse=True)
def _fresh_logging(monkeypatch):
    monkeypatch.setattr(logs, "_configured", None)
    root = logging.getLogger("isodesk")
    before = list(root.handlers)
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in before:
        root.addHandler(handler)


def test_a_full_log_is_rotated_at_the_start(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / "isodesk.log").write_text("x" * logs.MAX_BYTES, encoding="utf-8")
    for n in range(1, logs.BACKUP_COUNT + 1):
        (folder / f"isodesk.log.{n}").write_text(f"old {n}", encoding="utf-8")
    path = logs.setup_logging(tmp_path)
    logging.getLogger("isodesk.test").info("first line")
    assert (folder / "isodesk.log.1").read_text(encoding="utf-8") == "x" * logs.MAX_BYTES
    assert (folder / "isodesk.log.2").read_text(encoding="utf-8") == "old 1"
    assert (folder / f"isodesk.log.{logs.BACKUP_COUNT}").read_text(encoding="utf-8") == \
        f"old {logs.BACKUP_COUNT - 1}"
    assert not (folder / f"isodesk.log.{logs.BACKUP_COUNT + 1}").exists()
    assert "first line" in path.read_text(encoding="utf-8")


def test_the_rotating_handler_takes_over_without_losing_a_line(tmp_path):
    path = logs.setup_logging(tmp_path)
    log = logging.getLogger("isodesk.test")
    log.info("before")
    root = logging.getLogger("isodesk")
    assert [type(h).__name__ for h in root.handlers] == ["FileHandler"]
    logs.keep_rotating()
    logs.keep_rotating()   # a second call changes nothing
    assert [type(h).__name__ for h in root.handlers] == ["RotatingFileHandler"]
    log.info("after")
    text = path.read_text(encoding="utf-8")
    assert text.count("before") == 1 and text.count("after") == 1
    log.info("y" * logs.MAX_BYTES)        # the run's own log fills up: rotated as it runs
    log.info("next")
    assert (path.parent / "isodesk.log.1").exists()
    assert "next" in path.read_text(encoding="utf-8")
