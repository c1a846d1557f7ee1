"""`napctl translations`: a plan's untranslated texts as a PO file, and back."""
