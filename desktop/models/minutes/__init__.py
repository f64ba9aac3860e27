"""Working minutes (biên bản làm việc): recording, revisions, co-signing and verification.

The consultant records the minutes of a working session; the representative of the ISO team (or of
the province steering committee) confirms them. See DOMAIN.md, "Working minutes", and
docs/minutes-signing.md for the signed canonical form.
"""
from . import autosave, fields
from .canonical import content_document, content_hash, short_hash
from .printed import check_printed, looks_printed, parse_printed
from .register import RegisterEntry, register, years
from .repository import (
    Revision, add_attachment, add_attachment_file, attachment_bytes, create, discard_draft,
    history, latest_revision, load_revision, next_number, remove_attachment, resolve,
    revision_ids, save_draft, text_errors,
)
from .revisions import new_revision
from .signing import (
    ALTERED_VI, RevisionCheck, SignatureCheck, check_can_sign, confirm_capacities,
    default_capacity, meaning_text, next_meaning, revision_hash, sign, superseded_by,
    team_name_of, verify_minutes, verify_revision,
)
from .summary import minutes_summary
from .templates import Template, get_template, templates

__all__ = [
    "ALTERED_VI", "RegisterEntry", "Revision", "RevisionCheck", "SignatureCheck", "Template",
    "add_attachment", "add_attachment_file", "attachment_bytes", "autosave", "check_can_sign",
    "check_printed", "looks_printed", "parse_printed", "superseded_by",
    "confirm_capacities", "default_capacity",
    "content_document", "content_hash", "create", "discard_draft", "fields", "get_template",
    "history", "latest_revision", "load_revision", "meaning_text", "minutes_summary",
    "new_revision", "next_meaning", "next_number", "register", "remove_attachment", "resolve",
    "revision_hash", "revision_ids", "save_draft", "short_hash", "sign", "team_name_of",
    "templates", "text_errors", "verify_minutes", "verify_revision", "years",
]
