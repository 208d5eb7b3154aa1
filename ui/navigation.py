"""Which pages each role sees. Pages a role may not use are not registered, so they cannot run."""

from __future__ import annotations

import copy
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui import data
from ui.context import t, workshop_id
from ui.widgets import bold
from workshop.domain.model import Role
from workshop.domain.phases import Phases, team_sees

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
ANSWERS = (
    "answer"  # the answers page's address, where a team's join link leads (workshop.services.week.teams.join_link)
)

# (file, title key, icon); emoji icons only: a material icon would fetch a font from the internet.
# The Workshops page is open to all: only the owner may change anything there, and it asks for the owner.
# Teams and leadership do not see the Workshops page (issue 26.2): it is the owner's and the facilitator's.
PUBLIC = [("home.py", "nav.home", "🏠"), ("workshops.py", "nav.workshops", "🗂️")]
SEES_WORKSHOPS = (None, Role.FACILITATOR)
# Open to everyone whatever their role, in every menu and every page's footer (issue 30).
PRIVACY = ("privacy.py", "nav.privacy", "🔒")
BY_ROLE: dict[Role, list[tuple[str, str, str]]] = {
    Role.FACILITATOR: [
        ("week_setup.py", "nav.week_setup", "🗓️"),
        ("teams.py", "nav.teams", "👥"),
        ("offers.py", "nav.offers", "📚"),
        ("import_offers.py", "nav.import_offers", "📥"),
        ("offer_map.py", "nav.offer_map", "🗺️"),
        ("partners.py", "nav.partners", "🤝"),
        ("proposals.py", "nav.proposals", "📨"),
        ("partner_proposals.py", "nav.partner_proposals", "🙋"),
        ("assets.py", "nav.assets", "🎁"),
        ("mapping_review.py", "nav.mapping_review", "🧮"),
        ("morning.py", "nav.morning", "📣"),
        ("week_log.py", "nav.week_log", "📝"),
    ],
    Role.TEAM: [
        ("answer.py", "nav.answer", "✍️"),
        ("decisions.py", "nav.decisions", "📢"),
        ("spend_dots.py", "nav.vote", "🔵"),
        ("mapping.py", "nav.mapping", "📍"),
        ("screening.py", "nav.screening", "🚦"),
        ("offers.py", "nav.offers", "📚"),
        ("offer_map.py", "nav.offer_map", "🗺️"),
        ("partners.py", "nav.partners", "🤝"),
        ("partner_proposals.py", "nav.partner_proposals", "🙋"),
        ("assets.py", "nav.assets", "🎁"),
        ("week_log.py", "nav.week_log", "📝"),
        ("profile.py", "nav.profile", "🧭"),
    ],
    Role.LEADERSHIP: [
        ("main_points.py", "nav.main_points", "🎯"),
        ("overview.py", "nav.overview", "🧭"),
        ("voices.py", "nav.voices", "🗳️"),
        ("themes.py", "nav.themes", "🧩"),
        ("actions.py", "nav.actions", "✅"),
        ("dot_votes.py", "nav.votes", "🔵"),
        ("reports.py", "nav.reports", "📄"),
        ("compare.py", "nav.compare", "⚖️"),
        ("strengths.py", "nav.strengths", "📊"),
        ("screening_cards.py", "nav.screening_cards", "🃏"),
        ("offers.py", "nav.offers", "📚"),
        ("offer_map.py", "nav.offer_map", "🗺️"),
        ("partners.py", "nav.partners", "🤝"),
        ("assets.py", "nav.assets", "🎁"),
        ("week_log.py", "nav.week_log", "📝"),
        ("profile.py", "nav.profile", "🧭"),
        ("history.py", "nav.history", "📜"),
    ],
}
# The record of who changed what: leadership's page, which the owner reads too (any workshop's record).
OWNER_PAGES = [("history.py", "nav.history", "📜")]

# The menu: section name -> its pages, in order.
Sections = dict[str, list[StreamlitPage]]


def _page(file: str, title_key: str, icon: str, default: bool = False, address: str = "") -> StreamlitPage:
    """A page at its file's address; at another `address`, left out of the menu. Each run gets a copy of one
    page made once per file, title and address: making a page resolves its file on the disk, and a
    team's menu makes 15 of them on every run (the 9:00 crowd, issue 25). A copy, not the page itself:
    Streamlit marks the page it runs on the object, and two sessions may run the same page at once."""
    title = t(title_key)
    key = (file, title, icon, default, address)
    made = _MADE.get(key)
    if made is None:
        made = _MADE[key] = st.Page(
            str(PAGES_DIR / file),
            title=title,
            icon=icon,
            default=default,
            url_path=address or file[:-3],
            visibility="hidden" if address else "visible",
        )
    return copy.copy(made)


# Pages made so far, by (file, title, icon, default, address): a few per page, file and language.
_MADE: dict[tuple[str, str, str, bool, str], StreamlitPage] = {}


# The addresses of the pages behind a sign-in, which a visitor without a role can still arrive at.
SIGNED_IN_ADDRESSES = sorted(
    {file[:-3] for pages in BY_ROLE.values() for file, _, _ in pages} - {f[:-3] for f, _, _ in PUBLIC}
)


def pages_for(role: Role | None, owner: bool = False) -> Sections:
    """The navigation sections for a role (the home page always; a team's pages only while their phase of
    the week is on, workshop.domain.phases). Without a role, the address of every
    page behind a sign-in shows the home page, unlisted: a team's link whose code did not work
    (/answer?code=...), a page reloaded after signing out, a bookmark. The visitor gets the home page and
    its sign-in forms there instead of Streamlit's "Page not found" dialog, and once signed in, the same
    address is that page. The owner's pages come with the public ones, unless the role has them already."""
    public = [_page(*PUBLIC[0], default=True)]
    public += [
        _page(*entry) if role in SEES_WORKSHOPS else _page(*PUBLIC[0], address=entry[0][:-3]) for entry in PUBLIC[1:]
    ]
    public.append(_page(*PRIVACY))
    sections: Sections = {t("nav.section.workshop"): public}
    own = [entry for entry in OWNER_PAGES if owner and entry not in BY_ROLE.get(role, [])]  # type: ignore[arg-type]
    public += [_page(*entry) for entry in own]
    if role is None:
        taken = {file[:-3] for file, _, _ in own}
        public += [_page(*PUBLIC[0], address=address) for address in SIGNED_IN_ADDRESSES if address not in taken]
        return sections
    entries = BY_ROLE[role]
    if role == Role.TEAM:
        # A team's page whose phase is off is left out; its address shows the home page (a bookmark).
        phases = phases_now()
        off = [file for file, _, _ in entries if not team_sees(file[:-3], phases)]
        entries = [entry for entry in entries if entry[0] not in off]
        public += [_page(*PUBLIC[0], address=file[:-3]) for file in off]
    sections[t(f"role.{role.value}")] = [_page(*entry) for entry in entries]
    return sections


def phases_now() -> Phases:
    """The phases of the week that are on in the session's workshop (one cached read)."""
    wid = workshop_id()
    return data.team_phases(wid) if wid is not None else Phases()


def land_on_answers(shown: StreamlitPage, sections: Sections) -> None:
    """A team that has just joined by a link to the app's address (code sheets printed before the link
    named the answers page) lands on its answers page too: the switch happens before the home page is
    drawn. A link to another page (a reload of /week_log?code=...) stays there."""
    if shown.url_path == "":
        answers = next(p for pages in sections.values() for p in pages if p.url_path == ANSWERS)
        st.switch_page(answers)


# Streamlit draws no outline around a page link that has the keyboard focus, only a faint background:
# keyboard users see where they are (WCAG 2.4.7).
MENU_FOCUS_STYLE = """<style>
[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]:focus-visible {outline: 2px solid #111111;}
</style>"""
# On a narrow screen (below Streamlit's 768 px breakpoint) the sidebar lies over the page. Streamlit's own
# menu closes it when a page is chosen; our links do the same through this listener (issue 13.8). Fixed
# text with no user input in it; installed once per browser tab.
CLOSE_MENU_ON_NARROW_SCREENS = """<script>
if (!window.workshopClosesMenu) {
  window.workshopClosesMenu = true;
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest('[data-testid="stSidebar"] a[href]');
    if (!link || window.innerWidth >= 768) return;
    const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (close) close.click();
  });
}
</script>"""


def sidebar_menu(sections: Sections) -> None:
    """The menu as plain links under bold section names. Streamlit's own sidebar menu is hidden
    (st.navigation(position="hidden")): its markup puts non-items inside its lists, which screen readers
    and axe-core's list rules refuse (issue 13.7). On a phone the menu closes once a page is chosen."""
    for section, pages in sections.items():
        bold(section)
        for page in pages:
            if page.visibility == "visible":
                st.page_link(page, label=page.title, icon=page.icon)
    st.html(MENU_FOCUS_STYLE + CLOSE_MENU_ON_NARROW_SCREENS, unsafe_allow_javascript=True)


# The footer is drawn before the page (a page may stop half-way, st.stop(), and nothing after it would be drawn)
# and shown after it: the main column is a flex column, and the footer's container comes last in its order.
FOOTER_STYLE = """<style>
div:has(> .st-key-privacy_footer) {order: 9999;}
.st-key-privacy_footer {border-top: 1px solid #d0d0d0; padding-top: 0.5rem; margin-top: 1.5rem;}
</style>"""


def privacy_footer(sections: Sections) -> None:
    """Every page's footer: the link to the privacy page, in the session's language."""
    page = next(p for pages in sections.values() for p in pages if p.url_path == PRIVACY[0][:-3])
    with st.container(key="privacy_footer"):
        st.page_link(page, label=t("privacy.footer"), icon=PRIVACY[2])
        st.html(FOOTER_STYLE)
