"""The files of a package on their way in: written to a staging folder first, moved into `files/`
only inside the package's transaction, and only those that rows actually written refer to.

A refused package, or one whose transaction rolls back, leaves nothing in `files/`: the files
moved in are taken out again, and the staging folder is removed. If the program is killed
midway, the next import cleans up: the list of files being moved in (written before the first
move) says which ones to take out again when the package did not commit.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from desktop.models import atomic
from desktop.models.blobs import blob_path, is_recorded, record_blobs, write_blob_file
from desktop.models.db import Store

SUFFIX = ".files"
JOURNAL = "moving.json"
STALE_SECONDS = 6 * 3600  # a staging folder this old belongs to no import still running


class Staging:
    """The staging folder of one package (`sync/tmp/<package_id>.files`)."""

    def __init__(self, store: Store, tmp_dir: Path, package_id: str):
        self.store = store
        self.folder = Path(tmp_dir) / f"{package_id}{SUFFIX}"
        if self.folder.exists():  # left by an earlier try of this package that was killed
            recover_folder(store, self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.created: list[Path] = []

    def write(self, store: Store, data: bytes) -> str:
        """Write one file into the staging folder (fsync'd); returns its SHA-256. (Runs on the
        BlobWriter's worker threads.)"""
        return write_blob_file(store, data, target_dir=self.folder)

    def install(self, items: list[tuple[str, int]]) -> None:
        """Move the staged files (sha256, size) into `files/` and record them, inside the
        package's transaction; what did not exist there before is noted, to be taken out again
        if the transaction does not commit."""
        moves = []
        for digest, size in items:
            dest = blob_path(self.store, digest)
            if not dest.exists():
                moves.append((self.folder / digest, dest))
        if moves:
            journal = self.folder / JOURNAL
            journal.write_text(json.dumps([d.name for _, d in moves]), encoding="utf-8")
            _fsync(journal)
        for src, dest in moves:
            dest.parent.mkdir(parents=True, exist_ok=True)
            atomic.replace(src, dest)
            self.created.append(dest)
        record_blobs(self.store, items)

    def undo(self) -> None:
        """The transaction rolled back: take out the files this package moved in."""
        for dest in self.created:
            try:
                dest.unlink()
            except OSError:
                pass
        self.created.clear()

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def recover_folder(store: Store, folder: Path) -> None:
    """Clean up the staging folder of an import that did not finish: files it had moved into
    `files/` that no committed row recorded are taken out again; the folder goes."""
    journal = folder / JOURNAL
    if journal.is_file():
        try:
            names = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            names = []
        with store.atomic():  # no other import is between its moves and its commit now
            for name in names if isinstance(names, list) else []:
                if not isinstance(name, str) or len(name) != 64:
                    continue
                if not is_recorded(store, name):
                    try:
                        blob_path(store, name).unlink(missing_ok=True)
                    except (OSError, ValueError):
                        pass
    shutil.rmtree(folder, ignore_errors=True)


def recover(store: Store, tmp_dir: Path) -> None:
    """At the start of an import: the staging folders that a killed import left behind (a
    folder with a list of moves is finished at once; any other after some hours)."""
    now = time.time()
    try:
        folders = [p for p in Path(tmp_dir).iterdir() if p.is_dir() and p.name.endswith(SUFFIX)]
    except OSError:
        return
    for folder in folders:
        try:
            old = now - folder.stat().st_mtime > STALE_SECONDS
        except OSError:
            continue
        if old or (folder / JOURNAL).is_file():
            recover_folder(store, folder)
