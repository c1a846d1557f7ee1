"""The shared core: problems, escaping and printable(), the bounded reader, the safe writer."""
