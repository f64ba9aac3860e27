"""The life of a version in the document register, as one rule (ISO 9001:2015, 7.5):

    draft → approved → in force → obsolete        (and approved → draft: approval withdrawn)

Every path that changes a version's state asks this module: `documents.advance` (the GUI and
`isodesk documents advance`), the Excel import (several steps at once, with the dates they
need), and `add` for a new version. The per-version part of the rule (`row_step_problem`: never
backwards except approved → draft, never obsolete without having been in force, obsolete stays)
is repeated by the database triggers of the iso migrations, which a test keeps equal to it; the
part across the versions of one code (`step_problem`, `new_version_problem`) is the model's
alone, because the rows of a sync package arrive in any order.
"""
from __future__ import annotations

from typing import Protocol

STATES = ("draft", "approved", "in_force", "obsolete")
STATE_LABELS_VI = {"draft": "Dự thảo", "approved": "Đã phê duyệt", "in_force": "Đang hiệu lực",
                   "obsolete": "Hết hiệu lực"}
RANK = {s: i for i, s in enumerate(STATES)}
# The steps a person takes one at a time (the buttons of the register, `documents advance`).
TRANSITIONS = {"draft": ("approved",), "approved": ("in_force", "draft"),
               "in_force": ("obsolete",), "obsolete": ()}


class Version(Protocol):
    id: str | None
    code: str
    revision: str
    state: str
    effective_on: str | None


def revision_key(revision: str) -> tuple[int, ...]:
    """"01" < "1.1" < "2" < "10": revisions compare as numbers, part by part."""
    try:
        return tuple(int(p) for p in str(revision).split("."))
    except ValueError:
        return (10**6,)


def _label(state: str) -> str:
    return STATE_LABELS_VI.get(state, state)


def row_step_problem(code: str, revision: str, from_state: str, to_state: str,
                     effective_on: str | None) -> str | None:
    """Why one version can't go from `from_state` to `to_state` whatever the other versions
    are (None when it can): `effective_on` is the version's date in force after the change."""
    if to_state == from_state:
        return None
    which = f"Tài liệu {code} phiên bản {revision}"
    if from_state == "obsolete":
        return (f"{which} đã hết hiệu lực, không thể chuyển sang \"{_label(to_state)}\". Hãy "
                "tạo phiên bản mới.")
    if RANK[to_state] < RANK[from_state] and (from_state, to_state) != ("approved", "draft"):
        done = "ban hành" if from_state == "in_force" else "phê duyệt"
        return (f"{which} đang \"{_label(from_state)}\", không thể trở lại "
                f"\"{_label(to_state)}\": bản đã {done} được giữ nguyên. Muốn sửa, hãy tạo "
                "phiên bản mới.")
    if to_state == "obsolete" and not effective_on:
        return (f"{which} đang \"{_label(from_state)}\", chưa từng có hiệu lực nên không thể "
                "hết hiệu lực. Nếu không dùng phiên bản này, hãy đưa về dự thảo rồi xóa.")
    return None


def step_problem(doc: Version, to_state: str, versions: list[Version], *,
                 effective_on: str | None = None) -> str | None:
    """Why `doc` can't go to `to_state` (None when it can), given the other versions of its code
    as they are (or, for an import, as they will be): `row_step_problem`, then no version comes
    in force when a newer one has been in force, and only the latest version is made obsolete
    (an older one becomes obsolete when a newer one comes in force)."""
    effective = effective_on if effective_on is not None else doc.effective_on
    problem = row_step_problem(doc.code, doc.revision, doc.state, to_state, effective)
    if problem or to_state == doc.state:
        return problem
    mine = revision_key(doc.revision)
    newer = [v for v in versions if v.id != doc.id and revision_key(v.revision) > mine]
    if to_state == "in_force":
        served = [v for v in newer if v.state == "in_force"
                  or (v.state == "obsolete" and v.effective_on)]
        if served:
            last = max(served, key=lambda v: revision_key(v.revision))
            return (f"Phiên bản mới hơn ({last.revision}) của tài liệu {doc.code} "
                    f"{'đang' if last.state == 'in_force' else 'đã từng'} có hiệu lực: phiên bản "
                    f"{doc.revision} không thể có hiệu lực.")
    if to_state == "obsolete" and newer and not any(v.state == "in_force" for v in newer):
        latest = max(newer, key=lambda v: revision_key(v.revision))
        return (f"Chỉ phiên bản mới nhất ({latest.revision}) của tài liệu {doc.code} mới được "
                f"đưa về hết hiệu lực. Phiên bản {doc.revision} sẽ tự hết hiệu lực khi phiên bản "
                "mới có hiệu lực.")
    return None


def new_version_problem(code: str, revision: str, state: str,
                        versions: list[Version]) -> str | None:
    """Why a new version can't be added to the register (None when it can): a draft beside
    another draft of the same code, or a draft whose revision is not above the one in force
    (it could never come in force)."""
    if state != "draft":
        return None
    drafts = [v for v in versions if v.state == "draft"]
    if drafts:
        return (f"Tài liệu {code} đã có bản dự thảo (phiên bản {drafts[0].revision}): hãy sửa "
                "bản dự thảo đó thay vì thêm bản dự thảo thứ hai.")
    in_force = [v for v in versions if v.state == "in_force"]
    if in_force and revision_key(revision) <= revision_key(in_force[0].revision):
        return (f"Tài liệu {code} đang hiệu lực phiên bản {in_force[0].revision}: phiên bản mới "
                f"phải lớn hơn (đang là {revision}).")
    return None
