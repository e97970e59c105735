"""A real HTTP server on 127.0.0.1 that answers like the Nominatim search API.

What it answers depends on the query (``q``):

- a name in ``PLACES``: one result, in Nominatim's ``format=json`` shape;
- ``Slow ...``: the answer, after ``slow_seconds``;
- ``Busy ...``: HTTP 429 (with ``Retry-After: retry_after``) ``busy_times`` times, then the answer;
- ``Broken ...``: HTTP 500, always;
- ``Garbled ...``: 200 with a body that is not JSON;
- anything else: ``[]`` (no match).

``names`` maps a query to the name the answer gives (as a hostile or odd server might);
by default the answer is named as asked.

Every request is recorded (time, path, query parameters, headers).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PLACES = {
    "Zanzibar Lane": (51.5012, -0.1301, 9001, 123),
    "Slow Lane": (51.5020, -0.1310, 9002, 124),
    "Busy Lane": (51.5030, -0.1320, 9003, 125),
}


@dataclass
class Request:
    at: float
    path: str
    params: dict[str, str]
    headers: dict[str, str]


@dataclass
class Nominatim:
    slow_seconds: float = 1.0
    busy_times: int = 2
    retry_after: int = 0
    names: dict[str, str] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    _busy_seen: dict[str, int] = field(default_factory=dict)
    server: ThreadingHTTPServer | None = None

    @property
    def domain(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"{host}:{port}"

    def queries(self) -> list[str]:
        return [r.params.get("q", "") for r in self.requests]

    def start(self) -> Nominatim:
        state = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                state.requests.append(
                    Request(time.monotonic(), parts.path, params, dict(self.headers.items()))
                )
                query = params.get("q", "")
                if query.startswith("Broken"):
                    return self._send(500, b"internal error")
                if query.startswith("Garbled"):
                    return self._send(200, b"[{not json")
                if query.startswith("Busy"):
                    seen = state._busy_seen.get(query, 0)
                    state._busy_seen[query] = seen + 1
                    if seen < state.busy_times:
                        retry = {"Retry-After": str(state.retry_after)}
                        return self._send(429, b"slow down", retry)
                if query.startswith("Slow"):
                    time.sleep(state.slow_seconds)
                found = PLACES.get(query)
                name = state.names.get(query, query)
                body = [] if found is None else [_result(name, *found)]
                self._send(200, json.dumps(body).encode())

            def _send(self, code: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def _result(name: str, lat: float, lon: float, place_id: int, osm_id: int) -> dict[str, object]:
    return {
        "place_id": place_id,
        "licence": "Data (c) OpenStreetMap contributors, ODbL 1.0.",
        "osm_type": "way",
        "osm_id": osm_id,
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "class": "highway",
        "type": "residential",
        "place_rank": 26,
        "importance": 0.1,
        "addresstype": "road",
        "name": name,
        "display_name": f"{name}, Testville, England, United Kingdom",
        "boundingbox": [
            f"{lat - 0.001:.7f}",
            f"{lat + 0.001:.7f}",
            f"{lon - 0.001:.7f}",
            f"{lon + 0.001:.7f}",
        ],
    }
