"""One form for the ids partner tools give their records, stored and compared the same everywhere.

ODK writes an instance id as ``uuid:6f1c…`` in ``KEY``/``meta/instanceID`` and in a repeat row's
``PARENT_KEY``, and a repeat row's own ``KEY`` as ``uuid:6f1c…/members[2]``; Kobo's ``_uuid`` and
``_submission__uuid`` carry no prefix. Stored and compared without the prefix (lower-case for the
hexadecimal uuid part is NOT forced: ids are opaque), so a household and its members always meet.
"""

from __future__ import annotations

_PREFIX = "uuid:"


def normalise(value) -> str | None:
    """``'uuid:abc/members[1]'`` -> ``'abc/members[1]'``; blank -> None; anything else as text."""
    if value is None:
        return None
    text = str(value).strip()
    if text[:len(_PREFIX)].lower() == _PREFIX:
        text = text[len(_PREFIX):].strip()
    return text or None
