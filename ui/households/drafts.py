"""The household form's drafts: what was typed survives a crash, a power cut or a lock.

Mixed into ``HouseholdForm``, which provides ``drafts`` (a DraftKeeper), ``draft_banner``,
``values()``, ``members``, ``mode``, ``_upgrading``, ``_loaded`` and ``_fill()``.
"""

from __future__ import annotations


class HouseholdDrafts:
    def _draft_payload(self) -> dict:
        full = self.mode == "full" or self._upgrading
        return {"values": self.values(), "members": self.members.members() if full else None,
                "upgrading": self._upgrading}

    def _offer_draft(self) -> None:
        self._draft = self.drafts.existing()
        if self._draft is not None:
            self.drafts.paused = True  # keep the old draft until the registrar decides
            self.draft_banner.offer(self._draft["saved_at"])

    def restore_draft(self) -> None:
        payload = self._draft["payload"]
        self._loaded = {**self._loaded, **{k: v for k, v in payload["values"].items() if v not in ("", None)}}
        if payload.get("members") is not None:
            self._loaded_members = payload["members"]
        self._upgrading = bool(payload.get("upgrading"))
        self._fill()
        self._draft, self.drafts.paused, self._dirty = None, False, True

    def discard_draft(self) -> None:
        self._draft, self.drafts.paused = None, False
        self.drafts.discard()
        if self._dirty:
            self.drafts.changed()
