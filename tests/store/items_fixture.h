/** @file items_fixture.h
 * @brief Test helpers: hand-made items and scratch files for the items GeoPackage tests.
 */
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "stac/item.h"

namespace stac2h3::test {

/** A square footprint item at (lon, lat) with all six values set from `base`. */
inline stac::Item squareItem(const std::string& id, double lon, double lat, double base = 1.0) {
  stac::Item item;
  item.id = id;
  item.collection = "sentinel-2-l2a";
  item.datetime = "2024-05-01T10:20:31.024000Z";
  item.platform = "sentinel-2b";
  item.mgrs_tile = "05CNL";
  item.processing_baseline = "05.10";
  for (int v = 0; v < stac::kNumValues; ++v) item.values[v] = base + v;
  item.footprint.polygons.push_back(
      {{{lon, lat}, {lon + 1, lat}, {lon + 1, lat + 1}, {lon, lat + 1}}, {}});
  return item;
}

/** A fresh path in the temp directory (removed with its -wal/-shm/-journal on destruction). */
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("stac2h3_" + std::to_string(::getpid()) + "_" + name)) {
    remove();
  }
  ~ScratchFile() { remove(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }
  std::filesystem::path path_;
};

}  // namespace stac2h3::test
