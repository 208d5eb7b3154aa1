"""The week's log as a conversation: a team's comment on an answer the log shows, moderated by the
facilitator or leadership. Pure: the comment's rules and who sees which comment."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from workshop.domain.model import Role, Strict
from workshop.domain.validation import validated

COMMENT_MAX = 1000  # characters: a reply on a blog, not an essay


class Comment(Strict):
    """One team's comment on one answer: plain text, never empty, length-capped; hidden by a moderator."""

    response_id: int
    team_id: int
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=COMMENT_MAX)]
    hidden: bool = False


def checked_comment(response_id: int, team_id: int, text: str) -> Comment:
    """The comment cleaned, or InvalidInput naming the field that is wrong (empty or too long text)."""
    return validated(Comment, {"response_id": response_id, "team_id": team_id, "text": text})


def moderates(role: Role | None) -> bool:
    """The facilitator and leadership may hide and unhide any comment, and see hidden ones."""
    return role in (Role.FACILITATOR, Role.LEADERSHIP)


def sees_hidden(role: Role | None) -> bool:
    """A hidden comment is shown (greyed, marked hidden) to the moderators only; teams never read it."""
    return moderates(role)
