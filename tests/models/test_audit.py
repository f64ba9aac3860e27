"""The audit log: append-only, chained by hashes, verified by `db check`."""
import sqlite3

import pytest

from desktop.models import audit
from desktop.models.staff import StaffRepository


def _make_history(store):
    repo = StaffRepository(store)
    m = repo.add({"staff_code": "A1", "full_name": "Trần Văn An", "position": "Viên chức"})
    repo.update(m.id, {"position": "Tổ trưởng"})
    repo.set_active(m.id, False)
    return m


def test_each_change_is_logged_with_old_and_new_values(store):
    m = _make_history(store)
    rows = audit.history(store, "staff", m.id)
    assert [r["action"] for r in rows] == ["insert", "update", "update"]
    assert rows[1]["old"] == {"position": "Viên chức"}
    assert rows[1]["new"] == {"position": "Tổ trưởng"}
    assert rows[2]["new"] == {"active": 0}
    assert all(r["actor"] == "admin" for r in rows)
    assert audit.verify_chain(store).ok


def test_log_refuses_update_and_delete(store):
    _make_history(store)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.execute("UPDATE audit_log SET actor = 'someone' WHERE seq = 1")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.execute("DELETE FROM audit_log WHERE seq = 1")


def _tamper(store, sql):
    store.execute("DROP TRIGGER audit_log_no_update")
    store.execute("DROP TRIGGER audit_log_no_delete")
    store.execute(sql)


def test_edited_entry_is_found(store):
    _make_history(store)
    seq = store.scalar("SELECT max(seq) FROM audit_log WHERE table_name='staff'")
    _tamper(store, f"UPDATE audit_log SET new = '{{\"position\":\"Giám đốc\"}}' WHERE seq = {seq}")
    report = audit.verify_chain(store)
    assert not report.ok and report.first_bad_seq == seq
    assert "bị sửa" in report.message


def test_removed_entry_is_found(store):
    _make_history(store)
    seq = store.scalar("SELECT max(seq) FROM audit_log") - 1
    _tamper(store, f"DELETE FROM audit_log WHERE seq = {seq}")
    report = audit.verify_chain(store)
    assert not report.ok and report.first_bad_seq == seq + 1


def test_rewritten_chain_tail_is_found(store):
    """Changing an entry and recomputing its own hash still breaks the next link."""
    _make_history(store)
    first = store.query_one("SELECT * FROM audit_log ORDER BY seq LIMIT 1")
    forged = audit._entry_hash(first["seq"], first["at"], "mallory", first["action"],
                               first["table_name"], first["record_id"], first["old"],
                               first["new"], first["prev_hash"])
    _tamper(store, f"UPDATE audit_log SET actor='mallory', hash='{forged}' WHERE seq={first['seq']}")
    report = audit.verify_chain(store)
    assert not report.ok and report.first_bad_seq == first["seq"] + 1
