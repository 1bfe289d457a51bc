/** @file json_object.cpp
 * @brief JSON text building and overlaying (see json_object.h).
 */
#include "stac/json_object.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "util/error.h"

namespace stac2h3::stac {

std::string jsonString(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          out += escape;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::string jsonStringArray(const std::vector<std::string>& values) {
  std::string out = "[";
  for (const auto& value : values) {
    if (out.size() > 1) out += ',';
    out += jsonString(value);
  }
  return out + "]";
}

std::string jsonNumber(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

void JsonObject::set(const std::string& key, std::string raw_json) {
  const auto found = std::find_if(members_.begin(), members_.end(),
                                  [&](const auto& member) { return member.first == key; });
  if (found != members_.end()) {
    found->second = std::move(raw_json);
  } else {
    members_.emplace_back(key, std::move(raw_json));
  }
}

void JsonObject::erase(const std::string& key) {
  std::erase_if(members_, [&](const auto& member) { return member.first == key; });
}

std::string_view JsonObject::get(const std::string& key) const {
  for (const auto& [name, value] : members_) {
    if (name == key) return value;
  }
  return {};
}

void JsonObject::overlay(std::string_view object_json, const std::string& source) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(object_json.data(), object_json.size(), true).get(object) != simdjson::SUCCESS) {
    throw Error(source + ": not a JSON object");
  }
  for (const auto field : object) {
    set(std::string(field.key), simdjson::minify(field.value));
  }
}

std::string JsonObject::dump() const {
  std::string out = "{";
  for (const auto& [key, value] : members_) {
    if (out.size() > 1) out += ',';
    out += jsonString(key);
    out += ':';
    out += value;
  }
  out += '}';
  return out;
}

}  // namespace stac2h3::stac
