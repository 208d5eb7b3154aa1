"""The library's assets (issue 16): the facilitator's list of what the library offers partners, the teams'
proposed additions, and the "Vi kan – vil du?" leaflet made from the list (workshop.files.leaflet)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from workshop.domain.assets import Asset, ReviewStatus
from workshop.domain.messages import message
from workshop.domain.model import Team
from workshop.domain.personal import without_contact_details
from workshop.domain.validation import validated
from workshop.files.leaflet import render_leaflet
from workshop.files.report.week import report_language, report_words
from workshop.services.register.mapping import _member
from workshop.services.register.proposal_review import decide_pending
from workshop.services.rows import ASSET_PROPOSALS, ASSETS, PARTNERS, changed
from workshop.services.workshops.lifecycle import get_workshop, now
from workshop.store import read, write
from workshop.store.tables import asset_proposals, assets, partners, teams


@dataclass(frozen=True)
class ListedAsset:
    id: int
    title: str
    description: str


@dataclass(frozen=True)
class AssetProposal:
    id: int
    team: str
    title: str
    description: str
    status: ReviewStatus


def _asset(title: str, description: str) -> Asset:
    return validated(
        Asset, {"title": title, "description": description.strip()}, message("subject.asset", name=title.strip())
    )


def _ids(conn: Connection, workshop_id: int) -> list[int]:
    order = select(assets.c.id).where(ASSETS.of(workshop_id)).order_by(assets.c.position, assets.c.id)
    return [int(i) for i in conn.execute(order).scalars()]


def _append(conn: Connection, workshop_id: int, asset: Asset) -> int:
    last = conn.execute(select(func.max(assets.c.position)).where(ASSETS.of(workshop_id))).scalar()
    row = {"workshop_id": workshop_id, "position": (last or 0) + 1, **asset.model_dump()}
    return int(conn.execute(assets.insert().values(**row).returning(assets.c.id)).scalar_one())


def list_assets(engine: Engine, workshop_id: int) -> list[ListedAsset]:
    """The workshop's assets in the facilitator's order."""
    with read(engine) as conn:
        rows = conn.execute(ASSETS.select(workshop_id).order_by(assets.c.position, assets.c.id)).fetchall()
    return [ListedAsset(r.id, r.title, r.description) for r in rows]


def add_asset(engine: Engine, workshop_id: int, title: str, description: str = "") -> int:
    """Add an asset at the end of the list; InvalidInput names the field."""
    asset = _asset(title, description)
    with write(engine) as conn:
        return _append(conn, workshop_id, asset)


def update_asset(engine: Engine, workshop_id: int, asset_id: int, title: str, description: str = "") -> None:
    """Change an asset's title and description."""
    asset = _asset(title, description)
    with write(engine) as conn:
        ASSETS.update(conn, workshop_id, asset_id, **asset.model_dump())


def delete_asset(engine: Engine, workshop_id: int, asset_id: int) -> None:
    with write(engine) as conn:
        ASSETS.delete(conn, workshop_id, asset_id)


def move_asset(engine: Engine, workshop_id: int, asset_id: int, step: int) -> None:
    """Move an asset up (step -1) or down (+1) the list; at either end it stays where it is."""
    with write(engine) as conn:
        order = _ids(conn, workshop_id)
        if asset_id not in order:
            raise ASSETS.not_found(asset_id)
        at = order.index(asset_id)
        to = min(max(at + step, 0), len(order) - 1)
        order.insert(to, order.pop(at))
        for position, moved in enumerate(order, start=1):
            changed(conn, assets.update().where(assets.c.id == moved).values(position=position))


def propose_asset(engine: Engine, team: Team, title: str, description: str = "") -> int:
    """A team proposes an asset for the list; the facilitator accepts or declines it."""
    asset = _asset(title, description)
    with write(engine) as conn:
        _member(conn, team)
        row = {"workshop_id": team.workshop_id, "team_id": team.id, "created_at": now(), **asset.model_dump()}
        return int(conn.execute(asset_proposals.insert().values(**row).returning(asset_proposals.c.id)).scalar_one())


def _proposals(conn: Connection, *where: object) -> list[AssetProposal]:
    rows = conn.execute(
        select(asset_proposals, teams.c.name.label("team"))
        .join(teams, teams.c.id == asset_proposals.c.team_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(asset_proposals.c.id)
    )
    return [AssetProposal(r.id, r.team, r.title, r.description, ReviewStatus(r.status)) for r in rows]


def team_asset_proposals(engine: Engine, team: Team) -> list[AssetProposal]:
    """The team's own proposals and what became of them (never another team's)."""
    with read(engine) as conn:
        _member(conn, team)
        return _proposals(conn, asset_proposals.c.team_id == team.id)


def pending_asset_proposals(engine: Engine, workshop_id: int) -> list[AssetProposal]:
    """The proposals the facilitator has not decided yet, oldest first."""
    with read(engine) as conn:
        return _proposals(conn, ASSET_PROPOSALS.of(workshop_id), asset_proposals.c.status == ReviewStatus.PENDING.value)


def decide_asset_proposal(engine: Engine, workshop_id: int, proposal_id: int, accept: bool) -> int | None:
    """Accept a pending proposal (it goes to the end of the list; returns the asset's id) or decline it."""

    def add(row: Any) -> int:
        return _append(conn, workshop_id, Asset(title=row.title, description=row.description))

    with write(engine) as conn:
        return decide_pending(
            conn, asset_proposals, workshop_id, proposal_id, "asset", "title", add if accept else None
        )


def leaflet_html(engine: Engine, workshop_id: int, lang: str | None = None, contacts: bool = False) -> str:
    """The "Vi kan – vil du?" leaflet: the assets on one printable page, in the workshop's language (`lang`,
    the reader's language, serves when the locale files have no words in the workshop's language). It keeps the
    library's own contact; the partners' contact persons' e-mail and phone only with `contacts` (issue 30)."""
    current = get_workshop(engine, workshop_id)
    chosen = report_language(current.language, lang)
    with read(engine) as conn:
        people = conn.execute(
            select(partners.c.name, partners.c.contact)
            .where(PARTNERS.of(workshop_id), partners.c.contact != "")
            .order_by(partners.c.name)
        ).all()
    return render_leaflet(
        current.library,
        list_assets(engine, workshop_id),
        chosen,
        report_words(chosen),
        contact=current.library_contact,
        people=[(str(r.name), str(r.contact) if contacts else without_contact_details(str(r.contact))) for r in people],
    )
