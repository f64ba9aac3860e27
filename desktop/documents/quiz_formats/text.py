"""Question text from other programs: HTML (Moodle's usual format) shown as plain text."""
from __future__ import annotations

import html
import re

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")
_BREAK = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6]|/tr)\b[^<>]*>", re.IGNORECASE)
_HIDDEN = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text)) or bool(re.search(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", text,
                                                       re.IGNORECASE))


def html_to_text(text: str) -> str:
    """Tags removed (line breaks kept for <br>, </p> and the like), entities decoded."""
    text = _HIDDEN.sub("", text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text).replace("\u00a0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def text_to_html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def answer_weights(q: dict) -> list[float]:
    """Each option's weight in percent, as GIFT and Moodle XML write it: the question's stored
    weights when it has them (one per option), else the right options share 100 and a wrong one
    is 0 in a single-answer question and -100 in a multiple-answer one (choosing a wrong option
    then earns nothing, as this program grades)."""
    weights = q.get("weights")
    if weights and len(weights) == len(q["options"]):
        return [float(w) for w in weights]
    n = max(len(q["correct"]), 1)
    return [round(100.0 / n, 5) if i in q["correct"] else (-100.0 if q["multiple"] else 0.0)
            for i in range(len(q["options"]))]


def weight_text(w: float) -> str:
    """A weight as written in a file: 50, 33.33333, -100."""
    return str(int(w)) if float(w).is_integer() else f"{w:.5f}".rstrip("0")
