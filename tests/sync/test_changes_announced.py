"""A package written at the province is one audit entry for many records: the pages still
hear of every table it wrote."""
from __future__ import annotations

from desktop.models import audit
from desktop.views.context import ViewContext
from sync import exporter, importer


def test_an_imported_package_names_the_tables_it_wrote(qtbot, pair):
    pair.staff(3)
    [p] = exporter.export_packages(pair.district, pair.usb)
    ctx = ViewContext(pair.province, None)
    heard = []
    ctx.data_changed.connect(heard.append)
    [summary] = importer.import_file(pair.province, p.copied_to, trust_new_sender=True)
    assert summary.imported >= 3
    assert ctx.announce_changes() >= {"staff", "sync_packages", "sync_peers"}
    assert len(heard) == 1 and "staff" in heard[0]
    # the district's own write of the package: its own entry, its own table
    seen = audit.last_seq(pair.district)
    exporter.export_packages(pair.district, pair.usb)
    assert audit.tables_changed_since(pair.district, seen)[1] <= {"sync_packages", "sync_peers"}
