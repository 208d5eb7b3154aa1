"""driver.press: a click the browser never delivered (the page scrolled back between the press and the release
of a button below the fold, as the themes page did under load) is pressed again; one it delivered is not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.driver import press

pytestmark = pytest.mark.e2e

# A main area that scrolls, as Streamlit's does, with a button below the fold. `jumps` presses of the button
# scroll the area back to the top between pointerdown and pointerup, as seen under load: the release lands on
# the element now under the pointer, and the browser fires no click on the button.
PAGE = """<div id="main" style="height: 400px; overflow: auto">
  <div id="above" style="height: 1200px">above</div>
  <button id="save" onclick="window.saves = (window.saves || 0) + 1">Save</button>
  <div style="height: 300px"></div>
</div>
<script>
  window.jumps = JUMPS;
  document.getElementById('save').addEventListener('pointerdown', () => {
    if (window.jumps > 0) { window.jumps -= 1; document.getElementById('main').scrollTop = 0; }
  });
</script>"""


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


def saves(page: Any) -> int:
    return int(page.evaluate("() => window.saves || 0"))


def test_a_click_whose_release_lands_elsewhere_reaches_nothing(page: Any) -> None:
    """The fault itself, made certain: Playwright's click reports success, the button's handler never ran."""
    page.set_content(PAGE.replace("JUMPS", "1"))
    page.locator("#save").click()
    assert saves(page) == 0


def test_press_presses_again_when_the_click_was_not_delivered(page: Any) -> None:
    page.set_content(PAGE.replace("JUMPS", "1"))
    press(page.locator("#save"))
    assert saves(page) == 1


def test_press_does_not_repeat_a_delivered_click(page: Any) -> None:
    page.set_content(PAGE.replace("JUMPS", "0"))
    press(page.locator("#save"))
    assert saves(page) == 1


def test_press_fails_when_no_click_is_ever_delivered(page: Any) -> None:
    page.set_content(PAGE.replace("JUMPS", "99"))
    with pytest.raises(AssertionError, match="never delivered a click"):
        press(page.locator("#save"))
    assert saves(page) == 0
