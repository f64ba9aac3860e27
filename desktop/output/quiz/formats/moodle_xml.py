"""Moodle XML: `<quiz>` with `<question type="category">` (topics, nested categories kept as
"Cha / Con") and `<question type="multichoice">` / `type="truefalse"` items; other question types
are refused with their line. HTML question text is shown as plain text; its pictures
(`@@PLUGINFILE@@/…` with the `<file encoding="base64">` beside it, `data:` images, the old
`<image>`/`<image_base64>` tags) are kept; sound and video make the item refused. Answer
`fraction`s are kept as the per-option weights, and refused when Moodle refuses them; a
single-answer question with several answers at 100 % is "one of several right answers". This
program's extras travel in Moodle's own places: the key in `<idnumber>`, the clause and
difficulty as tags `clause:…` and `difficulty:…`.

Parsed with expat directly, so that each element knows its line; DOCTYPE declarations (and so
entity tricks) are refused.
"""
from __future__ import annotations

import base64
import binascii
import re
import xml.parsers.expat
from dataclasses import dataclass, field
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from desktop.models.quiz import kinds
from desktop.models.quiz.bank_io import ParsedQuestion, ParseResult
from desktop.models.quiz.pictures import EXTENSIONS

from .encodings import decode
from .gift import TRUE_FALSE_OPTIONS, category_path, topic_path
from .text import (MediaRefused, PictureRefused, Rich, answer_weights, looks_like_html,
                   plain_rich, read_html, resolve_pictures, text_to_html, weight_text)

SUPPORTED = ("multichoice", "truefalse")
TYPE_NAMES = {"shortanswer": "trả lời ngắn (short answer)", "numerical": "dạng số (numerical)",
              "essay": "tự luận (essay)", "matching": "ghép đôi (matching)",
              "match": "ghép đôi (matching)", "cloze": "điền khuyết (cloze)",
              "multianswer": "điền khuyết (cloze)", "description": "mô tả (description)",
              "calculated": "tính toán (calculated)", "ddwtos": "kéo thả (drag and drop)",
              "gapselect": "chọn từ điền khuyết (gapselect)"}


@dataclass
class Node:
    tag: str
    attrs: dict
    line: int
    children: list["Node"] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> "Node | None":
        for c in self.children:
            if c.tag == tag:
                return c
        return None

    def findall(self, tag: str) -> list["Node"]:
        return [c for c in self.children if c.tag == tag]

    def text_of(self, tag: str) -> str:
        """The text of child `tag` (its <text> child when there is one)."""
        node = self.find(tag)
        if node is None:
            return ""
        inner = node.find("text")
        return (inner.text if inner is not None else node.text).strip()


_E = xml.parsers.expat.errors
_EXPAT_VI = {
    _E.XML_ERROR_SYNTAX: "lỗi cú pháp",
    _E.XML_ERROR_NO_ELEMENTS: "tệp không có thẻ nào hoặc kết thúc giữa chừng (thiếu thẻ đóng)",
    _E.XML_ERROR_INVALID_TOKEN: "có ký tự hoặc thẻ viết sai (ví dụ dấu < hoặc & chưa viết "
                                "thành &lt; &amp;)",
    _E.XML_ERROR_UNCLOSED_TOKEN: "thẻ chưa đóng (thiếu dấu >)",
    _E.XML_ERROR_PARTIAL_CHAR: "ký tự bị cắt dở (tệp có thể bị cắt ngang)",
    _E.XML_ERROR_TAG_MISMATCH: "thẻ đóng không khớp với thẻ mở",
    _E.XML_ERROR_DUPLICATE_ATTRIBUTE: "một thuộc tính được ghi hai lần trong cùng một thẻ",
    _E.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: "còn nội dung sau thẻ đóng cuối cùng",
    _E.XML_ERROR_UNDEFINED_ENTITY: "có ký hiệu &…; không xác định (dấu & phải viết là &amp;)",
    _E.XML_ERROR_RECURSIVE_ENTITY_REF: "ký hiệu &…; tự tham chiếu chính nó",
    _E.XML_ERROR_BAD_CHAR_REF: "mã ký tự &#…; không hợp lệ",
    _E.XML_ERROR_BINARY_ENTITY_REF: "ký hiệu &…; trỏ tới dữ liệu nhị phân",
    _E.XML_ERROR_MISPLACED_XML_PI: "khai báo <?xml …?> không nằm ở đầu tệp",
    _E.XML_ERROR_UNKNOWN_ENCODING: "bảng mã không được hỗ trợ",
    _E.XML_ERROR_INCORRECT_ENCODING: "bảng mã khai báo trong <?xml …?> không đúng với tệp",
    _E.XML_ERROR_UNCLOSED_CDATA_SECTION: "đoạn <![CDATA[ chưa đóng bằng ]]>",
    _E.XML_ERROR_UNBOUND_PREFIX: "tiền tố tên thẻ (phần trước dấu :) chưa được khai báo",
    _E.XML_ERROR_XML_DECL: "khai báo <?xml …?> viết sai",
    _E.XML_ERROR_TEXT_DECL: "khai báo văn bản viết sai",
}
EXPAT_MESSAGES = {_E.codes[k]: v for k, v in _EXPAT_VI.items() if k in _E.codes}


def expat_message(code: int) -> str:
    """What expat's error code means, in Vietnamese."""
    return EXPAT_MESSAGES.get(code, "cấu trúc XML không hợp lệ")


class XmlError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def _tree(text: str) -> Node:
    parser = xml.parsers.expat.ParserCreate()
    root = Node("#document", {}, 1)
    stack = [root]
    chunks: list[list[str]] = [[]]

    def start(tag, attrs):
        node = Node(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)
        chunks.append([])

    def end(tag):
        node = stack.pop()
        node.text = "".join(chunks.pop())

    def data(value):
        chunks[-1].append(value)

    def doctype(*_args):
        raise XmlError(parser.CurrentLineNumber, "Tệp XML có khai báo DOCTYPE: không nhận "
                                                 "(tệp câu hỏi Moodle không cần khai báo này).")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as exc:
        raise XmlError(exc.lineno, f"Tệp XML hỏng ở dòng {exc.lineno}, cột {exc.offset + 1}: "
                                   f"{expat_message(exc.code)}. Hãy sửa chỗ đó (hoặc xuất lại "
                                   "tệp từ Moodle) rồi nhập lại.") from exc
    return root


_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_DECL_ENC = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def _rich(text: str, fmt: str | None) -> Rich:
    fmt = (fmt or "html").lower()
    if fmt in ("html", "moodle_auto_format") or (fmt != "plain_text" and looks_like_html(text)):
        return read_html(text)
    return plain_rich(text)


def _plain(text: str, fmt: str | None) -> str:
    return _rich(text, fmt).text


def _files(node: Node | None) -> dict[str, bytes]:
    """The `<file name=… encoding="base64">` children of an element, by path and name."""
    out: dict[str, bytes] = {}
    if node is None:
        return out
    for f in node.findall("file"):
        name = f.attrs.get("name") or ""
        path = (f.attrs.get("path") or "/").strip("/")
        try:
            data = base64.b64decode(re.sub(r"\s+", "", f.text), validate=True)
        except (binascii.Error, ValueError):
            continue
        out[f"{path}/{name}" if path else name] = data
    return out


def parse(data: bytes, *, encoding: str | None = None) -> ParseResult:
    if encoding is None:
        m = _DECL_ENC.match(data[:200])
        declared = m.group(1).decode("ascii").lower() if m else None
        if declared and declared not in ("utf-8", "utf8") and not data.startswith(b"\xef\xbb\xbf"):
            encoding = {"windows-1258": "cp1258"}.get(declared, declared)
    text, used = decode(data, encoding)
    result = ParseResult("moodle-xml", encoding=used)
    # The text is already decoded: an encoding declaration would mislead expat.
    text = _DECL.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)
    try:
        root = _tree(text)
    except XmlError as exc:
        if "<quiz" not in text[:4096]:
            result.reject(exc.line, "Không phải tệp câu hỏi Moodle XML: thiếu thẻ <quiz> bao "
                                    "quanh các câu hỏi (tệp Moodle XML bắt đầu bằng <quiz> và "
                                    "kết thúc bằng </quiz>). Hãy xuất lại từ Moodle, chọn định "
                                    "dạng \"Moodle XML\".")
        else:
            result.reject(exc.line, str(exc))
        return result
    quiz = root.find("quiz")
    if quiz is None:
        first = root.children[0] if root.children else root
        found = f" (tệp bắt đầu bằng thẻ <{first.tag}>)" if root.children else ""
        result.reject(first.line, "Không phải tệp câu hỏi Moodle XML: thiếu thẻ <quiz> bao "
                                  f"quanh các câu hỏi{found}. Hãy xuất lại từ Moodle, chọn định "
                                  "dạng \"Moodle XML\".")
        return result
    category = None
    for q in quiz.findall("question"):
        qtype = (q.attrs.get("type") or "").strip().lower()
        if qtype == "category":
            category = category_path(q.text_of("category"))
            continue
        if qtype not in SUPPORTED:
            name = TYPE_NAMES.get(qtype, qtype or "không rõ loại")
            result.reject(q.line, f"Câu hỏi {name} không được hỗ trợ: chỉ nhập câu hỏi trắc "
                                  "nghiệm.")
            continue
        try:
            result.items.append(_question(q, qtype, category))
        except XmlError as exc:
            result.reject(exc.line, str(exc))
        except (MediaRefused, PictureRefused) as exc:
            result.reject(q.line, str(exc))
    return result


def _fraction(node: Node) -> float:
    raw = (node.attrs.get("fraction") or "0").replace(",", ".")
    try:
        return float(raw)
    except ValueError as exc:
        raise XmlError(node.line, f"Trọng số đáp án \"{raw}\" không phải là số.") from exc


_LEFT_OUT_PARTS = {"correctfeedback": "phản hồi khi trả lời đúng",
                   "partiallycorrectfeedback": "phản hồi khi đúng một phần",
                   "incorrectfeedback": "phản hồi khi trả lời sai", "hint": "gợi ý (hint)"}


def _question(q: Node, qtype: str, category: str | None) -> ParsedQuestion:
    qt = q.find("questiontext")
    if qt is None:
        raise XmlError(q.line, "Câu hỏi thiếu thẻ <questiontext>.")
    name = q.text_of("name")
    what = f"Câu \"{name}\"" if name else "Câu hỏi"
    left_out: list[str] = []
    rich = _rich(q.text_of("questiontext"), qt.attrs.get("format"))
    pictures = resolve_pictures(rich, place="question", option=None, files=_files(qt),
                                left_out=left_out, what=what)
    image, image_data = q.text_of("image"), q.find("image_base64")
    if image and image_data is not None:      # the old tag, as Moodle still reads it
        old = read_html(f'<img src="@@PLUGINFILE@@/{image.replace("/", "_")}">')
        pictures += resolve_pictures(old, place="question", option=None,
                                     files={image.replace("/", "_"): _b64(image_data)},
                                     left_out=left_out, what=what)
    gf = q.find("generalfeedback")
    grich = _rich(q.text_of("generalfeedback"), gf.attrs.get("format") if gf else None)
    if grich.images:
        left_out.append("hình trong phần giải thích")
    for tag, label in _LEFT_OUT_PARTS.items():
        if any(_node_text(n) for n in q.findall(tag)):
            left_out.append(label)
    try:
        grade = float(q.text_of("defaultgrade") or 1)
    except ValueError:
        grade = 1.0
    if grade != 1.0:
        left_out.append(f"điểm riêng của câu ({q.text_of('defaultgrade')}; mọi câu tính 1 điểm)")
    options: list[str] = []
    weights: list[float] = []
    answers = q.findall("answer")
    for n, a in enumerate(answers):
        inner = a.find("text")
        raw = (inner.text if inner is not None else a.text).strip()
        arich = _rich(raw, a.attrs.get("format"))
        value = arich.text
        if qtype == "truefalse":
            value = {"true": TRUE_FALSE_OPTIONS[0], "false": TRUE_FALSE_OPTIONS[1]}.get(
                value.lower(), value)
        else:
            pictures += resolve_pictures(arich, place="option", option=n, files=_files(a),
                                         left_out=left_out, what=f"{what}, phương án {n + 1}")
        feedback = a.find("feedback")
        if feedback is not None and _node_text(feedback):
            note = "phản hồi riêng của từng phương án"
            if note not in left_out:
                left_out.append(note)
        options.append(value)
        weights.append(_fraction(a))
    bad = [w for w in weights if kinds.moodle_fraction(w) is None]
    if bad:
        raise XmlError(q.line, kinds.bad_fraction_message(bad))
    weights = [kinds.moodle_fraction(w) for w in weights]
    # Like Moodle's importer: a missing or empty <single> means one right answer.
    single_text = q.text_of("single").lower()
    single = qtype == "truefalse" or single_text not in ("false", "0")
    if qtype == "truefalse":
        kind = "truefalse"
        if [o.lower() for o in options] == ["sai", "đúng"]:      # "false" first
            options, weights = options[::-1], weights[::-1]
        correct = [i for i, w in enumerate(weights) if w >= 100]
    elif single:
        correct = [i for i, w in enumerate(weights) if w >= 100]
        kind = "any" if len(correct) > 1 else "single"
    else:
        correct = [i for i, w in enumerate(weights) if w > 0]
        kind = "multiple"
    tags = [t.text_of("text") or t.text.strip() for t in (q.find("tags").findall("tag")
                                                           if q.find("tags") else [])]
    meta = {k.strip(): v.strip() for k, _, v in (t.partition(":") for t in tags) if v}
    difficulty = meta.get("difficulty")
    return ParsedQuestion(
        line=q.line, text=rich.text, options=options, correct=correct,
        weights=None if qtype == "truefalse" else weights, multiple=kind == "multiple",
        key=q.text_of("idnumber") or name or None, topic=category,
        topic_code=meta.get("topic"), explanation=grich.text, clause=meta.get("clause", ""),
        difficulty=int(difficulty) if difficulty and difficulty.isdigit() else None,
        kind=kind, pictures=pictures, left_out=left_out)


def _node_text(node: Node) -> str:
    inner = node.find("text")
    return (inner.text if inner is not None else node.text).strip()


def _b64(node: Node) -> bytes:
    try:
        return base64.b64decode(re.sub(r"\s+", "", node.text), validate=True)
    except (binascii.Error, ValueError):
        return b""


# ---------------------------------------------------------------------------------------------
# Writing

def _text(tag: str, value: str, fmt: str = "plain_text", indent: str = "    ",
          pictures=()) -> str:
    """An element with its <text> and, for pictures, the HTML <img> tags and <file>s."""
    if pictures:
        fmt = "html"
        value = text_to_html(value) + "".join(
            f'<br><img src="@@PLUGINFILE@@/{quote(_file_name(p))}" alt="{escape(p.name)}">'
            for p in pictures)
    files = "".join(f'\n{indent}  <file name={quoteattr(_file_name(p))} path="/" '
                    f'encoding="base64">{base64.b64encode(p.data).decode()}</file>'
                    for p in pictures)
    return (f"{indent}<{tag} format={quoteattr(fmt)}>\n{indent}  <text>{escape(value)}</text>"
            f"{files}\n{indent}</{tag}>")


def _file_name(p) -> str:
    """A picture's file name in the XML: its SHA-256 start and its type, so that two pictures
    of the same name never clash."""
    return f"{p.sha256[:16]}.{EXTENSIONS.get(p.media_type, 'png')}"


def write(questions: list[dict], topics: dict[str, str], pictures: dict | None = None) -> bytes:
    """Moodle XML of `questions` (`Question.as_public()` dicts), grouped by topic (nested
    categories for "Cha / Con"); `pictures`: {question id: [Picture with its bytes]}."""
    pictures = pictures or {}
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    current = None
    for q in sorted(questions, key=lambda q: q["topic"]):
        if q["topic"] != current:
            current = q["topic"]
            out += ['  <question type="category">', "    <category>",
                    f"      <text>$course$/top/{escape(topic_path(topics.get(current, current)))}"
                    "</text>", "    </category>", "  </question>"]
        kind = kinds.infer_kind(q.get("kind"), q.get("multiple"), q["correct"])
        pics = [p for p in pictures.get(q.get("id"), []) if p.data is not None]
        qtype = "truefalse" if kind == "truefalse" else "multichoice"
        out.append(f'  <question type="{qtype}">')
        out.append(f"    <name><text>{escape(q['key'])}</text></name>")
        out.append(_text("questiontext", q["text"],
                         pictures=[p for p in pics if p.place == "question"]))
        out.append(_text("generalfeedback", q.get("explanation") or ""))
        out.append("    <defaultgrade>1</defaultgrade>")
        out.append("    <penalty>0</penalty>")
        out.append("    <hidden>0</hidden>")
        out.append(f"    <idnumber>{escape(q['key'])}</idnumber>")
        if kind == "truefalse":
            for i, word in enumerate(("true", "false")):
                out.append(f'    <answer fraction="{100 if i in q["correct"] else 0}" '
                           'format="moodle_auto_format">')
                out.append(f"      <text>{word}</text>")
                out.append("      <feedback format=\"html\"><text></text></feedback>")
                out.append("    </answer>")
        else:
            out.append(f"    <single>{'false' if kind == 'multiple' else 'true'}</single>")
            out.append("    <shuffleanswers>true</shuffleanswers>")
            out.append("    <answernumbering>ABCD</answernumbering>")
            for i, (option, weight) in enumerate(zip(q["options"], answer_weights(q))):
                own = [p for p in pics if p.place == "option" and p.option == i]
                fmt = "html" if own else "plain_text"
                body = _text("answer", option, fmt, "    ", own).split("\n")
                body[0] = f'    <answer fraction="{weight_text(weight)}" format="{fmt}">'
                out += body[:-1]
                out.append("      <feedback format=\"plain_text\"><text></text></feedback>")
                out.append("    </answer>")
        out.append("    <tags>")
        for tag in (f"topic:{q['topic']}", f"clause:{q.get('clause', '')}",
                    f"difficulty:{q.get('difficulty', 2)}"):
            out.append(f"      <tag><text>{escape(tag)}</text></tag>")
        out.append("    </tags>")
        out.append("  </question>")
    out.append("</quiz>")
    return ("\n".join(out) + "\n").encode("utf-8")
