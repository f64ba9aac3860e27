"""What the quiz modules share: table names (their sync declarations are in
`desktop.models.synced_tables`), JSON columns, errors."""
from __future__ import annotations

import json
import string
from typing import Any

from ..errors import IsoDeskError

TOPICS = "quiz_topics"
QUESTIONS = "quiz_questions"
VERSIONS = "quiz_question_versions"
SESSIONS = "quiz_sessions"
ATTENDANCE = "quiz_attendance"
ATTEMPTS = "quiz_attempts"
ANSWERS = "quiz_answers"
VARIANTS = "quiz_paper_variants"


MAX_OPTIONS = 8
LETTERS = string.ascii_uppercase[:MAX_OPTIONS]


class QuizError(IsoDeskError):
    """A quiz rule refused what was asked (the message says what to do)."""


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None, default: Any = None) -> Any:
    if text is None or text == "":
        return default
    return json.loads(text)


def letter(index: int) -> str:
    return LETTERS[index] if 0 <= index < len(LETTERS) else str(index + 1)


def find_session_id(store, ref: str) -> str:
    """A session by its id, or by a unique start of its id (at least 6 characters)."""
    ref = (ref or "").strip()
    if not ref:
        raise QuizError("Hãy cho biết buổi tập huấn (mã buổi).")
    row = store.query_one("SELECT id FROM quiz_sessions WHERE id = ? AND deleted = 0", (ref,))
    if row:
        return row["id"]
    if len(ref) >= 6:
        rows = store.query("SELECT id FROM quiz_sessions WHERE id LIKE ? AND deleted = 0",
                           (ref.replace("%", "").replace("_", "") + "%",))
        if len(rows) == 1:
            return rows[0]["id"]
        if len(rows) > 1:
            raise QuizError(f"Có {len(rows)} buổi tập huấn bắt đầu bằng mã {ref}: hãy ghi đủ mã.")
    raise QuizError(f"Không tìm thấy buổi tập huấn có mã {ref}. "
                    "Xem danh sách bằng lệnh `isodesk training list`.")
