// @file generate.mjs
// @brief Writes h3-js's answers (the reference H3 v4 compiled to JS) for fixed-seed inputs
// into a directory, one text file per function, for the C++ tests to compare against.
//
// Usage: node generate.mjs OUT_DIR
// Angles are decimal degrees; h3-js converts them with deg * PI / 180, as the C++ side does.
// Numbers are printed with JS's shortest round-trip form, so C++ reads back the same doubles.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as h3 from "h3-js";

const outDir = process.argv[2];
if (!outDir) {
  console.error("usage: node generate.mjs OUT_DIR");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

// xorshift32 with a fixed seed: the same inputs on every run and machine.
let state = 0x2545f491;
function next32() {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state;
}
/** Uniform in [0, 1) with 53 random bits. */
function uniform() {
  return (next32() * 2 ** 21 + (next32() >>> 11)) / 2 ** 53;
}
/** Uniform on the sphere, in degrees. */
function randomPoint() {
  const lat = (Math.asin(2 * uniform() - 1) * 180) / Math.PI;
  const lng = uniform() * 360 - 180;
  return [lat, lng];
}

const RESOLUTIONS = [...Array(16).keys()];
const write = (name, lines) => writeFileSync(join(outDir, name), lines.join("\n") + "\n");

// --- latLngToCell: random points at every resolution, plus the hard places ---------------
const pointLines = [];
const addPoint = (lat, lng, res, tag) =>
  pointLines.push(`${tag} ${lat} ${lng} ${res} ${h3.latLngToCell(lat, lng, res)}`);
for (let n = 0; n < 7000; n++) {
  const [lat, lng] = randomPoint();
  for (const res of RESOLUTIONS) addPoint(lat, lng, res, "random");
}

/** A point `distance` degrees from (lat, lng) towards `azimuth` (radians), on the sphere. */
function offset([lat, lng], distance, azimuth) {
  const rad = Math.PI / 180;
  const p1 = lat * rad;
  const d = distance * rad;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(azimuth));
  const dl = Math.atan2(
    Math.sin(azimuth) * Math.sin(d) * Math.cos(p1),
    Math.cos(d) - Math.sin(p1) * Math.sin(p2),
  );
  let lng2 = lng + dl / rad;
  if (lng2 > 180) lng2 -= 360;
  if (lng2 < -180) lng2 += 360;
  return [p2 / rad, lng2];
}

const pentagonCentres = h3.getPentagons(0).map((cell) => h3.cellToLatLng(cell));
const OFFSETS = [1e-12, 1e-10, 1e-9, 1e-7, 1e-5, 1e-3, 0.1, 1, 5];
for (const centre of pentagonCentres) {
  for (const res of RESOLUTIONS) addPoint(...centre, res, "pentagon");
  for (const distance of OFFSETS) {
    for (let a = 0; a < 8; a++) {
      const p = offset(centre, distance, (a * Math.PI) / 4 + 0.1);
      for (const res of RESOLUTIONS) addPoint(...p, res, "pentagon");
    }
  }
}

// Icosahedron edges join neighbouring vertices (the res 0 pentagon centres, ~63.4° apart).
const toVec = ([lat, lng]) => {
  const r = Math.PI / 180;
  return [Math.cos(lat * r) * Math.cos(lng * r), Math.cos(lat * r) * Math.sin(lng * r), Math.sin(lat * r)];
};
const toLatLng = ([x, y, z]) => {
  const n = Math.hypot(x, y, z);
  return [(Math.asin(z / n) * 180) / Math.PI, (Math.atan2(y, x) * 180) / Math.PI];
};
for (let a = 0; a < 12; a++) {
  for (let b = a + 1; b < 12; b++) {
    const va = toVec(pentagonCentres[a]);
    const vb = toVec(pentagonCentres[b]);
    const dot = va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2];
    if (dot < 0.4) continue; // not an edge (edges have cos ≈ 0.447)
    for (let t = 1; t < 24; t++) {
      const s = t / 24;
      const p = toLatLng(va.map((v, i) => v * (1 - s) + vb[i] * s));
      // On the edge (up to rounding) and beside it, both sides, near and far.
      const azimuthAlong = Math.atan2(vb[1] - va[1], vb[0] - va[0]);
      const points = [p];
      for (const distance of [1e-12, 1e-9, 1e-6, 1e-3]) {
        points.push(offset(p, distance, azimuthAlong + Math.PI / 2));
        points.push(offset(p, distance, azimuthAlong - Math.PI / 2));
      }
      for (const q of points) for (const res of RESOLUTIONS) addPoint(...q, res, "edge");
    }
  }
}

// The icosahedron edges as exact great circles (slerp between the pentagon centres), and
// 1e-7° to either side: the points whose cell the last bits of the projection decide.
// `issue` is the point reported in issue 10 (the reference's C build and h3-js disagree
// there: the face-centre azimuth rounds to either side of a cell edge).
const cross = (u, v) => [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
const scaled = (u, k) => u.map((x) => x * k);
const plus = (u, v) => u.map((x, i) => x + v[i]);
const normalised = (u) => scaled(u, 1 / Math.hypot(...u));
const BESIDE_RADIANS = (1e-7 * Math.PI) / 180;
for (let a = 0; a < 12; a++) {
  for (let b = a + 1; b < 12; b++) {
    const va = toVec(pentagonCentres[a]);
    const vb = toVec(pentagonCentres[b]);
    const cosAngle = va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2];
    if (cosAngle < 0.4) continue;
    const angle = Math.acos(cosAngle);
    const normal = normalised(cross(va, vb));
    const fractions = [];
    for (let k = 1; k < 100; k++) fractions.push(k / 100);
    // and 20 irregular ones (golden-ratio steps; the seeded stream is left to the sets below)
    for (let k = 1; k <= 20; k++) fractions.push((k * 0.6180339887498949) % 1);
    for (const s of fractions) {
      const onArc = plus(scaled(va, Math.sin((1 - s) * angle)), scaled(vb, Math.sin(s * angle)));
      const p = normalised(onArc);
      for (const side of [0, 1, -1]) {
        const q = toLatLng(plus(p, scaled(normal, side * BESIDE_RADIANS)));
        for (const res of RESOLUTIONS) addPoint(...q, res, side === 0 ? "great_circle" : "beside_edge");
      }
    }
  }
}
for (const res of RESOLUTIONS) addPoint(-10.410683770602716, -79.036843809169341, res, "issue");

// Poles and the antimeridian.
for (const lat of [90, -90, 89.999999999, -89.999999999, 89.9, -89.9]) {
  for (const lng of [0, 45, -135, 180, -180]) {
    for (const res of RESOLUTIONS) addPoint(lat, lng, res, "pole");
  }
}
for (let n = 0; n < 40; n++) {
  const lat = randomPoint()[0];
  for (const lng of [180, -180, 179.9999999999, -179.9999999999]) {
    for (const res of RESOLUTIONS) addPoint(lat, lng, res, "antimeridian");
  }
}

// Within 1e-9° of cell vertices, at the cell's resolution.
for (const res of RESOLUTIONS) {
  for (let n = 0; n < 40; n++) {
    const cell = h3.latLngToCell(...randomPoint(), res);
    for (const [lat, lng] of h3.cellToBoundary(cell)) {
      addPoint(lat, lng, res, "vertex");
      for (const [dlat, dlng] of [[1e-9, 0], [-1e-9, 0], [0, 1e-9], [0, -1e-9], [7e-10, -7e-10]]) {
        addPoint(lat + dlat, lng + dlng, res, "vertex");
      }
    }
  }
}
write("lat_lng_to_cell.txt", pointLines);

// --- cells to describe: all res 0, all pentagons, random cells at every resolution -------
const cells = [...h3.getRes0Cells()];
for (const res of RESOLUTIONS) cells.push(...h3.getPentagons(res));
for (const res of RESOLUTIONS) {
  for (let n = 0; n < 300; n++) cells.push(h3.latLngToCell(...randomPoint(), res));
  // Cells beside pentagons and on icosahedron edges, where distortion vertices appear.
  for (const centre of pentagonCentres) {
    const p = offset(centre, 2 * Math.sqrt(h3.getHexagonAreaAvg(res, "km2")) / 111, uniform() * 6.28);
    cells.push(h3.latLngToCell(...p, res));
  }
}
write(
  "cell_to_boundary.txt",
  cells.map((c) => `${c} ${h3.cellToBoundary(c).map(([lat, lng]) => `${lat} ${lng}`).join(" ")}`),
);
write("cell_to_lat_lng.txt", cells.map((c) => `${c} ${h3.cellToLatLng(c).join(" ")}`));
write("cell_area.txt", cells.map((c) => `${c} ${h3.cellArea(c, "rads2")} ${h3.cellArea(c, "km2")}`));

// --- hierarchy -------------------------------------------------------------------------
const parentLines = [];
const childLines = [];
for (const cell of cells) {
  const res = h3.getResolution(cell);
  for (let p = 0; p <= res; p++) parentLines.push(`${cell} ${p} ${h3.cellToParent(cell, p)}`);
  for (let c = res; c <= Math.min(15, res + 2); c++) {
    childLines.push(`${cell} ${c} ${h3.cellToChildrenSize(cell, c)} ${h3.cellToChildren(cell, c).join(" ")}`);
  }
}
write("cell_to_parent.txt", parentLines);
write("cell_to_children.txt", childLines);

// --- traversal: disks as sets, neighbour pairs ---------------------------------------------
const diskLines = [];
const neighborLines = [];
for (const [i, cell] of cells.entries()) {
  const k = i % 6;
  diskLines.push(`${cell} ${k} ${h3.gridDisk(cell, k).sort().join(" ")}`);
  const ring2 = h3.gridDisk(cell, 2);
  for (const other of ring2.slice(0, 10)) {
    neighborLines.push(`${cell} ${other} ${h3.areNeighborCells(cell, other) ? 1 : 0}`);
  }
}
write("grid_disk.txt", diskLines);
write("are_neighbor_cells.txt", neighborLines);

// --- validity of arbitrary 64-bit values and of damaged cells ------------------------------
const validityLines = [];
const hex = (hi, lo) => hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
for (let n = 0; n < 3000; n++) {
  validityLines.push(hex(next32(), next32()));
  const [lo, hi] = h3.h3IndexToSplitLong(cells[n % cells.length]);
  const bit = next32() % 64;
  const damaged = bit < 32 ? hex(hi, (lo ^ (1 << bit)) >>> 0) : hex((hi ^ (1 << (bit - 32))) >>> 0, lo);
  validityLines.push(damaged);
  validityLines.push(hex(hi, lo));
}
write("is_valid_cell.txt", validityLines.map((v) => `${v} ${h3.isValidCell(v) ? 1 : 0}`));

// --- JavaScript's Math on the arguments the projection meets, bit for bit ------------------
// (the functions the H3 core must round like, see src/h3/fdlibm.h). Lines: name, argument(s)
// and result as the hexadecimal bits of the doubles.
const bits = new BigUint64Array(1);
const asDouble = new Float64Array(bits.buffer);
const hexBits = (x) => {
  asDouble[0] = x;
  return bits[0].toString(16);
};
const mathLines = [];
const addMath = (name, result, ...args) => mathLines.push(`${name} ${args.map(hexBits).join(" ")} ${hexBits(result)}`);
const signed = (magnitude) => (uniform() < 0.5 ? -magnitude : magnitude);
/** Magnitudes spread over many binades, from 2^-40 to 2^19 (the largest angles src/h3/fdlibm.h
 * reduces as fdlibm does are 2^19·π/2). */
const wide = () => 2 ** (uniform() * 58 - 40) * (1 + uniform());
const trigArguments = [0, -0, 1e-300, Math.PI / 4, Math.PI / 2, Math.PI, (3 * Math.PI) / 4, 823549, -8e5];
for (let n = 0; n < 20000; n++) {
  trigArguments.push(signed(uniform() * 7)); // angles of lat/lng, azimuths
  trigArguments.push(signed(wide()));
}
for (let k = 1; k < 64; k++) {
  for (const d of [0, 1e-16, -1e-16, 1e-9, -3e-12]) trigArguments.push((k * Math.PI) / 2 + d);
}
for (const x of trigArguments) {
  addMath("sin", Math.sin(x), x);
  addMath("cos", Math.cos(x), x);
  addMath("tan", Math.tan(x), x);
}
const unitArguments = [0, -0, 1, -1, 0.5, -0.5, 1e-20, -1e-20, 0.975, -0.975, 1 - 2 ** -53];
for (let n = 0; n < 20000; n++) {
  unitArguments.push(signed(uniform()));
  unitArguments.push(signed(1 - uniform() * 0.05)); // 1 - sqd/2: the acos of the projection
  unitArguments.push(signed(wide() / 2 ** 21));
}
for (const x of unitArguments) {
  addMath("asin", Math.asin(x), x);
  addMath("acos", Math.acos(x), x);
}
const atanArguments = [0, -0, Infinity, -Infinity, 2 ** 70, 7 / 16, 11 / 16, 19 / 16, 39 / 16];
for (let n = 0; n < 20000; n++) atanArguments.push(signed(wide()));
for (const x of atanArguments) addMath("atan", Math.atan(x), x);
const specials = [0, -0, Infinity, -Infinity, 1, -1, 1e-300, 1e300];
for (const y of specials) for (const x of specials) addMath("atan2", Math.atan2(y, x), y, x);
for (let n = 0; n < 40000; n++) {
  const y = signed(n % 2 ? uniform() : wide());
  const x = signed(n % 3 ? uniform() : wide());
  addMath("atan2", Math.atan2(y, x), y, x);
}
write("math.txt", mathLines);
