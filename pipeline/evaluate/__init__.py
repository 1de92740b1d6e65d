"""Measurement of the extractors against gold files (plain Python, no Dagster)."""
