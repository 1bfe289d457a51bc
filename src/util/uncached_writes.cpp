/** @file uncached_writes.cpp
 * @brief Files written by background threads past the page cache (see uncached_writes.h).
 */
#include "util/uncached_writes.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <new>

#include "util/error.h"

namespace stac2h3 {

void AlignedBytes::resize(size_t size) {
  if (size > capacity_) {
    const size_t capacity =
        (size + kDirectIoAlignment - 1) / kDirectIoAlignment * kDirectIoAlignment;
    bytes_.reset(static_cast<uint8_t*>(std::aligned_alloc(kDirectIoAlignment, capacity)));
    if (!bytes_) throw std::bad_alloc();
    capacity_ = capacity;
  }
  size_ = size;
}

namespace {

/** Writes all of [data, data + size) at the file's position; false with errno set when a
 * write fails (`written` says how much went before). */
bool writeAll(int fd, const uint8_t* data, size_t size, size_t& written) {
  written = 0;
  while (written < size) {
    const ssize_t n = ::write(fd, data + written, size - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    written += static_cast<size_t>(n);
  }
  return true;
}

[[noreturn]] void fail(const std::filesystem::path& file, const char* what) {
  throw Error(file.string() + ": cannot " + what + ": " + std::strerror(errno));
}

}  // namespace

void writeFileUncached(const std::filesystem::path& file, const AlignedBytes& bytes) {
  constexpr int kCreate = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
  const size_t whole_blocks = bytes.size() - bytes.size() % kDirectIoAlignment;
  int fd = -1;
  bool direct = false;
  if (whole_blocks > 0) {
    fd = ::open(file.c_str(), kCreate | O_DIRECT, 0666);
    direct = fd >= 0;
  }
  if (fd < 0) fd = ::open(file.c_str(), kCreate, 0666);
  if (fd < 0) fail(file, "create the file");
  struct Closer {
    int fd;
    ~Closer() {
      if (fd >= 0) ::close(fd);
    }
  } closer{fd};

  size_t done = 0;
  if (direct) {
    // EINVAL: the device wants a coarser alignment after all; the rest goes buffered.
    if (!writeAll(fd, bytes.data(), whole_blocks, done) && errno != EINVAL) fail(file, "write");
    if (::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_DIRECT) != 0) fail(file, "write");
  }
  size_t tail = 0;
  if (!writeAll(fd, bytes.data() + done, bytes.size() - done, tail)) fail(file, "write");
  closer.fd = -1;
  if (::close(fd) != 0) fail(file, "write");
}

UncachedFileWriter::UncachedFileWriter(size_t threads, size_t max_queued)
    : max_queued_(std::max<size_t>(max_queued, 1)) {
  for (size_t t = 0; t < std::max<size_t>(threads, 1); ++t)
    threads_.emplace_back([this] { work(); });
}

UncachedFileWriter::~UncachedFileWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

AlignedBytes UncachedFileWriter::buffer(size_t size) {
  AlignedBytes bytes;
  {
    std::lock_guard lock(mutex_);
    if (!spare_.empty()) {
      bytes = std::move(spare_.back());
      spare_.pop_back();
    }
  }
  bytes.resize(size);
  return bytes;
}

void UncachedFileWriter::write(std::filesystem::path file, AlignedBytes bytes) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < max_queued_ || !first_error_.empty(); });
  throwIfFailedLocked();
  queue_.push_back({std::move(file), std::move(bytes)});
  lock.unlock();
  changed_.notify_all();
}

void UncachedFileWriter::finish() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.empty() && writing_ == 0; });
  throwIfFailedLocked();
}

void UncachedFileWriter::throwIfFailedLocked() {
  if (!first_error_.empty()) throw Error(first_error_);
}

void UncachedFileWriter::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    // Queued writes are done before stopping: the destructor waits for them.
    changed_.wait(lock, [&] { return !queue_.empty() || stopping_; });
    if (queue_.empty()) return;
    Job job = std::move(queue_.front());
    queue_.pop_front();
    ++writing_;
    lock.unlock();
    std::string error;
    try {
      writeFileUncached(job.file, job.bytes);
    } catch (const std::exception& e) {
      error = e.what();
    }
    lock.lock();
    --writing_;
    if (!error.empty() && first_error_.empty()) first_error_ = error;
    spare_.push_back(std::move(job.bytes));
    changed_.notify_all();
  }
}

}  // namespace stac2h3
