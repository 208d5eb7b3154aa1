"""In Danish, no table shows an English or a raw field-name header, and no multiselect Streamlit's English
"Choose options" (issue 13.5)."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from ui.context import KEPT_LANGUAGE
from workshop.config.i18n import catalog, translate
from workshop.domain.model import DEFAULT_TARGET_GROUPS, Role
from workshop.services.week.days import list_main_points
from workshop.services.workshops.lifecycle import current_workshop_id
from workshop.store import make_engine

ENGLISH_ONLY = set(catalog("en").values()) - set(catalog("da").values())
RAW_NAME = re.compile(r"[a-z_]+")  # a DataFrame's own column name (`main_point`, `answers`): never translated
DANISH = set(catalog("da").values())  # lower-case Danish words (`voksne`, `offentlig`) are not raw names


def in_danish(role: Role, page: str) -> AppTest:
    at = sign_in(fresh_app(), role)
    at.session_state["lang"] = at.session_state[KEPT_LANGUAGE] = "da"  # as the sidebar's switch sets it
    return at.switch_page(f"pages/{page}").run()


def headers(at: AppTest) -> list[str]:
    """Every column header and index name of every table on the page, as the reader sees it."""
    found = []
    for table in at.dataframe:
        config = json.loads(table.proto.columns or "{}")
        shown = list(table.proto.column_order) or list(table.value.columns)
        for name in [*shown, *table.value.index.names]:
            if name is None:
                continue
            label = (config.get(f"name:{name}") or config.get(str(name)) or {}).get("label")
            found.append(str(label or name))
    return found


def chart_texts(at: AppTest) -> list[str]:
    """Every chart's title, axis titles, legend title and legend entries."""
    found = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec.get("layout", {})
        for part in (layout, layout.get("xaxis", {}), layout.get("yaxis", {}), layout.get("legend", {})):
            title = part.get("title")
            text = title.get("text") if isinstance(title, dict) else title
            if text:
                found.append(str(text))
        legend = layout.get("showlegend", True)
        found += [
            str(d["name"]) for d in spec.get("data", []) if legend and d.get("showlegend", True) and d.get("name")
        ]
    return [text for text in found if not text.isdigit()]


# The demo these tests open is the English one: its target groups are its content, in its language (issue
# 27.2), as its questions are; a Danish workshop shows its groups in Danish (tests/app/test_content_words.py).
CONTENT = set(DEFAULT_TARGET_GROUPS)


def english(found: list[str]) -> list[str]:
    return [h for h in found if h not in CONTENT and ((RAW_NAME.fullmatch(h) and h not in DANISH) or h in ENGLISH_ONLY)]


def placeholders(at: AppTest) -> list[str]:
    return [m.proto.placeholder for m in at.multiselect]


OVERVIEW_TABS = ["points", "side", "ratings", "choices", "participation", "terms", "gaps", "unthemed"]


@pytest.mark.parametrize("tab", OVERVIEW_TABS)
def test_every_table_of_the_danish_overview_has_danish_headers(app_db: str, tab: str) -> None:
    at = in_danish(Role.LEADERSHIP, "overview.py")
    at.session_state["overview_tab"] = translate("da", f"overview.tab_{tab}")
    at.session_state["overview-table-view"] = True  # answers are cards unless leadership asks for a table
    engine = make_engine()
    for point in list_main_points(engine, int(current_workshop_id(engine) or 0)):
        at.session_state[f"open_page_point_{point.id}"] = True  # a main point's answers show once opened
    at.run()
    assert errors_of(at) == []
    found = headers(at) + chart_texts(at)
    assert found, f"the {tab} tab shows no table and no labelled chart"
    assert english(found) == []
    assert placeholders(at) and set(placeholders(at)) == {"Vælg en eller flere"}


@pytest.mark.parametrize(
    ("role", "page"),
    [
        (Role.LEADERSHIP, "actions.py"),
        (Role.LEADERSHIP, "strengths.py"),
        (Role.FACILITATOR, "morning.py"),
        (Role.FACILITATOR, "partners.py"),
        (Role.FACILITATOR, "offers.py"),
        (Role.FACILITATOR, "week_log.py"),
    ],
)
def test_a_danish_page_shows_no_english_table_header(app_db: str, role: Role, page: str) -> None:
    at = in_danish(role, page)
    if page == "week_log.py":  # the log shows cards; its table is a view to sort
        at.toggle(key="log-table-view").set_value(True).run()
    assert errors_of(at) == []
    found = headers(at)
    assert found, f"{page} shows no table"
    found += chart_texts(at)
    assert english(found) == []
    assert "Choose options" not in placeholders(at)


def test_every_multiselect_goes_through_the_helper_that_translates_its_placeholder() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    direct = [
        f"{path.relative_to(root)}:{number}"
        for path in [*sorted((root / "pages").glob("*.py")), *sorted((root / "ui").glob("*.py"))]
        if path.name != "widgets.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\b\w+\.multiselect\(", line)
    ]
    assert direct == [], "use ui.widgets.multiselect (Streamlit's own placeholder is English)"
