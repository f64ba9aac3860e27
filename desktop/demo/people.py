"""The fictional staff of the demo district (names are made up), its consultant, and who does
what in its ISO team: one source for the roster, the team list, the training day and the
minutes, so that they all say the same."""
from __future__ import annotations

import random

from desktop.models.vntext import fold

_PEOPLE = """\
Phạm Quốc Hùng|Giám đốc|Ban Giám đốc
Trương Thị Mỹ Dung|Phó Giám đốc|Ban Giám đốc
Lê Thị Thu Hà|Tổ trưởng|Tổ Hành chính - Tổng hợp
Nguyễn Văn Thành|Viên chức|Tổ Hành chính - Tổng hợp
Huỳnh Thị Kim Oanh|Văn thư|Tổ Hành chính - Tổng hợp
Vũ Thị Ngọc Lan|Viên chức|Tổ Hành chính - Tổng hợp
Đặng Văn Lợi|Lái xe (hợp đồng)|Tổ Hành chính - Tổng hợp
Trần Thị Hồng Nhung|Tổ trưởng|Bộ phận Tiếp nhận và trả kết quả
Nguyễn Thị Ánh Tuyết|Viên chức|Bộ phận Tiếp nhận và trả kết quả
Bùi Thanh Tâm|Viên chức|Bộ phận Tiếp nhận và trả kết quả
Hồ Thị Xuân Mai|Viên chức|Bộ phận Tiếp nhận và trả kết quả
Phan Văn Đức|Viên chức|Bộ phận Tiếp nhận và trả kết quả
Ngô Thị Bích Ngọc|Tổ trưởng|Tổ Quản lý thu - Sổ, thẻ
Dương Minh Trí|Viên chức|Tổ Quản lý thu - Sổ, thẻ
Lý Thị Cẩm Vân|Viên chức|Tổ Quản lý thu - Sổ, thẻ
Võ Văn Ẩn|Viên chức|Tổ Quản lý thu - Sổ, thẻ
Nguyễn Thị Yến|Viên chức|Tổ Quản lý thu - Sổ, thẻ
Trần Quang Vinh|Viên chức|Tổ Quản lý thu - Sổ, thẻ
Lê Văn Út|Viên chức|Tổ Quản lý thu - Sổ, thẻ
Hoàng Thị Diệu Linh|Tổ trưởng|Tổ Chế độ BHXH
Đinh Công Bằng|Viên chức|Tổ Chế độ BHXH
Phạm Thị Thanh Hương|Viên chức|Tổ Chế độ BHXH
Nguyễn Hữu Phước|Viên chức|Tổ Chế độ BHXH
Tạ Thị Ngân|Viên chức|Tổ Chế độ BHXH
Trịnh Văn Ơn|Viên chức|Tổ Chế độ BHXH
Châu Thị Ửng|Viên chức|Tổ Chế độ BHXH
Mai Xuân Sơn|Tổ trưởng|Tổ Giám định BHYT
Lương Thị Hạnh|Bác sĩ, giám định viên|Tổ Giám định BHYT
Đoàn Quốc Khánh|Giám định viên|Tổ Giám định BHYT
Cao Thị Mỹ Linh|Dược sĩ, giám định viên|Tổ Giám định BHYT
Nguyễn Đình Khoa|Kế toán trưởng|Tổ Kế hoạch - Tài chính
Lê Thị Bảo Châu|Kế toán viên|Tổ Kế hoạch - Tài chính
Phan Thị Thùy Dương|Thủ quỹ|Tổ Kế hoạch - Tài chính
Trần Văn Cường|Viên chức|Tổ Kiểm tra
Hà Thị Lệ Thu|Viên chức|Tổ Kiểm tra
Nguyễn Văn Ánh|Nhân viên bảo vệ (hợp đồng)|Tổ Hành chính - Tổng hợp
Võ Thị Quỳnh|Viên chức|Tổ Quản lý thu - Sổ, thẻ
Âu Dương Phong|Viên chức|Tổ Giám định BHYT
Nguyễn Thị Hoa|Viên chức|Bộ phận Tiếp nhận và trả kết quả
Đỗ Thị Ý Nhi|Viên chức|Tổ Chế độ BHXH
"""
INACTIVE = {"ST040"}  # moved to another office: kept on the roster, not active

# The password of every demo account (told on the screen and by `isodesk demo`).
DEMO_PASSWORD = "demo1234"

DIRECTOR = "Phạm Quốc Hùng"
CONSULTANT = "Đỗ Minh Khôi"
SECOND_CONSULTANT = "Nguyễn Thị Phương Thảo"
CONSULTANT_ORG = "Công ty TNHH Tư vấn Quản lý Chất lượng Trường An"
ISO_SECRETARY = "Lê Thị Thu Hà"

# The ISO team: name, role, duties (the position on the roster comes with the name).
TEAM = [
    (DIRECTOR, "head", "Chỉ đạo chung việc xây dựng, áp dụng HTQLCL"),
    ("Trương Thị Mỹ Dung", "deputy", "Giúp Tổ trưởng điều hành, phụ trách đánh giá nội bộ"),
    ("Trần Thị Hồng Nhung", "member", "Quy trình tiếp nhận và trả kết quả"),
    ("Ngô Thị Bích Ngọc", "member", "Quy trình thu, cấp sổ thẻ"),
    ("Hoàng Thị Diệu Linh", "member", "Quy trình giải quyết chế độ"),
    ("Mai Xuân Sơn", "member", "Quy trình giám định BHYT"),
    (ISO_SECRETARY, "secretary", "Thường trực Tổ, quản lý tài liệu và hồ sơ ISO"),
]
_TEAM_ROLE = {"head": "Tổ trưởng", "deputy": "Tổ phó", "member": "Thành viên",
              "secretary": "Thư ký"}


def roster_position(name: str) -> str:
    """The position of a demo staff member on the roster, with their department where the
    position is a team leader's ("Tổ trưởng Tổ Hành chính - Tổng hợp")."""
    for line in _PEOPLE.strip().splitlines():
        full_name, position, department = line.split("|")
        if full_name == name:
            if position == "Tổ trưởng":
                return f"{position} {department}"
            return position
    return ""


def position_in_minutes(name: str) -> str:
    """How a demo person is named in minutes: their position, and their ISO team role when
    they have one (the team list says the same)."""
    position = roster_position(name)
    role = next((r for n, r, _d in TEAM if n == name), None)
    if role is None:
        return position
    team_role = f"{_TEAM_ROLE[role]} Tổ triển khai ISO"
    return f"{position}, {team_role}" if position else team_role


def demo_staff(rng: random.Random) -> list[dict]:
    out = []
    for i, line in enumerate(_PEOPLE.strip().splitlines(), start=1):
        name, position, department = line.split("|")
        code = f"ST{i:03d}"
        given = fold(name).split()
        email = f"{given[-1]}.{''.join(w[0] for w in given[:-1])}{i}@songtra.example.vn"
        phone = "0" + rng.choice("389") + "".join(str(rng.randrange(10)) for _ in range(8))
        out.append({"staff_code": code, "full_name": name, "position": position,
                    "department": department, "phone": phone, "email": email,
                    "active": code not in INACTIVE})
    return out
