"""Charts of flows and registrations: data (``data``), map geometry (``mapdata``), drawing (``draw``).

``data`` reads only summary tables and indexed columns, so a redraw stays fast on
millions of crossing counts (bench/charts.py). ``draw`` builds plain matplotlib
``Figure`` objects (never pyplot) shared by the Qt pages and the PDF report.
"""
