"""Crossing counts: the tally page, today's list model, the tally grid and the informal-point dialog."""
