"""Names of the codes the ISO records use (states, kinds, roles, stages…), translated."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "IsoLabels"

LABELS: dict[str, dict[str, str]] = {
    "doc_kind": {
        "tthc_procedure": QT_TRANSLATE_NOOP("IsoLabels", "Administrative procedure (TTHC)"),
        "internal_procedure": QT_TRANSLATE_NOOP("IsoLabels", "Internal procedure"),
        "quality_manual": QT_TRANSLATE_NOOP("IsoLabels", "Quality manual"),
        "policy": QT_TRANSLATE_NOOP("IsoLabels", "Quality policy"),
        "objectives": QT_TRANSLATE_NOOP("IsoLabels", "Quality objectives"),
        "form": QT_TRANSLATE_NOOP("IsoLabels", "Form"),
        "other": QT_TRANSLATE_NOOP("IsoLabels", "Other document"),
    },
    "standard": {
        "2008": QT_TRANSLATE_NOOP("IsoLabels", "TCVN ISO 9001:2008"),
        "2015": QT_TRANSLATE_NOOP("IsoLabels", "TCVN ISO 9001:2015"),
    },
    "doc_state": {
        "draft": QT_TRANSLATE_NOOP("IsoLabels", "Draft"),
        "approved": QT_TRANSLATE_NOOP("IsoLabels", "Approved"),
        "in_force": QT_TRANSLATE_NOOP("IsoLabels", "In force"),
        "obsolete": QT_TRANSLATE_NOOP("IsoLabels", "Obsolete"),
    },
    "role": {
        "head": QT_TRANSLATE_NOOP("IsoLabels", "Head"),
        "deputy": QT_TRANSLATE_NOOP("IsoLabels", "Deputy head"),
        "member": QT_TRANSLATE_NOOP("IsoLabels", "Member"),
        "secretary": QT_TRANSLATE_NOOP("IsoLabels", "Secretary"),
    },
    "plan_status": {
        "pending": QT_TRANSLATE_NOOP("IsoLabels", "Not started"),
        "in_progress": QT_TRANSLATE_NOOP("IsoLabels", "In progress"),
        "done": QT_TRANSLATE_NOOP("IsoLabels", "Done"),
    },
    "evidence": {
        "minutes": QT_TRANSLATE_NOOP("IsoLabels", "Working minutes"),
        "document": QT_TRANSLATE_NOOP("IsoLabels", "Document"),
        "audit": QT_TRANSLATE_NOOP("IsoLabels", "Internal audit"),
        "review": QT_TRANSLATE_NOOP("IsoLabels", "Management review"),
    },
    "nc_stage": {
        "open": QT_TRANSLATE_NOOP("IsoLabels", "Open"),
        "planned": QT_TRANSLATE_NOOP("IsoLabels", "Action planned"),
        "in_progress": QT_TRANSLATE_NOOP("IsoLabels", "In progress"),
        "verified": QT_TRANSLATE_NOOP("IsoLabels", "Effectiveness checked"),
        "closed": QT_TRANSLATE_NOOP("IsoLabels", "Closed"),
    },
    "nc_source": {
        "audit": QT_TRANSLATE_NOOP("IsoLabels", "Internal audit"),
        "complaint": QT_TRANSLATE_NOOP("IsoLabels", "Complaint or feedback"),
        "review": QT_TRANSLATE_NOOP("IsoLabels", "Management review"),
        "process": QT_TRANSLATE_NOOP("IsoLabels", "Process monitoring"),
        "other": QT_TRANSLATE_NOOP("IsoLabels", "Other source"),
    },
    "conducted_by": {
        "consultant": QT_TRANSLATE_NOOP("IsoLabels", "The consultant"),
        "internal": QT_TRANSLATE_NOOP("IsoLabels", "The unit's own auditors"),
        "joint": QT_TRANSLATE_NOOP("IsoLabels", "Consultant and own auditors"),
    },
    "finding": {
        "major": QT_TRANSLATE_NOOP("IsoLabels", "Major nonconformity"),
        "minor": QT_TRANSLATE_NOOP("IsoLabels", "Minor nonconformity"),
        "observation": QT_TRANSLATE_NOOP("IsoLabels", "Observation"),
        "improvement": QT_TRANSLATE_NOOP("IsoLabels", "Opportunity for improvement"),
    },
    "policy": {
        "policy": QT_TRANSLATE_NOOP("IsoLabels", "Quality policy"),
        "objectives": QT_TRANSLATE_NOOP("IsoLabels", "Quality objectives"),
    },
    "report_status": {
        "none": QT_TRANSLATE_NOOP("IsoLabels", "Not made yet"),
        "draft": QT_TRANSLATE_NOOP("IsoLabels", "Draft"),
        "final": QT_TRANSLATE_NOOP("IsoLabels", "Final"),
    },
    "figures": {
        "": QT_TRANSLATE_NOOP("IsoLabels", "Text only"),
        "qms": QT_TRANSLATE_NOOP("IsoLabels", "QMS building and applying (team, plan, minutes)"),
        "training": QT_TRANSLATE_NOOP("IsoLabels", "Training and awareness tests"),
        "documents": QT_TRANSLATE_NOOP("IsoLabels", "Documents and procedures"),
        "audits": QT_TRANSLATE_NOOP("IsoLabels", "Audits, nonconformities, corrective actions"),
        "review": QT_TRANSLATE_NOOP("IsoLabels", "Management review"),
    },
    # ISO 9001:2015, 9.3.2, in our own words
    "review_input": {
        "previous_actions": QT_TRANSLATE_NOOP(
            "IsoLabels", "Status of the decisions of the previous review"),
        "context_changes": QT_TRANSLATE_NOOP(
            "IsoLabels", "Changes in external and internal issues that bear on the system"),
        "satisfaction": QT_TRANSLATE_NOOP(
            "IsoLabels", "Satisfaction and feedback of citizens, businesses and other parties"),
        "objectives": QT_TRANSLATE_NOOP("IsoLabels", "How far the quality objectives were met"),
        "process_performance": QT_TRANSLATE_NOOP(
            "IsoLabels", "How the procedures perform and whether the work results conform"),
        "nonconformities": QT_TRANSLATE_NOOP("IsoLabels",
                                             "Nonconformities and corrective actions"),
        "monitoring": QT_TRANSLATE_NOOP("IsoLabels", "Monitoring and measurement results"),
        "audit_results": QT_TRANSLATE_NOOP("IsoLabels",
                                           "Results of internal and external audits"),
        "external_providers": QT_TRANSLATE_NOOP(
            "IsoLabels", "Performance of outside providers (consultant, outsourced services)"),
        "resources": QT_TRANSLATE_NOOP("IsoLabels", "Whether resources are sufficient"),
        "risks": QT_TRANSLATE_NOOP(
            "IsoLabels", "Effectiveness of the actions taken on risks and opportunities"),
        "improvement": QT_TRANSLATE_NOOP("IsoLabels", "Opportunities for improvement"),
    },
}


def label(group: str, code: str | None) -> str:
    source = LABELS[group].get(code or "", code or "")
    return QCoreApplication.translate(CONTEXT, source) if source else ""


def choices(group: str) -> list[tuple[str, str]]:
    return [(code, label(group, code)) for code in LABELS[group]]
