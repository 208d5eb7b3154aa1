"""Settings from the environment or .streamlit/secrets.toml, looked up on every script run: without a
secrets file, Streamlit tries to read one on every lookup (issue 25: the 9:00 crowd's runs paid for it)."""

from __future__ import annotations

import time

import pytest
import streamlit as st

from ui import context


class MissingSecrets:
    """st.secrets as Streamlit has it when there is no secrets file: each lookup looks for the file again."""

    def __init__(self) -> None:
        self.lookups = 0

    def get(self, name: str) -> object:
        self.lookups += 1
        raise FileNotFoundError("no secrets.toml")


def test_a_missing_secrets_file_is_looked_for_once_in_a_while_not_on_every_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secrets = MissingSecrets()
    monkeypatch.setattr(st, "secrets", secrets)
    monkeypatch.delenv("WORKSHOP_OWNER_CODE", raising=False)
    monkeypatch.setattr(context, "_no_secrets_until", [0.0], raising=False)
    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    assert [context.configured_owner_code() for _ in range(50)] == [""] * 50
    assert secrets.lookups == 1
    now[0] += getattr(context, "NO_SECRETS_FOR", 0) + 1  # a secrets file added meanwhile is seen on the next lookup
    assert context.configured_owner_code() == ""
    assert secrets.lookups == 2


def test_a_setting_in_the_environment_is_used_without_looking_for_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = MissingSecrets()
    monkeypatch.setattr(st, "secrets", secrets)
    monkeypatch.setenv("WORKSHOP_OWNER_CODE", "an-owner-code-from-the-environment")
    assert context.configured_owner_code() == "an-owner-code-from-the-environment"
    assert secrets.lookups == 0
