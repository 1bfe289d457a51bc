/** @file cache_file.h
 * @brief The binary cache files that `resample` keeps in a cube's store for `--update`
 * (overlap_cache.h, cell_area_cache.h): a header line naming what the file holds and the
 * software version that wrote it, then native little-endian binary.
 *
 * A cache only saves work, so a file that is missing, of another kind or version, or
 * truncated is not an error: the reader is simply given nothing and computes afresh.
 */
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace stac2h3::update {

using CacheFileHandle = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

/** Opens the cache file `path` of kind `kind` (e.g. "overlaps") positioned after its header
 * line. @return null when the file is missing or its header names another kind or version. */
CacheFileHandle openCacheFile(const std::filesystem::path& path, std::string_view kind);

/** Reads one value; false at the end of the file or when it is truncated. */
template <typename T>
bool readCacheValue(std::FILE* file, T& value) {
  return std::fread(&value, sizeof value, 1, file) == 1;
}

/** The bytes of the header line of a cache file of kind `kind`. */
size_t cacheHeaderSize(std::string_view kind);

/** Writes the cache file `path` of kind `kind`: the header line at once, then write()s;
 * finish() closes it. A file that could not be written whole is removed. */
class CacheFileWriter {
 public:
  /** @throws stac2h3::Error when the file cannot be created. */
  CacheFileWriter(const std::filesystem::path& path, std::string_view kind);
  ~CacheFileWriter();
  CacheFileWriter(const CacheFileWriter&) = delete;
  CacheFileWriter& operator=(const CacheFileWriter&) = delete;

  void write(const void* data, size_t size);
  /** @throws stac2h3::Error when some write or the close failed (the file is removed). */
  void finish();

 private:
  std::filesystem::path path_;
  std::string kind_;
  CacheFileHandle file_;
  bool written_ = true;
};

}  // namespace stac2h3::update
