"""Storage: schema, engines, migrations, and the queries the services use."""

from workshop.store.engine import make_engine, read, write
from workshop.store.migrations import migrate

__all__ = ["make_engine", "migrate", "read", "write"]
