"""Workshops as a whole: create, edit, delete, the demo, carry-over, backup, export, reports and the guide."""
