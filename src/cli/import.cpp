/** @file import.cpp
 * @brief `stac2h3 import`: local STAC files (JSON, NDJSON, folders) into an items GeoPackage.
 */
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "store/items_import.h"
#include "util/error.h"

namespace stac2h3::cli {
namespace {

struct ImportFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::vector<std::string> properties;
  std::vector<std::string> collections;
  bool quiet = false;
};

void run(const ImportFlags& flags) {
  stac::ParseOptions options;
  options.extra_properties = flags.properties;
  options.collections = flags.collections;
  store::ItemsWriter writer(flags.output, flags.properties);
  writer.setMetadata(std::string(store::kMetaSourceApi), "import");
  writer.setMetadata(std::string(store::kMetaSoftware), "stac2h3 " STAC2H3_VERSION);
  std::vector<std::filesystem::path> inputs(flags.inputs.begin(), flags.inputs.end());
  int64_t bad_lines = 0;
  const auto report = [&](const std::string& line) {
    if (!flags.quiet) std::fprintf(stderr, "stac2h3: %s\n", line.c_str());
  };
  const store::ImportSummary summary = importItems(inputs, options, writer, report);
  bad_lines = summary.bad_inputs;
  std::fprintf(stderr,
               "stac2h3: imported %lld items from %lld files into %s (%lld new, %lld replaced; "
               "%lld features skipped, %lld malformed lines or files)\n",
               static_cast<long long>(summary.added + summary.replaced),
               static_cast<long long>(summary.files), flags.output.c_str(),
               static_cast<long long>(summary.added), static_cast<long long>(summary.replaced),
               static_cast<long long>(summary.skipped), static_cast<long long>(bad_lines));
  if (bad_lines > 0) {
    throw InputError(std::to_string(bad_lines) +
                     " malformed lines or files were skipped (see above); every valid item "
                     "was imported");
  }
}

}  // namespace

void addImportCommand(CLI::App& app) {
  auto flags = std::make_shared<ImportFlags>();
  auto* command = app.add_subcommand(
      "import",
      "Import STAC items from local files into an items GeoPackage (the table `download` "
      "writes).\nReads ItemCollection/FeatureCollection JSON (.json, .geojson), one item per "
      "line (.ndjson, .jsonl) and folders of such files (walked recursively), as "
      "pystac-client and rustac save them. Items are unique by (collection, id): a later "
      "copy replaces an earlier one, also across runs into the same file.\nA malformed line "
      "is reported as 'file:line: ...', skipped, and the import goes on; the exit status is "
      "then 2. Features that are not usable items (no geometry, no datetime, ...) are "
      "reported and counted, not errors.");
  command->add_option("inputs", flags->inputs, "files or folders to import")
      ->required()
      ->check(CLI::ExistingPath);
  command
      ->add_option("-o,--output", flags->output,
                   "the items GeoPackage; created when absent, appended to otherwise")
      ->required();
  command
      ->add_option("--properties", flags->properties,
                   "extra item properties to keep, one TEXT column each (':' becomes '_'), "
                   "e.g. s2:product_uri,view:sun_elevation; default: none")
      ->delimiter(',');
  command
      ->add_option("--collection", flags->collections,
                   "keep only items of these collections (comma-separated); default: all")
      ->delimiter(',');
  command->add_flag("-q,--quiet", flags->quiet,
                    "do not list skipped features and malformed lines (the summary stays)");
  command->callback([flags] { run(*flags); });
}

}  // namespace stac2h3::cli
