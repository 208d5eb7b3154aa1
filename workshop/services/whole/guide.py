"""Read models that guide people through the week: the facilitator's checklist and the phases that decide
which pages a team's menu shows. Each is one read, so a page or the navigation asks once."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, and_, distinct, func, or_, select

from workshop.domain.checklist import Progress, Step, StepKey, checklist
from workshop.domain.model import DayStatus
from workshop.domain.phases import Phases
from workshop.services.rows import (
    DAYS,
    MAIN_POINTS,
    MAPPING_PHASES,
    MAPPINGS,
    OFFERS,
    PROJECTOR_LINKS,
    PROPOSALS,
    PUBLICATIONS,
    QUOTES,
    TEAMS,
    THEMES,
    VOTES,
)
from workshop.store import read
from workshop.store.tables import (
    days,
    main_points,
    mapping_decisions,
    mapping_phases,
    mappings,
    offers,
    projector_links,
    proposals,
    publications,
    questions,
    recap_quotes,
    teams,
    themes,
    votes,
)


def _count(conn: Connection, column: object, *where: object) -> int:
    return int(conn.execute(select(func.count(column)).where(*where)).scalar() or 0)  # type: ignore[arg-type]


def _mapping_status(conn: Connection, workshop_id: int) -> DayStatus:
    found = conn.execute(select(mapping_phases.c.status).where(MAPPING_PHASES.of(workshop_id))).scalar()
    return DayStatus(found) if found else DayStatus.PLANNED


def _unresolved(conn: Connection, workshop_id: int) -> int:
    """Mapped offers without a decision (or mapped again since), and proposed offers not yet accepted."""
    decision = mapping_decisions
    open_offers = conn.execute(
        select(func.count(distinct(mappings.c.offer_id)))
        .select_from(mappings.outerjoin(decision, decision.c.offer_id == mappings.c.offer_id))
        .where(
            MAPPINGS.of(workshop_id),
            mappings.c.done.is_(True),
            mappings.c.offer_id.is_not(None),
            or_(decision.c.id.is_(None), mappings.c.updated_at > decision.c.decided_at),
        )
    ).scalar()
    proposed = _count(
        conn,
        mappings.c.id,
        MAPPINGS.of(workshop_id),
        and_(mappings.c.proposed, mappings.c.offer_id.is_(None)),
    )
    return int(open_offers or 0) + proposed


def week_checklist(engine: Engine, workshop_id: int) -> list[Step]:
    """The facilitator's checklist of the week, each step with its state and how far it is."""
    wid = workshop_id
    with read(engine) as conn:
        day_rows = conn.execute(select(days.c.id, days.c.status).where(DAYS.of(wid))).fetchall()
        quoted = _count(conn, distinct(recap_quotes.c.day_id), QUOTES.of(wid))
        planned = all(_count(conn, table.c.id, table.c.workshop_id == wid) for table in (days, questions)) and bool(
            _count(conn, main_points.c.id, MAIN_POINTS.of(wid), main_points.c.status == "approved")
        )  # a point leadership only proposed carries no day yet
        status = _mapping_status(conn, wid)
        resolved = status == DayStatus.CLOSED and _unresolved(conn, wid) == 0
        progress = {
            StepKey.OFFERS: Progress(min(_count(conn, offers.c.id, OFFERS.of(wid)), 1)),
            StepKey.TEAMS: Progress(min(_count(conn, teams.c.id, TEAMS.of(wid)), 1)),
            StepKey.MAPPING_OPENED: Progress(int(status != DayStatus.PLANNED)),
            StepKey.MAPPING_CLOSED: Progress(int(status == DayStatus.CLOSED)),
            StepKey.MAPPING_RESOLVED: Progress(int(resolved)),
            StepKey.WEEK_PLANNED: Progress(int(planned)),
            StepKey.PROJECTOR: Progress(min(_count(conn, projector_links.c.workshop_id, PROJECTOR_LINKS.of(wid)), 1)),
            StepKey.HANDOVER: Progress(min(_count(conn, themes.c.id, THEMES.of(wid)), 1)),
        }
    total = len(day_rows)
    progress[StepKey.DAYS_OPENED] = Progress(sum(r.status != DayStatus.PLANNED.value for r in day_rows), total)
    progress[StepKey.DAYS_CLOSED] = Progress(sum(r.status == DayStatus.CLOSED.value for r in day_rows), total)
    progress[StepKey.QUOTES] = Progress(quoted, total)
    return checklist(progress)


def team_phases(engine: Engine, workshop_id: int) -> Phases:
    """Which phases of the week are on: what a team's menu shows (workshop.domain.phases)."""
    wid = workshop_id
    with read(engine) as conn:
        return Phases(
            mapping_open=_mapping_status(conn, wid) == DayStatus.OPEN,
            proposal_open=bool(_count(conn, proposals.c.id, PROPOSALS.of(wid), proposals.c.is_open)),
            vote_open=bool(_count(conn, votes.c.id, VOTES.of(wid), votes.c.is_open)),
            published=bool(conn.execute(select(publications.c.published).where(PUBLICATIONS.of(wid))).scalar()),
        )
