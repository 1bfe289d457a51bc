// @file h3js_cells.mjs
// @brief The h3-js side of the `h3 cell` comparison: reads `lat,lng` lines from a file,
// converts them all at one resolution, prints the time (parsing excluded) to stderr and
// the ids to stdout.
//
// Usage: node h3js_cells.mjs POINTS_FILE RES > cells.txt
import { readFileSync } from "node:fs";
import { latLngToCell } from "h3-js";

const [file, resText] = process.argv.slice(2);
const res = Number(resText);
const lines = readFileSync(file, "utf8").split("\n").filter((line) => line.length > 0);
const points = lines.map((line) => line.split(",").map(Number));

const start = process.hrtime.bigint();
const cells = points.map(([lat, lng]) => latLngToCell(lat, lng, res));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

process.stdout.write(cells.join("\n") + "\n");
console.error(`h3-js: ${cells.length} points at res ${res} in ${seconds.toFixed(3)} s ` +
  `(${((seconds / cells.length) * 1e9).toFixed(0)} ns per point, parsing excluded)`);
