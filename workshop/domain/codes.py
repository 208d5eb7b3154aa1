"""Rules for codes people type: team codes (made for them) and passcodes (chosen by them)."""

from __future__ import annotations

import re
import secrets

from workshop.domain.errors import AccessDenied, InvalidInput, TooManyAttempts
from workshop.domain.model import Role

TEAM_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/l: easy to read out and type
TEAM_CODE_LENGTH = 8  # 31^8 ≈ 8.5e11 codes; six-character codes made before stay valid until regenerated
TEAM_CODE_GROUP = 4
MIN_PASSCODE = 6  # what an existing workshop (and the public demo) may still have
MIN_NEW_PASSCODE = 12  # what a person must choose for a new workshop or the owner
FREE_ATTEMPTS = 3
# The cost of a passcode's scrypt hash. A stored hash names its own cost; one dearer than this (a crafted
# backup's "p=1000000000") would hold a server thread for hours, so no stored hash may ask for more.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_STORED_HASH = re.compile(r"scrypt\$(\d{1,6})\$(\d{1,3})\$(\d{1,3})\$[0-9a-f]{32}\$[0-9a-f]{64}")
_TEAM_CODE_SALT = re.compile(r"[0-9a-f]{32}")  # a workshop's: 16 random bytes as hex
MAX_WAIT_SECONDS = 300
PASSCODE_ROLES = (Role.FACILITATOR, Role.LEADERSHIP)  # a team signs in with its team code, never a passcode

# Passcodes of 12+ characters that people pick anyway; compared without case, spaces or punctuation.
COMMON_PASSCODES = frozenset(
    {
        "password1234",
        "passwordpassword",
        "administrator",
        "administrator1",
        "changemechangeme",
        "letmeinletmein",
        "qwertyuiopasdfgh",
        "qwertyuiopas",
        "qwerty123456",
        "qwertyqwerty",
        "iloveyou1234",
        "welcome12345",
        "welcomewelcome",
        "abcdefghijkl",
        "abc123abc123",
        "123456789012",
        "1234567890123",
        "workshop1234",
        "workshopworkshop",
        "facilitator1",
        "facilitator123",
        "leadership12",
        "leadership123",
        "leadershipteam",
        "strategyweek",
        "strategyweek2026",
        "strategyweek2027",
        "library12345",
        "librarylibrary",
        "bibliotek1234",
        "adgangskode12",
        "adgangskode123",
    }
)


def new_team_code() -> str:
    """A fresh team code, shown grouped (`KX7P-2MQ4`); the dash is for reading, not part of the code."""
    raw = "".join(secrets.choice(TEAM_CODE_ALPHABET) for _ in range(TEAM_CODE_LENGTH))
    return group_code(raw)


def group_code(code: str) -> str:
    """A code in groups of four for reading out: `KX7P-2MQ4`; six-character codes stay as they are."""
    plain = normalise_team_code(code)
    if len(plain) <= 6:
        return plain
    return "-".join(plain[i : i + TEAM_CODE_GROUP] for i in range(0, len(plain), TEAM_CODE_GROUP))


def normalise_team_code(code: str) -> str:
    """What a person typed, as the code it means: case, spaces and dashes do not matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_passcode() -> str:
    """A generated passcode offered by default: 16 characters in four groups (31^16 ≈ 7e23)."""
    return "-".join(
        "".join(secrets.choice(TEAM_CODE_ALPHABET) for _ in range(TEAM_CODE_GROUP)) for _ in range(4)
    ).lower()


def check_passcode(code: str) -> str:
    """A stored passcode must be at least 6 characters (the public demo's are short on purpose)."""
    code = code.strip()
    if len(code) < MIN_PASSCODE:
        raise InvalidInput("error.passcode_short", field="passcode", n=MIN_PASSCODE)
    return code


def check_new_passcode(code: str, field: str = "passcode") -> str:
    """A passcode a person chooses now: 12 characters or more, and not a common or trivial one."""
    code = code.strip()
    if len(code) < MIN_NEW_PASSCODE:
        raise InvalidInput("error.new_passcode_short", field=field, n=MIN_NEW_PASSCODE)
    folded = re.sub(r"[\W_]+", "", code.lower())
    trivial = len(set(folded)) <= 2 or folded in "0123456789012345678901234567890" or folded in COMMON_PASSCODES
    if trivial or folded in "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz":
        raise InvalidInput("error.passcode_common", field=field)
    return code


def wait_after(failures: int) -> int:
    """Seconds one session waits after this many wrong codes in a row: none at first, then doubling."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1)))


def require_waited(failures: int, last_failure_at: float, now: float) -> None:
    """A session that gave wrong codes waits wait_after(failures) seconds from its last one before it may try
    again: TooManyAttempts with the whole seconds still to wait (at least 1) otherwise."""
    remaining = last_failure_at + wait_after(failures) - now
    if failures and remaining > 0:
        raise TooManyAttempts(int(remaining) + 1)


def stored_hash_problem(stored: str) -> str | None:
    """What is wrong with a stored passcode hash (scrypt$n$r$p$salt$digest as the app writes it), or None:
    another shape, or a cost above the app's own."""
    found = _STORED_HASH.fullmatch(stored)
    if found is None:
        return "is not a passcode hash of this tool"
    n, r, p = (int(v) for v in found.groups())
    if not (2 <= n <= SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= SCRYPT_R and 1 <= p <= SCRYPT_P):
        return f"asks for a hashing cost above this tool's (n={n}, r={r}, p={p})"
    return None


def team_code_salt_problem(salt: str) -> str | None:
    """What is wrong with a workshop's salt for its team codes (32 hexadecimal digits), or None."""
    return None if _TEAM_CODE_SALT.fullmatch(salt) else "is not 32 hexadecimal digits"


def require_passcode_role(role: Role) -> None:
    """A passcode signs in a facilitator or leadership only: AccessDenied (a team uses its team code)."""
    if role not in PASSCODE_ROLES:
        raise AccessDenied("error.team_code_only")


def require_owner_code_storable(configured: bool) -> None:
    """The owner passcode is stored only where the server's environment does not give it (WORKSHOP_OWNER_CODE
    wins, and is never written to the database): InvalidInput on the owner otherwise."""
    if configured:
        raise InvalidInput("error.owner_code_from_environment", field="owner")


def require_no_owner_code(configured: bool, already_set: bool) -> None:
    """A setup code lets its holder choose the owner passcode only while there is none (given by the
    environment, or chosen before): InvalidInput on the owner otherwise. It is never replaced."""
    if configured or already_set:
        raise InvalidInput("error.owner_code_set", field="owner")
