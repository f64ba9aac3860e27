"""The district side: send a package (USB drive, folder, e-mail), import an acknowledgement,
the packages sent, the outbox, and each record's sync state."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPushButton, QSplitter, QVBoxLayout, QWidget,
)
from PySide6.QtCore import Qt

from desktop.models import sync_outbox
from desktop.models.errors import IsoDeskError
from sync import ack, exporter, mail, status
from sync.labels import sent_via_label, table_label, table_title
from sync.peers import list_peers

from ..common import compact_combo, empty_hint, scrolling, show_error
from ..context import ViewContext
from ..files import choose_folder, open_file
from ..flow import FlowLayout
from ..operation import run_operation
from .common import (
    package_status_text, record_state_text, removable_drives, selected_item, send_due,
    short_time,
)
from ..tables import Column, ItemsModel, SearchProxy, make_table, number_sort


@dataclass
class _Made:
    """A package made earlier, used again (for the e-mail)."""
    package_id: str


class SendPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_result = None
        outer = QVBoxLayout(self)   # scrolls up and down on a short screen (125 %)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.province_label = QLabel()
        self.province_label.setObjectName("province_label")
        self.province_label.setWordWrap(True)
        layout.addWidget(self.province_label)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending_label")
        self.pending_label.setWordWrap(True)
        layout.addWidget(self.pending_label)

        box = QGroupBox(self.tr("Send the changes to the province"))
        form = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("USB drive or folder:")))
        self.drive = QComboBox()
        self.drive.setObjectName("drive")
        compact_combo(self.drive, 20)
        # Qt makes the box as wide as its placeholder: a short one, the advice in the tooltip
        self.drive.setPlaceholderText(self.tr("No USB drive found"))
        self.drive.setToolTip(self.tr("Plug in a USB drive, then press “Refresh drives”; or "
                                      "choose a folder."))
        self.drive.currentIndexChanged.connect(lambda _i: self._update_buttons())
        row.addWidget(self.drive, 1)
        refresh = QPushButton(self.tr("Refresh drives"))
        refresh.setObjectName("refresh_drives")
        refresh.clicked.connect(self.refresh_drives)
        row.addWidget(refresh)
        choose = QPushButton(self.tr("Choose folder…"))
        choose.setObjectName("choose_folder")
        choose.clicked.connect(self.choose_folder)
        row.addWidget(choose)
        form.addLayout(row)
        self.full = QCheckBox(self.tr("Full package (everything again, when the province asks)"))
        self.full.setObjectName("full_package")
        form.addWidget(self.full)
        buttons = FlowLayout()   # wraps on a narrow screen
        self.export_btn = QPushButton(self.tr("Write package to the drive"))
        self.export_btn.setObjectName("export_package")
        self.export_btn.setDefault(True)
        self.export_btn.clicked.connect(self.export_to_drive)
        self.eml_btn = QPushButton(self.tr("Save as e-mail (.eml)…"))
        self.eml_btn.setObjectName("save_eml")
        self.eml_btn.clicked.connect(self.save_eml)
        self.smtp_btn = QPushButton(self.tr("Send by e-mail now"))
        self.smtp_btn.setObjectName("send_smtp")
        self.smtp_btn.clicked.connect(self.send_smtp)
        self.ack_btn = QPushButton(self.tr("Import acknowledgement…"))
        self.ack_btn.setObjectName("import_ack")
        self.ack_btn.clicked.connect(self.import_ack)
        for b in (self.export_btn, self.eml_btn, self.smtp_btn, self.ack_btn):
            buttons.addWidget(b)
        form.addLayout(buttons)
        self.result_label = QLabel()
        self.result_label.setObjectName("send_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addWidget(self.result_label)
        layout.addWidget(box)

        self.packages = ItemsModel([
            Column(self.tr("No."), lambda p: p["seq"], sort=lambda p: p["seq"], align_right=True),
            Column(self.tr("File"), lambda p: p["file_name"]),
            Column(self.tr("Made"), lambda p: short_time(p["created_at"]),
                   sort=lambda p: p["created_at"]),
            Column(self.tr("Status"), lambda p: package_status_text(p["status"]),
                   colour=lambda p: {"acknowledged": "ok", "refused": "late",
                                     "held": "warn", "created": "warn"}.get(p["status"])),
            Column(self.tr("Sent by"), lambda p: sent_via_label(p["sent_via"])),
            Column(self.tr("Records"), lambda p: sum((p["counts"].get("tables") or {}).values()),
                   align_right=True),
            Column(self.tr("Files"), lambda p: p["counts"].get("blobs", 0), align_right=True),
        ], blanks_last=True)
        self.packages_proxy = SearchProxy()
        self.packages_proxy.setSourceModel(self.packages)
        self.packages_view = make_table("packages_table", self.packages_proxy, stretch=1)
        self.outbox = ItemsModel([
            Column(self.tr("Message"), lambda o: o["subject"]),
            Column(self.tr("Status"), lambda o: {"waiting": self.tr("Waiting"),
                                                 "sent": self.tr("Sent"),
                                                 "cancelled": self.tr("Cancelled")}[o["status"]],
                   colour=lambda o: "warn" if o["status"] == "waiting" and o["attempts"] else None),
            Column(self.tr("Attempts"), lambda o: o["attempts"], align_right=True),
            Column(self.tr("Next try"), lambda o: short_time(o["next_try_at"])
                   if o["status"] == "waiting" else ""),
            Column(self.tr("Last error"), lambda o: o["last_error"]),
        ], blanks_last=True)
        self.outbox_view = make_table("outbox_table", self.outbox, stretch=0)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(QLabel(self.tr("<b>Packages made</b>")))
        tl.addWidget(self.packages_view)
        self.again_btn = QPushButton(self.tr("Copy the selected package again to the drive"))
        self.again_btn.setObjectName("copy_again")
        self.again_btn.clicked.connect(self.copy_again)
        tl.addWidget(self.again_btn)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(QLabel(self.tr("<b>E-mail outbox</b> (tried again automatically)")))
        bl.addWidget(self.outbox_view)
        retry = QPushButton(self.tr("Try sending now"))
        retry.setObjectName("retry_outbox")
        retry.clicked.connect(self.retry_outbox)
        bl.addWidget(retry)
        split.addWidget(top)
        split.addWidget(bottom)
        layout.addWidget(split, 1)
        self.packages_empty = empty_hint(
            self.packages_view, "", button=self.tr("Enrol with the province…"),
            on_click=lambda: self.ctx.navigate.emit("sync/enrol"), model=self.packages)
        self.outbox_empty = empty_hint(
            self.outbox_view, "", button=self.tr("Set up the mail server…"),
            on_click=lambda: self.ctx.navigate.emit("sync/email"), model=self.outbox)
        outer.addWidget(scrolling(body))
        ctx.data_changed.connect(lambda _t: self.refresh())
        self.refresh_drives()
        self.refresh()

    # --- data ------------------------------------------------------------------------------

    def refresh(self) -> None:
        store = self.ctx.store
        peers = [p for p in list_peers(store, "province") if p.active]
        if peers:
            p = peers[0]
            self.province_label.setText(
                self.tr("Packages go to <b>%1</b> (%2), key fingerprint %3. Mailbox: %4.")
                .replace("%1", p.name).replace("%2", p.code)
                .replace("%3", p.fingerprint or "").replace("%4", p.email or "—"))
        else:
            self.province_label.setText(self.tr(
                "<b>Not enrolled yet.</b> Import the province profile file in the "
                "“Enrolment” tab first."))
        self.enrolled = bool(peers)
        self.smtp_ready = bool(mail.smtp_settings(store)["host"])
        self.packages_empty.setText(self.tr(
            "No package made yet. Write the changes to a USB drive or save them as an e-mail with "
            "the buttons above; each package is listed here until the province acknowledges "
            "it.") if self.enrolled else self.tr(
            "No package made yet: packages go to the province once this unit is enrolled with "
            "it (the province's profile file, .isoprofile)."))
        self.packages_empty.button.setVisible(not self.enrolled)
        self.outbox_empty.setText(self.tr(
            "Nothing waiting to be sent by e-mail. A package sent with “Send by e-mail now” "
            "waits here until the mail server has taken it, and is tried again by itself.")
            if self.smtp_ready else self.tr(
            "Nothing waiting to be sent by e-mail. To send packages by e-mail from here, set "
            "up the mail server first (or save a package as an e-mail and send it with your "
            "mail program)."))
        self.outbox_empty.button.setVisible(not self.smtp_ready and self.ctx.can("sync"))
        self._update_buttons()
        counts = status.state_counts(store)
        self.pending_label.setText(
            self.tr("Records: %1 not sent, %2 sent and waiting for the acknowledgement, %3 "
                    "received by the province, %4 refused.")
            .replace("%1", str(counts["not_sent"])).replace("%2", str(counts["sent"]))
            .replace("%3", str(counts["received"])).replace("%4", str(counts["refused"])))
        self.packages.set_items(status.packages(store, "out"))
        self.packages_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.outbox.set_items(sync_outbox.recent(store))

    def _update_buttons(self) -> None:
        can = getattr(self, "enrolled", False) and self.ctx.can("sync")
        has_target = bool(self.drive.currentData())
        for b in (self.eml_btn, self.ack_btn):
            b.setEnabled(can)
        self.export_btn.setEnabled(can and has_target)
        self.export_btn.setToolTip("" if has_target else self.tr(
            "Plug in a USB drive and press “Refresh drives”, or choose a folder."))
        if hasattr(self, "again_btn"):
            self.again_btn.setEnabled(has_target and self.ctx.can("sync"))
        ready = getattr(self, "smtp_ready", False)
        self.smtp_btn.setEnabled(can and ready)
        self.smtp_btn.setToolTip("" if ready else self.tr(
            "Set up the mail server in the “E-mail” tab first, or save the package as an "
            "e-mail (.eml) to send it with your mail program."))

    def refresh_drives(self) -> None:
        """List the drives on the thread pool: Windows may take half a minute to answer for a
        disconnected network drive, and the window must not freeze meanwhile."""
        self.drives_listed = False
        run_operation(self, lambda _job: removable_drives(), self._show_drives,
                      on_error=lambda _exc: self._show_drives([]))

    def _show_drives(self, drives: list[tuple[str, str]]) -> None:
        current = self.drive.currentData()
        self.drive.clear()
        for root, label in drives:
            self.drive.addItem(label, root)
        if current and self.drive.findData(current) < 0:
            self.drive.addItem(current, current)
        if current:
            self.drive.setCurrentIndex(self.drive.findData(current))
        self._update_buttons()
        self.drives_listed = True

    def choose_folder(self, _checked=False, folder: str | None = None) -> None:
        if folder is None:
            folder = choose_folder(self, self.tr("Choose the drive or folder"), "sync-package")
        if not folder:
            return
        if self.drive.findData(folder) < 0:
            self.drive.addItem(folder, folder)
        self.drive.setCurrentIndex(self.drive.findData(folder))

    # --- actions ---------------------------------------------------------------------------

    def _target(self) -> Path | None:
        folder = self.drive.currentData()
        if not folder:
            show_error(self, self.tr("Plug in a USB drive and press “Refresh drives”, or choose "
                                     "a folder."))
            return None
        return Path(folder)

    def _unchanged_package(self) -> dict | None:
        """The last package made, when nothing changed since (a new one would hold the same)."""
        store = self.ctx.store
        if self.full.isChecked() or status.state_counts(store)["not_sent"]:
            return None
        made = [p for p in status.packages(store, "out") if p["status"] in ("created", "sent")]
        return max(made, key=lambda p: p["seq"]) if made else None

    def _ask_reuse(self, package: dict) -> str | None:
        """"reuse" the last package, make a "new" one, or None (cancelled)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Nothing new"), self.tr(
            "Nothing changed since package No. %1 (made %2): a new package would hold the "
            "same records. Use package No. %1 again?").replace("%1", str(package["seq"]))
            .replace("%2", short_time(package["created_at"])),
            QMessageBox.StandardButton.NoButton, self)
        reuse = box.addButton(self.tr("Use package No. %1 again").replace(
            "%1", str(package["seq"])), QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(self.tr("Make a new package anyway"),
                            QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reuse)
        box.exec()
        return {reuse: "reuse", new: "new"}.get(box.clickedButton())

    def _reuse(self) -> tuple[bool, dict | None]:
        """(go on?, the package to use again or None to make a new one)."""
        last = self._unchanged_package()
        if last is None:
            return True, None
        choice = self._ask_reuse(last)
        return choice is not None, (last if choice == "reuse" else None)

    def export_to_drive(self) -> None:
        target = self._target()
        if target is None:
            return
        go, last = self._reuse()
        if not go:
            return
        if last is not None:
            self._copy(last, target)
            return
        full = self.full.isChecked()
        run_operation(self, lambda job: self._export(job, target, full), self._exported,
                      store=self.ctx.store, ctx=self.ctx,
                      text=self.tr("Writing the package and checking it…"))

    @staticmethod
    def _export(job, target: Path | None, full: bool):
        result = exporter.export_packages(job.store, target, full=full)[0]
        return result

    def _exported(self, result) -> None:
        self.last_result = result
        self.full.setChecked(False)
        n = sum(result.counts.values())
        text = self.tr("Done: %1 written and read back (records: %2, files: %3, %4 kB). You "
                       "can remove the drive.").replace("%1", str(result.copied_to)) \
            .replace("%2", str(n)).replace("%3", str(result.blobs)) \
            .replace("%4", str(result.size // 1024))
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        self.result_label.setText(text)

    def _make_then(self, then) -> None:
        full = self.full.isChecked()
        run_operation(self, lambda job: self._export(job, None, full), then,
                      store=self.ctx.store, ctx=self.ctx, text=self.tr("Making the package…"))

    def save_eml(self, _checked=False, folder: str | None = None) -> None:
        go, last = self._reuse()
        if not go:
            return
        if folder is None:
            folder = choose_folder(self, self.tr("Where to save the e-mail"), "sync-mail")
        if not folder:
            return

        def made(result):
            try:
                files = mail.write_eml(self.ctx.store, result.package_id, Path(folder))
            except IsoDeskError as exc:
                show_error(self, exc)
                return
            self.last_result = result
            self.result_label.setText(self.tr("Saved %1. Open it with your mail program and "
                                              "press Send.").replace("%1", ", ".join(
                                                  str(f) for f in files)))
            self.ctx.announce_changes("sync_packages")   # marked as sent

        if last is not None:
            made(_Made(last["package_id"]))
        else:
            self._make_then(made)

    def send_smtp(self) -> None:
        if not mail.smtp_settings(self.ctx.store)["host"]:
            show_error(self, self.tr("Set up the mail server in the “E-mail” tab first, or "
                                     "save the package as an e-mail (.eml) to send it with your "
                                     "mail program."))
            return
        go, last = self._reuse()
        if not go:
            return

        def made(result):
            try:
                mail.queue_email(self.ctx.store, result.package_id)
            except IsoDeskError as exc:
                show_error(self, exc)
                return
            self.last_result = result
            self.retry_outbox()

        if last is not None:
            made(_Made(last["package_id"]))
        else:
            self._make_then(made)

    def retry_outbox(self) -> None:
        sync_outbox.retry_now(self.ctx.store)

        def sent(res):
            if res["failed"] and not res["sent"]:
                self.result_label.setText(self.tr("Not sent yet: %1 It will be tried again "
                                                  "automatically.").replace("%1",
                                                                            res["errors"][0]))
            else:
                self.result_label.setText(self.tr("E-mail: %1 sent, %2 waiting.")
                                          .replace("%1", str(res["sent"]))
                                          .replace("%2", str(res["waiting"])))

        run_operation(self, send_due, sent, store=self.ctx.store, ctx=self.ctx,
                      text=self.tr("Sending e-mail…"))

    def copy_again(self) -> None:
        item = selected_item(self.packages_view)
        target = self._target() if item is not None else None
        if target is None:
            return
        self._copy(item, target)

    def _copy(self, item: dict, target: Path) -> None:
        try:
            dest = exporter.deliver_to_folder(self.ctx.store, item["package_id"], target,
                                              via="usb")
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.result_label.setText(self.tr("Copied again: %1").replace("%1", str(dest)))
        self.ctx.announce_changes("sync_packages")

    def import_ack(self, _checked=False, path: str | None = None) -> None:
        if path is None:
            path = open_file(self, self.tr("Acknowledgement from the province"), "sync-package",
                             self.tr("Sync files (*.isosync)"))
        if not path:
            return
        try:
            result = ack.import_ack(self.ctx.store, Path(path))
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        self.result_label.setText(result.message)
        self.ctx.announce_changes()


class RecordStatesPanel(QWidget):
    """Every record of this unit and whether the province has it."""

    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("state_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search (accents optional)"))
        self.state = QComboBox()
        self.state.setObjectName("state_filter")
        self.state.addItem(self.tr("All states"), "")
        for key in status.STATES:
            self.state.addItem(record_state_text(key), key)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.state)
        layout.addLayout(bar)
        self.model = ItemsModel([
            Column(self.tr("Kind"), lambda r: table_title(r["table"])),
            Column(self.tr("Record"), lambda r: r["label"]),
            Column(self.tr("Version"), lambda r: r["version"], sort=lambda r: r["version"],
                   align_right=True),
            Column(self.tr("Changed"), lambda r: short_time(r["updated_at"]),
                   sort=lambda r: r["updated_at"]),
            Column(self.tr("Sync state"), lambda r: record_state_text(r["state"]),
                   colour=lambda r: {"received": "ok", "refused": "late",
                                     "not_sent": "warn"}.get(r["state"])),
            Column(self.tr("Package"), lambda r: r["seq"], sort=lambda r: number_sort(r["seq"])),
            Column(self.tr("Reason"), lambda r: r["reason"]),
        ], blanks_last=True)
        self.proxy = SearchProxy(lambda r: [r["label"], table_label(r["table"]), r["reason"]])
        self.proxy.setSourceModel(self.model)
        self.view = make_table("record_states", self.proxy, stretch=1)
        layout.addWidget(self.view, 1)
        self.count = QLabel()
        self.count.setObjectName("state_count")
        layout.addWidget(self.count)
        self.search.textChanged.connect(self._filter)
        self.state.currentIndexChanged.connect(self._filter)
        ctx.data_changed.connect(lambda _t: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.model.set_items(status.record_states(self.ctx.store))
        self._filter()

    def _filter(self) -> None:
        wanted = self.state.currentData()
        self.proxy.set_predicate((lambda r: r["state"] == wanted) if wanted else None)
        self.proxy.set_query(self.search.text())
        self.count.setText(self.tr("%1 of %n record(s)", "", self.model.rowCount())
                           .replace("%1", str(self.proxy.rowCount())))
