"""Lettings logs: the facts a declaration needs about a log's organisations, scheme and reference data."""
