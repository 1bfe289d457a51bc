/** @file oracle.h
 * @brief Reading the answers h3-js (the reference H3 v4) wrote for the tests, and the unit
 * conventions shared with it.
 *
 * tests/h3/oracle/generate.mjs writes one text file per function into STAC2H3_H3_ORACLE_DIR
 * (a ctest fixture runs it before these tests); each line is whitespace-separated fields.
 */
#pragma once

#include <gtest/gtest.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "h3/h3.h"

namespace stac2h3::test {

/** The lines of an oracle file, each split into fields (views into `text`). */
struct OracleTable {
  std::string text;
  std::vector<std::vector<std::string_view>> rows;
};

/** Loads an oracle file; fails the calling test when it is missing or empty. */
inline OracleTable readOracle(const std::string& name) {
  OracleTable table;
  const std::filesystem::path path = std::filesystem::path(STAC2H3_H3_ORACLE_DIR) / name;
  std::ifstream in(path);
  if (!in) {
    ADD_FAILURE() << "oracle file missing (run the h3_oracle ctest fixture): " << path;
    return table;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  table.text = buffer.str();
  std::string_view rest = table.text;
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    std::vector<std::string_view> fields;
    while (!line.empty()) {
      const size_t start = line.find_first_not_of(' ');
      if (start == std::string_view::npos) break;
      line.remove_prefix(start);
      const size_t end = line.find(' ');
      fields.push_back(line.substr(0, end));
      line = end == std::string_view::npos ? std::string_view{} : line.substr(end);
    }
    if (!fields.empty()) table.rows.push_back(std::move(fields));
  }
  EXPECT_FALSE(table.rows.empty()) << path;
  return table;
}

inline double toDouble(std::string_view text) {
  double value = 0.0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  EXPECT_TRUE(result.ec == std::errc{} && result.ptr == text.data() + text.size()) << text;
  return value;
}

inline int toInt(std::string_view text) {
  return static_cast<int>(toDouble(text));
}

/** A hex id as h3-js prints it (not validated, so invalid ids can be read too). */
inline h3::Cell toCell(std::string_view text) {
  h3::Cell cell = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), cell, 16);
  EXPECT_TRUE(result.ec == std::errc{} && result.ptr == text.data() + text.size()) << text;
  return cell;
}

inline constexpr double kPi = 3.14159265358979323846;
/** Degrees to radians exactly as h3-js converts them (deg * PI / 180). */
inline double toRadians(double degrees) {
  return degrees * kPi / 180.0;
}
/** Radians to degrees exactly as h3-js converts them (rad * 180 / PI). */
inline double toDegrees(double radians) {
  return radians * 180.0 / kPi;
}

}  // namespace stac2h3::test
