"""`napctl site`: a static website of the plans and their progress (see build.py)."""
