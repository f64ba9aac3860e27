"""The records of the quality system: the ISO team, document register, quality policy and
objectives, the 2008 → 2015 conversion plan, internal audits, nonconformities, management reviews
and the yearly report. Importing this package registers their synced tables and the "records"
figure provider."""
from __future__ import annotations

from . import (  # noqa: F401  (registration of tables and providers)
    annual_report,
    audits,
    documents,
    nonconformities,
    plan,
    policy,
    reviews,
    team,
)
from .figures import records_summary

__all__ = ["records_summary"]
