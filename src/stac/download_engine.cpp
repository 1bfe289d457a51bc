/** @file download_engine.cpp
 * @brief Slices in parallel, pages with retries, writes funnelled to one sink (see
 * download_engine.h).
 */
#include "stac/download_engine.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "stac/conformance.h"
#include "stac/item_parser.h"
#include "stac/pager.h"
#include "util/error.h"
#include "util/progress.h"

namespace stac2h3::stac {

namespace {

/** Warnings about skipped features kept for the summary (the count is always reported). */
constexpr size_t kMaxSkipWarnings = 5;
/** The page size never shrinks below this on 502s. */
constexpr int kMinLimit = 10;

/** State shared by the workers. */
struct Shared {
  const DownloadOptions& options;
  ItemSink& sink;
  const std::vector<DateSlice>& slices;  // the ones to fetch
  bool fields = false;
  std::atomic<int> limit{0};
  std::atomic<size_t> next_slice{0};
  std::atomic<bool> stop{false};
  std::atomic<int64_t> items{0}, new_items{0}, pages{0}, retries{0}, skipped{0};
  std::mutex sink_mutex;  // the funnel: one sink call at a time
  std::mutex report_mutex;
  std::string error;
  int error_exit_code = kExitFailure;
  std::vector<std::string> warnings;
  Progress progress;

  Shared(const DownloadOptions& opts, ItemSink& out, const std::vector<DateSlice>& todo)
      : options(opts), sink(out), slices(todo), progress("slices", std::ssize(todo)) {}

  void warn(std::string line) {
    std::lock_guard lock(report_mutex);
    warnings.push_back(std::move(line));
  }
  void fail(const Error& error_thrown) {
    std::lock_guard lock(report_mutex);
    if (error.empty()) {
      error = error_thrown.what();
      error_exit_code = error_thrown.exitCode();
    }
    stop = true;
  }
  void showRate() {
    const double seconds = progress.elapsedSeconds();
    char detail[96];
    std::snprintf(detail, sizeof detail, "%lld items  %.0f items/s",
                  static_cast<long long>(items.load()),
                  seconds > 0 ? static_cast<double>(items.load()) / seconds : 0.0);
    progress.setDetail(detail);
    progress.add(0);  // redraws when due
  }
};

/** One worker's connection and parser; fetches whole slices. */
class SliceFetcher {
 public:
  explicit SliceFetcher(Shared& shared)
      : shared_(shared),
        client_(shared.options.http),
        parser_(
            ParseOptions{shared.options.query.extra_properties, shared.options.query.collections}),
        seed_(std::random_device{}()) {}

  /** Fetches every page of `slice`; returns normally when the slice is finished or the
   * download was stopped. @throws stac2h3::Error naming the slice and URL. */
  void fetch(const DateSlice& slice) {
    const auto& options = shared_.options;
    Pager pager(searchUrl(options.query),
                searchBody(options.query, slice, shared_.limit.load(), shared_.fields));
    for (;;) {
      std::optional<Page> fetched = fetchPage(slice, pager);
      if (!fetched) return;  // stopped by another slice's failure: the slice stays unfinished
      Page& page = *fetched;
      std::erase_if(page.items, [&](const Item& item) {
        const auto when = parseUtcMicros(item.datetime);
        // An unreadable datetime cannot be placed: keep it where the server put it.
        return when && !slice.owns(*when);
      });
      noteSkipped(page);
      const Pager::Step step = pager.advance(page);
      if (step == Pager::Step::kRepeated) {
        shared_.warn("slice " + slice.key() + ": " + pager.repeatReason() +
                     "; the slice stops there");
      }
      const bool last = step != Pager::Step::kNext;
      {
        std::lock_guard lock(shared_.sink_mutex);
        shared_.new_items += shared_.sink.write(page.items, last ? slice.key() : "");
      }
      shared_.items += std::ssize(page.items);
      ++shared_.pages;
      shared_.showRate();
      if (last) return;
    }
  }

 private:
  /** The current page of `pager`, parsed, retrying transient faults (a body that does not
   * parse counts as cut); a 502 also halves the page size. nullopt when the download was
   * stopped meanwhile. */
  std::optional<Page> fetchPage(const DateSlice& slice, Pager& pager) {
    Retrier retrier(shared_.options.retry, seed_++, &shared_.stop);
    for (;;) {
      if (shared_.stop) return std::nullopt;
      const HttpRequest& request = pager.request();
      const HttpResponse response = client_.send(request);
      const Outcome outcome = classify(response);
      std::string failure;
      if (outcome == Outcome::kSuccess) {
        try {
          return parser_.parsePage(response.body, request.url);
        } catch (const Error& error) {
          failure = error.what();
        }
      } else {
        failure = describeFailure(response);
      }
      const auto fail = [&](const std::string& how) {
        return Error("slice " + slice.key() + ": " + request.method + ' ' + request.url + " page " +
                     std::to_string(pager.pageNumber()) + ": " + failure + how);
      };
      if (outcome == Outcome::kFatal) throw fail("");
      if (response.status == 502) shrinkLimit(pager);
      if (!retrier.waitBeforeRetry(response)) {
        if (shared_.stop) return std::nullopt;
        throw fail(" (gave up after " + std::to_string(retrier.attempts()) + " attempts)");
      }
      ++shared_.retries;
    }
  }

  /** Earth Search answers 502 when a page is too large: halve the page size for this and
   * every later request. */
  void shrinkLimit(Pager& pager) {
    int current = shared_.limit.load();
    const int smaller = std::max(kMinLimit, current / 2);
    while (smaller < current && !shared_.limit.compare_exchange_weak(current, smaller)) {
    }
    pager.setLimit(shared_.limit.load());
  }

  void noteSkipped(const Page& page) {
    const int64_t before = shared_.skipped.fetch_add(std::ssize(page.skipped));
    for (size_t i = 0; i < page.skipped.size(); ++i) {
      if (static_cast<size_t>(before) + i >= kMaxSkipWarnings) break;
      shared_.warn("skipped " + page.skipped[i]);
    }
  }

  Shared& shared_;
  HttpClient client_;
  ItemParser parser_;
  uint64_t seed_;
};

void runWorker(Shared& shared) {
  try {
    SliceFetcher fetcher(shared);
    for (;;) {
      const size_t index = shared.next_slice.fetch_add(1);
      if (index >= shared.slices.size() || shared.stop) return;
      fetcher.fetch(shared.slices[index]);
      if (shared.stop) return;
      shared.progress.add(1);
    }
  } catch (const Error& error) {
    shared.fail(error);
  } catch (const std::exception& error) {
    shared.fail(Error(error.what()));
  }
}

/** Refuses a sink filled by another query; records this query in a fresh one. */
void claimSink(const DownloadOptions& options, ItemSink& sink) {
  const std::string query = describeQuery(options);
  const auto metadata = sink.metadata();
  const auto stored = metadata.find("query");
  if (stored != metadata.end() && stored->second != query) {
    throw InputError(sink.name() + " holds the download of another query (" + stored->second +
                     "); resume with the same command or write to another file");
  }
  if (stored == metadata.end()) {
    sink.setMetadata("query", query);
    sink.setMetadata("source_api", options.query.api);
    std::string collections;
    for (const auto& collection : options.query.collections) {
      collections += (collections.empty() ? "" : ",") + collection;
    }
    sink.setMetadata("collection", collections);
    sink.setMetadata("software_version", "stac2h3 " STAC2H3_VERSION);
  }
}

}  // namespace

std::string DownloadSummary::line() const {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "download: %lld items (%lld new) in %lld pages, %lld retries, %d slices "
                "(%d done before), %lld features skipped, %.1f s",
                static_cast<long long>(items), static_cast<long long>(new_items),
                static_cast<long long>(pages), static_cast<long long>(retries), slices,
                slices_resumed, static_cast<long long>(skipped_features), seconds);
  return buffer;
}

std::string describeQuery(const DownloadOptions& options) {
  const auto& query = options.query;
  JsonObject description;
  description.set("api", jsonString(query.api));
  description.set("collections", jsonStringArray(query.collections));
  if (query.intersects) {
    description.set("intersects", geoJsonGeometry(*query.intersects));
  } else if (query.bbox) {
    const auto& box = *query.bbox;
    description.set("bbox", '[' + jsonNumber(box[0]) + ',' + jsonNumber(box[1]) + ',' +
                                jsonNumber(box[2]) + ',' + jsonNumber(box[3]) + ']');
  }
  description.set("start", jsonString(formatUtcDay(options.first_day)));
  description.set("end", jsonString(formatUtcDay(options.last_day)));
  const auto& length = options.slice_length;
  description.set("slice", jsonString(std::to_string(length.count) +
                                      (length.unit == SliceLength::Unit::kDays ? "d" : "m")));
  description.set("properties", jsonStringArray(query.extra_properties));
  return description.dump();
}

DownloadSummary runDownload(const DownloadOptions& options, ItemSink& sink) {
  if (options.jobs < 1) throw InputError("--jobs must be at least 1");
  claimSink(options, sink);
  const auto all_slices = makeDateSlices(options.first_day, options.last_day, options.slice_length);
  const auto done = sink.doneSlices();
  std::vector<DateSlice> todo;
  for (const auto& slice : all_slices) {
    if (!done.contains(slice.key())) todo.push_back(slice);
  }

  DownloadSummary summary;
  summary.slices = static_cast<int>(all_slices.size());
  summary.slices_resumed = summary.slices - static_cast<int>(todo.size());
  Shared shared(options, sink, todo);
  if (!todo.empty()) {
    HttpClient client(options.http);
    shared.fields = conformsToFields(fetchConformance(client, options.query.api, options.retry));
    shared.limit = options.limit > 0 ? options.limit
                   : shared.fields   ? kDefaultLimitWithFields
                                     : kDefaultLimitWithoutFields;
    const int threads = std::min<int>(options.jobs, static_cast<int>(todo.size()));
    std::vector<std::jthread> workers;
    for (int i = 0; i < threads; ++i) workers.emplace_back([&shared] { runWorker(shared); });
  }  // the jthreads join here

  summary.fields = shared.fields;
  summary.items = shared.items;
  summary.new_items = shared.new_items;
  summary.pages = shared.pages;
  summary.retries = shared.retries;
  summary.skipped_features = shared.skipped;
  summary.seconds = shared.progress.elapsedSeconds();
  summary.warnings = shared.warnings;
  if (!shared.error.empty()) {
    shared.progress.finish();
    throw Error(shared.error, shared.error_exit_code);
  }
  shared.progress.finish(summary.line());
  return summary;
}

}  // namespace stac2h3::stac
