"""Drafts: kept encrypted, replaced on each save, dropped when damaged."""

from tracker.store import drafts


def test_save_load_replace_discard(store, db_path):
    assert drafts.load(store, "household:new-pre") is None
    drafts.save(store, "household:new-pre", {"values": {"head_name_ar": "سعاد"}})
    drafts.save(store, "household:new-pre", {"values": {"head_name_ar": "سعاد الحسن"}})
    got = drafts.load(store, "household:new-pre")
    assert got["payload"] == {"values": {"head_name_ar": "سعاد الحسن"}} and got["user"] == "tester"
    assert drafts.keys(store, "household:") == ["household:new-pre"]
    drafts.discard(store, "household:new-pre")
    assert drafts.load(store, "household:new-pre") is None


def test_a_damaged_draft_is_dropped(store):
    store.conn.execute("INSERT INTO drafts (key, payload, saved_at, user) VALUES ('tally:x', '{not json', 't', 'u')")
    assert drafts.load(store, "tally:x") is None
    assert drafts.keys(store) == []
