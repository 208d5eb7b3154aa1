"""Files in and out: spreadsheets read into offers, exports, the HTML report, backup files.
Size limits come before any parser."""
