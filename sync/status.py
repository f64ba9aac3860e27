"""Where things stand: each record's sync state, packages sent and received, quarantine,
and the one JSON object of `isodesk sync status`."""
from __future__ import annotations


from desktop.models import (
    sync_outbox, sync_packages, sync_quarantine, sync_sent, synced_rows, synced_tables,
)
from desktop.models.db import Store
from desktop.models.unit import get_profile

from .exporter import outgoing_tables
from .keys import own_fingerprint
from .peers import list_peers

STATES = ("not_sent", "sent", "received", "refused")
# What `sync status --json` shows of each e-mail of the outbox.
OUTBOX_FIELDS = ("id", "package_id", "eml_name", "recipient", "status", "attempts", "last_error",
                 "next_try_at", "sent_at")
LABEL_COLUMNS = ("full_name", "title", "name", "subject", "staff_code", "username", "code")


def label_column(columns: list[str]) -> str | None:
    return next((c for c in LABEL_COLUMNS if c in columns), None)


def record_states(store: Store, *, table: str | None = None, state: str | None = None,
                  limit: int | None = None) -> list[dict]:
    """District: every own record of the synced tables with its state towards the province.

    A record is "sent" once its package was delivered (copied to a folder, saved as e-mail or
    put in the outbox); in a package only made (the copy failed: drive full or pulled out) it is
    still "not sent"."""
    profile = get_profile(store)
    peers = [p for p in list_peers(store, "province") if p.active]
    peer = peers[0].code if peers else ""
    undelivered = sync_outbox.undelivered_seqs(store, peer)
    out: list[dict] = []
    for t in outgoing_tables(store, profile.level if profile else "district"):
        if table and t != table:
            continue
        label = label_column(synced_rows.table_columns(store, t))
        for r in sync_sent.states(store, t, peer, store.unit_code, label):
            if r["sent_version"] is None or r["sent_version"] < r["version"] or \
                    (r["state"] == "sent" and r["seq"] in undelivered):
                st = "not_sent"
            else:
                st = r["state"]
            if state and st != state:
                continue
            out.append({"table": t, "id": r["id"], "label": r["label"] or r["id"],
                        "version": r["version"], "updated_at": r["updated_at"],
                        "deleted": bool(r["deleted"]), "state": st,
                        "seq": r["seq"] if st != "not_sent" else None,
                        "reason": r["reason"] if st == "refused" else ""})
            if limit and len(out) >= limit:
                return out
    return out


def state_counts(store: Store) -> dict:
    counts = {s: 0 for s in STATES}
    for r in record_states(store):
        counts[r["state"]] += 1
    return counts


def packages(store: Store, direction: str, *, peer: str | None = None,
             limit: int = 200) -> list[dict]:
    return sync_packages.listed(store, direction, peer=peer, limit=limit)


def quarantine(store: Store, *, sender: str | None = None, include_resolved: bool = False,
               limit: int = 5000) -> list[dict]:
    return sync_quarantine.listed(store, sender=sender, include_resolved=include_resolved,
                                  limit=limit)


def held_packages(store: Store, sender: str | None = None) -> list[dict]:
    return sync_packages.held(store, sender)


def sync_status(store: Store) -> dict:
    profile = get_profile(store)
    base = {"unit": profile.code if profile else None,
            "level": profile.level if profile else None,
            "fingerprint": own_fingerprint(store)}
    if profile is None:
        return base
    if profile.level == "district":
        peers = [p for p in list_peers(store, "province") if p.active]
        prov = peers[0] if peers else None
        pending: dict[str, int] = {}
        for r in record_states(store, state="not_sent"):
            pending[r["table"]] = pending.get(r["table"], 0) + 1
        outbox = [{k: r[k] for k in OUTBOX_FIELDS} for r in sync_outbox.recent(store, 50)]
        return {**base, "enrolled": prov is not None,
                "province": None if prov is None else {
                    "code": prov.code, "name": prov.name, "email": prov.email,
                    "fingerprint": prov.fingerprint},
                "last_seq": prov.out_seq if prov else 0,
                "acked_through": prov.acked_through if prov else 0,
                "last_sent_at": prov.last_sent_at if prov else None,
                "last_ack_at": prov.last_ack_at if prov else None,
                "records": state_counts(store), "not_sent": pending,
                "packages": [_pkg(p) for p in packages(store, "out", limit=20)],
                "outbox": outbox}
    districts = []
    for p in list_peers(store, "district"):
        held = [h["seq"] for h in held_packages(store, p.code)]
        districts.append({
            "code": p.code, "name": p.name, "active": p.active, "key": p.key_state,
            "fingerprint": p.fingerprint, "pending_fingerprint": p.pending_fingerprint,
            "applied_through": p.applied_through, "last_received_at": p.last_received_at,
            "held": held, "quarantined": sync_quarantine.open_count(store, p.code),
        })
    return {**base, "districts": districts,
            "packages": [_pkg(p) for p in packages(store, "in", limit=50)]}


def _pkg(p: dict) -> dict:
    return {"package_id": p["package_id"], "peer": p["peer"], "seq": p["seq"],
            "from_seq": p["from_seq"], "file": p["file_name"], "status": p["status"],
            "created_at": p["created_at"], "sent_at": p["sent_at"], "sent_via": p["sent_via"],
            "received_at": p["received_at"], "applied_at": p["applied_at"],
            "counts": p["counts"]}


def synced_row_count(store: Store, table: str, unit: str) -> int:
    if table not in synced_tables.SYNCED_TABLES:
        raise ValueError(table)
    return synced_rows.live_count(store, table, unit)
