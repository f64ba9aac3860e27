"""This program's own bank file (`isodesk-question-bank`, the format of the default bank), read
like the other formats so that a bank from another unit can be imported with a preview."""
from __future__ import annotations

import base64
import json

from desktop.models.bounded import InputRefused, load_json
from desktop.models.quiz import kinds
from desktop.models.quiz.bank_io import (DEFAULT_BANK_FORMAT, ParsedQuestion, ParseResult,
                                         pictures_from_json)

from .encodings import decode

MAX_BANK_TEXT = 20 * 1024 * 1024  # characters (the file itself is at most 20 MB)


def _element_lines(text: str, key: str) -> list[int]:
    """Line numbers where the objects of the top-level array `key` start."""
    lines: list[int] = []
    depth = 0
    line = 1
    in_string = escaped = False
    token = []
    target_depth = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
                if depth == 1 and "".join(token) == key:
                    target_depth = "pending"
            else:
                token.append(ch)
        elif ch == '"':
            in_string = True
            token = []
        elif ch in "[{":
            depth += 1
            if ch == "[" and target_depth == "pending" and depth == 2:
                target_depth = 2
            elif ch == "{" and target_depth == 2 and depth == 3:
                lines.append(line)
        elif ch in "]}":
            if ch == "]" and target_depth == 2 and depth == 2:
                target_depth = None
            depth -= 1
        i += 1
    return lines


def parse(data: bytes, *, encoding: str | None = None) -> ParseResult:
    text, used = decode(data, encoding)
    result = ParseResult("isodesk-json", encoding=used)
    try:
        doc = load_json(text, what="tệp ngân hàng câu hỏi", limit=MAX_BANK_TEXT)
    except InputRefused as exc:
        result.reject(1, exc.message)
        return result
    if not isinstance(doc, dict) or doc.get("format") != DEFAULT_BANK_FORMAT:
        result.reject(1, f"Không phải ngân hàng câu hỏi của ISO Desk (cần \"format\": "
                         f"\"{DEFAULT_BANK_FORMAT}\").")
        return result
    names = {str(t.get("code", "")): t.get("name") for t in doc.get("topics") or []
             if isinstance(t, dict)}
    questions = doc.get("questions") or []
    starts = _element_lines(text, "questions")
    for n, q in enumerate(questions):
        line = starts[n] if n < len(starts) else 1
        if not isinstance(q, dict):
            result.reject(line, "Mỗi câu hỏi phải là một đối tượng JSON { … }.")
            continue
        options = q.get("options")
        correct = q.get("correct")
        if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
            result.reject(line, "\"options\" phải là danh sách các phương án (chuỗi).")
            continue
        if not isinstance(correct, list) or not all(isinstance(c, int) for c in correct):
            result.reject(line, "\"correct\" phải là danh sách số thứ tự phương án đúng (từ 0).")
            continue
        weights = q.get("weights")
        if weights is not None and (
                not isinstance(weights, list) or len(weights) != len(options)
                or not all(isinstance(w, (int, float)) and not isinstance(w, bool)
                           for w in weights)):
            result.reject(line, "\"weights\" phải là danh sách trọng số (số, theo phần trăm), "
                                "mỗi phương án một số.")
            continue
        if weights is not None and any(kinds.moodle_fraction(w) is None for w in weights):
            result.reject(line, kinds.bad_fraction_message(
                [w for w in weights if kinds.moodle_fraction(w) is None]))
            continue
        kind = q.get("kind")
        if kind is not None and kind not in kinds.KINDS:
            result.reject(line, f"\"kind\" phải là một trong {', '.join(kinds.KINDS)}.")
            continue
        code = str(q.get("topic") or "")
        diff = q.get("difficulty")
        result.items.append(ParsedQuestion(
            line=line, text=str(q.get("text") or ""), options=options, correct=correct,
            weights=[float(w) for w in weights] if weights is not None else None,
            multiple=bool(q.get("multiple")) or len(correct) > 1, key=q.get("key"),
            topic=names.get(code) or code or None, topic_code=code or None,
            explanation=str(q.get("explanation") or ""), clause=str(q.get("clause") or ""),
            difficulty=diff if isinstance(diff, int) else None,
            historical=q.get("historical") is True, kind=kind,
            pictures=pictures_from_json(q.get("pictures"))))
    return result


def _pictures(items) -> list[dict] | None:
    out = [{"place": p.place, "option": p.option, "name": p.name, "media_type": p.media_type,
            "data": base64.b64encode(p.data).decode("ascii")} for p in items if p.data]
    return out or None


def write(questions: list[dict], topics: dict[str, str], pictures: dict | None = None, *,
          title: str = "Ngân hàng câu hỏi kiểm tra nhận thức ISO 9001:2015") -> bytes:
    """The questions (`Question.as_public()` dicts) in this program's bank format — the format of
    the default bank, which `parse` reads back — with the topics they use, in UTF-8. Per-option
    weights (percent) are written when the question has them, and `"historical": true` for a
    question new papers leave out; pictures in base64."""
    pictures = pictures or {}
    used = {q.get("topic") for q in questions}
    doc = {
        "format": DEFAULT_BANK_FORMAT, "version": 1, "language": "vi", "title": title,
        "topics": [{"code": code, "name": name} for code, name in topics.items() if code in used],
        "questions": [
            {k: v for k, v in (("key", q.get("key")), ("topic", q.get("topic")),
                               ("clause", q.get("clause") or ""),
                               ("difficulty", q.get("difficulty")), ("text", q["text"]),
                               ("options", list(q["options"])), ("correct", list(q["correct"])),
                               ("weights", list(q["weights"]) if q.get("weights") else None),
                               ("multiple", bool(q.get("multiple"))),
                               ("kind", kinds.infer_kind(q.get("kind"), q.get("multiple"),
                                                         q["correct"])),
                               ("explanation", q.get("explanation") or ""),
                               ("historical", True if q.get("historical") else None),
                               ("pictures", _pictures(pictures.get(q.get("id"), []))))
             if v is not None}
            for q in questions],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
