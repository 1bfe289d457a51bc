/** @file test_fdlibm.cpp
 * @brief The H3 core's elementary functions round exactly as JavaScript's Math (the libm
 * of h3-js), on every argument of the oracle: angles, wide magnitudes, multiples of π/2
 * (where argument reduction cancels), the branch limits and the special values.
 */
#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>

#include "h3/fdlibm.h"
#include "oracle.h"

namespace stac2h3::h3::detail {
namespace {

double fromBits(std::string_view hex) {
  uint64_t bits = 0;
  const auto result = std::from_chars(hex.data(), hex.data() + hex.size(), bits, 16);
  EXPECT_TRUE(result.ec == std::errc{} && result.ptr == hex.data() + hex.size()) << hex;
  return std::bit_cast<double>(bits);
}

double evaluate(std::string_view name, double a, double b) {
  if (name == "sin") return fdlibm::sin(a);
  if (name == "cos") return fdlibm::cos(a);
  if (name == "tan") return fdlibm::tan(a);
  if (name == "asin") return fdlibm::asin(a);
  if (name == "acos") return fdlibm::acos(a);
  if (name == "atan") return fdlibm::atan(a);
  if (name == "atan2") return fdlibm::atan2(a, b);
  ADD_FAILURE() << "unknown function " << name;
  return 0.0;
}

/** Same bits, or both NaN (JavaScript has one NaN). */
bool sameDouble(double a, double b) {
  return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b) || (a != a && b != b);
}

TEST(Fdlibm, MatchesJavaScriptMathBitForBit) {
  const auto oracle = test::readOracle("math.txt");
  std::map<std::string, int> cases;
  int mismatches = 0;
  for (const auto& row : oracle.rows) {
    const bool two_arguments = row.size() == 4;
    const double a = fromBits(row[1]);
    const double b = two_arguments ? fromBits(row[2]) : 0.0;
    const double expected = fromBits(row.back());
    const double got = evaluate(row[0], a, b);
    ++cases[std::string(row[0])];
    if (sameDouble(got, expected)) continue;
    if (++mismatches <= 20) {
      ADD_FAILURE() << row[0] << "(" << a << (two_arguments ? ", " + std::to_string(b) : "")
                    << "): got " << std::hexfloat << got << ", JavaScript " << expected
                    << std::defaultfloat;
    }
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_EQ(cases.size(), 7U);
  for (const auto& [name, n] : cases) std::printf("  %-5s %6d arguments\n", name.c_str(), n);
}

}  // namespace
}  // namespace stac2h3::h3::detail
