"""Dumps an .xlsx as JSON with openpyxl, an independent reader for the export tests.

usage: read_xlsx.py <file.xlsx>
Per sheet: cells {ref: [value, data_type, number_format]} as written (formulas as text),
cached {ref: value} for formula cells (openpyxl data_only), freeze, auto_filter, print_titles,
outline levels per row, charts (count) and the document title.
"""
import datetime
import json
import sys

import openpyxl


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def main(path):
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    out = {"title": formulas.properties.title, "creator": formulas.properties.creator, "sheets": {}}
    for ws in formulas.worksheets:
        cached_ws = values[ws.title]
        cells, cached, outline = {}, {}, {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                cells[cell.coordinate] = [plain(cell.value), cell.data_type, cell.number_format]
                if cell.data_type == "f":
                    cached[cell.coordinate] = plain(cached_ws[cell.coordinate].value)
        for index, dim in ws.row_dimensions.items():
            if dim.outlineLevel:
                outline[index] = dim.outlineLevel
        out["sheets"][ws.title] = {
            "cells": cells,
            "cached": cached,
            "freeze": ws.freeze_panes,
            "auto_filter": ws.auto_filter.ref,
            "print_titles": ws.print_title_rows,
            "landscape": ws.page_setup.orientation,
            "fit_to_width": ws.page_setup.fitToWidth,
            "footer": ws.oddFooter.center.text,
            "outline": outline,
            "charts": len(ws._charts),
            "max_row": ws.max_row,
        }
    json.dump(out, sys.stdout)


main(sys.argv[1])
