"""Sync packages: a province imports 30 district packages, each with 200 staff, 1,000 attempts,
20,000 answers and 50 minutes with a ~60 KB PDF.

Targets (issue "Sync packages"): import of the 30 packages < 10 s in total and ≤ 3× a plain
`executemany` of the same rows into the same tables, measured in the same run; export of one
package ≤ 2× writing the same rows (and files) as JSON into a zip.

Until the quiz and minutes parts are in the program, the attempts, answers and minutes tables
are benchmark-local tables of the same shape (attempts → staff, answers → attempts, minutes with
a file column), registered like any synced table.
"""
from __future__ import annotations

import gc
import json
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

from benchmarks.harness import Result

AREA = "sync"
TABLES = {
    "bench_attempts": ("""CREATE TABLE bench_attempts ({meta},
        staff_id TEXT NOT NULL REFERENCES staff(id), quiz TEXT NOT NULL,
        started_at TEXT NOT NULL, score REAL NOT NULL, passed INTEGER NOT NULL)""",
                       dict(after=["staff"])),
    "bench_answers": ("""CREATE TABLE bench_answers ({meta},
        attempt_id TEXT NOT NULL REFERENCES bench_attempts(id), question TEXT NOT NULL,
        choice TEXT NOT NULL, correct INTEGER NOT NULL)""", dict(after=["bench_attempts"])),
    "bench_minutes": ("""CREATE TABLE bench_minutes ({meta},
        number TEXT NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL,
        pdf_sha256 TEXT)""", dict(after=["staff"], blob_columns=["pdf_sha256"])),
}
INDEXES = ["CREATE INDEX idx_bench_answers_attempt ON bench_answers(attempt_id)",
           "CREATE INDEX idx_bench_attempts_staff ON bench_attempts(staff_id)"]


def _register():
    from desktop.models import records

    for name, (_sql, opts) in TABLES.items():
        records.register_synced_table(name, **opts)


def _create_tables(store) -> None:
    from desktop.models.migrations._common import RECORD_COLUMNS

    for sql, _ in TABLES.values():
        store.execute(sql.format(meta=RECORD_COLUMNS))
    for sql in INDEXES:
        store.execute(sql)


def _unit(folder: Path, code: str, level: str, parent: str | None = None):
    from desktop.models.db import DB_FILENAME, open_store
    from desktop.models.unit import UnitProfile, save_profile
    from sync.keys import ensure_unit_keys

    folder.mkdir(parents=True)
    store = open_store(folder / DB_FILENAME, actor="bench")
    with store.atomic():
        save_profile(store, UnitProfile(code=code, name=f"Đơn vị {code}", level=level,
                                        parent_code=parent))
        ensure_unit_keys(store)
    _create_tables(store)
    return store


def _fill(store, rng: random.Random, n_staff: int, n_attempts: int, n_answers: int,
          n_minutes: int, pdf_size: int) -> None:
    """Rows written directly (no per-row audit): the benchmark measures sync, not data entry."""
    from desktop.models.blobs import put_blob

    code = store.unit_code
    now = "2026-10-01T08:00:00.000+07:00"

    def meta():
        return [str(uuid.UUID(int=rng.getrandbits(128), version=4)), code, now, now, 1, 0]

    given = ["Ánh", "Bình", "Cường", "Dung", "Đức", "Hà", "Hùng", "Lan", "Mai", "Nam"]
    staff = [meta() + [f"CB{i:04d}", f"Nguyễn Thị {given[i % 10]} {given[(i // 10) % 10]}",
                       "Chuyên viên", "Phòng Thu", f"09{i:08d}", "", 1] for i in range(n_staff)]
    attempts = [meta() + [staff[i % n_staff][0], "ISO 9001:2015 nhận thức", now,
                          round(rng.uniform(3, 10), 1), 1] for i in range(n_attempts)]
    answers = [meta() + [attempts[i % n_attempts][0], f"Q{i % 20:02d}", "ABCD"[i % 4], i % 2]
               for i in range(n_answers)]
    minutes = []
    with store.atomic():
        for i in range(n_minutes):
            pdf = b"%PDF-1.4\n" + rng.randbytes(pdf_size)
            minutes.append(meta() + [f"{i + 1:02d}/BB-{code}", f"Biên bản làm việc số {i + 1}",
                                     "confirmed", put_blob(store, pdf)])
        for table, rows, cols in (
                ("staff", staff, 13), ("bench_attempts", attempts, 11),
                ("bench_answers", answers, 10), ("bench_minutes", minutes, 10)):
            store.conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * cols)})", rows)


def _baseline_zip(store, dest: Path) -> None:
    """The same rows as JSON (one document per table) and the same files, in a zip."""
    from desktop.models.blobs import read_blob

    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for table in ("staff", "bench_attempts", "bench_answers", "bench_minutes"):
            rows = store.query(f"SELECT * FROM {table} WHERE origin_unit = ?", (store.unit_code,))
            zf.writestr(f"{table}.json", json.dumps(rows, ensure_ascii=False))
            if table == "bench_minutes":
                for r in rows:
                    zf.writestr(f"files/{r['pdf_sha256']}", read_blob(store, r["pdf_sha256"]),
                                compress_type=zipfile.ZIP_STORED)


def run(quick: bool = False) -> list[Result]:
    from desktop.models.blobs import put_blob
    from desktop.models.db import DB_FILENAME, open_store
    from sync.exporter import export_packages
    from sync.importer import import_file, import_many
    from sync.peers import add_district, enroll, export_province_profile

    _register()
    n_districts = 3 if quick else 30
    shape = (200, 1000, 20000, 50, 60_000)
    rng = random.Random(6)
    work = Path(tempfile.mkdtemp(prefix="isodesk-bench-sync-"))
    results: list[Result] = []
    try:
        province = _unit(work / "province", "BHXHBENCH", "province")
        districts = []
        for i in range(n_districts):
            code = f"BHXHD{i:02d}"
            add_district(province, code, f"Huyện {i}")
        profile = export_province_profile(province, work / "p.isoprofile")
        for i in range(n_districts):
            d = _unit(work / f"d{i:02d}", f"BHXHD{i:02d}", "district", "BHXHBENCH")
            enroll(d, profile)
            _fill(d, rng, *shape)
            districts.append(d)

        # --- export of one package vs the same rows as JSON in a zip ---------------------
        # Both are timed on the same districts (the first few) and their medians compared:
        # one run of a fraction of a second is at the mercy of the disk.
        usb = work / "usb"
        usb.mkdir()
        sample = min(5, n_districts)
        base_times = []
        for i, d in enumerate(districts[:sample]):
            t0 = time.perf_counter()
            _baseline_zip(d, work / f"baseline-{i}.zip")
            base_times.append(time.perf_counter() - t0)
        packages = []
        export_times = []
        for d in districts:
            t0 = time.perf_counter()
            [res] = export_packages(d, usb)
            export_times.append(time.perf_counter() - t0)
            packages.append(res.copied_to)
        export_one = statistics.median(export_times[:sample])
        base_export = statistics.median(base_times)
        size_mb = packages[0].stat().st_size / 1e6

        # --- import of all packages vs plain executemany of the same rows -----------------
        base_store = _unit(work / "baseline", "BHXHBASE", "province")
        rows = {}
        for d in districts:
            for t in ("staff", "bench_attempts", "bench_answers", "bench_minutes"):
                rows.setdefault(t, []).append(d.conn.execute(f"SELECT * FROM {t}").fetchall())
        base_store.execute("PRAGMA cache_size=-65536")  # the import's own setting
        t0 = time.perf_counter()
        for i in range(n_districts):
            with base_store.atomic() as conn:
                for t in ("staff", "bench_attempts", "bench_answers", "bench_minutes"):
                    batch = rows[t][i]
                    conn.executemany(f"INSERT INTO {t} VALUES ({', '.join('?' * len(batch[0]))})",
                                     batch)
        base_rows = time.perf_counter() - t0
        # the import also stores the PDFs: the same file writes, timed apart
        t0 = time.perf_counter()
        for d in districts:
            for (sha,) in d.conn.execute("SELECT pdf_sha256 FROM bench_minutes"):
                put_blob(base_store, (d.data_dir / "files" / sha[:2] / sha).read_bytes())
        base_files = time.perf_counter() - t0
        # The baseline's rows (every district's, as Python objects) are not the import's:
        # left alive, they would make each of its garbage collections walk them all.
        del rows, batch
        gc.collect()

        # first contact: the keys are trusted (that is a decision, not part of the timing)
        from sync.envelope import read_envelope
        from sync.peers import trust_sender

        for p in packages:
            h = read_envelope(p).header
            trust_sender(province, h["sender"], h["sender_sign_key"], h["sender_enc_key"])
        t0 = time.perf_counter()
        summaries = import_many(province, packages)   # the whole folder at once, as a user does
        import_all = time.perf_counter() - t0
        bad = [s.message for s in summaries if s.status != "ok"]
        if bad:
            raise RuntimeError(bad[0])
        total_rows = sum(s.imported for s in summaries)
        t0 = time.perf_counter()
        for p in packages[:3]:
            import_file(province, p)
        replay = (time.perf_counter() - t0) / 3

        scale = 30 / n_districts
        note = f"{n_districts} packages" + (" (quick: scaled ×10 for the target)" if quick else "")
        results += [
            Result(AREA, "import 30 packages (21,250 rows + 50 PDFs each)", import_all * scale,
                   "s", "< 10 s", import_all * scale < 10, note),
            Result(AREA, "  baseline: plain executemany of the same rows", base_rows * scale,
                   "s", "", None, "same tables, same run"),
            Result(AREA, "  baseline: writing the same PDFs", base_files * scale, "s", "", None,
                   "put_blob, fsync per file"),
            Result(AREA, "  import / executemany", import_all / base_rows, "×", "≤ 3×",
                   import_all / base_rows <= 3, f"{total_rows:,} rows imported"),
            Result(AREA, "  import / (executemany + PDFs)", import_all / (base_rows + base_files),
                   "×", "", None, "the same work as the import"),
            Result(AREA, "export one package", export_one, "s", "", None,
                   f"{size_mb:.1f} MB signed + encrypted, median of {sample} districts"),
            Result(AREA, "  baseline: same rows as JSON in a zip", base_export, "s", "", None,
                   f"median of the same {sample} districts"),
            Result(AREA, "  export / baseline", export_one / base_export, "×", "≤ 2×",
                   export_one / base_export <= 2),
            Result(AREA, "replay of a package (all ignored)", replay, "s", "", None,
                   "idempotent re-import"),
        ]
        for d in districts:
            d.close(clean=False)
        province.close(clean=False)
        base_store.close(clean=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        _unregister()
    return results


def _unregister():
    from desktop.models import records

    for name in TABLES:
        if name in records.SYNCED_TABLES:
            records.SYNCED_TABLES.remove(name)
        records.BLOB_COLUMNS.pop(name, None)
        records.DIRECTIONS.pop(name, None)


if __name__ == "__main__":  # pragma: no cover
    from benchmarks.harness import print_table

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print_table(run(quick="--quick" in os.sys.argv))
    _ = sqlite3
