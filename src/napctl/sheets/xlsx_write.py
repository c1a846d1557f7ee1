"""An XLSX workbook of text cells, written directly: SpreadsheetML parts as text in a zip.

The one module that writes XLSX. No openpyxl: building its object model cost
more than all the rest of `napctl export` (a cell object, a style look-up and
an XML element per cell; issue 20); nor XlsxWriter, which made `export --year`
of the benchmark's largest progress workbook 1.7 times slower (the write alone
6 to 10 times; issue 25, bench/RESULTS.md and bench/xlsx_writers.py).
Here a sheet is one list of strings joined once, and every cell is a shared
string (``xl/sharedStrings.xml``, what Excel itself writes) with one of four
cell formats (``xl/styles.xml``): the default, the header (bold), the body and
the shaded body (the cells a person fills in), all three with the text number
format ("@", built-in id 49), wrapped and aligned to the top. A text that
looks like Excel's escape of a character (``_x0041_``) gets its underscore
escaped (``_x005F_x0041_``), as Excel does, so that a spreadsheet shows it as
typed; a text longer than a spreadsheet cell holds is refused, not cut
(``napctl.sheets.cells``).

The bytes depend on the sheets alone: every zip entry is dated 1980-01-01 and
the document properties say 2000-01-01, so the same plans give the same file.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from io import BytesIO
from typing import Protocol

from napctl.sheets.cells import column_letter, too_long
from napctl.sheets.workbook import WorkbookError

#: What XML 1.0 cannot hold (as openpyxl's ILLEGAL_CHARACTERS_RE): written as U+FFFD.
ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Text that a spreadsheet would read as an escaped character (ECMA-376 ST_Xstring).
_LOOKS_ESCAPED = re.compile(r"_x[0-9A-Fa-f]{4}_")
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIXED_DATE = "2000-01-01T00:00:00Z"
#: zlib level, measured on 590k cells: 1 -> 0.51 s 2.9 MB, 3 -> 0.55 s 2.4 MB, 6 -> 0.70 s 2.1 MB
_COMPRESSLEVEL = 3
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: The cell formats of styles.xml, by index.
HEADER_STYLE, BODY_STYLE, SHADED_STYLE = 1, 2, 3
SHADE_RGB = "FFFFF2CC"
HIDDEN = ' hidden="1"'


class SheetLike(Protocol):
    """What a worksheet is made from (``napctl.sheets.export.Sheet``)."""

    @property
    def title(self) -> str: ...
    @property
    def header(self) -> tuple[str, ...]: ...
    @property
    def rows(self) -> list[list[str]]: ...
    @property
    def choices(self) -> dict[int, tuple[str, ...]]: ...
    @property
    def editable(self) -> tuple[int, ...]: ...
    @property
    def hidden(self) -> tuple[int, ...]: ...


def clean(text: str) -> str:
    """``text`` with what XML cannot hold replaced by U+FFFD."""
    return ILLEGAL_CHARACTERS.sub("\ufffd", text) if ILLEGAL_CHARACTERS.search(text) else text


def escape(text: str) -> str:
    """``text`` as XML character data or an attribute value (in double quotes)."""
    return _markup(clean(text))


def _markup(text: str) -> str:
    """Clean ``text`` with its markup characters escaped."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


class SharedStrings:
    """The workbook's table of strings: each text once, by first use."""

    def __init__(self) -> None:
        self.index: dict[str, str] = {}  # text -> its index, as written in <v>
        self.parts: list[str] = []  # the <si> elements
        self.count = 0  # cells that refer to one

    def add(self, text: str) -> str:
        """The index of ``text`` (a cell's clean text, not empty) as a string."""
        known = self.index.get(text)
        if known is None:
            known = self.index[text] = str(len(self.parts))
            space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
            kept = _LOOKS_ESCAPED.sub(r"_x005F\g<0>", text) if "_x" in text else text
            self.parts.append(f"<si><t{space}>{_markup(kept)}</t></si>")
        return known

    def xml(self) -> str:
        return (
            f'{_DECLARATION}<sst xmlns="{MAIN}" count="{self.count}"'
            f' uniqueCount="{len(self.parts)}">{"".join(self.parts)}</sst>'
        )


class _Columns:
    """A sheet's column letters, cell formats and widths, as its rows are written."""

    def __init__(self, sheet: SheetLike) -> None:
        ncols = max([len(sheet.header), *map(len, sheet.rows)])
        self.letters = [column_letter(c) for c in range(ncols)]
        self.widths = [len(h) for h in sheet.header] + [0] * (ncols - len(sheet.header))
        self.editable = sorted(c for c in set(sheet.editable) if 0 <= c < ncols)
        styles = [BODY_STYLE] * ncols
        for c in self.editable:
            styles[c] = SHADED_STYLE
        # the end of a cell element after its reference, by column: with a string, empty
        self.full = [f'" s="{s}" t="s"><v>' for s in styles]
        self.empty = [f'" s="{s}"/>' for s in styles]
        self.header_full = [f'" s="{HEADER_STYLE}" t="s"><v>'] * ncols
        self.header_empty = [f'" s="{HEADER_STYLE}"/>'] * ncols


def _sheet_data(
    sheet: SheetLike, cols: _Columns, strings: SharedStrings, text_of: Callable[[str], str]
) -> list[str]:
    """The ``<row>`` elements of ``sheet``; ``cols.widths`` grow to the longest lines."""
    letters, widths, editable, empty = cols.letters, cols.widths, cols.editable, cols.empty
    seen: dict[str, tuple[str | None, int]] = {}  # value -> (string index, longest line)
    out: list[str] = []
    append = out.append
    cells = 0
    for r, values in enumerate([list(sheet.header), *sheet.rows], start=1):
        full_r, empty_r = (cols.header_full, cols.header_empty) if r == 1 else (cols.full, empty)
        row = str(r)
        append(f'<row r="{row}">')
        for c, value in enumerate(values):
            index, longest = seen.get(value) or _known(
                seen, value, text_of, strings, f"{sheet.title}!{letters[c]}{row}"
            )
            if longest > widths[c]:
                widths[c] = longest
            if index is None:
                append(f'<c r="{letters[c]}{row}{empty_r[c]}')
            else:
                append(f'<c r="{letters[c]}{row}{full_r[c]}{index}</v></c>')
                cells += 1
        if r > 1 and editable and len(values) <= editable[-1]:
            for c in editable:  # a short row: its cells to fill in are there all the same
                if c >= len(values):
                    append(f'<c r="{letters[c]}{row}{empty[c]}')
        append("</row>")
    strings.count += cells
    return out


def _known(
    seen: dict[str, tuple[str | None, int]],
    value: str,
    text_of: Callable[[str], str],
    strings: SharedStrings,
    where: str,
) -> tuple[str | None, int]:
    """The string index of ``value``'s text (None when empty) and its longest line,
    kept in ``seen``; ``where`` names the cell it is first met in."""
    text = clean(text_of(value))
    why = too_long(text)
    if why is not None:
        raise WorkbookError(f"{where}: {why}")
    longest = max(map(len, text.splitlines()), default=0)
    entry = seen[value] = (strings.add(text) if text else None, longest)
    return entry


def _validations(sheet: SheetLike, last: int) -> str:
    """The drop-down lists of ``sheet`` (its ``choices``), from row 2 to ``last``."""
    checks = []
    for c, allowed in sheet.choices.items():
        letter = column_letter(c)
        listed = escape(f'"{",".join(allowed)}"')
        checks.append(
            f'<dataValidation type="list" allowBlank="1" showErrorMessage="1"'
            f' errorTitle="Not a status" error="{escape("One of: " + ", ".join(allowed))}"'
            f' sqref="{letter}2:{letter}{max(last, 2)}"><formula1>{listed}</formula1>'
            "</dataValidation>"
        )
    if not checks:
        return ""
    return f'<dataValidations count="{len(checks)}">{"".join(checks)}</dataValidations>'


def worksheet_xml(
    sheet: SheetLike,
    strings: SharedStrings,
    cell_text: Callable[[str], str],
    widths_of: tuple[int, int],
) -> str:
    """The worksheet part of ``sheet``: each value as ``cell_text`` makes it (clean of
    what XML cannot hold), column widths between ``widths_of`` (min, max) from the
    longest line of a column plus 2. Raises WorkbookError for a value longer than a
    spreadsheet cell holds."""
    min_width, max_width = widths_of
    cols = _Columns(sheet)
    rows = _sheet_data(sheet, cols, strings, cell_text)
    last = len(sheet.rows) + 1
    hidden = set(sheet.hidden)
    widths = "".join(
        f'<col min="{c}" max="{c}" width="{min(max_width, max(min_width, w + 2))}"'
        f' customWidth="1"{HIDDEN if c - 1 in hidden else ""}/>'
        for c, w in enumerate(cols.widths, start=1)
    )
    end = cols.letters[len(sheet.header) - 1] if sheet.header else "A"
    return "".join(
        [
            _DECLARATION,
            f'<worksheet xmlns="{MAIN}" xmlns:r="{_REL}">',
            '<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/></sheetPr>',
            f'<dimension ref="A1:{cols.letters[-1] if cols.letters else "A"}{last}"/>',
            '<sheetViews><sheetView workbookViewId="0">',
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
            '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>',
            f"<cols>{widths}</cols>" if widths else "",
            "<sheetData>",
            *rows,
            "</sheetData>",
            f'<autoFilter ref="A1:{end}{last}"/>',
            _validations(sheet, last),
            '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5"'
            ' footer="0.5"/></worksheet>',
        ]
    )


def _quoted_title(title: str) -> str:
    """A sheet's name as a formula refers to it: in single quotes, a quote doubled."""
    return "'" + title.replace("'", "''") + "'"


def workbook_bytes(
    sheets: Sequence[SheetLike], cell_text: Callable[[str], str], widths_of: tuple[int, int]
) -> bytes:
    """The XLSX file of ``sheets``, one worksheet each, in order. Raises WorkbookError
    for a value longer than a spreadsheet cell holds."""
    strings = SharedStrings()
    parts = [worksheet_xml(s, strings, cell_text, widths_of) for s in sheets]
    entries = [
        ("[Content_Types].xml", _content_types(len(sheets))),
        ("_rels/.rels", _ROOT_RELS),
        ("docProps/app.xml", _APP),
        ("docProps/core.xml", _CORE),
        ("xl/workbook.xml", _workbook_xml(sheets)),
        ("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets))),
        ("xl/styles.xml", STYLES),
        ("xl/sharedStrings.xml", strings.xml()),
        *((f"xl/worksheets/sheet{i}.xml", part) for i, part in enumerate(parts, start=1)),
    ]
    return _zip(entries)


def _workbook_xml(sheets: Sequence[SheetLike]) -> str:
    """The workbook part: the sheets' names, and the range each one's autofilter covers."""
    entries, names = [], []
    for i, s in enumerate(sheets, start=1):
        entries.append(f'<sheet name="{escape(s.title)}" sheetId="{i}" r:id="rId{i}"/>')
        end = column_letter(len(s.header) - 1) if s.header else "A"
        ref = f"{_quoted_title(s.title)}!$A$1:${end}${len(s.rows) + 1}"
        names.append(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i - 1}"'
            f' hidden="1">{escape(ref)}</definedName>'
        )
    return "".join(
        [
            _DECLARATION,
            f'<workbook xmlns="{MAIN}" xmlns:r="{_REL}">',
            '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>',
            f"<sheets>{''.join(entries)}</sheets>",
            f"<definedNames>{''.join(names)}</definedNames>" if names else "",
            '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>',
        ]
    )


def _workbook_rels(n: int) -> str:
    rels = [
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    ]
    rels.append(f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>')
    rels.append(
        f'<Relationship Id="rId{n + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    )
    return f'{_DECLARATION}<Relationships xmlns="{_PKG_REL}">{"".join(rels)}</Relationships>'


_OFFICE = "application/vnd.openxmlformats-officedocument"


def _content_types(n: int) -> str:
    return "".join(
        [
            _DECLARATION,
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
            '<Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/>',
            '<Default Extension="xml" ContentType="application/xml"/>',
            f'<Override PartName="/xl/workbook.xml" ContentType='
            f'"{_OFFICE}.spreadsheetml.sheet.main+xml"/>',
            *(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType='
                f'"{_OFFICE}.spreadsheetml.worksheet+xml"/>'
                for i in range(1, n + 1)
            ),
            f'<Override PartName="/xl/styles.xml" ContentType='
            f'"{_OFFICE}.spreadsheetml.styles+xml"/>',
            f'<Override PartName="/xl/sharedStrings.xml" ContentType='
            f'"{_OFFICE}.spreadsheetml.sharedStrings+xml"/>',
            '<Override PartName="/docProps/core.xml" ContentType='
            '"application/vnd.openxmlformats-package.core-properties+xml"/>',
            f'<Override PartName="/docProps/app.xml" ContentType='
            f'"{_OFFICE}.extended-properties+xml"/>',
            "</Types>",
        ]
    )


_ROOT_RELS = "".join(
    [
        _DECLARATION,
        f'<Relationships xmlns="{_PKG_REL}">',
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>',
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/core-properties" Target="docProps/core.xml"/>',
        f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>',
        "</Relationships>",
    ]
)
_APP = (
    f'{_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
    '2006/extended-properties"><Application>napctl</Application></Properties>'
)
_CORE = "".join(
    [
        _DECLARATION,
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        "<dc:creator>napctl</dc:creator>",
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{_FIXED_DATE}</dcterms:created>',
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_FIXED_DATE}</dcterms:modified>',
        "</cp:coreProperties>",
    ]
)


def _zip(entries: Sequence[tuple[str, str]]) -> bytes:
    """The zip of ``entries`` (name, text), each dated 1980-01-01: same text, same bytes."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries:
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o600 << 16
            archive.writestr(info, text.encode("utf-8"), compresslevel=_COMPRESSLEVEL)
    return out.getvalue()


_FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
_TEXT_XF = 'numFmtId="49" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"'
_ALIGN = '<alignment vertical="top" wrapText="1"/>'
STYLES = "".join(
    [
        _DECLARATION,
        f'<styleSheet xmlns="{MAIN}">',
        f'<fonts count="2"><font>{_FONT}</font><font><b/>{_FONT}</font></fonts>',
        '<fills count="3"><fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
        f'<fill><patternFill patternType="solid"><fgColor rgb="{SHADE_RGB}"/>'
        '<bgColor indexed="64"/></patternFill></fill></fills>',
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>",
        '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
        f'<xf fontId="1" fillId="0" {_TEXT_XF} applyFont="1">{_ALIGN}</xf>',
        f'<xf fontId="0" fillId="0" {_TEXT_XF}>{_ALIGN}</xf>',
        f'<xf fontId="0" fillId="2" {_TEXT_XF} applyFill="1">{_ALIGN}</xf></cellXfs>',
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
        '<dxfs count="0"/><tableStyles count="0"/></styleSheet>',
    ]
)
