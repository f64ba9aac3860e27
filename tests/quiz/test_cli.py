"""`isodesk quiz …` and `isodesk training …`: the exact JSON of the issue, and exit codes."""
from __future__ import annotations

import json

import pytest

from desktop.models.datafile import open_store
from desktop.models.db import DB_FILENAME
from desktop.models.quiz import bank
from tests.cli_auth import run_cli

from .conftest import MOODLE, SMALL_BANK


@pytest.fixture
def run(qdata_dir, capsys, monkeypatch):
    def invoke(*args, stdin: str | None = None):
        code = run_cli(["--data-dir", str(qdata_dir), *[str(a) for a in args]], stdin)
        out, err = capsys.readouterr()
        payload = json.loads(out) if out.strip().startswith("{") else None
        return code, payload, err
    return invoke


def create_session(run, *extra) -> str:
    code, out, err = run("training", "create", "--date", "15/09/2025", "--place", "Hội trường",
                         "--start", "07:30", "--end", "11:30", "--questions", "5",
                         "--pass-mark", "60", *extra, "--json")
    assert code == 0, err
    assert set(out) == {"session_id"}
    return out["session_id"]


def test_import_json_shape_and_all_or_nothing(run, qdata_dir):
    code, out, err = run("quiz", "import", MOODLE / "questions.gift.txt", "--json")
    assert code == 1 and out["imported"] == 0 and out["refused"] and out["exit_code"] == 1
    assert {"imported", "rejected", "skipped", "items", "new_topics"} <= set(out)
    assert [r["line"] for r in out["rejected"]] == [2, 5, 31, 34]
    assert all(set(r) == {"line", "message"} for r in out["rejected"])
    # A dry run says what the import would do, with its exit code, and never "imported".
    code, out, _ = run("quiz", "import", MOODLE / "questions.gift.txt", "--dry-run", "--json")
    assert code == 1 and out["would_import"] == 4 and "imported" not in out
    assert [s["line"] for s in out["skipped"]] == [49]             # the twin of "2-08 TSL"
    assert [i["kind"] for i in out["items"]] == ["single", "multiple", "truefalse", "truefalse"]
    assert out["items"][0]["left_out"] == ["phản hồi riêng của từng phương án"]
    code, out, _ = run("quiz", "import", MOODLE / "questions.gift.txt", "--dry-run",
                       "--accept-good", "--json")
    assert code == 0 and out["would_import"] == 4
    code, out, _ = run("quiz", "import", MOODLE / "aiken_errors.txt", "--format", "aiken",
                       "--accept-good", "--json")
    assert code == 0 and out["imported"] == 2 and len(out["rejected"]) == 4
    code, out, err = run("quiz", "import", MOODLE / "questions_in_category.gift.txt")
    assert code == 1 and "Dòng 22" in err


def test_bank_json_shape(run):
    code, out, _ = run("quiz", "bank", "--json")
    assert code == 0 and len(out["questions"]) == 12
    q = out["questions"][0]
    assert set(q) == {"id", "key", "topic", "text", "options", "correct", "explanation",
                      "historical"}
    assert isinstance(q["options"], list) and isinstance(q["correct"], list)
    code, out, _ = run("quiz", "bank", "--topic", "pdca", "--json")
    assert {q["topic"] for q in out["questions"]} == {"PDCA"}


@pytest.mark.parametrize("name", ["b.gift", "b.xml", "b.xlsx", "b.aiken", "b.txt", "b.json"])
def test_export_by_extension_then_import_elsewhere(run, tmp_path, name, data_dir, capsys):
    code, out, _ = run("quiz", "export", tmp_path / name, "--json")
    assert code == 0 and out["written"] == 12
    code = run_cli(["--data-dir", str(data_dir), "quiz", "import", str(tmp_path / name), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["imported"] == 12 and result["rejected"] == []


def test_training_create_and_the_paper_fallback(run, tmp_path):
    sid = create_session(run, "--blueprint", "NT=2")
    code, out, _ = run("quiz", "paper", "--session", sid[:8], "--variants", "2", "--out",
                       tmp_path / "de.pdf", "--json")
    assert code == 0 and (tmp_path / "de.pdf").exists()
    assert set(out) == {"variants"} and [v["code"] for v in out["variants"]] == ["A", "B"]
    for v in out["variants"]:
        assert set(v) == {"code", "questions"} and len(v["questions"]) == 5
        assert all(set(q) == {"question_id", "options"} for q in v["questions"])
    _, bank_out, _ = run("quiz", "bank", "--json")
    questions = {q["id"]: q for q in bank_out["questions"]}
    variant = out["variants"][1]
    letters = ""
    for q in variant["questions"]:
        right = sorted(q["options"].index(c) for c in questions[q["question_id"]]["correct"])
        group = "".join("ABCDEFGH"[i] for i in right)
        letters += group if len(group) == 1 else f"({group})"
    csv = tmp_path / "answers.csv"
    csv.write_text(f"staff_code,variant,answers\nCB001,B,{letters}\nCB002,A,-----\n",
                   encoding="utf-8")
    code, out, err = run("quiz", "enter-answers", "--session", sid, "--file", csv, "--json")
    assert code == 0, err
    assert out["entered"] == 2 and out["rejected"] == []
    by_code = {r["staff_code"]: r for r in out["results"]}
    assert by_code["CB001"]["score"] == 5 and by_code["CB001"]["passed"] is True
    assert by_code["CB002"]["score"] == 0 and by_code["CB002"]["passed"] is False
    code, out, _ = run("quiz", "enter-answers", "--session", sid, "--file", csv, "--json")
    assert code == 1 and out["entered"] == 0 and len(out["rejected"]) == 2


def test_stats_json_shape(run, tmp_path):
    sid = create_session(run)
    run("quiz", "paper", "--session", sid, "--variants", "1", "--out", tmp_path / "d.pdf")
    csv = tmp_path / "a.csv"
    csv.write_text("staff_code,variant,answers\nCB001,A,AAAAA\nCB002,A,BBBBB\nCB003,A,ABABA\n",
                   encoding="utf-8")
    assert run("quiz", "enter-answers", "--session", sid, "--file", csv)[0] == 0
    code, out, _ = run("quiz", "stats", "--session", sid, "--json")
    assert code == 0
    assert set(out) == {"attempts", "mean", "sd", "kr20", "sem", "items"}
    assert out["attempts"] == 3 and len(out["items"]) == 5
    for item in out["items"]:
        assert set(item) == {"question_id", "facility", "discrimination_index",
                             "discriminative_efficiency", "option_counts", "flags"}
        assert "few_attempts" in item["flags"] and 0 <= item["facility"] <= 1
    code, across, _ = run("quiz", "stats", "--json")
    assert code == 0 and across["attempts"] == 3


def test_results_coverage_and_listing(run, tmp_path):
    sid = create_session(run, "--attendance", "CB001,CB002")
    code, out, _ = run("quiz", "results", "--session", sid, "--pdf", tmp_path / "r.pdf",
                       "--xlsx", tmp_path / "r.xlsx", "--slips", tmp_path / "s.pdf", "--json")
    assert code == 0 and set(out["files"]) == {"pdf", "xlsx", "slips"}
    assert [p["staff_code"] for p in out["people"]] == ["CB001", "CB002"]
    code, out, _ = run("quiz", "coverage", "--json")
    assert code == 0 and out["active_staff"] == 8 and len(out["not_passed"]) == 8
    code, out, _ = run("training", "list", "--json")
    assert out["sessions"][0]["session_id"] == sid and out["sessions"][0]["listed"] == 2
    code, out, _ = run("training", "show", sid, "--json")
    assert out["summary"]["listed"] == 2


def test_training_commands_and_usage_errors(run):
    sid = create_session(run, "--attendance", "none")
    assert run("training", "attend", "--session", sid, "--staff", "CB001,CB002")[0] == 0
    assert run("training", "attend", "--session", sid, "--staff", "CB404")[0] == 1
    code, out, _ = run("training", "set-pin", "--session", sid, "--pin-stdin", "--json",
                       stdin="12\n")
    assert code == 1
    assert run("training", "set-pin", "--session", sid, "--pin-stdin", stdin="9876\n")[0] == 0
    code, out, _ = run("training", "retake", "--session", sid, "--staff", "CB001", "--json")
    assert code == 0 and out["retakes_granted"] == 1
    code, _, err = run("training", "retake", "--session", sid, "--staff", "CB001,CB002")
    assert code == 2 and "đúng một mã cán bộ (đã nhận 2)" in err
    assert run("training", "close", "--session", sid)[0] == 0
    assert run("training", "create", "--date", "x", "--place", "y")[0] == 1
    assert run("quiz", "paper", "--session", "khong-co", "--variants", "2", "--out", "x.pdf")[0] \
        == 1
    assert run("quiz", "paper", "--session", sid)[0] == 2


def test_kiosk_files_commands(run, tmp_path, data_dir, capsys):
    sid = create_session(run)
    run("training", "set-pin", "--session", sid, "--pin-stdin", stdin="2468\n")
    code, out, _ = run("quiz", "kiosk-setup", "--session", sid, "--out", tmp_path / "k.isokiosk",
                       "--label", "Máy 2", "--json")
    assert code == 0 and out["label"] == "Máy 2"
    code = run_cli(["--data-dir", str(data_dir), "quiz", "kiosk-open", str(tmp_path / "k.isokiosk"),
                 "--json"])
    capsys.readouterr()
    assert code == 0
    kiosk_pc = open_store(data_dir / DB_FILENAME)
    try:
        from desktop.models.quiz import attempts
        from desktop.models.staff import StaffRepository
        a = attempts.start_attempt(kiosk_pc, sid, StaffRepository(kiosk_pc).by_code("CB001").id)
        attempts.submit(kiosk_pc, a)
    finally:
        kiosk_pc.close(clean=False)
    code = run_cli(["--data-dir", str(data_dir), "quiz", "results-export", "--session", sid,
                 "--out", str(tmp_path / "r.isoresults")])
    capsys.readouterr()
    assert code == 0
    code, out, _ = run("quiz", "results-import", tmp_path / "r.isoresults", "--json")
    assert code == 0 and out["attempts_new"] == 1
    code, out, _ = run("quiz", "results-import", tmp_path / "r.isoresults", "--json")
    assert code == 0 and out["already_imported"]


def test_load_default_and_template(run, tmp_path, qdata_dir):
    code, out, _ = run("quiz", "load-default", "--json")
    assert code == 0 and out["questions"] >= 80
    code, out, _ = run("quiz", "template", tmp_path / "mau.xlsx", "--json")
    assert code == 0 and (tmp_path / "mau.xlsx").exists()
    store = open_store(qdata_dir / DB_FILENAME)
    try:
        assert len(bank.list_questions(store)) >= 92
    finally:
        store.close(clean=False)
    assert SMALL_BANK.exists()
