/** @file uncached_writes.h
 * @brief Files written by background threads past the page cache (O_DIRECT): for outputs
 * written once and read by others later, such as a cube's chunks.
 *
 * A buffered write copies every byte into page cache pages. On a virtual machine that hands
 * memory freed by the guest back to the host (free page reporting, as the 2-core VMs this was
 * measured on do), each of those pages costs a host fault: writing a year's pyramid at res 5
 * (1.7 GB) spent 5.2 s of kernel CPU in that copy, a tenth of the run. O_DIRECT sends the
 * writer's own buffer to the device; the write then waits for the device, so it is done by a
 * few threads of its own while the callers go on compressing. Where the file system refuses
 * O_DIRECT the same threads write through the page cache.
 */
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace stac2h3 {

/** Memory alignment that O_DIRECT needs: a multiple of every device's logical block size (512
 * or 4,096 bytes) and of the page size. Writes past the page cache are made of whole blocks of
 * this size; a file's last partial block goes through the page cache. */
inline constexpr size_t kDirectIoAlignment = 4096;

/** Bytes aligned to kDirectIoAlignment; resize() keeps the memory when it is large enough and
 * does not keep the contents when it grows. */
class AlignedBytes {
 public:
  uint8_t* data() { return bytes_.get(); }
  const uint8_t* data() const { return bytes_.get(); }
  size_t size() const { return size_; }
  void resize(size_t size);
  std::span<const uint8_t> span() const { return {bytes_.get(), size_}; }

 private:
  struct Free {
    void operator()(uint8_t* bytes) const { std::free(bytes); }
  };
  std::unique_ptr<uint8_t[], Free> bytes_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

/**
 * Writes `bytes` as the whole of `file` (created, or truncated) on the calling thread: its
 * whole blocks past the page cache where the file system allows, the rest through it.
 * @throws stac2h3::Error naming the file when it cannot be created or written.
 */
void writeFileUncached(const std::filesystem::path& file, const AlignedBytes& bytes);

/** Files written by `threads` background threads (writeFileUncached); thread-safe. */
class UncachedFileWriter {
 public:
  /** @param threads     writes in flight at once.
   *  @param max_queued  writes waiting before write() itself waits (bounds the memory). */
  explicit UncachedFileWriter(size_t threads = 4, size_t max_queued = 16);
  /** Waits for the queued writes; their errors are lost unless finish() was called. */
  ~UncachedFileWriter();
  UncachedFileWriter(const UncachedFileWriter&) = delete;
  UncachedFileWriter& operator=(const UncachedFileWriter&) = delete;

  /** A buffer of `size` bytes for write(), one of those written before when there is one. */
  AlignedBytes buffer(size_t size);

  /** Queues `bytes` to become the whole of `file`; returns at once unless max_queued writes
   * wait. @throws stac2h3::Error when an earlier write failed (naming its file). */
  void write(std::filesystem::path file, AlignedBytes bytes);

  /** Waits until every queued file is written.
   * @throws stac2h3::Error for the first write that failed (naming its file). */
  void finish();

 private:
  struct Job {
    std::filesystem::path file;
    AlignedBytes bytes;
  };
  void work();
  void throwIfFailedLocked();

  const size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> queue_;
  size_t writing_ = 0;
  std::vector<AlignedBytes> spare_;
  std::string first_error_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace stac2h3
