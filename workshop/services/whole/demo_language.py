"""The public demo in the visitor's language. The demo library exists in each content language
(data/demo/<lang>.yaml); a visitor who lands on the demo sees the one in their language, made the first time
a visitor of that language comes (a few seconds, once per language and database)."""

from __future__ import annotations

import threading

from sqlalchemy import Engine, select

from workshop.domain.model import LANGUAGES, Workshop
from workshop.services.whole.demo import create_demo
from workshop.services.workshops.lifecycle import delete_workshop
from workshop.store import read
from workshop.store.tables import workshops

_MAKING = threading.Lock()  # one demo per language, however many of its visitors arrive at once


def _demos_in(engine: Engine, lang: str) -> list[int]:
    with read(engine) as conn:
        found = conn.execute(
            select(workshops.c.id)
            .where(workshops.c.is_demo.is_(True), workshops.c.language == lang)
            .order_by(workshops.c.id)
        )
        return [int(r.id) for r in found]


def demo_in(engine: Engine, lang: str) -> int:
    """The demo workshop in a content language, made beside the others if there is none yet. Two servers
    on one database may make it at the same moment: each keeps the first one made and deletes its own."""
    with _MAKING:
        found = _demos_in(engine, lang)
        if found:
            return found[0]
        made = create_demo(engine, lang, replace=False)
        first = _demos_in(engine, lang)[0]
        if first != made:
            delete_workshop(engine, made)
        return first


def for_visitor(engine: Engine, shown: Workshop, lang: str) -> int:
    """The workshop a visitor who reads `lang` sees in place of `shown`: the demo in their language when
    `shown` is the demo in another one, else `shown` itself."""
    if not shown.is_demo or shown.language == lang or lang not in LANGUAGES:
        return shown.id
    return demo_in(engine, lang)


def pickable(every: list[Workshop], looking_at: int | None, lang: str) -> list[Workshop]:
    """The workshops a visitor may pick on the home page: every real one and a single demo, the one looked
    at, else the one in the visitor's language, else the first (the others are the same demo in other
    languages)."""
    demos = [w for w in every if w.is_demo]
    one = next(
        (w for w in demos if w.id == looking_at),
        next((w for w in demos if w.language == lang), demos[0] if demos else None),
    )
    return [w for w in every if not w.is_demo or w is one]
