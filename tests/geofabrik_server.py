"""A real HTTP server on 127.0.0.1 laid out as Geofabrik's download server.

It serves whatever bytes are put in ``files`` (by path: the index, ``.osm.pbf`` files and
their ``.md5``), with an ``ETag`` (the body's MD5) and a fixed ``Last-Modified``, and
honours ``Range: bytes=N-`` (206) unless an ``If-Range`` names another version. A path
in ``cut`` has its next answer cut off after that many bytes (the full ``Content-Length``
announced), as a dropped connection would; ``wrong_range`` labels a partial answer as
another part. Every request is recorded.

``pbf_from_osm`` writes an ``.osm.pbf`` with pyosmium, with a replication timestamp in
its header as Geofabrik's files have; ``index_json`` writes an ``index-v1.json``.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import osmium

LAST_MODIFIED = "Mon, 30 Nov 2026 21:14:02 GMT"
DATA_DATE = "2026-11-30T21:14:02Z"


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a connection cut on purpose is no error


@dataclass
class Seen:
    path: str
    range: str | None
    if_range: str | None
    user_agent: str | None


def etag(body: bytes) -> str:
    return f'"{hashlib.md5(body).hexdigest()}"'


@dataclass
class Geofabrik:
    files: dict[str, bytes] = field(default_factory=dict)
    cut: dict[str, int] = field(default_factory=dict)
    wrong_range: bool = False
    """Answer a range request with a 206 whose Content-Range starts at 0 (a broken server)."""
    requests: list[Seen] = field(default_factory=list)
    server: _Server | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def publish(self, path: str, body: bytes, *, md5: str | None = None) -> str:
        """Serve ``body`` at ``path`` and its checksum at ``path.md5``; return its URL."""
        self.files[path] = body
        digest = md5 or hashlib.md5(body).hexdigest()
        self.files[f"{path}.md5"] = f"{digest}  {path.rsplit('/', 1)[-1]}\n".encode()
        return self.url + path

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def start(self) -> Geofabrik:
        state = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                path = self.path.lstrip("/")
                state.requests.append(
                    Seen(
                        path,
                        self.headers.get("Range"),
                        self.headers.get("If-Range"),
                        self.headers.get("User-Agent"),
                    )
                )
                body = state.files.get(path)
                if body is None:
                    self.send_error(404)
                    return
                start = self._start(body)
                if start >= len(body) and start:
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(body)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(206 if start else 200)
                if start:
                    first = 0 if state.wrong_range else start
                    self.send_header("Content-Range", f"bytes {first}-{len(body) - 1}/{len(body)}")
                self.send_header("Content-Length", str(len(body) - start))
                self.send_header("ETag", etag(body))
                self.send_header("Last-Modified", LAST_MODIFIED)
                self.send_header("Accept-Ranges", "bytes")
                self.end_headers()
                cut = state.cut.pop(path, None)
                rest = body[start:]
                if cut is None:
                    self.wfile.write(rest)
                    return
                self.wfile.write(rest[:cut])
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True

            def _start(self, body: bytes) -> int:
                wanted = self.headers.get("Range") or ""
                if not wanted.startswith("bytes=") or not wanted.endswith("-"):
                    return 0
                if_range = self.headers.get("If-Range")
                if if_range is not None and if_range != etag(body):
                    return 0  # another version: the whole file
                return int(wanted.removeprefix("bytes=").removesuffix("-"))

        self.server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def pbf_from_osm(source: Path, dest: Path, stamp: str = DATA_DATE) -> bytes:
    """Write ``source`` (any format libosmium reads) as ``dest`` (.osm.pbf); return its bytes."""
    header = osmium.io.Header()
    header.set("osmosis_replication_timestamp", stamp)
    writer = osmium.SimpleWriter(str(dest), header=header, overwrite=True)
    try:
        for obj in osmium.FileProcessor(str(source)):
            writer.add(obj)
    finally:
        writer.close()
    return dest.read_bytes()


def index_json(regions: list[tuple[str, str, str, str]]) -> bytes:
    """An ``index-v1.json`` listing ``(id, name, parent, pbf url)`` regions."""
    features = [
        {
            "type": "Feature",
            "properties": {
                "id": ident,
                "name": name,
                "parent": parent,
                "urls": {"pbf": pbf, "bz2": pbf.replace(".osm.pbf", ".osm.bz2")},
            },
            "geometry": None,
        }
        for ident, name, parent, pbf in regions
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()
