"""Pieces the quiz documents share: the unit heading, the session line, numbers in Vietnamese."""
from __future__ import annotations

from dataclasses import dataclass

from desktop.models.quiz.sessions import Session
from desktop.models.unit import UnitProfile


@dataclass(frozen=True)
class Heading:
    """Who issues the document: the parent agency, the unit, the place on the date line, and the
    name of the unit's ISO team."""

    parent_name: str
    unit_name: str
    place: str
    team_name: str

    @staticmethod
    def of(profile: UnitProfile | None) -> "Heading":
        if profile is None:
            return Heading("", "", "", "Tổ triển khai ISO")
        return Heading(profile.parent_name or profile.level_name("national"), profile.name,
                       profile.place or "", profile.team_name)


def vn_number(value: float | None, digits: int = 1) -> str:
    """85.5 → "85,5"; None → ""."""
    if value is None:
        return ""
    text = f"{value:.{digits}f}"
    if digits and text.endswith("0" * digits):
        text = text[: -digits - 1]
    return text.replace(".", ",")


def session_line(session: Session) -> str:
    day = session.day.strftime("%d/%m/%Y")
    when = f"ngày {day}"
    if session.start_time and session.end_time:
        when += f", từ {session.start_time.replace(':', ' giờ ')} đến " \
                f"{session.end_time.replace(':', ' giờ ')}"
    return f"Buổi tập huấn {when}, tại {session.place}."


def test_line(session: Session) -> str:
    s = session.settings
    text = f"Đề kiểm tra gồm {s['questions']} câu hỏi trắc nghiệm"
    if s.get("time_limit_min"):
        text += f", thời gian làm bài {s['time_limit_min']} phút"
    return text + f"; đạt khi trả lời đúng từ {vn_number(s['pass_mark'])}% số câu trở lên."
