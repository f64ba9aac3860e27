"""Power cut in the middle of an import, a full disk, a USB stick pulled out mid-write."""
from __future__ import annotations

import errno
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.models import blobs, records
from desktop.models.db import quick_check
from sync import exporter, importer, staging, status
from sync.errors import DiskError
from sync.transport import write_atomic

from .conftest import TEST_TABLES, rows_of

ROOT = Path(__file__).resolve().parents[2]

CRASH = textwrap.dedent("""
    import os, sys, threading
    sys.path.insert(0, {root!r})
    from tests.sync.tables import add_synced_table
    for name, opts in {tables!r}:
        add_synced_table(name, **opts)
    from desktop.models.datafile import open_store
    import sync.importer as I
    import sync.write as W
    import desktop.models.synced_rows as R
    import sync.staging as S
    db, pkg, point, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    calls = [0]
    lock = threading.Lock()  # the files are written on worker threads

    def dying(original, after):
        def wrapper(*args, **kwargs):
            with lock:
                calls[0] += 1
                mine = calls[0]
            if mine == n and not after:
                os._exit(9)
            result = original(*args, **kwargs)
            if mine == n and after:
                os._exit(9)
            return result
        return wrapper

    if point == "before_write":
        R.run_rows = dying(R.run_rows, False)
    elif point == "after_write":
        R.run_rows = dying(R.run_rows, True)
    elif point == "blob":
        S.write_blob_file = dying(S.write_blob_file, True)
    elif point == "files_moved":  # the files are in files/, the transaction not committed
        S.Staging.install = dying(S.Staging.install, True)
    elif point == "before_commit":
        W.record_package = dying(W.record_package, True)
    elif point == "after_commit":
        I.release_held = dying(I.release_held, False)
    store = open_store(db, actor="crash-test")
    I.import_file(store, pkg, trust_new_sender=True)
    print("finished without a crash")
""")


def _script(tmp: Path) -> Path:
    tables = [(name, opts) for name, (_sql, opts) in TEST_TABLES.items()]
    path = tmp / "crash.py"
    path.write_text(CRASH.format(root=str(ROOT), tables=tables), encoding="utf-8")
    return path


def _district_data(pair):
    people = pair.staff(40)
    for i, p in enumerate(people):
        records.insert(pair.district, "t_attempts", {"staff_id": p.id, "score": i % 11})
    for i in range(3):
        digest = blobs.put_blob(pair.district, b"%PDF-1.4 " + bytes([i]) * 4000)
        records.insert(pair.district, "t_minutes", {"title": f"Biên bản {i}",
                                                    "pdf_sha256": digest,
                                                    "status": "confirmed"})


def test_killed_mid_import_then_rerun_converges(pair):
    _district_data(pair)
    [p] = exporter.export_packages(pair.district, pair.usb)
    unit = pair.district.unit_code
    expected = {t: rows_of(pair.district, t, unit) for t in ("staff", "t_attempts", "t_minutes")}
    script = _script(pair.tmp)
    db = str(pair.province.path)
    pair.province.close(clean=False)
    for point, n in [("before_write", 1), ("after_write", 2), ("blob", 2), ("after_write", 4),
                     ("files_moved", 1), ("before_commit", 1)]:
        run = subprocess.run([sys.executable, str(script), db, str(p.copied_to), point, str(n)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 9, (point, run.stdout, run.stderr)
        assert quick_check(Path(db)) is None
        from desktop.models.datafile import open_store

        s = open_store(db)
        for table in expected:  # all or nothing: the transaction never half-applies
            assert s.scalar(f"SELECT count(*) FROM {table} WHERE origin_unit = ?", (unit,)) == 0
        assert not s.query("SELECT * FROM sync_packages")
        s.close(clean=False)
    # killed after the commit: the package is in, and the re-run only replays it
    run = subprocess.run([sys.executable, str(script), db, str(p.copied_to), "after_commit", "1"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 9, run.stderr
    from desktop.models.datafile import open_store

    province = open_store(db)
    try:
        for _ in range(2):  # re-run until nothing changes
            [s] = importer.import_file(province, p.copied_to)
            assert s.status == "warning" and s.replay and s.imported == 0
        for table, rows in expected.items():
            got = rows_of(province, table, unit)
            assert got.keys() == rows.keys()
            assert all(got[k]["version"] == rows[k]["version"] for k in rows)
        assert province.scalar("SELECT count(*) FROM sync_packages") == 1
        assert province.scalar("SELECT count(DISTINCT id) FROM staff") == \
            province.scalar("SELECT count(*) FROM staff")
        for m in expected["t_minutes"].values():
            assert blobs.read_blob(province, m["pdf_sha256"]).startswith(b"%PDF")
        # no file left behind by the killed imports that no row records
        on_disk = {f.name for f in (province.data_dir / "files").rglob("*") if f.is_file()}
        assert on_disk == {r["sha256"] for r in province.query("SELECT sha256 FROM blobs")}
    finally:
        province.close(clean=False)


class FailingWriter:
    """A file that accepts `limit` bytes and then fails like a full disk or a pulled stick."""

    def __init__(self, path: Path, limit: int, err: int):
        self.fh = open(path, "wb")
        self.limit, self.err, self.written = limit, err, 0

    def write(self, data: bytes) -> int:
        room = self.limit - self.written
        if len(data) > room:
            self.fh.write(data[:room])
            self.written = self.limit
            raise OSError(self.err, "simulated")
        self.written += len(data)
        return self.fh.write(data)

    def flush(self):
        self.fh.flush()

    def fileno(self):
        return self.fh.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()


def _opener(limit: int, err: int):
    return lambda path, mode: FailingWriter(path, limit, err)


def test_disk_full_on_the_stick(pair):
    _district_data(pair)
    stick = pair.tmp / "stick"
    with pytest.raises(DiskError) as exc:
        exporter.export_packages(pair.district, stick, opener=_opener(3000, errno.ENOSPC))
    assert "đã đầy" in exc.value.message
    assert not list(stick.glob("*"))                     # nothing left behind
    [row] = status.packages(pair.district, "out")
    assert row["status"] == "created"                    # made, but not delivered
    # another stick works, and the package goes as it was made
    dest = exporter.deliver_to_folder(pair.district, row["package_id"], pair.usb, via="usb")
    assert status.packages(pair.district, "out")[0]["status"] == "sent"
    s = importer.import_file(pair.province, dest, trust_new_sender=True)[0]
    assert s.status == "ok" and s.imported == 87


def test_disk_full_at_the_province(pair, monkeypatch):
    _district_data(pair)
    [p] = exporter.export_packages(pair.district, pair.usb)

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(staging, "write_blob_file", full)
    [s] = importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    assert s.status == "error" and "đã đầy" in s.message and "chưa được nhập" in s.message
    assert pair.province.scalar("SELECT count(*) FROM staff WHERE origin_unit = ?",
                                (pair.district.unit_code,)) == 0
    monkeypatch.undo()
    [s] = importer.import_file(pair.province, p.copied_to)
    assert s.status == "ok" and s.imported == 87


def test_usb_pulled_mid_write(pair, monkeypatch):
    _district_data(pair)
    [made] = exporter.export_packages(pair.district)
    stick = pair.tmp / "stick"
    real_unlink = Path.unlink

    def gone(self, missing_ok=False):  # the stick is gone: the leftover cannot be removed
        if self.name.endswith(".partial"):
            raise OSError(errno.ENODEV, "No such device")
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", gone)
    with pytest.raises(DiskError) as exc:
        write_atomic(stick / made.path.name, source=made.path, opener=_opener(5000, errno.EIO))
    monkeypatch.undo()
    assert "rút ra" in exc.value.message
    assert not (stick / made.path.name).exists()
    assert [p.name for p in stick.iterdir()] == [f".{made.path.name}.partial"]
    assert importer.expand_paths([stick]) == []          # a folder import does not pick it up
    [s] = importer.import_file(pair.province, next(stick.iterdir()), trust_new_sender=True)
    assert s.status == "error" and "cắt cụt" in s.message
