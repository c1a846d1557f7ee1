"""napctl's XLSX writer against XlsxWriter on the same sheets (issue 25, bench/RESULTS.md).

    python bench/xlsx_writers.py --plans PLAN --progress DIR --year YEAR [--rounds 3]

Builds the sheets of `napctl export --year YEAR` once, as the command does,
then writes them in rounds with ``napctl.sheets.xlsx_write`` and with
XlsxWriter in ``constant_memory`` mode, giving it the same cells, formats,
column widths, hidden columns, frozen header, autofilter and status lists.
Each write runs in a child process of its own, so that its peak memory is its
own. Prints each writer's median seconds, the process's peak RSS (and how much
the write added to what loading the sheets took), and the file's size; with
openpyxl installed, also checks that the two files hold the same cells and
styles (so that the race is fair). XlsxWriter is no dependency of napctl:
``pip install XlsxWriter`` first.
"""

from __future__ import annotations

import argparse
import datetime
import json
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

WRITERS = ("napctl", "xlsxwriter")


def build_sheets(plans: str, progress: str, year: int) -> list[Any]:
    """The sheets `napctl export --year` writes, built as the command builds them."""
    from napctl.cli.options import load_valid
    from napctl.cli.progress_files import year_reports
    from napctl.plans import ActionFilter, select_actions
    from napctl.progress.checklist_items import ChecklistProgress
    from napctl.progress.sheet_export import progress_sheet
    from napctl.sheets.export import workbook_sheets

    chosen = [p.plan for p in load_valid([plans]).plans]
    rows = select_actions(chosen, ActionFilter(actors=(), plan_id=None))
    state = ChecklistProgress.of(year_reports(chosen, [progress], [year]), year)
    return workbook_sheets(chosen, rows, lambda p, mine: progress_sheet(p, mine, state, None))


def write_napctl(sheets: list[Any]) -> bytes:
    from napctl.sheets.export import as_xlsx

    return as_xlsx(sheets)


def write_xlsxwriter(sheets: list[Any]) -> bytes:
    """The same workbook through XlsxWriter (constant_memory): what napctl would call."""
    from io import BytesIO

    import xlsxwriter

    from napctl.core.csvtext import neutral_cell
    from napctl.sheets.export import MAX_WIDTH, MIN_WIDTH
    from napctl.sheets.xlsx_write import SHADE_RGB, clean

    out = BytesIO()
    book = xlsxwriter.Workbook(out, {"constant_memory": True})
    book.set_properties({"created": datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)})
    text = {"num_format": "@", "text_wrap": True, "valign": "top"}
    formats = (
        book.add_format({**text, "bold": True}),
        book.add_format(text),
        book.add_format({**text, "pattern": 1, "bg_color": "#" + SHADE_RGB[2:]}),
    )
    for sheet in sheets:
        ws = book.add_worksheet(sheet.title)
        widths = _xlsxwriter_rows(ws, sheet, formats, lambda v: clean(neutral_cell(v)))
        for c, longest in enumerate(widths):
            width = min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))  # as napctl: 7 px a digit
            ws.set_column_pixels(c, c, width * 7, None, {"hidden": c in sheet.hidden})
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, len(sheet.rows), max(len(sheet.header) - 1, 0))
        for c, allowed in sheet.choices.items():
            ws.data_validation(
                1,
                c,
                max(len(sheet.rows), 1),
                c,
                {
                    "validate": "list",
                    "source": list(allowed),
                    "ignore_blank": True,
                    "show_input": False,
                    "show_error": True,
                    "error_title": "Not a status",
                    "error_message": "One of: " + ", ".join(allowed),
                },
            )
    book.close()
    return out.getvalue()


def _xlsxwriter_rows(ws: Any, sheet: Any, formats: tuple[Any, Any, Any], text_of: Any) -> list[int]:
    """Write every row; the longest line of each column."""
    ncols = max([len(sheet.header), *map(len, sheet.rows)])
    widths = [len(h) for h in sheet.header] + [0] * (ncols - len(sheet.header))
    editable = sorted(c for c in set(sheet.editable) if 0 <= c < ncols)
    body = [formats[1]] * ncols
    for c in editable:
        body[c] = formats[2]
    seen: dict[str, tuple[str, int]] = {}
    for r, values in enumerate([list(sheet.header), *sheet.rows]):
        styles = body if r else [formats[0]] * ncols
        for c, value in enumerate(values):
            if value not in seen:
                shown = text_of(value)
                seen[value] = (shown, max(map(len, shown.splitlines()), default=0))
            shown, longest = seen[value]
            widths[c] = max(widths[c], longest)
            if not shown:
                ws.write_blank(r, c, None, styles[c])
            elif shown.startswith("<r>") and shown.endswith("</r>"):
                # XlsxWriter writes such a string into the XML unescaped: two plain runs
                ws.write_rich_string(r, c, shown[:1], shown[1:], styles[c])
            else:
                ws.write_string(r, c, shown, styles[c])
        for c in editable if r else ():
            if c >= len(values):
                ws.write_blank(r, c, None, body[c])
    return widths


def child(writer: str, sheets_file: str, out: str) -> None:
    """One write, timed, in this process: prints seconds, peak RSS growth and size."""
    from napctl.sheets.export import Sheet

    sheets = [Sheet(*fields) for fields in pickle.loads(Path(sheets_file).read_bytes())]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    data = (write_napctl if writer == "napctl" else write_xlsxwriter)(sheets)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    Path(out).write_bytes(data)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_growth_kb": peak - before,
                "peak_kb": peak,
                "bytes": len(data),
            }
        )
    )


def same_workbooks(first: Path, second: Path) -> list[str]:
    """What differs between the two files as openpyxl reads them (cells and styles)."""
    try:
        from openpyxl import load_workbook
    except ImportError:
        return ["openpyxl is not installed: not compared"]
    a, b = load_workbook(first), load_workbook(second)
    if a.sheetnames != b.sheetnames:
        return [f"sheets {a.sheetnames} != {b.sheetnames}"]
    found = []
    for wa, wb in zip(a.worksheets, b.worksheets, strict=True):
        found += [f"{wa.title}: {what}" for what in _sheet_differences(wa, wb)]
    return found[:10]


def _look(c: Any) -> tuple[object, ...]:
    return (
        c.value,
        c.number_format,
        bool(c.font.b),
        c.fill.fill_type,
        c.alignment.wrap_text,
        c.alignment.vertical,
    )


def _views(w: Any) -> tuple[object, ...]:
    return (
        w.freeze_panes,
        w.auto_filter.ref,
        [
            (v.type, v.formula1, str(v.sqref), v.errorTitle, v.error)
            for v in w.data_validations.dataValidation
        ],
    )


def _sheet_differences(wa: Any, wb: Any) -> list[str]:
    found = []
    for ra, rb in zip(wa.iter_rows(), wb.iter_rows(), strict=True):
        for ca, cb in zip(ra, rb, strict=True):
            if _look(ca) != _look(cb):
                found.append(f"{ca.coordinate}: {_look(ca)} != {_look(cb)}")
    columns = _columns(wa), _columns(wb)
    if columns[0] != columns[1]:
        found.append(f"columns (width, hidden): {columns[0]} != {columns[1]}")
    if _views(wa) != _views(wb):
        found.append(f"views: {_views(wa)} != {_views(wb)}")
    return found


def _columns(ws: Any) -> dict[int, tuple[float, bool]]:
    """Column number -> (width, hidden), a ``<col>`` that spans several counted for each."""
    return {
        n: (dim.width, bool(dim.hidden))
        for dim in ws.column_dimensions.values()
        for n in range(dim.min or 1, (dim.max or dim.min or 1) + 1)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--plans", required=True)
    parser.add_argument("--progress", required=True)
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--child", nargs=3, metavar=("WRITER", "SHEETS", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        sys.stderr.write("xlsx_writers.py: pip install XlsxWriter first\n")
        return 2
    with tempfile.TemporaryDirectory(prefix="napctl-xlsx-writers-") as tmp:
        folder = Path(tmp)
        sheets = build_sheets(args.plans, args.progress, args.year)
        (folder / "sheets.pickle").write_bytes(
            pickle.dumps(
                [(s.title, s.header, s.rows, s.choices, s.editable, s.hidden) for s in sheets]
            )
        )
        cells = sum(len(s.header) * (len(s.rows) + 1) for s in sheets)
        print(f"{len(sheets)} sheets, {cells:,} cells")
        runs: dict[str, list[dict[str, Any]]] = {w: [] for w in WRITERS}
        for _ in range(args.rounds):  # interleaved: a busy machine slows both alike
            for writer in WRITERS:
                done = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--plans",
                        "-",
                        "--progress",
                        "-",
                        "--year",
                        "0",
                        "--child",
                        writer,
                        str(folder / "sheets.pickle"),
                        str(folder / f"{writer}.xlsx"),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs[writer].append(json.loads(done.stdout))
        _report(runs, folder)
    return 0


def _report(runs: dict[str, list[dict[str, Any]]], folder: Path) -> None:
    seconds = {w: statistics.median(r["seconds"] for r in runs[w]) for w in WRITERS}
    for writer in WRITERS:
        last = runs[writer][-1]
        each = ", ".join(f"{r['seconds']:.3f}" for r in runs[writer])
        print(
            f"{writer:10}  {seconds[writer]:7.3f} s (median of {len(runs[writer])},"
            f" each: {each})"
            f"  peak RSS {last['peak_kb'] / 1024:.1f} MB (the write added"
            f" {last['peak_growth_kb'] / 1024:.1f} to loading the sheets)"
            f"  {last['bytes']:,} bytes"
        )
    print(f"xlsxwriter / napctl: {seconds['xlsxwriter'] / seconds['napctl']:.2f}x")
    differences = same_workbooks(folder / "napctl.xlsx", folder / "xlsxwriter.xlsx")
    print(
        "same cells and styles" if not differences else "DIFFERENT:\n  " + "\n  ".join(differences)
    )


if __name__ == "__main__":
    raise SystemExit(main())
