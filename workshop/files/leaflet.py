"""The "Vi kan – vil du?" leaflet (from "Byg partnerskaber!"): the library's assets on one printable A4
page that staff hand to potential partners. Self-contained HTML: inline CSS, no scripts, no fonts or
pictures from elsewhere, so it opens and prints offline. Its fixed words are the `leaflet.` keys of the
locale files (passed in as `t`); every piece of user text goes through esc() (html.escape, no direction controls)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from workshop.domain.plain_text import html_text

Words = Callable[..., str]
SHORT = 280  # characters of a description the leaflet shows: a leaflet is read in passing
TWO_COLUMNS = 6  # more assets than this are set in two columns, so the list still fits one page
DENSE = 12  # more than this are printed smaller; the page never runs onto a second sheet (the rest is cut)
STYLE = """
@page{size:A4;margin:14mm}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2a33;margin:2em auto;max-width:180mm;
line-height:1.35}
header{border-bottom:4px solid #2E86AB;margin-bottom:1em;padding-bottom:.5em}
h1{font-size:2.4em;margin:0;color:#2E86AB}
.library{font-size:1.5em;margin:0 0 .2em;font-weight:700}
.lead{margin:.6em 0 0}
ol{list-style:none;padding:0;margin:0}
ol.two{columns:2;column-gap:8mm}
li{break-inside:avoid;page-break-inside:avoid;margin:0 0 .8em;padding:.45em .7em;border-left:4px solid #F6AE2D;
background:#f7f9fa}
li h2{font-size:1.05em;margin:0 0 .15em}
li p{margin:0;font-size:.92em;white-space:pre-line}
.empty{font-style:italic;color:#555}
footer{margin-top:1.2em;border-top:1px solid #bbb;padding-top:.5em;font-weight:600}
.contact{margin:.3em 0 0;font-weight:400}
.contacts{margin-top:.8em;font-size:.9em}
.contacts h2{font-size:1em;margin:0 0 .2em}
.contacts ul{margin:0;padding-left:1.1em;columns:2;column-gap:8mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt;height:268mm;display:flex;flex-direction:column;
overflow:hidden}body.dense{font-size:8.5pt}li{background:none}main{flex:1;min-height:0;overflow:hidden}}
"""


class Listed(Protocol):
    """An asset as the leaflet needs it (workshop.services.register.assets.ListedAsset)."""

    @property
    def title(self) -> str: ...

    @property
    def description(self) -> str: ...


def esc(value: object) -> str:
    """User text as HTML text: escaped, without the direction controls (as on the pages)."""
    return html_text(value)


def short(text: str, limit: int = SHORT) -> str:
    """A description cut at a word before `limit` characters, with an ellipsis when cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,.;:–-") + "…"


def _contacts(contact: str, people: Sequence[tuple[str, str]], t: Words) -> tuple[str, str]:
    """The library's own contact line (for the footer) and the list of who to ask about which partner: "the
    whole list and all contact details", as Aarhus's first leaflet had them."""
    line = f'<p class="contact">{esc(t("leaflet.contact", contact=contact))}</p>' if contact.strip() else ""
    listed = [(name, who) for name, who in people if who.strip()]
    if not listed:
        return line, ""
    items = "".join(f"<li>{esc(name)}: {esc(who)}</li>" for name, who in listed)
    return line, f'<section class="contacts"><h2>{esc(t("leaflet.contacts"))}</h2><ul>{items}</ul></section>'


def render_leaflet(
    library: str,
    assets: Sequence[Listed],
    lang: str,
    t: Words,
    contact: str = "",
    people: Sequence[tuple[str, str]] = (),
) -> str:
    """The leaflet as one HTML document in `lang` (the words `t` gives), headed with the library's name, with
    the library's `contact` details and `people`: (partner, our contact person) pairs."""
    heading = t("leaflet.heading")
    contact_line, contact_list = _contacts(contact, people, t)
    items = "".join(
        f"<li><h2>{esc(a.title)}</h2>"
        + (f"<p>{esc(short(a.description))}</p>" if a.description.strip() else "")
        + "</li>"
        for a in assets
    )
    body = (
        f'<ol class="{"two" if len(assets) > TWO_COLUMNS else "one"}">{items}</ol>'
        if assets
        else f'<p class="empty">{esc(t("leaflet.empty"))}</p>'
    )
    return (
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(library)} — {esc(heading)}</title><style>{STYLE}</style></head>"
        f'<body class="{"dense" if len(assets) > DENSE else "normal"}">'
        f'<header><p class="library">{esc(library)}</p><h1>{esc(heading)}</h1>'
        f'<p class="lead">{esc(t("leaflet.lead"))}</p></header>'
        f"<main>{body}{contact_list}</main><footer>{esc(t('leaflet.invite'))}{contact_line}</footer></body></html>"
    )
