/** @file gpkg_outputs_test.cpp
 * @brief cells.gpkg and the long table, read back independently by geopandas (Debian
 * python3): columns, values, NULLs, and cells split at the antimeridian.
 */
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "store/cells_gpkg_writer.h"
#include "store/long_table_writer.h"
#include "support/shared_data.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  return fs::temp_directory_path() /
         ("stac2h3_gpkg_" + name + "_" + std::to_string(::getpid()) + ".gpkg");
}

int python(const std::string& script) {
  const fs::path file =
      fs::temp_directory_path() / ("stac2h3_gpkg_check_" + std::to_string(::getpid()) + ".py");
  {
    std::FILE* out = std::fopen(file.c_str(), "w");
    std::fputs(script.c_str(), out);
    std::fclose(out);
  }
  const int status = std::system(("/usr/bin/python3 " + file.string()).c_str());
  fs::remove(file);
  return status;
}

h3::Cell cellAt(double lat, double lng, int res) {
  h3::Cell cell = 0;
  EXPECT_EQ(h3::latLngToCell({lat * M_PI / 180, lng * M_PI / 180}, res, cell), h3::Error::kSuccess);
  return cell;
}

TEST(CellsGpkg, GeopandasReadsCellsSplitAtTheAntimeridian) {
  const h3::Cell plain = cellAt(48.2, 16.4, 3);
  const h3::Cell crossing = cellAt(-16.0, 180.0, 2);  // straddles ±180
  const h3::Cell pentagon = h3::pentagons(3)[0];
  const fs::path path = scratch("cells");
  const std::vector<h3::Cell> cells = {plain, crossing, pentagon};
  writeCellsGpkg(path, cells);
  EXPECT_THROW(writeCellsGpkg(path, cells), InputError);
  char areas[256];
  std::snprintf(areas, sizeof areas, "{'%s': %.9f, '%s': %.9f, '%s': %.9f}",
                h3::cellToString(plain).c_str(), h3::cellAreaKm2(plain),
                h3::cellToString(crossing).c_str(), h3::cellAreaKm2(crossing),
                h3::cellToString(pentagon).c_str(), h3::cellAreaKm2(pentagon));
  const std::string script = R"(
import geopandas as gpd, sys
cells = gpd.read_file(")" + path.string() +
                             R"(", layer="cells")
areas = )" + areas + R"(
assert list(cells.columns) == ["cell", "res", "area_km2", "is_pentagon", "geometry"], cells.columns
assert sorted(cells["cell"]) == sorted(areas), list(cells["cell"])
for row in cells.itertuples():
    assert abs(row.area_km2 - areas[row.cell]) < 1e-6 * areas[row.cell]
    minx, miny, maxx, maxy = row.geometry.bounds
    assert -180 <= minx and maxx <= 180, row.geometry.bounds
    assert row.geometry.geom_type == "MultiPolygon"
    # split parts stay narrow: no polygon wraps the globe the wrong way
    assert all(p.bounds[2] - p.bounds[0] < 30 for p in row.geometry.geoms), row.cell
crossing = cells[cells["cell"] == ")" +
                             h3::cellToString(crossing) + R"("].geometry.iloc[0]
assert len(crossing.geoms) == 2, len(crossing.geoms)
assert cells[cells["cell"] == ")" +
                             h3::cellToString(pentagon) + R"("]["is_pentagon"].iloc[0]
assert sorted(cells["res"]) == [2, 3, 3]
)";
  EXPECT_EQ(python(script), 0);
  fs::remove(path);
}

TEST(LongTable, GeopandasReadsOneRowPerObservedCellDay) {
  CubeDescription description;
  description.resolution = 3;
  description.first_day = 19723;  // 2024-01-01
  description.num_days = 2;
  description.cells = {cellAt(10, 10, 3), cellAt(40, 40, 3)};
  std::sort(description.cells.begin(), description.cells.end());
  const fs::path path = scratch("long");
  {
    LongTableWriter writer(path, description);
    CubeBlock block;
    block.reset(description.first_day, 2, 2, description.variables.size());
    block.floats[0][0] = 12.5f;  // day 0, cell 0: cloud only, other values NULL
    block.floats[6][0] = 0.25f;
    block.n_items[0] = 1;
    for (size_t v = 0; v < block.floats.size(); ++v) block.floats[v][3] = static_cast<float>(v);
    block.n_items[3] = 3;  // day 1, cell 1
    writer.write(block);
    EXPECT_EQ(writer.rows(), 2);
    writer.close();
  }
  const std::string first = h3::cellToString(description.cells[0]);
  const std::string second = h3::cellToString(description.cells[1]);
  const std::string script = R"(
import geopandas as gpd, math
rows = gpd.read_file(")" + path.string() +
                             R"(", layer="observations")
assert len(rows) == 2, len(rows)
a = rows[rows["cell"] == ")" +
                             first + R"("].iloc[0]
b = rows[rows["cell"] == ")" +
                             second + R"("].iloc[0]
assert str(a["date"])[:10] == "2024-01-01" and str(b["date"])[:10] == "2024-01-02", (a["date"], b["date"])
assert a["cloud_cover"] == 12.5 and a["obs_fraction"] == 0.25 and a["n_items"] == 1
assert math.isnan(a["water"])
assert b["water"] == 5 and b["obs_fraction"] == 6 and b["n_items"] == 3
)";
  EXPECT_EQ(python(script), 0);
  fs::remove(path);
}

}  // namespace
}  // namespace stac2h3::store
