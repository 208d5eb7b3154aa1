"""The partner page's weak-space flag claims nothing about partnerships when there are none (issue 26.8)."""

from __future__ import annotations

from sqlalchemy import Engine

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import Role
from workshop.store import write
from workshop.store.tables import partners


def test_without_a_partnership_the_flag_says_so_instead_of_praising_every_partnership(db: Engine) -> None:
    with write(db) as conn:
        conn.execute(partners.update().where(partners.c.stage == "partnership").values(stage="collaboration"))
    at = sign_in(fresh_app(), Role.LEADERSHIP)
    at.switch_page("pages/partners.py").run()
    assert errors_of(at) == []
    said = [s.value for s in at.success] + [w.value for w in at.warning] + [i.value for i in at.info]
    assert not any("Every partnership" in s or "partnership(s) contribute" in s for s in said)
    assert (
        "No partner is in a partnership yet, so none can be checked against the weak spaces (Performative space)."
        in said
    )
