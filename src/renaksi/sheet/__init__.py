"""Workbooks: Rencana Aksi tables read from and written to Excel files (openpyxl)."""
