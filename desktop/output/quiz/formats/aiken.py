"""The Aiken format: a question, its options "A) …" or "A. …", then "ANSWER: B".

Read as Moodle reads it: line by line, blank lines skipped wherever they are (text copied from a
web page has them inside questions); a question ends with its ANSWER line, and a new question
line while one is open leaves the open one unfinished (refused). The text is plain (no HTML).
Like Moodle, an option may follow its letter without a space ("A)Yes"). A question may run over
several lines before its first option.
This program also reads "ANSWER: A, C" for a question with several right options; it writes
that form only for such questions (other programs may refuse them).
"""
from __future__ import annotations

import re

from desktop.models.quiz.bank_io import ParsedQuestion, ParseResult
from desktop.models.quiz.common import LETTERS

from .encodings import decode

_OPTION = re.compile(r"^([A-Z])[.)]\s*(\S.*)$")
_ANSWER = re.compile(r"^ANSWER\s*:\s*(.*)$", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, str]]:
    """The lines that say something, with their numbers: as Moodle, blank lines (and lines of
    one character) are skipped wherever they are, also inside a question."""
    return [(n, line.strip()) for n, line in enumerate(text.split("\n"), start=1)
            if len(line.strip()) >= 2]


def parse(data: bytes, *, encoding: str | None = None) -> ParseResult:
    text, used = decode(data, encoding)
    result = ParseResult("aiken", encoding=used)
    lines = _lines(text)
    i = 0
    while i < len(lines):
        i = _question(lines, i, result)
    return result


def _question(block: list[tuple[int, str]], i: int, result: ParseResult) -> int:
    """Read one question from block[i:]; return where the next one starts."""
    first = block[i][0]
    if _ANSWER.match(block[i][1]):
        result.reject(first, "Dòng \"ANSWER:\" không thuộc câu hỏi nào (thiếu câu hỏi và phương "
                             "án phía trên).")
        return i + 1
    if _OPTION.match(block[i][1]):
        result.reject(first, "Phương án không thuộc câu hỏi nào (thiếu dòng câu hỏi phía trên).")
        j = i
        while j < len(block) and _OPTION.match(block[j][1]):
            j += 1
        return j
    text: list[str] = []
    options: list[str] = []
    letters: list[str] = []
    error: tuple[int, str] | None = None   # (line, what is wrong there)
    j = i
    while j < len(block):
        number, line = block[j]
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer:
            if error:
                result.reject(*_at(first, *error))
                return j + 1
            if not options:
                result.reject(first, "Câu hỏi không có phương án nào (cần các dòng \"A) …\", "
                                     "\"B) …\").")
                return j + 1
            picks = [p for p in re.split(r"[\s,;]+", answer.group(1).strip().upper()) if p]
            if len(picks) == 1 and len(picks[0]) > 1 and picks[0].isalpha() and \
                    all(c in letters for c in picks[0]):
                picks = list(picks[0])
            if not picks or any(p not in letters for p in picks):
                result.reject(*_at(first, number, f"Đáp án \"{answer.group(1).strip()}\" không "
                                                  "phải chữ cái của một phương án."))
                return j + 1
            correct = sorted({letters.index(p) for p in picks})
            result.items.append(ParsedQuestion(line=first, text="\n".join(text),
                                               options=options, correct=correct,
                                               multiple=len(correct) > 1))
            return j + 1
        if option and text:
            expected = LETTERS[len(options)] if len(options) < len(LETTERS) else "?"
            if option.group(1) != expected and not error:
                error = (number, f"Phương án \"{option.group(1)})\" không đúng thứ tự "
                                 f"(cần \"{expected})\").")
            options.append(option.group(2).strip())
            letters.append(option.group(1))
        elif options:
            # A line that is neither an option nor ANSWER after the options: as in Moodle,
            # the open question was not finished, and this line starts the next one.
            result.reject(*_at(first, error[0], error[1]) if error else
                          (first, "Câu hỏi chưa kết thúc: thiếu dòng \"ANSWER: <chữ cái>\" sau "
                                  "các phương án."))
            return j
        else:
            text.append(line)
        j += 1
    if error:
        result.reject(*_at(first, *error))
    else:
        result.reject(first, "Câu hỏi chưa kết thúc: thiếu dòng \"ANSWER: <chữ cái>\" sau các "
                             "phương án.")
    return j


def _at(first: int, line: int, message: str) -> tuple[int, str]:
    """A fault on `line` of the question starting on `first`: reported on its own line (the
    line number is not repeated in the message), naming where the question starts."""
    if line != first:
        message = f"{message[:-1]}; câu hỏi bắt đầu ở dòng {first}."
    return line, message


def write(questions: list[dict], pictures: dict | None = None) -> tuple[bytes, list[dict]]:
    """Aiken text (UTF-8) and the questions left out with the reason. Aiken has one line per
    question and per option: the lines of a question's text are joined with spaces; a question
    whose text would read as an option or an answer line, or with an option over several lines,
    with pictures, or with "one of several right answers" (Aiken has no way to say it) is left
    out."""
    out: list[str] = []
    skipped = []
    pictures = pictures or {}
    for q in questions:
        if pictures.get(q.get("id")):
            skipped.append({"key": q["key"], "message": "Câu có hình: Aiken không ghi được hình."})
            continue
        if q.get("kind") == "any":
            skipped.append({"key": q["key"], "message": "Câu \"một trong các đáp án đúng\": "
                            "Aiken không ghi được loại câu này."})
            continue
        text = " ".join(" ".join(line.split()) for line in q["text"].split("\n") if line.strip())
        if any("\n" in o for o in q["options"]):
            skipped.append({"key": q["key"], "message": "Phương án có nhiều dòng."})
            continue
        if _OPTION.match(text) or _ANSWER.match(text):
            skipped.append({"key": q["key"], "message": "Câu hỏi bắt đầu như một phương án "
                            "(\"A) …\", \"B. …\") hoặc dòng \"ANSWER:\": tệp Aiken sẽ đọc sai."})
            continue
        out.append(text)
        for i, option in enumerate(q["options"]):
            out.append(f"{LETTERS[i]}) {option}")
        out.append("ANSWER: " + ", ".join(LETTERS[i] for i in q["correct"]))
        out.append("")
    return "\n".join(out).encode("utf-8"), skipped
