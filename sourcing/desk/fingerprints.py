"""
A proposal's fingerprint: what stays the same each time the engine proposes it again.

The engine reads the article anew each time the desk is drawn, and what it knows changes as
records are accepted: a company proposed as a new name is, once created, named by its id and
slug. The fingerprint therefore keeps the kind of proposal, the passage it quotes (its offsets
in the article) and its values, with each company or plant reduced to its folded name, and leaves
out the engine's notes on the proposal (``exists``, precisions), so that an accepted proposal is
recognised when it is proposed again and two different ones are not taken for one.
"""

import hashlib
import json

from ..text.search import fold_for_search

# Keys the engine adds about a proposal rather than values of the record it proposes.
NOT_VALUES = {"exists", "fingerprint", "quote"}


def fingerprint(proposal):
    """A 64-character hex digest of ``proposal`` (a dict as the engine proposes it)."""
    essence = {
        "kind": proposal.get("kind"),
        "start": proposal.get("start"),
        "end": proposal.get("end"),
        "fields": _values(proposal.get("fields") or {}),
    }
    encoded = json.dumps(essence, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


def _values(value):
    if isinstance(value, dict):
        if "id" in value and "name" in value:  # a record as the engine names it
            return fold_for_search(str(value.get("name") or ""))
        return {
            key: _values(item)
            for key, item in value.items()
            if key not in NOT_VALUES and not key.endswith("_precision")
        }
    if isinstance(value, list):
        return [_values(item) for item in value]
    return value
