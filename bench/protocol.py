"""A Streamlit client without a browser: the frontend's own websocket protocol (`/_stcore/stream`, BackMsg
out, ForwardMsg in, as streamlit's frontend speaks it), enough to open a page with a query string, read
what it drew and send widget values back. Used by the crowd benchmark (bench/crowd.py) and the scale-out
test (tests/reliability/test_scale_out.py)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.typing import Subprotocol

DONE = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}


@dataclass
class Run:
    """One script run as the client saw it: seconds until script_finished, and the elements drawn."""

    seconds: float
    elements: list[Element] = field(default_factory=list)

    def of_type(self, kind: str) -> list[Any]:
        return [getattr(e, kind) for e in self.elements if e.WhichOneof("type") == kind]

    def texts(self) -> str:
        """Every text the run drew (markdown, metrics, alerts, captions), one per line: what a reader sees."""
        found = []
        for e in self.elements:
            kind = e.WhichOneof("type")
            if kind in ("markdown", "text", "alert", "heading"):
                found.append(getattr(e, kind).body)
            elif kind == "metric":
                found += [e.metric.label, e.metric.body]
        return "\n".join(found)

    def widget(self, kind: str, key: str) -> Any:
        """The first widget of this kind whose id ends with the user key `key`."""
        for w in self.of_type(kind):
            if w.id.endswith(key):
                return w
        raise LookupError(f"no {kind} with key {key}")


class Session:
    """One browser tab's session: a websocket to `base` (http://host:port), optionally with a cookie."""

    def __init__(self, base: str, cookie: str | None = None, timeout: float = 300) -> None:
        self.base = base.rstrip("/")
        self.url = self.base.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.cookie = cookie
        self.timeout = timeout
        self.pages: dict[str, str] = {}  # url path name -> page script hash
        self.page_hash = ""
        self.query_string = ""
        self.fragment_of: dict[str, str] = {}  # widget id -> the st.fragment it was drawn in
        self.auto_reruns: dict[str, float] = {}  # fragment id -> seconds (st.fragment(run_every=...))
        self.served_by = ""  # the proxy's X-Workshop-Server header, when there is one
        self.ws: Any = None

    async def connect(self) -> None:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        self.ws = await websockets.connect(
            self.url,
            subprotocols=[Subprotocol("streamlit")],
            additional_headers=headers,
            max_size=None,
            open_timeout=120,
            ping_interval=None,  # as a browser: no keepalive pings of its own, no giving up on a busy server
        )
        self.served_by = self.ws.response.headers.get("X-Workshop-Server", "")

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def open(self, link: str) -> Run:
        """The first run of a link (http://host/answer?code=...), as a browser loading it asks for it: the
        page by its path, and the query string."""
        parts = urlsplit(link)
        self.page_hash = ""
        return await self.run(parts.query, path=parts.path.rsplit("/", 1)[-1])

    async def run(
        self,
        query_string: str | None = None,
        page: str | None = None,
        widgets: Sequence[WidgetState] = (),
        path: str = "",
    ) -> Run:
        """Ask for a script run (as the frontend does on load, on page change, on a widget change) and read
        until the run has finished; an early stop for a rerun (st.rerun, st.switch_page) reads on. `path`:
        a page named by its address instead of its hash (a first run)."""
        if query_string is not None:
            self.query_string = query_string
        if page is not None:
            self.page_hash = self.pages[page]
        # A widget drawn inside a fragment reruns that fragment only, as the frontend asks for it.
        fragments = {self.fragment_of.get(w.id, "") for w in widgets}
        fragment = fragments.pop() if len(fragments) == 1 else ""
        state = ClientState(
            query_string=self.query_string, page_script_hash=self.page_hash, fragment_id=fragment, page_name=path
        )
        state.widget_states.widgets.extend(widgets)
        return await self._send(state)

    async def refresh(self) -> Run:
        """The run the browser asks for when a fragment's run_every interval is up (the first one)."""
        fragment = next(iter(self.auto_reruns))
        state = ClientState(
            query_string=self.query_string, page_script_hash=self.page_hash, fragment_id=fragment, is_auto_rerun=True
        )
        return await self._send(state)

    async def _send(self, state: ClientState) -> Run:
        msg = BackMsg(rerun_script=state)
        began = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        run = Run(0.0)
        while True:
            data = await asyncio.wait_for(self.ws.recv(), self.timeout)
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                run.elements.append(element)
                widget_id = getattr(getattr(element, element.WhichOneof("type") or "", None), "id", "")
                if widget_id and fwd.delta.fragment_id:
                    self.fragment_of[widget_id] = fwd.delta.fragment_id
            elif kind == "navigation":
                self.pages = {p.url_pathname or p.page_name: p.page_script_hash for p in fwd.navigation.app_pages}
                self.page_hash = fwd.navigation.page_script_hash or self.page_hash
            elif kind == "auto_rerun":
                self.auto_reruns[fwd.auto_rerun.fragment_id] = fwd.auto_rerun.interval
            elif kind == "new_session" and fwd.new_session.page_script_hash:
                self.page_hash = fwd.new_session.page_script_hash
            elif kind == "script_finished":
                if fwd.script_finished in DONE:
                    run.seconds = time.perf_counter() - began
                    return run
                run.elements.clear()  # stopped early for a rerun: what counts is the next run's drawing


def text_value(widget_id: str, value: str) -> WidgetState:
    return WidgetState(id=widget_id, string_value=value)


def click(widget_id: str) -> WidgetState:
    return WidgetState(id=widget_id, trigger_value=True)
