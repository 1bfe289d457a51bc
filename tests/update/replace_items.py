"""@file replace_items.py
@brief Makes NDJSON items that replace some of a file's items (same collection and id) with
other values, datetimes and footprints, for the `resample --update` tests.

Usage: replace_items.py INPUT.ndjson OUTPUT.ndjson [--move-all]
With --move-all, every item moves 3 degrees east instead (no cell of before stays).
Of INPUT's items: every 7th gets another cloud cover, every 10th moves two days later, every
25th has its footprint moved 1.5 degrees east (cells never seen before), the first moves
twelve days before the first day (the time axis grows at its start by less than a chunk) and
the last three days after the last.
"""
import datetime
import json
import sys


def shifted(text, days):
    when = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (when + datetime.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def move_east(geometry, degrees):
    def move(ring):
        return [[x + degrees, y] for x, y in ring]
    if geometry["type"] == "Polygon":
        geometry["coordinates"] = [move(r) for r in geometry["coordinates"]]
    else:
        geometry["coordinates"] = [[move(r) for r in p] for p in geometry["coordinates"]]
    geometry.pop("bbox", None)


def main(source, target, move_all=False):
    with open(source) as f:
        items = [json.loads(line) for line in f if line.strip()]
    if move_all:
        for item in items:
            move_east(item["geometry"], 3.0)
            item.pop("bbox", None)
        with open(target, "w") as f:
            for item in items:
                f.write(json.dumps(item) + "\n")
        return
    out = []
    for i, item in enumerate(items):
        properties = item["properties"]
        changed = False
        if i % 7 == 0:
            properties["eo:cloud_cover"] = (properties.get("eo:cloud_cover") or 0) * 0.5 + 11
            changed = True
        if i % 10 == 0:
            properties["datetime"] = shifted(properties["datetime"], 2)
            changed = True
        if i % 25 == 0:
            move_east(item["geometry"], 1.5)
            item.pop("bbox", None)
            changed = True
        if i == 0:
            properties["datetime"] = shifted(properties["datetime"], -12)
            changed = True
        if i == len(items) - 1:
            properties["datetime"] = shifted(properties["datetime"], 3)
            changed = True
        if changed:
            out.append(item)
    with open(target, "w") as f:
        for item in out:
            f.write(json.dumps(item) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--move-all" in sys.argv[3:])
