"""The minutes editor window: one revision, saved as one types, locked once signed.

Every edit restarts a short timer; when it fires the whole form goes to the autosave buffer in
the database (one statement), so a crash loses at most the last second of typing. "Save", closing
the window, signing, previewing and a periodic checkpoint write the draft record itself (with
its audit entry). A signed revision opens read-only; a change makes a new revision.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton,
    QVBoxLayout, QWidget,
)

from desktop.output.minutes_pdf import unprintable
from desktop.models import minutes as M
from desktop.models import oserrors
from desktop.models.errors import IsoDeskError, ValidationError
from desktop.models.staff import StaffRepository
from desktop.models.users import list_users
from desktop.models.vntext import person_sort_key

from ..common import fit_to_screen, show_error, show_info, vn_datetime
from ..context import ViewContext
from ..files import open_file, save_file
from .editor_form import MinutesForm
from .editor_tables import RosterPicker

AUTOSAVE_MS = 800
CHECKPOINT_MS = 60_000


class MinutesEditor(QWidget):
    """Edit (or read) one revision of a minutes."""

    saved = Signal(str)  # minutes id, after any change that reached the database
    recovery_dropped = Signal()  # the typing kept after a crash was thrown away

    def __init__(self, ctx: ViewContext, revision_id: str, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.store = ctx.store
        self.rev: M.Revision | None = None
        self.dirty = False          # typed since the last save of the record
        self.buffered = False       # typed since the last autosave
        self.setObjectName("minutes_editor")
        fit_to_screen(self, 980, 760)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("editor_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(self.tr("Revision:")))
        self.revision_box = QComboBox()
        self.revision_box.setObjectName("revision_box")
        self.revision_box.activated.connect(self._pick_revision)
        top.addWidget(self.revision_box)
        layout.addLayout(top)

        self.banner = QFrame()
        self.banner.setObjectName("editor_banner")
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("banner_text")
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.TextFormat.RichText)
        banner_layout.addWidget(self.banner_text, 1)
        self.banner_button = QPushButton()
        self.banner_button.setObjectName("banner_button")
        self.banner_button.clicked.connect(self._banner_action)
        banner_layout.addWidget(self.banner_button)
        self._banner_slot = None
        layout.addWidget(self.banner)

        self.form = MinutesForm(self)
        self.form.changed.connect(self._on_changed)
        self.form.unit_buttons["add_from_roster"].clicked.connect(self.add_from_roster)
        self.form.default_destinations.clicked.connect(self._default_destinations)
        self.form.attachment_buttons["add_attachment"].clicked.connect(self.add_attachment)
        self.form.attachment_buttons["save_attachment"].clicked.connect(self.save_attachment)
        self.form.attachment_buttons["remove_attachment"].clicked.connect(self.remove_attachment)
        layout.addWidget(self.form, 1)

        self.readiness = QLabel()
        self.readiness.setObjectName("readiness")
        self.readiness.setWordWrap(True)
        layout.addWidget(self.readiness)
        bottom = QHBoxLayout()
        self.save_state = QLabel()
        self.save_state.setObjectName("save_state")
        self.save_state.setStyleSheet("color: #555;")
        bottom.addWidget(self.save_state, 1)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("save", self.tr("&Save"), lambda: self.save()),
            ("preview", self.tr("Pre&view and print…"), self.preview),
            ("sign", self.tr("S&ign…"), self.sign),
            ("new_revision", self.tr("Make a &new revision…"), self.new_revision),
            ("close", self.tr("Close"), self.close),
        ):
            btn = QPushButton(text)
            btn.setObjectName(f"editor_{name}")
            btn.clicked.connect(slot)
            bottom.addWidget(btn)
            self.buttons[name] = btn
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save())
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.preview)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.checkpoint_timer = QTimer(self)
        self.checkpoint_timer.setInterval(CHECKPOINT_MS)
        self.checkpoint_timer.timeout.connect(self._checkpoint)
        self.checkpoint_timer.start()
        self._fill_people()
        self.load(revision_id)

    # --- loading ----------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        rev = self.rev
        return (rev is not None and rev.is_draft and rev.is_latest and self.ctx.can("write_minutes")
                and (not self.store.unit_code or rev.origin_unit == self.store.unit_code))

    def _fill_people(self) -> None:
        staff = StaffRepository(self.store).list(include_inactive=False)
        accounts = [u for u in list_users(self.store, include_inactive=False)]
        names = sorted({p.full_name for p in staff} | {u.full_name for u in accounts},
                       key=person_sort_key)
        self.form.set_people(names)

    def load(self, revision_id: str) -> None:
        self.autosave_timer.stop()
        self.rev = M.load_revision(self.store, revision_id)
        rev = self.rev
        self.form.set_read_only(not self.editable)
        data = rev.draft_data()
        recovered = M.autosave.load(self.store, rev.id) if self.editable else None
        if recovered:
            data = {**data, **recovered["payload"]}
        self.form.set_state(data)
        self.form.attachments_model.set_items(rev.attachments)
        self.dirty = bool(recovered)
        self.buffered = False
        self._refresh_revisions()
        self._update_heading()
        self._update_banner(recovered)
        self.form.show_errors({})
        self._update_readiness()
        self.save_state.setText("")
        for name in ("save", "sign"):
            self.buttons[name].setVisible(self.editable
                                          or (name == "sign" and rev.status == "signed"
                                              and rev.is_latest))
        self.buttons["new_revision"].setVisible(
            not rev.is_draft and rev.is_latest and self.ctx.can("write_minutes")
            and (not self.store.unit_code or rev.origin_unit == self.store.unit_code))
        self.buttons["sign"].setText(self.tr("Con&firm…") if rev.status == "signed"
                                     else self.tr("S&ign…"))

    def _refresh_revisions(self) -> None:
        self.revision_box.clear()
        for r in M.history(self.store, self.rev.minutes_id):
            label = {"draft": self.tr("draft"), "signed": self.tr("signed"),
                     "confirmed": self.tr("confirmed")}[r.status]
            self.revision_box.addItem(f"{r.revision_no} ({label})", r.id)
            if r.id == self.rev.id:
                self.revision_box.setCurrentIndex(self.revision_box.count() - 1)
        self.revision_box.setEnabled(self.revision_box.count() > 1)

    def _pick_revision(self, index: int) -> None:
        rid = self.revision_box.itemData(index)
        if rid and rid != self.rev.id:
            if self.editable and self.dirty and not self.save():
                return
            self.load(rid)

    def _update_heading(self) -> None:
        rev = self.rev
        status = {"draft": self.tr("Draft"), "signed": self.tr("Signed, awaiting confirmation"),
                  "confirmed": self.tr("Confirmed")}[rev.status]
        number = rev.number or self.tr("(no number yet)")
        self.heading.setText(self.tr("<h2>Minutes %1</h2>").replace("%1", number)
                             + f"<p>{status}</p>")
        self.setWindowTitle(self.tr("Minutes %1 — %2").replace("%1", number)
                            .replace("%2", rev.subject or self.tr("(no subject)")))

    def _set_banner(self, html: str, colour: str, button: str | None = None, slot=None) -> None:
        self.banner.setStyleSheet(f"#editor_banner {{ background: {colour}; border-radius: 4px; }}")
        self.banner_text.setText(html)
        self.banner_button.setVisible(button is not None)
        if button:
            self.banner_button.setText(button)
        self._banner_slot = slot
        self.banner.setVisible(True)

    def _banner_action(self) -> None:
        if self._banner_slot is not None:
            self._banner_slot()

    def _update_banner(self, recovered: dict | None) -> None:
        rev = self.rev
        self.banner.setVisible(False)
        if recovered:
            self._set_banner(self.tr("<b>Recovered typing.</b> The program closed before these "
                                     "changes (typed at %1) were saved; they are shown here. "
                                     "Save to keep them.").replace("%1",
                                                                   vn_datetime(recovered["saved_at"])),
                             "#fff4e0", self.tr("Discard recovered changes"),
                             self.discard_recovered)
            return
        if rev.is_draft:
            if not rev.is_latest:
                self._set_banner(self.tr("An older draft, kept for the record."), "#eef2f7")
            return
        check = M.verify_revision(self.store, rev)
        if not check.valid:
            self._set_banner(self.tr("<b>This copy was altered after signing.</b> The signatures "
                                     "no longer match what is stored: ")
                             + "<br>".join(check.all_problems), "#fde7e9")
            return
        sigs = "; ".join(f"{s['full_name']} ({s['meaning_text']}, {vn_datetime(s['signed_at'])})"
                         for s in rev.signatures)
        text = self.tr("<b>Signed and locked.</b> %1").replace("%1", sigs)
        if not rev.is_latest:
            text += self.tr("<br>A newer revision exists; this one stays readable as it was "
                            "signed.")
        elif self.ctx.can("write_minutes"):
            text += self.tr("<br>To change it, make a new revision: it will need signing again.")
        self._set_banner(text, "#e6f4ea")

    # --- typing and autosave ----------------------------------------------------------------
    def _on_changed(self) -> None:
        if not self.editable:
            return
        self.dirty = True
        self.buffered = True
        self.save_state.setText(self.tr("Typing…"))
        self.autosave_timer.start()

    def autosave_now(self) -> None:
        """Put the form into the autosave buffer (called by the timer)."""
        if not self.editable or not self.buffered:
            return
        state = self.form.state()
        try:
            at = M.autosave.save(self.store, self.rev.id, state,
                                 username=self.ctx.user.username if self.ctx.user else "",
                                 base_version=self.rev.version)
        except Exception as exc:  # the disk is full or the file is locked: say so, keep typing
            self.save_state.setText(self.tr("Could not keep a recovery copy: %1")
                                    .replace("%1", str(exc)))
            return
        self.buffered = False
        self.save_state.setText(self.tr("Recovery copy kept at %1 — not saved yet")
                                .replace("%1", _dt.datetime.fromisoformat(at).strftime("%H:%M:%S")))
        self._update_readiness(state)

    def _live_errors(self, state: dict) -> dict[str, str]:
        errors = M.text_errors(state, unprintable)
        try:
            M.fields.validate(state)
        except ValidationError as exc:
            errors.update(exc.errors)
        return errors

    def _update_readiness(self, state: dict | None = None) -> None:
        if not self.editable:
            self.readiness.setText("")
            return
        state = state or self.form.state()
        errors = self._live_errors(state)
        self.form.show_errors(errors)
        missing = M.fields.missing_for_signing(state)
        gaps = [M.fields.FIELD_LABELS_VI[k] for k in ("subject", "content", "conclusions")
                if "…" in (state.get(k) or "")]
        if not missing and not errors and gaps:
            self.readiness.setText(self.tr("Ready to sign, but “…” is still left to fill in: %1")
                                   .replace("%1", ", ".join(gaps)))
            self.readiness.setStyleSheet("color: #a15c00;")
        elif not missing and not errors:
            self.readiness.setText(self.tr("Ready to sign."))
            self.readiness.setStyleSheet("color: #1b6e20;")
        else:
            labels = sorted({M.fields.FIELD_LABELS_VI.get(k.split("[")[0], k)
                             for k in {**missing, **errors}})
            self.readiness.setText(self.tr("Before signing, complete: %1")
                                   .replace("%1", ", ".join(labels)))
            self.readiness.setStyleSheet("color: #a15c00;")

    def _checkpoint(self) -> None:
        if self.editable and self.dirty:
            self.save(quiet=True)

    def save(self, *, quiet: bool = False) -> bool:
        """Write the draft record. False (with the errors shown) when it can't be saved."""
        if not self.editable:
            return True
        self.autosave_timer.stop()
        state = self.form.state()
        try:
            rev = M.save_draft(self.store, self.rev.id, state, expected_version=self.rev.version,
                               text_check=unprintable)
        except IsoDeskError as exc:
            return self.not_saved(exc, quiet=quiet)
        self.rev = rev
        self.form.set_ids([p["id"] for p in rev.participants], [a["id"] for a in rev.action_items])
        if self.form.number.text() != rev.number:
            self.form._loading = True
            self.form.number.setText(rev.number)
            self.form._loading = False
        self.dirty = self.buffered = False
        self.save_state.setText(self.tr("Saved at %1").replace(
            "%1", _dt.datetime.now().strftime("%H:%M:%S")))
        self._update_heading()
        self._update_readiness()
        self.saved.emit(rev.minutes_id)
        return True

    def not_saved(self, exc: IsoDeskError, *, quiet: bool) -> bool:
        """A save refused: the typing kept as a recovery copy, the reason shown (beside the
        fields for a form error). Returns False."""
        self.autosave_now()
        if isinstance(exc, ValidationError):
            self.form.show_errors(exc.errors)
            if not quiet:
                tab = self.form.first_error_tab(exc.errors)
                if tab is not None:
                    self.form.tabs.setCurrentIndex(tab)
                self.save_state.setText(self.tr("Not saved: correct the fields marked in red. "
                                                "Your typing is kept."))
        elif not quiet:
            show_error(self, exc)
        return False

    def discard_recovered(self) -> None:
        M.autosave.discard(self.store, self.rev.id)
        self.load(self.rev.id)
        self.recovery_dropped.emit()

    def closeEvent(self, event) -> None:
        if self.editable and (self.dirty or self.buffered):
            if not self.save():
                box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"),
                                  self.tr("The minutes could not be saved (see the fields marked "
                                          "in red). What you typed is kept as a recovery copy and "
                                          "will be offered when you open this minutes again."),
                                  QMessageBox.StandardButton.NoButton, self)
                stay = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
                box.addButton(self.tr("Close"), QMessageBox.ButtonRole.AcceptRole)
                box.setDefaultButton(stay)
                box.exec()
                if box.clickedButton() is stay:
                    event.ignore()
                    return
        self.autosave_timer.stop()
        self.checkpoint_timer.stop()
        super().closeEvent(event)

    # --- participants, copies, attachments ----------------------------------------------------
    def roster_people(self) -> list[dict]:
        people = [{"name": p.full_name, "position": p.position, "department": p.department,
                   "staff_id": p.id}
                  for p in StaffRepository(self.store).list(include_inactive=False)]
        known = {p["name"] for p in people}
        team = self.tr("ISO team")
        for u in list_users(self.store, include_inactive=False):
            if u.role in ("iso_team", "admin") and u.full_name not in known:
                people.append({"name": u.full_name, "position": u.position, "department": team,
                               "staff_id": None})
        return people

    def add_from_roster(self, _checked=False, names: list[str] | None = None) -> None:
        picker = RosterPicker(self.roster_people(), self)
        if names is not None:
            picker.select_names(names)
            chosen = picker.chosen()
        elif picker.exec():
            chosen = picker.chosen()
        else:
            return
        present = {r.get("name") for r in self.form.unit_model.rows}
        for p in chosen:
            if p["name"] not in present:
                self.form.unit_model.add_row({"name": p["name"], "position": p["position"],
                                              "organisation": "", "staff_id": p["staff_id"]})

    def _default_destinations(self) -> None:
        profile = self.ctx.profile
        dests = M.fields.default_copy_destinations(profile.parent_name if profile else None)
        self.form.copies.setValue(len(dests))
        self.form.destinations.setPlainText("\n".join(dests))

    def _selected_attachment(self) -> dict | None:
        rows = self.form.attachments_view.selectionModel().selectedRows()
        rows = rows or self.form.attachments_view.selectionModel().selectedIndexes()
        return self.form.attachments_model.items[rows[0].row()] if rows else None

    def add_attachment(self, _checked=False, path: str | None = None) -> None:
        if path is None:
            path = open_file(self, self.tr("Attach a file"), "attachment")
        if not path:
            return
        try:
            M.add_attachment_file(self.store, self.rev.id, Path(path))
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.rev = M.load_revision(self.store, self.rev.id)
        self.form.attachments_model.set_items(self.rev.attachments)
        self.saved.emit(self.rev.minutes_id)

    def remove_attachment(self) -> None:
        att = self._selected_attachment()
        if att is None:
            return
        try:
            M.remove_attachment(self.store, att["id"])
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.rev = M.load_revision(self.store, self.rev.id)
        self.form.attachments_model.set_items(self.rev.attachments)
        self.saved.emit(self.rev.minutes_id)

    def save_attachment(self, _checked=False, path: str | None = None) -> None:
        att = self._selected_attachment()
        if att is None:
            show_info(self, self.tr("Select a file in the list first."))
            return
        if path is None:
            path = save_file(self, self.tr("Save a copy of the file"), "attachment", att["name"])
        if not path:
            return
        try:
            Path(path).write_bytes(M.attachment_bytes(self.store, att))
        except IsoDeskError as exc:
            show_error(self, exc)
        except OSError as exc:
            show_error(self, self.tr("Could not write %1: %2").replace("%1", str(path))
                       .replace("%2", oserrors.reason(exc)))

    # --- signing, preview, revisions ------------------------------------------------------------
    def sign(self) -> None:
        from .sign_dialog import SignDialog

        if self.editable:
            if not self.save():
                return
            missing = M.fields.missing_for_signing(self.rev.draft_data())
            if missing:
                self.form.show_errors(missing)
                tab = self.form.first_error_tab(missing)
                if tab is not None:
                    self.form.tabs.setCurrentIndex(tab)
                show_error(self, self.tr("The minutes can't be signed yet. Complete the fields "
                                         "marked in red:\n") + "\n".join(missing.values()))
                return
        dialog = SignDialog(self.ctx, self.rev.id, self)
        if dialog.exec():
            self.load(self.rev.id)
            self.saved.emit(self.rev.minutes_id)

    def preview(self) -> None:
        from .preview import PreviewDialog

        if self.editable and self.dirty and not self.save():
            return
        PreviewDialog(self.ctx, self.rev.id, self).exec()

    def new_revision(self, _checked=False, reason: str | None = None) -> None:
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("New revision"),
                self.tr("Minutes %1 is signed. A new revision copies it as a draft; it must be "
                        "signed again. The signed revision stays as it is.\n\nReason for the "
                        "change:").replace("%1", self.rev.number))
            if not ok:
                return
        try:
            rev = M.new_revision(self.store, self.rev.minutes_id, reason=reason)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.load(rev.id)
        self.saved.emit(rev.minutes_id)
