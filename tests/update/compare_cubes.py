"""@file compare_cubes.py
@brief Independent check of `resample --update`: opens a cube with xarray (consolidated
metadata, as users do) and compares it, value for value, with one or more reference cubes
(built from scratch, or a copy of the cube before the update): time, cell_ids, every data
variable (dtype and values, NaN equal to NaN), and every group attribute; for a pyramid,
every level named in --groups and the root's attributes.

Usage: compare_cubes.py CUBE REFERENCE [REFERENCE...] [--groups 5,4,3]
       compare_cubes.py --each CUBE=REFERENCE[,REFERENCE...] ... (several checks, one process)
Prints the reference CUBE equals and exits 0, or prints the differences and exits 1.
"""
import json
import os
import sys

import numpy as np
import xarray as xr


def differences(cube, reference, groups):
    found = []
    if groups:
        with open(os.path.join(cube, ".zattrs")) as a, open(os.path.join(reference, ".zattrs")) as b:
            if json.load(a) != json.load(b):
                found.append("root attributes")
    for group in groups or [None]:
        where = {"group": group} if group else {}
        got = xr.open_zarr(cube, consolidated=True, **where)
        want = xr.open_zarr(reference, consolidated=True, **where)
        label = f"level {group} " if group else ""
        for name in ("time", "cell_ids"):
            if not np.array_equal(got[name].values, want[name].values):
                found.append(f"{label}{name}")
        if sorted(got.data_vars) != sorted(want.data_vars):
            found.append(f"{label}variables {sorted(got.data_vars)}")
            continue
        for name in want.data_vars:
            a, b = got[name], want[name]
            if a.dtype != b.dtype or a.shape != b.shape or a.attrs != b.attrs:
                found.append(f"{label}{name}: dtype/shape/attrs")
            elif not np.array_equal(a.values, b.values, equal_nan=a.dtype.kind == "f"):
                found.append(f"{label}{name}: values")
        if json.dumps(got.attrs, sort_keys=True, default=str) != json.dumps(
                want.attrs, sort_keys=True, default=str):
            keys = [k for k in set(got.attrs) | set(want.attrs)
                    if got.attrs.get(k) != want.attrs.get(k)]
            found.append(f"{label}attributes {keys}")
    return found


def check(cube, references, groups):
    for reference in references:
        try:
            found = differences(cube, reference, groups)
        except Exception as error:  # a store that does not open is no match
            found = [f"cannot compare: {error!r}"]
        if not found:
            print(cube, "equals", reference)
            return True
        print(f"{cube} differs from {reference}:", "; ".join(found[:10]))
    return False


def main(argv):
    if argv and argv[0] == "--each":
        results = [check(pair.split("=")[0], pair.split("=")[1].split(","), [])
                   for pair in argv[1:]]
        return 0 if all(results) else 1
    groups = []
    if "--groups" in argv:
        at = argv.index("--groups")
        groups = argv[at + 1].split(",")
        argv = argv[:at] + argv[at + 2:]
    return 0 if check(argv[0], argv[1:], groups) else 1

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
