"""Moodle's GIFT format: reading multiple-choice and true/false questions, writing the bank.

Questions are separated by blank lines; `//` starts a comment line; `$CATEGORY: a/b/c` makes the
following questions belong to topic "c"; `::title::` names a question; `[html]`, `[moodle]`,
`[plain]`, `[markdown]` give the text format (HTML is shown as plain text); the answers are in
`{...}`: `=right`, `~wrong`, `~%50%partly right`, `#feedback`, `####general feedback` (kept as the
explanation), `{T}`/`{FALSE}` true/false. Matching, numerical, short-answer and essay questions
are refused with their line number. `\\~ \\= \\# \\{ \\} \\: \\\\` escape the special characters.

The writer adds, in a comment line before each question, what GIFT has no place for (clause and
difficulty) so that a round trip through this program keeps them; Moodle ignores the comment.
"""
from __future__ import annotations

import re

from desktop.models.quiz.bank_io import ParsedQuestion, ParseResult

from .encodings import decode
from .text import answer_weights, html_to_text, looks_like_html, weight_text

SPECIAL = "~=#{}:"
TRUE_WORDS = {"T": True, "TRUE": True, "F": False, "FALSE": False}
TRUE_FALSE_OPTIONS = ["Đúng", "Sai"]
_META = re.compile(r"^//\s*isodesk:\s*(.*)$")
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)


def _find(text: str, targets: str, start: int = 0) -> int:
    """Index of the first unescaped character of `targets` at or after `start`, else -1."""
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch in targets:
            return i
        i += 1
    return -1


def _find_str(text: str, target: str, start: int = 0) -> int:
    i = start
    while i <= len(text) - len(target):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i):
            return i
        i += 1
    return -1


def unescape(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt == "n":
                out.append("\n")
            elif nxt in SPECIAL or nxt == "\\":
                out.append(nxt)
            else:
                out.append(ch + nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for ch in SPECIAL:
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", "\\n")


def _formatted(raw: str, default_html: bool = True) -> str:
    """Text with its optional [format] marker applied (HTML shown as plain text)."""
    raw = raw.strip()
    m = _FORMAT.match(raw)
    fmt = None
    if m:
        fmt = m.group(1).lower()
        raw = raw[m.end():]
    text = unescape(raw).strip()
    if fmt in ("html", "moodle") or (fmt is None and default_html and looks_like_html(text)):
        return html_to_text(text)
    return text


# ---------------------------------------------------------------------------------------------
# Reading

def _blocks(text: str):
    """[(line number, line)] per question block: blank lines separate questions (as in Moodle,
    also inside an unclosed answer block, so that one bad item can't swallow the next)."""
    block: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            if block:
                yield block
            block = []
            continue
        block.append((number, line.strip() if line.strip().startswith("//") else line))
    if block:
        yield block


def _meta(comments: list[str]) -> dict:
    out: dict = {}
    for c in comments:
        m = _META.match(c)
        if not m:
            continue
        for part in m.group(1).split(";"):
            key, _, value = part.partition("=")
            out[key.strip()] = value.strip()
    return out


def parse(data: bytes, *, encoding: str | None = None) -> ParseResult:
    text, used = decode(data, encoding)
    result = ParseResult("gift", encoding=used)
    category: str | None = None
    for block in _blocks(text):
        comments = [line for _, line in block if line.strip().startswith("//")]
        lines = [(n, line) for n, line in block if not line.strip().startswith("//")]
        if not lines:
            continue
        first = lines[0][0]
        body = "\n".join(line for _, line in lines).strip()
        if body.startswith("$CATEGORY:"):
            path = body[len("$CATEGORY:"):].strip().split("\n")[0]
            parts = [p.strip() for p in path.replace("//", "\u0000").split("/")]
            parts = [p.replace("\u0000", "/") for p in parts
                     if p and p.lower() not in ("$course$", "$system$", "$module$", "$cat1$",
                                                "top")]
            category = parts[-1] if parts else None
            continue
        try:
            item = _question(body, first, category, _meta(comments))
        except _Refused as exc:
            result.reject(first, str(exc))
            continue
        result.items.append(item)
    return result


class _Refused(Exception):
    pass


def _question(body: str, line: int, category: str | None, meta: dict) -> ParsedQuestion:
    title = None
    if body.startswith("::"):
        end = _find_str(body, "::", 2)
        if end < 0:
            raise _Refused("Tên câu hỏi mở bằng \"::\" nhưng không có \"::\" đóng lại.")
        title = unescape(body[2:end]).strip() or None
        body = body[end + 2:].strip()
    start = _find(body, "{")
    if start < 0:
        raise _Refused("Không có phần đáp án trong ngoặc nhọn { }: đây không phải câu hỏi trắc "
                       "nghiệm (GIFT gọi là \"mô tả\").")
    end = _find(body, "}", start + 1)
    if end < 0:
        raise _Refused("Phần đáp án mở bằng \"{\" nhưng không có \"}\" đóng lại.")
    answers = body[start + 1:end].strip()
    before, after = body[:start].strip(), body[end + 1:].strip()
    text = _formatted(before)
    if after and re.search(r"\w", after):
        text = f"{text} _____ {_formatted(after)}".strip()
    explanation = ""
    gf = _find_str(answers, "####")
    if gf >= 0:
        explanation = _formatted(answers[gf + 4:])
        answers = answers[:gf].strip()
    kind, options, weights = _answers(answers)
    single = kind == "single"
    if kind == "truefalse":
        single = True
    top = max(weights) if weights else 0
    if single:
        correct = [i for i, w in enumerate(weights) if w > 0 and w == top]
    else:
        correct = [i for i, w in enumerate(weights) if w > 0]
    difficulty = meta.get("difficulty")
    return ParsedQuestion(
        line=line, text=text, options=options, correct=correct,
        weights=None if kind == "truefalse" else weights, multiple=not single, key=title,
        topic=category, topic_code=meta.get("topic") or None, explanation=explanation,
        clause=meta.get("clause", ""),
        difficulty=int(difficulty) if difficulty and difficulty.isdigit() else None)


def _answers(answers: str) -> tuple[str, list[str], list[float]]:
    """("single"|"multiple"|"truefalse", options, weights in percent)."""
    if not answers:
        raise _Refused("Câu hỏi tự luận (essay) không được hỗ trợ: chỉ nhập câu hỏi trắc nghiệm.")
    if answers.startswith("#"):
        raise _Refused("Câu hỏi dạng số (numerical) không được hỗ trợ: chỉ nhập câu hỏi trắc "
                       "nghiệm.")
    head = answers.split("#", 1)[0].strip().upper()
    if head in TRUE_WORDS and _find(answers, "=~") < 0:
        truth = TRUE_WORDS[head]
        return "truefalse", list(TRUE_FALSE_OPTIONS), [100.0, 0.0] if truth else [0.0, 100.0]
    if _find(answers, "=~") != 0:
        raise _Refused("Không hiểu phần đáp án: mỗi phương án phải bắt đầu bằng \"=\" (đúng) hoặc "
                       "\"~\" (sai).")
    parts: list[tuple[str, str]] = []
    i = 0
    while i < len(answers):
        nxt = _find(answers, "=~", i + 1)
        chunk = answers[i:nxt if nxt >= 0 else len(answers)]
        parts.append((chunk[0], chunk[1:]))
        if nxt < 0:
            break
        i = nxt
    has_wrong = any(marker == "~" for marker, _ in parts)
    if not has_wrong and any(_find_str(p, "->") >= 0 for _, p in parts):
        raise _Refused("Câu hỏi ghép đôi (matching) không được hỗ trợ: chỉ nhập câu hỏi trắc "
                       "nghiệm.")
    if len(parts) == 1:
        raise _Refused("Câu hỏi trắc nghiệm cần ít nhất 2 phương án (câu này chỉ có 1).")
    if not has_wrong:
        raise _Refused("Câu hỏi trả lời ngắn (short answer) không được hỗ trợ: chỉ nhập câu hỏi "
                       "trắc nghiệm (cần có phương án sai bắt đầu bằng \"~\").")
    options, weights = [], []
    for marker, chunk in parts:
        chunk = chunk.strip()
        weight = 100.0 if marker == "=" else 0.0
        m = re.match(r"^%(-?\d+(?:[.,]\d+)?)%", chunk)
        if m:
            weight = float(m.group(1).replace(",", "."))
            chunk = chunk[m.end():]
        fb = _find(chunk, "#")
        if fb >= 0:
            chunk = chunk[:fb]
        options.append(_formatted(chunk))
        weights.append(weight)
    kind = "single" if any(marker == "=" for marker, _ in parts) else "multiple"
    return kind, options, weights


# ---------------------------------------------------------------------------------------------
# Writing

def write(questions: list[dict], topics: dict[str, str]) -> bytes:
    """GIFT text (UTF-8) of `questions` (dicts as `Question.as_public()`), grouped by topic;
    each option keeps its weight (`~%60%`, `~%-50%`)."""
    out: list[str] = ["// Ngân hàng câu hỏi xuất từ ISO Desk (định dạng GIFT của Moodle)", ""]
    current = None
    for q in sorted(questions, key=lambda q: q["topic"]):
        if q["topic"] != current:
            current = q["topic"]
            name = topics.get(current, current).replace("/", "//")
            out += [f"$CATEGORY: $course$/top/{name}", ""]
        meta = f"// isodesk: topic={q['topic']}; clause={q.get('clause', '')}; " \
               f"difficulty={q.get('difficulty', 2)}"
        out.append(meta)
        lines = [f"::{escape(q['key'])}::[plain]{escape(q['text'])} {{"]
        weights = answer_weights(q)
        for i, option in enumerate(q["options"]):
            if not q["multiple"]:
                mark = "=" if i in q["correct"] else "~"
                if weights[i] != (100.0 if i in q["correct"] else 0.0):
                    mark += f"%{weight_text(weights[i])}%"
            else:
                mark = f"~%{weight_text(weights[i])}%"
            lines.append(f"\t{mark}[plain]{escape(option)}")
        if q.get("explanation"):
            lines.append(f"\t####[plain]{escape(q['explanation'])}")
        lines.append("}")
        out += lines + [""]
    return "\n".join(out).encode("utf-8")
