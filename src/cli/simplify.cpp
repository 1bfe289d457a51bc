/** @file simplify.cpp
 * @brief `stac2h3 simplify`: a smaller copy of an items GeoPackage with only some columns.
 */
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "store/items_simplify.h"

namespace stac2h3::cli {
namespace {

struct SimplifyFlags {
  std::string input;
  std::string output;
  store::SimplifyColumns columns;
};

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ",") + name;
  return text.empty() ? "(none)" : text;
}

void run(const SimplifyFlags& flags) {
  const store::SimplifySummary summary =
      store::simplifyItems(flags.input, flags.output, flags.columns);
  std::printf("%s: %ju bytes\n%s: %ju bytes (%.1f%%)\nkept: %s\ndropped: %s\n", flags.input.c_str(),
              summary.bytes_before, flags.output.c_str(), summary.bytes_after,
              summary.bytes_before ? 100.0 * static_cast<double>(summary.bytes_after) /
                                         static_cast<double>(summary.bytes_before)
                                   : 0.0,
              joined(summary.kept).c_str(), joined(summary.dropped).c_str());
}

}  // namespace

void addSimplifyCommand(CLI::App& app) {
  auto flags = std::make_shared<SimplifyFlags>();
  auto* command = app.add_subcommand(
      "simplify",
      "Write a smaller copy of an items GeoPackage: keep fid, geom, id, collection, datetime, "
      "the value columns (the six percentages and every numeric extra column, what resample "
      "maps) and the --keep columns, less the --drop columns; drop the rest (and the "
      "download resume table), compact, and print the sizes before and after. The copy is "
      "read by resample/cells and any GeoPackage reader; it cannot be downloaded or imported "
      "into.");
  command->add_option("input", flags->input, "the items GeoPackage to read (left unchanged)")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("-o,--output", flags->output, "the new GeoPackage (must not exist)")
      ->required();
  command
      ->add_option("--keep", flags->columns.keep,
                   "more columns to keep, comma-separated: platform, mgrs_tile, "
                   "processing_baseline (resample needs mgrs_tile and processing_baseline to "
                   "count a duplicated acquisition once), or a text extra column (e.g. "
                   "s2_product_uri). Default: none")
      ->delimiter(',');
  command
      ->add_option("--drop", flags->columns.drop,
                   "value columns to remove, comma-separated (e.g. nodata,water); they read "
                   "as NULL, so resample maps them as NaN. Default: none")
      ->delimiter(',');
  command->callback([flags] { run(*flags); });
}

}  // namespace stac2h3::cli
