"""A district's own questions go up to the province with their kind and their pictures."""
from __future__ import annotations

import base64
import re
from pathlib import Path

from desktop.models import blobs
from desktop.models.quiz import bank, pictures

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "questions"
PNG = base64.b64decode(re.search(
    r"<image_base64>\s*(\S+)\s*</image_base64>",
    (FILES / "moodle-sample_questions_with_old_image_tag.xml").read_text()).group(1))
ANY = {"text": "Hồ sơ nào là bằng chứng về năng lực?", "kind": "any",
       "options": ["Danh sách dự tập huấn", "Kết quả kiểm tra", "Ảnh hội trường"],
       "correct": [0, 1], "pictures": [{"place": "question", "data": PNG, "name": "hinh.png"},
                                        {"place": "option", "option": 2, "data": PNG,
                                         "name": "anh.png"}]}


def test_sync_package_carries_the_kind_and_the_pictures(pair):
    """A district's own question goes up to the province with its kind and its pictures'
    files, in a real package."""
    from sync import exporter, importer

    topic = bank.ensure_topic(pair.district, "Nhận thức")
    q = bank.add_question(pair.district, {"topic_code": topic.code, **ANY}, key="HUYEN-01")
    [up] = exporter.export_packages(pair.district, pair.usb)
    [summary] = importer.import_file(pair.province, up.copied_to, trust_new_sender=True)
    assert summary.status == "ok", summary.messages
    version = pair.province.query_one("SELECT kind FROM quiz_question_versions WHERE id = ?",
                                      (q.version_id,))
    assert version["kind"] == "any"
    rows = pair.province.query(f"SELECT sha256, place FROM {pictures.TABLE} WHERE version_id = ?",
                               (q.version_id,))
    assert sorted(r["place"] for r in rows) == ["option", "question"]
    assert all(blobs.read_blob(pair.province, r["sha256"]) == PNG for r in rows)
