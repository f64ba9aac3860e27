"""Shared fixtures: offscreen Qt, the bundled PDF font, and a fresh database per test.

The prepared database (a district with its users) is built once per session and copied for each
test, so that tests don't spend their time in the password KDF.
"""
from __future__ import annotations

import datetime as _dt
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ISODESK_PDF_FONT"] = "liberation"

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
try:
    from hypothesis import HealthCheck, settings
except ModuleNotFoundError:   # the Windows lane under Wine runs no property tests
    pass
else:
    # Property tests judge behaviour, not speed: a busy machine must not fail them on timing.
    settings.register_profile("isodesk", deadline=None, suppress_health_check=[
        HealthCheck.too_slow, HealthCheck.data_too_large])
    settings.load_profile("isodesk")

from desktop.models import anchors, users  # noqa: E402
from desktop.models.datafile import open_store  # noqa: E402
from desktop.models.db import DB_FILENAME  # noqa: E402
from desktop.models.unit import UnitProfile, save_profile  # noqa: E402
from sync.anchor import sign_checkpoint  # noqa: E402
from sync.keys import ensure_unit_keys  # noqa: E402

# The program's start has the audit checkpoints signed with the unit's key (desktop.cli.main);
# so do the tests that work on the models directly.
anchors.use_signer(sign_checkpoint)

SHARED = ROOT.parent / "shared"
PASSWORD = "matkhau-123"
UNIT = UnitProfile(code="BHXHTEST", name="Bảo hiểm xã hội huyện Thử Nghiệm", level="district",
                   parent_code="BHXHTT", parent_name="Bảo hiểm xã hội tỉnh Thử Thách",
                   place="Thử Nghiệm")
TEST_USERS = [
    ("admin", "Phạm Quốc Hùng", "admin", "Phó Giám đốc"),
    ("iso", "Lê Thị Thu Hà", "iso_team", "Tổ trưởng Tổ triển khai ISO"),
    ("tuvan", "Đỗ Minh Khôi", "consultant", "Chuyên gia tư vấn"),
    ("giamthi", "Vũ Thị Ngọc Lan", "proctor", "Viên chức"),
]


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    store = open_store(folder / DB_FILENAME, actor="setup")
    with store.atomic():
        save_profile(store, UNIT)
        # An office that has kept its records here for two years (a new office owes nothing for
        # the time before it was set up: tests of that make a unit of their own).
        store.execute("UPDATE unit_profile SET created_at = ? WHERE id = 1",
                      ((_dt.datetime.now().astimezone() - _dt.timedelta(days=730))
                       .isoformat(timespec="seconds"),))
        for username, full_name, role, position in TEST_USERS:
            users.create_user(store, username, full_name, role, PASSWORD, position=position)
        ensure_unit_keys(store)
    store.close(clean=False)
    return folder / DB_FILENAME


@pytest.fixture
def data_dir(tmp_path, _template_db) -> Path:
    """A data folder holding a prepared district database (see TEST_USERS, PASSWORD) and the file
    that unwraps its unit keys."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(_template_db, folder / DB_FILENAME)
    keys = _template_db.parent / "keys"
    if keys.is_dir():
        shutil.copytree(keys, folder / "keys")
    return folder


@pytest.fixture
def store(data_dir):
    s = open_store(data_dir / DB_FILENAME, actor="admin")
    yield s
    s.close(clean=False)


@pytest.fixture
def empty_dir(tmp_path) -> Path:
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


@pytest.fixture
def admin(store):
    return users.find_user(store, "admin")


@pytest.fixture(scope="session")
def qapp():
    """The QApplication of the GUI tests, in Vietnamese like the program by default."""
    from desktop.app import install_translators, make_application

    app = make_application(["isodesk-tests"])
    install_translators(app, "vi")
    yield app


@pytest.fixture(autouse=True)
def _collect_on_ui_thread():
    """With a QApplication, Python's cycle collector runs only from the UI thread's timer (see
    desktop.views.collector); a test that never turns the event loop gets its collection here."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        from desktop.views.collector import UiThreadCollector

        app = QApplication.instance()
        found = app.findChild(UiThreadCollector, "ui_thread_collector") if app else None
        if found is not None:
            found.check()


class MemoryRegistry:
    """The part of `winreg` the program uses, in memory: tests never write the real registry."""
    HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE = "HKCU", "HKLM"
    KEY_SET_VALUE, KEY_QUERY_VALUE, REG_SZ = 2, 1, 1

    def __init__(self):
        self.values: dict[tuple[str, str, str], object] = {}
        self.opened: list[tuple[str, str, int]] = []

    class _Key:
        def __init__(self, root, path):
            self.root, self.path = root, path

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def CreateKeyEx(self, root, path, reserved=0, access=0):  # noqa: N802
        self.opened.append((root, path, access))
        return self._Key(root, path)

    def OpenKey(self, root, path, reserved=0, access=1):  # noqa: N802
        if not any(k[:2] == (root, path) for k in self.values):
            raise FileNotFoundError(path)
        return self._Key(root, path)

    def SetValueEx(self, key, name, reserved, kind, value):  # noqa: N802
        self.values[(key.root, key.path, name)] = value

    def QueryValueEx(self, key, name):  # noqa: N802
        try:
            return self.values[(key.root, key.path, name)], self.REG_SZ
        except KeyError:
            raise FileNotFoundError(name) from None

    def DeleteValue(self, key, name):  # noqa: N802
        try:
            del self.values[(key.root, key.path, name)]
        except KeyError:
            raise FileNotFoundError(name) from None


@pytest.fixture
def memory_registry():
    return MemoryRegistry()


@pytest.fixture(autouse=True)
def _no_real_windows_changes(request, memory_registry):
    """On a Windows PC the tests must not write the user's logon Run key nor install a real
    keyboard hook (a test leaving the kiosk open would leave both behind): the registry is one
    in memory, and the keyboard lock pretends to be set. The Windows lane's tests that mean the
    real thing are marked `real_windows`. (A MonkeyPatch of its own: taking the tests'
    `monkeypatch` here would change the order in which the tests' own patches are undone.)"""
    if request.node.get_closest_marker("real_windows"):
        yield
        return
    from desktop.win32 import autostart, keyboard, power

    def start(self):
        if sys.platform != "win32":
            return False
        self._hook = "hook-of-the-tests"
        return True

    def stop(self):
        self._hook = None

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(autostart, "_registry", lambda registry: registry or memory_registry)
        patch.setattr(power, "_registry", lambda registry: registry or memory_registry)
        patch.setattr(keyboard.SystemKeyBlocker, "start", start)
        patch.setattr(keyboard.SystemKeyBlocker, "stop", stop)
        patch.setattr(keyboard.SystemKeyBlocker, "check",
                      lambda self, timeout=1.0: self._hook is not None)
        yield


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    from desktop.demo import create_demo

    folder = tmp_path_factory.mktemp("demo-template") / "demo"
    create_demo(folder)
    return folder


@pytest.fixture
def demo_dir(tmp_path, _demo_template) -> Path:
    """A copy of the demo data folder (the demo district as `isodesk demo` makes it)."""
    folder = tmp_path / "demo"
    shutil.copytree(_demo_template, folder)
    return folder
