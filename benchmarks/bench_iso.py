"""ISO records at a large district's size: figures for the overview, the overview page itself, the
yearly report (figures, Excel, PDF), and an Excel import of the document register.

The overview and the report's figures are computed on the UI thread, so they must stay under the
~200 ms the design allows there; file writing runs in the background and only has to be
reasonable.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
from pathlib import Path

from benchmarks.harness import Result, timed

AREA = "iso"
TODAY = dt.date(2026, 6, 15)
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hùng", "Khôi", "Lan", "Minh", "Nam",
         "Oanh", "Phúc", "Quân", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến"]


def _populate(store, *, documents: int, ncs: int, audits: int, staff: int = 60,
              reviews: int = 10) -> None:
    from desktop.models import records
    from desktop.models.iso.plan import PlanRepository
    from desktop.models.staff import StaffRepository

    rng = random.Random(5)
    with store.atomic():
        for i in range(staff):
            StaffRepository(store).add({"staff_code": f"S{i:05d}",
                                        "full_name": f"Nguyễn Văn {GIVEN[i % len(GIVEN)]}",
                                        "department": "Tổ Một cửa"})
        for i in range(documents):  # per code: 01 superseded, 02 in force, 03 draft/approved
            rev = i % 3 + 1
            state = ("obsolete", "in_force", rng.choice(["draft", "approved"]))[rev - 1]
            values = {"code": f"QT-{i // 3:04d}", "title": f"Quy trình số {i // 3}",
                      "kind": rng.choice(["tthc_procedure", "internal_procedure", "form"]),
                      "standard": "2008" if rev == 1 else "2015", "revision": f"{rev:02d}",
                      "state": state, "department": "Tổ Hành chính - Tổng hợp"}
            if state != "draft":
                values.update(approver="Giám đốc", approved_on=f"202{2 + rev}-01-02")
            if state in ("in_force", "obsolete"):
                values["effective_on"] = f"202{2 + rev}-01-05"
            if state == "obsolete":
                values.update(obsolete_on="2024-01-05",
                              obsolete_reason="Thay thế bởi phiên bản 02")
            records.insert(store, "iso_documents", values)
        for i in range(ncs):
            closed = i % 3 == 0
            values = {"code": f"KPH-2026-{i:04d}", "source": "audit", "detected_on": "2026-02-01",
                      "description": f"Điểm không phù hợp {i}", "stage": "open"}
            if closed:
                values.update(stage="closed", owner="Hà", due_on="2026-03-01",
                              corrective_action="Khắc phục", planned_on="2026-02-02",
                              started_on="2026-02-03", effectiveness="Có hiệu lực",
                              checked_on="2026-03-01", closed_on="2026-03-02")
            records.insert(store, "iso_nonconformities", values)
        prog = records.insert(store, "iso_audit_programmes", {"year": 2026, "title": "CT 2026"})
        for i in range(audits):
            a = records.insert(store, "iso_audits", {
                "programme_id": prog["id"], "round_no": i + 1, "start_on": "2026-03-01",
                "end_on": "2026-03-02", "conducted_by": "internal", "lead_auditor": "Dung"})
            for j in range(5):
                records.insert(store, "iso_audit_findings", {
                    "audit_id": a["id"], "seq": j + 1, "kind": "minor", "description": "X"})
        for i in range(reviews):
            records.insert(store, "iso_reviews", {"held_on": f"2026-0{1 + i % 5}-10",
                                                  "chair": "GĐ", "participants": "A"})
    PlanRepository(store).load_template_set()


def _open(folder: Path, name: str, level: str = "district"):
    from desktop.models.datafile import open_store
    from desktop.models.unit import UnitProfile, save_profile
    from sync.keys import ensure_unit_keys

    store = open_store(folder / name, actor="bench")
    if level == "province":
        profile = UnitProfile(code="BHXHTINH", name="Bảo hiểm xã hội tỉnh Mẫu", level=level,
                              place="Mẫu")
    else:
        profile = UnitProfile(code="BHXHBENCH", name="Bảo hiểm xã hội huyện Đo Đạc",
                              level="district", parent_name="Bảo hiểm xã hội tỉnh Mẫu",
                              place="Đo Đạc")
    save_profile(store, profile)
    ensure_unit_keys(store)
    return store


def run(quick: bool = False) -> list[Result]:
    os.environ.setdefault("ISODESK_PDF_FONT", "liberation")
    from desktop.output.iso.annual_report import write_pdf_report, write_xlsx
    from desktop.output.iso.documents_xlsx import export_documents, read_documents
    from desktop.models import figures
    from desktop.models.iso import document_import
    from desktop.models.iso.documents import DocumentRepository
    from desktop.models.iso.report_data import build_report

    documents, ncs, audits = (600, 150, 6) if quick else (3000, 600, 24)
    results: list[Result] = []
    note = f"{documents} document versions, {ncs} NCs, {audits} audits × 5 findings"
    with tempfile.TemporaryDirectory(prefix="isodesk-bench-") as tmp:
        folder = Path(tmp)
        store = _open(folder, "big.sqlite")
        _populate(store, documents=documents, ncs=ncs, audits=audits)

        secs, _ = timed(lambda: figures.collect(store, today=TODAY), repeat=5)
        results.append(Result(AREA, "overview figures (all providers)", secs * 1000, "ms",
                              "< 200 ms", secs < 0.2, note))
        secs, _ = timed(lambda: DocumentRepository(store).list(), repeat=3)
        results.append(Result(AREA, "document register load", secs * 1000, "ms", "< 200 ms",
                              secs < 0.2, note))
        secs, data = timed(lambda: build_report(store, 2026, today=TODAY), repeat=3)
        results.append(Result(AREA, "yearly report: figures and tables", secs * 1000, "ms",
                              "< 1000 ms", secs < 1.0, note))
        secs, _ = timed(lambda: write_xlsx(folder / "bc.xlsx", data))
        results.append(Result(AREA, "yearly report to Excel", secs, "s", "< 10 s", secs < 10,
                              "background thread"))
        secs, pages = timed(lambda: write_pdf_report(folder / "bc.pdf", data))
        results.append(Result(AREA, "yearly report to PDF", secs, "s", "< 20 s", secs < 20,
                              f"{pages} pages, background thread"))

        export_documents(folder / "dm.xlsx", DocumentRepository(store).list(), "x")
        fresh = _open(folder, "fresh.sqlite")
        secs, rows = timed(lambda: read_documents(folder / "dm.xlsx")[0])
        results.append(Result(AREA, "register import: read Excel", secs, "s", "< 5 s",
                              secs < 5, f"{len(rows)} rows"))
        secs, plan = timed(lambda: document_import.plan_import(fresh, rows, today=TODAY))
        results.append(Result(AREA, "register import: check (dry run)", secs, "s", "< 5 s",
                              secs < 5, f"{len(plan.errors)} errors"))
        secs, _ = timed(lambda: document_import.apply_import(fresh, plan))
        results.append(Result(AREA, "register import: write", secs, "s", "< 10 s", secs < 10,
                              "one transaction, audited"))
        fresh.close(clean=False)

        try:
            results.append(_overview_page(store, note))
        finally:
            store.close(clean=False)
    return results


def _overview_page(store, note: str) -> Result:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.views.context import ViewContext
    from desktop.views.overview.page import OverviewPage

    app = QApplication.instance() or QApplication([])
    page = OverviewPage(ViewContext(store, None))
    page.resize(1300, 900)
    page.show()
    app.processEvents()
    secs, _ = timed(lambda: (page.refresh(), app.processEvents()), repeat=5)
    page.close()
    return Result(AREA, "overview page refresh (Qt)", secs * 1000, "ms", "< 200 ms",
                  secs < 0.2, note)
