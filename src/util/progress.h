/** @file progress.h
 * @brief A thread-safe progress line for long work: count, rate and ETA on a terminal,
 * silence in logs.
 *
 * The line is drawn on stderr only when stderr is a terminal (or when forced), redrawn at
 * most a few times per second, and replaced by a one-line summary at `finish()`. Counting
 * is a relaxed atomic add, cheap enough for per-item calls from many threads.
 */
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace stac2h3 {

class Progress {
 public:
  /**
   * @param label  what is counted, e.g. "items" or "slices".
   * @param total  the expected total, or 0 when unknown (then no ETA is shown).
   */
  explicit Progress(std::string label, int64_t total = 0);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /** Adds `n` to the count and redraws if the last draw is old enough. */
  void add(int64_t n = 1);
  /** Sets the expected total (when it becomes known late). */
  void setTotal(int64_t total);
  /** Free text shown after the numbers, e.g. "slice 2024-01-03". */
  void setDetail(const std::string& detail);
  int64_t count() const { return count_.load(std::memory_order_relaxed); }
  double elapsedSeconds() const;
  /** Clears the live line; prints `summary` as a line on stderr if it is not empty. */
  void finish(const std::string& summary = "");

  /** True when progress lines are drawn (stderr is a terminal, or STAC2H3_PROGRESS=1). */
  static bool enabled();

 private:
  void draw(bool force);

  std::string label_;
  std::atomic<int64_t> count_{0};
  std::atomic<int64_t> total_;
  std::atomic<int64_t> last_draw_ns_{0};
  std::chrono::steady_clock::time_point start_;
  std::mutex draw_mutex_;
  std::string detail_;
  bool finished_ = false;
  bool drawn_ = false;
};

}  // namespace stac2h3
