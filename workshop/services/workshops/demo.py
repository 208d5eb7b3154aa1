"""The demo workshop: a fictional library with offers, teams, partners and a week half answered."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, select

from workshop.config.templates import Demo, DemoMapping, demo
from workshop.domain.errors import ConfigError
from workshop.domain.mapping import MappingScope
from workshop.domain.model import SPACE_KEYS, DayStatus, QuestionKind
from workshop.domain.screening import team_rater
from workshop.services.access.codes import public_team_code_hash
from workshop.services.register.offers import insert_offers, insert_partners
from workshop.services.rows import ANSWERS, DAYS, OFFERS, PARTNERS, QUESTIONS, TEAMS, changed
from workshop.services.workshops.lifecycle import CURRENT_KEY, add_team, create_workshop, now
from workshop.store import write
from workshop.store.tables import (
    actions,
    asset_proposals,
    assets,
    days,
    mapping_phases,
    mappings,
    offers,
    partner_proposals,
    partners,
    proposals,
    publications,
    questions,
    reactions,
    responses,
    screenings,
    settings,
    teams,
    theme_responses,
    themes,
    vote_dots,
    votes,
    workshops,
)


def demo_ids(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return [r.id for r in conn.execute(select(workshops.c.id).where(workshops.c.is_demo.is_(True)))]


def create_demo(engine: Engine, lang: str = "en", replace: bool = True) -> int:
    """(Re)create the demo workshop in a content language (data/demo/<lang>.yaml): any earlier demo is
    deleted and this one is the current workshop. `replace=False`: one more demo beside the others (the
    demo in a visitor's language, services/demo_language.py), the current workshop unchanged. Returns
    the new id."""
    data = demo(lang)
    if replace:
        with write(engine) as conn:
            conn.execute(workshops.delete().where(workshops.c.is_demo.is_(True)))
    workshop_id = create_workshop(
        engine,
        data.name,
        data.facilitator_code,
        data.leadership_code,
        template_key=data.template,
        description=data.description,
        is_demo=True,
        language=lang,
    )
    team_ids = {t.name: add_team(engine, workshop_id, t.name, t.code)[0].id for t in data.teams}
    with write(engine) as conn:
        insert_partners(conn, workshop_id, data.partners, history={p.name: p.history for p in data.partners})
        insert_offers(conn, workshop_id, data.offers)
        day_rows = conn.execute(
            select(days.c.id, days.c.position).where(DAYS.of(workshop_id)).order_by(days.c.position)
        ).fetchall()
        for day, status in zip(day_rows, data.day_status, strict=False):
            changed(
                conn,
                days.update().where(days.c.id == day.id).values(status=DayStatus(status).value),
            )
        question_rows = conn.execute(
            select(questions.c.id, questions.c.kind, questions.c.position, days.c.position.label("day"))
            .join(days, days.c.id == questions.c.day_id)
            .where(QUESTIONS.of(workshop_id))
        ).fetchall()
        by_place = {(q.day, q.position): q for q in question_rows}
        stamp = now()
        rows = []
        for a in data.answers:
            q = by_place[(a.day, a.question)]
            rated = q.kind in (QuestionKind.RATING.value, QuestionKind.SPACE_STRENGTH.value)
            rows.append(
                {
                    "workshop_id": workshop_id,
                    "question_id": q.id,
                    "team_id": team_ids[a.team],
                    "text": a.text,
                    "rating": a.rating if rated else None,
                    "choices": a.choices,
                    "spaces": a.spaces,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
        if rows:
            conn.execute(responses.insert(), rows)
        _add_decisions(conn, workshop_id, data, team_ids, {place: q.id for place, q in by_place.items()}, lang)
        if data.mapping is not None:
            _demo_mapping(conn, workshop_id, data.mapping, team_ids, stamp)
        _demo_proposals(conn, workshop_id, data, team_ids, stamp)
        _demo_partnership(conn, workshop_id, data, team_ids, stamp)
        if replace:
            conn.execute(settings.delete().where(settings.c.key == CURRENT_KEY))
            conn.execute(settings.insert().values(key=CURRENT_KEY, value=str(workshop_id)))
    return workshop_id


def _add_decisions(
    conn: Connection,
    workshop_id: int,
    data: Demo,
    team_ids: dict[str, int],
    question_ids: dict[tuple[int, int], int],
    lang: str,
) -> None:
    """Leadership's side of the demo: themes with decisions, actions in every state, the teams'
    reactions, and (if the demo says so) all of it published to the teams."""
    stored = conn.execute(
        select(responses.c.id, responses.c.team_id, responses.c.question_id).where(ANSWERS.of(workshop_id))
    )
    answer_ids = {(r.team_id, r.question_id): r.id for r in stored}
    stamp, today = now(), dt.date.today()
    theme_ids: dict[str, int] = {}
    for n, theme in enumerate(data.themes):
        theme_id = conn.execute(
            themes.insert()
            .values(
                workshop_id=workshop_id, title=theme.title, status=theme.status.value, decision=theme.decision,
                reactions_open=theme.reactions_open,
            )
            .returning(themes.c.id)
        ).scalar_one()  # fmt: skip
        theme_ids[theme.title] = int(theme_id)
        for ref in theme.answers:
            key = (team_ids.get(ref.team), question_ids.get((ref.day, ref.question)))
            if key not in answer_ids:
                where = f"themes[{n}].answers"
                raise ConfigError(
                    f"demo/{lang}.yaml", where, None, f"no answer of {ref.team} to day {ref.day} Q{ref.question}"
                )
            conn.execute(theme_responses.insert().values(theme_id=theme_id, response_id=answer_ids[key]))
        for action in theme.actions:
            due = today + dt.timedelta(days=action.due_in_days) if action.due_in_days is not None else None
            conn.execute(
                actions.insert().values(
                    workshop_id=workshop_id, theme_id=theme_id, title=action.title, owner=action.owner, due=due,
                    status=action.status.value,
                )
            )  # fmt: skip
        for reaction in theme.reactions:
            conn.execute(
                reactions.insert().values(
                    workshop_id=workshop_id, theme_id=theme_id, team_id=team_ids[reaction.team],
                    stance=reaction.stance.value, comment=reaction.comment, updated_at=stamp,
                )
            )  # fmt: skip
    conn.execute(publications.insert().values(workshop_id=workshop_id, published=data.published, updated_at=stamp))
    for vote in data.votes:
        vote_id = conn.execute(
            votes.insert()
            .values(workshop_id=workshop_id, title=vote.title, target="themes", dots=vote.dots, is_open=vote.is_open)
            .returning(votes.c.id)
        ).scalar_one()
        for given in vote.given:
            conn.execute(
                vote_dots.insert().values(
                    workshop_id=workshop_id, vote_id=vote_id, team_id=team_ids[given.team],
                    item_id=theme_ids[given.theme], dots=given.dots,
                )
            )  # fmt: skip


def _demo_mapping(
    conn: Connection, workshop_id: int, plan: DemoMapping, team_ids: dict[str, int], stamp: dt.datetime
) -> None:
    """The teams' finished mapping: every offer as the register has it, except the listed differences."""
    conn.execute(
        mapping_phases.insert().values(
            workshop_id=workshop_id, status=DayStatus(plan.status).value, scope=MappingScope(plan.scope).value
        )
    )
    register = conn.execute(select(offers).where(OFFERS.of(workshop_id)).order_by(offers.c.id)).fetchall()
    differ = {(d.team, d.offer): d for d in plan.differ if not d.proposed}
    rows = []
    for team in plan.teams:
        for offer in register:
            own = differ.get((team, offer.name))
            values = own.spaces if own else {k: offer._mapping[k] for k in SPACE_KEYS}
            rows.append(
                {
                    "workshop_id": workshop_id,
                    "team_id": team_ids[team],
                    "offer_id": offer.id,
                    **{k: int(values.get(k, 0)) for k in SPACE_KEYS},
                    "strength": own.strength if own else offer.strength,
                    "target_groups": list(offer.target_groups),
                    "partners": list(offer.partners),
                    "note": own.note if own else "",
                }
            )
    for p in (d for d in plan.differ if d.proposed):
        rows.append(
            {
                "workshop_id": workshop_id,
                "team_id": team_ids[p.team],
                "offer_id": None,
                "proposed": True,
                "proposed_name": p.offer,
                "description": p.description,
                **{k: int(p.spaces.get(k, 0)) for k in SPACE_KEYS},
                "strength": p.strength,
                "target_groups": [],
                "partners": [],
                "note": p.note,
            }
        )
    conn.execute(mappings.insert(), [{"done": True, "updated_at": stamp, "proposed": False, "proposed_name": "",
                                      "description": ""} | r for r in rows])  # fmt: skip


def _demo_proposals(
    conn: Connection, workshop_id: int, data: Demo, team_ids: dict[str, int], stamp: dt.datetime
) -> None:
    """The screened proposals, each with every listed team's answers and leadership's verdict."""
    partner_ids = dict(conn.execute(select(partners.c.name, partners.c.id).where(PARTNERS.of(workshop_id))).all())
    for p in data.proposals:
        fields = p.model_dump(exclude={"partner", "screenings", "verdict"}, mode="json")
        proposal_id = conn.execute(
            proposals.insert()
            .values(workshop_id=workshop_id, partner_id=partner_ids.get(p.partner), verdict=p.verdict, **fields)
            .returning(proposals.c.id)
        ).scalar_one()
        rows = [
            {"workshop_id": workshop_id, "proposal_id": proposal_id, "rater": team_rater(int(team_ids[s.team] or 0)),
             "team_id": team_ids[s.team], "question": n, "answer": answer.value, "note": s.notes.get(n, ""),
             "updated_at": stamp}
            for s in p.screenings for n, answer in s.answered()
        ]  # fmt: skip
        if rows:
            conn.execute(screenings.insert(), rows)


def _demo_partnership(
    conn: Connection, workshop_id: int, data: Demo, team_ids: dict[str, int], stamp: dt.datetime
) -> None:
    """The library's assets in order, and the teams' proposed assets and partners, still to be decided."""
    rows = [{"workshop_id": workshop_id, "position": n, **a.model_dump()} for n, a in enumerate(data.assets, 1)]
    if rows:
        conn.execute(assets.insert(), rows)
    for table, items in ((asset_proposals, data.asset_proposals), (partner_proposals, data.partner_proposals)):
        for p in items:
            values = p.model_dump(mode="json", exclude={"team"})
            conn.execute(
                table.insert().values(workshop_id=workshop_id, team_id=team_ids[p.team], created_at=stamp, **values)
            )


def demo_codes_hint(lang: str = "en") -> dict[str, object]:
    """The demo's codes (in the demo's content language), shown on its home page (fictional and public)."""
    data = demo(lang)
    return {
        "facilitator": data.facilitator_code,
        "leadership": data.leadership_code,
        "teams": {t.name: t.code for t in data.teams},
    }


def working_demo_team_codes(engine: Engine, workshop_id: int) -> dict[str, str]:
    """The demo's team codes that still open their team: a facilitator may have renamed a team or
    regenerated its code, and the home page must not show a code that no longer works."""
    with engine.connect() as conn:
        found = conn.execute(
            select(workshops.c.team_code_salt, workshops.c.language).where(workshops.c.id == workshop_id)
        ).first()
        stored = {
            (r.name, r.code_hash)
            for r in conn.execute(select(teams.c.name, teams.c.code_hash).where(TEAMS.of(workshop_id)))
        }
    if found is None:
        return {}
    salt, lang = found
    # The home page asks on every run: six full-cost scrypt hashes were 0.3 s of a server's CPU each time.
    return {t.name: t.code for t in demo(lang).teams if (t.name, public_team_code_hash(t.code, salt)) in stored}
