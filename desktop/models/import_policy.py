"""One policy for files with bad rows, the same for every import (staff lists, question files).

A file whose rows are all good goes in whole. A file with refused rows writes nothing, unless the
person chooses to bring in the good rows and leave the refused ones out (`--accept-good` on the
command line, a tick box in the preview); either way every refused row is listed with its row or
line number and the reason. A dry run says what the real run would do, with the same exit code.

Exit codes of the command line: 0 when the import went in (or, for a dry run, would go in), 1 when
it is refused (bad rows without `--accept-good`, or nothing in the file to import), as for every
command that refuses its work.
"""
from __future__ import annotations

from dataclasses import dataclass

ACCEPT_GOOD_OPTION = "--accept-good"


@dataclass(frozen=True)
class Outcome:
    """What an import of `good` rows with `bad` refused ones does."""
    good: int
    bad: int
    accept_good: bool

    @property
    def refused(self) -> bool:
        """Nothing is written: bad rows not accepted, or nothing good at all."""
        return (self.bad > 0 and not self.accept_good) or self.good == 0

    @property
    def exit_code(self) -> int:
        return 1 if self.refused else 0


def may_write(bad: int, accept_good: bool) -> bool:
    return bad == 0 or accept_good


def refused_text(bad: int, unit: str) -> str:
    """The words said when a file with bad rows is refused (`unit`: "dòng", "câu"…)."""
    return (f"Tệp có {bad} {unit} lỗi: KHÔNG nhập {unit} nào. Sửa các {unit} dưới đây rồi nhập "
            f"lại, hoặc thêm {ACCEPT_GOOD_OPTION} để chỉ nhập các {unit} tốt.")


def accepted_text(bad: int, unit: str) -> str:
    return f"Đã bỏ qua {bad} {unit} lỗi (theo {ACCEPT_GOOD_OPTION}); các {unit} tốt đã được nhập."


def nothing_text(unit: str) -> str:
    return f"Tệp không có {unit} nào nhập được."


def dry_run_text(bad: int, unit: str, accept_good: bool) -> str:
    if not bad:
        return "Xem trước: tệp không có lỗi, nhập thật sẽ nhập toàn bộ."
    if accept_good:
        return (f"Xem trước: {bad} {unit} lỗi sẽ bị bỏ qua ({ACCEPT_GOOD_OPTION}), các {unit} tốt "
                "sẽ được nhập.")
    return (f"Xem trước: tệp có {bad} {unit} lỗi nên nhập thật sẽ KHÔNG nhập gì; sửa các {unit} "
            f"dưới đây, hoặc thêm {ACCEPT_GOOD_OPTION} để chỉ nhập các {unit} tốt.")
