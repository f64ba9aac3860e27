"""E-mail parts can't poison a package: the signed manifest lists each part's hash, parts that
don't fit it are dropped with a message, the genuine parts still join, and nothing ever has to
be deleted by hand."""
from __future__ import annotations

import json
import struct

import pytest

from sync import exporter, importer
from sync.errors import DamagedPackage
from sync.exporter import sync_dir
from sync.keys import load_unit_keys
from sync.parts import PART_MAGIC, read_part, receive_part, split_package

from .test_faults import count


def _rewrite(part, dest, **changes):
    """A copy of a part with other header fields (what someone editing the mail could do)."""
    info = read_part(part)
    raw = part.read_bytes()
    head = json.loads(raw[len(PART_MAGIC) + 4:info.data_offset])
    head.update(changes)
    for key in [k for k, v in changes.items() if v is None]:
        head.pop(key)
    body = json.dumps(head, sort_keys=True).encode()
    dest.write_bytes(PART_MAGIC + struct.pack(">I", len(body)) + body + raw[info.data_offset:])
    return dest


def _parts(pair, *, staff=30, signed=True):
    pair.staff(staff, prefix="P")
    [p] = exporter.export_packages(pair.district)
    keys = load_unit_keys(pair.district)
    return p, split_package(p.path, pair.tmp / f"parts-{p.seq}",
                            part_size=p.path.stat().st_size // 4,
                            sign=keys.sign.sign if signed else None,
                            sender=pair.district.unit_code)


def _swapped(parts, folder, *, manifest=True):
    """Part 1's bytes labelled as part 2 and the other way round, with hashes that fit."""
    folder.mkdir(exist_ok=True)
    a, b = read_part(parts[0]), read_part(parts[1])
    changes_a, changes_b = {"index": 2}, {"index": 1}
    if manifest:  # the manifest edited to fit the swap
        swapped = [b.part_sha256, a.part_sha256] + a.parts[2:]
        changes_a["parts"] = changes_b["parts"] = swapped
    else:
        for c in (changes_a, changes_b):
            c.update(parts=None, signature=None, sender=None)
    return [_rewrite(parts[0], folder / "x1.isopart", **changes_a),
            _rewrite(parts[1], folder / "x2.isopart", **changes_b)]


def test_parts_with_swapped_places_are_dropped_and_the_genuine_ones_join(pair):
    """The province already trusts the district's key: the swapped parts are refused (their
    place does not fit the signed manifest, or the edited manifest's signature fails)."""
    pair.staff(1)
    [first] = exporter.export_packages(pair.district, pair.usb)
    importer.import_file(pair.province, first.copied_to, trust_new_sender=True)
    p, parts = _parts(pair)
    unsigned_swap = [_rewrite(parts[0], pair.tmp / "y1.isopart", index=2)]
    bad = _swapped(parts, pair.tmp / "bad") + unsigned_swap
    summaries = importer.import_many(pair.province, bad)
    assert all(s.status == "error" for s in summaries), [s.message for s in summaries]
    assert any("chữ ký của bản kê" in s.message for s in summaries)
    assert any("không khớp bản kê" in s.message for s in summaries)
    summaries = importer.import_many(pair.province, parts)
    assert summaries[-1].status == "ok" and summaries[-1].package_id == p.package_id
    assert count(pair.province, pair.district.unit_code) == 31
    assert list(sync_dir(pair.province, "parts").iterdir()) == []


def test_a_forged_manifest_from_a_sender_not_yet_trusted_can_not_block_the_genuine_one(pair):
    """First package of the district (its key not yet known): the forged set is kept beside
    the genuine one, never in its place; the genuine set joins."""
    p, parts = _parts(pair, staff=10)
    bad = _swapped(parts, pair.tmp / "bad")
    for s in importer.import_many(pair.province, bad, trust_new_sender=True):
        assert s.status == "warning"  # waiting for the other parts of that (forged) set
    summaries = importer.import_many(pair.province, list(reversed(parts)), trust_new_sender=True)
    assert summaries[-1].status == "ok", [s.message for s in summaries]
    assert count(pair.province, pair.district.unit_code) == 10


def test_old_style_parts_poisoned_first_still_join(pair):
    """Parts made by an older version carry no manifest: the candidates of each place are
    tried together, and a set that joins to nothing is dropped (no folder to delete by hand)."""
    p, parts = _parts(pair, staff=10, signed=False)
    plain = [_rewrite(x, pair.tmp / f"old-{i}.isopart", parts=None, signature=None, sender=None)
             for i, x in enumerate(parts)]
    bad = _swapped(parts, pair.tmp / "bad", manifest=False)
    importer.import_many(pair.province, bad, trust_new_sender=True)
    summaries = importer.import_many(pair.province, plain, trust_new_sender=True)
    assert summaries[-1].status == "ok", [s.message for s in summaries]
    assert count(pair.province, pair.district.unit_code) == 10


def test_a_complete_set_that_joins_to_nothing_is_dropped_with_a_message(pair, tmp_path):
    p, parts = _parts(pair, staff=10, signed=False)
    plain = [_rewrite(x, tmp_path / f"old-{i}.isopart", parts=None, signature=None, sender=None)
             for i, x in enumerate(parts)]
    first = read_part(plain[0])
    wrong = _rewrite(plain[1], tmp_path / "wrong.isopart", index=1)  # part 2's bytes at place 1
    pdir, inc = tmp_path / "p", tmp_path / "in"
    receive_part(wrong, pdir, inc)
    for x in plain[1:-1]:
        receive_part(x, pdir, inc)
    with pytest.raises(DamagedPackage, match="đã được bỏ đi"):
        receive_part(plain[-1], pdir, inc)
    assert not (pdir / first.package_sha256).exists()
    for x in plain:
        state = receive_part(x, pdir, inc)
    assert state.assembled is not None


@pytest.mark.parametrize("length", [0, 3])
def test_a_part_cut_short_before_its_magic_says_cut_short(pair, length):
    """An empty part, or one holding only the start of its magic (an attachment saved while the
    stick was pulled out), is the right file cut short — not "not a part"."""
    _, parts = _parts(pair)
    cut = pair.tmp / "cut.isopart"
    cut.write_bytes(parts[0].read_bytes()[:length])
    with pytest.raises(DamagedPackage) as err:
        read_part(cut)
    assert "cắt cụt" in err.value.message
