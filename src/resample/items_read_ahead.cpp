/** @file items_read_ahead.cpp
 * @brief Items read on a background thread in batches (see items_read_ahead.h).
 */
#include "resample/items_read_ahead.h"

#include <array>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace stac2h3::resample {

namespace {

// Small batches stay in the L2 cache between the copy and the consumer's reads; many of them
// (~8 MB) let each thread run ahead while the other waits for a core (the overlaps run on the
// workers meanwhile): with 4, reading a year at res 5 took ~0.4 s longer.
constexpr size_t kBatchRows = 512;
constexpr size_t kBatches = 32;

/** A queue of batches between the two threads; close() wakes and stops the waiters. */
class BatchQueue {
 public:
  void push(RawItemBatch* batch) {
    {
      std::lock_guard lock(mutex_);
      batches_.push_back(batch);
    }
    ready_.notify_one();
  }
  /** The next batch (nullptr marks the end); false once closed. */
  bool pop(RawItemBatch*& batch) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return closed_ || !batches_.empty(); });
    if (closed_) return false;
    batch = batches_.front();
    batches_.pop_front();
    return true;
  }
  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<RawItemBatch*> batches_;
  bool closed_ = false;
};

/** Copies one row's texts and blob into the batch's bytes; views are fixed by finish(). */
class BatchFiller {
 public:
  explicit BatchFiller(RawItemBatch& batch) : batch_(batch) {
    batch_.items.clear();
    batch_.bytes.clear();
    batch_.numbers.clear();
    bounds_.clear();
  }

  void add(const store::RawItem& raw) {
    batch_.items.push_back(raw);
    std::array<size_t, kParts + 1> bounds;
    bounds[0] = batch_.bytes.size();
    batch_.bytes.append(reinterpret_cast<const char*>(raw.geometry.data()), raw.geometry.size());
    const std::string_view texts[] = {raw.id,       raw.collection, raw.datetime,
                                      raw.platform, raw.mgrs_tile,  raw.processing_baseline};
    for (size_t i = 0; i < std::size(texts); ++i) {
      bounds[i + 1] = batch_.bytes.size();
      batch_.bytes.append(texts[i]);
    }
    bounds[kParts] = batch_.bytes.size();
    bounds_.push_back(bounds);
    batch_.numbers.insert(batch_.numbers.end(), raw.numbers.begin(), raw.numbers.end());
  }

  /** Points every row's views into the (now stable) bytes. */
  void finish() {
    const char* base = batch_.bytes.data();
    const double* numbers = batch_.numbers.data();
    for (size_t r = 0; r < batch_.items.size(); ++r) {
      const auto& b = bounds_[r];
      store::RawItem& item = batch_.items[r];
      item.geometry = {reinterpret_cast<const uint8_t*>(base + b[0]), b[1] - b[0]};
      std::string_view* texts[] = {&item.id,       &item.collection, &item.datetime,
                                   &item.platform, &item.mgrs_tile,  &item.processing_baseline};
      for (size_t i = 0; i < std::size(texts); ++i) {
        *texts[i] = std::string_view(base + b[i + 1], b[i + 2] - b[i + 1]);
      }
      item.numbers = {numbers, item.numbers.size()};
      numbers += item.numbers.size();
    }
  }

 private:
  static constexpr size_t kParts = 7;  // the geometry and six texts
  RawItemBatch& batch_;
  std::vector<std::array<size_t, kParts + 1>> bounds_;
};

}  // namespace

int64_t readItemsAhead(const std::filesystem::path& items_gpkg, const store::ItemsQuery& query,
                       const std::function<void(const RawItemBatch&)>& consume) {
  std::array<RawItemBatch, kBatches> batches;
  BatchQueue empty, filled;
  for (RawItemBatch& batch : batches) empty.push(&batch);
  std::exception_ptr failure;
  std::thread reader([&] {
    try {
      store::ItemsReader items(items_gpkg, query);
      store::RawItem raw;
      bool more = true;
      RawItemBatch* batch = nullptr;
      while (more && empty.pop(batch)) {
        BatchFiller filler(*batch);
        while (batch->items.size() < kBatchRows && (more = items.next(raw))) filler.add(raw);
        filler.finish();
        filled.push(batch);
      }
    } catch (...) {
      failure = std::current_exception();
    }
    filled.push(nullptr);
  });
  int64_t rows = 0;
  try {
    RawItemBatch* batch = nullptr;
    while (filled.pop(batch) && batch != nullptr) {
      if (!batch->items.empty()) consume(*batch);
      rows += static_cast<int64_t>(batch->items.size());
      empty.push(batch);
    }
  } catch (...) {
    empty.close();  // the reader stops at its next batch
    reader.join();
    throw;
  }
  reader.join();
  if (failure) std::rethrow_exception(failure);
  return rows;
}

}  // namespace stac2h3::resample
