"""A district writes only its own records at the province: ownership by the row AND its parents
(desktop.models.ownership), and signatures that verify only with a key of the minutes' unit."""
from __future__ import annotations

import json
import sqlite3
import uuid

import pytest

from desktop.cli import main
from desktop.models import minutes as M
from desktop.models import ownership, records, synced_tables, users
from desktop.models.db import now_iso
from desktop.models.errors import ReadOnlyRecord
from sync import exporter, importer

from ..conftest import PASSWORD
from ..minutes.helpers import sample
from .conftest import second_district
from .forge import forge, forge_revision

VICTIM = "BHXHHAI"


def _send(store, province, *, first=False):
    [result] = exporter.export_packages(store, province.data_dir.parent / "usb-own")
    [summary] = importer.import_file(province, result.copied_to, trust_new_sender=first)
    assert summary.status in ("ok", "warning"), summary.messages
    return summary


@pytest.fixture
def victim(pair):
    """A second district (H02) with its own signers, whose confirmed minutes reached the
    province; the first district (H01) has sent its first package too."""
    h02 = second_district(pair, VICTIM)
    for username, name, role in (("tuvan", "Trần Văn Tư", "consultant"),
                                 ("iso", "Hoàng Thị Sở", "iso_team")):
        users.create_user(h02, username, name, role, PASSWORD)
    rev = M.create(h02, sample(), complete=True)
    M.sign(h02, rev.minutes_id, "tuvan", PASSWORD, "author")
    M.sign(h02, rev.minutes_id, "iso", PASSWORD, "confirm")
    _send(h02, pair.province, first=True)
    _send(pair.district, pair.province, first=True)
    assert M.verify_minutes(pair.province, rev.minutes_id)["valid"]
    yield rev.minutes_id
    h02.close(clean=False)


def _verify_cli(capsys, province, minutes_id) -> dict:
    capsys.readouterr()
    code = main(["--data-dir", str(province.data_dir), "minutes", "verify", minutes_id, "--json"])
    out = json.loads(capsys.readouterr().out)
    return {"code": code, **out}


def test_a_district_cannot_plant_a_signed_revision_on_another_units_minutes(pair, victim,
                                                                           capsys):
    forged = forge_revision(pair.district, pair.province, victim)
    summary = _send(pair.district, pair.province)
    reasons = {(q["table"], q["id"]): q["reason"] for q in summary.quarantined}
    assert "không phải của đơn vị BHXHTEST" in reasons[("minutes_revisions", forged)]
    assert VICTIM in reasons[("minutes_revisions", forged)]
    tables = {t for t, _ in reasons}
    # its participant and signatures hang under the refused revision; its keys name H02's users
    assert {"minutes_participants", "minutes_signatures", "user_keys"} <= tables
    assert all(r for r in reasons.values())
    assert not pair.province.scalar("SELECT count(*) FROM minutes_revisions WHERE id = ?",
                                    (forged,))
    assert not pair.province.scalar(
        "SELECT count(*) FROM user_keys WHERE origin_unit = 'BHXHTEST' AND user_id IN "
        "(SELECT user_id FROM user_keys WHERE origin_unit = ?)", (VICTIM,))
    result = _verify_cli(capsys, pair.province, victim)
    assert result["code"] == 0 and result["valid"] is True
    assert (result["revision"], result["origin_unit"]) == (1, VICTIM)


def test_a_row_claiming_the_other_units_code_is_refused_too(pair, victim):
    forged = forge_revision(pair.district, pair.province, victim, claim_origin=VICTIM)
    # the attacker's exporter sends only its own rows: it builds the package by hand
    rows = {t: pair.district.query(f"SELECT * FROM {t} WHERE origin_unit = ?", (VICTIM,))
            for t in ("user_keys", "minutes_revisions", "minutes_participants",
                      "minutes_signatures")}
    tables = {t: (list(r[0]), [list(x.values()) for x in r]) for t, r in rows.items() if r}
    pkg = forge(pair.district, pair.province, pair.tmp / "claim.isosync", seq=2, tables=tables)
    [summary] = importer.import_file(pair.province, pkg)
    assert len(summary.quarantined) == sum(len(r) for r in rows.values())
    assert not pair.province.scalar("SELECT count(*) FROM minutes_revisions WHERE id = ?",
                                    (forged,))
    assert M.verify_minutes(pair.province, victim)["valid"]


def test_verification_compares_the_origin_of_minutes_revision_signatures_and_keys(pair, victim):
    """Rows that got in before the rule (an older province database) are found by `verify`."""
    forged = forge_revision(pair.district, pair.province, victim)
    src = sqlite3.connect(pair.district.path)
    dst = sqlite3.connect(pair.province.path, isolation_level=None)
    dst.execute("PRAGMA foreign_keys = OFF")
    for table in ("user_keys", "minutes_revisions", "minutes_participants",
                  "minutes_signatures"):
        cur = src.execute(f"SELECT * FROM {table} WHERE origin_unit = 'BHXHTEST'")
        cols = [c[0] for c in cur.description]
        for row in cur.fetchall():
            dst.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(cols)}) VALUES "
                        f"({', '.join('?' * len(cols))})", row)
    src.close()
    dst.close()
    result = M.verify_minutes(pair.province, victim)
    assert result["revision"] == 2 and result["revision_id"] == forged
    assert result["valid"] is False
    text = " ".join(result["problems"])
    assert "do đơn vị BHXHTEST ghi, không phải đơn vị của biên bản (BHXHHAI)" in text
    assert "khóa của đơn vị BHXHTEST" in text


def _dummy(decl: str, notnull: int):
    decl = (decl or "").upper()
    if not notnull:
        return None
    if "INT" in decl:
        return uuid.uuid4().int % 1000 + 1
    if "REAL" in decl:
        return 1.0
    return f"x-{uuid.uuid4()}"  # (unique indexes)


def _row(store, table: str, unit: str, values: dict, *, refs_empty: bool = True) -> dict:
    """A row of `table` with every column filled (checks aside), for ownership tests; its
    other references empty (`refs_empty`), so that only the one under test is looked at."""
    now = now_iso()
    row = {}
    for _cid, name, decl, notnull, default, _pk in store.conn.execute(
            f"PRAGMA table_info({table})"):
        row[name] = _dummy(decl, notnull) if default is None else None
    refs = {r.column for r in ownership.RULES[table].refs} if refs_empty else set()
    row.update({c: None for c in refs})
    if refs_empty:  # no file to send along
        row.update({c: None for c in synced_tables.BLOB_COLUMNS.get(table, ())})
    row.update(id=str(uuid.uuid4()), origin_unit=unit, created_at=now, updated_at=now,
               version=1, deleted=0)
    row.update(values)
    return {k: v for k, v in row.items() if v is not None or k in refs}


def _plant(store, table: str, row: dict) -> None:
    """Write a row straight into the database file (checks, triggers and keys aside)."""
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                 list(row.values()))
    conn.close()


def _cases():
    for table in synced_tables.SYNCED_TABLES:
        spec = ownership.RULES.get(table)
        for ref in spec.refs if spec else ():
            yield table, ref


def test_every_child_table_refuses_rows_under_another_units_records(pair):
    """For every synced table and every reference it declares: a row of H01 naming a row of
    H02 (which the province holds) is quarantined with the ownership reason; the same row
    naming H01's own row is not refused for ownership."""
    province = pair.province
    _send(pair.district, province, first=True)
    cases = list(_cases())
    assert len(cases) >= 20
    bad_rows: dict[str, list] = {}
    good_rows: dict[str, list] = {}
    expect = {}
    for table, ref in cases:
        target = ref.tables[0]
        for unit, bucket in ((VICTIM, bad_rows), ("BHXHTEST", good_rows)):
            value = str(uuid.uuid4())
            parent = _row(province, target, unit, {ref.by: value} if ref.by != "id" else
                          {"id": value}, refs_empty=False)
            if ref.kind != "claim":
                _plant(province, target, parent)
            else:  # a claim: the other unit's row of the same table names the value first
                if unit == VICTIM:
                    _plant(province, target, parent)
            row = _row(province, table, "BHXHTEST", {ref.column: value})
            bucket.setdefault(table, []).append(row)
            if unit == VICTIM:
                expect[row["id"]] = (table, ref.column)
    tables = {}
    for table in dict.fromkeys(t for t, _ in cases):
        rows = bad_rows[table] + good_rows[table]
        cols = list(dict.fromkeys(c for r in rows for c in r))
        tables[table] = (cols, [[r.get(c) for c in cols] for r in rows])
    pkg = forge(pair.district, province, pair.tmp / "children.isosync", seq=2, tables=tables)
    [summary] = importer.import_file(province, pkg)
    assert summary.status != "error", summary.messages
    reasons = {q["id"]: q["reason"] for q in summary.quarantined}
    missed = [f"{t}.{c}" for rid, (t, c) in expect.items()
              if "không phải của đơn vị BHXHTEST" not in reasons.get(rid, "")
              and "đã thuộc đơn vị" not in reasons.get(rid, "")]
    assert missed == []
    wrongly = [q["table"] for q in summary.quarantined if q["id"] not in expect and (
        "không phải của đơn vị" in q["reason"] or "đã thuộc đơn vị" in q["reason"])]
    assert wrongly == []


def test_every_synced_table_declares_its_references(store):
    found = ownership.coverage(store, synced_tables.SYNCED_TABLES)
    assert found.undeclared == [] and found.unnamed == []
    # the check itself: a table registered without a rule, or with a reference left out
    store.execute("CREATE TABLE t_new (id TEXT PRIMARY KEY, origin_unit TEXT, "
                  "session_id TEXT REFERENCES quiz_sessions(id))")
    saved = dict(ownership.RULES)
    try:
        assert ownership.coverage(store, ["t_new"]).undeclared == ["t_new"]
        ownership.declare("t_new", parents={})
        assert ownership.coverage(store, ["t_new"]).unnamed == ["t_new.session_id"]
    finally:
        ownership.RULES.clear()
        ownership.RULES.update(saved)


def test_a_local_write_under_another_units_record_is_refused(pair, victim):
    """The same rule on this unit's own writes: the province can't add a participant to a
    district's revision, nor point its own row at a district's record."""
    province = pair.province
    rev = M.resolve(province, victim)
    with pytest.raises(ReadOnlyRecord, match="BHXHHAI"):
        records.insert(province, "minutes_participants", {
            "revision_id": rev.id, "sort_order": 9, "side": "unit", "name": "Người thêm"})
    with pytest.raises(ReadOnlyRecord, match="BHXHHAI"):
        records.insert(province, "minutes_revisions", {
            "minutes_id": victim, "revision_no": 7, "status": "draft"})


def test_a_whole_district_of_real_records_goes_in_without_quarantine(tmp_path):
    """The rule refuses nothing a district really makes: the demo district (minutes, ISO
    records with the built-in plan, training and answers) goes in whole and its minutes verify."""
    from desktop.demo import DEMO_UNIT, create_demo
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from desktop.models.iso.plan import PlanRepository
    from desktop.models.unit import UnitProfile
    from sync.peers import add_district, enroll, export_province_profile

    from .conftest import make_unit

    create_demo(tmp_path / "demo")
    district = open_store(tmp_path / "demo" / DB_FILENAME, actor="admin")
    (tmp_path / "p").mkdir()
    province = make_unit(tmp_path / "p", UnitProfile(
        code=DEMO_UNIT.parent_code, name=DEMO_UNIT.parent_name, level="province"))
    try:
        if not PlanRepository(district).items():
            PlanRepository(district).load_template_set()
        add_district(province, district.unit_code, DEMO_UNIT.name)
        enroll(district, export_province_profile(province, tmp_path / "p.isoprofile"),
               accept_changed_key=True)
        [p] = exporter.export_packages(district, tmp_path / "usb")
        [s] = importer.import_file(province, p.copied_to, trust_new_sender=True)
        assert s.quarantined == [] and s.status == "ok", (s.quarantined[:3], s.messages)
        assert s.imported > 100
        ids = [r["id"] for r in province.query("SELECT id FROM minutes WHERE origin_unit = ?",
                                               (district.unit_code,))]
        assert ids
        for mid in ids:
            result = M.verify_minutes(province, mid)
            assert result["valid"], result["problems"]
    finally:
        district.close(clean=False)
        province.close(clean=False)
