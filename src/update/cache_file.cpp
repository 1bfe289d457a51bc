/** @file cache_file.cpp
 * @brief The store's binary cache files (see cache_file.h).
 */
#include "update/cache_file.h"

#include <bit>

#include "util/error.h"

namespace stac2h3::update {

namespace {

static_assert(std::endian::native == std::endian::little, "the cache files are little-endian");

std::string headerLine(std::string_view kind) {
  return "stac2h3 " + std::string(kind) + " " STAC2H3_VERSION "\n";
}

}  // namespace

size_t cacheHeaderSize(std::string_view kind) {
  return headerLine(kind).size();
}

CacheFileHandle openCacheFile(const std::filesystem::path& path, std::string_view kind) {
  CacheFileHandle file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return file;
  const std::string header = headerLine(kind);
  std::string first(header.size(), '\0');
  if (std::fread(first.data(), 1, first.size(), file.get()) != first.size() || first != header) {
    file.reset();
  }
  return file;
}

CacheFileWriter::CacheFileWriter(const std::filesystem::path& path, std::string_view kind)
    : path_(path), kind_(kind), file_(std::fopen(path.c_str(), "wb"), &std::fclose) {
  if (!file_) throw Error(path_.string() + ": cannot create the " + kind_ + " cache");
  const std::string header = headerLine(kind);
  write(header.data(), header.size());
}

CacheFileWriter::~CacheFileWriter() {
  if (file_) {  // not finished: an exception is on its way, leave no partial file
    file_.reset();
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
}

void CacheFileWriter::write(const void* data, size_t size) {
  written_ = written_ && std::fwrite(data, 1, size, file_.get()) == size;
}

void CacheFileWriter::finish() {
  if (std::fclose(file_.release()) != 0 || !written_) {
    std::filesystem::remove(path_);
    throw Error(path_.string() + ": cannot write the " + kind_ + " cache");
  }
}

}  // namespace stac2h3::update
