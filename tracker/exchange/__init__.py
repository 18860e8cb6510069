"""Exchange: CSV/XLSX exports with HXL hashtags, the aggregated summary with small-cell
suppression, and imports of KoboToolbox/ODK and our own files (all-or-nothing per file).

Submodules: ``hxl`` (tag grammar and the count tags), ``columns`` (what each export holds),
``export``, ``summary``, ``csvio`` (reading files robustly), ``mapping`` (header -> field),
``importer``.
"""
