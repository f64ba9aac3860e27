"""The dry run of a question import: what will come in, what is refused (with its line) and
why; nothing is written until the user confirms, and a file with refused items imports nothing
unless the user ticks "import the good ones"."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout

from desktop.output.quiz.formats import ENCODING_LABELS, FORMAT_LABELS
from desktop.models.quiz.bank_io import ImportPlan
from desktop.models.quiz.kinds import right_letters

from ..common import fit_to_screen, tr
from ..import_gate import BadRowsGate
from ..tables import ItemsModel, make_table


def kind_names() -> dict[str, str]:
    """The kinds of question as the interface names them."""
    return {"single": tr("One right answer"), "multiple": tr("Tick all that apply"),
            "any": tr("One of several right answers"), "truefalse": tr("True / false")}


class PlannedModel(ItemsModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Line"), self.tr("Key"), self.tr("Topic"), self.tr("Question"),
                        self.tr("Kind"), self.tr("Options"), self.tr("Right"),
                        self.tr("Pictures"), self.tr("Left out")]
        self.kind_names = kind_names()

    def display(self, item, column: int) -> str:
        c = item.content
        return [str(item.line), item.key,
                item.topic_name + (" " + self.tr("(new)") if item.new_topic else ""),
                c["text"].replace("\n", " "), self.kind_names[c["kind"]], str(len(c["options"])),
                right_letters(c["kind"], [chr(65 + i) for i in c["correct"]]),
                str(len(c["pictures"])) if c["pictures"] else "",
                "; ".join(item.left_out)][column]

    def background(self, item, column: int) -> str | None:
        return "#fff4d6" if column == 8 and item.left_out else None

    def sort_key(self, item, column: int):
        return item.line if column == 0 else super().sort_key(item, column)


class ProblemsModel(ItemsModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.headers = [self.tr("Line"), self.tr("What is wrong"), self.tr("Kind")]

    def display(self, r, column: int) -> str:
        kind = self.tr("Refused") if r[1] == "refused" else self.tr("Skipped")   # why: beside
        return [str(r[0].line), r[0].message, kind][column]

    def background(self, r, column: int) -> str | None:
        return "#fde7e9" if r[1] == "refused" else None


class ImportPreviewDialog(QDialog):
    def __init__(self, plan: ImportPlan, file_name: str, parent=None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Import questions — %1").replace("%1", file_name))
        fit_to_screen(self, 960, 600)
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("Format: %1 · encoding: %2 · to import: %3 · refused: %4 · skipped "
                              "(already in the bank or repeated in the file): %5")
                      .replace("%1", FORMAT_LABELS.get(plan.format, plan.format))
                      .replace("%2", ENCODING_LABELS.get(plan.encoding, plan.encoding))
                      .replace("%3", str(len(plan.items))).replace("%4", str(len(plan.rejected)))
                      .replace("%5", str(len(plan.skipped))))
        head.setObjectName("import_head")
        head.setStyleSheet("font-weight: bold;")
        head.setWordWrap(True)
        layout.addWidget(head)
        if plan.new_topics:
            topics = QLabel(self.tr("New topics: %1").replace("%1", ", ".join(
                f"{n} ({c})" for c, n in plan.new_topics.items())))
            topics.setWordWrap(True)
            layout.addWidget(topics)
        for w in plan.warnings:
            layout.addWidget(QLabel(w))
        tabs = QTabWidget()
        self.planned = PlannedModel(self)
        self.planned.set_items(plan.items)
        table = make_table("planned_table", self.planned, stretch=3, sortable=False)
        tabs.addTab(table, self.tr("To import (%1)").replace("%1", str(len(plan.items))))
        self.problems = ProblemsModel(self)
        self.problems.set_items(sorted([(r, "refused") for r in plan.rejected]
                                       + [(r, "skipped") for r in plan.skipped],
                                       key=lambda x: x[0].line))
        ptable = make_table("problems_table", self.problems, stretch=1, sortable=False)
        ptable.setWordWrap(True)
        tabs.addTab(ptable, self.tr("Refused or skipped (%1)").replace(
            "%1", str(len(plan.rejected) + len(plan.skipped))))
        if plan.rejected:
            tabs.setCurrentIndex(1)
        layout.addWidget(tabs, 1)
        left = sum(1 for i in plan.items if i.left_out)
        if left:
            note = QLabel(self.tr("%n question(s) lose something this program can't keep (see "
                                  "the \"Left out\" column).", "", left))
            note.setObjectName("left_out_note")
            note.setWordWrap(True)
            layout.addWidget(note)
        self.gate = BadRowsGate(len(plan.items), len(plan.rejected), self, questions=True)
        layout.addWidget(self.gate)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("Import %n question(s)", "", len(plan.items)),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("do_import")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.gate.changed.connect(self._update)
        self._update()

    @property
    def accept_good(self) -> bool:
        return self.gate.accept_good

    def _update(self, *_args) -> None:
        ok = bool(self.plan.items) and self.gate.allows()
        self.import_button.setEnabled(ok)
