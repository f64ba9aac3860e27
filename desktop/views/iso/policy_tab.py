"""Quality policy and quality objectives: what is in force now, and what was issued before."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from desktop.models.errors import IsoDeskError
from desktop.models.iso.policy import KINDS, Policy, PolicyRepository

from ..common import confirm, show_error
from ..tables import Column, ItemsModel, SearchProxy, make_table
from .common import DateEdit, FormDialog, TextEdit, date_text, iso_key, select_where, selected_item
from .labels import label


class PolicyDialog(FormDialog):
    def __init__(self, repo: PolicyRepository, policy: Policy | None = None, kind: str = "policy",
                 parent=None):
        super().__init__(self.tr("Edit the quality policy / objectives") if policy
                         else self.tr("Record a new issue"), parent,
                         width=640)
        self.repo = repo
        self.policy = policy
        p = policy
        self.kind = QComboBox()
        for code in KINDS:
            self.kind.addItem(label("policy", code), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(p.kind if p else kind)))
        self.add("kind", self.tr("Kind:"), self.kind)
        self.title_edit = self.add("title", self.tr("Title:"), QLineEdit(p.title if p else ""))
        self.body = self.add("body", self.tr("Text:"), TextEdit(p.body if p else "", lines=8))
        self.year = QSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("not for one year"))
        self.year.setValue(p.year or 0 if p else 0)
        self.add("year", self.tr("For the year:"), self.year)
        self.issued_on = self.add("issued_on", self.tr("Issued on:"),
                                  DateEdit(p.issued_on if p else None))
        self.issued_by = self.add("issued_by", self.tr("Issued by:"),
                                  QLineEdit(p.issued_by if p else ""))
        self.issued_by.setPlaceholderText(self.tr("full name and position"))
        self.reference = self.add("reference", self.tr("Decision number:"),
                                  QLineEdit(p.reference if p else ""))
        self.finish()

    def on_save(self):
        values = {"kind": self.kind.currentData(), "title": self.title_edit.text(),
                  "body": self.body.value(), "year": self.year.value() or None,
                  "issued_on": self.issued_on.value(), "issued_by": self.issued_by.text(),
                  "reference": self.reference.text()}
        if self.policy is None:
            return self.repo.add(values)
        return self.repo.update(self.policy.id, values, expected_version=self.policy.version)


class PolicyTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.repo = PolicyRepository(ctx.store)
        editable = ctx.can("edit_records")
        layout = QVBoxLayout(self)
        current = QHBoxLayout()
        self.current: dict[str, QLabel] = {}
        for kind in KINDS:
            box = QGroupBox(self.tr("Current %1").replace("%1", label("policy", kind).lower()))
            inner = QVBoxLayout(box)
            text = QLabel()
            text.setObjectName(f"current_{kind}")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            inner.addWidget(text, 1)
            self.current[kind] = text
            current.addWidget(box, 1)
        layout.addLayout(current, 2)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("<b>Everything issued</b>")), 1)
        self.buttons = {}
        for name, text, slot in (("policy_add", self.tr("Record a new issue…"), self.add_policy),
                                 ("policy_edit", self.tr("Edit…"), self.edit_policy),
                                 ("policy_delete", self.tr("Delete"), self.delete_policy)):
            btn = QPushButton(text)
            btn.setObjectName(name)
            btn.clicked.connect(lambda _c=False, s=slot: s())
            btn.setVisible(editable)
            bar.addWidget(btn)
            self.buttons[name] = btn
        layout.addLayout(bar)
        self.model = ItemsModel([
            Column(self.tr("Kind"), lambda p: label("policy", p.kind)),
            Column(self.tr("Title"), lambda p: p.title or p.body.splitlines()[0][:80]),
            Column(self.tr("Year"), lambda p: str(p.year or ""), lambda p: p.year or 0),
            Column(self.tr("Issued on"), lambda p: date_text(p.issued_on),
                   lambda p: iso_key(p.issued_on)),
            Column(self.tr("Issued by"), lambda p: p.issued_by),
            Column(self.tr("Decision"), lambda p: p.reference),
        ], self, tooltip=lambda p: p.body)
        self.proxy = SearchProxy(lambda p: (p.title, p.body, p.issued_by), self)
        self.table = make_table("policy_table", self.proxy, source=self.model, stretch=1)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_policy() if editable else None)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_items(self.repo.list())
        for kind, widget in self.current.items():
            p = self.repo.current(kind)
            if p is None:
                widget.setText(self.tr("Not recorded yet."))
                continue
            head = self.tr("Issued on %1 by %2").replace("%1", date_text(p.issued_on))\
                .replace("%2", p.issued_by)
            if p.reference:
                head += f" ({p.reference})"
            body = "<br>".join(escape(line) for line in p.body.splitlines())
            title = f"<b>{escape(p.title)}</b><br>" if p.title else ""
            widget.setText(f"{title}<i>{escape(head)}</i><p>{body}</p>")
        self._selection_changed()

    def _selection_changed(self, *_args) -> None:
        on = self.selected() is not None
        self.buttons["policy_edit"].setEnabled(on)
        self.buttons["policy_delete"].setEnabled(on)

    def selected(self) -> Policy | None:
        return selected_item(self.table, self.model, self.proxy)

    def _changed(self, policy_id=None) -> None:
        self.ctx.announce_changes()
        self.reload()
        if policy_id:
            select_where(self.table, self.model, self.proxy, lambda p: p.id == policy_id)

    def add_policy(self) -> None:
        dlg = PolicyDialog(self.repo, None, parent=self)
        if dlg.exec():
            self._changed(dlg.saved.id)

    def edit_policy(self) -> None:
        p = self.selected()
        if p is not None and PolicyDialog(self.repo, p, parent=self).exec():
            self._changed(p.id)

    def delete_policy(self) -> None:
        p = self.selected()
        if p is None or not confirm(self, self.tr("Delete this entry? Use this only for an entry "
                                                  "made by mistake."), danger=True):
            return
        try:
            self.repo.remove(p.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._changed()
