"""Whatever JSON arrives (`minutes create --from`, a damaged autosave), the rules answer with a
ValidationError naming fields, never a crash; the canonical form is stable."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.models.errors import ValidationError
from desktop.models.minutes import fields as F
from desktop.models.minutes.canonical import canonical_bytes

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=12,
)
documents = st.dictionaries(st.sampled_from(list(F.ALL_FIELDS) + ["x", "attachments"]),
                            json_values, max_size=10)


@settings(max_examples=300, deadline=None)
@given(documents, st.booleans())
def test_validate_never_crashes(doc, complete):
    try:
        out = F.validate(doc, complete=complete)
    except ValidationError as exc:
        assert exc.errors and all(isinstance(k, str) and v for k, v in exc.errors.items())
        return
    json.dumps(out)  # what passes is plain JSON
    assert all(isinstance(out[k], str) for k in ("subject", "content", "date", "number"))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=8), json_values, max_size=6))
def test_canonical_form_is_stable(doc):
    once = canonical_bytes(doc)
    assert canonical_bytes(json.loads(once)) == once
