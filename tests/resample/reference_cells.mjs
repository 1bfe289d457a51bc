/**
 * @file reference_cells.mjs
 * @brief h3-js side of the independent resampling reference: for each footprint's sample
 * points, the cells holding them and their neighbours (candidates), with each cell's boundary
 * and area from h3-js.
 *
 * stdin: {"res": R, "footprints": [[[lat, lng], ...], ...]} (sample points per footprint,
 * degrees). stdout: {"candidates": [[hex, ...], ...], "cells": {hex: {"boundary":
 * [[lat, lng], ...], "area_km2": a}}}.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const h3 = require(process.argv[2]);  // path of node_modules/h3-js

const input = JSON.parse(readFileSync(0, "utf8"));
const cells = {};
const candidates = input.footprints.map((points) => {
  const found = new Set();
  for (const [lat, lng] of points) {
    for (const cell of h3.gridDisk(h3.latLngToCell(lat, lng, input.res), 1)) found.add(cell);
  }
  for (const cell of found) {
    if (!(cell in cells)) {
      cells[cell] = { boundary: h3.cellToBoundary(cell), area_km2: h3.cellArea(cell, "km2") };
    }
  }
  return [...found];
});
process.stdout.write(JSON.stringify({ candidates, cells }));
