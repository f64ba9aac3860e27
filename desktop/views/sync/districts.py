"""The province's list of districts: enrolment, keys, the province profile."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.models.errors import IsoDeskError, ValidationError
from desktop.models.settings import get_setting
from sync.keys import own_fingerprint
from sync.peers import MAILBOX_SETTING, export_province_profile, list_peers, update_district

from ..common import FieldErrors, confirm, show_error, show_info
from ..context import ViewContext
from ..files import save_file
from .common import key_state_text, selected_item, short_time
from .dialogs import AcceptKeyDialog, DistrictDialog
from ..tables import Column, ItemsModel, SearchProxy, make_table


class DistrictsPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.own = QLabel()
        self.own.setObjectName("province_fingerprint")
        self.own.setWordWrap(True)
        layout.addWidget(self.own)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("district_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by code or name (accents optional)"))
        bar.addWidget(self.search, 1)
        can = ctx.can("sync")
        self.add_btn = self._button(bar, "add_district", self.tr("Add…"), self.add, can)
        self.edit_btn = self._button(bar, "edit_district", self.tr("Edit…"), self.edit, can)
        self.key_btn = self._button(bar, "accept_changed_key", self.tr("Accept new key…"),
                                    self.accept_key, ctx.can("settings"))
        self.active_btn = self._button(bar, "deactivate_district", self.tr("Remove from list"),
                                       self.deactivate, can)
        layout.addLayout(bar)
        self.model = ItemsModel([
            Column(self.tr("Code"), lambda p: p.code),
            Column(self.tr("Name"), lambda p: p.name),
            Column(self.tr("E-mail"), lambda p: p.email),
            Column(self.tr("Key"), lambda p: key_state_text(p.key_state),
                   colour=lambda p: {"trusted": "ok", "key_changed": "late",
                                     "waiting": "warn"}[p.key_state]),
            Column(self.tr("Fingerprint"), lambda p: p.pending_fingerprint or p.fingerprint or ""),
            Column(self.tr("Imported up to No."), lambda p: p.applied_through,
                   sort=lambda p: p.applied_through, align_right=True),
            Column(self.tr("Last package received"), lambda p: short_time(p.last_received_at),
                   sort=lambda p: p.last_received_at or ""),
        ], blanks_last=True)
        self.proxy = SearchProxy(lambda p: [p.code, p.name, p.email])
        self.proxy.setSourceModel(self.model)
        self.view = make_table("districts_table", self.proxy, stretch=1)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        self.view.selectionModel().selectionChanged.connect(self._selected)
        layout.addWidget(self.view, 1)

        prof = QHBoxLayout()
        self.errors = FieldErrors()
        prof.addWidget(QLabel(self.tr("Province mailbox for packages:")))
        self.mailbox = QLineEdit(get_setting(ctx.store, MAILBOX_SETTING, "") or "")
        self.mailbox.setObjectName("province_mailbox")
        self.mailbox.setPlaceholderText("iso@bhxh-tinh.vn")
        prof.addWidget(self.mailbox, 1)
        export = QPushButton(self.tr("Export province profile…"))
        export.setObjectName("export_profile")
        export.clicked.connect(self.export_profile)
        export.setEnabled(can)
        prof.addWidget(export)
        layout.addLayout(prof)
        layout.addWidget(self.errors.label_for("email"))
        note = QLabel(self.tr("Give each district the profile file (USB or e-mail): it holds the "
                              "province's keys and the list of districts. Export it again after "
                              "adding districts."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.search.textChanged.connect(self.proxy.set_query)
        ctx.data_changed.connect(lambda _t: self.refresh())
        self.refresh()

    def _button(self, bar, name, text, slot, enabled) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        b.setVisible(enabled)
        bar.addWidget(b)
        return b

    def refresh(self) -> None:
        self.own.setText(self.tr("Key fingerprint of this province: <b>%1</b>")
                         .replace("%1", own_fingerprint(self.ctx.store)))
        self.model.set_items([p for p in list_peers(self.ctx.store, "district") if p.active])
        self._selected()

    def _selected(self, *_a) -> None:
        p = selected_item(self.view)
        self.edit_btn.setEnabled(p is not None)
        self.active_btn.setEnabled(p is not None)
        self.key_btn.setEnabled(p is not None and p.key_state == "key_changed")

    def add(self) -> None:
        dlg = DistrictDialog(self.ctx.store, parent=self)
        if dlg.exec():
            self.ctx.announce_changes()

    def edit(self) -> None:
        p = selected_item(self.view)
        if p is None:
            return
        dlg = DistrictDialog(self.ctx.store, p, parent=self)
        if dlg.exec():
            self.ctx.announce_changes()

    def accept_key(self) -> None:
        p = selected_item(self.view)
        if p is None:
            return
        if AcceptKeyDialog(self.ctx.store, p, self).exec():
            self.ctx.announce_changes()

    def deactivate(self) -> None:
        p = selected_item(self.view)
        if p is None or not confirm(self, self.tr(
                "Remove %1 from the list? Its packages will be refused; the records already "
                "received are kept.").replace("%1", p.name), danger=True):
            return
        update_district(self.ctx.store, p.code, active=False)
        self.ctx.announce_changes()

    def export_profile(self, _checked=False, path: str | None = None) -> None:
        if path is None:
            path = save_file(self, self.tr("Save the province profile"), "province-profile",
                             f"{self.ctx.store.unit_code}.isoprofile",
                             self.tr("Province profile (*.isoprofile)"))
        if not path:
            return
        try:
            made = export_province_profile(self.ctx.store, Path(path), email=self.mailbox.text())
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.errors.clear()
        show_info(self, self.tr("Saved %1. Key fingerprint to compare by phone: %2")
                  .replace("%1", str(made)).replace("%2", own_fingerprint(self.ctx.store)))
