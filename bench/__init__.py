"""Reproducible benchmarks with their own synthetic data (not part of the test run)."""
