"""After an import: do the sender's live rows here match the totals its manifest announced?

The count of one sender's live rows of a table reads the whole table (there is no index by
origin unit), so when a batch of packages goes in, the counts are taken once per table for all
senders at the end (`Deferred`). That gives the same figures as counting after each package:
only a package of the same sender changes a sender's rows, so a sender's pending count is taken
before its next package begins.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.models import sync_packages, synced_rows, synced_tables
from desktop.models.db import Store

from .peers import get_peer
from .labels import table_label


def _eligible(store: Store, sender: str, seq: int | None) -> bool:
    """Only the latest applied package of a sender with nothing held is compared."""
    fresh = get_peer(store, sender)
    if fresh is None or fresh.applied_through != seq:
        return False
    return not sync_packages.held_count(store, sender)


def _totals(manifest: dict) -> dict[str, int]:
    totals = manifest.get("totals") or {}
    if not isinstance(totals, dict):
        return {}
    return {t: n for t, n in totals.items()
            if t in synced_tables.SYNCED_TABLES and isinstance(n, int) and not isinstance(n, bool)}


def _live_counts(store: Store, table: str, senders: list[str]) -> dict[str, int]:
    return synced_rows.live_counts(store, table, senders)


def _report(summary, table_counts: dict[str, tuple[int, int]]) -> None:
    diffs = []
    for table, (expected, have) in table_counts.items():
        summary.reconciliation[table] = {"expected": expected, "have": have}
        if have != expected:
            diffs.append(f"{table_label(table)}: đơn vị có {expected}, tỉnh có {have}")
    if diffs:
        summary.messages.append(
            "Đối chiếu số bản ghi không khớp (" + "; ".join(diffs) + "). Có thể do bản ghi bị "
            "cách ly hoặc gói trước đã được bỏ qua; hãy đề nghị đơn vị gửi gói đầy đủ (--full).")
        if summary.status == "ok":
            summary.status = "warning"


def reconcile(store: Store, manifest: dict, sender: str, summary) -> None:
    """Compare now (one package on its own)."""
    if not _eligible(store, sender, summary.seq):
        return
    totals = _totals(manifest)
    _report(summary, {t: (n, _live_counts(store, t, [sender]).get(sender, 0))
                      for t, n in totals.items()})


@dataclass
class Deferred:
    """The comparisons of a batch, made together at its end."""
    pending: dict[str, tuple] = field(default_factory=dict)   # sender → (summary, totals)

    def add(self, store: Store, manifest: dict, sender: str, summary) -> None:
        self.flush(store, sender)
        if _eligible(store, sender, summary.seq):
            self.pending[sender] = (summary, _totals(manifest))

    def flush(self, store: Store, sender: str | None = None) -> None:
        """Compare the pending packages (of one sender, or all): one count per table."""
        senders = [sender] if sender is not None else list(self.pending)
        items = [(s, *self.pending.pop(s)) for s in senders if s in self.pending]
        if not items:
            return
        tables = sorted({t for _s, _summary, totals in items for t in totals})
        counts = {t: _live_counts(store, t, [s for s, _summary, totals in items if t in totals])
                  for t in tables}
        for s, summary, totals in items:
            _report(summary, {t: (n, counts[t].get(s, 0)) for t, n in totals.items()})
