"""Attempts taken in a browser over the office network travel in the sync package exactly like
kiosk attempts: the province receives the attempt (channel "web") and every answer."""
from __future__ import annotations

from desktop.models.db import DB_FILENAME
from desktop.models.quiz import attempts, bank_io, sessions, stat_sums, stats, web
from sync import exporter, importer

from ..quiz.web_helpers import Client, screen, serving
from .conftest import rows_of


def test_a_web_attempt_reaches_the_province_with_its_answers(pair):
    district = pair.district
    bank_io.ensure_default_bank(district)
    people = pair.staff(2)
    s = sessions.create_session(district, {
        "date": "2025-10-14", "place": "Hội trường", "settings": {"questions": 3}},
        staff_ids=[p.id for p in people])
    web.open_test(district, s.id)
    web.set_auto_admit(district, s.id, True)
    kiosk = attempts.start_attempt(district, s.id, people[1].id, kiosk_label="Máy 1")
    attempts.submit(district, kiosk)
    with serving(district.path.parent, s.id) as server:
        assert district.path.parent / DB_FILENAME == district.path
        c = Client(server.port)
        assert screen(c.join(people[0].staff_code)) == "question"
        for position in (1, 2, 3):
            assert c.answer(position, 0)["ok"]
        c.post("/submit")
    [result] = exporter.export_packages(district, pair.usb)
    assert result.counts["quiz_attempts"] == 2 and result.counts["quiz_answers"] == 6
    ran: list[str] = []
    pair.province.conn.set_trace_callback(ran.append)
    try:
        summary = importer.import_file(pair.province, result.copied_to,
                                       trust_new_sender=True)[0]
    finally:
        pair.province.conn.set_trace_callback(None)
    assert summary.status == "ok", summary.messages
    # the package's answers were only noted, then their session counted once, grouped
    assert "INSERT OR IGNORE INTO quiz_stat_paused (id) VALUES (1)" in ran
    assert any(sql.startswith("INSERT INTO temp.quiz_stat_sessions") for sql in ran)
    assert pair.province.query("SELECT * FROM quiz_stat_paused") == []
    assert pair.province.query("SELECT * FROM quiz_stat_touched") == []
    got = rows_of(pair.province, "quiz_attempts", district.unit_code)
    channels = sorted(r["channel"] for r in got.values())
    assert channels == ["", "web"]
    web_attempt = next(r for r in got.values() if r["channel"] == "web")
    assert web_attempt["status"] == "submitted" and web_attempt["score"] is not None
    answers = [r for r in rows_of(pair.province, "quiz_answers", district.unit_code).values()
               if r["attempt_id"] == web_attempt["id"]]
    assert len(answers) == 3 and all(a["selected"] for a in answers)
    # the statistics' kept sums followed the browser's answers and the import, on both sides
    assert stat_sums.differences(district) == [] and stat_sums.differences(pair.province) == []
    assert stats.item_analysis(pair.province, session_id=s.id).as_dict() == \
        stats.item_analysis(district, session_id=s.id).as_dict()
    # the devices and the browser test's secret stay on the district's PC
    assert pair.province.query("SELECT * FROM quiz_web_devices") == []
    assert pair.province.query("SELECT * FROM quiz_web_tests") == []
