"""md(): user text put where Streamlit reads markdown keeps none of its marks' meaning and holds no address
the frontend's autolinker could make a link of; cells(): a table's text without direction controls."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

from ui.widgets import cells, md, option

WJ = "\u2060"  # the word joiner md() puts inside "://", "www." and after "@"


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("**b**", "\\*\\*b\\*\\*"),
        (":red[x]", "\\:red\\[x\\]"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript\\:alert(1))"),
        ("![i](http://127.0.0.1:9/i.png)", f"!\\[i\\](http\\:{WJ}//127.0.0.1\\:9/i.png)"),
        ("$$x$$", "\\$\\$x\\$\\$"),
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
        ("`code` ~~gone~~ a|b # &amp;", "\\`code\\` \\~\\~gone\\~\\~ a\\|b \\# \\&amp;"),
        ("- item\n1. first", "\\- item  \n1\\. first"),
        ("see www.example.com", f"see www{WJ}.example.com"),
        ("HTTPS://evil.example mail@evil.example", f"HTTPS\\:{WJ}//evil.example mail@{WJ}evil.example"),
        ("right\u202eleft\u2066x\u2069", "rightleftx"),
        ("offers.csv: it's (fine)", "offers.csv: it's (fine)"),  # plain punctuation stays as typed
    ],
)
def test_markdown_marks_in_user_text_are_escaped(typed: str, escaped: str) -> None:
    assert md(typed) == escaped


def test_an_option_keeps_its_text_but_loses_direction_controls() -> None:
    assert option("**Team** \u202eA") == "**Team** A"


# The patterns of GFM's autolink literals as remark-gfm (Streamlit's markdown) finds them in text, its escapes
# undone (mdast-util-gfm-autolink-literal): a scheme's "://" or "www." then a domain, and an e-mail address.
# ASCII, as JavaScript's \\w is.
GFM_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.IGNORECASE | re.ASCII)
GFM_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII)
ADDRESSES = [
    "http://evil.example",
    "HTTPS://evil.example/path?q=1",
    "www.evil.example",
    "WWW.evil.example",
    "wwww.evil.example",
    "mail@evil.example",
    "mailto:mail@evil.example",
    "xmpp:a.b+c@evil.example/x",
    "<http://evil.example>",
    "[x](http://evil.example)",
    "http://www.evil.example and mail@www.evil.example",
    "evil\u202e http://evil.example",
]


@pytest.mark.parametrize("typed", ADDRESSES)
def test_no_address_in_md_text_is_one_the_autolinker_finds(typed: str) -> None:
    assert GFM_URL.search(typed) or GFM_EMAIL.search(typed)  # the pattern would find it as typed
    read = re.sub(r"\\(.)", r"\1", md(typed))  # what markdown leaves once it has read the escapes
    assert not GFM_URL.search(read) and not GFM_EMAIL.search(read), read
    assert read.replace(WJ, "") == typed.replace("\u202e", "")  # the reader sees the text as typed


def test_a_table_shows_its_text_without_direction_controls_and_its_numbers_as_they_are() -> None:
    typed = pd.DataFrame(
        {"Team \u202eA": ["x\u2066y\u2069", None], "dots": [1, 2], "tags": [["a\u202e"], []]},
        index=pd.Index(["r\u202d1", "r2"], name="row\u202a"),
    )
    shown = cells(typed)
    assert list(shown.columns) == ["Team A", "dots", "tags"]
    assert shown["Team A"].iloc[0] == "xy" and pd.isna(shown["Team A"].iloc[1])  # an empty cell stays empty
    assert shown["tags"].tolist() == [["a"], []]
    assert shown["dots"].dtype == typed["dots"].dtype and shown["dots"].tolist() == [1, 2]
    assert list(shown.index) == ["r1", "r2"] and shown.index.name == "row"
    assert typed.columns[0] == "Team \u202eA"  # the frame the page read is left as it was


def test_every_read_only_table_of_the_pages_goes_through_cells() -> None:
    """The class, not the cases the hostile week reaches: every st.dataframe call in ui/ and pages/ is given
    cells(...) or headed(...) (which calls cells), so a new table cannot show a direction control."""
    root = Path(__file__).resolve().parents[2]
    calls = []
    for path in sorted([*root.glob("ui/*.py"), *root.glob("pages/*.py"), root / "app.py"]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "dataframe":
                first = node.args[0] if node.args else None
                wrapped = isinstance(first, ast.Call) and isinstance(first.func, ast.Name)
                calls.append((f"{path.name}:{node.lineno}", wrapped and first.func.id in {"cells", "headed"}))  # type: ignore[union-attr]
    assert len(calls) > 20, calls  # the search finds the tables
    assert [where for where, through in calls if not through] == []
