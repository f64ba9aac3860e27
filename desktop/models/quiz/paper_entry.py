"""Keying in the answers of people who took a printed variant.

Each person's answers are one letter per question in the printed order (A = the first printed
option), `-` for a blank; a question with several right options takes its letters in brackets,
e.g. `(AC)`. Spaces are ignored. The answers become an attempt of the person with the variant's
paper and are graded exactly like an attempt on the kiosk.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..db import Store
from ..staff import StaffRepository
from ..vntext import clean
from . import attempts, bank, sessions
from .common import LETTERS, QuizError
from .papers import Paper, get_variant


@dataclass
class EntryRow:
    line: int
    staff_code: str
    variant: str
    answers: str


@dataclass
class PlannedEntry:
    line: int
    staff_id: str
    staff_code: str
    full_name: str
    variant: dict
    choices: list[list[int] | None]     # per printed question: version option indexes

    def as_dict(self) -> dict:
        return {"line": self.line, "staff_code": self.staff_code, "full_name": self.full_name,
                "variant": self.variant["code"]}


@dataclass
class EntryPlan:
    entries: list[PlannedEntry] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)


def parse_letters(text: str, option_counts: list[int]) -> list[list[int] | None]:
    """Printed-order letters → per question the printed option numbers (0-based) or None.

    Raises QuizError saying what is wrong."""
    raw = (clean(text) or "").upper().replace(" ", "").replace(",", "").replace(";", "")
    groups: list[str | None] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch in "([":
            close = ")" if ch == "(" else "]"
            end = raw.find(close, i + 1)
            if end < 0:
                raise QuizError(f"Thiếu dấu đóng ngoặc {close} trong \"{text}\".")
            groups.append(raw[i + 1:end])
            i = end + 1
        elif ch in "-_.0":
            groups.append(None)
            i += 1
        else:
            groups.append(ch)
            i += 1
    if len(groups) != len(option_counts):
        raise QuizError(f"Có {len(groups)} câu trả lời nhưng đề có {len(option_counts)} câu (mỗi "
                        "câu một chữ cái, \"-\" nếu bỏ trống).")
    out: list[list[int] | None] = []
    for number, (group, n) in enumerate(zip(groups, option_counts), start=1):
        if not group:
            out.append(None)
            continue
        picks = []
        for ch in group:
            if ch not in LETTERS[:n]:
                raise QuizError(f"Câu {number}: \"{ch}\" không phải phương án (câu này có "
                                f"{n} phương án {LETTERS[0]}–{LETTERS[n - 1]}).")
            picks.append(LETTERS.index(ch))
        out.append(sorted(set(picks)))
    return out


def plan_entries(store: Store, session_id: str, rows: list[EntryRow]) -> EntryPlan:
    """Check every row (staff code, variant, answers, attempts allowed). Writes nothing."""
    session = sessions.get_session(store, session_id)
    repo = StaffRepository(store)
    plan = EntryPlan()
    seen: dict[str, int] = {}
    variant_cache: dict[str, dict | None] = {}
    for row in rows:
        def refuse(message: str) -> None:
            plan.rejected.append({"line": row.line, "message": message})

        code = (clean(row.staff_code) or "").upper()
        person = repo.by_code(code) if code else None
        if person is None:
            refuse(f"Không có cán bộ mã \"{row.staff_code}\" trong danh sách.")
            continue
        if code in seen:
            refuse(f"Mã cán bộ {code} đã có ở dòng {seen[code]}.")
            continue
        vcode = (clean(row.variant) or "").upper()
        if vcode not in variant_cache:
            variant_cache[vcode] = get_variant(store, session_id, vcode)
        variant = variant_cache[vcode]
        if variant is None:
            refuse(f"Buổi này không có mã đề \"{row.variant}\" (hãy in đề giấy trước).")
            continue
        versions = bank.get_versions(store, [it.version_id for it in variant["items"]])
        counts = [len(versions[it.version_id]["options"]) for it in variant["items"]]
        try:
            printed = parse_letters(row.answers, counts)
        except QuizError as exc:
            refuse(exc.message)
            continue
        check = attempts.check_start(store, session, person.id, require_attendance=False,
                                     about_person=True)
        if not check.ok:
            refuse(check.reason)
            continue
        choices = [None if p is None else sorted(it.option_order[k] for k in p)
                   for it, p in zip(variant["items"], printed)]
        seen[code] = row.line
        plan.entries.append(PlannedEntry(row.line, person.id, person.staff_code,
                                         person.full_name, variant, choices))
    return plan


def apply_entries(store: Store, session_id: str, plan: EntryPlan, *,
                  accept_good: bool = False) -> dict:
    """Create and grade the attempts, all in one transaction. A plan with refused rows writes
    nothing unless `accept_good`."""
    if plan.rejected and not accept_good:
        return {"entered": 0, "rejected": plan.rejected, "results": [], "refused": True}
    results = []
    with store.atomic():
        for e in plan.entries:
            paper = Paper(e.variant["seed"], tuple(e.variant["items"]))
            a = attempts.start_attempt(store, session_id, e.staff_id, paper=paper, mode="paper",
                                       variant_code=e.variant["code"], require_attendance=False)
            for position, choice in enumerate(e.choices, start=1):
                if choice:
                    attempts.answer(store, a, position, choice)
            done = attempts.submit(store, a, reason="paper")
            results.append({"line": e.line, **done.result(), "variant": e.variant["code"]})
    return {"entered": len(results), "rejected": plan.rejected, "results": results,
            "refused": False}
