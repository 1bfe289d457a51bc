/** @file uncached_writes_test.cpp
 * @brief Files written past the page cache: every size (whole blocks, a tail, both, none),
 * replacing a longer file, many files from several threads, and failures named.
 */
#include "util/uncached_writes.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "util/error.h"

namespace stac2h3 {
namespace {

namespace fs = std::filesystem;

fs::path scratchDir(const fs::path& parent, const std::string& name) {
  const fs::path dir = parent / ("stac2h3_uncached_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

AlignedBytes pattern(size_t size, uint8_t seed) {
  AlignedBytes bytes;
  bytes.resize(size);
  for (size_t i = 0; i < size; ++i) bytes.data()[i] = static_cast<uint8_t>(i * 31 + seed);
  return bytes;
}

std::string contents(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string asString(const AlignedBytes& bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

TEST(AlignedBytes, DataIsAlignedForDirectIo) {
  AlignedBytes bytes;
  for (const size_t size : {size_t{1}, size_t{5000}, size_t{1} << 20}) {
    bytes.resize(size);
    EXPECT_EQ(bytes.size(), size);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(bytes.data()) % kDirectIoAlignment, 0u);
  }
}

TEST(WriteFileUncached, EverySizeReadsBackTheSame) {
  // /dev/shm is tmpfs, where O_DIRECT may be refused: the buffered path must do as well.
  for (const fs::path& parent : {fs::temp_directory_path(), fs::path("/dev/shm")}) {
    if (!fs::is_directory(parent)) continue;
    const fs::path dir = scratchDir(parent, "sizes");
    for (const size_t size : {size_t{0}, size_t{1}, size_t{4095}, size_t{4096}, size_t{4097},
                              size_t{3 * 4096 + 17}, size_t{1} << 20}) {
      const fs::path file = dir / ("f" + std::to_string(size));
      const AlignedBytes bytes = pattern(size, 7);
      writeFileUncached(file, bytes);
      EXPECT_EQ(contents(file), asString(bytes)) << file;
    }
    fs::remove_all(dir);
  }
}

TEST(WriteFileUncached, ReplacesALongerFile) {
  const fs::path dir = scratchDir(fs::temp_directory_path(), "replace");
  const fs::path file = dir / "chunk";
  writeFileUncached(file, pattern(3 * 4096 + 100, 1));
  const AlignedBytes shorter = pattern(4096 + 3, 2);
  writeFileUncached(file, shorter);
  EXPECT_EQ(contents(file), asString(shorter));
  fs::remove_all(dir);
}

TEST(UncachedFileWriter, ManyFilesFromSeveralThreadsAllArrive) {
  const fs::path dir = scratchDir(fs::temp_directory_path(), "many");
  UncachedFileWriter writer(3, 4);
  std::vector<std::thread> callers;
  for (int t = 0; t < 4; ++t) {
    callers.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        AlignedBytes bytes = writer.buffer(0);
        const AlignedBytes source =
            pattern(static_cast<size_t>(1000 * i + t), static_cast<uint8_t>(i));
        bytes.resize(source.size());
        std::copy(source.data(), source.data() + source.size(), bytes.data());
        writer.write(dir / (std::to_string(t) + "_" + std::to_string(i)), std::move(bytes));
      }
    });
  }
  for (std::thread& caller : callers) caller.join();
  writer.finish();
  for (int t = 0; t < 4; ++t) {
    for (int i = 0; i < 50; ++i) {
      const fs::path file = dir / (std::to_string(t) + "_" + std::to_string(i));
      ASSERT_EQ(contents(file),
                asString(pattern(static_cast<size_t>(1000 * i + t), static_cast<uint8_t>(i))))
          << file;
    }
  }
  fs::remove_all(dir);
}

TEST(UncachedFileWriter, AFailedWriteIsReportedByFinishAndLaterWrites) {
  const fs::path dir = scratchDir(fs::temp_directory_path(), "fail");
  UncachedFileWriter writer;
  writer.write(dir / "ok", pattern(100, 1));
  writer.write(dir / "missing" / "chunk", pattern(100, 2));
  try {
    writer.finish();
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("missing/chunk"), std::string::npos) << error.what();
  }
  EXPECT_THROW(writer.write(dir / "later", pattern(10, 3)), Error);
  EXPECT_EQ(contents(dir / "ok"), asString(pattern(100, 1)));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace stac2h3
