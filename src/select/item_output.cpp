/** @file item_output.cpp
 * @brief Writing the selected items (see item_output.h).
 */
#include "select/item_output.h"

#include <fstream>

#include "util/error.h"

namespace stac2h3::select {

ItemsFormat itemsFormatOf(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".json") return ItemsFormat::kItemCollection;
  if (extension == ".ndjson") return ItemsFormat::kNdjson;
  if (extension == ".txt") return ItemsFormat::kIds;
  throw InputError(path.string() + ": unknown output type (use .json, .ndjson or .txt)");
}

void writeTextFile(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw Error(path.string() + ": cannot write the file");
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) throw Error(path.string() + ": cannot write the file (" + error.message() + ")");
}

void writeSelectedItems(const std::filesystem::path& path, const std::vector<std::string>& features,
                        const std::vector<std::string>& ids) {
  std::string text;
  switch (itemsFormatOf(path)) {
    case ItemsFormat::kItemCollection:
      text = "{\"type\":\"FeatureCollection\",\"features\":[";
      for (size_t i = 0; i < features.size(); ++i) text += (i > 0 ? ",\n" : "\n") + features[i];
      text += "\n]}\n";
      break;
    case ItemsFormat::kNdjson:
      for (const std::string& feature : features) text += feature + '\n';
      break;
    case ItemsFormat::kIds:
      for (const std::string& id : ids) text += id + '\n';
      break;
  }
  writeTextFile(path, text);
}

}  // namespace stac2h3::select
