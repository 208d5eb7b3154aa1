"""A burst of team joins does not leave the server bigger for good: each join's scrypt takes a 16 MB
buffer, which glibc kept in its per-thread arenas (224-256 MB after 16 joins at once) until ui.runtime
told it to give large blocks back (issue 17: memory per connected session)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.reliability.conftest import at_once
from workshop.services.access.codes import team_code_hash

BURST = """
import threading
import ui.runtime  # the app's glue, as a server imports it on its first run
from workshop.services.access.codes import _N, team_code_hash

def rss_mb():
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS")) / 1024

assert _N == 2**14, _N  # the real cost: a fresh process, not the tests' cheap one
team_code_hash("WARMUP12", "ab" * 16)
before = rss_mb()
start = threading.Barrier(16)

def join(n):
    start.wait()
    team_code_hash(f"CODE{n:04d}", "cd" * 16)

threads = [threading.Thread(target=join, args=(n,)) for n in range(16)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(round(rss_mb() - before))
"""


def test_sixteen_teams_joining_at_once_leave_the_server_no_bigger() -> None:
    done = subprocess.run([sys.executable, "-c", BURST], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    grown = int(done.stdout.split()[-1])
    assert grown <= 32, f"the server kept {grown} MB after 16 joins at once (16 MB of scrypt buffer each)"


def test_no_more_codes_are_hashed_at_once_than_there_are_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """More hashes at once than cores would be no quicker, only 16 MB bigger each."""
    running, most = [0], [0]
    lock = threading.Lock()
    real = hashlib.scrypt

    def counted(*args: Any, **kwargs: Any) -> bytes:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)  # long enough for the other threads to pile up
        try:
            return real(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(hashlib, "scrypt", counted)
    errors = at_once(16, lambda n: team_code_hash(f"CODE{n:04d}", "cd" * 16))
    assert errors == []
    assert most[0] == min(16, os.cpu_count() or 2)  # as many as the cores, never more
