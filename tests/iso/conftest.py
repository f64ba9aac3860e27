"""Fixtures of the ISO records tests: a fixed "today", a small roster, and stand-ins for the
training and minutes figure providers (built elsewhere), registered only for a test."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import figures
from desktop.models.staff import StaffRepository

TODAY = dt.date(2026, 6, 15)

ROSTER = [
    {"staff_code": "ST001", "full_name": "Phạm Quốc Hùng", "position": "Giám đốc",
     "department": "Ban Giám đốc", "phone": "0912000001"},
    {"staff_code": "ST002", "full_name": "Lê Thị Thu Hà", "position": "Tổ trưởng",
     "department": "Tổ Hành chính - Tổng hợp", "phone": "0912000002"},
    {"staff_code": "ST003", "full_name": "Nguyễn Văn Thành", "position": "Viên chức",
     "department": "Tổ Hành chính - Tổng hợp", "phone": "0912000003"},
    {"staff_code": "ST004", "full_name": "Trần Thị Hồng Nhung", "position": "Tổ trưởng",
     "department": "Bộ phận Tiếp nhận và trả kết quả", "phone": "0912000004"},
]

TRAINING = {"active_staff": 40, "trained": 36, "tested": 35, "passed": 33,
            "not_passed": [{"staff_id": "s1", "staff_code": "ST009", "full_name": "Bùi Thanh Tâm",
                            "department": "Bộ phận Tiếp nhận và trả kết quả"},
                           {"staff_id": "s2", "staff_code": "ST017",
                            "full_name": "Nguyễn Thị Yến", "department": "Tổ Quản lý thu"}],
            "sessions": 2, "attempts": 38, "pass_rate": 0.868}
MINUTES = {"total": 6, "draft": 1, "awaiting_confirmation": 2, "confirmed": 3,
           "latest_confirmed": "2026-05-20"}


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def roster(store):
    repo = StaffRepository(store)
    return {p["staff_code"]: repo.add(p) for p in ROSTER}


@pytest.fixture
def fake_providers():
    """Put "training" and "minutes" providers with the documented keys in place of the real
    ones; put back what was there after the test."""
    saved = dict(figures.PROVIDERS)
    for name, values in (("training", TRAINING), ("minutes", MINUTES)):
        figures.PROVIDERS[name] = (lambda v: lambda store, **kw: dict(v))(values)
    yield {"training": TRAINING, "minutes": MINUTES}
    figures.PROVIDERS.clear()
    figures.PROVIDERS.update(saved)  # (in their order)


@pytest.fixture
def without_providers():
    """Make sure "training" and "minutes" are absent (as in a build without those parts)."""
    saved = dict(figures.PROVIDERS)
    for name in ("training", "minutes"):
        figures.PROVIDERS.pop(name, None)
    yield
    figures.PROVIDERS.clear()
    figures.PROVIDERS.update(saved)  # (in their order)


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """Message boxes record their text and return at once instead of waiting for a click (a
    test must never hang on a modal box). A test may read what was shown."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def exec_(box):
        shown.append(box.text())
        buttons = box.buttons()
        if buttons:
            box._clicked = buttons[0]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: getattr(box, "_clicked", None))
    return shown
