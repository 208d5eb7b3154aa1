"""The week's log as a conversation: teams comment on the answers the log shows them, and edit or delete
their own comments; the facilitator and leadership hide (or unhide) any comment, and teams no longer
read a hidden one."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, Engine, select

from workshop.domain.answering import require_log_public
from workshop.domain.comments import Comment, checked_comment
from workshop.domain.errors import NotFound
from workshop.domain.model import Day, Team, Workshop
from workshop.services.rows import COMMENTS
from workshop.services.workshops.lifecycle import check_member, now
from workshop.store import read, write
from workshop.store.tables import comments, days, questions, responses, teams, workshops

COMMENT_COLUMNS = ["id", "response_id", "team_id", "team", "text", "hidden", "created_at"]


def _check_shown(conn: Connection, team: Team, response_id: int) -> None:
    """The answer must be one the week's log shows this team now: an answer of its own workshop, to a
    question of a closed day (or of an open one, when the log is published at once)."""
    check_member(conn, team.workshop_id, team.id)
    row = conn.execute(
        select(days)
        .select_from(responses)
        .join(questions, questions.c.id == responses.c.question_id)
        .join(days, days.c.id == questions.c.day_id)
        .where(responses.c.id == response_id)
    ).first()
    # An answer of another workshop is as unknown to this team as one that does not exist.
    if row is None or row.workshop_id != team.workshop_id:
        raise NotFound("error.missing.answer", id=response_id)
    day = Day.model_validate(dict(row._mapping))
    head = conn.execute(select(workshops).where(workshops.c.id == team.workshop_id)).first()
    assert head is not None  # the team's membership was checked above
    workshop = Workshop.model_validate({k: head._mapping[k] for k in Workshop.model_fields if k in head._mapping})
    require_log_public(day, workshop)


def add_comment(engine: Engine, team: Team, response_id: int, text: str) -> int:
    """The team's new comment on an answer the log shows it; returns the comment's id."""
    comment = checked_comment(response_id, team.id, text)
    with write(engine) as conn:
        _check_shown(conn, team, response_id)
        stamp = now()
        return int(
            conn.execute(
                comments.insert().values(
                    workshop_id=team.workshop_id,
                    response_id=response_id,
                    team_id=team.id,
                    text=comment.text,
                    hidden=False,
                    created_at=stamp,
                    updated_at=stamp,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )


def _own(conn: Connection, team: Team, comment_id: int) -> Comment:
    """The team's own visible comment; another team's, a hidden one or a missing one is not found."""
    check_member(conn, team.workshop_id, team.id)
    row = COMMENTS.get(
        conn,
        team.workshop_id,
        comment_id,
        comments.c.response_id,
        comments.c.team_id,
        comments.c.text,
        comments.c.hidden,
    )
    if row.team_id != team.id or row.hidden:
        raise COMMENTS.not_found(comment_id)
    return Comment.model_validate(dict(row._mapping))


def edit_comment(engine: Engine, team: Team, comment_id: int, text: str) -> None:
    """Change the text of one of the team's own comments."""
    with write(engine) as conn:
        mine = _own(conn, team, comment_id)
        comment = checked_comment(mine.response_id, team.id, text)
        _check_shown(conn, team, mine.response_id)
        COMMENTS.update(conn, team.workshop_id, comment_id, text=comment.text, updated_at=now())


def delete_comment(engine: Engine, team: Team, comment_id: int) -> None:
    """Delete one of the team's own comments."""
    with write(engine) as conn:
        _own(conn, team, comment_id)
        COMMENTS.delete(conn, team.workshop_id, comment_id)


def set_hidden(engine: Engine, workshop_id: int, comment_id: int, hidden: bool) -> None:
    """Hide a comment from the teams, or show it again (the facilitator's or leadership's moderation)."""
    with write(engine) as conn:
        COMMENTS.update(conn, workshop_id, comment_id, hidden=hidden)


def log_comments(
    engine: Engine, workshop_id: int, response_ids: tuple[int, ...], with_hidden: bool = False
) -> pd.DataFrame:
    """The comments on these answers (the log shows a page at a time), oldest first: id, response_id,
    team_id, team, text, hidden, created_at. Hidden ones only `with_hidden` (for the moderators): a team's
    session never receives their text."""
    query = (
        select(
            comments.c.id,
            comments.c.response_id,
            comments.c.team_id,
            teams.c.name.label("team"),
            comments.c.text,
            comments.c.hidden,
            comments.c.created_at,
        )
        .join(teams, teams.c.id == comments.c.team_id)
        .where(COMMENTS.of(workshop_id), comments.c.response_id.in_(response_ids))
        .order_by(comments.c.response_id, comments.c.created_at, comments.c.id)
    )
    if not with_hidden:
        query = query.where(comments.c.hidden.is_(False))
    with read(engine) as conn:
        return pd.DataFrame(conn.execute(query).fetchall(), columns=COMMENT_COLUMNS)
