/** @file items_import.h
 * @brief Importing STAC items from local files (ItemCollection JSON, NDJSON, folders of
 * item files, as pystac-client and rustac write them) into an items GeoPackage.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "stac/item_parser.h"
#include "store/items_gpkg.h"

namespace stac2h3::store {

/**
 * Items per import transaction. A commit writes every page the batch touched in the unique
 * (collection, id) index and the R-tree, which are spread over the whole file, so bigger
 * batches share those writes: a global synthetic month (458k items) imports in ~14 s of CPU
 * with 5,000, ~11 s with 20,000 and about the same with 50,000, which holds 30 MB more in
 * memory. A kill loses at most one batch, which a rerun imports again.
 */
inline constexpr size_t kImportBatchItems = 20000;

/** What an import did. */
struct ImportSummary {
  int64_t files = 0;       ///< input files read
  int64_t features = 0;    ///< features seen
  int64_t added = 0;       ///< new rows
  int64_t replaced = 0;    ///< rows that replaced a stored (collection, id)
  int64_t skipped = 0;     ///< well-formed features that are not usable items
  int64_t bad_inputs = 0;  ///< malformed NDJSON lines or JSON files (nothing read from them)
};

/** Receives one line per skipped feature and per malformed line or file. */
using ImportReporter = std::function<void(const std::string& line)>;

/**
 * Imports every item of `inputs` into `writer`, in batches of one transaction each.
 *
 * Formats by extension: `.ndjson`, `.jsonl`, `.geojsonl` are one item per line; `.json`
 * and `.geojson` are a FeatureCollection or one Feature. A directory is walked recursively
 * for those extensions, in name order. A malformed line (or file) does not stop the
 * import: it is reported as "file:line: malformed JSON (...)", counted in `bad_inputs`,
 * and the items before and after it are stored.
 *
 * @param inputs    files and directories.
 * @param options   the parser options (extra properties, collections); their extra keys
 *                  must be the writer's.
 * @param writer    the destination.
 * @param report    called for each skipped feature and bad line (may be empty).
 * @return the counts.
 * @throws stac2h3::InputError when an input does not exist or a directory holds no item
 *         file; stac2h3::Error on write errors (batches written so far are kept).
 */
ImportSummary importItems(const std::vector<std::filesystem::path>& inputs,
                          const stac::ParseOptions& options, ItemsWriter& writer,
                          const ImportReporter& report);

}  // namespace stac2h3::store
