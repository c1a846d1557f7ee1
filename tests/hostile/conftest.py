"""The scratch repository the progress-import attack tests share (a module's own
``repo`` fixture takes precedence over this one)."""

from tests.hostile.checklist_repo import repo

__all__ = ["repo"]
