"""Small shared pieces of the interface: messages, field errors, dates. (Long work runs as an
operation: `views.operation`.)"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame, QLabel, QMessageBox, QScrollArea, QSizePolicy, QWidget,
)

from desktop.models.db import shown_time
from desktop.models.errors import IsoDeskError, ValidationError

from .translate import tr  # noqa: F401  (the pages import it from here)
from .whole import keep_whole  # noqa: F401  (the dialogs import it from here)


def fit_to_screen(widget: QWidget, width: int, height: int, share: float = 0.9) -> bool:
    """Resize a window to `width`×`height`, but never beyond `share` of the screen's free area
    (small laptop screens are 1366×768 with a task bar). True when the screen was too small for
    the size asked."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    small = False
    if screen is not None:
        area = screen.availableGeometry()
        small = width > area.width() * share or height > area.height() * share
        width = min(width, int(area.width() * share))
        height = min(height, int(area.height() * share))
    widget.resize(width, height)
    return small


def compact_combo(combo, chars: int = 24):
    """A drop-down list whose long choices (topic names, session titles) don't make the window
    wider: the box asks for about `chars` characters and takes what room there is; its list
    still opens wide enough for the longest choice."""
    from PySide6.QtWidgets import QComboBox, QSizePolicy

    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, combo.sizePolicy().verticalPolicy())
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)

    def widen_list(*_args):
        metrics = combo.view().fontMetrics()
        longest = max((metrics.horizontalAdvance(combo.itemText(i))
                       for i in range(combo.count())), default=0)
        combo.view().setMinimumWidth(min(longest + 40, 900))

    model = combo.model()
    for signal in (model.rowsInserted, model.modelReset, model.dataChanged):
        signal.connect(widen_list)
    widen_list()
    return combo


def snug_tabs(tabs) -> None:
    """Tab titles with less padding, so that eight of them (the ISO records) fit side by side on
    a small screen at 125 % instead of hiding the last ones behind scroll arrows."""
    from PySide6.QtWidgets import QProxyStyle, QStyle

    class SnugTabStyle(QProxyStyle):
        def pixelMetric(self, metric, option=None, widget=None):  # noqa: N802
            if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
                return max(8, super().pixelMetric(metric, option, widget) // 2)
            return super().pixelMetric(metric, option, widget)

    style = SnugTabStyle()
    style.setParent(tabs)
    tabs.tabBar().setStyle(style)


def least_height(widget: QWidget, width: int) -> int:
    """The least height `widget` needs at `width`, wrapped text included.

    Qt has two answers and neither fits: the minimum size leaves wrapped text out (rows then
    overlap), the height-for-width counts every other widget at its preferred height (a scroll
    area then scrolls although everything fits). This one takes each wrapped label or wrapping
    row at its height for its width, and everything else at its minimum."""
    from PySide6.QtWidgets import QAbstractScrollArea, QSplitter, QStackedWidget, QTabWidget

    least = max(widget.minimumSize().height(), widget.minimumSizeHint().height())
    layout = widget.layout()
    if isinstance(widget, (QAbstractScrollArea, QSplitter, QStackedWidget, QTabWidget)):
        return least
    if layout is not None:
        return max(least, _layout_least(layout, width) if layout.hasHeightForWidth() else 0)
    if widget.hasHeightForWidth():
        return max(least, widget.heightForWidth(width))
    return least


def _item_least(item, width: int) -> int:
    if item.widget() is not None:
        least = least_height(item.widget(), width)
    elif item.layout() is not None:
        least = _layout_least(item.layout(), width)
    else:
        least = item.minimumSize().height()
    if item.hasHeightForWidth():   # what the layout around it will give it, at the least
        least = max(least, item.heightForWidth(width))
    return least


def _layout_least(layout, width: int) -> int:
    from PySide6.QtWidgets import QBoxLayout, QGridLayout

    if not layout.hasHeightForWidth():
        return layout.minimumSize().height()
    m = layout.contentsMargins()
    inner = max(1, width - m.left() - m.right())
    items = [layout.itemAt(i) for i in range(layout.count())]
    items = [i for i in items if i is not None and not i.isEmpty()]
    if isinstance(layout, QBoxLayout):
        gap = max(layout.spacing(), 0)
        if layout.direction() in (QBoxLayout.Direction.TopToBottom,
                                  QBoxLayout.Direction.BottomToTop):
            body = sum(_item_least(i, inner) for i in items) + gap * max(0, len(items) - 1)
        else:   # side by side: each at the width the layout gave it
            body = max((_item_least(i, i.geometry().width() or inner) for i in items), default=0)
        return body + m.top() + m.bottom()
    if isinstance(layout, QGridLayout):
        rows: dict[int, int] = {}
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None or item.isEmpty():
                continue
            row = layout.getItemPosition(index)[0]
            rows[row] = max(rows.get(row, 0),
                            _item_least(item, item.geometry().width() or inner))
        gap = max(layout.verticalSpacing(), 0)
        return sum(rows.values()) + gap * max(0, len(rows) - 1) + m.top() + m.bottom()
    return layout.totalHeightForWidth(width)   # a wrapping row, a form: exact enough


class _Sheet(QWidget):
    """What a scroll area shows: its content, as tall as the room or as its least height.

    (A scroll area sizes a widget whose layout has a height-for-width — a row of buttons that
    wraps — by the layout's preferred heights, and so scrolled although everything fitted;
    by its minimum alone, wrapped text would be squeezed: see `least_height`.)"""

    def __init__(self, content: QWidget):
        super().__init__()
        content.setParent(self)
        self.content = content

    def minimumSizeHint(self):  # noqa: N802
        hint = self.content.minimumSizeHint().expandedTo(self.content.minimumSize())
        width = self.width() if self.width() > 0 else hint.width()
        hint.setHeight(max(hint.height(), least_height(self.content, width)))
        return hint

    def sizeHint(self):  # noqa: N802
        return self.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.content.setGeometry(self.rect())
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()   # another width, another least height

    def event(self, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LayoutRequest:   # the content's minimum changed
            self.updateGeometry()
        return super().event(event)


def scrolling(content: QWidget) -> QScrollArea:
    """`content` inside a frameless scroll area that scrolls only vertically when it must."""
    area = QScrollArea()
    area.setWidget(_Sheet(content))
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bar = area.style().pixelMetric(area.style().PixelMetric.PM_ScrollBarExtent)
    area.setMinimumWidth(content.minimumSizeHint().width() + bar + 4)
    return area


class ElidedLabel(QLabel):
    """One line of text ending in "…" when it is wider than the label, the whole text then
    in the tooltip. For a line that may give way on a short screen (the layout audit knows
    it is cut on purpose)."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:   # noqa: N802 (Qt's name)
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:   # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              max(width, 10))
        if shown != super().text():
            super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class _EmptyState(QWidget):
    """What `empty_hint` puts over an empty view: keeps its wrapped text whole at any width
    (a wrapped label in a layout is otherwise given the height of its one-line hint)."""

    label: QLabel
    cramped = False     # the view is too short for the text above the button: the button alone

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """The text as a paragraph of at most HINT_WIDTH; on a view too short for it above the
        button, as wide as the view; on one shorter still, the button alone (the text as its
        tooltip) rather than the two drawn over each other."""
        button = getattr(self.label, "button", None)
        layout = self.layout()
        spare = self.height()
        if layout is not None:
            margins = layout.contentsMargins()
            spare -= margins.top() + margins.bottom()
            if button is not None:
                spare -= button.sizeHint().height() + layout.spacing()
        widest = max(50, self.width() - 24)
        width = min(HINT_WIDTH, widest)
        if button is not None and self.label.heightForWidth(width) > spare:
            width = widest
        self.label.setFixedWidth(width)
        self.label.setMinimumHeight(0)     # QLabel counts its minimum in its height-for-width
        needed = self.label.heightForWidth(width)
        self.cramped = button is not None and needed > spare
        self.label.setMinimumHeight(0 if self.cramped else needed)
        if button is not None:
            button.setToolTip(self.label.text() if self.cramped else "")
            self.label.setVisible(not self.isHidden() and not self.cramped)


class _HintLabel(QLabel):
    def setText(self, text: str) -> None:  # noqa: N802  (its height follows its text)
        super().setText(text)
        holder = self.parentWidget()
        if isinstance(holder, _EmptyState) and getattr(holder, "label", None) is self:
            holder.fit()


HINT_WIDTH = 620    # a paragraph, not one line across a wide table


def empty_hint(view, text: str, *, button: str | None = None,
               on_click: Callable[[], Any] | None = None, model=None) -> QLabel:
    """A grey line in the middle of an item view, shown while `model` (by default the view's
    own) has no rows: what the list is for and what to do first; with `button`, a button under
    it that does that (e.g. "Import from Excel…"). Pass the source model when the view shows a
    filtered proxy, so that a search with no match does not say the list is empty.

    Returns the label; the button, when there is one, is `label.button`."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    holder = _EmptyState(view.viewport())
    holder.setObjectName("empty_state")
    label = _HintLabel(text, holder)
    holder.label = label
    label.setObjectName("empty_hint")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    inner = QVBoxLayout(holder)
    inner.setContentsMargins(4, 4, 4, 4)
    inner.setSpacing(6)
    inner.addStretch(1)
    inner.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
    label.button = None
    if button and on_click is not None:
        label.button = QPushButton(button, holder)
        label.button.setObjectName("empty_action")
        label.button.clicked.connect(lambda _checked=False: on_click())
        inner.addWidget(label.button, 0, Qt.AlignmentFlag.AlignHCenter)
    inner.addStretch(1)
    if not label.button:
        holder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    box = QVBoxLayout(view.viewport())
    box.setContentsMargins(0, 0, 0, 0)    # a short list (a few rows in sight) keeps it whole
    box.addWidget(holder)
    model = model if model is not None else view.model()

    def update(*_args):
        empty = model.rowCount() == 0
        holder.setVisible(empty)
        label.setVisible(empty and not holder.cramped)

    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
        signal.connect(update)
    update()
    return label


def show_error(parent: QWidget | None, error: Exception | str, title: str | None = None) -> None:
    """A message that says what is wrong and what to do. Unknown errors are shown, not raised."""
    if isinstance(error, IsoDeskError):
        text = error.message
    elif isinstance(error, str):
        text = error
    elif isinstance(error, OSError):   # a folder gone, a stick pulled out, a file held open
        from desktop.models import oserrors

        where = error.filename if isinstance(error.filename, (str, bytes)) else ""
        text = (tr("Cannot use the file or folder %1: %2.") if where else
                tr("A file could not be read or written: %2.")).replace(
            "%1", str(where)).replace("%2", oserrors.reason(error))
        text += " " + tr("Check that the folder exists and the USB drive is still plugged in, "
                         "not write-protected and not full, then try again. Nothing was changed "
                         "by this step.")
    else:
        text = tr("An unexpected error occurred. Nothing was saved by this step; please try "
                  "again, and if it happens again, send this message to the administrator.")
        text += f"\n\n{error.__class__.__name__}: {error}"
    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("Cannot do this"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.addButton(tr("Close"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title or tr("Done"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.addButton(tr("Close"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, text: str, title: str | None = None, *,
            yes: str | None = None, no: str | None = None, danger: bool = False) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question,
                      title or tr("Please confirm"), text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes_btn = box.addButton(yes or tr("Yes"), QMessageBox.ButtonRole.YesRole)
    no_btn = box.addButton(no or tr("No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_btn if danger else yes_btn)
    box.exec()
    return box.clickedButton() is yes_btn


class FieldErrors:
    """Error labels shown under form fields, in red, filled from a ValidationError."""

    def __init__(self):
        self._labels: dict[str, QLabel] = {}
        self._general: QLabel | None = None

    def label_for(self, field: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setStyleSheet("color: #b00020;")
        label.setWordWrap(True)
        label.hide()
        if field:
            self._labels[field] = label
        else:
            self._general = label
        return label

    def clear(self) -> None:
        for label in [*self._labels.values(), self._general]:
            if label is not None:
                label.clear()
                label.hide()

    def show(self, error: ValidationError | IsoDeskError) -> None:
        self.clear()
        errors = error.errors if isinstance(error, ValidationError) else {"": error.message}
        leftovers = []
        for field, message in errors.items():
            label = self._labels.get(field)
            if label is None:
                leftovers.append(message)
            else:
                label.setText(message)
                label.show()
        if leftovers and self._general is not None:
            self._general.setText("\n".join(leftovers))
            self._general.show()

    def text(self, field: str) -> str:
        label = self._labels.get(field) if field else self._general
        return label.text() if label is not None else ""


def vn_date(value: str | _dt.date | None) -> str:
    """dd/mm/yyyy from an ISO date or datetime string."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = _dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value.strftime("%d/%m/%Y")


vn_datetime = shown_time   # dd/mm/yyyy HH:MM, local time


def role_text(role: str) -> str:
    """An account's role as the interface names it (in the language chosen)."""
    names = {"admin": tr("Administrator"), "iso_team": tr("ISO team"),
             "consultant": tr("Consultant"), "proctor": tr("Proctor")}
    return names.get(role, role)


_PROGRAM_ACTORS = ("system", "setup", "selftest")   # changes made by the program itself


def actor_text(actor: str | None) -> str:
    """Who made a change, as the user reads it: the program's own changes say "System"."""
    if not actor or actor in _PROGRAM_ACTORS:
        return tr("System")
    if actor == "demo":
        return tr("System (demo data)")
    return actor


def refilter(proxy, change: Callable[[], None] = lambda: None) -> None:
    """Apply `change` to a proxy's filter settings and re-run the filter (Qt 6.10 API when there,
    the older call otherwise)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange()
    else:
        change()
        proxy.invalidateFilter()


_FAILED = object()


def attempt(parent: QWidget, action: Callable[[], Any], errors: FieldErrors | None = None) -> Any:
    """Run a model action for a form: a ValidationError goes beside the fields (or in a message
    when there are no field labels), any other IsoDeskError in a message. Returns the action's
    result, or `attempt.FAILED`."""
    try:
        result = action()
    except ValidationError as exc:
        if errors is not None:
            errors.show(exc)
        else:
            show_error(parent, exc)
        return _FAILED
    except IsoDeskError as exc:
        show_error(parent, exc)
        return _FAILED
    if errors is not None:
        errors.clear()
    return result


attempt.FAILED = _FAILED


def button_row(buttons: list[tuple[str, str, Callable]], *, stretch: bool = True):
    """A row of push buttons from (objectName, text, slot) that wraps onto a second line when
    the window is narrow; returns (layout, {name: button})."""
    from PySide6.QtWidgets import QPushButton

    from .flow import FlowLayout

    row = FlowLayout()
    made = {}
    for name, text, slot in buttons:
        btn = QPushButton(text)
        btn.setObjectName(name)
        btn.clicked.connect(slot)
        row.addWidget(btn)
        made[name] = btn
    if stretch:
        row.addStretch(1)
    return row, made


class AnnouncesOwnEdits:
    """For a panel that edits data and that its page also reloads when data changes: its own
    edit is announced to the other pages and the panel reloads once, itself, with the record it
    names selected (the page's handler of the announcement would reload it a second time).
    The panel has `ctx` and `reload(select=None)`, which starts with `if self._own_edit: return`."""

    _own_edit = False

    def _announce_own(self, select: str | None = None, *, reload: bool = True) -> None:
        self._own_edit = True
        try:
            self.ctx.announce_changes()
        finally:
            self._own_edit = False
        if reload:
            self.reload(select=select)
