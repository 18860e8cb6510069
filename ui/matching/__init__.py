"""Matching: the duplicate review queue, family tracing, and the household form's entry warning."""
