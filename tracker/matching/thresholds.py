"""The scores the app acts on (a probability that two records are the same person)."""

WARN_AT = 0.5  # the entry warning, the review queue and `dtrack duplicates` by default
