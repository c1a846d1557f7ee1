"""Spreadsheets: action matrices read and written as CSV and XLSX, with one cell policy."""
