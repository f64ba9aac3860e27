"""Bringing questions into the bank from files, and the bank's default questions.

The file readers (GIFT, Aiken, Moodle XML, Excel) live in `desktop.output.quiz.formats` and
give a `ParseResult`: the questions they understood, each with the line (or row) it starts on,
and the items they refused with the reason. `plan_import` checks every question against the bank
rules without writing; `apply_import` writes the plan in one transaction, and refuses to write
anything when the plan has refused items unless the user chose to import the good ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..bounded import InputRefused, read_json
from ..db import Store
from ..progress import Progress, no_progress
from ..errors import IsoDeskError, ValidationError
from ..settings import get_setting, set_setting
from ..vntext import clean
from . import bank, default_bank

DEFAULT_BANK_FORMAT = "isodesk-question-bank"
MAX_BANK_FILE = 20 * 1024 * 1024


@dataclass
class ParsedQuestion:
    line: int
    text: str
    options: list[str]
    correct: list[int]
    weights: list[float] | None = None
    multiple: bool | None = None
    key: str | None = None
    topic: str | None = None          # a topic code or name (a category path's last part)
    topic_code: str | None = None     # the code this program wrote, when the file has it
    explanation: str = ""
    clause: str = ""
    difficulty: int | None = None
    historical: bool = False
    kind: str | None = None           # kinds.KINDS; None: from `multiple` and the right answers
    pictures: list = field(default_factory=list)     # pictures.Picture, with their bytes
    left_out: list[str] = field(default_factory=list)   # what the reader could not keep, said

    def content(self) -> dict:
        return {"text": self.text, "options": self.options, "correct": self.correct,
                "weights": self.weights, "multiple": bool(self.multiple), "kind": self.kind,
                "explanation": self.explanation, "clause": self.clause,
                "difficulty": self.difficulty or 2, "historical": self.historical,
                "pictures": list(self.pictures)}


@dataclass
class Rejection:
    line: int
    message: str

    def as_dict(self) -> dict:
        return {"line": self.line, "message": self.message}


@dataclass
class ParseResult:
    format: str
    items: list[ParsedQuestion] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    encoding: str = ""
    warnings: list[str] = field(default_factory=list)

    def reject(self, line: int, message: str) -> None:
        self.rejected.append(Rejection(line, message))


@dataclass
class PlannedItem:
    line: int
    key: str
    topic_code: str
    topic_name: str
    new_topic: bool
    content: dict
    left_out: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        c = self.content
        return {"line": self.line, "key": self.key, "topic": self.topic_code,
                "topic_name": self.topic_name, "text": c["text"], "options": c["options"],
                "correct": c["correct"], "kind": c["kind"], "weights": c["weights"],
                "explanation": c["explanation"],
                "pictures": [{"place": p.place, "option": p.option, "name": p.name,
                              "media_type": p.media_type, "sha256": p.sha256}
                             for p in c["pictures"]],
                "left_out": list(self.left_out)}


@dataclass
class ImportPlan:
    format: str
    encoding: str
    items: list[PlannedItem] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Rejection] = field(default_factory=list)
    new_topics: dict[str, str] = field(default_factory=dict)   # code -> name
    warnings: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.rejected)

    def summary(self, imported: int, *, dry_run: bool) -> dict:
        """What the import did (or, for a dry run, would do: "would_import", no "imported")."""
        return {
            ("would_import" if dry_run else "imported"): imported,
            "rejected": [r.as_dict() for r in sorted(self.rejected, key=lambda r: r.line)],
            "skipped": [r.as_dict() for r in sorted(self.skipped, key=lambda r: r.line)],
            "new_topics": [{"code": c, "name": n} for c, n in self.new_topics.items()],
            "dry_run": dry_run,
            "format": self.format,
            "encoding": self.encoding,
            "items": [i.as_dict() for i in self.items],
        }


def _field_message(exc: ValidationError) -> str:
    return " ".join(exc.errors.values())


def plan_import(store: Store, parsed: ParseResult, *, topic: str | None = None,
                progress: Progress = no_progress) -> ImportPlan:
    """What an import would do, item by item. Writes nothing.

    `topic` is the topic for questions whose file names none (else "Chủ đề khác");
    `progress(done, total)` is told of each item checked."""
    plan = ImportPlan(parsed.format, parsed.encoding, rejected=list(parsed.rejected),
                      warnings=list(parsed.warnings))
    existing = {r["content_hash"]: r["key"] for r in store.query(
        "SELECT v.content_hash, q.key FROM quiz_questions q JOIN quiz_question_versions v "
        "ON v.id = q.current_version_id WHERE q.deleted = 0")}
    seen: dict[str, int] = {}
    keys: set[str] = set()
    topic_cache: dict[str, tuple[str, str, bool]] = {}
    for done, item in enumerate(parsed.items):
        progress(done, len(parsed.items))
        try:
            content = bank.validate_content(None, item.content())
        except ValidationError as exc:
            plan.rejected.append(Rejection(item.line, _field_message(exc)))
            continue
        digest = bank.content_key(content["text"], content["options"], content["pictures"])
        if digest in existing:
            plan.skipped.append(Rejection(item.line, f"Đã có trong ngân hàng (câu {existing[digest]})"
                                          ", không nhập lại."))
            continue
        if digest in seen:
            plan.skipped.append(Rejection(item.line, f"Trùng với câu ở dòng {seen[digest]} của tệp."))
            continue
        seen[digest] = item.line
        code, name, new = _resolve_topic(store, item.topic or topic, topic_cache, plan,
                                         code_hint=item.topic_code)
        content["topic_code"] = code
        content["historical"] = bool(item.historical)
        key = bank.free_key(store, item.key, keys)
        keys.add(key)
        plan.items.append(PlannedItem(item.line, key, code, name, new, content,
                                      list(item.left_out)))
    return plan


def _resolve_topic(store: Store, wanted: str | None, cache: dict, plan: ImportPlan, *,
                   code_hint: str | None = None) -> tuple[str, str, bool]:
    label = clean(wanted) or ""
    hint = clean(code_hint) or ""
    if (hint, label) in cache:
        return cache[(hint, label)]
    known = bank.topic_by_code(store, hint) if hint else None
    if known is not None:
        result = (known.code, known.name, False)
    elif hint and label and hint not in plan.new_topics and bank._TOPIC_CODE_RE.fullmatch(hint):
        result = (hint, label, True)
    elif not label:
        found = bank.topic_by_code(store, bank.FALLBACK_TOPIC[0])
        result = (bank.FALLBACK_TOPIC[0], bank.FALLBACK_TOPIC[1], found is None)
    else:
        found = bank.topic_by_code(store, label) or bank.topic_by_name(store, label)
        if found is not None:
            result = (found.code, found.name, False)
        else:
            code = bank.code_from_name(store, label)
            while code in plan.new_topics:
                code = code[:32] + f"-{len(plan.new_topics) + 1}"
            result = (code, label, True)
    if result[2]:
        plan.new_topics[result[0]] = result[1]
    cache[(hint, label)] = result
    return result


def apply_import(store: Store, plan: ImportPlan, *, accept_good: bool = False,
                 source: str = "import", progress: Progress = no_progress) -> dict:
    """Write the plan in one transaction. A plan with refused items writes nothing unless
    `accept_good`; the result says how many were imported and lists what was refused.
    `progress(done, total)` is told of each question written; when it raises (`Cancelled`)
    the transaction is rolled back and nothing is written."""
    if plan.has_errors and not accept_good:
        out = plan.summary(0, dry_run=False)
        out["refused"] = True
        return out
    imported = 0
    with store.atomic():
        for code, name in plan.new_topics.items():
            if bank.topic_by_code(store, code) is None:
                bank.add_topic(store, code, name)
        for item in plan.items:
            progress(imported, len(plan.items))
            bank.add_question(store, item.content, key=item.key, source=source)
            imported += 1
        progress(imported, len(plan.items))
    out = plan.summary(imported, dry_run=False)
    out["refused"] = False
    return out


# ---------------------------------------------------------------------------------------------
# The default bank shipped in resources/questions/

def default_bank_path() -> Path:
    from desktop.paths import resource

    return resource("questions", "default_bank.json")


def read_bank_file(path: Path) -> dict:
    try:
        data = read_json(path, what=f"ngân hàng câu hỏi {Path(path).name}", limit=MAX_BANK_FILE,
                         encoding="utf-8-sig")
    except InputRefused as exc:
        raise IsoDeskError(exc.message) from exc
    if not isinstance(data, dict) or data.get("format") != DEFAULT_BANK_FORMAT:
        raise IsoDeskError(f"Tệp {Path(path).name} không phải ngân hàng câu hỏi của ISO Desk "
                           f"(thiếu \"format\": \"{DEFAULT_BANK_FORMAT}\").")
    if data.get("version") != 1:
        raise IsoDeskError(f"Ngân hàng câu hỏi {Path(path).name} có phiên bản định dạng "
                           f"{data.get('version')} mà chương trình này chưa đọc được.")
    return data


def load_bank_file(store: Store, path: Path | None = None) -> dict:
    """Add the topics and questions of a bank file that are not in the bank yet (by key).

    For the shipped default bank (no `path`), the questions the unit already has from an older
    revision are brought up to date first (`default_bank.update_default_bank`).
    Returns {"topics": added, "questions": added, "skipped": already there, "updated": …}."""
    is_default = path is None
    path = Path(path) if path else default_bank_path()
    data = read_bank_file(path)
    added_topics = added = skipped = 0
    update = None
    with store.atomic():
        if is_default:
            update = default_bank.update_default_bank(store, data, path_name=path.name)
        for order, t in enumerate(data.get("topics") or [], start=1):
            if bank.topic_by_code(store, t["code"]) is None:
                bank.add_topic(store, t["code"], t["name"], description=t.get("description", ""),
                               sort_order=order)
                added_topics += 1
        for q in data.get("questions") or []:
            key = clean(q.get("key")) or None
            if key and bank.question_by_key(store, key) is not None:
                skipped += 1
                continue
            try:
                bank.add_question(store, {
                    "topic_code": q.get("topic"), "text": q.get("text"),
                    "options": q.get("options"), "correct": q.get("correct"),
                    "weights": q.get("weights"), "explanation": q.get("explanation", ""),
                    "clause": q.get("clause", ""), "difficulty": q.get("difficulty", 2),
                    "multiple": q.get("multiple", False), "kind": q.get("kind"),
                    "historical": bool(q.get("historical")),
                    "pictures": pictures_from_json(q.get("pictures")),
                }, key=key, source="default")
            except ValidationError as exc:
                raise IsoDeskError(f"Câu {key or '?'} của ngân hàng {path.name} không hợp lệ: "
                                   f"{_field_message(exc)}") from exc
            added += 1
        if is_default:
            set_setting(store, default_bank.REVISION_KEY, default_bank.file_revision(data))
    out = {"topics": added_topics, "questions": added, "skipped": skipped}
    if is_default:
        out["updated"] = (update or {}).get("updated", [])
    return out


def pictures_from_json(items) -> list:
    """Pictures as a bank file carries them: {"place", "option", "name", "data": base64}."""
    import base64
    import binascii

    from .pictures import Picture

    out = []
    for p in items or []:
        if not isinstance(p, dict) or not isinstance(p.get("data"), str):
            continue
        try:
            data = base64.b64decode(p["data"], validate=True)
        except (binascii.Error, ValueError):
            continue
        out.append(Picture.from_dict({**p, "data": data, "sha256": None}))
    return out


DEFAULT_LOADED_KEY = "quiz.default_bank_loaded"


def ensure_default_bank(store: Store) -> dict | None:
    """The first time the quiz is used on this installation, put the shipped bank in; later,
    bring the default questions the unit has up to the shipped revision (once per revision).

    Not when the bank already has questions (imported, or received with a kiosk setup file), and
    only once: questions the users retire or delete later do not come back by themselves ("Add
    the missing default questions" does that on request). Returns what was added or updated,
    or None."""
    path = default_bank_path()
    if not path.is_file():
        return None
    if get_setting(store, DEFAULT_LOADED_KEY, False) or \
            store.scalar("SELECT 1 FROM quiz_questions LIMIT 1"):
        return default_bank.update_default_bank(store, read_bank_file(path), path_name=path.name)
    with store.atomic():
        added = load_bank_file(store)
        set_setting(store, DEFAULT_LOADED_KEY, True)
    return added
