"""Texts of a plan written in several languages: ``text: {fr: "…", nl: "…"}``.

A text the model marks ``MultiText`` (titles, goal and action texts, indicators,
department names) may be one text or a mapping of language to text. Either way the
field holds a ``str``, so every query, check and output that reads it keeps working:
the text in the plan's primary language (its ``language`` key). A mapping's other
languages ride along on that string (``Translated``, a ``str`` that also knows its
translations); ``localized(obj, field, lang)`` is the one way an output asks for a
text in a language, and learns which language it got, so a text shown in another
language than the one asked for is marked, never passed off silently.

Which language is primary is the document's: validation and the cache set it
(``document_languages``) while they build a model, since a field alone cannot know it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated, Any, NamedTuple

from napctl.model.types import NON_BLANK, Strict

#: A language code of a text mapping: ``fr``, ``nl``, ``de``, ``en``, ``fr-BE``.
LANGUAGE_KEY = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"

# (primary language, declared languages) of the document being built.
_DOCUMENT: ContextVar[tuple[str | None, tuple[str, ...]]] = ContextVar(
    "napctl_document_languages", default=(None, ())
)


class Translated(str):
    """A text in several languages: the ``str`` is the text in ``lang``, the document's
    primary language when it has one; ``texts`` holds every language's text."""

    lang: str
    texts: dict[str, str]

    def __new__(cls, texts: Mapping[str, str], lang: str) -> Translated:
        self = super().__new__(cls, texts[lang])
        self.lang = lang
        self.texts = dict(texts)
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the translations
        return (Translated, (self.texts, self.lang))


class LocalText(NamedTuple):
    """A text in the language an output asked for, or in another one when it lacks it.

    ``lang`` is the language of ``text`` when it is not the one asked for (the
    output marks it), None when it is (or when the plan does not say its texts'
    languages: a one-language plan's texts are shown as written, unmarked)."""

    text: str
    lang: str | None = None


def localized(obj: object, field: str, lang: str) -> LocalText:
    """``obj.field`` in ``lang``: the translation when there is one, else the primary
    text marked with its language. A department's ``names`` count as translations."""
    value = getattr(obj, field)
    names = getattr(obj, "names", None) if field == "name" else None
    if isinstance(names, dict) and lang in names:
        return LocalText(names[lang])
    return text_in(value, lang)


def text_in(value: object, lang: str) -> LocalText:
    """A text value in ``lang`` (see ``localized``)."""
    if value is None:
        return LocalText("")
    if not isinstance(value, Translated):
        return LocalText(str(value))
    if lang in value.texts:
        return LocalText(value.texts[lang])
    return LocalText(str(value), value.lang)


def looks_like_texts(value: object) -> bool:
    """True for a mapping whose keys are all language codes (a text in several
    languages rather than, say, an indicator written as a mapping)."""
    import re

    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and re.match(LANGUAGE_KEY, k) for k in value)
    )


@contextmanager
def document_languages(data: object) -> Iterator[None]:
    """While building a model from ``data``: its ``language`` is the primary one of its
    texts and its ``languages`` are declared (every text of it is then ``Translated``)."""
    primary: str | None = None
    declared: tuple[str, ...] = ()
    if isinstance(data, dict):
        if isinstance(data.get("language"), str):
            primary = data["language"].strip().casefold()
        listed = data.get("languages")
        if isinstance(listed, list):
            declared = tuple(x for x in listed if isinstance(x, str))
    token = _DOCUMENT.set((primary, declared))
    try:
        yield
    finally:
        _DOCUMENT.reset(token)


def as_text(value: str | Mapping[str, str]) -> str:
    """A validated text or mapping as the model's ``str`` (see the module's docstring)."""
    primary, declared = _DOCUMENT.get()
    if isinstance(value, str):
        if declared and primary is not None and not isinstance(value, Translated):
            return Translated({primary: value}, primary)
        return value
    order = [primary, *declared] if primary else list(declared)
    lang = next((x for x in order if x in value), next(iter(value)))
    return Translated(value, lang)


class Multilingual:
    """Marker: a text, or a mapping of language code to text (at least one)."""

    __slots__ = ()

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema as cs

        text = cs.str_schema(pattern=NON_BLANK, strict=True)
        mapping = cs.dict_schema(
            keys_schema=cs.str_schema(pattern=LANGUAGE_KEY, strict=True),
            values_schema=text,
            min_length=1,
            strict=True,
        )
        # A mapping is validated on its own; a text by the usual text schema, so its
        # errors (a blank text: NAP205) stay those of any text.
        return cs.no_info_after_validator_function(
            as_text,
            cs.no_info_wrap_validator_function(_mapping_or_text(mapping), text),
        )

    @staticmethod
    def trusted(value: object) -> str:
        """A value of the cache (validated before) as the model's text; any other shape
        raises TypeError (``napctl.model.trusted`` reports it as a damaged entry)."""
        if isinstance(value, str):
            return as_text(value)
        if (
            isinstance(value, dict)
            and value
            and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
        ):
            return as_text(value)
        raise TypeError(f"expected a text or a mapping of texts, found {type(value).__name__}")

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        text = {"type": "string", "pattern": r"\S"}
        mapping = {
            "type": "object",
            "description": "The text in several languages, keyed by language code.",
            "propertyNames": {"pattern": LANGUAGE_KEY},
            "additionalProperties": text,
            "minProperties": 1,
        }
        return {"anyOf": [text, mapping]}


def _mapping_or_text(mapping: Any) -> Any:
    from pydantic_core import PydanticCustomError, SchemaValidator, ValidationError

    validator = SchemaValidator(mapping)

    def validate(value: Any, handler: Any) -> Any:
        if not isinstance(value, dict):
            return handler(value)
        try:
            return validator.validate_python(value)
        except ValidationError:
            raise PydanticCustomError(
                "value_error_texts",
                "a text in several languages maps language codes (fr, nl, en-GB) to"
                " non-blank texts: {detail}",
                {"detail": _what_is_wrong(value)},
            ) from None

    return validate


def _what_is_wrong(value: dict[Any, Any]) -> str:
    import re

    if not value:
        return "this one holds none"
    for key, text in value.items():
        if not isinstance(key, str) or re.match(LANGUAGE_KEY, key) is None:
            return f"{str(key)[:20]!r} is not a language code"
        if not isinstance(text, str) or not text.strip():
            return f"the {key!r} text is blank or not text"
    return "it holds something else"


#: A text that may be written in several languages (see the module's docstring).
MultiText = Annotated[str, Multilingual()]
#: A language code of a plan's ``languages`` list.
LanguageCode = Annotated[str, Strict(pattern=LANGUAGE_KEY)]


Loc = tuple[str | int, ...]


def multi_texts(
    value: object, annotation: object = None, loc: Loc = ()
) -> Iterator[tuple[Loc, str]]:
    """Every text of a model that may be written in several languages (a ``MultiText``
    field or list item), with its place in the document, in document order."""
    import dataclasses

    if isinstance(value, str):
        if _marked(annotation):
            yield loc, value
    elif isinstance(value, list):
        item = _list_item(annotation)
        for i, entry in enumerate(value):
            yield from multi_texts(entry, item, (*loc, i))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        hints = _hints(type(value))
        for f in dataclasses.fields(value):
            yield from multi_texts(getattr(value, f.name), hints[f.name], (*loc, f.name))


def loc_text(loc: Loc) -> str:
    """``("pillars", 0, "title")`` as ``pillars[0].title``: a text's YAML path."""
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else f".{step}" if out else step
    return out


def parse_loc(text: str) -> Loc | None:
    """``pillars[0].title`` as ``("pillars", 0, "title")``; None when it is no such path."""
    import re

    if re.fullmatch(r"[a-z_]+(\[[0-9]+\]|\.[a-z_]+)*", text) is None:
        return None
    return tuple(int(s) if s.isdigit() else s for s in re.findall(r"[a-z_]+|[0-9]+", text))


def _hints(cls: type) -> dict[str, Any]:
    import typing

    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls, include_extras=True)
    return found


_HINTS: dict[type, dict[str, Any]] = {}


def _marked(annotation: object) -> bool:
    import typing

    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return any(isinstance(m, Multilingual) for m in typing.get_args(annotation)[1:])
    if origin is typing.Union or type(annotation).__name__ == "UnionType":
        return any(_marked(a) for a in typing.get_args(annotation))
    return False


def _list_item(annotation: object) -> object:
    import typing

    origin = typing.get_origin(annotation)
    if origin is list:
        return typing.get_args(annotation)[0]
    if origin is Annotated or origin is typing.Union or type(annotation).__name__ == "UnionType":
        for arg in typing.get_args(annotation):
            found = _list_item(arg)
            if found is not None:
                return found
    return None
