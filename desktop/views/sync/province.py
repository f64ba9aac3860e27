"""The province side: import packages (files, a whole folder, e-mail parts) with a dry run and
one summary table, trust a new district's key, held packages, acknowledgements, quarantine."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QListWidget, QPlainTextEdit,
    QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from desktop.models.errors import IsoDeskError
from sync import ack, importer, status
from sync.labels import table_title
from sync.peers import trust_sender

from ..common import show_error, show_info
from ..context import ViewContext
from .common import (
    in_background, make_table, removable_drives, selected_item, short_time, summary_status_text,
)
from .dialogs import TrustKeyDialog
from ..tables import Column, ItemsModel, SearchProxy, number_sort


class ImportPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.summaries: list = []
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Choose the packages (.isosync) and e-mail parts (.isopart) of "
                               "your districts — a whole folder or USB drive at once. Preview "
                               "first, then import: each package goes in completely or not at "
                               "all."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.files = QListWidget()
        self.files.setObjectName("import_files")
        self.files.setMaximumHeight(110)
        row.addWidget(self.files, 1)
        col = QVBoxLayout()
        for name, text, slot in (("add_files", self.tr("Add files…"), self.add_files),
                                 ("add_folder", self.tr("Add folder or drive…"), self.add_folder),
                                 ("clear_files", self.tr("Clear the list"), self.clear_files)):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            col.addWidget(b)
        col.addStretch(1)
        row.addLayout(col)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        self.preview_btn = QPushButton(self.tr("Preview (dry run)"))
        self.preview_btn.setObjectName("preview_import")
        self.preview_btn.clicked.connect(lambda: self.run(dry_run=True))
        self.import_btn = QPushButton(self.tr("Import"))
        self.import_btn.setObjectName("run_import")
        self.import_btn.setDefault(True)
        self.import_btn.clicked.connect(lambda: self.run(dry_run=False))
        self.trust_btn = QPushButton(self.tr("Check and trust the key…"))
        self.trust_btn.setObjectName("trust_key")
        self.trust_btn.clicked.connect(self.trust_selected)
        self.ack_btn = QPushButton(self.tr("Write acknowledgements…"))
        self.ack_btn.setObjectName("write_acks")
        self.ack_btn.clicked.connect(self.write_acks)
        for b in (self.preview_btn, self.import_btn, self.trust_btn, self.ack_btn):
            buttons.addWidget(b)
            b.setEnabled(ctx.can("sync"))
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.model = ItemsModel([
            Column(self.tr("File"), lambda s: s.package),
            Column(self.tr("District"), lambda s: s.sender or ""),
            Column(self.tr("No."), lambda s: s.seq, sort=lambda s: number_sort(s.seq),
                   align_right=True),
            Column(self.tr("Result"), self._result_text, colour=lambda s: s.status),
            Column(self.tr("Added"), lambda s: s.imported, sort=lambda s: s.imported,
                   align_right=True),
            Column(self.tr("Updated"), lambda s: s.updated, sort=lambda s: s.updated,
                   align_right=True),
            Column(self.tr("Ignored"), lambda s: s.ignored, sort=lambda s: s.ignored,
                   align_right=True),
            Column(self.tr("Deleted"), lambda s: s.deleted, sort=lambda s: s.deleted,
                   align_right=True),
            Column(self.tr("Quarantined"), lambda s: len(s.quarantined),
                   sort=lambda s: len(s.quarantined), align_right=True,
                   colour=lambda s: "warn" if s.quarantined else None),
            Column(self.tr("Message"), lambda s: s.message, tooltip=lambda s: s.message),
        ], blanks_last=True)
        self.proxy = SearchProxy()
        self.proxy.setSourceModel(self.model)
        self.view = make_table("import_summary", self.proxy, stretch=9)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.totals = QLabel()
        self.totals.setObjectName("import_totals")
        self.totals.setWordWrap(True)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("import_detail")
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(120)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.detail)

        held = QGroupBox(self.tr("Packages held because an earlier one is missing"))
        hl = QVBoxLayout(held)
        self.held = ItemsModel([
            Column(self.tr("District"), lambda h: h["peer"]),
            Column(self.tr("No."), lambda h: h["seq"], sort=lambda h: h["seq"]),
            Column(self.tr("Needs from No."), lambda h: h["from_seq"]),
            Column(self.tr("Received"), lambda h: short_time(h["received_at"])),
        ], blanks_last=True)
        self.held_view = make_table("held_packages", self.held, stretch=0)
        self.held_view.setMaximumHeight(130)
        hl.addWidget(self.held_view)
        accept = QPushButton(self.tr("Accept the gap and import the held packages"))
        accept.setObjectName("accept_gap")
        accept.clicked.connect(self.accept_gap)
        accept.setEnabled(ctx.can("sync"))
        hl.addWidget(accept)
        layout.addWidget(held)
        self._selected()
        self.refresh_held()

    def _result_text(self, s) -> str:
        if s.error_code == "new_sender_key":
            return self.tr("Key to check")
        if s.held:
            return self.tr("Held (gap)")
        if s.dry_run and s.status != "error":
            return self.tr("Preview: %1").replace("%1", summary_status_text(s.status))
        return summary_status_text(s.status)

    # --- choosing files --------------------------------------------------------------------

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def add_paths(self, paths) -> None:
        have = {str(p) for p in self.paths()}
        for p in paths:
            if str(p) not in have:
                self.files.addItem(str(p))
                have.add(str(p))

    def add_files(self, _checked=False) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Packages from the districts"), "",
            self.tr("Sync packages and parts (*.isosync *.isopart)"))
        self.add_paths(files)

    def add_folder(self, _checked=False) -> None:
        drives = removable_drives()
        start = drives[0][0] if drives else ""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder or USB drive with the "
                                                                "packages"), start)
        if folder:
            self.add_paths([folder])

    def clear_files(self) -> None:
        self.files.clear()

    # --- running ---------------------------------------------------------------------------

    def run(self, *, dry_run: bool, trust: bool = False, paths: list[Path] | None = None) -> None:
        replace = paths is not None
        paths = paths if paths is not None else self.paths()
        if not paths:
            show_error(self, self.tr("Add the package files or a folder first."))
            return
        busy = self.tr("Checking the packages…") if dry_run else self.tr("Importing…")
        in_background(self, self.ctx.store,
                      lambda s: importer.import_many(s, paths, dry_run=dry_run,
                                                     trust_new_sender=trust),
                      lambda result: self._show(result, replace=replace),
                      busy)

    def _show(self, summaries, replace: bool = False) -> None:
        if replace:
            done = {s.package for s in summaries}
            summaries = [s for s in self.summaries if s.package not in done] + list(summaries)
        self.summaries = list(summaries)
        self.model.set_items(self.summaries)
        counts = {k: sum(1 for s in self.summaries if s.status == k)
                  for k in ("ok", "warning", "error")}
        added = sum(s.imported for s in self.summaries)
        updated = sum(s.updated for s in self.summaries)
        quarantined = sum(len(s.quarantined) for s in self.summaries)
        dry = any(s.dry_run for s in self.summaries)
        self.totals.setText(
            (self.tr("Preview, nothing written. ") if dry else "") +
            self.tr("%1 packages: %2 OK, %3 with warnings, %4 refused. %5 records added, %6 "
                    "updated, %7 quarantined.")
            .replace("%1", str(len(self.summaries))).replace("%2", str(counts["ok"]))
            .replace("%3", str(counts["warning"])).replace("%4", str(counts["error"]))
            .replace("%5", f"{added:,}".replace(",", ".")).replace("%6", str(updated))
            .replace("%7", str(quarantined)))
        self.refresh_held()
        self.ctx.data_changed.emit("sync")

    def _selected(self, *_a) -> None:
        s = selected_item(self.view)
        self.trust_btn.setEnabled(s is not None and s.error_code == "new_sender_key"
                                  and self.ctx.can("sync"))
        if s is None:
            self.detail.setPlainText("")
            return
        lines = [s.message]
        lines += [f"{table_title(q['table'])} {q['id']}: {q['reason']}" for q in s.quarantined]
        lines += [self.tr("Missing packages %1 to %2 of %3").replace("%1", str(g["from"]))
                  .replace("%2", str(g["to"])).replace("%3", g["sender"]) for g in s.gaps]
        self.detail.setPlainText("\n".join(x for x in lines if x))

    def trust_selected(self) -> None:
        s = selected_item(self.view)
        if s is None or s.error_code != "new_sender_key":
            return
        path = next((p for p in self._files_for(s.package)), None)
        from sync.envelope import read_envelope

        try:
            env = read_envelope(path) if path else None
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        if env is None:
            show_error(self, self.tr("The file is no longer in the list."))
            return
        dialog = TrustKeyDialog(env.header["sender_name"], env.header["sender"],
                                env.sender_fingerprint, self)
        if not dialog.exec():
            return
        try:
            trust_sender(self.ctx.store, env.header["sender"], env.header["sender_sign_key"],
                         env.header["sender_enc_key"])
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        retry = [Path(p) for p in self._files_of_sender(s.sender)]
        self.run(dry_run=False, paths=retry, trust=False)

    def _files_for(self, name: str):
        for p in importer.expand_paths(self.paths()):
            if p.name == name:
                yield p

    def _files_of_sender(self, sender: str) -> list[Path]:
        return [Path(s_path) for s in self.summaries if s.sender == sender
                for s_path in self._files_for(s.package)]

    def refresh_held(self) -> None:
        self.held.set_items(status.held_packages(self.ctx.store))

    def accept_gap(self) -> None:
        h = selected_item(self.held_view) or (self.held.items[0] if self.held.items else None)
        if h is None:
            return
        summaries = importer.release_held(self.ctx.store, h["peer"], accept_gap=True)
        self._show(summaries)

    def write_acks(self, _checked=False, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Where to write the "
                                                                    "acknowledgements"))
        if not folder:
            return
        try:
            made = ack.write_acks(self.ctx.store, Path(folder))
        except IsoDeskError as exc:
            show_error(self, exc)
            return
        show_info(self, self.tr("%1 acknowledgements written to %2. Send each district its "
                                "file.").replace("%1", str(len(made))).replace("%2", folder))


class QuarantinePanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.resolved = QCheckBox(self.tr("Show resolved ones too"))
        self.resolved.setObjectName("show_resolved")
        self.resolved.toggled.connect(self.refresh)
        layout.addWidget(self.resolved)
        self.model = ItemsModel([
            Column(self.tr("Received"), lambda q: short_time(q["at"]), sort=lambda q: q["at"]),
            Column(self.tr("District"), lambda q: q["sender"]),
            Column(self.tr("No."), lambda q: q["seq"], sort=lambda q: q["seq"]),
            Column(self.tr("Kind"), lambda q: q["table_name"]),
            Column(self.tr("Record"), lambda q: q["record_id"]),
            Column(self.tr("Reason"), lambda q: q["reason"], tooltip=lambda q: q["reason"]),
            Column(self.tr("Resolved"), lambda q: short_time(q["resolved_at"]),
                   colour=lambda q: "ok" if q["resolved_at"] else "warn"),
        ], blanks_last=True)
        self.proxy = SearchProxy(lambda q: [q["sender"], q["reason"], q["table_name"]])
        self.proxy.setSourceModel(self.model)
        self.view = make_table("quarantine_table", self.proxy, stretch=5)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        self.data = QPlainTextEdit()
        self.data.setObjectName("quarantine_data")
        self.data.setReadOnly(True)
        split.addWidget(self.data)
        layout.addWidget(split, 1)
        note = QLabel(self.tr("A quarantined record did not go in; the rest of its package did. "
                              "The acknowledgement tells the district, which corrects the record "
                              "and sends it again."))
        note.setWordWrap(True)
        layout.addWidget(note)
        ctx.data_changed.connect(lambda _t: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.model.set_items(status.quarantine(self.ctx.store,
                                               include_resolved=self.resolved.isChecked()))

    def _selected(self, *_a) -> None:
        q = selected_item(self.view)
        self.data.setPlainText("" if q is None else json.dumps(q["data"], ensure_ascii=False,
                                                                indent=1))
