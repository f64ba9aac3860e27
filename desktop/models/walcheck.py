"""Reading the SQLite file header and write-ahead log (WAL) without SQLite, before opening.

Why: when SQLite opens a database whose WAL holds a damaged frame, it keeps the frames before the
damage and silently drops every frame after it, committed transactions included; after the
next checkpoint they are gone for good. Read here first, frame by frame with SQLite's own
checksums (https://www.sqlite.org/fileformat2.html#walformat), the program sees that committed
transactions would be dropped and asks what to do instead of losing them without a word.

Cost: about a millisecond per 4 KiB frame in Python, so up to about a second for a log of the
usual size (SQLite checkpoints it at 1,000 pages); it is read only when a log was left behind
(an unclean exit, or another ISO Desk process open on the file).

What it gives up: a damaged frame inside the *last* transaction of the log looks exactly like a
write cut short by a crash or a power cut (SQLite rolls such a transaction back, as it was never
reported committed). So damage confined to the last transaction is not reported here; the
audit-chain anchors (`anchors`) still show it when that transaction was anchored.
Only the structure is read: the pages themselves are checked by `PRAGMA quick_check`.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER = 32
FRAME_HEADER = 24


def header_problem(path: Path) -> str | None:
    """None when the first page's header is that of an SQLite database whose size fits its page
    size; else what is wrong, in Vietnamese."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        return f"không đọc được tệp ({exc.strerror or exc})"
    if size == 0:
        return "tệp rỗng (0 byte): dữ liệu không còn trong tệp"
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return "phần đầu tệp không phải của một cơ sở dữ liệu SQLite"
    page = struct.unpack(">H", head[16:18])[0]
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        return f"kích thước trang ghi ở phần đầu tệp không hợp lệ ({page})"
    if size % page:
        return f"kích thước tệp ({size} byte) không phải bội số của trang ({page} byte): tệp bị cắt"
    return None


@dataclass
class WalReport:
    frames: int = 0                 # frames of the current log (its salts)
    valid_frames: int = 0           # what SQLite will keep
    valid_bytes: int = 0            # the log's length up to the end of its last good commit
    committed: int = 0              # transactions SQLite will keep
    lost_commits: int = 0           # committed transactions from the damage on: dropped
    problem: str | None = None      # the damage, in Vietnamese, when commits would be lost

    @property
    def ok(self) -> bool:
        return self.problem is None


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum of `data` (a multiple of 8 bytes), continuing from (s0, s1):
    for each pair of 32-bit words (a, b): s0 += a + s1; s1 += b + s0 (mod 2**32)."""
    words = iter(struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data))
    for a, b in zip(words, words):
        s0 = (s0 + a + s1) & 0xFFFFFFFF
        s1 = (s1 + b + s0) & 0xFFFFFFFF
    return s0, s1


def check_wal(wal: Path, page_size: int | None = None) -> WalReport:
    """Walk the WAL as SQLite's recovery does and count what it would keep and drop."""
    report = WalReport()
    try:
        with open(wal, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return report
    except OSError as exc:
        report.problem = f"không đọc được nhật ký ghi trước ({exc.strerror or exc})"
        return report
    if len(data) < WAL_HEADER:
        return report  # an empty or cut header: SQLite ignores the log, nothing was committed
    magic, version, psize, _ckpt, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:WAL_HEADER])
    if magic not in WAL_MAGIC:
        return report  # not a log SQLite would read: nothing in it counts as committed
    big = bool(magic & 1)
    if _checksum(data[:24], 0, 0, big) != (c1, c2) or version != 3007000 or \
            psize < 512 or psize & (psize - 1) or (page_size and psize != page_size):
        return report  # SQLite ignores a log with a bad header; frames after it never counted
    s0, s1 = c1, c2
    frame = FRAME_HEADER + psize
    broken_at = None
    commits = []  # the commit mark of each frame of this log (its salts), in order
    for pos in range(WAL_HEADER, len(data) - frame + 1, frame):
        pgno, commit, fs1, fs2, fc1, fc2 = struct.unpack(">6I", data[pos:pos + FRAME_HEADER])
        if (fs1, fs2) != (salt1, salt2):
            break  # frames of an earlier log: the end of this one
        commits.append(commit)
        if broken_at is None:
            s0, s1 = _checksum(data[pos:pos + 8], s0, s1, big)
            s0, s1 = _checksum(data[pos + FRAME_HEADER:pos + frame], s0, s1, big)
            if (s0, s1) != (fc1, fc2) or pgno == 0:
                broken_at = len(commits) - 1
            elif commit:
                report.valid_frames = len(commits)
                report.valid_bytes = pos + frame
                report.committed += 1
    report.frames = len(commits)
    if broken_at is None:
        return report
    # The transaction holding the damage ends at the next commit frame; alone, it may be a
    # write cut short by a crash. A commit after it proves it was committed (each commit is
    # synced before the next one starts): then all of them, from the damaged one on, are lost.
    ends = sum(1 for c in commits[broken_at:] if c)
    if ends > 1:
        report.lost_commits = ends
        report.problem = (f"nhật ký ghi trước (tệp -wal) bị hỏng ở khung {broken_at + 1}: "
                          f"{ends} lần ghi đã hoàn tất từ chỗ hỏng trở đi sẽ bị mất nếu mở tệp "
                          "như bình thường")
    return report
