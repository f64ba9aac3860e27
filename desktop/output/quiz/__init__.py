"""The quiz's files: question files in and out (`formats`), its PDFs (`pdf`), the results in Excel
(`results_xlsx`), and the documents made from the store that the screens and the command line call
(`reports`)."""
