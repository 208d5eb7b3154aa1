"""The HTML report, in parts: document (render), summary, detail, markup, week."""
