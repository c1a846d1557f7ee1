"""YAML as napctl reads and edits it: safe loading with positions, the text-preserving editor."""
