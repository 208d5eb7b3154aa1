"""md(): user text put where Streamlit reads markdown keeps none of its marks' meaning."""

from __future__ import annotations

import pytest

from ui.widgets import md, option


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("**b**", "\\*\\*b\\*\\*"),
        (":red[x]", "\\:red\\[x\\]"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript\\:alert(1))"),
        ("![i](http://127.0.0.1:9/i.png)", "!\\[i\\](http\\://127.0.0.1\\:9/i.png)"),
        ("$$x$$", "\\$\\$x\\$\\$"),
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
        ("`code` ~~gone~~ a|b # &amp;", "\\`code\\` \\~\\~gone\\~\\~ a\\|b \\# \\&amp;"),
        ("- item\n1. first", "\\- item  \n1\\. first"),
        ("see www.example.com", "see www\\.example.com"),
        ("right\u202eleft\u2066x\u2069", "rightleftx"),
        ("offers.csv: it's (fine)", "offers.csv: it's (fine)"),  # plain punctuation stays as typed
    ],
)
def test_markdown_marks_in_user_text_are_escaped(typed: str, escaped: str) -> None:
    assert md(typed) == escaped


def test_an_option_keeps_its_text_but_loses_direction_controls() -> None:
    assert option("**Team** \u202eA") == "**Team** A"
