"""Several app servers behind nginx, on one database: `python deploy/cluster.py --servers 2 --port 8080
--database-url postgresql://user:pass@host/db` starts K `streamlit run app.py` processes on free ports
of 127.0.0.1 and nginx (deploy/nginx.conf: websockets passed on, sticky sessions by cookie) in front of
them, and runs until Ctrl-C. nginx runs as the current user with its own pid, logs and temporary files in
a folder of its own (--run-dir, default a new temporary folder). The servers must share a server database
(PostgreSQL): SQLite files are not shared between machines and not meant for several writing processes."""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = Path(__file__).resolve().parent / "nginx.conf"
URL_VARIABLE = "WORKSHOP_DATABASE_URL"  # as workshop.store.engine reads it


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_healthy(base: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{base}: stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                if answer.read().decode() == "ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{base} did not answer /_stcore/health")


def _nginx_said(run: Path) -> str:
    return "".join(
        (run / name).read_text(errors="replace")[-2000:]
        for name in ("nginx.stderr", "error.log")
        if (run / name).exists()
    )


def start_server(url: str, port: int, log: Path | None = None, script: str = "app.py") -> subprocess.Popen[bytes]:
    """`streamlit run app.py` on 127.0.0.1:port against the database at url (not yet healthy), as the README
    runs it: everything else (headless, no usage statistics, no file watcher) is .streamlit/config.toml's.
    `script`: another script run the same way (the crowd benchmark's floor, bench/crowd_floor.py)."""
    command = [sys.executable, "-m", "streamlit", "run", script]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    out = log.open("ab") if log else subprocess.DEVNULL
    return subprocess.Popen(command, cwd=ROOT, env=os.environ | {URL_VARIABLE: url}, stdout=out, stderr=out)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def nginx_config(run: Path, port: int, server_ports: list[int]) -> str:
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;" for p in server_ports)
    return CONFIG.read_text().replace("@RUN@", str(run)).replace("@PORT@", str(port)).replace("@SERVERS@", servers)


@dataclass
class Cluster:
    base: str  # nginx's address: what browsers open
    run: Path
    ports: list[int]
    servers: list[subprocess.Popen[bytes]]
    nginx: subprocess.Popen[bytes]

    @property
    def pids(self) -> list[int]:
        return [s.pid for s in self.servers if s.poll() is None]

    def kill(self, index: int) -> None:
        """Kill one app server outright (SIGKILL), as a crash would: nginx sends its sessions elsewhere."""
        self.servers[index].send_signal(signal.SIGKILL)
        self.servers[index].wait()


@contextmanager
def cluster(url: str, count: int, port: int | None = None, run: Path | None = None) -> Iterator[Cluster]:
    """`count` app servers on the database at url behind nginx; everything stopped on leaving."""
    from workshop.store import make_engine, migrate

    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    engine = make_engine(url)
    migrate(engine)  # once, before the servers start: not K migrations racing on a new database
    engine.dispose()
    with tempfile.TemporaryDirectory(prefix="workshop-cluster-") as folder:
        run = run or Path(folder)
        run.mkdir(parents=True, exist_ok=True)
        ports = [free_port() for _ in range(count)]
        servers = [start_server(url, p, run / f"server-{p}.log") for p in ports]
        proxy = None
        try:
            for p, s in zip(ports, servers, strict=True):
                wait_healthy(f"http://127.0.0.1:{p}", s)
            listen = port or free_port()
            (run / "nginx.conf").write_text(nginx_config(run, listen, ports))
            command = [nginx, "-p", str(run), "-c", str(run / "nginx.conf")]
            if os.geteuid() == 0:  # its workers as the current user too: they write to the run folder
                command += ["-g", f"user {getpass.getuser()};"]
            proxy = subprocess.Popen(command, stderr=(run / "nginx.stderr").open("ab"))
            base = f"http://127.0.0.1:{listen}"
            try:
                wait_healthy(base, proxy)
            except RuntimeError as exc:
                raise RuntimeError(f"nginx: {exc}\n{_nginx_said(run)}") from exc
            yield Cluster(base, run, ports, servers, proxy)
        finally:
            for s in servers:
                stop(s)
            if proxy is not None:
                stop(proxy)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python deploy/cluster.py", description=__doc__)
    parser.add_argument("--servers", type=int, default=2, help="how many app servers (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="where nginx listens on 127.0.0.1 (default 8080)")
    parser.add_argument("--database-url", default=os.environ.get(URL_VARIABLE, ""), help="the shared database")
    parser.add_argument("--run-dir", type=Path, default=None, help="nginx's pid, logs and temporary files")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("give a PostgreSQL --database-url (or WORKSHOP_DATABASE_URL): the servers share it")
    with cluster(args.database_url, args.servers, args.port, args.run_dir) as running:
        print(f"{args.servers} servers on ports {running.ports} behind nginx at {running.base}; Ctrl-C stops all")
        with suppress(KeyboardInterrupt):
            running.nginx.wait()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
