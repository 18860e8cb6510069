"""The domain: vocabularies, validation, households, crossings, movements, the gazetteer, Arabic names,
queries and statistics. Uses the store only."""
