"""Views of the records: writers per format, tables, CSV, the HTML report, the progress bar."""
