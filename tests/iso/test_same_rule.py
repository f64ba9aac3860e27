"""Rules that held on one path and not on another: a revised corrective-action plan after a
failed effectiveness check (model, `nc plan`, the GUI), every plan kept with its dates; a
management review exactly 12 months ago is due today; a finding says which nonconformity it
opened."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.errors import ValidationError
from desktop.models.iso.audits import AuditRepository
from desktop.models.iso.nonconformities import NonconformityRepository, next_stage
from desktop.models.iso.reviews import ReviewRepository, review_state

PLAN = {"cause": "Chưa phổ biến quy trình mới", "corrective_action": "Tập huấn lại quy trình",
        "owner": "Lê Thị Thu Hà", "due_on": "30/04/2026"}
REVISED = {"cause": "Mẫu cũ vẫn còn trên máy", "corrective_action": "Thu hồi mẫu cũ, cài mẫu mới",
           "owner": "Nguyễn Văn Thành", "due_on": "31/05/2026"}


def _failed(store, today):
    repo = NonconformityRepository(store)
    nc = repo.add({"description": "Sai mẫu biểu", "detected_on": "01/04/2026"}, today=today)
    nc = repo.advance(nc.id, "planned", {**PLAN, "planned_on": "05/04/2026"}, today=today)
    nc = repo.advance(nc.id, "in_progress", {"started_on": "10/04/2026"}, today=today)
    nc = repo.advance(nc.id, "verified", {"effectiveness": "Vẫn dùng mẫu cũ",
                                          "checked_by": "Giám đốc", "effective": False,
                                          "checked_on": "20/04/2026"}, today=today)
    return repo, nc


def test_a_failed_check_keeps_the_plans_dates_and_asks_for_a_revised_plan(store, today):
    repo, nc = _failed(store, today)
    assert (nc.stage, nc.planned_on, nc.started_on, nc.checked_on) == \
        ("planned", "2026-04-05", "2026-04-10", "2026-04-20")
    assert next_stage(nc) == "planned"
    with pytest.raises(ValidationError) as exc:
        repo.advance(nc.id, "in_progress", today=today)   # not the same ineffective action again
    assert "hãy lập lại kế hoạch khắc phục" in exc.value.errors["stage"]
    with pytest.raises(ValidationError) as exc:   # the revision comes after the failed check
        repo.advance(nc.id, "planned", {**REVISED, "planned_on": "19/04/2026"}, today=today)
    assert "Ngày lập kế hoạch (19/04/2026) không được trước" in exc.value.errors["planned_on"]
    nc = repo.advance(nc.id, "planned", {**REVISED, "planned_on": "22/04/2026"}, today=today)
    assert (nc.stage, nc.corrective_action, nc.planned_on, nc.started_on, nc.checked_on) == \
        ("planned", REVISED["corrective_action"], "2026-04-22", None, None)
    assert next_stage(nc) == "in_progress"
    nc = repo.advance(nc.id, "in_progress", {"started_on": "23/04/2026"}, today=today)
    nc = repo.advance(nc.id, "verified", {"effectiveness": "Đã dùng mẫu mới",
                                          "checked_by": "Giám đốc", "checked_on": "10/05/2026"},
                      today=today)
    plans = [p.as_public() for p in repo.plans(nc.id)]
    assert [(p["round"], p["corrective_action"], p["planned_on"], p["started_on"],
             p["checked_on"], p["current"]) for p in plans] == [
        (1, PLAN["corrective_action"], "2026-04-05", "2026-04-10", "2026-04-20", False),
        (2, REVISED["corrective_action"], "2026-04-22", "2026-04-23", "2026-05-10", True)]
    assert plans[0]["result"] == "Vẫn dùng mẫu cũ" and plans[0]["checked_by"] == "Giám đốc"


def test_nc_plan_revises_after_a_failed_check_on_the_command_line(store, data_dir, capsys, today):
    import json

    from tests.cli_auth import run_cli

    repo, nc = _failed(store, today)

    def run(*args):
        code = run_cli(["--data-dir", str(data_dir), "nc", *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, _out, err = run("start", nc.code)
    assert code == 1 and "hãy lập lại kế hoạch khắc phục" in err
    code, out, err = run("plan", nc.code, "--cause", REVISED["cause"], "--action",
                         REVISED["corrective_action"], "--owner", REVISED["owner"], "--due",
                         "31/05/2026", "--date", "22/04/2026", "--json")
    assert code == 0, err
    assert json.loads(out)["corrective_action"] == REVISED["corrective_action"]
    code, out, _ = run("show", nc.code, "--json")
    shown = json.loads(out)
    assert [p["round"] for p in shown["plans"]] == [1, 2]
    assert shown["plans"][0]["started_on"] == "2026-04-10"
    code, out, _ = run("show", nc.code)
    assert "Kế hoạch lần 1 (chưa hiệu quả): Tập huấn lại quy trình" in out
    assert "bắt đầu 10/04/2026, kiểm tra 20/04/2026 (Giám đốc): Vẫn dùng mẫu cũ" in out


def test_the_gui_step_after_a_failed_check_is_a_revised_plan(qtbot, store, today):
    from desktop.models import users
    from desktop.views.context import ViewContext
    from desktop.views.iso.nc_dialogs import StepDialog
    from desktop.views.iso.nc_tab import NcTab

    repo, nc = _failed(store, today)
    tab = NcTab(ViewContext(store, users.find_user(store, "admin")))
    qtbot.addWidget(tab)
    tab.select_id(nc.id)
    assert tab.buttons["nc_step"].isEnabled()
    assert "Lập lại kế hoạch" in tab.buttons["nc_step"].text()
    assert "Tập huấn lại quy trình" in tab.detail.text()   # the earlier plan, in the history
    dialog = StepDialog(repo, repo.get(nc.id), tab)
    qtbot.addWidget(dialog)
    assert dialog.step == "planned"
    assert dialog.fields["corrective_action"].value() == PLAN["corrective_action"]
    dialog.fields["corrective_action"].setPlainText(REVISED["corrective_action"])
    dialog.fields["planned_on"].clear()
    qtbot.keyClicks(dialog.fields["planned_on"], "22/04/2026")
    dialog.save()
    assert dialog.saved is not None
    assert repo.get(nc.id).corrective_action == REVISED["corrective_action"]
    assert len(repo.plans(nc.id)) == 2


@pytest.mark.parametrize("held,state", [("2025-06-16", "ok"), ("2025-06-15", "due_today"),
                                        ("2025-06-14", "overdue"), (None, "none")])
def test_a_review_exactly_twelve_months_ago_is_due_today(store, today, held, state):
    assert today == dt.date(2026, 6, 15)
    repo = ReviewRepository(store)
    if held:
        repo.add({"held_on": held, "chair": "GĐ", "participants": "A"}, today=today)
    r = repo.reminder(today)
    assert r["review_state"] == state == review_state(held, today)
    assert r["review_due"] is (state != "ok")
    if state == "due_today":
        assert "hôm nay đến hạn" in r["message"] and "đã quá 12 tháng" not in r["message"]
    if state == "overdue":
        assert "đã quá 12 tháng" in r["message"]


def test_a_finding_says_which_nonconformity_it_opened(store, today):
    repo = AuditRepository(store)
    prog = repo.add_programme({"year": 2026, "title": "CT 2026", "approved_by": "GĐ",
                               "approved_on": "05/01/2026"}, today=today)
    audit = repo.add_audit({"programme_id": prog.id, "start_on": "02/03/2026",
                            "conducted_by": "internal", "lead_auditor": "X"}, today=today)
    f = repo.add_finding(audit.id, {"kind": "minor", "description": "Thiếu sổ"}, open_nc=True)
    nc = NonconformityRepository(store).list()[0]
    assert f.nc_id == nc.id and nc.finding_id == f.id
    assert repo.update_finding(f.id, {"clause": "7.5"}).nc_id == nc.id
    plain = repo.add_finding(audit.id, {"kind": "observation", "description": "Ghi nhận"})
    assert plain.nc_id is None
