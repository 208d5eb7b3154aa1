"""The demo workshop: a fictional library with offers, teams, partners and a week half answered."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, select

from workshop.config.demo_library import Demo
from workshop.config.templates import demo
from workshop.domain.errors import ConfigError
from workshop.domain.history import DEMO
from workshop.domain.model import DayStatus, QuestionKind
from workshop.services.access.codes import public_team_code_hash
from workshop.services.history import acting
from workshop.services.register.offers import insert_offers, insert_partners
from workshop.services.rows import ANSWERS, DAYS, QUESTIONS, TEAMS, changed
from workshop.services.whole.demo_partnership import add_mapping, add_partnership, add_proposals
from workshop.services.workshops.lifecycle import CURRENT_KEY, add_team, create_workshop, now
from workshop.store import write
from workshop.store.tables import (
    actions,
    days,
    publications,
    questions,
    reactions,
    responses,
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
    the new id. The made-up week's passcodes and teams are the demo's in the record."""
    with acting(DEMO):
        return _create_demo(engine, lang, replace)


def _create_demo(engine: Engine, lang: str, replace: bool) -> int:
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
            add_mapping(conn, workshop_id, data.mapping, team_ids, stamp)
        add_proposals(conn, workshop_id, data, team_ids, stamp)
        add_partnership(conn, workshop_id, data, team_ids, stamp)
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
                workshop_id=workshop_id,
                title=theme.title,
                status=theme.status.value,
                decision=theme.decision,
                reactions_open=theme.reactions_open,
            )
            .returning(themes.c.id)
        ).scalar_one()
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
                    workshop_id=workshop_id,
                    theme_id=theme_id,
                    title=action.title,
                    owner=action.owner,
                    due=due,
                    status=action.status.value,
                )
            )
        for reaction in theme.reactions:
            conn.execute(
                reactions.insert().values(
                    workshop_id=workshop_id,
                    theme_id=theme_id,
                    team_id=team_ids[reaction.team],
                    stance=reaction.stance.value,
                    comment=reaction.comment,
                    updated_at=stamp,
                )
            )
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
                    workshop_id=workshop_id,
                    vote_id=vote_id,
                    team_id=team_ids[given.team],
                    item_id=theme_ids[given.theme],
                    dots=given.dots,
                )
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
