/** @file items_import.cpp
 * @brief Local STAC files (JSON, NDJSON, folders) into items.gpkg.
 */
#include "store/items_import.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "util/error.h"
#include "util/progress.h"

namespace stac2h3::store {
namespace {

bool isLineDelimited(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".ndjson" || ext == ".jsonl" || ext == ".geojsonl";
}

bool isItemFile(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return isLineDelimited(path) || ext == ".json" || ext == ".geojson";
}

std::vector<std::filesystem::path> expandInputs(const std::vector<std::filesystem::path>& inputs) {
  std::vector<std::filesystem::path> files;
  for (const auto& input : inputs) {
    if (std::filesystem::is_directory(input)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(input)) {
        if (entry.is_regular_file() && isItemFile(entry.path())) found.push_back(entry.path());
      }
      if (found.empty()) throw InputError(input.string() + ": no .json/.geojson/.ndjson files");
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::is_regular_file(input)) {
      files.push_back(input);
    } else {
      throw InputError(input.string() + ": no such file or directory");
    }
  }
  return files;
}

/** Accumulates parsed items and flushes them to the writer in batches. */
class BatchingSink {
 public:
  BatchingSink(ItemsWriter& writer, const ImportReporter& report, ImportSummary& summary,
               Progress& progress)
      : writer_(writer), report_(report), summary_(summary), progress_(progress) {}

  /** Takes the items and skip reasons of `page`, flushing when the batch is full. */
  void take(stac::Page& page) {
    summary_.features += page.features;
    summary_.skipped += static_cast<int64_t>(page.skipped.size());
    if (report_) {
      for (const std::string& line : page.skipped) report_(line);
    }
    for (stac::Item& item : page.items) batch_.push_back(std::move(item));
    page = stac::Page();
    if (batch_.size() >= kImportBatchItems) flush();
  }

  void flush() {
    if (batch_.empty()) return;
    const int64_t added = writer_.write(batch_);
    summary_.added += added;
    summary_.replaced += static_cast<int64_t>(batch_.size()) - added;
    progress_.add(static_cast<int64_t>(batch_.size()));
    batch_.clear();
  }

 private:
  ItemsWriter& writer_;
  const ImportReporter& report_;
  ImportSummary& summary_;
  Progress& progress_;
  std::vector<stac::Item> batch_;
};

void badInput(const std::string& message, const ImportReporter& report, ImportSummary& summary) {
  ++summary.bad_inputs;
  if (report) report(message);
}

void importLines(const std::filesystem::path& path, stac::ItemParser& parser, BatchingSink& sink,
                 const ImportReporter& report, ImportSummary& summary) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot open the file");
  std::string line;
  stac::Page page;
  int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      parser.parseItem(line, path.string() + ":" + std::to_string(number), page);
    } catch (const Error& e) {
      badInput(e.what(), report, summary);
    }
    if (page.items.size() >= 256) sink.take(page);
  }
  sink.take(page);
}

void importDocument(const std::filesystem::path& path, stac::ItemParser& parser, BatchingSink& sink,
                    const ImportReporter& report, ImportSummary& summary) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot open the file");
  std::ostringstream text;
  text << in.rdbuf();
  try {
    stac::Page page = parser.parseDocument(text.str(), path.string());
    sink.take(page);
  } catch (const Error& e) {
    badInput(e.what(), report, summary);
  }
}

}  // namespace

ImportSummary importItems(const std::vector<std::filesystem::path>& inputs,
                          const stac::ParseOptions& options, ItemsWriter& writer,
                          const ImportReporter& report) {
  const std::vector<std::filesystem::path> files = expandInputs(inputs);
  ImportSummary summary;
  Progress progress("items");
  BatchingSink sink(writer, report, summary, progress);
  stac::ItemParser parser(options);
  for (const auto& file : files) {
    progress.setDetail(file.filename().string());
    if (isLineDelimited(file)) {
      importLines(file, parser, sink, report, summary);
    } else {
      importDocument(file, parser, sink, report, summary);
    }
    ++summary.files;
  }
  sink.flush();
  progress.finish();
  return summary;
}

}  // namespace stac2h3::store
