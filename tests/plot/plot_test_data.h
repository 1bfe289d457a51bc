/** @file plot_test_data.h
 * @brief Paths of the plot tests' cubes (made at build time by make_cube.py) and outputs.
 */
#pragma once

#include <filesystem>
#include <string>

namespace stac2h3::plot::test {

/** A file in the plot tests' data directory in the build tree. */
inline std::filesystem::path testData(const std::string& name) {
  return std::filesystem::path(PLOT_TEST_DATA) / name;
}

}  // namespace stac2h3::plot::test
