/** @file progress.cpp
 * @brief The live progress line (see progress.h).
 */
#include "util/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace stac2h3 {

namespace {

constexpr int64_t kRedrawIntervalNs = 200'000'000;  // five redraws per second at most

int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string formatDuration(double seconds) {
  char buffer[32];
  const auto whole = static_cast<long>(seconds + 0.5);
  if (whole >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", whole / 3600, (whole / 60) % 60);
  } else if (whole >= 60) {
    std::snprintf(buffer, sizeof buffer, "%ldm%02lds", whole / 60, whole % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lds", whole);
  }
  return buffer;
}

}  // namespace

bool Progress::enabled() {
  static const bool on = [] {
    const char* forced = std::getenv("STAC2H3_PROGRESS");
    if (forced != nullptr) return std::strcmp(forced, "0") != 0;
    return isatty(STDERR_FILENO) == 1;
  }();
  return on;
}

Progress::Progress(std::string label, int64_t total)
    : label_(std::move(label)), total_(total), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { finish(); }

double Progress::elapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::add(int64_t n) {
  count_.fetch_add(n, std::memory_order_relaxed);
  if (!enabled()) return;
  const int64_t now = nowNs();
  int64_t last = last_draw_ns_.load(std::memory_order_relaxed);
  if (now - last < kRedrawIntervalNs) return;
  if (!last_draw_ns_.compare_exchange_strong(last, now)) return;  // another thread draws
  draw(false);
}

void Progress::setTotal(int64_t total) { total_.store(total, std::memory_order_relaxed); }

void Progress::setDetail(const std::string& detail) {
  std::lock_guard lock(draw_mutex_);
  detail_ = detail;
}

void Progress::draw(bool force) {
  std::lock_guard lock(draw_mutex_);
  if (finished_ && !force) return;
  const int64_t done = count();
  const int64_t total = total_.load(std::memory_order_relaxed);
  const double seconds = elapsedSeconds();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  std::string line = std::to_string(done);
  if (total > 0) line += "/" + std::to_string(total);
  line += " " + label_;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "  %.0f/s", rate);
  line += buffer;
  if (total > 0 && rate > 0 && done < total) {
    line += "  ETA " + formatDuration(static_cast<double>(total - done) / rate);
  }
  if (!detail_.empty()) line += "  " + detail_;
  if (line.size() > 100) line.resize(100);
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish(const std::string& summary) {
  std::lock_guard lock(draw_mutex_);
  if (finished_) return;
  finished_ = true;
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  if (!summary.empty()) std::fprintf(stderr, "%s\n", summary.c_str());
  std::fflush(stderr);
}

}  // namespace stac2h3
