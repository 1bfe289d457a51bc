/** @file download_engine.cpp
 * @brief Slices in parallel, pages with retries, untrusted paging split into pieces, writes
 * funnelled to one sink (see download_engine.h).
 */
#include "stac/download_engine.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include "stac/conformance.h"
#include "stac/item_parser.h"
#include "stac/pager.h"
#include "stac/slice_piece.h"
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
  std::atomic<int64_t> items{0}, new_items{0}, pages{0}, retries{0}, loop_retries{0}, splits{0},
      skipped{0}, matched{0};
  std::atomic<int> slices_counted{0};
  std::mutex sink_mutex;  // the funnel: one sink call at a time
  std::mutex report_mutex;
  std::string error;
  int error_exit_code = kExitFailure;
  std::vector<std::string> warnings;
  std::vector<std::pair<size_t, std::string>> incomplete;  // (slice index, line)
  Progress progress;

  Shared(const DownloadOptions& opts, ItemSink& out, const std::vector<DateSlice>& todo)
      : options(opts), sink(out), slices(todo), progress("slices", std::ssize(todo)) {}

  void warn(std::string line) {
    std::lock_guard lock(report_mutex);
    warnings.push_back(std::move(line));
  }
  void leaveUnfinished(size_t slice_index, std::string line) {
    std::lock_guard lock(report_mutex);
    incomplete.emplace_back(slice_index, std::move(line));
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

/** What paging one piece of a slice found. */
struct PieceOutcome {
  bool stopped = false;  ///< the download was stopped meanwhile
  /** Why the piece cannot be trusted; "" when it is complete. */
  std::string failure;
  /** The last numberMatched the server sent for the piece's query. */
  std::optional<int64_t> matched;
  /** Every distinct feature the query returned ("collection/id", or a skipped feature's
   * line), and whether it is an item the slice owns (stored). */
  std::map<std::string, bool> received;
};

/** One slice's bookkeeping across its pieces. */
struct SliceState {
  const DateSlice& slice;
  std::set<std::string> stored;   // the slice's items written by this run
  std::set<std::string> counted;  // the slice's items of complete pieces, for `matched`
  int64_t matched = 0;
  bool every_piece_counted = true;
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

  /** Fetches `slice`, split into pieces as long as its paging cannot be trusted; records it
   * finished when every piece was completed, else reports it unfinished. Returns early when
   * the download was stopped. @throws stac2h3::Error naming the slice and URL. */
  void fetch(size_t slice_index) {
    const DateSlice& slice = shared_.slices[slice_index];
    SliceState state{slice, {}, {}, 0, true};
    std::vector<SlicePiece> todo = {wholeSlice(slice, shared_.options.query)};
    int pieces = 0;
    std::string failure;  // the first piece that could not be completed, and why
    int failed_pieces = 0;
    while (!todo.empty()) {
      const SlicePiece piece = std::move(todo.back());
      todo.pop_back();
      ++pieces;
      const PieceOutcome outcome = pagePiece(piece, state);
      if (outcome.stopped) return;  // the slice stays unfinished
      if (outcome.failure.empty()) {
        count(outcome, state);
        continue;
      }
      std::vector<SlicePiece> halves;
      if (pieces + std::ssize(todo) + 2 <= shared_.options.max_pieces_per_slice) {
        // Time first: at the shortest span what is left is items sharing one datetime (the
        // tiles of one datatake), which only an area split can part.
        halves = splitByTime(piece);
        if (halves.empty()) halves = splitByArea(piece);
      }
      if (halves.empty()) {
        if (failed_pieces++ == 0) failure = piece.describe() + ": " + outcome.failure;
        continue;
      }
      ++shared_.splits;
      // Depth first, earlier half first: the pieces waiting stay few.
      todo.insert(todo.end(), std::make_move_iterator(halves.rbegin()),
                  std::make_move_iterator(halves.rend()));
    }
    if (failed_pieces > 0) {
      if (failed_pieces > 1) {
        failure += " (and " + std::to_string(failed_pieces - 1) + " more pieces)";
      }
      shared_.leaveUnfinished(slice_index, "slice " + slice.key() + ": " + failure);
      return;
    }
    {
      std::lock_guard lock(shared_.sink_mutex);
      shared_.sink.write({}, slice.key());
    }
    if (state.every_piece_counted) {
      shared_.matched += state.matched;
      ++shared_.slices_counted;
    }
  }

 private:
  /** Pages `piece` afresh to its end, storing the slice's items as they come; then judges
   * the paging: a loop that retries do not mend, fewer distinct items than the last count, or
   * a count at the cap make it a failure. */
  PieceOutcome pagePiece(const SlicePiece& piece, SliceState& state) {
    const auto& options = shared_.options;
    PieceOutcome outcome;
    Pager pager(searchUrl(options.query), searchBody(piece.query, piece.requestInterval(),
                                                     shared_.limit.load(), shared_.fields));
    RetryPolicy loop_policy = options.retry;
    loop_policy.max_attempts = kLoopAttempts;
    Retrier loop_retrier(loop_policy, seed_++, &shared_.stop);
    for (;;) {
      std::optional<Page> fetched = fetchPage(state.slice, pager);
      if (!fetched) {
        outcome.stopped = true;
        return outcome;
      }
      if (fetched->number_matched) outcome.matched = fetched->number_matched;
      noteSkipped(*fetched);
      const Pager::Step step = pager.advance(*fetched);
      keep(*fetched, outcome, state);  // moves the items out
      if (step == Pager::Step::kDone) break;
      if (step == Pager::Step::kNext) {
        loop_retrier = Retrier(loop_policy, seed_++, &shared_.stop);
        continue;
      }
      // A repeat after every counted item arrived is a broken link past the last page.
      if (countReached(outcome)) return outcome;
      if (!loop_retrier.waitBeforeRetry(HttpResponse{})) {
        outcome.stopped = shared_.stop;
        outcome.failure = "paging loops after " + std::to_string(kLoopAttempts) + " attempts (" +
                          pager.repeatReason() + ")";
        return outcome;
      }
      ++shared_.loop_retries;
    }
    if (!outcome.matched) return outcome;  // no count: the loop checks are all there is
    if (*outcome.matched >= options.count_cap) {
      outcome.failure = "numberMatched " + std::to_string(*outcome.matched) +
                        " is at the server's count cap (at least that many)";
    } else if (!countReached(outcome)) {
      outcome.failure = std::to_string(outcome.received.size()) + " distinct items of the " +
                        std::to_string(*outcome.matched) + " matched arrived";
    }
    return outcome;
  }

  /** True when the piece's last count is trustworthy and every counted item arrived. */
  bool countReached(const PieceOutcome& outcome) const {
    return outcome.matched && *outcome.matched < shared_.options.count_cap &&
           std::ssize(outcome.received) >= *outcome.matched;
  }

  /** Notes the page's features as received and writes the slice's own items that this run
   * has not stored yet (a repeated page or a piece searched again writes nothing twice). */
  void keep(Page& page, PieceOutcome& outcome, SliceState& state) {
    std::vector<Item> fresh;
    const auto& query = shared_.options.query;
    for (auto& item : page.items) {
      if (item.self_href.empty()) {  // a Fields response leaves the links out
        const std::string& collection = item.collection.empty() && !query.collections.empty()
                                            ? query.collections.front()
                                            : item.collection;
        item.self_href = itemUrl(query.api, collection, item.id);
      }
      std::string key = item.collection + '/' + item.id;
      const auto when = parseUtcMicros(item.datetime);
      // An unreadable datetime cannot be placed: keep it where the server put it.
      const bool owned = !when || state.slice.owns(*when);
      if (!outcome.received.emplace(key, owned).second) continue;
      if (owned && state.stored.insert(std::move(key)).second) fresh.push_back(std::move(item));
    }
    for (const auto& line : page.skipped) outcome.received.emplace("skipped " + line, false);
    if (!fresh.empty()) {
      std::lock_guard lock(shared_.sink_mutex);
      shared_.new_items += shared_.sink.write(fresh, "");
    }
    shared_.items += std::ssize(fresh);
    ++shared_.pages;
    shared_.showRate();
  }

  /** Adds a complete piece's count to its slice's, less the features it shares with the
   * pieces counted before and those that are not the slice's own items. */
  static void count(const PieceOutcome& outcome, SliceState& state) {
    int64_t not_new = 0;
    for (const auto& [key, owned] : outcome.received) {
      if (!owned || !state.counted.insert(key).second) ++not_new;
    }
    if (outcome.matched) {
      state.matched += *outcome.matched - not_new;
    } else {
      state.every_piece_counted = false;
    }
  }

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
      fetcher.fetch(index);
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
  const int finished = slicesFinished();
  std::string matched_text;
  if (slices_counted == 0) {
    matched_text = "no server counts";
  } else {
    matched_text =
        "the server matched " + std::to_string(matched) + " in " +
        (slices_counted == finished ? "the " : std::to_string(slices_counted) + " of the ") +
        std::to_string(finished) + " finished slices";
  }
  char buffer[320];
  std::snprintf(buffer, sizeof buffer,
                "download: %lld items (%lld new), %s; %lld pages, %lld retries, %lld loops "
                "retried, %lld splits; %d slices (%d done before, %zu unfinished), %lld features "
                "skipped, %.1f s",
                static_cast<long long>(items), static_cast<long long>(new_items),
                matched_text.c_str(), static_cast<long long>(pages),
                static_cast<long long>(retries), static_cast<long long>(loop_retries),
                static_cast<long long>(splits), slices, slices_resumed, incomplete.size(),
                static_cast<long long>(skipped_features), seconds);
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
  summary.loop_retries = shared.loop_retries;
  summary.splits = shared.splits;
  summary.matched = shared.matched;
  summary.slices_counted = shared.slices_counted;
  summary.skipped_features = shared.skipped;
  summary.seconds = shared.progress.elapsedSeconds();
  summary.warnings = shared.warnings;
  std::ranges::sort(shared.incomplete);
  for (auto& [index, line] : shared.incomplete) summary.incomplete.push_back(std::move(line));
  if (!shared.error.empty()) {
    shared.progress.finish();
    throw Error(shared.error, shared.error_exit_code);
  }
  shared.progress.finish(summary.line());
  return summary;
}

}  // namespace stac2h3::stac
