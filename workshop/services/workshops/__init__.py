"""One workshop itself, below every feature: create, edit, list, pick and delete it, its teams, and the words
its key terms leave out. What spans the features (the demo, carry-over, backup, export, reports) is in whole/."""
