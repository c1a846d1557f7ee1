"""Translations from a PO file written back into a plan as text edits.

Every edit is composed first and the plan is written once (``replace_if_unchanged``),
only when nothing is wrong with the file as a whole: a PO file that is not UTF-8 or
not a PO file (NAP610) or a translation with a control character (NAP612, the text
rule of ``napctl.checks.characters``) changes nothing; so does a PO file of another
plan or language (a usage error, ``napctl.translations.run``). An entry for a text
the plan no longer has, at that path with that text (NAP611), is reported and left
out; the others are written.

A text written as one line (``text: Recruter``) becomes a mapping of its languages
(``text: {"fr": "Recruter", "nl": "Aanwerven"}``); a mapping gets the language's key.
Comments and every other line stay byte for byte (``napctl.yaml.edit``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from napctl.checks.characters import text_problem
from napctl.core.codes import level_of
from napctl.core.problems import Problem
from napctl.model.texts import Loc, Translated, multi_texts, parse_loc
from napctl.yaml.edit import TextEdit
from napctl.yaml.setvalue import node_value, replace_node, set_value

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

    from napctl.model import Plan


@dataclass(slots=True)
class PoFile:
    """A PO file read: its plan, language and translations, or the problems."""

    plan: str | None = None
    lang: str | None = None
    #: (msgctxt, msgid, msgstr, line) of every entry with a translation.
    entries: list[tuple[str, str, str, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _every_msgid_has_a_msgstr(text: str) -> None:
    """Refuse an entry without a translation line: Babel releases differ in whether
    ``abort_invalid`` catches it, and a PO file is refused the same way on each."""
    lines = [line.lstrip() for line in text.splitlines()]
    ids = sum(1 for line in lines if line.startswith("msgid "))
    strings = sum(1 for line in lines if line.startswith(("msgstr ", "msgstr[0]")))
    if ids != strings:
        raise ValueError(f"{ids} msgid lines but {strings} msgstr lines")


def read_po_file(raw: bytes, display: str) -> PoFile:
    """The translations of a PO file's bytes (not UTF-8, not PO: NAP610)."""
    from babel.messages.pofile import PoFileError, read_po

    result = PoFile()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        result.problems.append(
            _problem(display, line, "NAP610", "the PO file is not UTF-8 text; save it as UTF-8")
        )
        return result
    try:
        _every_msgid_has_a_msgstr(raw.decode("utf-8"))
        catalog: Catalog = read_po(io.BytesIO(raw), abort_invalid=True, charset="utf-8")
    except (PoFileError, ValueError) as exc:
        result.problems.append(
            _problem(display, 1, "NAP610", f"not a PO file napctl can read: {exc}")
        )
        return result
    result.plan = catalog.project or None
    result.lang = (catalog.locale_identifier or "").replace("_", "-") or None
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        line = message.lineno or 1
        result.entries.append((message.context or "", str(message.id), str(message.string), line))
    return result


def _problem(file: str, line: int, code: str, message: str, plan: str | None = None) -> Problem:
    return Problem(file, line, 1, code, message, level_of(code), plan)


@dataclass(slots=True)
class Applied:
    """The plan's new text and what happened to each translation."""

    text: str
    applied: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        """True when nothing may be written (an error in the PO file)."""
        return any(p.level == "error" for p in self.problems)


def apply_translations(
    plan: Plan, plan_text: str, plan_file: str, po: PoFile, lang: str, display: str
) -> Applied:
    """``plan_text`` with the translations of ``po`` into ``lang`` (see the module)."""
    texts = dict(multi_texts(plan))
    result = Applied(plan_text)
    doc = TextEdit(plan_text, plan_file)
    for context, msgid, msgstr, line in po.entries:
        loc = parse_loc(context)
        current = texts.get(loc) if loc is not None else None
        if loc is None or current is None or str(current) != msgid:
            result.problems.append(
                _problem(
                    display,
                    line,
                    "NAP611",
                    f"no text '{msgid[:60]}' at {context[:80]} in plan {plan.id}"
                    " (changed or removed since the export): not applied",
                    plan.id,
                )
            )
            continue
        found = text_problem(msgstr)
        if found is not None:
            result.problems.append(_problem(display, line, "NAP612", found[1], plan.id))
            continue
        _set_translation(doc, loc, current, plan.language, lang, msgstr)
        result.applied += 1
    if not result.refused and result.applied:
        result.text = doc.text()
    return result


def _set_translation(
    doc: TextEdit, loc: Loc, current: str, primary: str, lang: str, translation: str
) -> None:
    """One text edit: the mapping at ``loc`` gets ``lang``, or the text becomes one."""
    import yaml

    node = doc.at(loc)
    if isinstance(node, yaml.MappingNode) and not node.flow_style:
        set_value(doc, [*loc, lang], translation)
        return
    texts: dict[str, Any] = (
        node_value(node)
        if isinstance(node, yaml.MappingNode)
        else {_lang(current, primary): str(current)}
    )
    texts[lang] = translation
    replace_node(doc, node, texts)


def _lang(current: str, primary: str) -> str:
    return current.lang if isinstance(current, Translated) else primary
