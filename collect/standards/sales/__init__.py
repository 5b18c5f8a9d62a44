"""Sales logs: the facts a declaration needs about a log's organisations and reference data."""
