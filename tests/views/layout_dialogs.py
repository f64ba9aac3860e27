"""The dialogs the layout audit opens, each on the demo district's own data.

Each entry builds a dialog from the walk (`walk.ctx`, `walk.store`, `walk.window`); it may set
`dialog._audit_after` to a function that types into it, after which the dialog is looked at
again (rows that overlapped once a name was typed in the signing dialog).
"""
from __future__ import annotations

from typing import Callable


def _minutes(walk, status: str):
    from desktop.models import minutes as M

    return next((e for e in M.register(walk.store) if e.status == status), None)


def sign(walk):
    from tests.gui_helpers import type_text

    from desktop.views.minutes.sign_dialog import SignDialog

    entry = _minutes(walk, "draft") or _minutes(walk, "signed")
    dialog = SignDialog(walk.ctx, entry.revision_id, parent=walk.window)

    def typed():
        type_text(dialog.username, "tuvan")
        type_text(dialog.password, "x")

    dialog._audit_after = typed
    return dialog


def confirm_signature(walk):
    from tests.gui_helpers import type_text

    from desktop.views.minutes.sign_dialog import SignDialog

    entry = _minutes(walk, "signed")
    dialog = SignDialog(walk.ctx, entry.revision_id, parent=walk.window)
    dialog._audit_after = lambda: type_text(dialog.username, "iso")
    return dialog


def editor(status: str):
    def build(walk):
        from desktop.views.minutes.editor import MinutesEditor

        entry = _minutes(walk, status)
        return MinutesEditor(walk.ctx, entry.revision_id, parent=walk.window) if entry else None
    return build


def verify(walk):
    from desktop.models import minutes as M
    from desktop.views.minutes.page import VerifyDialog

    entry = _minutes(walk, "confirmed")
    return VerifyDialog(M.verify_minutes(walk.store, entry.minutes_id), parent=walk.window)


def login(walk):
    from desktop.views.login import LoginDialog

    return LoginDialog(walk.store, hint="admin / demo1234", username="admin")


def staff(walk):
    from desktop.models.staff import StaffRepository
    from desktop.views.staff_dialogs import StaffDialog

    repo = StaffRepository(walk.store)
    return StaffDialog(repo, repo.list()[0], parent=walk.window)


def new_user(walk):
    from desktop.views.users_view import NewUserDialog

    return NewUserDialog(walk.store, parent=walk.window)


def session(walk):
    from desktop.models.quiz import sessions
    from desktop.views.quiz.session_dialog import SessionDialog

    return SessionDialog(walk.store, sessions.list_sessions(walk.store)[0], parent=walk.window)


def question(walk):
    from desktop.models.quiz import bank
    from desktop.views.quiz.question_dialog import QuestionDialog

    return QuestionDialog(walk.store, bank.list_questions(walk.store)[0], parent=walk.window)


def topics(walk):
    from desktop.views.quiz.question_dialog import TopicsDialog

    return TopicsDialog(walk.store, parent=walk.window)


def pin(walk):
    from desktop.models.quiz import sessions
    from desktop.views.quiz.dialogs import PinDialog

    return PinDialog(walk.store, sessions.list_sessions(walk.store)[0].id, parent=walk.window)


def paper(walk):
    from desktop.models.quiz import sessions
    from desktop.views.quiz.paper_entry_dialog import PaperEntryDialog

    return PaperEntryDialog(walk.store, sessions.list_sessions(walk.store)[0].id,
                            parent=walk.window)


def document(walk):
    from desktop.models.iso.documents import DocumentRepository
    from desktop.views.iso.document_dialogs import DocumentDialog

    repo = DocumentRepository(walk.store)
    return DocumentDialog(repo, repo.list()[0], parent=walk.window)


def document_history(walk):
    from desktop.models.iso.documents import DocumentRepository
    from desktop.views.iso.document_dialogs import HistoryDialog

    repo = DocumentRepository(walk.store)
    return HistoryDialog(repo, repo.list()[0], parent=walk.window)


def nonconformity(walk):
    from desktop.models.iso.nonconformities import NonconformityRepository
    from desktop.views.iso.nc_dialogs import NcDialog

    repo = NonconformityRepository(walk.store)
    return NcDialog(repo, repo.list()[0], parent=walk.window)


def plan_item(walk):
    from desktop.models.iso.plan import PlanRepository
    from desktop.views.iso.plan_tab import PlanItemDialog

    repo = PlanRepository(walk.store)
    return PlanItemDialog(repo, repo.items()[0], parent=walk.window)


def review(walk):
    from desktop.models.iso.reviews import ReviewRepository
    from desktop.models.iso.team import TeamRepository
    from desktop.views.iso.reviews_tab import ReviewDialog

    repo = ReviewRepository(walk.store)
    return ReviewDialog(repo, TeamRepository(walk.store), repo.list()[0], parent=walk.window)


def team_member(walk):
    from desktop.models.iso.team import TeamRepository
    from desktop.views.iso.team_tab import MemberDialog

    repo = TeamRepository(walk.store)
    return MemberDialog(repo, repo.members()[0], parent=walk.window)


def audit(walk):
    from desktop.models.iso.audits import AuditRepository
    from desktop.views.iso.audits_tab import AuditDialog

    repo = AuditRepository(walk.store)
    one = repo.audits()[0]
    return AuditDialog(repo, one.programme_id, one, parent=walk.window)


def policy(walk):
    from desktop.models.iso.policy import PolicyRepository
    from desktop.views.iso.policy_tab import PolicyDialog

    repo = PolicyRepository(walk.store)
    return PolicyDialog(repo, repo.list()[0], parent=walk.window)


def overview_list(walk):
    page = walk.window.show_section("overview")
    return page.open_not_passed()


def district(walk):
    from desktop.views.sync.dialogs import DistrictDialog

    return DistrictDialog(walk.store, None, parent=walk.window)


def about(walk):
    from desktop.views.help_view import AboutDialog

    return AboutDialog(walk.ctx, parent=walk.window)


def about_licences(walk):
    from PySide6.QtWidgets import QTabWidget

    from PySide6.QtCore import QThreadPool

    dialog = about(walk)
    dialog.findChild(QTabWidget, "about_tabs").setCurrentIndex(1)
    QThreadPool.globalInstance().waitForDone(10_000)   # the list, read aside
    return dialog


def user_guide(walk):
    from desktop.views.help_view import GuideWindow

    return GuideWindow(walk.window)


def setup_wizard(walk):
    import tempfile
    from pathlib import Path

    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME
    from desktop.views.setup_wizard import SetupWizard

    walk.empty_store = open_store(Path(tempfile.mkdtemp(prefix="isodesk-new-")) / DB_FILENAME)
    return SetupWizard(walk.empty_store)


DIALOGS: dict[str, Callable] = {
    "login": login, "sign": sign, "confirm": confirm_signature,
    "editor-draft": editor("draft"), "editor-signed": editor("signed"),
    "editor-confirmed": editor("confirmed"), "verify": verify,
    "staff": staff, "new-user": new_user, "session": session, "question": question,
    "topics": topics, "pin": pin, "paper": paper, "document": document,
    "document-history": document_history, "nonconformity": nonconformity,
    "plan-item": plan_item, "review": review, "team-member": team_member, "audit": audit,
    "policy": policy, "overview-list": overview_list, "district": district,
    "about": about, "about-licences": about_licences, "guide": user_guide,
    "setup-wizard": setup_wizard,
}
