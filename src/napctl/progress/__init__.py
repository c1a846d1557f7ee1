"""Monitoring: progress index and status, init, import, checklist markers and their parsing."""
