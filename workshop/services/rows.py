"""Writes to rows named by their id say when they found none.

A page reads an item, a person edits it, and the save names its id; meanwhile another session may have
deleted it. A check before the write does not close that gap on PostgreSQL (another transaction may delete
the row between the check and the write), and an UPDATE or DELETE that matches no row succeeds in silence:
the page would say "Saved" for a change stored nowhere. Every UPDATE or DELETE of rows by their id in
workshop/services goes through `changed`, which raises NotFound when it changed none
(tests/unit/test_writes_by_id.py holds every service to it)."""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.sql.dml import Delete, Update

from workshop.domain.errors import NotFound


def changed(conn: Connection, statement: Update | Delete) -> int:
    """Run an UPDATE or DELETE of rows by their id; NotFound (it is no longer there, nothing was changed)
    when it matched none. Returns how many rows it changed."""
    done = conn.execute(statement)
    if done.rowcount == 0:
        raise NotFound("error.not_found")
    return int(done.rowcount)
