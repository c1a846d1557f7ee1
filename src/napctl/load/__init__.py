"""Loading: read bytes, safe YAML with positions, model errors as problems, discovery, cache."""
