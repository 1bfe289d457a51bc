/** @file esa_tiles.cpp
 * @brief ESA's tile codes, decoded once from the embedded list (format in
 * scripts/s2_tile_list.py: "33U UPQRSTUV VNPQRSTUV" per zone and band).
 */
#include "synth/esa_tiles.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "util/embed.h"

STAC2H3_EMBED(stac2h3_s2_tiles, STAC2H3_S2_TILES_PATH)

namespace stac2h3::synth {
namespace {

using Code = std::array<char, 5>;

/** The sorted codes of the embedded list. */
std::vector<Code> decodeList() {
  const std::string_view text(stac2h3_s2_tiles_begin,
                              static_cast<size_t>(stac2h3_s2_tiles_end - stac2h3_s2_tiles_begin));
  std::vector<Code> codes;
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_begin, line_end - line_begin);
    line_begin = line_end + 1;
    if (line.size() < 3 || line.front() == '#') continue;
    Code code{line[0], line[1], line[2], ' ', ' '};
    // Words after the zone and band: a column letter, then the row letters of its tiles.
    bool column_next = true;
    for (char c : line.substr(3)) {
      if (c == ' ') {
        column_next = true;
      } else if (column_next) {
        code[3] = c;
        column_next = false;
      } else {
        code[4] = c;
        codes.push_back(code);
      }
    }
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

const std::vector<Code>& codes() {
  static const std::vector<Code> list = decodeList();
  return list;
}

}  // namespace

bool isEsaTile(std::string_view code) {
  if (code.size() != 5) return false;
  const Code key{code[0], code[1], code[2], code[3], code[4]};
  return std::binary_search(codes().begin(), codes().end(), key);
}

size_t esaTileCount() {
  return codes().size();
}

}  // namespace stac2h3::synth
