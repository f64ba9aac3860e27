"""Everything the yearly report shows, computed for a year: the figures of every registered
provider (`desktop.models.figures.collect`), the lines of figures of each section, and the tables
behind them. JSON-ready, so that a final report keeps them as they were.

Providers written by other parts of the program are read by their documented keys: "training"
(active_staff, exempt, subject_staff, exempt_list, trained, tested, passed, not_passed, sessions,
attempts, pass_rate), "minutes"
(total, draft, awaiting_confirmation, confirmed, latest_confirmed), "staff" (total, active,
inactive). A missing provider leaves its lines out; a provider nobody here knows is listed under
"other figures".
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .. import figures as figure_registry
from ..db import Store
from ..unit import get_profile
from ._common import vn_date
from . import as_of
from .annual_report import AnnualReport, ReportRepository, Section
from .audits import FINDING_LABELS_VI, AuditRepository
from .documents import KIND_LABELS_VI, STANDARD_LABELS_VI, STATE_LABELS_VI, STATES, DocumentRepository
from .nonconformities import STAGE_LABELS_VI, NonconformityRepository
from .plan import PlanRepository
from .policy import PolicyRepository
from .reviews import INPUT_KEYS, ReviewRepository
from .team import TeamRepository, role_label

KNOWN_PROVIDERS = ("records", "staff", "training", "minutes")
GROUP_TABLES = {"qms": ["plan", "team"], "training": ["training_not_passed", "training_exempt"],
                "documents": ["documents"], "audits": ["audits", "nonconformities"],
                "review": ["reviews"]}


@dataclass
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list]
    widths: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"key": self.key, "title": self.title, "headers": self.headers, "rows": self.rows,
                "widths": self.widths}


@dataclass
class ReportData:
    year: int
    unit_code: str
    unit_name: str
    parent_name: str
    place: str
    report: AnnualReport
    figures: dict
    facts: dict[str, list[list]]
    tables: dict[str, Table]
    other: list[list]
    computed_on: str

    @property
    def sections(self) -> list[Section]:
        return self.report.sections

    @property
    def cut_off(self) -> _dt.date:
        """The day the figures stand on: 31/12 of a year that was over when they were taken,
        else the day they were taken."""
        taken = _dt.date.fromisoformat(self.computed_on) if self.computed_on \
            else _dt.date.today()
        return as_of.report_day(self.year, taken + _dt.timedelta(days=1)) or taken

    @property
    def period_line(self) -> str:
        """The period and the cut-off day, e.g. "Kỳ báo cáo: năm 2026 (từ ngày 01/01/2026 đến
        ngày 31/12/2026); số liệu tính đến ngày 10/11/2026."."""
        return (f"Kỳ báo cáo: năm {self.year} (từ ngày 01/01/{self.year} đến ngày "
                f"31/12/{self.year}); số liệu tính đến ngày {vn_date(self.cut_off)}.")

    def tables_for(self, section: Section) -> list[Table]:
        return [self.tables[k] for k in GROUP_TABLES.get(section.figures, []) if k in self.tables]

    def snapshot(self) -> dict:
        return {"figures": self.figures, "facts": self.facts,
                "tables": {k: t.as_dict() for k, t in self.tables.items()},
                "other": self.other, "computed_on": self.computed_on}

    def as_json(self) -> dict:
        return {"year": self.year, "unit_code": self.unit_code, "unit_name": self.unit_name,
                "status": self.report.status, "report_id": self.report.id or None,
                "figures": self.figures, "facts": self.facts,
                "sections": [{**s.as_dict(), "facts": self.facts.get(s.figures, [])}
                             for s in self.sections],
                "tables": {k: {"title": t.title, "rows": len(t.rows)}
                           for k, t in self.tables.items()},
                "computed_on": self.computed_on}


def percent(part: int | float, whole: int | float) -> str:
    if not whole:
        return "—"
    return f"{100 * part / whole:.1f}%".replace(".", ",")


def rate_text(value) -> str:
    """A pass rate given as a fraction (0–1) or as a percentage."""
    if value is None:
        return "—"
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    if isinstance(value, float) and v <= 1.0:
        v *= 100
    return f"{v:.1f}%".replace(".", ",")


def _latest_confirmed(value) -> str:
    if not value:
        return "—"
    if isinstance(value, dict):
        label = value.get("number") or value.get("title") or value.get("subject") or ""
        when = next((value[k] for k in ("confirmed_at", "held_on", "date") if value.get(k)), "")
        return " ".join(x for x in (str(label), vn_date(str(when)[:10]) if when else "") if x)
    text = str(value)
    try:
        return vn_date(text[:10])
    except ValueError:
        return text


ANNOUNCEMENT_LABEL = "Công bố HTQLCL phù hợp TCVN ISO 9001:2015"


def announcement(store: Store, end: str = "", docs: list | None = None) -> str:
    """Whether (and when, by which decision) the unit announced that its QMS conforms: the
    "Công bố HTQLCL" milestone of its plan once done, else a decision of that name in the
    document register; "chưa công bố" otherwise. `end` (ISO day) limits it to what was done by
    then ("" = up to now). `docs`: the register's versions in its order, when already read."""
    from ..vntext import fold

    def said(text: str) -> bool:
        words = fold(text or "")
        return "cong bo" in words and ("htqlcl" in words or "he thong quan ly chat luong" in words)

    for item in PlanRepository(store).items():
        if not said(item.title):
            continue
        done = as_of.plan_done(item, end) if end else item.status == "done"
        if done:
            proof = "; ".join(e.label for e in item.evidence)
            return (f"đã công bố ngày {vn_date(item.completed_on)}" if item.completed_on
                    else "đã công bố") + (f" ({proof})" if proof else "")
    if docs is None:
        docs = DocumentRepository(store).list(with_files=False)
    for doc in docs:
        when = doc.approved_on or doc.effective_on
        if when and (not end or when <= end) and said(doc.title):
            return f"đã công bố ngày {vn_date(when)} ({doc.code} — {doc.title})"
    return "chưa công bố"


def _facts(store: Store, figs: dict, year: int, today: _dt.date,
           docs: list) -> dict[str, list[list]]:
    rec = figs.get("records", {})
    facts: dict[str, list[list]] = {g: [] for g in GROUP_TABLES}
    day = as_of.report_day(year, today)
    end = day.isoformat() if day else ""
    now_note = f" ({as_of.AS_MADE})" if day else ""   # a figure that cannot be dated
    team = TeamRepository(store)
    decision = (as_of.latest_on(team.decisions(), lambda x: x.signed_on, end) if day
                else team.current_decision())
    members = team.members()
    qms = facts["qms"]
    if day:
        qms.append(["Tình trạng hệ thống tính đến ngày", vn_date(day)])
    qms.append(["Số thành viên Tổ triển khai ISO" + now_note, len(members)])
    if decision:
        qms.append(["Quyết định thành lập/kiện toàn Tổ",
                    f"{decision.number} ngày {vn_date(decision.signed_on)}"])
    policies = PolicyRepository(store)
    for kind, label in (("policy", "Chính sách chất lượng hiện hành"),
                        ("objectives", "Mục tiêu chất lượng hiện hành")):
        p = (as_of.latest_on(policies.list(kind), lambda x: x.issued_on, end) if day
             else policies.current(kind))
        if p:
            qms.append([label, f"ban hành ngày {vn_date(p.issued_on)}"
                        + (f" ({p.reference})" if p.reference else "")])
    qms.append([ANNOUNCEMENT_LABEL, announcement(store, end, docs)])
    if rec:
        qms.append(["Mốc kế hoạch chuyển đổi đã hoàn thành",
                    f"{rec['plan_done']}/{rec['plan_total']}"])
        qms.append(["Mốc kế hoạch quá hạn chưa hoàn thành", rec["plan_overdue"]])
    mins = figs.get("minutes")
    if mins:
        qms.append(["Biên bản làm việc với đơn vị tư vấn", mins.get("total", 0)])
        qms.append(["— đã xác nhận", mins.get("confirmed", 0)])
        qms.append(["— chờ xác nhận", mins.get("awaiting_confirmation", 0)])
        qms.append(["— đang soạn", mins.get("draft", 0)])
        qms.append(["Biên bản xác nhận gần nhất", _latest_confirmed(mins.get("latest_confirmed"))])

    staff = figs.get("staff", {})
    tr = figs.get("training")
    if tr:
        active = tr.get("active_staff", staff.get("active", 0))
        subject = figure_registry.staff_subject_to_test(tr, active)
        facts["training"].append(["Số cán bộ đang làm việc" + now_note, active])
        if tr.get("exempt"):
            facts["training"] += [["— không thuộc diện kiểm tra", tr["exempt"]],
                                  ["Số cán bộ thuộc diện đào tạo, kiểm tra", subject]]
        facts["training"] += [
            ["Số cán bộ đã được đào tạo", tr.get("trained", 0)],
            ["Số cán bộ đã kiểm tra nhận thức", tr.get("tested", 0)],
            ["Số cán bộ đạt yêu cầu", tr.get("passed", 0)],
            ["Tỷ lệ cán bộ đạt trên số thuộc diện kiểm tra", percent(tr.get("passed", 0), subject)],
            ["Số cán bộ chưa đạt hoặc chưa kiểm tra", len(tr.get("not_passed") or [])],
            ["Số buổi đào tạo", tr.get("sessions", 0)],
            ["Số lượt làm bài kiểm tra", tr.get("attempts", 0)],
            ["Tỷ lệ lượt bài đạt", rate_text(tr.get("pass_rate"))],
        ]
    elif staff:
        facts["training"].append(["Số cán bộ đang làm việc" + now_note, staff.get("active", 0)])

    by_state = rec.get("documents_by_state") or {s: 0 for s in STATES}
    d = facts["documents"]
    d.append(["Tổng số tài liệu (mọi phiên bản)", sum(by_state.values())])
    for s in STATES:
        d.append([f"— {STATE_LABELS_VI[s].lower()}", by_state.get(s, 0)])
    in_force = ([x for x, state in as_of.documents_on(docs, end) if state == "in_force"] if day
                else [x for x in docs if x.state == "in_force"])
    for kind, label in KIND_LABELS_VI.items():
        n = sum(1 for x in in_force if x.kind == kind)
        if n:
            d.append([f"{label} đang hiệu lực", n])
    d.append(["Tài liệu đang hiệu lực theo TCVN ISO 9001:2015",
              sum(1 for x in in_force if x.standard == "2015")])
    d.append([f"Phiên bản có hiệu lực trong năm {year}",
              sum(1 for x in docs if (x.effective_on or "")[:4] == str(year))])
    d.append([f"Phiên bản hết hiệu lực trong năm {year}",
              sum(1 for x in docs if (x.obsolete_on or "")[:4] == str(year))])

    audits = AuditRepository(store).audits(year=year)
    findings = [f for a in audits for f in a.findings]
    a = facts["audits"]
    a.append([f"Số đợt đánh giá nội bộ trong năm {year}", len(audits)])
    for kind, label in FINDING_LABELS_VI.items():
        a.append([f"— {label.lower()}", sum(1 for f in findings if f.kind == kind)])
    if rec:
        ncs = rec.get("nc_in_year", rec)  # those detected in the year
        a.append([f"Điểm không phù hợp phát hiện trong năm {year}",
                  ncs["nc_open"] + ncs["nc_closed"]])
        a.append(["— đã đóng", ncs["nc_closed"]])
        a.append(["— chưa đóng", ncs["nc_open"]])
        a.append(["— quá hạn khắc phục", ncs["nc_overdue"]])

    reviews = ReviewRepository(store).list(year=year)
    r = facts["review"]
    r.append([f"Số cuộc họp xem xét của lãnh đạo trong năm {year}", len(reviews)])
    if reviews:
        r.append(["Ngày họp", ", ".join(vn_date(x.held_on) for x in reversed(reviews))])
    if rec:
        r.append(["Lần xem xét gần nhất", vn_date(rec.get("last_review")) or "chưa có"])
    return facts


def _tables(store: Store, figs: dict, year: int, today: _dt.date,
            docs: list) -> dict[str, Table]:
    out: dict[str, Table] = {}
    province = bool(get_profile(store) and get_profile(store).is_province)
    day = as_of.report_day(year, today)
    end = day.isoformat() if day else ""
    items = PlanRepository(store).items()
    if day:
        plan_rows = [[i + 1, it.title, vn_date(it.due_on), it.responsible,
                      as_of.plan_status_label(it, end),
                      vn_date(it.completed_on) if as_of.plan_done(it, end) else "",
                      "; ".join(e.label for e in it.evidence)] for i, it in enumerate(items)]
    else:
        plan_rows = [[i + 1, it.title, vn_date(it.due_on), it.responsible,
                      it.status_label + (" (quá hạn)" if it.overdue(today) else ""),
                      vn_date(it.completed_on), "; ".join(e.label for e in it.evidence)]
                     for i, it in enumerate(items)]
    out["plan"] = Table("plan", "Kế hoạch chuyển đổi sang TCVN ISO 9001:2015"
                        + (f" (tình trạng đến ngày {vn_date(day)})" if day else ""),
                        ["TT", "Nội dung công việc", "Thời hạn", "Người/bộ phận chịu trách nhiệm",
                         "Tình trạng", "Ngày hoàn thành", "Minh chứng"],
                        plan_rows, [5, 45, 12, 22, 18, 14, 40])
    members = TeamRepository(store).members()
    out["team"] = Table("team", "Danh sách Tổ triển khai ISO"
                        + (f" ({as_of.AS_MADE})" if day else ""),
                        ["TT", "Họ và tên", "Chức danh", "Đơn vị công tác", "Số điện thoại",
                         "Nhiệm vụ trong Tổ"],
                        [[i + 1, m.full_name, m.position, m.work_unit, m.phone,
                          role_label(m.role, province=province)]
                         for i, m in enumerate(members)], [5, 26, 22, 30, 14, 16])
    tr = figs.get("training")
    if tr is not None:
        out["training_not_passed"] = Table(
            "training_not_passed", "Cán bộ chưa đạt hoặc chưa kiểm tra nhận thức",
            ["TT", "Mã cán bộ", "Họ và tên", "Phòng/Bộ phận"],
            [[i + 1, p.get("staff_code", ""), p.get("full_name", ""), p.get("department", "")]
             for i, p in enumerate(tr.get("not_passed") or [])], [5, 12, 28, 32])
        if tr.get("exempt_list"):
            out["training_exempt"] = Table(
                "training_exempt", "Cán bộ không thuộc diện kiểm tra nhận thức",
                ["TT", "Mã cán bộ", "Họ và tên", "Phòng/Bộ phận", "Lý do"],
                [[i + 1, p.get("staff_code", ""), p.get("full_name", ""),
                  p.get("department", ""), p.get("reason", "")]
                 for i, p in enumerate(tr["exempt_list"])], [5, 12, 28, 26, 34])
    listed = (as_of.documents_on(docs, end) if day else [(x, x.state) for x in docs])
    out["documents"] = Table("documents", "Danh mục tài liệu, quy trình"
                             + (f" (tình trạng đến ngày {vn_date(day)})" if day else ""),
                             ["TT", "Mã", "Tên tài liệu", "Loại", "Tiêu chuẩn", "Phiên bản",
                              "Trạng thái", "Ngày hiệu lực", "Bộ phận chủ trì"],
                             [[i + 1, x.code, x.title, KIND_LABELS_VI[x.kind],
                               STANDARD_LABELS_VI[x.standard], x.revision,
                               STATE_LABELS_VI[state],
                               vn_date(x.effective_on) if state in ("in_force", "obsolete") else "",
                               x.department]
                              for i, (x, state) in enumerate(listed)],
                             [5, 14, 45, 22, 18, 9, 14, 12, 24])
    audits = AuditRepository(store).audits(year=year)
    out["audits"] = Table("audits", f"Các đợt đánh giá nội bộ năm {year}",
                          ["TT", "Lần", "Thời gian", "Thực hiện", "Trưởng đoàn", "Phạm vi",
                           "Phát hiện (KPH nặng/nhẹ/lưu ý/cải tiến)"],
                          [[i + 1, a.round_no, f"{vn_date(a.start_on)} – {vn_date(a.end_on)}",
                            a.conducted_by_label, a.lead_auditor, a.scope,
                            "/".join(str(sum(1 for f in a.findings if f.kind == k))
                                     for k in FINDING_LABELS_VI)]
                           for i, a in enumerate(audits)], [5, 6, 24, 22, 22, 40, 18])
    if day:
        ncs = [n for n in NonconformityRepository(store).list()
               if n.detected_on[:4] == str(year) or (as_of.nc_stage(n, end) != "closed"
                                                     and n.detected_on[:4] < str(year))]
    else:
        ncs = [n for n in NonconformityRepository(store).list()
               if n.detected_on[:4] == str(year) or (n.is_open and n.detected_on[:4] < str(year))]
    ncs.sort(key=lambda n: (n.detected_on, n.code))
    out["nonconformities"] = Table(
        "nonconformities", f"Điểm không phù hợp và hành động khắc phục (năm {year})",
        ["TT", "Mã", "Ngày phát hiện", "Mô tả", "Bộ phận", "Nguyên nhân", "Hành động khắc phục",
         "Người chịu trách nhiệm", "Thời hạn", "Kiểm tra hiệu lực", "Giai đoạn", "Ngày đóng"],
        [[i + 1, n.code, vn_date(n.detected_on), n.description, n.department, n.cause,
          n.corrective_action, n.owner, vn_date(n.due_on), effectiveness_text(n, end),
          as_of.nc_stage_label(n, end) if day
          else STAGE_LABELS_VI[n.stage] + (" (quá hạn)" if n.overdue(today) else ""),
          vn_date(n.closed_on) if not day or (n.closed_on or "9") <= end else ""]
         for i, n in enumerate(ncs)],
        [5, 13, 12, 40, 20, 36, 40, 20, 12, 36, 20, 12])
    reviews = ReviewRepository(store).list(year=year)
    out["reviews"] = Table("reviews", f"Xem xét của lãnh đạo năm {year}",
                           ["TT", "Ngày họp", "Chủ trì", "Số nội dung đầu vào đã xem xét",
                            "Quyết định"],
                           [[i + 1, vn_date(r.held_on), r.chair,
                             f"{len(r.covered)}/{len(INPUT_KEYS)}", r.decisions]
                            for i, r in enumerate(reversed(reviews))], [5, 12, 24, 16, 60])
    return out


def effectiveness_text(nc, end: str = "") -> str:
    """The effectiveness check of a corrective action as it stood on `end` ("" = now): the
    result, who checked and when; "" before it was checked."""
    if not nc.checked_on or (end and nc.checked_on > end):
        return ""
    who = ", ".join(x for x in (nc.checked_by, vn_date(nc.checked_on)) if x)
    return f"{nc.effectiveness} ({who})" if nc.effectiveness else who


def _other(figs: dict) -> list[list]:
    out = []
    for name, values in figs.items():
        if name in KNOWN_PROVIDERS or not isinstance(values, dict):
            continue
        for key, value in values.items():
            if isinstance(value, (int, float, str)) or value is None:
                out.append([name, key, "" if value is None else value])
            elif isinstance(value, (list, dict)):
                out.append([name, key, len(value)])
    return out


def compute(store: Store, year: int, today: _dt.date | None = None) -> dict:
    """The snapshot of a year: figures, facts, tables and other providers' figures."""
    today = today or _dt.date.today()
    figs = figure_registry.collect(store, year=year, today=today)
    docs = DocumentRepository(store).list(with_files=False)   # read once, for all three uses
    return {"figures": figs, "facts": _facts(store, figs, year, today, docs),
            "tables": {k: t.as_dict() for k, t in _tables(store, figs, year, today, docs).items()},
            "other": _other(figs), "computed_on": today.isoformat()}


def build_report(store: Store, year: int, *, today: _dt.date | None = None,
                 report: AnnualReport | None = None) -> ReportData:
    """The report of `year`: the saved one (or a new draft), with its figures; a final report
    shows the figures kept when it was made final."""
    repo = ReportRepository(store)
    report = report or repo.for_year(year) or repo.new_draft(year)
    snap = report.snapshot if report.is_final and report.snapshot else compute(store, year, today)
    profile = get_profile(store)
    tables = {k: Table(v["key"], v["title"], v["headers"], v["rows"], v.get("widths", []))
              for k, v in snap["tables"].items()}
    return ReportData(year=int(year), unit_code=store.unit_code,
                      unit_name=profile.name if profile else "",
                      parent_name=(profile.parent_name or "") if profile else "",
                      place=(profile.place or "") if profile else "", report=report,
                      figures=snap["figures"], facts=snap["facts"], tables=tables,
                      other=snap.get("other", []), computed_on=snap.get("computed_on", ""))
