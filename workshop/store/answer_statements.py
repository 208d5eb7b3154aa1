"""The statements that save a team's answer, built once: a statement built per call costs more Python than
the query itself, and under 50 teams saving at once that Python is what they queue for (issue 17).

`SAVE_CONTEXT` reads everything a save checks in one statement; `upsert_answer` writes the answer inside a
write transaction (any database); `save_in_one_statement` is PostgreSQL's fast path: the answer, its draft
deleted and the data versions counted, atomically, in one round trip and without BEGIN/COMMIT."""

from __future__ import annotations

from functools import cache

from sqlalchemy import Select, and_, bindparam, cast, exists, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql.dml import Insert

from workshop.store.tables import data_versions, days, drafts, questions, responses, teams

OPEN = "open"  # DayStatus.OPEN; the store does not import the domain
# The columns an edit rewrites; a first answer writes these and the four below.
WRITTEN = ("text", "rating", "choices", "spaces", "updated_at", "idempotency_key", "edited_by")
STORED = ("workshop_id", "question_id", "team_id", "created_at", *WRITTEN)

# The team's row, joined to the question and its day when there is one: membership and question in one
# statement.
QUESTION_FOR = (
    select(questions.c.id, questions.c.workshop_id, questions.c.kind, questions.c.options, days.c.status)
    .select_from(
        teams.outerjoin(
            questions.join(days, days.c.id == questions.c.day_id), questions.c.id == bindparam("question_id")
        )
    )
    .where(teams.c.id == bindparam("team_id"), teams.c.workshop_id == bindparam("workshop_id"))
)
_DONE = responses.alias("done")
# What a save checks, in the same one statement: also an answer already stored under this submission's key
# (a retry), and whether the team keeps a draft of this question (to delete it only then).
SAVE_CONTEXT = (
    QUESTION_FOR.add_columns(_DONE.c.id.label("done_id"), drafts.c.team_id.label("draft_of"))
    .outerjoin(_DONE, _DONE.c.idempotency_key == bindparam("key"))
    .outerjoin(drafts, (drafts.c.question_id == bindparam("question_id")) & (drafts.c.team_id == teams.c.id))
)
DELETE_DRAFT = drafts.delete().where(
    drafts.c.question_id == bindparam("question_id"), drafts.c.team_id == bindparam("team_id")
)


@cache
def upsert_answer(dialect: str) -> Insert:
    """A first answer and an edit alike: the unique (question, team) row, returned. Parameters: STORED."""
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(responses)
    statement = insert.values({n: bindparam(n, type_=responses.c[n].type) for n in STORED})
    return statement.on_conflict_do_update(
        index_elements=[responses.c.question_id, responses.c.team_id],
        set_={n: statement.excluded[n] for n in WRITTEN},
    ).returning(*responses.c)


@cache
def save_in_one_statement() -> Select:
    """PostgreSQL, a whole save in one statement: the upsert, only if the team is in the workshop, the
    question is of it, of the kind `kind` with the options `options` (what the caller checked the answer
    against), its day open, and no answer stored under the submission's `key` yet; the team's draft of the
    question deleted; one more version of `responses` (and of `drafts` when one was deleted) on the shard
    `on_shard`, the counter rows locked in table order as every write transaction locks them (no deadlock).
    Returns the stored row, or no row when any of that does not hold. Parameters: STORED, kind, options, key
    and on_shard."""
    still_open = exists().where(
        questions.c.id == bindparam("question_id"),
        questions.c.workshop_id == bindparam("workshop_id"),
        questions.c.kind == bindparam("kind"),
        cast(questions.c.options, JSONB) == cast(bindparam("options", type_=questions.c.options.type), JSONB),
        days.c.id == questions.c.day_id,
        days.c.status == OPEN,
    )
    member = exists().where(teams.c.id == bindparam("team_id"), teams.c.workshop_id == bindparam("workshop_id"))
    unsent = ~exists().where(responses.c.idempotency_key == bindparam("key"))
    row = select(*(cast(bindparam(n, type_=responses.c[n].type), responses.c[n].type) for n in STORED))
    insert = postgresql.insert(responses).from_select(list(STORED), row.where(still_open, member, unsent))
    saved = (
        insert.on_conflict_do_update(
            index_elements=[responses.c.question_id, responses.c.team_id],
            set_={n: insert.excluded[n] for n in WRITTEN},
        )
        .returning(*responses.c)
        .cte("saved")
    )
    gone = (
        drafts.delete()
        .where(
            drafts.c.question_id == bindparam("question_id"),
            drafts.c.team_id == bindparam("team_id"),
            exists(select(saved.c.id)),
        )
        .returning(drafts.c.team_id)
        .cte("gone")
    )
    name, shard = data_versions.c.table_name, data_versions.c.shard
    counted = (
        select(name, shard)
        .where(
            shard == bindparam("on_shard"),
            or_(
                and_(name == responses.name, exists(select(saved.c.id))),
                and_(name == drafts.name, exists(select(gone.c.team_id))),
            ),
        )
        .order_by(name)
        .with_for_update()
        .cte("counted")
    )
    bumped = (
        data_versions.update()
        .where(name == counted.c.table_name, shard == counted.c.shard)
        .values(version=data_versions.c.version + 1)
        .cte("bumped")
    )
    return select(saved).add_cte(gone, bumped)
