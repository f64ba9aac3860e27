"""The English interface reads as English: counts agree with their nouns ("1 milestone
overdue", not "1 milestones"), an account's role is named in English, and English's plural forms
ship with the program like the Vietnamese translation."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
# a count written into a sentence by hand: "%1 days", "%2 milestones"
HAND_MADE_PLURAL = re.compile(r'tr\(\s*"[^"]*%\d (?:days|items|members|milestones|rows|questions|'
                              r'papers|records|pages|attempts|people|sessions|files|packages)\b')
LEFT_TO_OTHERS = ("desktop/views/quiz/kiosk/",)   # the kiosk shows the test in Vietnamese


@pytest.fixture
def english(qapp):
    from desktop.app import install_translators

    install_translators(qapp, "en")
    yield qapp
    install_translators(qapp, "vi")


def test_counts_in_sentences_use_plural_forms():
    offenders = []
    for path in sorted((ROOT / "desktop" / "views").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(LEFT_TO_OTHERS):
            continue
        for match in HAND_MADE_PLURAL.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{rel}: {match.group(0)}")
    assert offenders == [], "write these as self.tr(\"%n …(s)…\", \"\", n):\n" + \
        "\n".join(offenders)


def test_every_plural_message_has_its_english_forms():
    for group in i18n.groups():
        plural = {m["source"] for m in i18n.read_ts(i18n.ts_path(group, "vi"))
                  if "%n" in (m["source"] or "")}
        if not plural:
            continue
        english = {m["source"]: m for m in i18n.read_ts(i18n.ts_path(group, "en"))}
        for source in plural:
            forms = english[source]["translation"].split(" | ")
            assert len(forms) == 2 and all("%n" in f for f in forms), (group, source, forms)


def test_shipped_english_forms_match_their_ts(tmp_path):
    for qm in i18n.release("en", out_dir=tmp_path):
        shipped = i18n.i18n_dir() / qm.name
        assert shipped.read_bytes() == qm.read_bytes(), "run `python -m desktop.i18n release`"


def test_one_milestone_overdue_reads_singular(english, qtbot, store, admin):
    import datetime as _dt

    from desktop.models.iso.plan import PlanRepository
    from desktop.views.context import ViewContext
    from desktop.views.overview.page import OverviewPage

    today = _dt.date.today()
    plan = PlanRepository(store)
    plan.add({"title": "Mốc quá hạn", "due_on": (today - _dt.timedelta(days=5)).isoformat()})
    plan.add({"title": "Mốc sắp tới", "due_on": (today + _dt.timedelta(days=20)).isoformat()})
    page = OverviewPage(ViewContext(store, admin))
    qtbot.addWidget(page)
    assert "1 milestone overdue" in page.cards["plan"].detail.text()
    plan.add({"title": "Mốc cũng quá hạn", "due_on": (today - _dt.timedelta(days=2)).isoformat()})
    page.refresh()
    assert "2 milestones overdue" in page.cards["plan"].detail.text()


def test_the_status_bar_names_the_role_in_the_language_chosen(english, qtbot, store):
    from desktop.models import users
    from desktop.views.context import ViewContext
    from desktop.views.main_window import MainWindow

    window = MainWindow(ViewContext(store, users.find_user(store, "admin")))
    qtbot.addWidget(window)
    assert window.user_label.text().endswith("(Administrator)")
    assert "Quản trị" not in window.user_label.text()
