"""Fault injection against the importer: a seeded loop of random byte flips, truncations and
crafted signed packages, and kill -9 of an importing process at random moments.

Asserted: no crash (every file ends in a summary, never an exception), no partial import (a
refused package changes no record and leaves no file; a killed import leaves the database as
before the package or with all of it, and the next import finishes cleanly).

The loop is bounded in count and time. `ISODESK_FAULT_SEED` replays a run (the seed is printed),
`ISODESK_FAULT_ITERATIONS` and `ISODESK_FAULT_SECONDS` make it longer (`.ci/run` does).
"""
from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid

from desktop.models import records, synced_tables
from desktop.models.blobs import put_blob
from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME, now_iso
from sync import exporter, importer
from sync.envelope import read_envelope
from sync.peers import trust_sender
from sync.summary import ImportSummary

from ..conftest import ROOT
from .forge import forge
from .test_faults import STAFF_COLS, snapshot, staff_row

SEED = int(os.environ.get("ISODESK_FAULT_SEED") or random.SystemRandom().randrange(10 ** 9))
ITERATIONS = int(os.environ.get("ISODESK_FAULT_ITERATIONS") or 30)
SECONDS = float(os.environ.get("ISODESK_FAULT_SECONDS") or 120)
KILLS = max(3, ITERATIONS // 10)
MIN_COLS = ["id", "origin_unit", "created_at", "updated_at", "version", "deleted", "title",
            "status", "pdf_sha256"]


def setup_module(module):
    print(f"\nfault injection: seed {SEED} (ISODESK_FAULT_SEED={SEED} replays it), "
          f"{ITERATIONS} mutations, {KILLS} kills, at most {SECONDS:.0f} s each")


def _state(store) -> dict:
    """What a package may change: every synced table's rows (id → version, deleted)."""
    out = {}
    for table in synced_tables.SYNCED_TABLES:
        try:
            out[table] = dict(((r[0], (r[1], r[2])) for r in store.conn.execute(
                f"SELECT id, version, deleted FROM {table}")))
        except sqlite3.OperationalError:
            continue
    return out


def _files(store) -> set[str]:
    root = store.data_dir / "files"
    return {p.name for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _garbage(rng: random.Random):
    """A value of a random kind: what a hostile or broken sender may put in a row."""
    kind = rng.randrange(12)
    return [None, rng.randrange(-2 ** 70, 2 ** 70), rng.random(), "",
            "\ud800" + "x" * rng.randrange(5), "𝔘ñí©ødé " * rng.randrange(3),
            [rng.randrange(3)] * rng.randrange(3), {"a": [1, {"b": None}]}, True,
            str(uuid.uuid4()) + "\n" + str(uuid.uuid4()), "../" * rng.randrange(4),
            "x" * rng.randrange(0, 5000)][kind]


def _crafted(pair, rng: random.Random, seq: int, path):
    """A package signed with the district's real key whose content is hostile."""
    unit = pair.district.unit_code
    rows = []
    for _ in range(rng.randrange(1, 6)):
        row = staff_row(unit, code=f"F{rng.randrange(10 ** 6)}")
        for _ in range(rng.randrange(0, 4)):
            row[rng.randrange(len(row))] = _garbage(rng)
        if rng.random() < 0.2:
            row = row[:rng.randrange(len(row))]
        rows.append(row)
    tables = {"staff": (STAFF_COLS, rows)}
    members, extra = [], {}
    choice = rng.randrange(6)
    if choice == 0:  # files the rows name, or not
        data = os.urandom(rng.randrange(1, 4096))
        digest = hashlib.sha256(data).hexdigest()
        members = [(f"blobs/{digest}", data)]
        extra = {"blobs": [digest]}
        now = now_iso()
        tables["t_minutes"] = (MIN_COLS, [[str(uuid.uuid4()), unit, now, now, 1, 0, "BB",
                                           "draft", rng.choice([digest, None, "0" * 64])]])
    elif choice == 1:  # a manifest field of the wrong kind
        extra = {rng.choice(["blobs", "tables", "totals", "full"]): _garbage(rng)}
    elif choice == 2:  # a line that is not JSON, or nests deeply
        rows.append(rng.choice([b"{", b"[" * 5000 + b"]" * 5000, b"\xff\xfe", b"1 2"]))
    return forge(pair.district, pair.province, path, seq=seq, tables=tables, members=members,
                 manifest_extra=extra)


def _mutated(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    if rng.random() < 0.4:
        return bytes(out[:rng.randrange(len(out))])
    for _ in range(rng.randrange(1, 9)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def _check_one(pair, path, before_state, before_files) -> ImportSummary:
    summaries = importer.import_many(pair.province, [path])  # never raises: that is a crash
    assert summaries and all(isinstance(s, ImportSummary) for s in summaries)
    for s in summaries:
        if s.status == "error":  # refused: no record changed, no file left
            assert _state(pair.province) == before_state, (path.name, s.message)
            assert _files(pair.province) == before_files, (path.name, s.message)
        elif not s.held:  # went in: every row accounted for
            for table, counts in s.tables.items():
                assert counts["received"] == sum(counts[k] for k in (
                    "imported", "updated", "ignored", "deleted", "quarantined")), table
    return summaries[-1]


def test_random_flips_truncations_and_crafted_packages(pair):
    rng = random.Random(SEED)
    pair.staff(20)
    [genuine] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, genuine.copied_to, trust_new_sender=True)
    good = genuine.copied_to.read_bytes()
    deadline = time.monotonic() + SECONDS
    seq = 2
    done = 0
    for i in range(ITERATIONS):
        if time.monotonic() > deadline:
            break
        before_state, before_files = _state(pair.province), _files(pair.province)
        path = pair.tmp / f"fault-{i}.isosync"
        if rng.random() < 0.5:
            path.write_bytes(_mutated(good, rng))
        else:
            _crafted(pair, rng, seq, path)
        last = _check_one(pair, path, before_state, before_files)
        if last.status != "error" and not last.held:
            seq += 1
        done += 1
    assert done >= min(ITERATIONS, 5)
    # the genuine flow still works after all that
    pair.staff(2, prefix="AFTER")
    pair.district.execute("UPDATE sync_peers SET out_seq = ?", (seq - 1,))  # after the crafted
    [p] = exporter.export_packages(pair.district, pair.usb)
    [s] = importer.import_file(pair.province, p.copied_to, accept_gap=True)
    assert s.status in ("ok", "warning") and s.imported >= 2, s.message


def _run_child(data_dir, paths, kill_after: float | None):
    """Import in a process of its own; `kill_after` seconds after the import began, kill it
    (SIGKILL: kill -9; TerminateProcess on Windows)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.fault_child", str(data_dir), *map(str, paths)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        first = proc.stdout.readline()
        assert first.strip() == "start", proc.stderr.read()
        started = time.monotonic()
        if kill_after is not None:
            try:
                proc.wait(timeout=kill_after)
            except subprocess.TimeoutExpired:
                proc.kill()
        out, err = proc.communicate(timeout=600)
        return proc.returncode, first + out, err, time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _copy_trusting(pair, header, dest):
    """A copy of the province that already trusts the district's key (so that every run of
    the child imports the package itself)."""
    store = snapshot(pair.province, dest)
    trust_sender(store, pair.district.unit_code, header["sender_sign_key"],
                 header["sender_enc_key"])
    state = _state(store)
    store.close(clean=False)
    return state


def test_kill_9_at_random_moments_of_an_import(pair):
    rng = random.Random(SEED + 1)
    pair.staff(1500)
    for i in range(12):
        records.insert(pair.district, "t_minutes", {
            "title": f"Biên bản {i}", "status": "draft",
            "pdf_sha256": put_blob(pair.district, os.urandom(200_000), name=f"{i}.pdf")})
    [p] = exporter.export_packages(pair.district, pair.usb)
    header = read_envelope(p.copied_to).header
    # one run to the end: the state of a whole import, and how long it takes
    _copy_trusting(pair, header, pair.tmp / "ref")
    code, out, err, took = _run_child(pair.tmp / "ref", [p.copied_to], None)
    assert code == 0 and "done ok" in out, err
    ref = open_store(pair.tmp / "ref" / DB_FILENAME, actor="t")
    full, full_files = _state(ref), _files(ref)
    ref.close(clean=False)
    empty = _copy_trusting(pair, header, pair.tmp / "base")
    deadline = time.monotonic() + SECONDS
    outcomes = []
    for k in range(KILLS):
        if time.monotonic() > deadline:
            break
        folder = pair.tmp / f"kill-{k}"
        shutil.copytree(pair.tmp / "base", folder)
        code, out, err, _ = _run_child(folder, [p.copied_to], rng.uniform(0, took * 1.1))
        assert "Traceback" not in err, err
        store = open_store(folder / DB_FILENAME, actor="t")
        assert store.scalar("PRAGMA integrity_check") == "ok"
        after = _state(store)
        assert after in (empty, full), f"kill {k}: a partial import (seed {SEED})"
        outcomes.append("before" if after == empty else "after")
        store.close(clean=False)
        # the next import finishes the job cleanly and leaves no stray file
        code, out, err, _ = _run_child(folder, [p.copied_to], None)
        assert code == 0 and "Traceback" not in err, err
        store = open_store(folder / DB_FILENAME, actor="t")
        assert _state(store) == full and _files(store) == full_files
        assert not list((folder / "sync" / "tmp").glob("*.files"))
        store.close(clean=False)
    print(f"kills: {outcomes}")
    assert outcomes
