"""Checks: rules a schema cannot express, registered per document kind, with levels."""
