"""Pictures in questions: the question's own, and an option's.

A picture is a file kept by content like every other file (`blobs`, by SHA-256) and a row of
`quiz_question_pictures` naming the question version it belongs to, where it goes (the question,
or option N) and its order. The rows travel in sync packages with their files (the file column is
declared in `synced_tables`) and in kiosk setup files. A version's pictures never change once a
paper has shown it: an edit that changes them makes a new version, as for the text.

Only still pictures are kept (PNG, JPEG, GIF, WebP, BMP), each at most `MAX_BYTES`; what a file
really is comes from its first bytes, not its name. Sound and video are refused by the readers of
question files with a reason naming the item.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import blobs, records
from ..db import Store

TABLE = "quiz_question_pictures"

MAX_BYTES = 2 * 1024 * 1024
MAX_PER_QUESTION = 12
PLACES = ("question", "option", "explanation")
MEDIA_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp")
EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp",
              "image/bmp": "bmp"}
_HEX = set("0123456789abcdef")


def sniff(data: bytes) -> str | None:
    """The picture type of `data` from its first bytes, or None when it is not one we show."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:2] == b"BM" and len(data) > 26:
        return "image/bmp"
    return None


@dataclass
class Picture:
    place: str                  # question, option, explanation
    option: int | None          # the option's index (version order) when place == "option"
    sha256: str
    media_type: str = ""
    name: str = ""
    width: int = 0
    height: int = 0
    data: bytes | None = field(default=None, repr=False, compare=False)

    def key(self) -> tuple:
        return (self.place, -1 if self.option is None else self.option, self.sha256)

    def as_dict(self, *, with_data: bool = False) -> dict:
        out = {"place": self.place, "option": self.option, "sha256": self.sha256,
               "media_type": self.media_type, "name": self.name, "width": self.width,
               "height": self.height}
        if with_data and self.data is not None:
            out["data"] = self.data
        return out

    @staticmethod
    def from_dict(d: dict) -> "Picture":
        data = d.get("data")
        digest = d.get("sha256") or (blobs.sha256_bytes(data) if data else "")
        option = d.get("option")
        return Picture(d.get("place") or "question", int(option) if option is not None else None,
                       digest, d.get("media_type") or (sniff(data) if data else "") or "",
                       d.get("name") or "", int(d.get("width") or 0), int(d.get("height") or 0),
                       data)


def check(pictures: list[Picture], option_count: int) -> str | None:
    """Why a question's pictures can't be kept, or None."""
    if len(pictures) > MAX_PER_QUESTION:
        return f"Câu hỏi có {len(pictures)} hình, tối đa {MAX_PER_QUESTION}."
    for p in pictures:
        label = f"Hình {p.name or p.sha256[:8]}"
        if p.place not in PLACES:
            return f"{label}: vị trí không hợp lệ."
        if p.place == "option" and (p.option is None or not 0 <= p.option < option_count):
            return f"{label} gắn với phương án không có."
        if len(p.sha256) != 64 or not set(p.sha256) <= _HEX:
            return f"{label}: mã băm không hợp lệ."
        if p.data is not None:
            if len(p.data) > MAX_BYTES:
                return (f"{label} nặng {len(p.data) // 1024} KB, tối đa {MAX_BYTES // 1024} KB: "
                        "hãy thu nhỏ hình rồi nhập lại.")
            if sniff(p.data) is None:
                return (f"{label} không phải hình ảnh PNG, JPEG, GIF, WebP hay BMP (hoặc tệp hình "
                        "bị hỏng).")
    return None


def store_files(store: Store, pictures: list[Picture]) -> None:
    """Write the files of pictures that carry their bytes (inside the caller's transaction)."""
    for p in pictures:
        if p.data is not None:
            blobs.put_blob(store, p.data, name=p.name, media_type=p.media_type)


def insert_rows(store: Store, version_id: str, pictures: list[Picture]) -> None:
    store_files(store, pictures)
    for position, p in enumerate(pictures):
        records.insert(store, TABLE, {
            "version_id": version_id, "place": p.place, "option_index": p.option,
            "position": position, "sha256": p.sha256, "media_type": p.media_type,
            "name": p.name, "width": p.width, "height": p.height})


def delete_rows(store: Store, version_id: str) -> None:
    for row in store.query(f"SELECT id FROM {TABLE} WHERE version_id = ? AND deleted = 0",
                           (version_id,)):
        records.delete(store, TABLE, row["id"])


def of_versions(store: Store, version_ids, *, with_data: bool = False
                ) -> dict[str, list[Picture]]:
    """{version id: its pictures in order}; with their bytes when asked (missing or damaged
    files come without bytes: the views say so instead of failing)."""
    ids = list(dict.fromkeys(version_ids))
    out: dict[str, list[Picture]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows = store.query(f"SELECT * FROM {TABLE} WHERE deleted = 0 AND version_id IN "
                           f"({','.join('?' * len(chunk))}) ORDER BY version_id, position", chunk)
        for r in rows:
            p = Picture(r["place"], r["option_index"], r["sha256"], r["media_type"], r["name"],
                        r["width"], r["height"])
            if with_data:
                p.data = read(store, p.sha256)
            out.setdefault(r["version_id"], []).append(p)
    return out


def read(store: Store, digest: str) -> bytes | None:
    try:
        return blobs.read_blob(store, digest)
    except Exception:  # noqa: BLE001 - a missing or damaged file is shown as missing
        return None


def split(pictures: list[Picture], option_order) -> tuple[list[Picture], list[list[Picture]]]:
    """(the question's pictures, each shown option's pictures) for options in `option_order`."""
    question = [p for p in pictures if p.place == "question"]
    per_option = [[p for p in pictures if p.place == "option" and p.option == i]
                  for i in option_order]
    return question, per_option
