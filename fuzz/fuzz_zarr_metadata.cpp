/** @file fuzz_zarr_metadata.cpp
 * @brief Fuzzes the cube's consolidated Zarr metadata as `plot` reads it: the input becomes
 * the `.zmetadata` of a scratch store (with a `.zgroup`), which ZarrCubeReader opens (GDAL's
 * Zarr driver parses it; we check the time and cell_ids coordinates and the variables) and
 * reads a day of each variable from. Bad metadata must be a stac2h3::Error, nothing else.
 */
#include <cpl_error.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "store/zarr_cube_reader.h"
#include "util/error.h"

namespace {

namespace fs = std::filesystem;

/** The scratch folder: a plain array, still there when the exit handler runs. */
char scratch_dir[4096];

/** A scratch store per process, removed at exit. */
const fs::path& scratchStore() {
  static const fs::path store = [] {
    const std::string pattern = (fs::temp_directory_path() / "stac2h3_fuzz_zarr_XXXXXX").string();
    FUZZ_CHECK(pattern.size() < sizeof scratch_dir);
    std::copy(pattern.begin(), pattern.end(), scratch_dir);
    FUZZ_CHECK(mkdtemp(scratch_dir) != nullptr);
    std::atexit([] { fs::remove_all(scratch_dir); });
    const fs::path dir = fs::path(scratch_dir) / "cube.zarr";
    fs::create_directories(dir);
    std::ofstream(dir / ".zgroup") << R"({"zarr_format": 2})";
    CPLSetErrorHandler(CPLQuietErrorHandler);  // as the CLI does
    return dir;
  }();
  return store;
}

void writeFile(const fs::path& path, const uint8_t* data, size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  FUZZ_CHECK(out.good());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fs::path& store = scratchStore();
  writeFile(store / ".zmetadata", data, size);
  try {
    const stac2h3::store::ZarrCubeReader cube(store);
    std::vector<float> values;
    for (const std::string& variable : cube.variables()) {
      (void)cube.units(variable);
      FUZZ_CHECK(cube.timeChunk(variable) >= 1);
      cube.readDays(variable, 0, std::min<size_t>(cube.days().size(), 1), values);
    }
  } catch (const stac2h3::Error&) {
    // Refused with a one-line message naming the cube.
  }
  return 0;
}
