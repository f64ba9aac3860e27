"""The question bank: topics, questions and their versions.

A question keeps its identity (key, topic, retired or not) in `quiz_questions`; what it says
(text, options, correct options, kind, explanation, clause, difficulty, pictures) is a row of
`quiz_question_versions` and its rows of `quiz_question_pictures` (its rules: `content`).
Editing a question whose current version no paper has used yet changes that version; once a
paper used it, an edit makes the next version, so that every attempt keeps the exact text and
options it showed. A question marked historical (about a plan that is over,
such as the 2020 conversion) stays in the bank but new papers leave it out unless the session
includes historical questions. Unit names in the wording are placeholders (`wording`), filled
with the unit profile's names where a version is read for showing (`get_versions`).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .. import records
from ..db import Store
from ..errors import NotFound, ValidationError
from ..vntext import clean, collation_key, fold, matches
from . import content, wording
from . import pictures as pics
from .content import MAX_OPTION, MAX_TEXT, clean_block, content_key  # noqa: F401  (the API)
from .common import QUESTIONS, TOPICS, VERSIONS, QuizError, dumps, loads

_TOPIC_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")
_KEY_RE = re.compile(r"^[\w.:/-]{1,60}$", re.UNICODE)
FALLBACK_TOPIC = ("khac", "Chủ đề khác")


# ---------------------------------------------------------------------------------------------
# Topics

@dataclass(frozen=True)
class Topic:
    id: str
    code: str
    name: str
    description: str
    sort_order: int
    retired: bool
    origin_unit: str


def in_use(store: Store, alias: str, table: str, column: str) -> tuple[str, tuple]:
    """SQL condition for the bank in use (docs/quiz.md): this unit's own rows and, at a district,
    the province's rows it has none of under the same key (topic code)."""
    row = store.query_one("SELECT level, parent_code FROM unit_profile WHERE id = 1")
    province = row["parent_code"] if row and row["level"] == "district" else None
    return (f"({alias}.origin_unit = ? OR ({alias}.origin_unit = ? AND NOT EXISTS (SELECT 1 "
            f"FROM {table} o WHERE o.origin_unit = ? AND o.{column} = {alias}.{column} "
            "AND o.deleted = 0)))", (store.unit_code, province, store.unit_code))


def _topic(row: dict) -> Topic:
    return Topic(row["id"], row["code"], row["name"], row["description"], row["sort_order"],
                 bool(row["retired"]), row["origin_unit"])


def list_topics(store: Store, *, include_retired: bool = True) -> list[Topic]:
    cond, params = in_use(store, "t", TOPICS, "code")
    rows = store.query(f"SELECT * FROM quiz_topics t WHERE deleted = 0 AND {cond}", params)
    topics = [_topic(r) for r in rows if include_retired or not r["retired"]]
    return sorted(topics, key=lambda t: (t.sort_order, collation_key(t.name)))


def topic_by_code(store: Store, code: str) -> Topic | None:
    """A topic by its code (case does not matter)."""
    cond, params = in_use(store, "t", TOPICS, "code")
    rows = store.query(f"SELECT * FROM quiz_topics t WHERE code = ? COLLATE NOCASE AND deleted = 0 "
                       f"AND {cond} ORDER BY origin_unit = ? DESC",
                       ((code or "").strip(), *params, store.unit_code))
    return _topic(rows[0]) if rows else None


def topic_by_name(store: Store, name: str) -> Topic | None:
    key = fold(name)
    for t in list_topics(store):
        if fold(t.name) == key or fold(t.code) == key:
            return t
    return None


def code_from_name(store: Store, name: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", fold(name)).split()
    base = "-".join(words)[:32].strip("-") or "chu-de"
    code, n = base, 2
    while topic_by_code(store, code) is not None:
        code = f"{base[:32]}-{n}"
        n += 1
    return code


def add_topic(store: Store, code: str, name: str, *, description: str = "",
              sort_order: int | None = None) -> Topic:
    code = clean(code) or ""
    name = clean(name) or ""
    errors = {}
    if not _TOPIC_CODE_RE.fullmatch(code):
        errors["code"] = ("Mã chủ đề gồm 1–40 ký tự: chữ không dấu, chữ số, dấu chấm, gạch "
                          "dưới hoặc gạch ngang; ví dụ policy hoặc CSCL.")
    elif topic_by_code(store, code) is not None:
        errors["code"] = f"Mã chủ đề {code} đã có."
    if not name:
        errors["name"] = "Hãy nhập tên chủ đề."
    if errors:
        raise ValidationError(errors)
    if sort_order is None:
        sort_order = (store.scalar("SELECT max(sort_order) FROM quiz_topics") or 0) + 1
    row = records.insert(store, TOPICS, {"code": code, "name": name,
                                         "description": clean(description) or "",
                                         "sort_order": sort_order, "retired": 0})
    return _topic(row)


def update_topic(store: Store, topic_id: str, *, name: str | None = None,
                 description: str | None = None, retired: bool | None = None) -> Topic:
    changes: dict = {}
    if name is not None:
        if not clean(name):
            raise ValidationError({"name": "Hãy nhập tên chủ đề."})
        changes["name"] = clean(name)
    if description is not None:
        changes["description"] = clean(description) or ""
    if retired is not None:
        changes["retired"] = int(retired)
    return _topic(records.update(store, TOPICS, topic_id, changes))


def ensure_topic(store: Store, name_or_code: str | None) -> Topic:
    """The topic named (by code or name); created when it does not exist yet."""
    text = clean(name_or_code) or ""
    if not text:
        found = topic_by_code(store, FALLBACK_TOPIC[0])
        return found or add_topic(store, *FALLBACK_TOPIC)
    found = topic_by_code(store, text) or topic_by_name(store, text)
    if found is not None:
        return found
    if _TOPIC_CODE_RE.fullmatch(text) and " " not in text:
        return add_topic(store, text, text)
    return add_topic(store, code_from_name(store, text), text)


# ---------------------------------------------------------------------------------------------
# Questions

@dataclass
class Question:
    id: str
    key: str
    topic_code: str
    retired: bool
    source: str
    origin_unit: str
    row_version: int
    version_id: str
    version_no: int
    text: str
    options: list[str]
    correct: list[int]
    weights: list[float] | None
    multiple: bool
    explanation: str
    clause: str
    difficulty: int
    updated_at: str
    topic_name: str = ""
    used: bool = False
    historical: bool = False
    extra: dict = field(default_factory=dict)
    kind: str = "single"
    pictures: list = field(default_factory=list)        # pictures.Picture, in order

    def content(self) -> dict:
        return {"text": self.text, "options": list(self.options), "correct": list(self.correct),
                "weights": self.weights, "multiple": self.multiple, "kind": self.kind,
                "explanation": self.explanation, "clause": self.clause,
                "difficulty": self.difficulty, "topic_code": self.topic_code,
                "pictures": [p.as_dict() for p in self.pictures]}

    def as_public(self) -> dict:
        return {"id": self.id, "key": self.key, "topic": self.topic_code,
                "topic_name": self.topic_name, "clause": self.clause,
                "difficulty": self.difficulty, "text": self.text, "options": list(self.options),
                "correct": list(self.correct),
                "weights": list(self.weights) if self.weights is not None else None,
                "multiple": self.multiple, "kind": self.kind,
                "explanation": self.explanation, "version": self.version_no,
                "retired": self.retired, "historical": self.historical,
                "pictures": [p.as_dict() for p in self.pictures]}

    def shown(self, names=None) -> "Question":
        """A copy with the unit names filled in (for showing; never save it back)."""
        filled = wording.fill_content(self.content(), names)
        return dataclasses.replace(self, text=filled["text"], options=filled["options"],
                                   explanation=filled["explanation"])


_SELECT = """SELECT q.id, q.key, q.topic_code, q.retired, q.historical, q.source, q.origin_unit,
    q.version AS row_version, q.updated_at, v.id AS version_id, v.number AS version_no, v.text,
    v.options, v.correct, v.weights, v.multiple, v.kind, v.explanation, v.clause, v.difficulty,
    t.name AS topic_name
    FROM quiz_questions q JOIN quiz_question_versions v ON v.id = q.current_version_id
    LEFT JOIN quiz_topics t ON t.code = q.topic_code AND t.deleted = 0
        AND t.origin_unit = q.origin_unit
    WHERE q.deleted = 0"""


def _question(row: dict) -> Question:
    return Question(
        id=row["id"], key=row["key"], topic_code=row["topic_code"], retired=bool(row["retired"]),
        source=row["source"], origin_unit=row["origin_unit"], row_version=row["row_version"],
        version_id=row["version_id"], version_no=row["version_no"], text=row["text"],
        options=loads(row["options"], []), correct=loads(row["correct"], []),
        weights=loads(row["weights"]), multiple=bool(row["multiple"]),
        explanation=row["explanation"], clause=row["clause"], difficulty=row["difficulty"],
        updated_at=row["updated_at"], topic_name=row["topic_name"] or row["topic_code"],
        historical=bool(row["historical"]),
        kind=row["kind"] or ("multiple" if row["multiple"] else "single"),
    )


def _with_pictures(store: Store, items: list[Question], *, with_data: bool = False
                   ) -> list[Question]:
    found = pics.of_versions(store, [q.version_id for q in items], with_data=with_data)
    for q in items:
        q.pictures = found.get(q.version_id, [])
    return items


def list_questions(store: Store, *, query: str = "", topic: str | None = None,
                   include_retired: bool = True) -> list[Question]:
    cond, scope = in_use(store, "q", QUESTIONS, "key")
    sql, params = _SELECT + f" AND {cond}", list(scope)
    if topic:
        sql += " AND q.topic_code = ?"
        params.append(topic)
    if not include_retired:
        sql += " AND q.retired = 0"
    items = _with_pictures(store, [_question(r) for r in store.query(sql, params)])
    used = used_version_ids(store)
    for q in items:
        q.used = q.version_id in used
    if query:
        names = wording.level_names(store)
        items = [q for q in items if matches(query, q.text, q.key, q.clause, q.topic_name,
                                             *q.options, wording.fill(q.text, names))]
    return sorted(items, key=lambda q: (q.topic_code, _key_order(q.key)))


def _key_order(key: str):
    parts = re.split(r"(\d+)", key)
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts]


def get_question(store: Store, question_id: str, *, with_data: bool = False) -> Question:
    row = store.query_one(_SELECT + " AND q.id = ?", (question_id,))
    if row is None:
        raise NotFound("Không tìm thấy câu hỏi này (có thể đã bị xóa).")
    q = _with_pictures(store, [_question(row)], with_data=with_data)[0]
    q.used = is_version_used(store, q.version_id)
    return q


def question_by_key(store: Store, key: str) -> Question | None:
    cond, scope = in_use(store, "q", QUESTIONS, "key")
    row = store.query_one(_SELECT + f" AND q.key = ? AND {cond} ORDER BY q.origin_unit = ? DESC",
                          (key, *scope, store.unit_code))
    return _with_pictures(store, [_question(row)])[0] if row else None


def get_version(store: Store, version_id: str, *, raw: bool = False) -> dict:
    """A version as shown (unit names filled in), or as stored with `raw`."""
    row = store.query_one("SELECT * FROM quiz_question_versions WHERE id = ?", (version_id,))
    if row is None:
        raise NotFound("Không tìm thấy phiên bản câu hỏi.")
    out = _version_dict(row)
    return out if raw else wording.fill_content(out, wording.level_names(store))


def _version_dict(row: dict) -> dict:
    out = dict(row)
    out["options"] = loads(row["options"], [])
    out["correct"] = loads(row["correct"], [])
    out["weights"] = loads(row["weights"])
    out["multiple"] = bool(row["multiple"])
    out["kind"] = row.get("kind") or ("multiple" if row["multiple"] else "single")
    return out


def get_versions(store: Store, version_ids, *, raw: bool = False,
                 with_pictures: bool = False) -> dict[str, dict]:
    """Versions by id, as shown to people (the unit names of this unit's profile filled in:
    kiosk, papers, slips, results), or as stored with `raw`; with `with_pictures`, each has
    "pictures" (with their bytes)."""
    ids = list(dict.fromkeys(version_ids))
    out: dict[str, dict] = {}
    names = None if raw else wording.level_names(store)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows = store.query(f"SELECT * FROM quiz_question_versions WHERE id IN "
                           f"({','.join('?' * len(chunk))})", chunk)
        for r in rows:
            v = _version_dict(r)
            out[r["id"]] = v if raw else wording.fill_content(v, names)
    if with_pictures:
        found = pics.of_versions(store, ids, with_data=True)
        for vid, v in out.items():
            v["pictures"] = found.get(vid, [])
    return out


def versions_of(store: Store, question_id: str) -> list[dict]:
    rows = store.query("SELECT * FROM quiz_question_versions WHERE question_id = ? AND deleted = 0 "
                       "ORDER BY number", (question_id,))
    return [_version_dict(r) for r in rows]


def _versions_on_variants(store: Store) -> set[str]:
    used: set[str] = set()
    for row in store.query("SELECT items FROM quiz_paper_variants WHERE deleted = 0"):
        used.update(item["version_id"] for item in loads(row["items"], []))
    return used


def used_version_ids(store: Store) -> set[str]:
    """Versions some paper has shown (one index probe per version, not a scan of answers)."""
    rows = store.query("SELECT v.id FROM quiz_question_versions v WHERE EXISTS "
                       "(SELECT 1 FROM quiz_answers a WHERE a.version_id = v.id)")
    return {r["id"] for r in rows} | _versions_on_variants(store)


def is_version_used(store: Store, version_id: str) -> bool:
    if store.scalar("SELECT 1 FROM quiz_answers WHERE version_id = ? LIMIT 1", (version_id,)):
        return True
    return version_id in _versions_on_variants(store)


def validate_content(store: Store | None, data: dict) -> dict:
    """Clean a question's content; raise ValidationError naming each bad field (the content's
    own rules are `content.check`; the topic must be one of the bank's)."""
    cleaned, errors = content.check(data)
    topic_code = clean(data.get("topic_code") or data.get("topic")) or ""
    if store is not None:
        topic = topic_by_code(store, topic_code) if topic_code else None
        if not topic_code:
            errors["topic"] = "Hãy chọn chủ đề của câu hỏi."
        elif topic is None:
            errors["topic"] = f"Chưa có chủ đề mã {topic_code}: hãy thêm chủ đề trước."
        else:
            topic_code = topic.code
    if errors:
        raise ValidationError(errors)
    return {**cleaned, "topic_code": topic_code}


def _version_values(question_id: str, number: int, c: dict) -> dict:
    return {"question_id": question_id, "number": number, "text": c["text"],
            "options": dumps(c["options"]), "correct": dumps(c["correct"]),
            "weights": dumps(c["weights"]) if c["weights"] is not None else None,
            "multiple": int(c["multiple"]), "kind": c["kind"], "explanation": c["explanation"],
            "clause": c["clause"], "difficulty": c["difficulty"],
            "content_hash": content_key(c["text"], c["options"], c["pictures"])}


def next_key(store: Store, prefix: str = "CH") -> str:
    cond, scope = in_use(store, "q", QUESTIONS, "key")
    n = store.scalar(f"SELECT count(*) FROM quiz_questions q WHERE {cond}", scope) or 0
    while True:
        n += 1
        key = f"{prefix}{n:04d}"
        if not _key_taken(store, key):
            return key


def _key_taken(store: Store, key: str) -> bool:
    cond, scope = in_use(store, "q", QUESTIONS, "key")
    return bool(store.scalar(f"SELECT 1 FROM quiz_questions q WHERE key = ? AND deleted = 0 AND "
                             f"{cond}", (key, *scope)))


def free_key(store: Store, wanted: str | None, taken: set[str] | None = None) -> str:
    """`wanted` when it is a usable key not taken yet, else it with a suffix, else a new key."""
    taken = taken if taken is not None else set()
    base = clean(wanted) or ""
    base = re.sub(r"\s+", "-", base)[:50]
    if not base or not _KEY_RE.fullmatch(base):
        key = next_key(store)
        while key in taken:
            key = next_key(store) + f"-{len(taken)}"
        return key
    key, n = base, 2
    while key in taken or _key_taken(store, key):
        key = f"{base}-{n}"
        n += 1
    return key


def add_question(store: Store, data: dict, *, key: str | None = None, source: str = "manual"
                 ) -> Question:
    content = validate_content(store, data)
    with store.atomic():
        key = free_key(store, key)
        qid, vid = records.new_id(), records.new_id()
        records.insert(store, QUESTIONS, {"key": key, "topic_code": content["topic_code"],
                                          "current_version_id": vid, "source": source,
                                          "retired": 0,
                                          "historical": int(bool(data.get("historical")))},
                       record_id=qid)
        records.insert(store, VERSIONS, _version_values(qid, 1, content), record_id=vid)
        pics.insert_rows(store, vid, content["pictures"])
    return get_question(store, qid)


def update_question(store: Store, question_id: str, data: dict, *,
                    expected_version: int | None = None) -> tuple[Question, bool]:
    """Save an edit. Returns (the question, True when a new version was made)."""
    current = get_question(store, question_id)
    merged = {**current.content(), **data}
    if "multiple" in data and "kind" not in data:
        merged.pop("kind")          # said the older way: the kind follows from it
    if "weights" not in data and current.weights is not None:
        # Weights belong to the options and right answers they were given with: once these
        # change, the old weights would contradict them, so the defaults apply again.
        probe = validate_content(store, {**merged, "weights": None})
        if (probe["options"], probe["correct"], probe["kind"]) != \
                (current.options, current.correct, current.kind):
            merged["weights"] = None
    content = validate_content(store, merged)
    new_version = False
    with store.atomic():
        q_row = records.require(store, QUESTIONS, question_id)
        if expected_version is not None and q_row["version"] != expected_version:
            from ..errors import ConcurrentChange
            raise ConcurrentChange("Câu hỏi vừa được người khác sửa. Hãy mở lại rồi sửa tiếp.")
        identity = {}
        if content["topic_code"] != current.topic_code:
            identity["topic_code"] = content["topic_code"]
        if "historical" in data and bool(data["historical"]) != current.historical:
            identity["historical"] = int(bool(data["historical"]))
        if identity:
            records.update(store, QUESTIONS, question_id, identity)
        old = {k: v for k, v in current.content().items() if k not in ("topic_code", "pictures")}
        new = {k: v for k, v in content.items() if k not in ("topic_code", "pictures")}
        old_pictures = [p.key() for p in current.pictures]
        new_pictures = [p.key() for p in content["pictures"]]
        if old != new or old_pictures != new_pictures:
            values = _version_values(question_id, current.version_no, content)
            if is_version_used(store, current.version_id):
                vid = records.new_id()
                values["number"] = current.version_no + 1
                records.insert(store, VERSIONS, values, record_id=vid)
                records.update(store, QUESTIONS, question_id, {"current_version_id": vid})
                pics.insert_rows(store, vid, content["pictures"])
                new_version = True
            else:
                records.update(store, VERSIONS, current.version_id, values)
                if old_pictures != new_pictures:
                    pics.delete_rows(store, current.version_id)
                    pics.insert_rows(store, current.version_id, content["pictures"])
    return get_question(store, question_id), new_version


def set_retired(store: Store, question_id: str, retired: bool) -> Question:
    records.update(store, QUESTIONS, question_id, {"retired": int(retired)})
    return get_question(store, question_id)


def set_historical(store: Store, question_id: str, historical: bool) -> Question:
    """Mark a question historical (left out of new papers unless a session includes such
    questions) or current again."""
    records.update(store, QUESTIONS, question_id, {"historical": int(historical)})
    return get_question(store, question_id)



def delete_question(store: Store, question_id: str) -> None:
    """Only a question no paper has used can be deleted; a used one is retired instead."""
    used = store.scalar(
        "SELECT 1 FROM quiz_answers a JOIN quiz_question_versions v ON v.id = a.version_id "
        "WHERE v.question_id = ? LIMIT 1", (question_id,))
    if used or any(v["id"] in _versions_on_variants(store) for v in versions_of(store, question_id)):
        raise QuizError("Câu hỏi này đã có người làm: không xóa được (bài làm cũ cần giữ "
                        "nguyên). Hãy cho câu hỏi ngừng dùng thay vì xóa.")
    with store.atomic():
        for v in versions_of(store, question_id):
            pics.delete_rows(store, v["id"])
            records.delete(store, VERSIONS, v["id"])
        records.delete(store, QUESTIONS, question_id)


def bank_counts(store: Store, *, include_historical: bool = False) -> dict[str, int]:
    """Active questions per topic code (what papers can draw from)."""
    cond, scope = in_use(store, "q", QUESTIONS, "key")
    past = "" if include_historical else "AND q.historical = 0 "
    rows = store.query("SELECT q.topic_code, count(*) AS n FROM quiz_questions q "
                       "JOIN quiz_topics t ON t.code = q.topic_code AND t.deleted = 0 "
                       "AND t.retired = 0 AND t.origin_unit = q.origin_unit "
                       f"WHERE q.deleted = 0 AND q.retired = 0 {past}AND {cond} "
                       "GROUP BY q.topic_code", scope)
    return {r["topic_code"]: r["n"] for r in rows}


def active_pool(store: Store, *, include_historical: bool = False
                ) -> dict[str, list[tuple[str, str]]]:
    """{topic code: [(question id, current version id), ...]} of the active questions, in a
    stable order (by key), for drawing papers; historical questions only when asked."""
    cond, scope = in_use(store, "q", QUESTIONS, "key")
    if not include_historical:
        cond += " AND q.historical = 0"
    rows = store.query("SELECT q.id, q.key, q.topic_code, q.current_version_id, q.origin_unit, "
                       "v.content_hash FROM quiz_questions q "
                       "JOIN quiz_question_versions v ON v.id = q.current_version_id "
                       "JOIN quiz_topics t ON t.code = q.topic_code AND t.deleted = 0 "
                       "AND t.retired = 0 AND t.origin_unit = q.origin_unit "
                       f"WHERE q.deleted = 0 AND q.retired = 0 AND {cond}", scope)
    # The same wording twice (the province's copy of a question this unit also has) is drawn
    # once: this unit's own question wins, then the first key.
    rows.sort(key=lambda r: (r["origin_unit"] != store.unit_code, _key_order(r["key"]), r["id"]))
    seen: set[str] = set()
    kept = []
    for r in rows:
        if r["content_hash"] not in seen:
            seen.add(r["content_hash"])
            kept.append(r)
    pool: dict[str, list] = {}
    for r in sorted(kept, key=lambda r: (r["topic_code"], _key_order(r["key"]), r["id"])):
        pool.setdefault(r["topic_code"], []).append((r["id"], r["current_version_id"]))
    return pool
