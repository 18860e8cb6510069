"""Sync without a network: signed, encrypted bundle files carried on USB sticks.

``identity`` (device keys, fingerprints, peers), ``envelope`` (the file format: signature,
encryption), ``bundle`` (export and import of record changes), ``merge`` (field-level
last-writer-wins over the change log), ``conflicts`` (concurrent edits kept for review),
``summary_bundle`` (aggregate counts for coordinators). See docs/sync.md.
"""
