"""Files of the ISO records: the ISO team list, the document register in Excel (template, import,
export) and the yearly report (Excel and PDF). No Qt here."""
