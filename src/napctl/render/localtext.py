"""A plan's text in the output's language, marked when it is shown in another one.

Every value a template prints passes through the environment's ``finalize``; a text
written in several languages (``napctl.model.texts.Translated``) is shown there in
the output's language, or, when the plan lacks it, in the plan's language with a
visible tag: ``Recruter des officières [fr]`` in Markdown, and in HTML the text in a
``<span lang="fr">`` (so screen readers read it in French) followed by ``[fr]``.
Never silently: a reader sees which texts are not yet translated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from markupsafe import Markup

from napctl.model.texts import Translated, text_in
from napctl.render.markdown import MdText, md_escape

Format = Literal["md", "html"]


def md_text(text: str, shown: str | None) -> MdText:
    """Plan text as Markdown, with its language's tag when it is not the output's."""
    return MdText(md_escape(text) + (f" [{shown}]" if shown else ""))


def html_text(text: str, shown: str | None) -> Markup:
    if not shown:
        return Markup("{}").format(text)
    return Markup('<span lang="{0}">{1}</span> <span class="lang-tag">[{0}]</span>').format(
        shown, text
    )


def finalizer(fmt: Format, lang: str) -> Callable[[Any], Any]:
    """The environment's ``finalize``: Markdown escapes every text it prints (HTML is
    autoescaped), and a text in several languages is shown in ``lang`` or marked."""

    def md_finalize(value: Any) -> Any:
        if isinstance(value, Translated):
            return md_text(*text_in(value, lang))
        if isinstance(value, Markup) or not isinstance(value, str):
            return value
        return md_escape(value)

    def html_finalize(value: Any) -> Any:
        if isinstance(value, Translated):
            return html_text(*text_in(value, lang))
        return value

    return md_finalize if fmt == "md" else html_finalize
