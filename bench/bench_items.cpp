/** @file bench_items.cpp
 * @brief Items throughput: parsing real STAC pages (full items with assets, and
 * Fields-trimmed ones without assets/links), parse-and-store into items.gpkg, and streaming
 * reads back (decoded and raw). One core; counters are items per second.
 */
#include <benchmark/benchmark.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "stac/item_parser.h"
#include "store/items_gpkg.h"
#include "store/items_import.h"

namespace {

using stac2h3::stac::Item;
using stac2h3::stac::ItemParser;
using stac2h3::store::ItemsReader;
using stac2h3::store::ItemsWriter;

const char* kSources[] = {"earthsearch-v1.ndjson",
                          "planetary-computer.ndjson",
                          "planetary-computer-geoparquet-rustac.ndjson",
                          "cdse.ndjson",
                          "stactools-sentinel2.ndjson",
                          "earthsearch-v0-legacy.ndjson"};

std::filesystem::path sharedItems() {
  return std::filesystem::path(STAC2H3_SOURCE_DIR) / "../shared/data/sentinel2-stac/items";
}

/** Every real item with a geometry, one JSON object each. */
std::vector<std::string> realItems() {
  std::vector<std::string> items;
  for (const char* name : kSources) {
    std::ifstream in(sharedItems() / name);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find("\"geometry\":{") != std::string::npos) items.push_back(line);
    }
  }
  return items;
}

/** The item without `assets` and `links`, as a Fields request returns it. */
std::string trimmed(const std::string& item) {
  simdjson::dom::parser parser;
  simdjson::dom::object object = parser.parse(item).get_object().value();
  std::string out = "{";
  for (auto field : object) {
    if (field.key == "assets" || field.key == "links") continue;
    if (out.size() > 1) out += ",";
    out += "\"" + std::string(field.key) + "\":" + simdjson::minify(field.value);
  }
  return out + "}";
}

/** FeatureCollection pages of `per_page` items each holding every real item, repeated
 * until there are at least `at_least` items. */
std::vector<std::string> pagesOf(const std::vector<std::string>& items, size_t per_page,
                                 size_t at_least = 0) {
  std::vector<std::string> pages;
  for (size_t i = 0; i < std::max(items.size(), at_least); i += per_page) {
    std::string page = R"({"type":"FeatureCollection","features":[)";
    for (size_t j = i; j < i + per_page; ++j) {
      if (j > i) page += ",";
      page += items[j % items.size()];
    }
    pages.push_back(page + R"(],"links":[]})");
  }
  return pages;
}

const std::vector<std::string>& fullItems() {
  static const std::vector<std::string> items = realItems();
  return items;
}

const std::vector<std::string>& trimmedItems() {
  static const std::vector<std::string> items = [] {
    std::vector<std::string> all = realItems();
    for (std::string& item : all) item = trimmed(item);
    return all;
  }();
  return items;
}

std::filesystem::path scratch(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("stac2h3_bench_" + std::to_string(getpid()) + "_" + name);
}

void removeDb(const std::filesystem::path& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path.string() + suffix);
  }
}

void parsePages(benchmark::State& state, const std::vector<std::string>& pages) {
  ItemParser parser;
  int64_t items = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      const auto parsed = parser.parsePage(page, "bench");
      items += static_cast<int64_t>(parsed.items.size());
      bytes += static_cast<int64_t>(page.size());
    }
  }
  state.counters["items/s"] =
      benchmark::Counter(static_cast<double>(items), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(bytes);
}

/** Parses `pages` and stores their items, `per_transaction` items a transaction (a page
 * per transaction when it is the page size, as download does; kImportBatchItems as import
 * does, with `pages` holding that many). The file grows across iterations, as a long
 * download's does. */
void parseAndStore(benchmark::State& state, const std::vector<std::string>& pages,
                   size_t per_transaction) {
  const auto path = scratch("store.gpkg");
  removeDb(path);
  ItemParser parser;
  int64_t items = 0;
  {
    ItemsWriter writer(path);
    int64_t serial = 0;
    std::vector<Item> batch;
    for (auto _ : state) {
      for (const std::string& page : pages) {
        auto parsed = parser.parsePage(page, "bench");
        // Unique ids, so every row is an insert (as in a download).
        for (Item& item : parsed.items) {
          item.id += "#" + std::to_string(++serial);
          batch.push_back(std::move(item));
        }
        items += static_cast<int64_t>(parsed.items.size());
        if (batch.size() >= per_transaction) {
          writer.write(batch);
          batch.clear();
        }
      }
      writer.write(batch);
      batch.clear();
    }
  }
  removeDb(path);
  state.counters["items/s"] =
      benchmark::Counter(static_cast<double>(items), benchmark::Counter::kIsRate);
}

// The first argument is the page size (items per page), the second the items per write
// transaction.
void BM_ParsePage_Full(benchmark::State& state) {
  parsePages(state, pagesOf(fullItems(), static_cast<size_t>(state.range(0))));
}
void BM_ParsePage_Trimmed(benchmark::State& state) {
  parsePages(state, pagesOf(trimmedItems(), static_cast<size_t>(state.range(0))));
}
void BM_ParseAndStore_Full(benchmark::State& state) {
  const auto per_transaction = static_cast<size_t>(state.range(1));
  parseAndStore(state, pagesOf(fullItems(), static_cast<size_t>(state.range(0)), per_transaction),
                per_transaction);
}
void BM_ParseAndStore_Trimmed(benchmark::State& state) {
  const auto per_transaction = static_cast<size_t>(state.range(1));
  parseAndStore(state,
                pagesOf(trimmedItems(), static_cast<size_t>(state.range(0)), per_transaction),
                per_transaction);
}

/** A file of `count` trimmed real items (ids made unique), written once. */
const std::filesystem::path& readFixture(int64_t count) {
  static const std::filesystem::path path = [count] {
    const auto file = scratch("read.gpkg");
    removeDb(file);
    ItemParser parser;
    std::vector<Item> all;
    for (const std::string& page : pagesOf(trimmedItems(), 1000)) {
      auto parsed = parser.parsePage(page, "bench");
      for (Item& item : parsed.items) all.push_back(std::move(item));
    }
    ItemsWriter writer(file);
    std::vector<Item> batch;
    for (int64_t i = 0; i < count; ++i) {
      Item item = all[static_cast<size_t>(i) % all.size()];
      item.id += "#" + std::to_string(i);
      batch.push_back(std::move(item));
      if (batch.size() == 10000) {
        writer.write(batch);
        batch.clear();
      }
    }
    writer.write(batch);
    return file;
  }();
  return path;
}

constexpr int64_t kReadItems = 200000;

void BM_ReadItems_Decoded(benchmark::State& state) {
  const auto& path = readFixture(kReadItems);
  int64_t items = 0;
  for (auto _ : state) {
    ItemsReader reader(path);
    Item item;
    while (reader.next(item)) ++items;
  }
  state.counters["items/s"] =
      benchmark::Counter(static_cast<double>(items), benchmark::Counter::kIsRate);
}

void BM_ReadItems_Raw(benchmark::State& state) {
  const auto& path = readFixture(kReadItems);
  int64_t items = 0;
  size_t blob_bytes = 0;
  for (auto _ : state) {
    ItemsReader reader(path);
    stac2h3::store::RawItem raw;
    while (reader.next(raw)) {
      ++items;
      blob_bytes += raw.geometry.size();
    }
  }
  benchmark::DoNotOptimize(blob_bytes);
  state.counters["items/s"] =
      benchmark::Counter(static_cast<double>(items), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_ParsePage_Full)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParsePage_Trimmed)->Arg(100)->Unit(benchmark::kMillisecond);
// Pages of 100 (full items, as download asks without Fields) and 1000 (Fields-trimmed),
// stored a page per transaction (download) or kImportBatchItems per transaction (import).
constexpr int64_t kImportBatch = static_cast<int64_t>(stac2h3::store::kImportBatchItems);
BENCHMARK(BM_ParseAndStore_Full)
    ->Args({100, 100})
    ->Args({100, kImportBatch})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAndStore_Trimmed)
    ->Args({1000, 1000})
    ->Args({1000, kImportBatch})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadItems_Decoded)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadItems_Raw)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
