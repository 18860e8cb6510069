"""Duplicate matching: scoring two person or household records (Fellegi–Sunter weights over an
Arabic-aware name comparison), blocking keys kept in the database, review decisions and tracing."""
