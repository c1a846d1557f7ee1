"""Comparing plans: items of a plan, text matching, semantic changes, lineage, sources."""
