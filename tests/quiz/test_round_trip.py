"""The default bank plus the question files of tests/fixtures, exported as GIFT, Moodle XML,
Excel and this program's JSON, then imported into an empty bank: nothing is lost (text,
options, right answers, kind, weights, pictures, topic path, explanation, clause, difficulty)."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.output.quiz.formats import export_bank, read_questions
from desktop.models import records
from desktop.models.quiz import bank, bank_io, wording
from desktop.models.quiz.common import QUESTIONS, TOPICS, VERSIONS

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "questions"
FIXTURES = ["giao-vien-vi.gift", "moodle-export-pluginfile.xml",
            "moodle-sample_questions_with_old_image_tag.xml",
            "moodle-nested_categories_with_questions.xml", "aiken-chep-tu-web.txt",
            "giftplayer-sample.gift"]


def _empty(store) -> None:
    with store.atomic():
        for table in (VERSIONS, QUESTIONS, TOPICS):
            for row in store.query(f"SELECT id FROM {table} WHERE deleted = 0"):
                if table == VERSIONS:
                    from desktop.models.quiz import pictures
                    pictures.delete_rows(store, row["id"])
                records.delete(store, table, row["id"])


def _snapshot(store) -> dict:
    names = {t.code: t.name for t in bank.list_topics(store)}
    out = {}
    for q in bank.list_questions(store):
        out[q.key] = {"text": q.text, "options": q.options, "correct": q.correct,
                      "kind": q.kind, "weights": q.weights, "explanation": q.explanation,
                      "clause": q.clause, "difficulty": q.difficulty,
                      "topic": names[q.topic_code],
                      "pictures": [(p.place, p.option, p.sha256) for p in q.pictures]}
    return out


@pytest.fixture(scope="module")
def source_bank(tmp_path_factory, _template_db):
    import shutil

    from desktop.models.datafile import open_store
    from desktop.models.db import DB_FILENAME

    folder = tmp_path_factory.mktemp("round-trip-source")
    shutil.copyfile(_template_db, folder / DB_FILENAME)
    store = open_store(folder / DB_FILENAME, actor="admin")
    _empty(store)
    bank_io.load_bank_file(store)           # the default bank shipped with the program
    for name in FIXTURES:
        plan = bank_io.plan_import(store, read_questions(FILES / name))
        bank_io.apply_import(store, plan, accept_good=True)
    yield _snapshot(store), store
    store.close(clean=False)


def test_the_source_holds_every_kind_and_pictures(source_bank):
    snapshot = source_bank[0]
    kinds = {q["kind"] for q in snapshot.values()}
    assert kinds == {"single", "multiple", "any", "truefalse"}
    assert sum(len(q["pictures"]) for q in snapshot.values()) >= 4
    assert any(" / " in q["topic"] for q in snapshot.values())
    assert any("/" in q["topic"].replace(" / ", "") for q in snapshot.values())
    assert any("\u00a0" in q["text"] for q in snapshot.values())
    assert len(snapshot) > 100


@pytest.mark.parametrize("suffix", [".gift", ".xml", ".xlsx", ".json"])
def test_round_trip_loses_nothing(source_bank, store, tmp_path, suffix):
    snapshot, source = source_bank
    path = tmp_path / f"bank{suffix}"
    out = export_bank(source, path, include_retired=True)
    assert out["skipped"] == []
    _empty(store)
    parsed = read_questions(path)
    plan = bank_io.plan_import(store, parsed)
    assert [(r.line, r.message) for r in plan.rejected] == []
    assert [i for i in plan.items if i.left_out] == []
    bank_io.apply_import(store, plan)
    got = _snapshot(store)
    assert set(got) == set(snapshot)
    names = wording.level_names(store)
    for key, want in snapshot.items():
        if suffix != ".json":
            # files for other programs carry the unit names filled in (as people see them);
            # this program's own file keeps the placeholders
            want = {**want, **{k: v for k, v in wording.fill_content(want, names).items()
                               if k in ("text", "options", "explanation")}}
        assert got[key] == want, key
