"""The storage layer: the encrypted connection, schema and migrations, the one write path (records),
ids and the hybrid clock, drafts, and the second reading process. Knows nothing above it."""
