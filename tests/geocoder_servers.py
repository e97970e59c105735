"""Real HTTP servers on 127.0.0.1 that answer like Nominatim, Photon and Pelias.

One :class:`Geocoder` serves the streets in ``STREETS`` (each one or more OSM
ways, lon/lat lines) in the format of its ``service``:

- ``nominatim``: ``GET {prefix}/search`` -> a JSON list of results, one per way,
  with a ``geojson`` line when asked ``polygon_geojson=1``;
- ``photon``: ``GET {prefix}/api`` -> a GeoJSON ``FeatureCollection`` of points,
  with ``properties`` (``osm_type`` ``W``, ``osm_id``, ``osm_key``, ``osm_value``,
  ``name``, ``city`` ...) and an ``extent`` [west, north, east, south];
- ``pelias``: ``GET {prefix}/v1/search`` -> a GeoJSON ``FeatureCollection`` with a
  ``geocoding`` header; each feature has ``properties`` (``gid``, ``layer``,
  ``source``, ``source_id``, ``name``, ``label``, ``confidence``) and a ``bbox``.

Any other path is a 404; a name not in ``STREETS`` gives no result. Every
request is recorded (path and query parameters).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from shapely.geometry import LineString

# A made-up grid of streets around (-1.5, 52.4); 0.001 degree of latitude is about 111 m.
STREETS: dict[str, list[list[tuple[float, float]]]] = {
    "Larkspur Road": [[(-1.5100, 52.4000), (-1.4900, 52.4000)]],
    "Ottermoor Lane": [  # two ways, meeting at the crossing with Larkspur Road
        [(-1.5000, 52.3950), (-1.5000, 52.4000)],
        [(-1.5000, 52.4000), (-1.5000, 52.4050)],
    ],
    # ends about 30 m short of Larkspur Road: they never cross
    "Wrenfield Close": [[(-1.4950, 52.40027), (-1.4950, 52.4050)]],
    # more than a kilometre away from Larkspur Road
    "Fallowmere Street": [[(-1.4950, 52.4100), (-1.4950, 52.4200)]],
    # bent: its centroid lies well off the line
    "Crookback Lane": [[(-1.5200, 52.4000), (-1.5200, 52.4100), (-1.5100, 52.4100)]],
}
ENDPOINTS = {"nominatim": "/search", "photon": "/api", "pelias": "/v1/search"}


@dataclass
class Geocoder:
    service: str
    prefix: str = ""
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{self.prefix}/"

    def queries(self) -> list[str]:
        return [params.get("q", params.get("text", "")) for _, params in self.requests]

    def start(self) -> Geocoder:
        state = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                state.requests.append((parts.path, params))
                if parts.path != state.prefix + ENDPOINTS[state.service]:
                    return self._send(404, b'{"error": "not found"}')
                body = answer(state.service, params)
                self._send(200, json.dumps(body).encode())

            def _send(self, code: int, body: bytes) -> None:
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def answer(service: str, params: dict[str, str]) -> object:
    """What the service answers to these query parameters."""
    name = params.get("q", params.get("text", ""))
    ways = [
        (name, LineString(coords), 7000 + 10 * i + j)
        for i, (street, lines) in enumerate(sorted(STREETS.items()))
        if street == name
        for j, coords in enumerate(lines)
    ]
    if service == "nominatim":
        return [nominatim_result(*way, params.get("polygon_geojson") == "1") for way in ways]
    features = [(photon_feature if service == "photon" else pelias_feature)(*w) for w in ways]
    collection: dict[str, object] = {"type": "FeatureCollection", "features": features}
    if service == "pelias":
        collection["geocoding"] = {"version": "0.2", "query": {"text": name}}
    return collection


def nominatim_result(name: str, line: LineString, osm_id: int, shape: bool) -> dict[str, object]:
    middle = line.interpolate(0.5, normalized=True)
    west, south, east, north = line.bounds
    result: dict[str, object] = {
        "place_id": 100000 + osm_id,
        "licence": "Data (c) OpenStreetMap contributors, ODbL 1.0.",
        "osm_type": "way",
        "osm_id": osm_id,
        "lat": f"{middle.y:.7f}",
        "lon": f"{middle.x:.7f}",
        "class": "highway",
        "type": "residential",
        "addresstype": "road",
        "name": name,
        "display_name": f"{name}, Testville, England, United Kingdom",
        "boundingbox": [f"{south:.7f}", f"{north:.7f}", f"{west:.7f}", f"{east:.7f}"],
    }
    if shape:
        result["geojson"] = {"type": "LineString", "coordinates": [list(c) for c in line.coords]}
    return result


def photon_feature(name: str, line: LineString, osm_id: int) -> dict[str, object]:
    middle = line.interpolate(0.5, normalized=True)
    west, south, east, north = line.bounds
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [middle.x, middle.y]},
        "properties": {
            "osm_type": "W",
            "osm_id": osm_id,
            "osm_key": "highway",
            "osm_value": "residential",
            "type": "street",
            "name": name,
            "city": "Testville",
            "country": "United Kingdom",
            "countrycode": "GB",
            "extent": [west, north, east, south],
        },
    }


def pelias_feature(name: str, line: LineString, osm_id: int) -> dict[str, object]:
    middle = line.interpolate(0.5, normalized=True)
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [middle.x, middle.y]},
        "properties": {
            "id": f"way/{osm_id}",
            "gid": f"openstreetmap:street:way/{osm_id}",
            "layer": "street",
            "source": "openstreetmap",
            "source_id": f"way/{osm_id}",
            "name": name,
            "label": f"{name}, Testville, England, United Kingdom",
            "confidence": 0.9,
            "country": "United Kingdom",
            "locality": "Testville",
        },
        "bbox": list(line.bounds),
    }
