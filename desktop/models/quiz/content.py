"""What a question says, and the rules it must keep: multi-line text cleaned, the key that
identifies a wording (with its pictures), and the checks of text, options, right answers, kind,
weights, pictures, difficulty and clause (`check`). The bank (`bank.validate_content`) adds the
topic, which needs the database."""
from __future__ import annotations

import hashlib
import re

from ..vntext import clean, fold, nfc
from . import kinds, wording
from . import pictures as pics
from .common import MAX_OPTIONS, dumps

MAX_TEXT = 4000
MAX_OPTION = 1000


_SPACES = re.compile(r"[ \t\f\v]+")


def clean_block(text: str | None) -> str:
    """Multi-line text: NFC, each line's spaces collapsed, no blank lines at the ends. No-break
    spaces stay as they are (a `<pre>` block's layout, read from a question file)."""
    if text is None:
        return ""
    lines = [_SPACES.sub(" ", line).strip(" \t") for line in nfc(str(text))
             .replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    out: list[str] = []
    for line in lines:  # at most one empty line in a row
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


def content_key(text: str, options: list[str], pictures=()) -> str:
    """Identifies a question's wording (case, spacing and diacritic forms aside; a unit-name
    placeholder counts as its default name, so "{BHXH huyện}" and "BHXH huyện" are the same)
    and its pictures."""
    parts = [fold(wording.fill(text)), [fold(wording.fill(o)) for o in options]]
    if pictures:
        parts.append(sorted(list(p.key()) for p in pictures))
    payload = dumps(parts)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def check(data: dict) -> tuple[dict, dict[str, str]]:
    """(the content cleaned, {field: what is wrong}) of a question's content (no topic)."""
    errors: dict[str, str] = {}
    text = clean_block(data.get("text"))
    if not text:
        errors["text"] = "Hãy nhập nội dung câu hỏi."
    elif len(text) > MAX_TEXT:
        errors["text"] = f"Câu hỏi quá dài ({len(text)} ký tự, tối đa {MAX_TEXT})."
    options = [clean_block(o) for o in (data.get("options") or [])]
    pictures = [p if isinstance(p, pics.Picture) else pics.Picture.from_dict(p)
                for p in (data.get("pictures") or [])]
    pictured = {p.option for p in pictures if p.place == "option"}
    while options and not options[-1] and len(options) - 1 not in pictured:
        options.pop()
    # An option may be a picture alone; two options are the same when their words and
    # pictures are.
    shown = [(fold(o), tuple(sorted(p.sha256 for p in pictures if p.place == "option"
                                    and p.option == i))) for i, o in enumerate(options)]
    if any(not o and i not in pictured for i, o in enumerate(options)):
        errors["options"] = "Có phương án để trống: hãy điền hoặc xóa phương án đó."
    elif len(options) < 2:
        errors["options"] = "Câu hỏi trắc nghiệm cần ít nhất 2 phương án."
    elif len(options) > MAX_OPTIONS:
        errors["options"] = f"Tối đa {MAX_OPTIONS} phương án cho một câu hỏi."
    elif len(set(shown)) != len(options):
        errors["options"] = "Hai phương án giống nhau: mỗi phương án phải khác nhau."
    elif any(len(o) > MAX_OPTION for o in options):
        errors["options"] = f"Có phương án quá dài (tối đa {MAX_OPTION} ký tự)."
    try:
        correct = sorted({int(i) for i in (data.get("correct") or [])})
    except (TypeError, ValueError):
        correct = []
        errors["correct"] = "Đáp án đúng phải là số thứ tự phương án."
    if "correct" not in errors and "options" not in errors:
        if not correct:
            errors["correct"] = "Hãy chọn ít nhất một phương án đúng."
        elif any(i < 0 or i >= len(options) for i in correct):
            errors["correct"] = "Đáp án đúng chỉ tới phương án không có."
        elif len(correct) == len(options):
            errors["correct"] = "Mọi phương án đều đúng: cần ít nhất một phương án sai."
    weights = data.get("weights")
    if weights is not None:
        try:
            weights = [round(float(w), 5) for w in weights]
        except (TypeError, ValueError):
            weights = None
        if weights is not None and len(weights) != len(options):
            weights = None
    kind = kinds.normalise(kinds.infer_kind(data.get("kind"), data.get("multiple"), correct),
                           correct)
    if "correct" not in errors and "options" not in errors:
        for name, message in kinds.check(kind, options, correct, weights).items():
            errors.setdefault(name, message)
    if weights is not None:
        weights = [kinds.moodle_fraction(w) if kinds.moodle_fraction(w) is not None else w
                   for w in weights]
        if weights == kinds.default_weights(kind, len(options), correct):
            weights = None        # the defaults of the kind: nothing of its own to keep
    multiple = kind == "multiple"
    problem = pics.check(pictures, len(options))
    if problem:
        errors["pictures"] = problem
    try:
        difficulty = int(data.get("difficulty") or 2)
    except (TypeError, ValueError):
        difficulty = 0
    if difficulty not in (1, 2, 3):
        errors["difficulty"] = "Độ khó là 1 (dễ), 2 (trung bình) hoặc 3 (khó)."
    clause = clean(data.get("clause")) or ""
    if len(clause) > 40:
        errors["clause"] = "Điều khoản tham chiếu quá dài (tối đa 40 ký tự), ví dụ 7.3 a."
    return ({"text": text, "options": options, "correct": correct, "weights": weights,
             "multiple": multiple, "kind": kind,
             "explanation": clean_block(data.get("explanation")), "clause": clause,
             "difficulty": difficulty, "pictures": pictures}, errors)
