"""The proctor's view of one session: who has not started, who is taking the test, who has
submitted (score, passed), refreshed live; and everything the proctor does around it (the kiosk,
people, documents, the paper fallback, kiosk PCs)."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMenu, QPushButton, QVBoxLayout, QWidget,
)

from desktop.demo.quiz import demo_pin as demo_pin_of
from desktop.output.quiz import reports as quiz_reports
from desktop.models.errors import IsoDeskError
from desktop.models.quiz import (bank, coverage, kiosk, kiosk_files, papers, results,
                                 sessions, web)
from desktop.models.staff import StaffRepository
from desktop.models.vntext import fold

from ..common import ElidedLabel, confirm, show_error, show_info
from ..context import ViewContext
from ..files import open_file, save_file
from ..flow import FlowLayout
from ..operation import Operation, run_operation
from ..tables import SearchProxy, make_table
from .dialogs import EvidenceDialog, PickStaffDialog, PinDialog, VariantsDialog
from .lan_panel import LanPanel
from .paper_entry_dialog import PaperEntryDialog
from .table_models import ROW_PADDING, PeopleModel

REFRESH_MS = 3000


class ProctorView(QWidget):
    changed = Signal()
    kiosk_started = Signal(object)

    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        self.session: sessions.Session | None = None
        self.kiosk_window = None
        manage = ctx.can("manage_quiz")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("proctor_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.warnings = QLabel()
        self.warnings.setObjectName("session_warnings")
        self.warnings.setStyleSheet("color: #a15c00;")
        self.warnings.setWordWrap(True)
        layout.addWidget(self.warnings)
        self.summary = QLabel()
        self.summary.setObjectName("proctor_summary")
        self.summary.setStyleSheet("font-weight: bold;")
        self.summary.setWordWrap(True)
        # the name search at the right end of the figures' line: a line of its own cost the
        # list of people rows on a laptop
        self.search = QLineEdit()
        self.search.setObjectName("people_search")
        self.search.setPlaceholderText(self.tr("Search a name"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 20)
        line = QHBoxLayout()
        line.addWidget(self.summary, 1)
        line.addWidget(self.search, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(line)

        bar = FlowLayout()   # wraps on a narrow screen instead of widening the window
        self.kiosk_button = QPushButton(self.tr("Start the test kiosk"))
        self.kiosk_button.setObjectName("start_kiosk")
        self.kiosk_button.setStyleSheet("font-weight: bold;")
        self.kiosk_button.clicked.connect(lambda: self.start_kiosk())
        bar.addWidget(self.kiosk_button)
        self.people_menu = self._menu_button(bar, self.tr("People"), "people_menu", [
            (self.tr("Add a person to the list…"), "add_person", self.add_person, True),
            (self.tr("Allow a retake"), "allow_retake", self.allow_retake, True),
            (self.tr("Mark present / absent"), "toggle_present", self.toggle_present, True),
            (self.tr("Show the answers…"), "show_answers", self.show_answers, True)])
        self.docs_menu = self._menu_button(bar, self.tr("Documents"), "docs_menu", [
            (self.tr("Results list (PDF)…"), "results_pdf", self.results_pdf, True),
            (self.tr("Results (Excel)…"), "results_xlsx", self.results_xlsx, True),
            (self.tr("Result slips (PDF)…"), "slips_pdf", self.slips_pdf, True)])
        self.paper_menu = self._menu_button(bar, self.tr("Paper test"), "paper_menu", [
            (self.tr("Print paper variants…"), "print_variants", self.print_variants, manage),
            (self.tr("Enter answers from paper…"), "enter_answers", self.enter_answers, True)])
        self.pcs_menu = self._menu_button(bar, self.tr("Kiosk PCs"), "pcs_menu", [
            (self.tr("Set the proctor's PIN…"), "set_pin", self.set_pin, True),
            (self.tr("Prepare another kiosk PC…"), "export_setup", self.export_setup, manage),
            (self.tr("Import a kiosk PC's results…"), "import_results", self.import_results,
             True),
            (self.tr("Export this PC's results (kiosk PC)…"), "export_results",
             self.export_results, True)])
        # The test in browsers over the office network (web and kiosk people share the list):
        # in the buttons' row, which wraps; a line of its own cost the list of people rows
        self.lan = LanPanel(self.store, self._selected_staff, self)
        self.lan.setObjectName("lan_panel")
        self.lan.changed.connect(self._done)
        bar.addWidget(self.lan)
        layout.addLayout(bar)

        self.model = PeopleModel(self)
        self.proxy = SearchProxy(parent=self)
        self.table = make_table("people_table", self.proxy, source=self.model,
                                stretch=PeopleModel.DEPARTMENT,
                                sort=(PeopleModel.NAME, Qt.SortOrder.AscendingOrder),
                                row_padding=ROW_PADDING)
        self.table.doubleClicked.connect(lambda _i: self.show_answers())
        layout.addWidget(self.table, 1)
        # the whole roster's figures: on a short screen (1280×720 at 125 %) one line ending in
        # "…", the names in its tooltip, so the list keeps its rows
        screen = self.screen().availableGeometry().height() if self.screen() else 800
        if screen < 650:
            self.coverage = ElidedLabel()
        else:
            self.coverage = QLabel()
            self.coverage.setWordWrap(True)
        self.coverage.setObjectName("roster_coverage")
        self.coverage.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.coverage)
        self.search.textChanged.connect(self.proxy.set_query)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._refresh_if_visible)
        self.timer.start()
        self.set_session(None)

    def _menu_button(self, bar, text, name, actions) -> QPushButton:
        # A push button with a menu is as wide as its text and arrow; a tool button's arrow
        # covered the end of its text.
        button = QPushButton(text)
        button.setObjectName(name)
        menu = QMenu(button)
        for label, action_name, slot, allowed in actions:
            if not allowed:
                continue
            act = menu.addAction(label)
            act.setObjectName(action_name)
            act.triggered.connect(lambda _c=False, s=slot: s())
        button.setMenu(menu)
        bar.addWidget(button)
        return button

    # --- data -------------------------------------------------------------------------------

    def set_session(self, session_id: str | None) -> None:
        self.session = sessions.get_session(self.store, session_id) if session_id else None
        enabled = self.session is not None
        for w in (self.kiosk_button, self.people_menu, self.docs_menu, self.paper_menu,
                  self.pcs_menu, self.search, self.table):
            w.setEnabled(enabled)
        self.lan.set_session(self.session)
        self.reload()

    def _refresh_if_visible(self) -> None:
        if self.isVisible() and self.session is not None:
            self.reload(keep_selection=True)

    def reload(self, *, keep_selection: bool = False) -> None:
        selected = self.selected()
        s = self.session
        if s is None:
            self.heading.setText(self.tr("<h3>Choose a training session</h3>"))
            self.warnings.clear()
            self.summary.clear()
            self.model.set_items([])
        else:
            self.session = s = sessions.get_session(self.store, s.id)
            parts = [self.tr("DVD") if s.part_dvd else None,
                     self.tr("consultant's guidance") if s.part_guidance else None,
                     self.tr("test") if s.part_test else None]
            times = f", {s.start_time}–{s.end_time}" if s.start_time and s.end_time else ""
            # the demo's PIN on the heading's date line, not a line of its own: on a laptop
            # every line above the list costs it a row of people
            demo_pin = demo_pin_of(self.store, s.id)
            demo = (" · " + self.tr("Demo data: the proctor's PIN is %1.").replace(
                "%1", str(demo_pin))) if demo_pin else ""
            self.heading.setText(
                f"<b style='font-size: 12pt'>{_esc(s.display_title)}</b><br>"
                + _esc(f"{s.day:%d/%m/%Y}{times} — {s.place}")
                + (f"<span style='color: #a15c00;'>{_esc(demo)}</span>" if demo else "") + "<br>"
                + _esc(self.tr("Consultant: %1. Parts done: %2. Status: %3.")
                       .replace("%1", s.consultant or "—")
                       .replace("%2", ", ".join(p for p in parts if p) or "—")
                       .replace("%3", self.tr("open") if s.status == "open" else self.tr("closed"))))
            self.warnings.setText("\n".join(sessions.warnings(self.store, s)))
            rows = results.session_results(self.store, s.id)
            self.model.live = {r.staff_id: r for r in web.live_roster(self.store, s.id)}
            self.model.set_items(rows)
            t = results.session_summary(rows)
            self.summary.setText(self.tr("%1 on the list · %2 not started · %3 taking the test · "
                                         "%4 submitted · %5 passed · %6 not passed")
                                 .replace("%1", str(t["listed"]))
                                 .replace("%2", str(t["not_started"]))
                                 .replace("%3", str(t["in_progress"]))
                                 .replace("%4", str(t["submitted"]))
                                 .replace("%5", str(t["passed"])).replace("%6", str(t["failed"])))
        figures = coverage.training_coverage(self.store, unit_code=self.store.unit_code)
        names = ", ".join(p["full_name"] for p in figures["not_passed"][:12])
        more = len(figures["not_passed"]) - 12
        self.coverage.setText(self.tr("Whole roster: %1 staff subject to the test, %2 have "
                                      "passed a test; never passed (%3): %4")
                              .replace("%1", str(figures["subject_staff"]))
                              .replace("%2", str(figures["passed"]))
                              .replace("%3", str(len(figures["not_passed"])))
                              .replace("%4", (names + (f" … (+{more})" if more > 0 else ""))
                                       or self.tr("nobody")))
        self.warnings.setVisible(bool(self.warnings.text()))   # no empty line when none
        if keep_selection and selected is not None:
            self.select_staff(selected.staff_id)

    def selected(self) -> results.PersonResult | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.proxy.object_at(rows[0].row()) if rows else None

    def _selected_staff(self) -> str | None:
        person = self.selected()
        return person.staff_id if person else None

    def select_staff(self, staff_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.object_at(row).staff_id == staff_id:
                self.table.selectRow(row)
                return

    def _need_person(self) -> results.PersonResult | None:
        person = self.selected()
        if person is None:
            show_info(self, self.tr("Choose a person in the list first."))
        return person

    def _done(self) -> None:
        self.reload(keep_selection=True)
        self.ctx.announce_changes()
        self.changed.emit()

    # --- the kiosk ----------------------------------------------------------------------------

    def start_kiosk(self, *, fullscreen: bool = True):
        if self.session is None:
            return None
        if self.session.status != "open":
            show_error(self, self.tr("This session is closed. Reopen it to run the test."))
            return None
        try:
            papers.plan_counts(bank.active_pool(self.store), self.session.settings)
        except IsoDeskError as exc:
            show_error(self, exc)
            return None
        if not sessions.has_pin(self.store, self.session.id):
            if not PinDialog(self.store, self.session.id, self).exec():
                return None
        from .kiosk import KioskWindow
        from .kiosk_checks import pc_ready_for_kiosk

        if not pc_ready_for_kiosk(self):
            return None

        self.kiosk_window = KioskWindow(self.store, self.session.id)
        self.kiosk_window.pin.set_demo_pin(demo_pin_of(self.store, self.session.id))
        self.kiosk_window.left.connect(self._kiosk_left)
        self.kiosk_window.start(fullscreen=fullscreen)
        self.kiosk_started.emit(self.kiosk_window)
        return self.kiosk_window

    def _kiosk_left(self) -> None:
        # Called from inside the kiosk's own signal (its "leave" button is still being clicked):
        # the window is deleted later by the event loop, never here.
        window, self.kiosk_window = self.kiosk_window, None
        if window is not None:
            window.deleteLater()
        self._done()

    # --- people -------------------------------------------------------------------------------

    def add_person(self, staff_id: str | None = None) -> None:
        if self.session is None:
            return
        if staff_id is None:
            listed = {r.staff_id for r in self.model.items}
            people = [p for p in StaffRepository(self.store).list(include_inactive=False)
                      if p.id not in listed]
            dlg = PickStaffDialog(people, self.tr("Add a person to the attendance list"), self)
            if not dlg.exec() or dlg.chosen is None:
                return
            staff_id = dlg.chosen.id
        try:
            sessions.add_attendee(self.store, self.session.id, staff_id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self._done()
        self.select_staff(staff_id)

    def allow_retake(self) -> None:
        person = self._need_person()
        if person is None:
            return
        if not confirm(self, self.tr("Let %1 take the test once more?").replace(
                "%1", person.full_name)):
            return
        sessions.grant_retake(self.store, self.session.id, person.staff_id)
        self._done()

    def toggle_present(self) -> None:
        person = self._need_person()
        if person is None or not person.on_list:
            return
        sessions.set_present(self.store, self.session.id, person.staff_id, not person.present)
        self._done()

    def show_answers(self) -> None:
        person = self._need_person()
        if person is None:
            return
        if not person.attempt_id:
            show_info(self, self.tr("%1 has not taken the test yet.").replace(
                "%1", person.full_name))
            return
        self.evidence = EvidenceDialog(results.attempt_evidence(self.store, person.attempt_id),
                                       self)
        self.evidence.exec()

    # --- documents ----------------------------------------------------------------------------

    def _save_path(self, title: str, name: str, filter_text: str, path) -> str | None:
        if path is not None:
            return str(path)
        suffix = Path(name).suffix.lstrip(".").lower() or "file"
        kind = "kiosk-file" if suffix.startswith("iso") else f"training-{suffix}"
        return save_file(self, title, kind, name, filter_text) or None

    def _file_name(self, stem: str, suffix: str) -> str:
        return f"{stem}-{self.session.date}{suffix}" if self.session else stem + suffix

    def results_pdf(self, path=None) -> Operation | None:
        path = self._save_path(self.tr("Save the results list"),
                               self._file_name("ket-qua-kiem-tra", ".pdf"),
                               self.tr("PDF files (*.pdf)"), path)
        if not path:
            return None
        sid = self.session.id
        return self._report(lambda job: quiz_reports.results_pdf(job.store, sid, Path(path)),
                            self.tr("Writing the results list…"))

    def results_xlsx(self, path=None) -> Operation | None:
        path = self._save_path(self.tr("Save the results in Excel"),
                               self._file_name("ket-qua-kiem-tra", ".xlsx"),
                               self.tr("Excel files (*.xlsx)"), path)
        if not path:
            return None
        sid = self.session.id
        return self._report(lambda job: quiz_reports.results_xlsx(job.store, sid, Path(path)),
                            self.tr("Writing the results in Excel…"))

    def slips_pdf(self, path=None) -> Operation | None:
        path = self._save_path(self.tr("Save the result slips"),
                               self._file_name("phieu-ket-qua", ".pdf"),
                               self.tr("PDF files (*.pdf)"), path)
        if not path:
            return None
        sid = self.session.id
        return self._report(lambda job: quiz_reports.slips_pdf(job.store, sid, Path(path),
                                                               progress=job.progress),
                            self.tr("Writing the result slips…"), cancellable=True)

    def _report(self, work, text: str, *, cancellable: bool = False) -> Operation:
        """Write a document as an operation, then show it (a PDF in the preview)."""
        from ..pdf_preview import offer_preview

        return run_operation(self, work, lambda out: offer_preview(self, Path(out["file"])),
                             store=self.store, ctx=self.ctx, text=text,
                             cancellable=cancellable)

    def print_variants(self, count: int | None = None, path=None,
                       key_path=None) -> Operation | None:
        if count is None:
            dlg = VariantsDialog(len(papers.list_variants(self.store, self.session.id)), self)
            if not dlg.exec():
                return None
            count, with_key = dlg.count.value(), dlg.key.isChecked()
        else:
            with_key = key_path is not None
        path = self._save_path(self.tr("Save the paper variants"),
                               self._file_name("de-kiem-tra", ".pdf"),
                               self.tr("PDF files (*.pdf)"), path)
        if not path:
            return None
        if with_key and key_path is None:
            key_path = str(Path(path).with_name(Path(path).stem + "-dap-an.pdf"))
        sid, key = self.session.id, Path(key_path) if key_path else None

        def work(job):
            return quiz_reports.variants_pdf(job.store, sid, count, Path(path), key_path=key,
                                             progress=job.progress)

        def done(out):
            self.reload(keep_selection=True)
            self.changed.emit()
            offer_preview(self, Path(out["file"]))

        from ..pdf_preview import offer_preview

        return run_operation(self, work, done, store=self.store, ctx=self.ctx,
                             text=self.tr("Writing the paper variants…"), cancellable=True)

    def enter_answers(self) -> None:
        if not papers.list_variants(self.store, self.session.id):
            show_info(self, self.tr("Print the paper variants first: the answers are keyed in "
                                    "against the variant printed on each paper."))
            return
        self.entry = PaperEntryDialog(self.store, self.session.id, self)
        self.entry.exec()
        self._done()

    # --- kiosk PCs ------------------------------------------------------------------------------

    def set_pin(self) -> None:
        if PinDialog(self.store, self.session.id, self).exec():
            show_info(self, self.tr("The PIN was set."))

    def export_setup(self, path=None, label: str | None = None) -> None:
        if not sessions.has_pin(self.store, self.session.id):
            if not PinDialog(self.store, self.session.id, self).exec():
                return
        if label is None:
            label, ok = QInputDialog.getText(self, self.tr("Prepare a kiosk PC"),
                                             self.tr("Name of that PC (for example: Máy 2):"))
            if not ok:
                return
        path = self._save_path(self.tr("Save the file for the kiosk PC"),
                               self._file_name("may-kiem-tra", kiosk_files.SETUP_SUFFIX),
                               self.tr("Kiosk setup files (*.isokiosk)"), path)
        if not path:
            return
        try:
            out = kiosk_files.export_setup(self.store, self.session.id, Path(path), label=label)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %1. On the kiosk PC, open ISO Desk (same unit), go to "
                                "Training & quiz and choose \"Open a kiosk setup file\". Key "
                                "fingerprint: %2.").replace("%1", out["file"])
                  .replace("%2", out["fingerprint"]))

    def import_results(self, path=None) -> None:
        if path is None:
            path = open_file(self, self.tr("Results file of a kiosk PC"), "kiosk-file",
                             self.tr("Results files (*.isoresults)"))
        if not path:
            return
        try:
            out = kiosk_files.import_results(self.store, Path(path), session_id=self.session.id)
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        if out["already_imported"]:
            text = self.tr("This file was imported before: nothing was merged again.")
        elif not out["merged"]:
            text = self.tr("%1: nothing new; the %n attempt(s) in the file are already here. "
                           "Nothing was merged.", "", out["attempts_duplicate"]) \
                .replace("%1", out.get("kiosk_label") or "")
        else:
            text = self.tr("%1: %2 new attempts, %3 updated, %4 already here.") \
                .replace("%1", out.get("kiosk_label") or "") \
                .replace("%2", str(out["attempts_new"])) \
                .replace("%3", str(out["attempts_updated"])) \
                .replace("%4", str(out.get("attempts_duplicate", 0)))
        if out.get("warnings"):
            text += "\n\n" + "\n".join(out["warnings"])
        self._done()
        show_info(self, text)

    def export_results(self, path=None) -> None:
        if kiosk_files.kiosk_identity(self.store, self.session.id) is None:
            show_error(self, self.tr("This PC was not prepared as a kiosk PC of this session (no "
                                     "kiosk setup file was opened here), so it has no key to "
                                     "sign a results file. On the main PC, results are already "
                                     "here."))
            return
        name = "-".join(fold(kiosk.kiosk_name(self.store, self.session.id)).split())
        path = self._save_path(self.tr("Save the results file"),
                               self._file_name(f"ket-qua-{name}", kiosk_files.RESULTS_SUFFIX),
                               self.tr("Results files (*.isoresults)"), path)
        if not path:
            return
        try:
            out = kiosk_files.export_results(self.store, self.session.id, Path(path))
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("Saved %n attempt(s) to %2. Bring the file to the main PC and "
                                "import it there.", "", out["attempts"])
                  .replace("%2", out["file"]))


def _esc(text: str) -> str:
    return escape(text)
