"""The coordinator hub: many offices' summary cells consolidated on a PostgreSQL server.

Field offices stay offline; their summary bundles reach a coordinator, whose own database
verifies and decrypts them (``verify``), and the cells are upserted into the hub (``push``).
Readers (the export, ``status``, the dashboard) read SQL views (``schema``) through
``snapshot``, which hands the same shapes as ``tracker.charts.consolidated``.
Needs the ``hub`` extra (psycopg 3); nothing here imports Qt.
"""
