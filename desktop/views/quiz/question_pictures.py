"""The pictures of a question in the bank editor: shown as thumbnails, with where each goes (the
question or an option), added from a file, removed; and the question's kind."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from desktop.models.quiz import pictures as pics
from desktop.models.quiz.common import LETTERS

from ..common import show_error, tr
from ..files import open_file
from .kiosk.widgets import PictureStrip


def kind_combo(parent) -> QComboBox:
    """The kinds of question, as the editor offers them."""
    box = QComboBox(parent)
    box.setObjectName("kind")
    for value, text in (("single", tr("One right answer")),
                        ("multiple", tr("Tick all that apply")),
                        ("any", tr("One of several right answers (choosing one is enough)")),
                        ("truefalse", tr("True / false"))):
        box.addItem(text, value)
    return box


class PicturesEditor(QWidget):
    """Thumbnails of the question's pictures (the files' bytes kept until the question is
    saved), a place to put a new one, Add and Remove."""

    def __init__(self, store, pictures: list, option_count: int, parent=None):
        super().__init__(parent)
        self.store = store
        self.pictures = list(pictures)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.strip = PictureStrip((140, 90))
        self.strip.setObjectName("editor_pictures")
        layout.addWidget(self.strip)
        row = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("pictures_summary")
        row.addWidget(self.summary, 1)
        self.place = QComboBox()
        self.place.setObjectName("picture_place")
        row.addWidget(QLabel(self.tr("Put a picture on:")))
        row.addWidget(self.place)
        self.add = QPushButton(self.tr("Add picture…"))
        self.add.setObjectName("add_picture")
        self.add.clicked.connect(lambda: self.add_file())
        self.remove = QPushButton(self.tr("Remove the last picture"))
        self.remove.setObjectName("remove_picture")
        self.remove.clicked.connect(self.remove_last)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        layout.addLayout(row)
        self.set_option_count(option_count)
        self._refresh()

    def set_option_count(self, count: int) -> None:
        current = self.place.currentData()
        self.place.clear()
        self.place.addItem(self.tr("the question"), None)
        for i in range(count):
            self.place.addItem(self.tr("option %1").replace("%1", LETTERS[i]), i)
        index = self.place.findData(current)
        self.place.setCurrentIndex(max(index, 0))

    def _where(self, p) -> str:
        return self.tr("the question") if p.place == "question" else \
            self.tr("option %1").replace("%1", LETTERS[p.option or 0])

    def _refresh(self) -> None:
        for p in self.pictures:
            if p.data is None:
                p.data = pics.read(self.store, p.sha256)
        self.strip.set_pictures(self.pictures)
        for w, p in zip(self.strip.labels, self.pictures):
            w.setToolTip(f"{p.name} — {self._where(p)}")
        self.summary.setText(self.tr("No pictures.") if not self.pictures else "; ".join(
            f"{p.name or p.sha256[:8]} ({self._where(p)})" for p in self.pictures))
        self.remove.setEnabled(bool(self.pictures))

    def add_file(self, path: str | None = None) -> None:
        if path is None:
            path = open_file(self, self.tr("Add a picture"), "question-picture",
                             self.tr("Pictures (*.png *.jpg *.jpeg *.gif *.webp *.bmp)"))
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            show_error(self, self.tr("The file could not be read: %1").replace("%1", str(exc)))
            return
        kind = pics.sniff(data)
        reader = QImageReader(path)
        if kind is None or not reader.canRead() or len(data) > pics.MAX_BYTES:
            show_error(self, self.tr("%1 is not a picture this program can show (PNG, JPEG, GIF, "
                                     "WebP or BMP, at most %2 KB).")
                       .replace("%1", Path(path).name)
                       .replace("%2", str(pics.MAX_BYTES // 1024)))
            return
        size = reader.size()
        option = self.place.currentData()
        self.pictures.append(pics.Picture.from_dict({
            "place": "question" if option is None else "option", "option": option,
            "data": data, "name": Path(path).name, "media_type": kind,
            "width": size.width(), "height": size.height()}))
        self._refresh()

    def remove_last(self) -> None:
        if self.pictures:
            self.pictures.pop()
            self._refresh()

    def values(self) -> list:
        return list(self.pictures)
