"""Demo minutes of the fictional district: one confirmed, one signed by its author and awaiting
confirmation, one draft."""
from __future__ import annotations

import datetime as _dt
import random

from desktop.documents.minutes_pdf import confirmed_pdf_renderer
from desktop.models import minutes as M
from desktop.models.db import Store
from desktop.models.unit import get_profile

CONSULTANT_ORG = "Công ty TNHH Tư vấn Quản lý Chất lượng Trường An"


def _people() -> list[dict]:
    return [
        {"side": "unit", "name": "Phạm Quốc Hùng", "position": "Giám đốc"},
        {"side": "unit", "name": "Trương Thị Mỹ Dung", "position": "Phó Giám đốc"},
        {"side": "unit", "name": "Lê Thị Thu Hà", "position": "Tổ trưởng Tổ triển khai ISO"},
        {"side": "unit", "name": "Trần Thị Hồng Nhung",
         "position": "Tổ trưởng Bộ phận Tiếp nhận và trả kết quả"},
        {"side": "consultant", "name": "Đỗ Minh Khôi", "position": "Chuyên gia tư vấn",
         "organisation": CONSULTANT_ORG},
        {"side": "consultant", "name": "Nguyễn Thị Phương Thảo", "position": "Chuyên gia tư vấn",
         "organisation": CONSULTANT_ORG},
    ]


def build(store: Store, rng: random.Random) -> None:
    from desktop.demo import DEMO_PASSWORD

    profile = get_profile(store)
    team = profile.team_name
    today = _dt.date.today()
    plans = [
        ("training", today - _dt.timedelta(days=45), "confirmed"),
        ("document_review", today - _dt.timedelta(days=20), "signed"),
        ("internal_audit", today - _dt.timedelta(days=2), "draft"),
    ]
    for key, day, state in plans:
        data = M.get_template(key).draft(profile, year=day.year)
        data.update(date=day.isoformat(), chair="Phạm Quốc Hùng", secretary="Đỗ Minh Khôi",
                    participants=_people())
        data["content"] = data["content"].replace("…/… người", f"{rng.randint(34, 39)}/39 người") \
            .replace("… người", f"{rng.randint(30, 34)} người")
        for item in data.get("action_items", []):
            item["due"] = (day + _dt.timedelta(days=rng.choice((7, 14, 30)))).isoformat()
        rev = M.create(store, data, template=key)
        if state in ("signed", "confirmed"):
            M.sign(store, rev.minutes_id, "tuvan", DEMO_PASSWORD, "author", team_name=team)
        if state == "confirmed":
            M.sign(store, rev.minutes_id, "iso", DEMO_PASSWORD, "confirm", team_name=team,
                   pdf_renderer=confirmed_pdf_renderer(team))
