"""The audit chain's head is anchored outside the log: a shortened log, a rewritten log and a
signed minutes that disappeared are found (`isodesk db check`, `isodesk minutes verify`).

The attack is done as someone editing the file would: a plain SQLite connection, the triggers
dropped, the audit tail deleted from the first `minutes_signed` on, the signatures deleted, the
content edited and the status set back to draft.
"""
from __future__ import annotations

import hashlib
import json

from desktop.models import anchors, audit
from desktop.models import minutes as M
from desktop.models.anchor_check import check_chain
from desktop.models.datafile import open_store
from desktop.models.db import CHECKPOINT_FILENAME, DB_FILENAME, list_backups
from tests.cli_auth import run_cli

from .helpers import raw_connection, signed


def _drop_all_triggers(conn) -> None:
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")


def forge_unsigned_draft(store, rev) -> None:
    """The attack of the report: no trace left in the file itself."""
    conn = raw_connection(store)
    _drop_all_triggers(conn)
    first = conn.execute("SELECT min(seq) FROM audit_log WHERE action = 'minutes_signed'"
                         ).fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE seq >= ?", (first,))
    conn.execute("DELETE FROM minutes_signatures WHERE minutes_id = ?", (rev.minutes_id,))
    conn.execute("UPDATE minutes_revisions SET content = 'Nội dung đã sửa', status = 'draft', "
                 "content_sha256 = NULL WHERE id = ?", (rev.id,))
    conn.close()


def cli(capsys, data_dir, *args) -> tuple[int, dict, str]:
    code = run_cli(["--data-dir", data_dir, *args, "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else {}, err


def test_with_every_local_anchor_removed_the_file_alone_cannot_tell(store, data_dir, capsys):
    """The limit (docs/minutes-signing.md): the log itself and the minutes look intact after
    the attack; with the anchor table emptied, the checkpoint file deleted and no backup, only
    the province's copy and acknowledgement can show it."""
    rev = signed(store)
    forge_unsigned_draft(store, rev)
    assert audit.verify_chain(store).ok                       # the chain alone is fine
    assert M.verify_minutes(store, rev.minutes_id)["valid"]   # and so is the minutes
    conn = raw_connection(store)
    conn.execute("DELETE FROM audit_anchors")                  # no anchor in the table …
    conn.close()
    (data_dir / CHECKPOINT_FILENAME).unlink()                  # … nor in the file, no backup
    assert list_backups(data_dir / "backups") == []
    code, out, _ = cli(capsys, data_dir, "db", "check")
    assert code == 0                # what no anchor covers is not seen here (the province is)
    assert "Chưa có điểm mốc" in out["audit"]["message"]      # and the check says so


def test_a_shortened_log_is_found_by_db_check_and_minutes_verify(store, data_dir, capsys):
    rev = signed(store, confirm=True)
    forge_unsigned_draft(store, rev)
    store.close(clean=False)
    code, out, err = cli(capsys, data_dir, "db", "check")
    assert code == 1 and out["audit"]["ok"] is False
    assert "bị cắt ngắn" in err and "sau khi ký biên bản" in err
    code, out, err = cli(capsys, data_dir, "minutes", "verify", rev.minutes_id)
    assert code == 1 and out["valid"] is False and out["audit_chain"]["ok"] is False
    assert "bị cắt ngắn" in err


def test_the_checkpoint_file_alone_still_finds_it(store, data_dir, capsys):
    rev = signed(store)
    forge_unsigned_draft(store, rev)
    conn = raw_connection(store)
    conn.execute("DELETE FROM audit_anchors")                 # the attacker knew of the table
    conn.close()
    code, _, err = cli(capsys, data_dir, "db", "check")
    assert code == 1 and "bị cắt ngắn" in err


def test_the_exit_backup_alone_still_finds_it(store, data_dir, capsys):
    rev = signed(store)
    store.close(clean=True)                                   # backup at exit
    store = open_store(data_dir / DB_FILENAME)
    forge_unsigned_draft(store, rev)
    conn = raw_connection(store)
    conn.execute("DELETE FROM audit_anchors")
    conn.close()
    (data_dir / CHECKPOINT_FILENAME).unlink()
    store.close(clean=False)
    code, out, err = cli(capsys, data_dir, "db", "check")
    assert code == 1 and "bản sao lưu isodesk-" in err and "bị cắt ngắn" in err
    assert f"Biên bản số {rev.number}" in err and "có trong bản sao lưu" in err


def test_a_rewritten_log_is_found(store, data_dir, capsys):
    rev = signed(store)
    checkpoint_seq = anchors.chain_head(store).seq
    for i in range(3):
        audit.append(store, "later", new={"i": i})
    conn = raw_connection(store)
    _drop_all_triggers(conn)
    first = conn.execute("SELECT min(seq) FROM audit_log WHERE action = 'minutes_signed'"
                         ).fetchone()[0]
    # remove the signing entries from the middle and rebuild every later hash: a valid chain,
    # as long as the one anchored
    conn.execute("DELETE FROM audit_log WHERE action = 'minutes_signed'")
    rows = conn.execute("SELECT seq, at, actor, action, table_name, record_id, old, new FROM "
                        "audit_log WHERE seq > ? ORDER BY seq", (first,)).fetchall()
    prev = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (first - 1,)).fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE seq > ?", (first - 1,))
    for n, (_seq, at, actor, action, table, rid, old, new) in enumerate(rows, start=first):
        digest = audit._entry_hash(n, at, actor, action, table, rid, old, new, prev)
        conn.execute("INSERT INTO audit_log VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (n, at, actor, action, table, rid, old, new, prev, digest))
        prev = digest
    while conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0] < checkpoint_seq + 3:
        n = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0] + 1
        digest = audit._entry_hash(n, "x", "x", "padding", None, None, None, None, prev)
        conn.execute("INSERT INTO audit_log VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (n, "x", "x", "padding", None, None, None, None, prev, digest))
        prev = digest
    conn.close()
    assert audit.verify_chain(store).ok
    result = check_chain(store)
    assert not result.ok and any("viết lại" in p for p in result.problems)


def test_a_signed_minutes_that_disappeared_is_named(store, data_dir, capsys):
    rev = signed(store, confirm=True)
    conn = raw_connection(store)
    _drop_all_triggers(conn)
    conn.execute("PRAGMA foreign_keys = OFF")
    for table in ("minutes_signatures", "minutes_participants", "minutes_action_items",
                  "minutes_attachments", "minutes_revisions"):
        column = "id" if table == "minutes_revisions" else "revision_id"
        conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (rev.id,))
    conn.execute("DELETE FROM minutes WHERE id = ?", (rev.minutes_id,))
    conn.close()
    code, out, err = cli(capsys, data_dir, "db", "check")
    assert code == 1 and f"Biên bản số {rev.number} đã ký" in err and "không còn" in err
    assert out["audit"]["entries"] > 0


def test_a_deleted_signature_is_named(store, data_dir, capsys):
    rev = signed(store)
    conn = raw_connection(store)
    _drop_all_triggers(conn)
    conn.execute("UPDATE minutes_signatures SET deleted = 1 WHERE revision_id = ?", (rev.id,))
    conn.close()
    result = check_chain(store)
    assert any("đã bị xóa" in p and rev.number in p for p in result.problems)


def test_a_forged_checkpoint_line_is_refused(store, data_dir):
    signed(store)
    path = data_dir / CHECKPOINT_FILENAME
    lines = path.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    assert last["signature"] and last["reason"] == "minutes_signed"
    last["seq"] -= 1                                          # an attacker's lower head
    path.write_text("\n".join([*lines[:-1], json.dumps(last)]) + "\n", encoding="utf-8")
    result = check_chain(store)
    assert any("không mang chữ ký hợp lệ" in p for p in result.problems)


def test_a_restore_gives_up_later_anchors_without_an_alarm(store, data_dir, capsys):
    from desktop.models.datafile import restore_backup

    store.close(clean=True)
    [backup] = list_backups(data_dir / "backups")
    store = open_store(data_dir / DB_FILENAME)
    signed(store)                                           # work after the backup …
    store.close(clean=True)                                 # (a later backup holds it)
    restore_backup(data_dir / DB_FILENAME, backup)           # … given up by a restore
    code, out, err = cli(capsys, data_dir, "db", "check")
    assert code == 0, err
    assert any("khôi phục" in n for n in out["audit"]["notes"])
    assert list(data_dir.glob("audit-checkpoints-before-restore-*.jsonl"))


def test_checkpoints_are_signed_by_the_unit_key(store, data_dir):
    from sync.keys import load_unit_keys

    signed(store)
    line = json.loads((data_dir / CHECKPOINT_FILENAME).read_text(encoding="utf-8")
                      .splitlines()[-1])
    assert line["key"] == load_unit_keys(store).sign_public
    head = anchors.chain_head(store)
    assert (line["seq"], line["hash"]) == (head.seq, head.hash)
    assert hashlib.sha256(b"").hexdigest() != line["hash"]
    result = check_chain(store)
    assert result.ok and result.anchors >= 1


def test_the_program_start_hands_the_signer_in(store, data_dir, capsys, monkeypatch):
    """The models name no signer of their own: without one a checkpoint is written unsigned;
    the command line's start (which the GUI's start goes through) gives them the unit's key."""
    from sync.keys import load_unit_keys

    monkeypatch.setattr(anchors, "_signer", None)
    anchors.checkpoint(store, "backup")
    lines = (data_dir / CHECKPOINT_FILENAME).read_text(encoding="utf-8").splitlines()
    assert "signature" not in json.loads(lines[-1])
    code, out, _ = cli(capsys, data_dir, "db", "backup")
    assert code == 0 and out["backup"]
    line = json.loads((data_dir / CHECKPOINT_FILENAME).read_text(encoding="utf-8")
                      .splitlines()[-1])
    assert line["signature"] and line["key"] == load_unit_keys(store).sign_public


def test_the_check_button_of_the_settings_says_the_same(qtbot, store, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from desktop.models import users
    from desktop.views import settings_view
    from desktop.views.context import ViewContext
    from desktop.views.main_window import MainWindow

    rev = signed(store)
    forge_unsigned_draft(store, rev)
    said = []
    monkeypatch.setattr(settings_view, "show_error", lambda parent, text: said.append(text))
    monkeypatch.setattr(settings_view, "show_info", lambda parent, text: said.append("ok"))
    window = MainWindow(ViewContext(store, users.find_user(store, "admin")))
    qtbot.addWidget(window)
    window.show()
    page = window.show_section("settings")
    button = page.findChild(QPushButton, "check_data")
    button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=60_000)
    assert "bị cắt ngắn" in said[0]
