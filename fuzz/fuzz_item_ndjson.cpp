/** @file fuzz_item_ndjson.cpp
 * @brief Fuzzes NDJSON as `import` reads it: one item per line (blank lines skipped), every
 * line parsed on its own (ItemParser::parseItem) with extra properties and a collection
 * filter, a malformed line refused without stopping the others; then checks the items.
 */
#include "fuzz/fuzz_check.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static stac2h3::stac::ItemParser parser(stac2h3::stac::ParseOptions{
      {"s2:product_uri", "view:sun_elevation", "eo:cloud_cover", "links"},
      {"sentinel-2-l2a", "sentinel-2-c1-l2a"}});
  const std::string_view text = stac2h3::fuzz::asText(data, size);
  stac2h3::stac::Page page;
  size_t begin = 0;
  for (int64_t number = 1; begin < text.size(); ++number) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      parser.parseItem(line, "fuzz.ndjson:" + std::to_string(number), page);
    } catch (const stac2h3::Error&) {
      // A malformed line: refused alone.
    }
  }
  stac2h3::fuzz::checkItems(page);
  return 0;
}
