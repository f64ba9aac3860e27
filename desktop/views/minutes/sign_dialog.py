"""Signing a minutes: who signs, in what capacity, and exactly what is being signed.

At the end of a long meeting two people sign on the same computer, whoever is logged in: each
types their own username and password again. The dialog says which signature is due (the author
first, then the confirmation), shows the number, subject, revision and content hash, and names the
signer as soon as the username is recognised.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

from desktop.output.minutes_pdf import confirmed_pdf_renderer
from desktop.models import minutes as M
from desktop.models import users
from desktop.models.errors import IsoDeskError, ValidationError

from ..common import (
    confirm, keep_whole, role_text, show_error, vn_date, vn_datetime,
)
from ..context import ViewContext
from ..operation import run_operation


class AdminCheckDialog(QDialog):
    """An administrator confirms with their own password before creating an account."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.store = store
        self.setWindowTitle(self.tr("Administrator"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Only an administrator can create an account. The "
                                        "administrator types their username and password:")))
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("admin_username")
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Username:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("admin_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("admin_continue")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.admin: users.User | None = None

    def check(self) -> None:
        try:
            user = users.authenticate(self.store, self.username.text(), self.password.text(),
                                      purpose="admin_check")
        except users.AuthError as exc:
            self.error.setText(exc.message)
            self.password.clear()
            return
        if not user.can("manage_users"):
            self.error.setText(self.tr("This account is not an administrator."))
            return
        self.admin = user
        self.accept()


class SignDialog(QDialog):
    def __init__(self, ctx: ViewContext, revision_id: str, parent=None):
        super().__init__(parent)
        keep_whole(self)   # wrapped text never squeezed
        self.ctx = ctx
        self.store = ctx.store
        self.rev = M.load_revision(self.store, revision_id)
        self.meaning = M.next_meaning(self.rev) or "confirm"
        self.team = M.team_name_of(self.store)
        self.signed: M.Revision | None = None
        self.busy = False
        self.setObjectName("sign_dialog")
        self.setWindowTitle(self.tr("Electronic signature — minutes %1").replace("%1",
                                                                                self.rev.number))
        # wide enough that the subject and the fingerprint take few lines (a short screen
        # at 125 % has little height to spare); never wider than the screen
        screen = self.screen().availableGeometry().width() if self.screen() else 1366
        self.setMinimumWidth(min(780, int(screen * 0.9)))
        layout = QVBoxLayout(self)
        self.team = M.default_capacity(self.store, ctx.user.username if ctx.user else None) \
            if self.meaning == "confirm" else self.team
        capacity = M.meaning_text(self.meaning, self.team)
        step = (self.tr("Step 1 of 2: the person who recorded the minutes signs.")
                if self.meaning == "author" else
                self.tr("Step 2 of 2: the representative confirms the minutes signed by its "
                        "author."))
        signing_as = self.tr("Signing as: %1").replace("%1", capacity)
        self.step_text = step
        # compact: a short screen (1280×720 at 125 %) has few lines to spare
        head = QLabel(f"<b style='font-size: 14pt'>{signing_as}</b><br>{step}")
        self.head = head
        head.setObjectName("sign_capacity")
        head.setTextFormat(Qt.TextFormat.RichText)
        head.setWordWrap(True)
        layout.addWidget(head)

        what = QGroupBox(self.tr("What is being signed"))
        form = QFormLayout(what)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        rev = self.rev
        digest = M.revision_hash(rev)
        self.digest = digest
        when = f"{vn_date(rev.date)}, {rev.start_time}–{rev.end_time}, {rev.place}"
        # the number and the revision on one line: a short screen has few lines to spare
        revision = self.tr("revision %1").replace("%1", f"<b>{rev.revision_no}</b>")
        rows = [(self.tr("Number:"), f"<b>{rev.number}</b>&nbsp;&nbsp;·&nbsp;&nbsp;{revision}"),
                (self.tr("Subject:"), f"<b>{rev.subject}</b>"),
                (self.tr("Session:"), when),
                (self.tr("Content fingerprint:"),
                 f"<b><code>{M.short_hash(digest)}</code></b> <small>"
                 + self.tr("(changes if anything in the minutes or its attached files changes)")
                 + "</small>")]
        technical = {self.tr("Content fingerprint:"): self.tr(
            "SHA-256 of every field and attached file: %1").replace("%1", digest)}
        author = rev.signature("author")
        if author is not None:
            rows.append((self.tr("Recorded and signed by:"),
                         f"{author['full_name']} — {vn_datetime(author['signed_at'])}"))
        for label, value in rows:
            cell = QLabel(value)
            cell.setTextFormat(Qt.TextFormat.RichText)
            cell.setWordWrap(True)
            cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if label in technical:
                cell.setToolTip(technical[label])
            form.addRow(label, cell)
        layout.addWidget(what)

        who = QGroupBox(self.tr("Who signs (type your own username and password)"))
        wform = QFormLayout(who)
        self.username = QLineEdit()
        self.username.setObjectName("sign_username")
        eligible = [u.username for u in users.list_users(self.store, include_inactive=False)
                    if u.role in M.signing.SIGN_ROLES[self.meaning]]
        completer = QCompleter(eligible, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.username.setCompleter(completer)
        self.signer_label = QLabel()
        self.signer_label.setObjectName("signer_label")
        self.signer_label.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("sign_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # the signer's name beside the username: no row of its own, which a short screen lacks
        self.username.setMaximumWidth(self.username.fontMetrics().averageCharWidth() * 28)
        name_row = QHBoxLayout()
        name_row.addWidget(self.username)
        name_row.addWidget(self.signer_label, 1)
        username_label = QLabel(self.tr("&Username:"))
        username_label.setBuddy(self.username)   # Alt+U (a row of a layout gets no buddy itself)
        wform.addRow(username_label, name_row)
        wform.addRow(self.tr("&Password:"), self.password)
        self.capacity = QComboBox()
        self.capacity.setObjectName("sign_on_behalf")
        for body in M.confirm_capacities(self.store):
            self.capacity.addItem(self.tr("Representative of %1").replace("%1", body), body)
        self.capacity.setCurrentIndex(max(0, self.capacity.findData(self.team)))
        if self.meaning == "confirm" and self.capacity.count() > 1:
            wform.addRow(self.tr("Confirming &as:"), self.capacity)
        else:
            self.capacity.hide()
        layout.addWidget(who)

        self.statement = QLabel()
        self.statement.setObjectName("sign_statement")
        self.statement.setWordWrap(True)
        self.statement.setStyleSheet("padding: 6px; background: #f2f5f9; border-radius: 4px;")
        layout.addWidget(self.statement)
        self.agree = QCheckBox(self.tr("I &agree with this statement"))
        self.agree.setObjectName("sign_agree")
        layout.addWidget(self.agree)
        self.new_account = QPushButton(self.tr("The consultant has no account yet? "
                                               "Create one (administrator)…"))
        self.new_account.setObjectName("sign_new_account")
        self.new_account.setFlat(True)
        self.new_account.setStyleSheet("text-align: left; color: #1f5fa8;")
        self.new_account.setVisible(self.meaning == "author")
        self.new_account.clicked.connect(self.create_account)
        layout.addWidget(self.new_account)
        self.error = QLabel()
        self.error.setObjectName("sign_error")
        self.error.hide()   # no room taken while it says nothing (see `_say`)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.sign_button = buttons.addButton(self.tr("Sign as “%1”").replace("%1", capacity),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("sign_button")
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("sign_cancel")
        buttons.accepted.connect(self.do_sign)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.username.textChanged.connect(self._update_signer)
        self.username.editingFinished.connect(self._default_capacity)
        self.capacity.currentIndexChanged.connect(self._capacity_changed)
        self.agree.toggled.connect(self._update_button)
        self.password.textChanged.connect(self._update_button)
        self._update_signer()
        self.username.setFocus()

    def _update_signer(self) -> None:
        user = users.find_user(self.store, self.username.text()) if self.username.text() else None
        self.signer = user
        if user is None:
            self.signer_label.setText(self.tr("No account with this username.")
                                      if self.username.text().strip() else "")
            self.signer_label.setStyleSheet("color: #a15c00;")
            name = self.tr("the signer")
        else:
            self.signer_label.setText(f"<b>{user.full_name}</b> — {user.position or role_text(user.role)}")
            self.signer_label.setStyleSheet("")
            name = user.full_name
        self.statement.setText(self.tr("I, %1, have read minutes %2 (revision %3, content hash %4) "
                                   "and sign it as “%5”.")
                           .replace("%1", name).replace("%2", self.rev.number)
                           .replace("%3", str(self.rev.revision_no))
                           .replace("%4", M.short_hash(self.digest))
                           .replace("%5", M.meaning_text(self.meaning, self.team)))
        self._update_button()

    def _default_capacity(self) -> None:
        """The body the typed user represents by default (their own role)."""
        if self.meaning == "confirm" and self.username.text().strip():
            body = M.default_capacity(self.store, self.username.text().strip())
            self.capacity.setCurrentIndex(max(0, self.capacity.findData(body)))

    def _capacity_changed(self, *_args) -> None:
        if self.meaning != "confirm" or self.capacity.currentData() is None:
            return
        self.team = self.capacity.currentData()
        capacity = M.meaning_text(self.meaning, self.team)
        self.head.setText(f"<b style='font-size: 14pt'>"
                          f"{self.tr('Signing as: %1').replace('%1', capacity)}</b>"
                          f"<br>{self.step_text}")
        self.sign_button.setText(self.tr("Sign as “%1”").replace("%1", capacity))
        self._update_signer()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _update_button(self) -> None:
        self.sign_button.setEnabled(not self.busy and self.agree.isChecked()
                                    and bool(self.username.text().strip())
                                    and bool(self.password.text()))

    def create_account(self) -> None:
        from ..users_view import NewUserDialog

        if not (self.ctx.user is not None and self.ctx.user.can("manage_users")):
            check = AdminCheckDialog(self.store, self)
            if not check.exec():
                return
        dialog = NewUserDialog(self.store, self, role="consultant")
        if dialog.exec() and dialog.created is not None:
            completer = self.username.completer()
            names = completer.model().stringList() + [dialog.created.username]
            completer.model().setStringList(names)
            self.username.setText(dialog.created.username)
            self.password.clear()
            self.password.setFocus()

    def unfilled(self) -> list[str]:
        """The parts that still hold a template's "…" blanks."""
        parts = [(self.tr("the subject"), self.rev.subject),
                 (self.tr("the content"), self.rev.content),
                 (self.tr("the conclusions"), self.rev.conclusions)]
        return [name for name, text in parts if text and "…" in text]

    def do_sign(self) -> None:
        if not self.sign_button.isEnabled():
            return
        blanks = self.unfilled()
        if blanks and not confirm(
                self, self.tr("%1 still contains “…” left from the template (for example "
                              "“lần thứ … năm …”). A signed minutes cannot be changed. Sign "
                              "anyway?").replace("%1", ", ".join(blanks).capitalize()),
                yes=self.tr("Sign anyway"), no=self.tr("Go back and fill in")):
            return
        self.busy = True
        self._update_button()
        self._say(self.tr("Signing…"))
        username, password = self.username.text(), self.password.text()
        meaning, rid, team = self.meaning, self.rev.id, self.team

        def work(job):
            return M.sign(job.store, rid, username, password, meaning, team_name=team,
                          pdf_renderer=confirmed_pdf_renderer(team)).id

        run_operation(self, work, self._signed, store=self.store, ctx=self.ctx,
                      on_error=self._failed)

    def _signed(self, revision_id: str) -> None:
        self.busy = False
        self.signed = M.load_revision(self.store, revision_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.password.clear()
        if isinstance(exc, ValidationError):
            self._say(self.tr("The minutes is not complete: ") + exc.message)
        elif isinstance(exc, IsoDeskError):
            self._say(exc.message)
        else:
            self._say("")
            show_error(self, exc)
        self.password.setFocus()
        self._update_button()
