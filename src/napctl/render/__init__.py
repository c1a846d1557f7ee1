"""Rendering: the Jinja environment and its policy, template contexts, Markdown, file sets."""
