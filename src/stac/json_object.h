/** @file json_object.h
 * @brief A JSON object kept as ordered (key, raw JSON value) pairs: enough to build a search
 * body, overlay a server's partial body onto it, and print it, without a DOM.
 */
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stac2h3::stac {

/** `text` as a JSON string literal, quoted and escaped. */
std::string jsonString(std::string_view text);

/** `values` as a JSON array of string literals. */
std::string jsonStringArray(const std::vector<std::string>& values);

/** `value` as a JSON number that reads back to the same double (shortest form). */
std::string jsonNumber(double value);

class JsonObject {
 public:
  /** Sets `key` to `raw_json` (a JSON value as text), replacing it where it exists (keeping
   * its place) or appending it. */
  void set(const std::string& key, std::string raw_json);
  /** Removes `key` if present. */
  void erase(const std::string& key);
  /** The raw JSON value of `key`, or "" when absent. */
  std::string_view get(const std::string& key) const;

  /**
   * Sets every member of the JSON object `object_json` (as set() would), leaving the other
   * members as they are.
   * @param object_json  a JSON object as text.
   * @param source       names the text in messages (e.g. the URL whose link it came from).
   * @throws stac2h3::Error naming `source` when the text is not a JSON object.
   */
  void overlay(std::string_view object_json, const std::string& source);

  /** The object as compact JSON text. */
  std::string dump() const;

  bool operator==(const JsonObject&) const = default;

 private:
  std::vector<std::pair<std::string, std::string>> members_;
};

}  // namespace stac2h3::stac
