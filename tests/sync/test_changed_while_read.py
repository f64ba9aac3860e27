"""A package file that changes while it is being imported (a USB stick pulled out, a file cut
short or replaced by another process): the import is refused with the reason in Vietnamese, the
file kept as evidence (or held) is the one that was verified, and nothing is half done."""
from __future__ import annotations

import hashlib
import os
import shutil

import pytest

from sync import contents, envelope, exporter, importer, status

from .test_faults import acked_chain, count, fresh  # noqa: F401


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _after_payload(monkeypatch, change):
    """Call `change(path)` right after the payload of the package was read and checked."""
    real = contents.open_payload

    def reading_then_changed(env, key, out):
        got = real(env, key, out)
        change(env.path)
        return got

    monkeypatch.setattr(contents, "open_payload", reading_then_changed)


def _cut(path):
    os.truncate(path, path.stat().st_size // 2)


def _overwrite(path):
    """Another file of the same size in its place (another stick, the same name)."""
    with open(path, "r+b") as fh:
        fh.seek(path.stat().st_size // 2)
        fh.write(os.urandom(64))


def _received(store):
    folder = store.data_dir / "sync" / "received"
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.mark.parametrize("change", [_cut, _overwrite], ids=["cut short", "overwritten"])
def test_changed_after_the_check_is_refused_and_no_other_copy_is_kept(pair, monkeypatch,
                                                                      change):
    pair.staff(5)
    [p] = exporter.export_packages(pair.district, pair.usb)
    good = p.copied_to.read_bytes()
    _after_payload(monkeypatch, change)
    [s] = importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    assert s.status == "error"
    assert "thay đổi trong khi đang nhập" in s.message and "USB" in s.message
    assert "Không ghi được vào" not in s.message   # the data folder is not to blame
    assert count(pair.province, pair.district.unit_code) == 0
    assert _received(pair.province) == []
    # copied again from the district, the same package goes in
    monkeypatch.undo()
    p.copied_to.write_bytes(good)
    [again] = importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    assert again.status == "ok" and count(pair.province, pair.district.unit_code) == 5
    [kept] = _received(pair.province)
    assert kept.read_bytes() == good


def test_a_held_package_cut_short_after_the_check_is_not_held(pair, fresh, monkeypatch):
    p1, _p2, p3 = acked_chain(pair, 3)
    importer.import_file(fresh, p1.copied_to, trust_new_sender=True)
    _after_payload(monkeypatch, _cut)
    [s] = importer.import_file(fresh, p3.copied_to)
    assert s.status == "error" and not s.held
    assert "thay đổi trong khi đang nhập" in s.message
    assert status.held_packages(fresh) == []
    assert not any(p.is_file() for p in (fresh.data_dir / "sync" / "held").rglob("*"))
    fresh.close(clean=False)


def test_removed_after_its_header_was_read_blames_the_stick_not_the_data_folder(pair,
                                                                              monkeypatch):
    pair.staff(3)
    [p] = exporter.export_packages(pair.district, pair.usb)
    keep = pair.tmp / "copy.isosync"
    shutil.copyfile(p.copied_to, keep)
    real = importer.read_envelope

    def read_then_pulled(path):
        env = real(path)
        path.unlink()
        return env

    monkeypatch.setattr(importer, "read_envelope", read_then_pulled)
    [s] = importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    assert s.status == "error"
    assert s.message.startswith(f"Không đọc được tệp {p.copied_to.name}")
    assert "USB" in s.message and "Không ghi được vào" not in s.message
    assert count(pair.province, pair.district.unit_code) == 0


def test_the_file_kept_is_checked_against_what_was_read(tmp_path):
    """The copy helper itself: a copy that differs from the bytes read is refused, and its
    partial file removed."""
    src = tmp_path / "BHXHST-00001.isosync"
    src.write_bytes(b"x" * 1000)
    digest = hashlib.sha256(b"x" * 1000).hexdigest()
    dest = tmp_path / "kept" / "a.isosync"
    dest.parent.mkdir()
    envelope.copy_as_read(src, dest, size=1000, sha256=digest)
    assert _sha(dest) == digest
    dest.unlink()
    with pytest.raises(envelope.DamagedPackage) as err:
        envelope.copy_as_read(src, dest, size=1000, sha256="0" * 64)
    assert "thay đổi trong khi đang nhập" in err.value.message
    assert not dest.exists() and list(dest.parent.iterdir()) == []


def _recorded_sha(store, package_id: str) -> str:
    return store.scalar("SELECT file_sha256 FROM sync_packages WHERE direction = 'in' AND "
                        "package_id = ?", (package_id,))


def test_the_record_of_a_received_package_names_the_hash_of_the_bytes_read(pair, fresh):
    """Applied, held, then applied from the held copy, and refused after decryption: the
    package's row holds the SHA-256 of the file as it was read and verified, the same as the
    copy kept as evidence."""
    p1, p2, p3 = acked_chain(pair, 3)
    importer.import_file(fresh, p1.copied_to, trust_new_sender=True)
    assert _recorded_sha(fresh, p1.package_id) == _sha(p1.copied_to)
    [kept] = _received(fresh)
    assert _sha(kept) == _sha(p1.copied_to)
    [held] = importer.import_file(fresh, p3.copied_to)
    assert held.held and _recorded_sha(fresh, p3.package_id) == _sha(p3.copied_to)
    done = importer.import_file(fresh, p2.copied_to)  # the held one follows from its copy
    assert [(s.seq, s.status) for s in done] == [(2, "ok"), (3, "ok")]
    for p in (p2, p3):
        assert _recorded_sha(fresh, p.package_id) == _sha(p.copied_to)
    fresh.close(clean=False)


def test_a_refused_package_records_the_hash_of_what_was_refused(pair, monkeypatch):
    import sync.permission as permission

    pair.staff(2)
    [p] = exporter.export_packages(pair.district, pair.usb)

    def broken(*args, **kwargs):
        raise KeyError("không lường trước")

    monkeypatch.setattr(permission, "check_rows", broken)  # refused after it was decrypted
    [s] = importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    assert s.status == "error" and s.error_code == "unexpected"
    assert _recorded_sha(pair.province, p.package_id) == _sha(p.copied_to)
