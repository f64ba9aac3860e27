"""Sync packages: a province imports 30 district packages, each with the district's real records —
200 staff, 1,000 quiz attempts, 20,000 answers and 50 confirmed working minutes with their PDFs —
in the program's own tables (schema, indexes, triggers and foreign keys of its migrations).

Targets (issue "Sync packages"): import of the 30 packages < 10 s in total and ≤ 3× a plain
`executemany` of the same rows into the same tables, measured in the same run; export of one
package ≤ 2× writing the same rows (and files) as JSON into a zip.

What a district holds is made by `benchmarks/sync_data.py` (set-up, not measured): besides the
rows named by the target, a package carries what those rows need or come with — the question
bank the attempts' answers point to (topics, questions, versions), the training sessions and
their attendance lists, the minutes' revisions, participants, action items and signatures, and
the signers' public keys. The exact counts per package are printed in the table. The signatures
are real: after the import, the province verifies the minutes of two districts.
"""
from __future__ import annotations

import gc
import json
import os
import random
import shutil
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from benchmarks.harness import Result, spread

AREA = "sync"
PROVINCE = "BHXHBENCH"


def _unit(folder: Path, code: str, level: str, parent: str | None = None):
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from desktop.models.unit import UnitProfile, save_profile
    from sync.keys import ensure_unit_keys

    folder.mkdir(parents=True)
    store = open_store(folder / DB_FILENAME, actor="bench")
    number = code[-2:]
    with store.atomic():
        save_profile(store, UnitProfile(
            code=code, name=f"Bảo hiểm xã hội huyện Số {number}" if parent else
            f"Bảo hiểm xã hội tỉnh {code}", level=level, parent_code=parent,
            parent_name="Bảo hiểm xã hội tỉnh Đo Lường" if parent else None,
            place=f"Số {number}" if parent else "Đo Lường"))
        ensure_unit_keys(store)
    return store


def _package_tables(counts: dict[str, int]) -> list[str]:
    """The tables of a package, in the order they are applied (dependencies first)."""
    from desktop.models.synced_tables import SYNCED_TABLES

    return [t for t in SYNCED_TABLES if counts.get(t)]


def _blob_digests(store, tables: list[str]) -> list[str]:
    """The files the package's records name (the minutes' PDFs), as the exporter finds them."""
    from desktop.models.synced_tables import BLOB_COLUMNS

    out: dict[str, None] = {}
    for table in tables:
        for column in BLOB_COLUMNS.get(table, ()):
            for (digest,) in store.conn.execute(
                    f"SELECT {column} FROM {table} WHERE origin_unit = ? AND {column} IS NOT "
                    "NULL", (store.unit_code,)):
                out[digest] = None
    return list(out)


def _baseline_zip(store, dest: Path, tables: list[str]) -> None:
    """The same rows as JSON (one document per table) and the same files, in a zip."""
    from desktop.models.blobs import read_blob

    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for table in tables:
            rows = store.query(f"SELECT * FROM {table} WHERE origin_unit = ?", (store.unit_code,))
            zf.writestr(f"{table}.json", json.dumps(rows, ensure_ascii=False))
        for digest in _blob_digests(store, tables):
            zf.writestr(f"files/{digest}", read_blob(store, digest),
                        compress_type=zipfile.ZIP_STORED)


def _counts_note(counts: dict[str, int], tables: list[str], pdfs: int, pdf_mb: float) -> str:
    return ", ".join(f"{t} {counts[t]:,}" for t in tables) + \
        f"; {pdfs} PDFs ({pdf_mb:.1f} MB)"


def run(quick: bool = False) -> list[Result]:
    from desktop.models.blobs import put_blob, read_blob
    from desktop.models.bulk_writes import bulk_writes
    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from sync.envelope import read_envelope
    from sync.exporter import export_packages
    from sync.importer import import_file, import_many
    from sync.peers import add_district, enroll, export_province_profile, trust_sender

    from benchmarks import sync_data

    n_districts = 3 if quick else 30
    rng = random.Random(6)
    work = Path(tempfile.mkdtemp(prefix="isodesk-bench-sync-"))
    results: list[Result] = []
    try:
        province = _unit(work / "province", PROVINCE, "province")
        for i in range(n_districts):
            add_district(province, f"BHXHD{i:02d}", f"Bảo hiểm xã hội huyện Số {i:02d}")
        profile = export_province_profile(province, work / "p.isoprofile")
        districts = []
        for i in range(n_districts):
            d = _unit(work / f"d{i:02d}", f"BHXHD{i:02d}", "district", PROVINCE)
            enroll(d, profile)
            sync_data.fill_district(d, rng)
            districts.append(d)
        checked, problems = sync_data.verify_all_minutes(districts[0], districts[0].unit_code)
        if problems or not checked:
            raise RuntimeError(f"generated minutes do not verify: {problems[:3]}")

        # --- export of one package vs the same rows as JSON in a zip ---------------------
        # Both are timed on the same districts (the first few) and their medians compared:
        # one run of a fraction of a second is at the mercy of the disk.
        usb = work / "usb"
        usb.mkdir()
        sample = min(5, n_districts)
        exports = []
        export_times = []
        for d in districts:
            t0 = time.perf_counter()
            [res] = export_packages(d, usb)
            export_times.append(time.perf_counter() - t0)
            exports.append(res)
        packages = [res.copied_to for res in exports]
        counts = exports[0].counts
        if any(res.counts != counts for res in exports):
            raise RuntimeError("the packages do not hold the same rows")
        tables = _package_tables(counts)
        base_times = []
        for i, d in enumerate(districts[:sample]):
            t0 = time.perf_counter()
            _baseline_zip(d, work / f"baseline-{i}.zip", tables)
            base_times.append(time.perf_counter() - t0)
        export_one = statistics.median(export_times[:sample])
        base_export = statistics.median(base_times)
        size_mb = packages[0].stat().st_size / 1e6
        rows_per_package = sum(counts.values())
        pdfs = exports[0].blobs
        pdf_mb = sum(len(read_blob(districts[0], h))
                     for h in _blob_digests(districts[0], tables)) / 1e6

        # --- import of all packages vs plain executemany of the same rows -----------------
        # The baseline is a unit of the same program: the same schema, indexes, triggers and
        # foreign keys; the rows of each district in one transaction, tables in the order the
        # import applies them, with the import's page cache. Both run `rounds` times,
        # interleaved (baseline, import, baseline, import…), each on a fresh copy of its data
        # folder, so that a busy spell of the machine hits both; the baseline's spread says how
        # noisy the run was.
        rows: dict[str, list] = {}
        for d in districts:
            for t in tables:
                rows.setdefault(t, []).append(d.conn.execute(
                    f"SELECT * FROM {t} WHERE origin_unit = ?", (d.unit_code,)).fetchall())
        # The baseline's rows (every district's, as Python objects) are not the import's: frozen
        # out of the garbage collector's sight, they don't make its collections walk them all.
        gc.collect()
        gc.freeze()
        province.close(clean=False)
        rounds = 1 if quick else 3
        state = {"round": 0}

        def baseline() -> float:
            store = _unit(work / f"baseline-{state['round']}", "BHXHBASE", "province")
            store.execute("PRAGMA cache_size=-65536")  # the import's own setting
            t0 = time.perf_counter()
            for i in range(n_districts):
                # the figures kept from these tables (the quiz statistics' sums) counted as an
                # import counts them: once per package, grouped (`bulk_writes`)
                with store.atomic() as conn, bulk_writes(store):
                    for t in tables:
                        batch = rows[t][i]
                        conn.executemany(
                            f"INSERT INTO {t} VALUES ({', '.join('?' * len(batch[0]))})", batch)
            took = time.perf_counter() - t0
            store.close(clean=False)
            return took

        imported = {}

        def importing() -> float:
            folder = work / f"province-{state['round']}"
            shutil.copytree(work / "province", folder)
            store = open_store(folder / DB_FILENAME, actor="bench")
            # first contact: the keys are trusted (a decision, not part of the timing)
            for p in packages:
                h = read_envelope(p).header
                trust_sender(store, h["sender"], h["sender_sign_key"], h["sender_enc_key"])
            t0 = time.perf_counter()
            summaries = import_many(store, packages)   # the whole folder, as a user does
            took = time.perf_counter() - t0
            imported.update(summaries=summaries, store=store)
            state["round"] += 1
            return took

        samples = {"baseline": [], "import": []}
        for _ in range(rounds):
            samples["baseline"].append(baseline())
            if imported.get("store") is not None:
                imported["store"].close(clean=False)
            samples["import"].append(importing())
        gc.unfreeze()
        province = imported["store"]
        summaries = imported["summaries"]
        base_rows = statistics.median(samples["baseline"])
        import_all = statistics.median(samples["import"])
        # the import also stores the PDFs: the same file writes, timed apart (once)
        base_store = _unit(work / "baseline-files", "BHXHBASE", "province")
        files = [(d, _blob_digests(d, tables)) for d in districts]
        t0 = time.perf_counter()
        for d, digests in files:
            with base_store.atomic():
                for digest in digests:
                    put_blob(base_store, (d.data_dir / "files" / digest[:2] / digest).read_bytes())
        base_files = time.perf_counter() - t0
        del rows, files

        bad = [s.message for s in summaries if s.status != "ok"]
        if bad:
            raise RuntimeError(bad[0])
        total_rows = sum(s.imported for s in summaries)
        if total_rows != rows_per_package * n_districts:
            raise RuntimeError(f"{total_rows} rows imported, {rows_per_package * n_districts} "
                               "sent")
        for d in (districts[0], districts[-1]):   # the signatures and PDFs arrived intact
            checked, problems = sync_data.verify_all_minutes(province, d.unit_code)
            if problems or checked != counts["minutes"]:
                raise RuntimeError(f"minutes of {d.unit_code} at the province: {problems[:3]}")
        t0 = time.perf_counter()
        for p in packages[:3]:
            import_file(province, p)
        replay = (time.perf_counter() - t0) / 3

        scale = 30 / n_districts
        note = f"{n_districts} packages" + (" (quick: scaled ×10 for the target)" if quick else "")
        results += [
            Result(AREA, "rows in each package", rows_per_package, "rows", "", None,
                   _counts_note(counts, tables, pdfs, pdf_mb)),
            Result(AREA, f"import 30 packages ({rows_per_package:,} rows + {pdfs} PDFs each)",
                   import_all * scale, "s", "< 10 s", import_all * scale < 10,
                   note + "; median; spread " + spread(samples["import"], scale, "s")),
            Result(AREA, "  baseline: plain executemany of the same rows", base_rows * scale,
                   "s", "", None, "median; spread " + spread(samples["baseline"], scale, "s")),
            Result(AREA, "  baseline: writing the same PDFs", base_files * scale, "s", "", None,
                   "put_blob, fsync per file"),
            Result(AREA, "  import / executemany", import_all / base_rows, "×", "≤ 1.5×",
                   import_all / base_rows <= 1.5, f"{total_rows:,} rows imported; medians of "
                   f"{rounds} interleaved runs"),
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
    return results


if __name__ == "__main__":  # pragma: no cover
    from benchmarks.harness import print_table

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print_table(run(quick="--quick" in os.sys.argv))
