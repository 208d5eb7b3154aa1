"""The live distribution on the wall and the morning view: one bar per option or rating (or key term), as
HTML text (no Streamlit here).

The same list is shown on a 1920 px projector and in the morning view's column on a tablet or a phone, a
few hundred pixels wide. A plotly figure fits its plot to that width but not its tick labels: a long
option was cut off on the left. Here every label is text that wraps inside any width (a long word too), and
where the column is too narrow for a label beside its bar, the bar goes below its label. Each bar's width is
its share of the largest count (the largest fills the track; a zero count has no bar, but keeps its row,
its label and its "0"), and its count is written at its end, in room kept for the largest count's digits.

A screen reader reads each row once, as "label: 3 teams" (the visible label, bar and count are hidden from
it). Every label goes through plain_text.html_text: escaped, without direction controls; counts only, never
who gave them."""

from __future__ import annotations

from collections.abc import Sequence

from workshop.config.i18n import translate, whole
from workshop.domain.plain_text import html_text

BAR_COLOUR = "#ffd400"  # the wall's accent, on black and on white
INK = {True: "#ffffff", False: "#31333f"}  # text: white on the wall, the theme's text colour on the morning view
LABEL_PX = {True: "26px", False: "1rem"}  # on the wall: readable from the back of a meeting room
COUNT_PX = {True: "30px", False: "1.15rem"}
# Read by screen readers only: out of the flow, one pixel, clipped (the usual "visually hidden" rules).
HIDDEN = (
    "position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;"
    "clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap"
)


def share(count: int, most: int) -> str:
    """A bar's width: its count as a percentage of the largest, "100", "50", "33.33", "0"."""
    if most <= 0 or count <= 0:
        return "0"
    return f"{100 * count / most:.2f}".rstrip("0").rstrip(".")


def _row(label: str, count: int, most: int, digits: int, lang: str, said_key: str, on_wall: bool) -> str:
    said = html_text(translate(lang, said_key, label=label, n=count))
    written = html_text(whole(count, lang))
    bar = f'<span class="live-bar-fill" style="display:block;flex:none;height:1.1em;width:{share(count, most)}%;'
    bar += f'background:{BAR_COLOUR}"></span>'
    return (
        '<li style="position:relative;display:flex;flex-wrap:wrap;align-items:center;column-gap:0.8em;'
        'row-gap:0.2em;margin:0;padding:0">'
        f'<span style="{HIDDEN}">{said}</span>'
        f'<span class="live-bar-label" aria-hidden="true" style="flex:1 1 12em;min-width:0;'
        f'overflow-wrap:anywhere;line-height:1.2;font-size:{LABEL_PX[on_wall]}">{html_text(label)}</span>'
        f'<span class="live-bar-track" aria-hidden="true" style="flex:2 1 12em;min-width:0;display:flex;'
        f"align-items:center;gap:0.3em;box-sizing:border-box;padding-right:calc({digits}ch + 0.3em);"
        f'font-size:{COUNT_PX[on_wall]};font-weight:600;font-variant-numeric:tabular-nums">'
        f'{bar}<span class="live-bar-count" style="flex:none">{written}</span></span>'
        "</li>"
    )


def live_bars(counts: Sequence[tuple[str, int]], lang: str, said_key: str, on_wall: bool) -> str:
    """The counts, in the question's order, as an HTML list: per row the label, its bar and its count.
    `said_key`: the plural locale key a screen reader hears per row ("{label}: {n} teams"); `on_wall`:
    white and large for the projector, else the page's own colour and size."""
    values = [max(0, int(n)) for _, n in counts]
    most = max(values, default=0)
    digits = max((len(whole(n, lang)) for n in values), default=1)
    rows = "".join(
        _row(str(label), n, most, digits, lang, said_key, on_wall) for (label, _), n in zip(counts, values, strict=True)
    )
    return (
        f'<ul class="live-bars" role="list" style="list-style:none;margin:0;padding:0;display:flex;'
        f'flex-direction:column;gap:0.9em;color:{INK[on_wall]}">{rows}</ul>'
    )
