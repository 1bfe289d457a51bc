/** @file fuzz_item_json.cpp
 * @brief Fuzzes a STAC JSON document as `import` reads a .json file: an ItemCollection or a
 * single Feature (ItemParser::parseDocument), then checks the items (fuzz_check.h).
 */
#include "fuzz/fuzz_check.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static stac2h3::stac::ItemParser parser;  // reused, as import does, to fuzz its buffers too
  try {
    stac2h3::fuzz::checkItems(parser.parseDocument(stac2h3::fuzz::asText(data, size), "fuzz.json"));
  } catch (const stac2h3::Error&) {
    // Malformed JSON or not STAC: a one-line refusal, as intended.
  }
  return 0;
}
