#!/usr/bin/python3
"""@file stac_server.py
@brief A local STAC API for the download tests: generated or real pages, Earth Search's and
Planetary Computer's paging shapes, Fields on or off, and faults on request.

Listens on 127.0.0.1 (a free port, printed as "PORT <n>" on stdout), exits by itself when its
parent goes away or after --max-seconds. Standard library only (shapely, when present, for
`intersects`).

Generated items: --per-day N items a day, item k of day d at d + k * 86400 / N seconds (k = 0
is exactly midnight), a 1-degree square footprint placed deterministically, all six
percentages. --datatake M makes each of those instants M items (tiles of one datatake) in
M places. Queries must carry a datetime interval (a client that forgets its query on a
next page gets a 400, not the whole archive), or `ids` (generated ids only, as `select --fetch`
asks for the full items it chose).

Paging (--paging):
  earthsearch  POST next link whose body holds only {"next": cursor}, merge false
  pc-get       GET href /search?token=<opaque> carrying the whole query
  pc-post      POST next link echoing the query plus a token, merge true

Faults (--fault KIND:EVERY[:AFTER], repeatable, or POST /_control {"faults": ["502:3", ...]}):
every EVERY-th search request (after the first AFTER) gets KIND: 429 (Retry-After: 1), 429date (Retry-After as an HTTP
date), 500, 502, 503, 504, 403 ({"message":"Forbidden"}), cut (connection closed mid-body,
short of Content-Length), truncjson (a complete response whose JSON is cut), slow (waits
--slow-seconds first).

Paging faults (each can be cleared by POST /_control {"healthy": true}):
  --loop once|forever  page 2 of every query links to itself: once (the repeated request then
                       gets the right continuation), or forever
  --loop-item ID       every page holding item ID links to itself, forever (repeatable)
  --repeat items       page 2 on serves page 1's items again under ever new cursors
  --short full-pages   a query's first page, when more follow, silently lacks its last item
  --hide ID            item ID is counted in numberMatched but never served (repeatable)
  --count-cap N        numberMatched stops counting at N
  --no-counts          pages carry no numberMatched/numberReturned (as Planetary Computer's
                       often do)
  --stale-first-count K  a query's first page, when more follow, counts K more than the
                       later ones (the archive changed while the query was paged)

Real pages (--real FILE,FILE,...): a chain of recorded responses under /real; the first search
gets the first page, a request carrying the `next`/`token` of page i's next link gets page
i + 1, any other cursor an empty page. Hosts in links are rewritten to this server.

GET /_stats: counters and the last request bodies.
"""
import argparse
import base64
import calendar
import datetime as dt
import email.utils
import gzip
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIELDS_URI = "https://api.stacspec.org/v1.0.0/item-search#fields"
BASE_CONFORMANCE = [
    "https://api.stacspec.org/v1.0.0/core",
    "https://api.stacspec.org/v1.0.0/item-search",
]
MAX_LOGGED_BODIES = 2000


def parse_instant(text):
    """RFC 3339 text to POSIX seconds (float); '..' or '' gives None."""
    if text in ("..", ""):
        return None
    text = text.replace("z", "Z").replace("Z", "+00:00")
    return dt.datetime.fromisoformat(text).timestamp()


def format_instant(seconds):
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.faults = [self.parse_fault(text) for text in args.fault]
        self.search_requests = 0
        self.faults_served = {}
        self.bodies = []
        self.real_pages = []
        self.real_keys = {}
        self.looped = set()  # (query, offset) of the pages that linked to themselves once

    @staticmethod
    def parse_fault(text):
        """KIND:EVERY[:AFTER]: requests number n > AFTER with n % EVERY == 0."""
        kind, every, *after = text.split(":")
        return kind, int(every), int(after[0]) if after else 0

    def next_fault(self):
        """Counts a search request; returns the fault it gets, or None."""
        with self.lock:
            self.search_requests += 1
            number = self.search_requests
            for kind, every, after in self.faults:
                if every > 0 and number > after and number % every == 0:
                    self.faults_served[kind] = self.faults_served.get(kind, 0) + 1
                    return kind
        return None

    def log_body(self, method, path, body):
        with self.lock:
            if len(self.bodies) < MAX_LOGGED_BODIES:
                self.bodies.append({"method": method, "path": path, "body": body})


def cursor_of(request_body, query_string):
    """The paging cursor of a request: body next/token, or query next/token."""
    for key in ("token", "next"):
        if isinstance(request_body, dict) and key in request_body:
            return str(request_body[key])
        if key in query_string:
            return query_string[key][0]
    return None


def generated_entry(args, day, k):
    """Item k of day `day` as a (day, k, when, box) tuple: its instant and 1-degree square."""
    when = day * 86400 + (k // args.datatake) * 86400 / args.per_day
    lon = -179.5 + ((day * 37 + k * 53) % 358)
    lat = -79.5 + ((day * 11 + k * 29) % 158)
    return (day, k, when, [lon, lat, lon + 1.0, lat + 1.0])


def items_by_id(args, ids):
    """The generated items named in `ids` (others are not in the archive), in (datetime, id)
    order."""
    entries = []
    for text in ids:
        match = re.fullmatch(r"S2G_(\d{8})_(\d{4})_L2A", str(text))
        if not match:
            continue
        date = dt.datetime.strptime(match.group(1), "%Y%m%d").replace(tzinfo=dt.timezone.utc)
        day, k = int(date.timestamp() // 86400), int(match.group(2))
        if k < args.per_day * args.datatake:
            entries.append(generated_entry(args, day, k))
    return sorted(entries, key=lambda entry: (entry[2], entry[1]))


def generated_items(state, query):
    """Every generated item matching `query`, in (datetime, id) order, as (day, k, when, box)
    tuples (make_item builds the page's items only: the bench server stays fast)."""
    args = state.args
    if query.get("ids"):
        return items_by_id(args, query["ids"])
    interval = query.get("datetime")
    if not interval:
        return None
    start_text, _, end_text = interval.partition("/") if "/" in interval else (interval, "", interval)
    start, end = parse_instant(start_text), parse_instant(end_text)
    if start is None or end is None:
        return None
    bbox = query.get("bbox")
    area = None
    if query.get("intersects"):
        from shapely.geometry import shape

        area = shape(query["intersects"])
    per_day = args.per_day
    items = []
    first_day = int(start // 86400) - 1
    last_day = int(end // 86400) + 1
    for day in range(max(first_day, 0), last_day + 1):
        for instant in range(per_day):
            when = day * 86400 + instant * 86400 / per_day
            if when < start or when > end:
                continue
            for k in range(instant * args.datatake, (instant + 1) * args.datatake):
                box = generated_entry(args, day, k)[3]
                if bbox and (box[0] > bbox[2] or box[2] < bbox[0] or box[1] > bbox[3] or box[3] < bbox[1]):
                    continue
                if area is not None:
                    from shapely.geometry import box as make_box

                    if not area.intersects(make_box(*box)):
                        continue
                items.append((day, k, when, box))
    return items


def item_id(day, k):
    return "S2G_%s_%04d_L2A" % (dt.datetime.fromtimestamp(day * 86400, dt.timezone.utc).strftime("%Y%m%d"), k)


def make_item(day, k, when, box, collection):
    date = dt.datetime.fromtimestamp(day * 86400, dt.timezone.utc).strftime("%Y%m%d")
    stamp = dt.datetime.fromtimestamp(when, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    w, s, e, n = box
    value = (day * 7 + k * 13) % 100
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": item_id(day, k),
        "collection": collection,
        "bbox": box,
        "geometry": {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]},
        "properties": {
            "datetime": stamp,
            "platform": "sentinel-2a" if k % 2 == 0 else "sentinel-2b",
            "grid:code": "MGRS-%dCNL" % (1 + (k % 60)),
            "s2:processing_baseline": "05.10",
            "eo:cloud_cover": value,
            "s2:nodata_pixel_percentage": (value + 11) % 100,
            "s2:snow_ice_percentage": (value + 23) % 100,
            "s2:vegetation_percentage": (value + 37) % 100,
            "s2:not_vegetated_percentage": (value + 41) % 100,
            "s2:water_percentage": (value + 53) % 100,
            "s2:product_uri": "S2A_MSIL2A_%s_%d.SAFE" % (date, k),
            "view:sun_elevation": 30 + k % 40,
        },
        "links": [],
        "assets": {
            band: {"href": "https://example.test/%s/%s/%d.tif" % (band, date, k), "type": "image/tiff"}
            for band in ("B02", "B03", "B04", "B08", "SCL")
        },
    }


def apply_fields(item, fields):
    include = fields.get("include") or []
    if not include:
        return item
    out = {"type": item["type"], "stac_version": item["stac_version"]}
    properties = {}
    for path in include:
        if path.startswith("properties."):
            key = path[len("properties."):]
            if key in item["properties"]:
                properties[key] = item["properties"][key]
        elif path in item:
            out[path] = item[path]
    out["properties"] = properties
    return out


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and
    # the client's delayed ACK add ~40 ms to every keep-alive response.
    disable_nagle_algorithm = True
    state = None

    def log_message(self, *args):
        pass

    # -- plumbing -------------------------------------------------------------------------
    def base(self):
        return "http://%s:%d" % self.server.server_address[:2]

    def send_json(self, status, document, headers=None, fault=None):
        body = json.dumps(document, separators=(",", ":")).encode()
        if fault == "truncjson":
            body = body[: len(body) // 2]
        encoding = None
        if "gzip" in self.headers.get("Accept-Encoding", "") and len(body) > 256:
            body = gzip.compress(body, 1)
            encoding = "gzip"
        self.send_response(status)
        self.send_header("Content-Type", "application/geo+json")
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if fault == "cut":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.wfile.write(body)

    def read_body(self):
        length = int(self.headers.get("Content-Length", "0") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return {}
        return json.loads(raw)

    # -- routes ---------------------------------------------------------------------------
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/_stats":
            with self.state.lock:
                stats = {
                    "search_requests": self.state.search_requests,
                    "faults_served": self.state.faults_served,
                    "bodies": self.state.bodies,
                }
            return self.send_json(200, stats)
        if url.path in ("/", "/real", "/real/"):
            return self.landing(url.path.startswith("/real"))
        if url.path.rstrip("/").endswith("/conformance"):
            return self.send_json(200, {"conformsTo": self.conformance(url.path.startswith("/real"))})
        if url.path in ("/search", "/real/search"):
            self.state.log_body("GET", self.path, None)
            if url.path.startswith("/real"):
                return self.real_search(None, query)
            token = query.get("token", [None])[0]
            if token is None:
                return self.send_json(400, {"code": "BadRequest", "description": "GET needs a token here"})
            decoded = json.loads(base64.urlsafe_b64decode(token.encode()))
            return self.search(decoded["query"], decoded["offset"])
        self.send_json(404, {"code": "NotFound", "description": self.path})

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        try:
            body = self.read_body()
        except ValueError:
            return self.send_json(400, {"code": "BadRequest", "description": "body is not JSON"})
        if url.path == "/_control":
            with self.state.lock:
                self.state.faults = [State.parse_fault(text) for text in body.get("faults", [])]
                if body.get("healthy"):
                    args = self.state.args
                    args.loop, args.loop_item, args.repeat, args.short = None, [], None, None
                    args.hide, args.count_cap, args.no_counts = [], 0, False
                    args.stale_first_count = 0
            return self.send_json(200, {"ok": True})
        if url.path == "/real/search":
            self.state.log_body("POST", self.path, body)
            return self.real_search(body, {})
        if url.path != "/search":
            return self.send_json(404, {"code": "NotFound", "description": self.path})
        self.state.log_body("POST", self.path, body)
        if "fields" in body and not self.state.args.fields:
            return self.send_json(400, {"code": "BadRequest", "description": "unknown parameter fields"})
        offset = 0
        if "next" in body:
            offset = int(body["next"])
        elif "token" in body:
            offset = json.loads(base64.urlsafe_b64decode(body["token"].encode()))["offset"]
        query = {key: value for key, value in body.items() if key not in ("next", "token")}
        self.search(query, offset)

    def landing(self, real):
        document = {"type": "Catalog", "id": "test", "description": "stac2h3 test server", "links": []}
        if not self.state.args.conformance_endpoint_only:
            document["conformsTo"] = self.conformance(real)
        self.send_json(200, document)

    def conformance(self, real):
        return BASE_CONFORMANCE + ([FIELDS_URI] if self.state.args.fields and not real else [])

    def search(self, query, offset):
        fault = self.state.next_fault()
        if fault in ("429", "429date"):
            retry_after = "1" if fault == "429" else email.utils.formatdate(time.time() + 1, usegmt=True)
            return self.send_json(429, {"code": "TooManyRequests"}, {"Retry-After": retry_after})
        if fault in ("500", "502", "503", "504"):
            return self.send_json(int(fault), {"message": "Internal server error"})
        if fault == "403":
            return self.send_json(403, {"message": "Forbidden"})
        if fault == "slow":
            time.sleep(self.state.args.slow_seconds)
        if self.state.args.page_delay > 0:
            time.sleep(self.state.args.page_delay)
        items = generated_items(self.state, query)
        if items is None:
            return self.send_json(400, {"code": "BadRequest", "description": "a datetime interval is required"})
        limit = int(query.get("limit", 10))
        args = self.state.args
        matched = len(items)
        if args.hide:
            items = [entry for entry in items if item_id(entry[0], entry[1]) not in args.hide]
        page_offset = offset
        if args.repeat == "items" and offset > 0:
            page_offset = 0  # page 1's items again, under ever new tokens
        entries = items[page_offset : page_offset + limit]
        if args.short == "full-pages" and offset == 0 and len(items) > limit:
            entries = entries[:-1]
        collection = (query.get("collections") or ["sentinel-2-l2a"])[0]
        page = [make_item(*entry, collection) for entry in entries]
        if "fields" in query:
            page = [apply_fields(item, query["fields"]) for item in page]
        document = {
            "type": "FeatureCollection",
            "features": page,
            "links": [{"rel": "root", "href": self.base() + "/"}],
        }
        if args.stale_first_count and offset == 0 and len(items) > limit:
            matched += args.stale_first_count
        if not args.no_counts:
            document["numberMatched"] = min(matched, args.count_cap) if args.count_cap > 0 else matched
            document["numberReturned"] = len(page)
        next_offset = offset + limit
        if self.links_to_itself(query, offset, entries):
            next_offset = offset
        if next_offset < len(items) or next_offset == offset or args.repeat == "items":
            document["links"].append(self.next_link(query, next_offset))
        self.send_json(200, document, fault=fault)

    def links_to_itself(self, query, offset, entries):
        """Whether this page's next link is its own request (see --loop, --loop-item)."""
        args = self.state.args
        if any(item_id(day, k) in args.loop_item for day, k, _, _ in entries):
            return True
        limit = int(query.get("limit", 10))
        if offset != limit or args.loop is None:  # only page 2
            return False
        if args.loop == "forever":
            return True
        key = (json.dumps(query, sort_keys=True), offset)
        with self.state.lock:
            if key in self.state.looped:
                return False
            self.state.looped.add(key)
        return True

    def next_link(self, query, offset):
        paging = self.state.args.paging
        link = {"rel": "next", "type": "application/geo+json", "href": self.base() + "/search"}
        if paging == "earthsearch":
            link.update(method="POST", merge=False, body={"next": str(offset)})
        else:
            token = base64.urlsafe_b64encode(json.dumps({"query": query, "offset": offset}).encode()).decode()
            if paging == "pc-get":
                link.update(method="GET", href=self.base() + "/search?" + urllib.parse.urlencode({"token": token}))
            else:
                echo = {key: value for key, value in query.items() if key != "fields"}
                echo["token"] = token
                link.update(method="POST", merge=True, body=echo)
        return link

    def real_search(self, body, query):
        fault = self.state.next_fault()
        if fault in ("502", "503"):
            return self.send_json(int(fault), {"message": "Internal server error"})
        cursor = cursor_of(body, query)
        index = 0 if cursor is None else self.state.real_keys.get(cursor)
        if index is None or index >= len(self.state.real_pages):
            return self.send_json(200, {"type": "FeatureCollection", "features": [], "links": []})
        self.send_json(200, self.state.real_pages[index], fault=fault)


def rewrite_hosts(document, base):
    text = json.dumps(document)
    text = re.sub(r"https?://[A-Za-z0-9.\-]+(:[0-9]+)?(/api/stac)?(/v[01])?(?=/search)", base + "/real", text)
    return json.loads(text)


def load_real_pages(state, files, base):
    for index, path in enumerate(files):
        with open(path) as handle:
            page = rewrite_hosts(json.load(handle), base)
        state.real_pages.append(page)
        for link in page.get("links", []):
            if link.get("rel") != "next":
                continue
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(link.get("href", "")).query)
            cursor = cursor_of(link.get("body") or {}, query)
            if cursor is not None:
                state.real_keys[cursor] = index + 1


def watch_parent(max_seconds):
    parent = os.getppid()
    deadline = time.time() + max_seconds
    while time.time() < deadline and os.getppid() == parent:
        time.sleep(0.2)
    os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--paging", choices=["earthsearch", "pc-get", "pc-post"], default="earthsearch")
    parser.add_argument("--fields", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--conformance-endpoint-only", action="store_true",
                        help="no conformsTo on the landing page (clients must ask /conformance)")
    parser.add_argument("--per-day", type=int, default=24)
    parser.add_argument("--datatake", type=int, default=1)
    parser.add_argument("--page-delay", type=float, default=0.0)
    parser.add_argument("--slow-seconds", type=float, default=3.0)
    parser.add_argument("--fault", action="append", default=[])
    parser.add_argument("--repeat", choices=["items"])
    parser.add_argument("--loop", choices=["once", "forever"])
    parser.add_argument("--loop-item", action="append", default=[])
    parser.add_argument("--short", choices=["full-pages"])
    parser.add_argument("--hide", action="append", default=[])
    parser.add_argument("--count-cap", type=int, default=0)
    parser.add_argument("--no-counts", action="store_true")
    parser.add_argument("--stale-first-count", type=int, default=0)
    parser.add_argument("--real", default="", help="comma-separated recorded pages, in order")
    parser.add_argument("--max-seconds", type=float, default=600)
    parser.add_argument("--processes", type=int, default=1,
                        help="serve from N processes sharing the socket (benchmarks only: each "
                        "process has its own fault counters and stats)")
    args = parser.parse_args()

    state = State(args)
    Handler.state = state
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = "http://127.0.0.1:%d" % server.server_address[1]
    if args.real:
        load_real_pages(state, args.real.split(","), base)
    threading.Thread(target=watch_parent, args=(args.max_seconds,), daemon=True).start()
    print("PORT %d" % server.server_address[1], flush=True)
    for _ in range(args.processes - 1):
        if os.fork() == 0:  # the child serves the same socket and watches this process
            threading.Thread(target=watch_parent, args=(args.max_seconds,), daemon=True).start()
            break
    server.serve_forever()


if __name__ == "__main__":
    main()
