"""The province side: import packages (files, a whole folder, e-mail parts) with a dry run and
one summary table, trust a new district's key, held packages, acknowledgements, quarantine."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QGroupBox, QLabel, QListWidget, QPlainTextEdit,
    QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from desktop.models.errors import IsoDeskError
from sync import ack, importer, status
from sync.labels import table_title
from sync.peers import get_peer, trust_sender

from ..common import confirm, show_error, show_info
from ..context import ViewContext
from ..operation import run_operation
from ..files import choose_folder, open_files
from ..flow import FlowLayout
from .common import removable_drives, selected_item, short_time
from .dialogs import TrustKeyDialog
from .results import COLOURS, category, contents_text, district_of, state_text, totals_text
from ..tables import Column, ItemsModel, SearchProxy, make_table, number_sort

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class ImportPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.summaries: list = []
        self.mismatched: set[str] = set()  # districts whose key was found not to match
        self.usb_start = ""   # where "Add folder" starts: the first USB drive, when there is one
        run_operation(self, lambda _job: removable_drives(), self._found_drives,
                      on_error=lambda _exc: None)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Choose the packages (.isosync) and e-mail parts (.isopart) of "
                               "your districts — a whole folder or USB drive at once. Preview "
                               "first, then import: each package goes in completely or not at "
                               "all."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.files = QListWidget()
        self.files.setObjectName("import_files")
        line = self.files.fontMetrics().lineSpacing()
        self.files.setFixedHeight(3 * (line + 2) + 2 * self.files.frameWidth() + 4)
        layout.addWidget(self.files)
        buttons = FlowLayout()   # wraps on a narrow screen
        for name, text, slot in (("add_files", self.tr("Add files…"), self.add_files),
                                 ("add_folder", self.tr("Add folder or drive…"), self.add_folder),
                                 ("clear_files", self.tr("Clear the list"), self.clear_files)):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addSpacing(16)
        self.preview_btn = QPushButton(self.tr("Preview (dry run)"))
        self.preview_btn.setObjectName("preview_import")
        self.preview_btn.clicked.connect(lambda: self.run(dry_run=True))
        self.import_btn = QPushButton(self.tr("Import"))
        self.import_btn.setObjectName("run_import")
        self.import_btn.setDefault(True)
        self.import_btn.clicked.connect(lambda: self.run(dry_run=False))
        self.trust_btn = QPushButton(self.tr("Check the keys of new districts…"))
        self.trust_btn.setObjectName("trust_key")
        self.trust_btn.setToolTip(self.tr("Goes through the new districts one after the other: "
                                          "compare each key by phone with the district."))
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
            Column(self.tr("District"), district_of),
            Column(self.tr("No."), lambda s: s.seq, sort=lambda s: number_sort(s.seq),
                   align_right=True),
            Column(self.tr("Result"), self._result_text, tooltip=self._row_tooltip,
                   colour=lambda s: COLOURS[category(s, self.mismatched)]),
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
            Column(self.tr("Message"), lambda s: s.message, tooltip=self._row_tooltip),
        ], blanks_last=True)
        self.proxy = SearchProxy()
        self.proxy.setSourceModel(self.model)
        self.view = make_table("import_summary", self.proxy, stretch=9)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.totals = QLabel()
        self.totals.setObjectName("import_totals")
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("import_detail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Select a package to see what it brought."))

        self.held_box = QGroupBox(self.tr("Packages held because an earlier one is missing"))
        self.held_box.setObjectName("held_box")
        hl = QVBoxLayout(self.held_box)
        self.held = ItemsModel([
            Column(self.tr("District"), lambda h: h["peer"]),
            Column(self.tr("No."), lambda h: h["seq"], sort=lambda h: h["seq"]),
            Column(self.tr("Needs from No."), lambda h: h["from_seq"]),
            Column(self.tr("Received"), lambda h: short_time(h["received_at"])),
        ], blanks_last=True)
        self.held_view = make_table("held_packages", self.held, stretch=0)
        self.held_view.selectionModel().selectionChanged.connect(self._held_selected)
        hl.addWidget(self.held_view)
        self.accept_btn = QPushButton(self.tr("Accept the gap and import the held packages…"))
        self.accept_btn.setObjectName("accept_gap")
        self.accept_btn.clicked.connect(self.accept_gap)
        hl.addWidget(self.accept_btn)

        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("import_split")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.view)
        self.split.addWidget(self.detail)
        self.split.addWidget(self.held_box)
        self.split.setStretchFactor(0, 5)
        self.split.setStretchFactor(1, 1)
        self.split.setStretchFactor(2, 1)
        self.split.setSizes([500, 90, 150])
        layout.addWidget(self.split, 1)
        self._selected()
        self.refresh_held()

    def _result_text(self, s) -> str:
        return state_text(category(s, self.mismatched), s.dry_run)

    def _row_tooltip(self, s) -> str:
        return "\n".join(x for x in (self._result_text(s), contents_text(s), s.message) if x)

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
        files = open_files(self, self.tr("Packages from the districts"), "sync-package",
                           self.tr("Sync packages and parts (*.isosync *.isopart)"))
        self.add_paths(files)

    def _found_drives(self, drives: list[tuple[str, str]]) -> None:
        self.usb_start = drives[0][0] if drives else ""

    def add_folder(self, _checked=False) -> None:
        start = self.usb_start   # found on the thread pool when the panel opened
        folder = choose_folder(self, self.tr("Folder or USB drive with the packages"),
                               "sync-package", start)
        if folder:
            self.add_paths([folder])

    def clear_files(self) -> None:
        self.files.clear()
        self.mismatched = set()

    # --- running ---------------------------------------------------------------------------

    def run(self, *, dry_run: bool, trust: bool = False, paths: list[Path] | None = None) -> None:
        replace = paths is not None
        paths = paths if paths is not None else self.paths()
        if not paths:
            show_error(self, self.tr("Add the package files or a folder first."))
            return
        busy = self.tr("Checking the packages…") if dry_run else self.tr("Importing…")
        def work(job):
            return importer.import_many(job.store, paths, dry_run=dry_run,
                                        trust_new_sender=trust)

        run_operation(self, work, lambda result: self._show(result, replace=replace),
                      store=self.ctx.store, ctx=self.ctx, text=busy)

    def _show(self, summaries, replace: bool = False) -> None:
        if replace:
            done = {s.package for s in summaries}
            summaries = [s for s in self.summaries if s.package not in done] + list(summaries)
        self.summaries = list(summaries)
        self.model.set_items(self.summaries)
        self.totals.setText(totals_text(self.summaries, self.mismatched))
        self.refresh_held()
        self._select_pending() or self._selected()

    def _pending_rows(self) -> list[int]:
        """Rows of the table (in its order) whose district's key is still to be checked."""
        return [r for r in range(self.proxy.rowCount())
                if category(self.proxy.index(r, 0).data(ITEM_ROLE), self.mismatched) == "key"]

    def _select_pending(self) -> bool:
        rows = self._pending_rows()
        if rows:
            self.view.selectRow(rows[0])
        return bool(rows)

    def _selected(self, *_a) -> None:
        s = selected_item(self.view)
        self.trust_btn.setEnabled(bool(self._pending_rows()) and self.ctx.can("sync"))
        if s is None:
            self.detail.setPlainText("")
            return
        lines = [self._result_text(s), contents_text(s), s.message]
        lines += [f"{table_title(q['table'])} {q['id']}: {q['reason']}" for q in s.quarantined]
        lines += [self.tr("Missing packages %1 to %2 of %3").replace("%1", str(g["from"]))
                  .replace("%2", str(g["to"])).replace("%3", g["sender"]) for g in s.gaps]
        self.detail.setPlainText("\n".join(x for x in lines if x))

    # --- new districts' keys ---------------------------------------------------------------

    def _pending(self) -> list:
        """The first package of each district whose key is to be checked, the selected one
        first, then the others in the order of the table."""
        items = [self.proxy.index(r, 0).data(ITEM_ROLE) for r in self._pending_rows()]
        chosen = selected_item(self.view)
        if chosen in items:
            i = items.index(chosen)
            items = items[i:] + items[:i]
        seen, out = set(), []
        for s in items:
            if s.sender not in seen:
                seen.add(s.sender)
                out.append(s)
        return out

    def trust_selected(self, _checked=False) -> None:
        """Go through the new districts one after the other, then import the trusted ones."""
        pending = self._pending()
        trusted: list[str] = []
        for i, s in enumerate(pending):
            env = self._envelope(s)
            if env is None:
                continue
            dialog = TrustKeyDialog(env.header["sender_name"], env.header["sender"],
                                    env.sender_fingerprint, self,
                                    position=(i + 1, len(pending)))
            choice = dialog.exec()
            if choice == TrustKeyDialog.MATCH:
                try:
                    trust_sender(self.ctx.store, env.header["sender"],
                                 env.header["sender_sign_key"], env.header["sender_enc_key"])
                except IsoDeskError as exc:
                    show_error(self, exc)
                    break
                trusted.append(s.sender)
            elif choice == TrustKeyDialog.MISMATCH:
                self.mismatched.add(s.sender)
            elif choice != TrustKeyDialog.SKIP:
                break
        self.model.set_items(self.summaries)
        self.totals.setText(totals_text(self.summaries, self.mismatched))
        self._select_pending() or self._selected()
        retry = [p for sender in trusted for p in self._files_of_sender(sender)]
        if retry:  # after a preview, the trusted ones are previewed again
            self.run(dry_run=any(s.dry_run for s in self.summaries), paths=retry)

    def _envelope(self, s):
        from sync.envelope import read_envelope

        path = next(self._files_for(s.package), None)
        if path is None:
            show_error(self, self.tr("The file %1 is no longer in the list: add it again, then "
                                     "import.").replace("%1", s.package))
            return None
        try:
            return read_envelope(path)
        except IsoDeskError as exc:
            show_error(self, exc)
            return None

    def _files_for(self, name: str):
        for p in importer.expand_paths(self.paths()):
            if p.name == name:
                yield p

    def _files_of_sender(self, sender: str) -> list[Path]:
        return [Path(s_path) for s in self.summaries if s.sender == sender
                for s_path in self._files_for(s.package)]

    # --- held packages ---------------------------------------------------------------------

    def refresh_held(self) -> None:
        self.held.set_items(status.held_packages(self.ctx.store))
        self.held_box.setVisible(bool(self.held.items))
        self._held_selected()

    def _held_selected(self, *_a) -> None:
        self.accept_btn.setEnabled(selected_item(self.held_view) is not None
                                   and self.ctx.can("sync"))

    def accept_gap(self, _checked=False) -> None:
        h = selected_item(self.held_view)
        if h is None:
            return
        peer = get_peer(self.ctx.store, h["peer"])
        first = (peer.applied_through + 1) if peer else 1
        missing = (str(first) if first == h["from_seq"] - 1 else
                   f"{first}–{h['from_seq'] - 1}")
        if not confirm(self, self.tr("Import the held packages of %1 (%2) without packages "
                                     "No. %3? The records of the missing packages will not be "
                                     "here until the district sends them again.")
                       .replace("%1", peer.name if peer else h["peer"])
                       .replace("%2", h["peer"]).replace("%3", missing)):
            return
        summaries = importer.release_held(self.ctx.store, h["peer"], accept_gap=True)
        self._show(summaries, replace=True)
        self.ctx.announce_changes()

    def write_acks(self, _checked=False, folder: str | None = None):
        if folder is None:
            folder = choose_folder(self, self.tr("Where to write the acknowledgements"),
                                   "sync-package")
        if not folder:
            return None

        written = [0, 0]   # files written, files to write: told before each district's

        def work(job):
            def progress(done, total=0, text=""):
                written[:] = [done, total]
                job.progress(done, total, text)
            return ack.write_acks(job.store, Path(folder), progress=progress)

        def done(made):
            show_info(self, self.tr("%1 acknowledgements written to %2. Send each district its "
                                    "file.").replace("%1", str(len(made))).replace("%2", folder))

        def stopped():
            show_info(self, self.tr("Stopped: %1 of %2 acknowledgements written to %3, each of "
                                    "them whole. Write the acknowledgements again to write the rest.")
                      .replace("%1", str(written[0])).replace("%2", str(written[1]))
                      .replace("%3", folder))

        return run_operation(self, work, done, store=self.ctx.store, ctx=self.ctx,
                             text=self.tr("Writing the acknowledgements…"), cancellable=True,
                             on_cancelled=stopped)


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
