"""The records of the quality system: the ISO team, document register, quality policy and
objectives, the 2008 → 2015 conversion plan, internal audits, nonconformities, management reviews
and the yearly report; `records_summary` is the "records" figure provider."""
from __future__ import annotations

from .figures import records_summary

__all__ = ["records_summary"]
