"""Output: the records of every JSON/CSV/YAML shape (the documented contract) and writers."""
