"""``data.xlsx``: the data file as an Excel workbook in the official table layout.

``write.write_workbook`` writes it (``init``, ``convert``); ``read.read_workbook`` reads it back
into the data file's structure with the sheet and cell of every value (``loading`` validates it
exactly like data.yaml). ``form`` is the one definition of where each field lives; ``cells``
reads any .xlsx (also registers) bounded by what the file really holds.
openpyxl is imported inside functions only, so commands that do not touch Excel stay light.
"""
