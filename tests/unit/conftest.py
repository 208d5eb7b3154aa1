"""The workshops the unit tests start from: a bare one (wid: no teams, days or offers) and the demo
(demo_wid), each on the test's database (the `engine` fixture: SQLite, and PostgreSQL when it is set up)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.conftest import demo_copy
from workshop.services.workshops.lifecycle import create_workshop


@pytest.fixture
def wid(engine: Engine) -> int:
    """A bare workshop: nothing in it yet."""
    return create_workshop(engine, "Week", "facilitate-me", "lead-me-now")


@pytest.fixture
def demo_wid(engine: Engine) -> int:
    """The demo workshop, as the app makes it on an empty database (create_demo's rows, copied: demo_copy)."""
    return demo_copy(engine)
