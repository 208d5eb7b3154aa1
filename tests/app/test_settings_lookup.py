"""Settings from the environment or .streamlit/secrets.toml, looked up on every script run: without a
secrets file, Streamlit tries to read one on every lookup (issue 25: the 9:00 crowd's runs paid for it)."""

from __future__ import annotations

import time

import pytest
import streamlit as st

from ui import runtime


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
    monkeypatch.setattr(runtime, "_no_secrets_until", [0.0], raising=False)
    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    assert [runtime.configured_owner_code() for _ in range(50)] == [""] * 50
    assert secrets.lookups == 1
    now[0] += getattr(runtime, "NO_SECRETS_FOR", 0) + 1  # a secrets file added meanwhile is seen on the next lookup
    assert runtime.configured_owner_code() == ""
    assert secrets.lookups == 2


def test_a_setting_in_the_environment_is_used_without_looking_for_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = MissingSecrets()
    monkeypatch.setattr(st, "secrets", secrets)
    monkeypatch.setenv("WORKSHOP_OWNER_CODE", "an-owner-code-from-the-environment")
    assert runtime.configured_owner_code() == "an-owner-code-from-the-environment"
    assert secrets.lookups == 0


class SecretsWithout:
    """st.secrets read from a secrets file that has the owner's code but no [auth] section."""

    def __init__(self) -> None:
        self.values = {"WORKSHOP_OWNER_CODE": "an-owner-code-from-the-file"}

    def load_if_toml_exists(self) -> bool:
        return True

    def get(self, name: str) -> object:
        return self.values.get(name)


def test_a_secrets_file_without_sign_on_still_gives_its_other_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Single sign-on asks for [auth] on every run; a file without that section is not a missing file, so the
    owner's code and the database address in it are still read (remembering it as missing would have sent
    the server to the default database for ten seconds at a time)."""
    secrets = SecretsWithout()
    monkeypatch.setattr(st, "secrets", secrets)
    monkeypatch.delenv("WORKSHOP_OWNER_CODE", raising=False)
    monkeypatch.setattr(runtime, "_no_secrets_until", [0.0], raising=False)
    monkeypatch.setattr(runtime, "_no_secrets_of", [None], raising=False)
    assert runtime.secrets_section("auth") == {}
    assert runtime.configured_owner_code() == "an-owner-code-from-the-file"


def test_a_missing_file_is_remembered_only_for_the_secrets_it_was_missing_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """AppTest gives a run with secrets its own st.secrets: a file missing a moment ago for the server's
    st.secrets says nothing about those."""
    monkeypatch.delenv("WORKSHOP_OWNER_CODE", raising=False)
    monkeypatch.setattr(runtime, "_no_secrets_until", [0.0], raising=False)
    monkeypatch.setattr(runtime, "_no_secrets_of", [None], raising=False)
    monkeypatch.setattr(st, "secrets", MissingSecrets())
    assert runtime.configured_owner_code() == ""
    monkeypatch.setattr(st, "secrets", SecretsWithout())
    assert runtime.configured_owner_code() == "an-owner-code-from-the-file"
