"""The quiz documents made from the store: what the command line and the screens call."""
from __future__ import annotations

from pathlib import Path

from desktop.models.db import Store
from desktop.models.progress import Progress, no_progress, stage
from desktop.models.quiz import bank, papers, results, sessions
from desktop.models.unit import get_profile

from .pdf import (Heading, build_answer_key_pdf, build_results_pdf, build_slips_pdf,
                       build_variants_pdf)
from .results_xlsx import write_results


def _heading(store: Store) -> Heading:
    return Heading.of(get_profile(store))


def results_pdf(store: Store, session_id: str, path: Path) -> dict:
    session = sessions.get_session(store, session_id)
    rows = results.session_results(store, session_id)
    pages = build_results_pdf(path, heading=_heading(store), session=session, results=rows)
    return {"file": str(path), "pages": pages, "people": len(rows)}


def evidences(store: Store, session_id: str, *, staff_ids: list[str] | None = None,
              all_attempts: bool = False, progress: Progress = no_progress) -> list[dict]:
    """Each person's result attempt (or every attempt), as shown, in name order."""
    if all_attempts:
        ids = [a["id"] for a in results.attempts_of_session(store, session_id)
               if staff_ids is None or a["staff_id"] in staff_ids]
    else:
        ids = [r.attempt_id for r in results.session_results(store, session_id)
               if r.attempt_id and (staff_ids is None or r.staff_id in staff_ids)]
    out = []
    for attempt_id in ids:
        progress(len(out), len(ids))
        out.append(results.attempt_evidence(store, attempt_id))
    progress(len(out), len(ids))
    return out


def slips_pdf(store: Store, session_id: str, path: Path, *,
              staff_ids: list[str] | None = None, progress: Progress = no_progress) -> dict:
    """One slip per person (their result attempt). `progress(done, total)` is told as the
    attempts are read, then as the pages are laid out; when it raises (`Cancelled`), no file
    is written."""
    session = sessions.get_session(store, session_id)
    items = evidences(store, session_id, staff_ids=staff_ids, progress=stage(progress, 0, 2))
    pages = build_slips_pdf(path, heading=_heading(store), session=session, evidences=items,
                            progress=stage(progress, 1, 2))
    return {"file": str(path), "pages": pages, "slips": len(items)}


def results_xlsx(store: Store, session_id: str, path: Path) -> dict:
    session = sessions.get_session(store, session_id)
    rows = results.session_results(store, session_id)
    write_results(path, heading=_heading(store), session=session, results=rows,
                  evidences=evidences(store, session_id, all_attempts=True))
    return {"file": str(path), "people": len(rows)}


def variants_payload(variants: list[dict]) -> dict:
    return {"variants": [{"code": v["code"], "seed": v["seed"],
                          "questions": [{"question_id": it.question_id,
                                         "options": list(it.option_order)}
                                        for it in v["items"]]} for v in variants]}


def variants_pdf(store: Store, session_id: str, count: int, path: Path, *,
                 key_path: Path | None = None, progress: Progress = no_progress) -> dict:
    """Print `count` variants (made once, kept for ever); the answer key goes to its own file.
    `progress(done, total)` is told as the pages are laid out; when it raises (`Cancelled`),
    the variants made stay (a later print is the same papers) and no file is written."""
    stages = 2 if key_path else 1
    progress(0, 1)
    session = sessions.get_session(store, session_id)
    variants = papers.ensure_variants(store, session_id, count)
    versions = bank.get_versions(store, [it.version_id for v in variants for it in v["items"]],
                                 with_pictures=True)
    pages = build_variants_pdf(path, heading=_heading(store), session=session,
                               variants=variants, versions=versions,
                               progress=stage(progress, 0, stages))
    out = {"file": str(path), "pages": pages, **variants_payload(variants)}
    if key_path:
        build_answer_key_pdf(key_path, heading=_heading(store), session=session,
                             variants=variants, versions=versions,
                             progress=stage(progress, 1, stages))
        out["key_file"] = str(key_path)
    return out
