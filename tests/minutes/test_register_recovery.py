"""The register and the typing kept after a power cut: what it points at follows what the person
does with that typing at once (real widgets, offscreen)."""
from __future__ import annotations

from desktop.models import minutes as M
from desktop.views.minutes.page import MinutesPage

from .helpers import sample
from .test_gui import answer, ctx  # noqa: F401  (fixtures)


def test_dropping_recovered_typing_updates_the_register_at_once(ctx, store, qtbot, answer):
    """After a power cut the register points at the typing kept; once the person drops it (the
    banner's button on a draft, "Don't save" on a new minutes), the register stops pointing at
    it at once, not at the next reload."""
    draft = M.create(store, sample())
    M.autosave.save(store, draft.id, {"content": "Gõ dở"}, username="tuvan",
                    base_version=draft.version)
    M.autosave.save(store, M.autosave.new_minutes_key("blank", "tuvan"),
                    {"subject": "Họp mới", "content": "Đang gõ dở"}, username="tuvan")
    page = MinutesPage(ctx)
    qtbot.addWidget(page)
    row = next(r for r in range(page.model.rowCount())
               if page.model.entry(r).revision_id == draft.id)

    def status_text():
        return " ".join(str(page.model.data(page.model.index(row, c)))
                        for c in range(page.model.columnCount()))

    assert "gõ" in status_text()
    assert "chưa lưu" in page.count_label.text()

    page.select_minutes(draft.minutes_id)
    editor = page.open_selected()
    qtbot.addWidget(editor)
    assert editor.banner.isVisible()
    editor.discard_recovered()
    assert "gõ" not in status_text()

    new = page.new_minutes("blank")     # a child of the page, deleted once dropped
    assert new.form.content.toPlainText() == "Đang gõ dở"
    answer("drop_new")
    new.close()
    assert "chưa lưu" not in page.count_label.text()
    blank = M.get_template("blank").label
    assert blank in {a.text() for a in page.new_button.menu().actions()}
