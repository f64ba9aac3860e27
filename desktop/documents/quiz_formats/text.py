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
