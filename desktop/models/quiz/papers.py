"""Drawing a paper: which questions, in which order, with the options in which order.

A paper is fully decided by the session's settings, the bank's active questions and a seed: the
same seed on the same bank gives the same paper. Because the bank changes over time, every
paper's seed and its exact order (question versions and option orders) are stored with it.

Questions are drawn per topic following the blueprint; without a blueprint the number of questions
of each topic is proportional to the topic's share of the bank. The drawn order (by topic) gives
each question its `slot`, the item the statistics compare across attempts; the order shown may be
shuffled.
"""
from __future__ import annotations

import random
import secrets
import string
from dataclasses import dataclass

from .. import records
from ..db import Store
from . import bank
from .common import VARIANTS, QuizError, dumps, loads

MAX_VARIANTS = 26


@dataclass(frozen=True)
class PaperItem:
    question_id: str
    version_id: str
    slot: int                 # 1-based place in the drawn order
    option_order: tuple[int, ...]   # version option indexes, in the order shown

    def as_dict(self) -> dict:
        return {"question_id": self.question_id, "version_id": self.version_id,
                "slot": self.slot, "option_order": list(self.option_order)}

    @staticmethod
    def from_dict(d: dict) -> "PaperItem":
        return PaperItem(d["question_id"], d["version_id"], int(d["slot"]),
                         tuple(int(i) for i in d["option_order"]))


@dataclass(frozen=True)
class Paper:
    seed: int
    items: tuple[PaperItem, ...]   # in the order shown (position = index + 1)


def new_seed() -> int:
    return secrets.randbits(48)


def proportional_blueprint(pool: dict[str, list], total: int) -> dict[str, int]:
    """Share `total` questions among the topics in proportion to their size (largest remainder,
    ties by topic code), never more than a topic has."""
    sizes = {code: len(items) for code, items in pool.items() if items}
    available = sum(sizes.values())
    if available == 0:
        return {}
    total = min(total, available)
    quotas = {c: total * n / available for c, n in sizes.items()}
    counts = {c: min(int(q), sizes[c]) for c, q in quotas.items()}
    left = total - sum(counts.values())
    order = sorted(sizes, key=lambda c: (-(quotas[c] - int(quotas[c])), c))
    while left > 0:
        progressed = False
        for code in order:
            if left and counts[code] < sizes[code]:
                counts[code] += 1
                left -= 1
                progressed = True
        if not progressed:
            break
    return {c: n for c, n in counts.items() if n}


def plan_counts(pool: dict[str, list], settings: dict) -> dict[str, int]:
    """How many questions each topic gives; raises QuizError when the bank is too small."""
    total = int(settings["questions"])
    blueprint = {c: int(n) for c, n in (settings.get("blueprint") or {}).items() if int(n) > 0}
    available = sum(len(v) for v in pool.values())
    if available < total:
        raise QuizError(f"Ngân hàng chỉ có {available} câu hỏi đang dùng, không đủ ra đề "
                        f"{total} câu. Hãy thêm câu hỏi hoặc giảm số câu của đề.")
    for code, n in blueprint.items():
        if len(pool.get(code, [])) < n:
            raise QuizError(f"Chủ đề {code} cần {n} câu nhưng ngân hàng chỉ có "
                            f"{len(pool.get(code, []))} câu đang dùng. Hãy sửa cơ cấu đề.")
    if not blueprint:
        return proportional_blueprint(pool, total)
    counts = dict(blueprint)
    rest = total - sum(blueprint.values())
    if rest > 0:
        others = {c: v for c, v in pool.items() if c not in blueprint}
        extra = proportional_blueprint(others, rest)
        for c, n in extra.items():
            counts[c] = counts.get(c, 0) + n
        rest -= sum(extra.values())
        if rest > 0:  # the other topics ran out: take more from the blueprint's topics
            spare = {c: pool[c][:len(pool[c]) - counts.get(c, 0)] for c in blueprint}
            for c, n in proportional_blueprint(spare, rest).items():
                counts[c] = counts.get(c, 0) + n
    return counts


def draw_paper(store: Store, settings: dict, seed: int) -> Paper:
    pool = bank.active_pool(store, include_historical=bool(settings.get("include_historical")))
    counts = plan_counts(pool, settings)
    rng = random.Random(seed)
    chosen: list[tuple[str, str]] = []
    for code in sorted(counts):
        picked = set(rng.sample(range(len(pool[code])), counts[code]))
        # In the bank's order within a topic: a paper that holds the same questions has them in
        # the same slots (the items of the statistics), whatever is shown to the person.
        chosen.extend(q for i, q in enumerate(pool[code]) if i in picked)
    versions = bank.get_versions(store, [v for _, v in chosen])
    items = []
    for slot, (qid, vid) in enumerate(chosen, start=1):
        order = list(range(len(versions[vid]["options"])))
        if settings.get("shuffle_options"):
            rng.shuffle(order)
        items.append(PaperItem(qid, vid, slot, tuple(order)))
    if settings.get("shuffle_questions"):
        rng.shuffle(items)
    return Paper(seed, tuple(items))


# ---------------------------------------------------------------------------------------------
# Printed variants (the paper fallback)

def variant_code(index: int) -> str:
    return string.ascii_uppercase[index]


def list_variants(store: Store, session_id: str) -> list[dict]:
    rows = store.query("SELECT * FROM quiz_paper_variants WHERE session_id = ? AND deleted = 0 "
                       "ORDER BY code", (session_id,))
    for r in rows:
        r["items"] = [PaperItem.from_dict(i) for i in loads(r["items"], [])]
    return rows


def get_variant(store: Store, session_id: str, code: str) -> dict | None:
    code = (code or "").strip().upper()
    for v in list_variants(store, session_id):
        if v["code"] == code:
            return v
    return None


def ensure_variants(store: Store, session_id: str, count: int) -> list[dict]:
    """The first `count` variants of the session (A, B, …): the ones printed before are kept
    exactly as they were; missing ones are drawn and stored."""
    from .sessions import get_session

    if not 1 <= count <= MAX_VARIANTS:
        raise QuizError(f"Số mã đề từ 1 đến {MAX_VARIANTS}.")
    session = get_session(store, session_id)
    with store.atomic():
        existing = {v["code"]: v for v in list_variants(store, session_id)}
        missing = [variant_code(i) for i in range(count) if variant_code(i) not in existing]
        if missing:
            _refuse_on_a_kiosk_pc(store, session_id, existing, missing)
        for i in range(count):
            code = variant_code(i)
            if code in existing:
                continue
            seed = new_seed()
            paper = draw_paper(store, session.settings, seed)
            records.insert(store, VARIANTS, {
                "session_id": session_id, "code": code, "seed": seed,
                "items": dumps([it.as_dict() for it in paper.items])})
    return [v for v in list_variants(store, session_id) if v["code"] in
            {variant_code(i) for i in range(count)}]


def _refuse_on_a_kiosk_pc(store: Store, session_id: str, existing: dict, missing: list[str]
                          ) -> None:
    """A kiosk PC prints only the variants the main PC drew (they came in its setup file): a
    variant "A" drawn here would differ from the main PC's "A", and answers keyed in there would
    be graded against the wrong paper."""
    from .kiosk import kiosk_name

    if store.scalar("SELECT 1 FROM quiz_kiosk_identity WHERE session_id = ?", (session_id,)):
        have = ", ".join(sorted(existing)) or "chưa có mã đề nào"
        raise QuizError(
            f"Máy này là máy kiểm tra ({kiosk_name(store, session_id)}) của buổi, không phải máy "
            f"chính: mã đề {', '.join(missing)} chưa được in trên máy chính nên không in ở đây "
            f"(mã đề đã có từ máy chính: {have}). Hãy in đề giấy trên máy chính; muốn in ở máy "
            "này, hãy in ở máy chính trước rồi chuẩn bị lại máy này bằng tệp chuẩn bị mới.")
