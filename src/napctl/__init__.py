"""napctl: check, query and report on Women, Peace and Security National Action Plans."""

__version__ = "0.1.0"
