"""The files a package brings are bounded by what its rows refer to: only files named by rows
that go in are written, a package may bring so many files of so much size, and a refused
package leaves nothing on disk."""
from __future__ import annotations

import hashlib
import json
import os
import uuid

import pytest

import sync.contents as contents
import sync.write as write
from desktop.models.blobs import blob_path
from desktop.models.db import now_iso
from sync import exporter, importer, staging
from sync.exporter import sync_dir

from .forge import forge

MIN_COLS = ["id", "origin_unit", "created_at", "updated_at", "version", "deleted", "title",
            "status", "pdf_sha256"]


def _files(store) -> set[str]:
    root = store.data_dir / "files"
    return {p.name for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _blob(n: int, size: int = 256 * 1024) -> tuple[str, bytes]:
    data = os.urandom(size - 8) + n.to_bytes(8, "big")
    return hashlib.sha256(data).hexdigest(), data


def _minutes_row(unit: str, digest: str | None, title: str | None = "Biên bản") -> list:
    now = now_iso()
    return [str(uuid.uuid4()), unit, now, now, 1, 0, title, "draft", digest]


@pytest.fixture
def trusted(pair):
    pair.staff(1)
    [first] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, first.copied_to, trust_new_sender=True)
    return pair


def _package(pair, name: str, blobs: list[tuple[str, bytes]], rows: list, seq: int = 2):
    return forge(pair.district, pair.province, pair.tmp / name, seq=seq,
                 tables={"t_minutes": (MIN_COLS, rows)} if rows else None,
                 members=[(f"blobs/{d}", data) for d, data in blobs],
                 manifest_extra={"blobs": [d for d, _ in blobs]})


def test_files_no_row_refers_to_are_not_written(trusted):
    pair = trusted
    unit = pair.district.unit_code
    blobs = [_blob(i) for i in range(40)]  # 10 MB, each member under the ratio floor
    used = blobs[0]
    before = _files(pair.province)
    pkg = _package(pair, "extra.isosync", blobs, [_minutes_row(unit, used[0])])
    [s] = importer.import_file(pair.province, pkg)
    assert s.imported == 1 and "39 tệp trong gói không được bản ghi nào dùng" in s.message
    assert _files(pair.province) - before == {used[0]}
    assert blob_path(pair.province, used[0]).read_bytes() == used[1]
    assert not list(sync_dir(pair.province, "tmp").glob("*.files"))


def test_a_file_of_a_quarantined_row_is_not_written(trusted):
    pair = trusted
    unit = pair.district.unit_code
    good, bad = _blob(1, 2048), _blob(2, 2048)
    pkg = _package(pair, "q.isosync", [good, bad],
                   [_minutes_row(unit, good[0]), _minutes_row(unit, bad[0], title=None)])
    before = _files(pair.province)
    [s] = importer.import_file(pair.province, pkg)
    assert s.imported == 1 and len(s.quarantined) == 1
    assert _files(pair.province) - before == {good[0]}


@pytest.mark.parametrize("limit, value", [("MAX_FILES", 5), ("MAX_FILES_SIZE", 1024 * 1024)])
def test_a_package_over_the_file_limits_is_refused(trusted, monkeypatch, limit, value):
    pair = trusted
    monkeypatch.setattr(contents, limit, value)
    unit = pair.district.unit_code
    blobs = [_blob(i) for i in range(6)]
    pkg = _package(pair, "many.isosync", blobs, [_minutes_row(unit, d) for d, _ in blobs])
    before = _files(pair.province)
    [s] = importer.import_file(pair.province, pkg)
    assert s.status == "error" and s.error_code == "limit_exceeded" and "giới hạn" in s.message
    assert _files(pair.province) == before
    row = pair.province.query_one("SELECT status FROM sync_packages WHERE package_id = ?",
                                  (s.package_id,))
    assert row["status"] == "refused"


def test_a_package_refused_after_its_files_were_written_leaves_nothing(trusted, monkeypatch):
    pair = trusted
    unit = pair.district.unit_code
    blobs = [_blob(i, 64 * 1024) for i in range(5)]
    pkg = _package(pair, "late.isosync", blobs, [_minutes_row(unit, d) for d, _ in blobs])
    before = _files(pair.province)

    def fails(*args, **kwargs):
        raise RuntimeError("hỏng giữa chừng")

    real = write.record_package
    monkeypatch.setattr(write, "record_package", fails)  # after the files went in
    [s] = importer.import_file(pair.province, pkg)
    assert s.status == "error" and "hỏng giữa chừng" in s.message
    assert _files(pair.province) == before
    assert not pair.province.scalar("SELECT count(*) FROM t_minutes")
    assert not list(sync_dir(pair.province, "tmp").glob("*.files"))
    assert not list(sync_dir(pair.province, "received").rglob(f"{s.package_id}*"))
    monkeypatch.setattr(write, "record_package", real)
    [s] = importer.import_file(pair.province, pkg)
    assert s.imported == 5 and _files(pair.province) - before == {d for d, _ in blobs}


def test_an_import_killed_midway_is_cleaned_up_by_the_next_one(trusted):
    """What a kill -9 between moving the files in and the commit leaves: the next import takes
    the files no committed row recorded out again (and keeps those that are recorded)."""
    pair = trusted
    province = pair.province
    stray, kept = _blob(7, 1024), _blob(8, 1024)
    for digest, data in (stray, kept):
        path = blob_path(province, digest)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    province.execute("INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)",
                     (kept[0], len(kept[1]), now_iso()))
    folder = sync_dir(province, "tmp") / f"{uuid.uuid4()}{staging.SUFFIX}"
    folder.mkdir()
    (folder / staging.JOURNAL).write_text(json.dumps([stray[0], kept[0]]), encoding="utf-8")
    pair.staff(1, prefix="Z")
    [p] = exporter.export_packages(pair.district, pair.usb)
    [s] = importer.import_file(province, p.copied_to)
    assert s.status == "ok"
    assert not blob_path(province, stray[0]).exists() and blob_path(province, kept[0]).exists()
    assert not folder.exists()
