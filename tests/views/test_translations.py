"""Vietnamese is complete: every string of the sources is in a .ts with a finished translation,
the shipped .qm files match the .ts files, and no screen shows an untranslated string."""
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton, QMessageBox, QGroupBox, QLabel, QLineEdit, QTabWidget, QTableView, QWidget,
)

from desktop import i18n
from desktop.models import users
from desktop.views.context import ViewContext
from desktop.views.login import LoginDialog
from desktop.views.main_window import MainWindow
from desktop.views.sections import SECTIONS
from desktop.views.setup_wizard import SetupWizard
from desktop.views.staff_dialogs import StaffDialog
from desktop.models.staff import StaffRepository
from desktop.views.users_view import NewUserDialog


def _messages(ts: Path) -> set[tuple[str, str]]:
    return {(m["context"], m["source"]) for m in i18n.read_ts(ts)}


@pytest.mark.parametrize("group", sorted(i18n.groups()))
def test_every_source_string_has_a_finished_translation(group, tmp_path):
    shipped = i18n.ts_path(group)
    assert shipped.exists(), f"run `python -m desktop.i18n update` for {group}"
    unfinished = [m["source"] for m in i18n.read_ts(shipped) if not m["finished"]]
    assert unfinished == []
    # The sources as they are now: extract into a scratch .ts and compare.
    import subprocess
    fresh = tmp_path / "fresh.ts"
    subprocess.run([i18n._tool("lupdate"), "-no-obsolete", "-locations", "none",
                    *[str(f) for f in i18n.groups()[group]], "-ts", str(fresh)],
                   check=True, capture_output=True)
    missing = _messages(fresh) - _messages(shipped)
    assert missing == set(), "new strings not in the .ts: run `python -m desktop.i18n update`"


def test_shipped_qm_files_match_the_ts_files(tmp_path):
    made = i18n.release(out_dir=tmp_path)
    assert made
    for qm in made:
        shipped = i18n.i18n_dir() / qm.name
        assert shipped.exists() and shipped.read_bytes() == qm.read_bytes(), (
            f"{qm.name} is stale: run `python -m desktop.i18n release`")


class RecordingTranslator(QTranslator):
    """Asked first by Qt for every translation: records our strings no .qm can translate."""

    def __init__(self, real: list[QTranslator]):
        super().__init__()
        self.real = real
        self.missing: set[tuple[str, str]] = set()
        self.same_as_source: str | None = None

    def translate(self, context, source, disambiguation=None, n=-1):
        # PySide's `self.tr` asks the context of each class of the object's MRO in turn until
        # the answer differs from the source: a string whose translation is the same word
        # ("Email") is then asked for in the base classes' contexts too (`ItemsModel`).
        if not (context or "").startswith("Q") and source:
            found = [t.translate(context, source, disambiguation, n) for t in self.real]
            if any(found):
                self.same_as_source = source if source in found else None
            elif source != self.same_as_source:
                self.missing.add((context, source))
        return None  # a null string: Qt goes on to the real translators

    def isEmpty(self):
        return False


ENGLISH_WORDS = re.compile(r"\b(the|and|of|to|is|are|with|Add|Edit|Save|Cancel|Delete|Close|"
                           r"Search|Import|Export|Settings|Name|Date|Yes|No|Open|New)\b")


def _visible_texts(root: QWidget) -> list[str]:
    texts = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, (QLabel, QAbstractButton, QGroupBox)):
            texts.append(w.text() if not isinstance(w, QGroupBox) else w.title())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            texts += [str(m.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal))
                      for c in range(m.columnCount())]
    return [re.sub("<[^>]+>", " ", t) for t in texts if t]


def test_no_screen_shows_an_untranslated_string(qapp, qtbot, store, monkeypatch):
    recorder = RecordingTranslator(list(getattr(qapp, "_isodesk_translators", [])))
    QCoreApplication.installTranslator(recorder)
    try:
        StaffRepository(store).add({"staff_code": "A1", "full_name": "Trần Văn An"})
        screens: list[QWidget] = []
        ctx = ViewContext(store, users.find_user(store, "admin"))
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        for section in SECTIONS:
            window.show_section(section.key)
            screens.append(window)
            english = [t for t in _visible_texts(window) if ENGLISH_WORDS.search(t)]
            assert english == [], f"section {section.key} shows English: {english}"
        for dialog in (LoginDialog(store, hint="x"), SetupWizard(store),
                       StaffDialog(StaffRepository(store)), NewUserDialog(store)):
            qtbot.addWidget(dialog)
            dialog.show()
            english = [t for t in _visible_texts(dialog) if ENGLISH_WORDS.search(t)]
            assert english == [], f"{type(dialog).__name__} shows English: {english}"
            dialog.close()
        # The shared message boxes and the start-up messages.
        from desktop import app as app_module
        from desktop.views import common
        shown = []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
        common.show_error(None, ValueError("x"))
        common.show_info(None, "x")
        common.confirm(None, "x")
        app_module.tr("The data file is damaged")
        assert len(shown) == 3 and all(b.buttons() for b in shown)
        assert recorder.missing == set()
    finally:
        QCoreApplication.removeTranslator(recorder)


def test_english_is_selectable(qapp):
    from desktop.app import install_translators
    try:
        install_translators(qapp, "en")
        assert QCoreApplication.translate("Sections", "Staff") == "Staff"
        install_translators(qapp, "vi")
        assert QCoreApplication.translate("Sections", "Staff") == "Nhân sự"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    finally:
        install_translators(qapp, "vi")


def test_the_recorder_catches_a_missing_translation(qapp):
    recorder = RecordingTranslator(list(qapp._isodesk_translators))
    QCoreApplication.installTranslator(recorder)
    try:
        assert QCoreApplication.translate("Sections", "Staff") == "Nhân sự"
        assert QCoreApplication.translate("Nowhere", "Not translated") == "Not translated"
    finally:
        QCoreApplication.removeTranslator(recorder)
    assert recorder.missing == {("Nowhere", "Not translated")}


def test_one_spelling_of_ty_le_everywhere():
    """"Tỷ lệ", as the source documents spell it, in the code, translations and documents."""
    root = Path(__file__).resolve().parents[2]
    found = []
    for folder in ("desktop", "sync", "resources", "docs"):
        for path in (root / folder).rglob("*"):
            if path.suffix in (".py", ".ts", ".md", ".json") and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                if re.search(r"\b[Tt]ỉ lệ", text):
                    found.append(str(path.relative_to(root)))
    assert found == []
