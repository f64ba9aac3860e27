"""A new minutes before it is saved: the editor filled from the template, with no record, no
number and nothing in the register until the person saves (then it is the ordinary editor of
that minutes). Closing it unsaved asks whether to save it, drop it or keep writing. What is typed
goes to the autosave buffer of new minutes (one per kind and person), so a crash loses nothing:
the next new minutes of that kind offers it back."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox

from desktop.output.minutes_pdf import unprintable
from desktop.models import minutes as M
from desktop.models.errors import IsoDeskError

from ..context import ViewContext
from .editor import MinutesEditor


class NewMinutesEditor(MinutesEditor):
    created = Signal(str)   # minutes id, when the first save made the record

    def __init__(self, ctx: ViewContext, template: str, data: dict, parent=None):
        self.template = template
        self.initial = data
        username = ctx.user.username if ctx.user else ""
        self.buffer_key = M.autosave.new_minutes_key(template, username)
        super().__init__(ctx, None, parent)

    @property
    def is_new(self) -> bool:
        return self.rev is None

    @property
    def editable(self) -> bool:
        return self.ctx.can("write_minutes") if self.is_new else super().editable

    def load(self, revision_id: str | None) -> None:
        if revision_id is not None:
            super().load(revision_id)
            return
        self.autosave_timer.stop()
        self.rev = None
        self.form.set_read_only(not self.editable)
        recovered = M.autosave.load(self.store, self.buffer_key)
        self.form.set_state({**self.initial, **(recovered["payload"] if recovered else {})})
        self.form.attachments_model.set_items([])
        self.dirty = bool(recovered)
        self.buffered = False
        self.revision_box.clear()
        self.revision_box.setEnabled(False)
        self._update_heading()
        self._update_banner(recovered)
        self.form.show_errors({})
        self._update_readiness()
        self.save_state.setText(self.tr("Not saved yet"))
        for name in ("save", "sign"):
            self.buttons[name].setVisible(self.editable)
        self.buttons["new_revision"].setVisible(False)

    def _update_heading(self) -> None:
        if not self.is_new:
            super()._update_heading()
            return
        subject = self.form.subject.text() or self.tr("(no subject)")
        self.heading.setText(self.tr("<h2>New minutes</h2>") + "<p>" + self.tr(
            "Not saved yet: it gets its number and its place in the register when you save "
            "it.") + "</p>")
        self.setWindowTitle(self.tr("New minutes — %1").replace("%1", subject))

    def _update_banner(self, recovered: dict | None) -> None:
        if not self.is_new or recovered:
            super()._update_banner(recovered)
        else:
            self.banner.setVisible(False)

    def discard_recovered(self) -> None:
        if not self.is_new:
            super().discard_recovered()
            return
        M.autosave.discard(self.store, self.buffer_key)
        self.load(None)
        self.recovery_dropped.emit()

    def autosave_now(self) -> None:
        if not self.is_new:
            super().autosave_now()
            return
        if not self.editable or not self.buffered:
            return
        try:
            M.autosave.save(self.store, self.buffer_key, self.form.state(),
                            username=self.ctx.user.username if self.ctx.user else "")
        except Exception as exc:  # the disk is full or the file is locked: say so, keep typing
            self.save_state.setText(self.tr("Could not keep a recovery copy: %1")
                                    .replace("%1", str(exc)))
            return
        self.buffered = False
        self.save_state.setText(self.tr("Recovery copy kept — not saved yet"))
        self._update_readiness()

    def save(self, *, quiet: bool = False) -> bool:
        """The first save makes the record (and its number); later ones are ordinary saves."""
        if not self.is_new:
            return super().save(quiet=quiet)
        if not self.editable:
            return True
        self.autosave_timer.stop()
        try:
            rev = M.create(self.store, self.form.state(), template=self.template,
                           text_check=unprintable)
        except IsoDeskError as exc:
            return self.not_saved(exc, quiet=quiet)
        M.autosave.discard(self.store, self.buffer_key)
        self.created.emit(rev.minutes_id)
        super().load(rev.id)
        self.save_state.setText(self.tr("Saved as minutes %1").replace("%1", rev.number))
        self.saved.emit(rev.minutes_id)
        return True

    def _checkpoint(self) -> None:
        if not self.is_new:      # a new one is made only by the person's own save
            super()._checkpoint()

    def add_attachment(self, _checked=False, path: str | None = None) -> None:
        if self.is_new and not self.save():   # a file belongs to a saved minutes
            return
        super().add_attachment(_checked, path)

    def preview(self) -> None:
        if self.is_new and not self.save():
            return
        super().preview()

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.is_new or not self.editable:
            super().closeEvent(event)
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Save the new minutes?"),
                          self.tr("This new minutes has not been saved: it has no number and "
                                  "is not in the register. Save it?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("save_new_minutes")
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        save.setObjectName("save_new")
        drop = box.addButton(self.tr("Don't save"), QMessageBox.ButtonRole.DestructiveRole)
        drop.setObjectName("drop_new")
        stay = box.addButton(self.tr("Keep writing"), QMessageBox.ButtonRole.RejectRole)
        stay.setObjectName("keep_writing")
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            if not self.save():
                event.ignore()
                return
            super().closeEvent(event)
            return
        if clicked is drop:
            M.autosave.discard(self.store, self.buffer_key)
            self.autosave_timer.stop()
            self.checkpoint_timer.stop()
            self.dirty = self.buffered = False
            self.recovery_dropped.emit()
            event.accept()
            self.deleteLater()    # never saved: nothing to open again
            return
        event.ignore()
