"""Management reviews: when, who, the inputs of ISO 9001:2015 9.3.2 as a checklist, the decisions;
a reminder when none was held in the last 12 months."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from desktop.models.errors import IsoDeskError
from desktop.models.iso.reviews import INPUT_KEYS, Review, ReviewRepository
from desktop.models.iso.team import TeamRepository

from ..common import confirm, show_error
from ..tables import Column, ItemsModel, SearchProxy, make_table
from .common import DateEdit, FormDialog, TextEdit, date_text, iso_key, select_where, selected_item
from .labels import label


class ReviewDialog(FormDialog):
    def __init__(self, repo: ReviewRepository, team: TeamRepository, review: Review | None = None,
                 parent=None):
        super().__init__(self.tr("Management review of %1").replace(
            "%1", date_text(review.held_on)) if review else self.tr("New management review"),
            parent, width=980)
        self.repo = repo
        self.team = team
        self.review = r = review
        self.held_on = self.add("held_on", self.tr("Held on:"),
                                DateEdit(r.held_on if r else _dt.date.today()))
        self.chair = self.add("chair", self.tr("Chaired by:"), QLineEdit(r.chair if r else ""))
        self.participants = self.add("participants", self.tr("Participants (one per line):"),
                                     TextEdit(r.participants if r else "", lines=4))
        fill = QPushButton(self.tr("Add the ISO team members"))
        fill.setObjectName("fill_participants")
        fill.clicked.connect(self.add_team)
        self.form.addRow("", fill)
        box = QGroupBox(self.tr("Inputs considered (ISO 9001:2015, 9.3.2)"))
        grid = QGridLayout(box)
        self.inputs: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        for row, key in enumerate(INPUT_KEYS):
            check = QCheckBox(label("review_input", key))
            check.setObjectName(f"input_{key}")
            note = QLineEdit()
            note.setObjectName(f"note_{key}")
            note.setPlaceholderText(self.tr("what was said (optional)"))
            item = (r.inputs.get(key) if r else None) or {}
            check.setChecked(bool(item.get("covered")))
            note.setText(item.get("note", ""))
            grid.addWidget(check, row, 0)
            grid.addWidget(note, row, 1)
            self.inputs[key] = (check, note)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(box)
        # eight rows in sight, fewer on a short screen (1366×768 at 125 %) where it scrolls
        screen = self.screen().availableGeometry().height() if self.screen() else 960
        scroll.setMinimumHeight(min(260, screen // 4))
        self.form.addRow(scroll)
        self.decisions = self.add("decisions", self.tr("Decisions and actions:"),
                                  TextEdit(r.decisions if r else "", lines=4))
        self.next_review = self.add("next_review_on", self.tr("Next review planned for:"),
                                    DateEdit(r.next_review_on if r else None))
        self.finish()

    def add_team(self) -> None:
        present = [line.strip() for line in self.participants.value().splitlines() if line.strip()]
        for m in self.team.members():
            text = f"{m.full_name} — {m.position}" if m.position else m.full_name
            if not any(p.startswith(m.full_name) for p in present):
                present.append(text)
        self.participants.setPlainText("\n".join(present))

    def on_save(self):
        values = {"held_on": self.held_on.value(), "chair": self.chair.text(),
                  "participants": self.participants.value(),
                  "inputs": {k: {"covered": c.isChecked(), "note": n.text()}
                             for k, (c, n) in self.inputs.items()},
                  "decisions": self.decisions.value(),
                  "next_review_on": self.next_review.value()}
        if self.review is None:
            return self.repo.add(values)
        return self.repo.update(self.review.id, values, expected_version=self.review.version)


class ReviewsTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.repo = ReviewRepository(ctx.store)
        editable = ctx.can("edit_records")
        layout = QVBoxLayout(self)
        self.reminder = QLabel()
        self.reminder.setObjectName("review_reminder")
        self.reminder.setWordWrap(True)
        layout.addWidget(self.reminder)
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (("review_add", self.tr("Record a review…"), self.add_review),
                                 ("review_edit", self.tr("Edit…"), self.edit_review),
                                 ("review_delete", self.tr("Delete"), self.delete_review)):
            btn = QPushButton(text)
            btn.setObjectName(name)
            btn.clicked.connect(lambda _c=False, s=slot: s())
            btn.setVisible(editable)
            bar.addWidget(btn)
            self.buttons[name] = btn
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = ItemsModel([
            Column(self.tr("Held on"), lambda r: date_text(r.held_on), lambda r: r.held_on),
            Column(self.tr("Chaired by"), lambda r: r.chair),
            Column(self.tr("Participants"), lambda r: str(len(r.participant_list)),
                   lambda r: len(r.participant_list), align_right=True),
            Column(self.tr("Inputs considered"),
                   lambda r: f"{len(r.covered)}/{len(INPUT_KEYS)}", lambda r: len(r.covered)),
            Column(self.tr("Decisions"), lambda r: " ".join(r.decisions.split())),
            Column(self.tr("Next review"), lambda r: date_text(r.next_review_on),
                   lambda r: iso_key(r.next_review_on)),
        ], self, tooltip=lambda r: r.decisions)
        self.proxy = SearchProxy(lambda r: (r.chair, r.decisions, r.participants), self)
        self.table = make_table("reviews_table", self.proxy, source=self.model, stretch=4)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_review() if editable else None)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_items(self.repo.list())
        info = self.repo.reminder()
        if info["review_state"] == "due_today":
            self.reminder.setText(self.tr("The last review was on %1, 12 months ago today: a "
                                          "management review is due today.")
                                  .replace("%1", date_text(info["last_review"])))
            self.reminder.setStyleSheet("background: #fff4ce; color: #7a4f01; padding: 8px; "
                                        "font-weight: bold; border-radius: 4px;")
        elif info["review_due"]:
            self.reminder.setText(self.tr("A management review is due: none was held in the last "
                                          "12 months. The standard asks for one at least once a "
                                          "year."))
            self.reminder.setStyleSheet("background: #fde7e9; color: #b00020; padding: 8px; "
                                        "font-weight: bold; border-radius: 4px;")
        elif not info["last_review"]:   # a new office: the first one is not due yet
            self.reminder.setText(self.tr("No management review recorded yet; the first one is "
                                          "due by %1 (the standard asks for one at least once "
                                          "a year).").replace("%1", date_text(info["due_by"])))
            self.reminder.setStyleSheet("background: #eef2f7; color: #1f2a38; padding: 8px; "
                                        "border-radius: 4px;")
        else:
            self.reminder.setText(self.tr("Last review on %1; the next one is due by %2.")
                                  .replace("%1", date_text(info["last_review"]))
                                  .replace("%2", date_text(info["due_by"])))
            self.reminder.setStyleSheet("background: #e6f4ea; color: #1e7b34; padding: 8px; "
                                        "border-radius: 4px;")
        self._selection_changed()

    def selected(self) -> Review | None:
        return selected_item(self.table, self.model, self.proxy)

    def select_id(self, review_id: str) -> None:
        select_where(self.table, self.model, self.proxy, lambda r: r.id == review_id)

    def _selection_changed(self, *_args) -> None:
        on = self.selected() is not None
        self.buttons["review_edit"].setEnabled(on)
        self.buttons["review_delete"].setEnabled(on)

    def _changed(self, review_id=None) -> None:
        self.ctx.announce_changes()
        self.reload()
        if review_id:
            self.select_id(review_id)

    def add_review(self) -> None:
        dlg = ReviewDialog(self.repo, TeamRepository(self.ctx.store), None, self)
        if dlg.exec():
            self._changed(dlg.saved.id)

    def edit_review(self) -> None:
        r = self.selected()
        if r is not None and ReviewDialog(self.repo, TeamRepository(self.ctx.store), r,
                                          self).exec():
            self._changed(r.id)

    def delete_review(self) -> None:
        r = self.selected()
        if r is None or not confirm(self, self.tr("Delete the review of %1? Use this only for an "
                                                  "entry made by mistake.")
                                    .replace("%1", date_text(r.held_on)), danger=True):
            return
        try:
            self.repo.remove(r.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed()
