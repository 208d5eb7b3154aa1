"""The crowd benchmark's parts (bench/crowd.py): the server's CPU and memory read from /proc, a team
opening its link, saving an answer, and a wave of N sessions opening their links at the same moment."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from bench.protocol import Run, Session, click, text_value
from workshop.config.i18n import translate
from workshop.services.week.teams import join_link

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / TICK  # utime, stime
    return total


def memory_mb(pids: list[int], field_name: str = "VmRSS") -> float:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                total += int(line.split()[1])
    return total / 1024


async def open_session(base: str, wid: int, code: str, cookie: str | None = None) -> tuple[Session, Run]:
    """A team opens its link: one run joins and draws the answer page."""
    session = Session(base, cookie=cookie)
    await session.connect()
    page = await session.open(join_link(base, code, wid))
    if session.page_hash != session.pages.get("answer"):
        raise LookupError(f"the link opened another page than the answer page: {page.texts()[:200]!r}")
    return session, page


async def save_first_text(session: Session, page: Run, text: str) -> Run:
    """Type into the first free-text answer and press its save button, as one rerun."""
    label = translate("en", "answer.text")
    area = next(a for a in page.of_type("text_area") if a.label == label)
    qid = area.id.rsplit("-", 1)[1]
    button = page.widget("button", f"answer-save-{qid}")
    return await session.run(widgets=[text_value(area.id, text), click(button.id)])


@dataclass
class Wave:
    """N sessions opening their links at the same moment."""

    opened: list[tuple[Session, Run]]
    drawn: list[float]  # from the common start until each session's page was drawn
    cpu: float | None  # the server's CPU seconds over the wave / N

    async def close(self) -> None:
        await asyncio.gather(*(s.close() for s, _ in self.opened), return_exceptions=True)
        await asyncio.sleep(1)  # the server lets go of the sessions before anything else is measured


async def wave(base: str, wid: int, codes: list[str], pids: list[int], failures: list[str]) -> Wave:
    cpu0 = cpu_seconds(pids) if pids else 0.0
    began = time.perf_counter()
    drawn: list[float] = []

    async def one(code: str) -> tuple[Session, Run] | None:
        try:
            session, page = await open_session(base, wid, code)
        except Exception as exc:  # every failure counts in the result, the others go on
            failures.append(f"open {code}: {type(exc).__name__} {exc}")
            return None
        drawn.append(time.perf_counter() - began)
        return session, page

    opened = [o for o in await asyncio.gather(*(one(c) for c in codes)) if o is not None]
    cpu = None
    if pids:
        await asyncio.sleep(0.5)
        cpu = (cpu_seconds(pids) - cpu0) / len(codes)
    return Wave(opened, drawn, cpu)


async def warm(bases: list[str], wid: int, code: str) -> None:
    """Each server's first run imports the pages: not the crowd's."""
    for server in bases:
        session, _ = await open_session(server, wid, code)
        await session.close()
    await asyncio.sleep(1)


def pct(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def median_wave(waves: list[tuple[list[float], float | None]]) -> tuple[list[float], float | None]:
    """The drawn times of the wave with the median p95, and the median CPU per session of the waves."""
    done = sorted((w for w in waves if w[0]), key=lambda w: pct(w[0], 95))
    if not done:
        return [], None
    cpus = [c for _, c in done if c is not None]
    return done[len(done) // 2][0], (statistics.median(cpus) if cpus else None)
