"""Question text from other programs: HTML (Moodle's usual format) shown as plain text, with its
pictures kept and everything else it had named.

`read_html` gives the plain text (line breaks kept for <br>, </p> and the like; the layout of
`<pre>` kept with no-break spaces), the pictures in order (`<img src>`: a `data:` URI, a
`@@PLUGINFILE@@/…` file of a Moodle XML file, or an outside address), the sound and video it
refers to (which make the item refused), and what it leaves out (links' addresses, bold and
italics, tables made lines…) so that the dry run can say so against the item.
"""
from __future__ import annotations

import base64
import binascii
import html
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from desktop.models.quiz import kinds
from desktop.models.quiz.pictures import MAX_BYTES, Picture, sniff

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")
_BREAK = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6]|/tr)\b[^<>]*>", re.IGNORECASE)
_HIDDEN = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_PRE = re.compile(r"<\s*pre\b[^<>]*>(.*?)<\s*/\s*pre\s*>", re.IGNORECASE | re.DOTALL)
_IMG = re.compile(r"<\s*img\b[^<>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(src|alt|href|data)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))""",
                   re.IGNORECASE)
_LINK = re.compile(r"<\s*a\b[^<>]*>", re.IGNORECASE)
_MEDIA_TAG = re.compile(r"<\s*(audio|video|source|embed|object|iframe)\b[^<>]*>", re.IGNORECASE)
_FORMAT_TAG = re.compile(r"<\s*(b|strong|i|em|u|font|mark|s|strike|del|ins)\b", re.IGNORECASE)
_SCRIPT_TAG = re.compile(r"<\s*(sup|sub)\b", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<\s*table\b", re.IGNORECASE)
_COLOUR = re.compile(r"style\s*=\s*[\"'][^\"']*(color|background|font-style|font-weight|"
                     r"text-decoration)", re.IGNORECASE)
_NBSP_MARK = "\x00nbsp\x00"
MEDIA_EXTENSIONS = (".mp3", ".wav", ".ogg", ".oga", ".m4a", ".aac", ".wma", ".flac", ".mid",
                    ".midi", ".mp4", ".m4v", ".webm", ".ogv", ".avi", ".mov", ".wmv", ".flv",
                    ".mkv", ".mpg", ".mpeg", ".3gp", ".swf")


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text)) or bool(re.search(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", text,
                                                       re.IGNORECASE))


def _attrs(tag: str) -> dict[str, str]:
    out = {}
    for m in _ATTR.finditer(tag):
        value = next(g for g in (m.group(3), m.group(4), m.group(5)) if g is not None)
        out[m.group(1).lower()] = html.unescape(value)
    return out


@dataclass
class Rich:
    """Plain text from HTML, with what it held besides text."""
    text: str
    images: list[dict] = field(default_factory=list)      # {"src", "alt"} in order
    media: list[str] = field(default_factory=list)        # sound / video referred to
    left_out: list[str] = field(default_factory=list)


def _plain(text: str) -> str:
    text = _HIDDEN.sub("", text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text).replace("\u00a0", _NBSP_MARK)
    text = html.unescape(text).replace("\u00a0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip().replace(_NBSP_MARK, "\u00a0")


def _pre_block(inner: str) -> str:
    """A `<pre>` block's text: its lines and spaces as written (spaces made no-break)."""
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", inner)))
    lines = [line.rstrip().replace(" ", "\u00a0").replace("\t", "\u00a0" * 4)
             for line in text.strip("\n").split("\n")]
    return "\n".join(lines)


def read_html(source: str) -> Rich:
    """Plain text of HTML, its pictures, its sound and video, and what is left out."""
    rich = Rich("")
    for tag in _IMG.findall(source):
        a = _attrs(tag)
        rich.images.append({"src": a.get("src", ""), "alt": a.get("alt", "")})
    bare = []
    for m in _MEDIA_TAG.finditer(source):
        a = _attrs(m.group(0))
        if a.get("src") or a.get("data"):
            rich.media.append(a.get("src") or a.get("data"))
        else:                      # <audio> around its <source src=…>: named by the source
            bare.append(f"<{m.group(1).lower()}>")
    if bare and not rich.media:
        rich.media.extend(bare)
    for tag in _LINK.findall(source):
        href = _attrs(tag).get("href", "")
        if not href:
            continue
        if _is_media(href):
            rich.media.append(href)
        else:
            rich.left_out.append(f"địa chỉ liên kết {href} (chỉ giữ chữ của liên kết)")
    if _FORMAT_TAG.search(source) or _COLOUR.search(source):
        rich.left_out.append("định dạng chữ (đậm, nghiêng, gạch chân, màu)")
    if _SCRIPT_TAG.search(source):
        rich.left_out.append("chỉ số trên/dưới (thành chữ thường)")
    if _TABLE_TAG.search(source):
        rich.left_out.append("bảng (thành các dòng chữ)")
    blocks: list[str] = []

    def keep(m) -> str:
        blocks.append(_pre_block(m.group(1)))
        return f"\n\x00pre{len(blocks) - 1}\x00\n"
    text = _plain(_PRE.sub(keep, source))
    for n, block in enumerate(blocks):
        text = text.replace(f"\x00pre{n}\x00", block)
    rich.text = text
    return rich


def plain_rich(text: str) -> Rich:
    return Rich(text.strip())


def _is_media(src: str) -> bool:
    path = src.split("?", 1)[0].split("#", 1)[0].lower()
    return path.endswith(MEDIA_EXTENSIONS) or src.lower().startswith(("data:audio", "data:video"))


def html_to_text(text: str) -> str:
    """Tags removed (line breaks kept for <br>, </p> and the like), entities decoded."""
    return read_html(text).text


def text_to_html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


class MediaRefused(Exception):
    """The item has sound or video: it is refused (the message names what)."""


def resolve_pictures(rich: Rich, *, place: str, option: int | None, files: dict[str, bytes],
                     left_out: list[str], what: str) -> list[Picture]:
    """The pictures of `rich` as `Picture`s with their bytes (`files`: a Moodle XML element's
    `<file>`s by name). Sound and video raise `MediaRefused`; a picture that can't be kept (an
    outside address, a missing file, not a picture, too big) raises `PictureRefused`."""
    if rich.media:
        raise MediaRefused(f"{what} có âm thanh hoặc video ({', '.join(rich.media[:3])}): máy "
                           "kiểm tra và đề in không phát được, nên câu này không được nhập. Hãy "
                           "bỏ phần đó hoặc thay bằng hình hay chữ.")
    left_out.extend(x for x in rich.left_out if x not in left_out)
    out = []
    for image in rich.images:
        src = image["src"].strip()
        data, name = _image_bytes(src, files, what)
        if _is_media(src) or (data is not None and data[:4] in (b"ID3\x03", b"OggS")):
            raise MediaRefused(f"{what} có âm thanh hoặc video ({name}): câu không được nhập.")
        kind = sniff(data)
        if kind is None:
            raise PictureRefused(f"{what}: {name} không phải hình PNG, JPEG, GIF, WebP hay BMP "
                                 "(hình SVG hay tệp khác chưa hiển thị được): câu không được "
                                 "nhập. Hãy lưu hình thành PNG rồi nhập lại.")
        if len(data) > MAX_BYTES:
            raise PictureRefused(f"{what}: hình {name} nặng {len(data) // 1024} KB, tối đa "
                                 f"{MAX_BYTES // 1024} KB. Hãy thu nhỏ hình rồi nhập lại.")
        out.append(Picture.from_dict({"place": place, "option": option, "data": data,
                                      "name": name, "media_type": kind}))
    return out


class PictureRefused(Exception):
    pass


def _image_bytes(src: str, files: dict[str, bytes], what: str) -> tuple[bytes, str]:
    if src.lower().startswith("data:"):
        head, _, payload = src.partition(",")
        if ";base64" not in head.lower():
            raise PictureRefused(f"{what}: hình nhúng (data:) không ở dạng base64: câu không "
                                 "được nhập.")
        try:
            data = base64.b64decode(re.sub(r"\s+", "", payload), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise PictureRefused(f"{what}: hình nhúng (data:) bị hỏng: câu không được nhập."
                                 ) from exc
        ext = head[5:].split(";")[0].split("/")[-1] or "png"
        return data, f"hinh.{ext}"
    if src.startswith("@@PLUGINFILE@@/"):
        name = unquote(src[len("@@PLUGINFILE@@/"):])
        if name not in files:
            raise PictureRefused(f"{what}: tệp hình {name} không có trong tệp XML (thiếu thẻ "
                                 "<file>): câu không được nhập. Hãy xuất lại từ Moodle.")
        return files[name], name.rsplit("/", 1)[-1]
    raise PictureRefused(f"{what}: hình lấy từ địa chỉ ngoài ({src[:80]}); chương trình không "
                         "tải gì từ Internet: câu không được nhập. Hãy nhúng hình vào tệp "
                         "(Moodle XML xuất kèm hình) rồi nhập lại.")


def answer_weights(q: dict) -> list[float]:
    """Each option's weight in percent, as GIFT and Moodle XML write it: the question's stored
    weights when they are Moodle's (one per option), else the defaults of its kind."""
    weights = q.get("weights")
    kind = kinds.infer_kind(q.get("kind"), q.get("multiple"), q["correct"])
    if weights and len(weights) == len(q["options"]) and \
            all(kinds.moodle_fraction(w) is not None for w in weights):
        return [kinds.moodle_fraction(w) for w in weights]
    return kinds.default_weights(kind, len(q["options"]), q["correct"])


def weight_text(w: float) -> str:
    """A weight as written in a file: 50, 33.33333, -100."""
    return str(int(w)) if float(w).is_integer() else f"{w:.5f}".rstrip("0")


def picture_data_uri(p: Picture) -> str:
    return f"data:{p.media_type or 'image/png'};base64," + base64.b64encode(p.data or b"").decode()
