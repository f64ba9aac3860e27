"""Keeping the shipped default bank up to date in a unit that already has it.

The default bank file (`resources/questions/default_bank.json`) has a `revision`. When a release
corrects questions, the file's question carries the fingerprints of the wordings it replaces
(`supersedes`). A unit whose bank came from an older revision gets, once per revision:

- each question it still has exactly as shipped (its fingerprint is a superseded one): the
  corrected wording, through the ordinary edit, so a version some paper already showed stays as
  it was and the correction becomes the next version (attempts keep what they showed);
- a question the unit edited itself: left alone, and listed so that someone can look at it;
- a question the unit deleted: not brought back; a question new in the file: added;
- the historical mark of the file on the questions it updates or finds unchanged.

The unit's own questions only: at a district, questions the province sent are the province's to
update (its own installation does the same and sends them down). Nor on a kiosk PC, whose bank
is the main PC's copy.
"""
from __future__ import annotations

import hashlib

from .. import audit
from ..db import Store
from ..errors import IsoDeskError, ValidationError
from ..settings import get_setting, set_setting
from ..vntext import clean
from . import bank
from .common import QUESTIONS, dumps

REVISION_KEY = "quiz.default_bank_revision"


def file_revision(data: dict) -> int:
    try:
        return max(1, int(data.get("revision") or 1))
    except (TypeError, ValueError):
        return 1


def _content(q: dict) -> dict:
    return {"text": q.get("text"), "options": q.get("options"), "correct": q.get("correct"),
            "weights": q.get("weights"), "explanation": q.get("explanation", ""),
            "clause": q.get("clause", ""), "difficulty": q.get("difficulty", 2),
            "multiple": q.get("multiple", False), "topic_code": q.get("topic")}


def default_fingerprint(q: dict) -> str:
    """What a question says, as a short digest: text, options, right answers, explanation,
    clause, difficulty (after the bank's own cleaning, so spacing or Unicode forms don't count).
    Accepts a bank-file question or a `Question.content()`."""
    c = bank.validate_content(None, {**_content(q), **({"topic_code": q["topic_code"]}
                                                        if "topic_code" in q else {})})
    payload = dumps([c["text"], c["options"], c["correct"], c["explanation"], c["clause"],
                     c["difficulty"], c["multiple"]])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def applied_revision(store: Store) -> int:
    """The default bank's revision this unit has; a bank loaded before revisions were numbered
    is revision 1."""
    try:
        return int(get_setting(store, REVISION_KEY, 1) or 1)
    except (TypeError, ValueError):
        return 1


def has_default_questions(store: Store, keys) -> bool:
    """Whether this unit has questions of the shipped bank (by source and key), so that the
    file's new questions belong in its bank too."""
    keys = list(keys)
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        if store.scalar(f"SELECT 1 FROM quiz_questions WHERE origin_unit = ? AND deleted = 0 AND "
                        f"source = 'default' AND key IN ({','.join('?' * len(chunk))}) LIMIT 1",
                        (store.unit_code, *chunk)):
            return True
    return False


def is_kiosk_pc(store: Store) -> bool:
    """A PC prepared with a kiosk setup file takes its bank from the main PC (its answers name
    the main PC's versions): it never makes versions of its own."""
    return bool(store.scalar("SELECT 1 FROM quiz_kiosk_identity LIMIT 1"))


def _own_row(store: Store, key: str) -> dict | None:
    return store.query_one("SELECT id, deleted, source, historical FROM quiz_questions WHERE "
                           "origin_unit = ? AND key = ? ORDER BY deleted LIMIT 1",
                           (store.unit_code, key))


def update_default_bank(store: Store, data: dict, *, path_name: str = "default_bank.json"
                        ) -> dict | None:
    """Bring this unit's copy of the default bank to the file's revision (see the module
    docstring). Returns what changed, or None when the unit is already at that revision."""
    revision = file_revision(data)
    if applied_revision(store) >= revision or is_kiosk_pc(store):
        return None
    keys = [clean(q.get("key")) or "" for q in data.get("questions") or []]
    if not has_default_questions(store, [k for k in keys if k]):
        set_setting(store, REVISION_KEY, revision)
        return None
    updated: list[str] = []
    marked: list[str] = []
    new_versions: list[str] = []
    kept: list[str] = []
    added: list[str] = []
    with store.atomic():
        for order, t in enumerate(data.get("topics") or [], start=1):
            if bank.topic_by_code(store, t["code"]) is None:
                bank.add_topic(store, t["code"], t["name"], description=t.get("description", ""),
                               sort_order=order)
        for q in data.get("questions") or []:
            key = clean(q.get("key")) or ""
            if not key:
                continue
            row = _own_row(store, key)
            try:
                if row is None:
                    bank.add_question(store, {**_content(q), "historical": q.get("historical")},
                                      key=key, source="default")
                    added.append(key)
                    continue
                if row["deleted"] or row["source"] != "default":
                    continue
                current = bank.get_question(store, row["id"])
                mine = default_fingerprint(current.content())
                if mine != default_fingerprint(q) and mine not in (q.get("supersedes") or []):
                    kept.append(key)
                    continue
                change = {"historical": bool(q.get("historical"))}
                if change["historical"] != current.historical:
                    marked.append(key)
                if mine != default_fingerprint(q):
                    change.update(_content(q))
                    updated.append(key)
                elif key not in marked:
                    continue
                _q, made_version = bank.update_question(store, row["id"], change)
                if made_version:
                    new_versions.append(key)
            except ValidationError as exc:
                raise IsoDeskError(f"Câu {key} của ngân hàng {path_name} không hợp lệ: "
                                   f"{' '.join(exc.errors.values())}") from exc
        summary = {"revision": revision, "updated": updated, "new_versions": new_versions,
                   "historical": marked, "kept_edited": kept, "added": added}
        changed = any(summary[k] for k in ("updated", "historical", "kept_edited", "added"))
        if changed:
            audit.append(store, "quiz_default_bank_update", table=QUESTIONS, new=summary)
        set_setting(store, REVISION_KEY, revision)
    return summary if changed else None
