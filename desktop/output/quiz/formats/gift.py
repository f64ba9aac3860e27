"""Moodle's GIFT format: reading multiple-choice and true/false questions, writing the bank.

Questions are separated by blank lines; `//` starts a comment line; `$CATEGORY: a/b/c` makes the
following questions belong to topic "c"; `::title::` names a question; `[html]`, `[moodle]`,
`[plain]`, `[markdown]` give the text format (HTML is shown as plain text, its pictures kept);
the answers are in `{...}`: `=right`, `~wrong`, `~%50%partly right`, `#feedback`, `####general
feedback` (kept as the explanation), `{T}`/`{FALSE}` true/false. Read as Moodle reads them: the
kind follows from `~` and `=` exactly as in Moodle's importer (`~=x` is the right answer x; a
single-answer question with several `=` answers is "one of several right answers"); matching,
numerical, short-answer and essay questions are refused with their line number, and so are
weights Moodle refuses. `\\~ \\= \\# \\{ \\} \\: \\\\` escape the special characters.

The writer adds, in a comment line before each question, what GIFT has no place for (clause and
difficulty) so that a round trip through this program keeps them; Moodle ignores the comment.
"""
from __future__ import annotations

import re

from desktop.models.quiz import kinds
from desktop.models.quiz.bank_io import ParsedQuestion, ParseResult

from .encodings import decode
from .text import (MediaRefused, PictureRefused, Rich, answer_weights, looks_like_html,
                   picture_data_uri, plain_rich, read_html, resolve_pictures, text_to_html,
                   weight_text)

SPECIAL = "~=#{}:"
TRUE_WORDS = {"T": True, "TRUE": True, "F": False, "FALSE": False}
TRUE_FALSE_OPTIONS = kinds.TRUE_FALSE_OPTIONS
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


def _rich(raw: str, default_html: bool = True) -> Rich:
    """Text with its optional [format] marker applied (HTML shown as plain text)."""
    raw = raw.strip()
    m = _FORMAT.match(raw)
    fmt = None
    if m:
        fmt = m.group(1).lower()
        raw = raw[m.end():]
    text = unescape(raw).strip()
    if fmt in ("html", "moodle") or (fmt is None and default_html and looks_like_html(text)):
        return read_html(text)
    return plain_rich(text)


def _formatted(raw: str, default_html: bool = True) -> str:
    return _rich(raw, default_html).text


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
            out[key.strip()] = value.strip().replace("%3B", ";").replace("%25", "%")
    return out


def category_path(path: str) -> str | None:
    """A Moodle category path as a topic name: the levels after the context ($course$, top)
    joined by " / "; "//" is a "/" inside a level name (Moodle's escape)."""
    parts = [p.strip().replace("\u0000", "/") for p in
             re.split(r"(?<!/)/(?!/)", path.replace("//", "\u0000"))]
    parts = [p for p in parts if p]
    while parts and parts[0].lower() in ("$course$", "$system$", "$module$", "$cat1$",
                                         "$coursecategory$"):
        parts.pop(0)
    if parts and parts[0].lower() == "top":
        parts.pop(0)
    return " / ".join(parts) or None


def topic_path(name: str) -> str:
    """The Moodle category path of a topic name ("Cha / Con" is two levels; a "/" inside a level
    is written "//")."""
    levels = [p.strip().replace("/", "//") for p in name.split(" / ")]
    return "/".join(levels)


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
            category = category_path(body[len("$CATEGORY:"):].strip().split("\n")[0])
            continue
        try:
            item = _question(body, first, category, _meta(comments))
        except (_Refused, MediaRefused, PictureRefused) as exc:
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
    what = f"Câu \"{title}\"" if title else "Câu hỏi"
    start = _find(body, "{")
    if start < 0:
        raise _Refused("Không có phần đáp án trong ngoặc nhọn { }: đây không phải câu hỏi trắc "
                       "nghiệm (GIFT gọi là \"mô tả\").")
    end = _find(body, "}", start + 1)
    if end < 0:
        raise _Refused("Phần đáp án mở bằng \"{\" nhưng không có \"}\" đóng lại.")
    answers = body[start + 1:end].strip()
    before, after = body[:start].strip(), body[end + 1:].strip()
    # As Moodle: answers at the very end leave the text as it is; anything after them (even
    # only "." or "?") makes the answers a blank "_____" in the sentence.
    if after:
        raw_text = body[:start] + "_____" + body[end + 1:]
    else:
        raw_text = before
    left_out: list[str] = []
    rich = _rich(raw_text)
    pictures = resolve_pictures(rich, place="question", option=None, files={},
                                left_out=left_out, what=what)
    explanation = ""
    gf = _find_str(answers, "####")
    if gf >= 0:
        erich = _rich(answers[gf + 4:])
        explanation = erich.text
        if erich.images:
            left_out.append("hình trong phần giải thích")
        answers = answers[:gf].strip()
    kind, options, weights, option_pictures = _answers(answers, what, left_out)
    pictures += option_pictures
    if kind == "truefalse":
        correct = [weights.index(100.0)]
    elif kind == "multiple":
        correct = [i for i, w in enumerate(weights) if w > 0]
    else:
        correct = [i for i, w in enumerate(weights) if w >= 100.0]
        if len(correct) > 1:
            kind = "any"
    bad = [w for w in weights if kinds.moodle_fraction(w) is None]
    if bad:
        raise _Refused(kinds.bad_fraction_message(bad))
    difficulty = meta.get("difficulty")
    return ParsedQuestion(
        line=line, text=rich.text, options=options, correct=correct,
        weights=None if kind == "truefalse" else weights, multiple=kind == "multiple", key=title,
        topic=category, topic_code=meta.get("topic") or None, explanation=explanation,
        clause=meta.get("clause", ""),
        difficulty=int(difficulty) if difficulty and difficulty.isdigit() else None,
        kind=kind, pictures=pictures, left_out=left_out)


_WEIGHT = re.compile(r"^%(-*\d{1,3}(?:[.,]\d*)?)%")


def _answers(answers: str, what: str, left_out: list[str]
             ) -> tuple[str, list[str], list[float], list]:
    """(kind, options, weights in percent, option pictures), Moodle's way: no answers is an
    essay, "#…" numerical, a "~" anywhere multiple choice ("=" present: one answer, else tick
    all), "=" with "->" matching, T/F true/false, otherwise short answer."""
    if not answers:
        raise _Refused("Câu hỏi tự luận (essay) không được hỗ trợ: chỉ nhập câu hỏi trắc nghiệm.")
    if answers.startswith("#"):
        raise _Refused("Câu hỏi dạng số (numerical) không được hỗ trợ: chỉ nhập câu hỏi trắc "
                       "nghiệm.")
    if _find(answers, "~") < 0:
        if _find(answers, "=") >= 0 and _find_str(answers, "->") >= 0:
            raise _Refused("Câu hỏi ghép đôi (matching) không được hỗ trợ: chỉ nhập câu hỏi trắc "
                           "nghiệm.")
        fb = _find(answers, "#")
        head = (answers[:fb] if fb > 0 else answers).strip()
        if head.upper() in TRUE_WORDS:
            if fb > 0:
                left_out.append("phản hồi riêng của câu Đúng / Sai")
            truth = TRUE_WORDS[head.upper()]
            return "truefalse", list(TRUE_FALSE_OPTIONS), ([100.0, 0.0] if truth else
                                                           [0.0, 100.0]), []
        raise _Refused("Câu hỏi trả lời ngắn (short answer) không được hỗ trợ: chỉ nhập câu hỏi "
                       "trắc nghiệm (cần có phương án sai bắt đầu bằng \"~\").")
    single = _find(answers, "=") >= 0
    parts: list[tuple[str, str]] = []
    i = 0
    while i < len(answers):
        nxt = _find(answers, "=~", i + 1)
        chunk = answers[i:nxt if nxt >= 0 else len(answers)]
        parts.append((chunk[0], chunk[1:]))
        if nxt < 0:
            break
        i = nxt
    if parts and parts[0][0] not in "=~":
        if parts[0][0].strip() or parts[0][1].strip():
            raise _Refused("Không hiểu phần đáp án: mỗi phương án phải bắt đầu bằng \"=\" "
                           "(đúng) hoặc \"~\" (sai).")
    # "~=x": a "~" with nothing after it before the "=" (Moodle drops such empty answers).
    parts = [(m, c) for m, c in parts if m in "=~" and not (m == "~" and not c.strip())]
    if len(parts) < 2:
        raise _Refused("Câu hỏi trắc nghiệm cần ít nhất 2 phương án (câu này chỉ có "
                       f"{len(parts)}).")
    options, weights, pictures = [], [], []
    for n, (marker, chunk) in enumerate(parts):
        chunk = chunk.strip()
        weight = 100.0 if marker == "=" else 0.0
        m = _WEIGHT.match(chunk)
        if m and marker == "~":
            weight = float(m.group(1).replace(",", ".").lstrip("-") or 0) * \
                (-1 if m.group(1).startswith("-") else 1)
            chunk = chunk[m.end():]
        fb = _find(chunk, "#")
        if fb >= 0:
            if chunk[fb + 1:].strip():
                note = "phản hồi riêng của từng phương án"
                if note not in left_out:
                    left_out.append(note)
            chunk = chunk[:fb]
        rich = _rich(chunk)
        pictures += resolve_pictures(rich, place="option", option=n, files={}, left_out=left_out,
                                     what=f"{what}, phương án {n + 1}")
        options.append(rich.text)
        weights.append(weight)
    return ("single" if single else "multiple"), options, weights, pictures


# ---------------------------------------------------------------------------------------------
# Writing

def _meta_value(value) -> str:
    return str(value or "").replace("%", "%25").replace(";", "%3B").replace("\n", " ")


def _html(text: str, pictures) -> str:
    out = text_to_html(text)
    for p in pictures:
        out += f'<br><img src="{picture_data_uri(p)}" alt="{p.name}">'
    return out


def write(questions: list[dict], topics: dict[str, str], pictures: dict | None = None) -> bytes:
    """GIFT text (UTF-8) of `questions` (dicts as `Question.as_public()`), grouped by topic;
    each option keeps its weight (`~%60%`, `~%-50%`); a question with pictures is written as
    [html] with each picture inline as a `data:` URI (`pictures`: {question id: [Picture with
    its bytes]})."""
    pictures = pictures or {}
    out: list[str] = ["// Ngân hàng câu hỏi xuất từ ISO Desk (định dạng GIFT của Moodle)", ""]
    current = None
    for q in sorted(questions, key=lambda q: q["topic"]):
        if q["topic"] != current:
            current = q["topic"]
            out += [f"$CATEGORY: $course$/top/{topic_path(topics.get(current, current))}", ""]
        kind = kinds.infer_kind(q.get("kind"), q.get("multiple"), q["correct"])
        meta = f"// isodesk: topic={_meta_value(q['topic'])}; " \
               f"clause={_meta_value(q.get('clause', ''))}; difficulty={q.get('difficulty', 2)}"
        out.append(meta)
        pics = [p for p in pictures.get(q.get("id"), []) if p.data is not None]
        question_pics = [p for p in pics if p.place == "question"]
        html_mode = bool(pics)

        def fmt(text: str, own) -> str:
            return f"[html]{escape(_html(text, own))}" if html_mode else f"[plain]{escape(text)}"
        if kind == "truefalse":
            mark = "TRUE" if q["correct"] == [0] else "FALSE"
            lines = [f"::{escape(q['key'])}::{fmt(q['text'], question_pics)} {{{mark}"]
        else:
            lines = [f"::{escape(q['key'])}::{fmt(q['text'], question_pics)} {{"]
            weights = answer_weights(q)
            for i, option in enumerate(q["options"]):
                own = [p for p in pics if p.place == "option" and p.option == i]
                if kind == "multiple":
                    mark = f"~%{weight_text(weights[i])}%"
                elif weights[i] >= 100:
                    mark = "="
                else:
                    mark = "~" + (f"%{weight_text(weights[i])}%" if weights[i] else "")
                lines.append(f"\t{mark}{fmt(option, own)}")
        if q.get("explanation"):
            lines.append(f"\t####{fmt(q['explanation'], [])}")
        lines.append("}")
        out += lines + [""]
    return "\n".join(out).encode("utf-8")
