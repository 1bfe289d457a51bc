/** @file test_item_pages.cpp
 * @brief FeatureCollection pages: items, rel=next in its real forms, counts, skipped
 * features, and clear errors (no crash) on malformed and truncated JSON.
 */
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "shared_data.h"
#include "stac/item_parser.h"
#include "util/error.h"

namespace stac2h3::stac {
namespace {

std::string readPage(const std::string& relative, std::filesystem::path* path_out = nullptr) {
  const auto path = test::sharedData("sentinel2-stac/pages/" + relative);
  if (path_out) *path_out = path;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

#define LOAD_PAGE(var, relative)                           \
  std::filesystem::path var##_path;                        \
  const std::string var = readPage(relative, &var##_path); \
  STAC2H3_REQUIRE_SHARED(var##_path)

TEST(ItemPages, TheSelfLinkIsKept) {
  ItemParser parser;
  const Page page = parser.parsePage(
      R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"A","collection":"c","properties":{"datetime":"2024-01-01T00:00:00Z"},
         "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},
         "links":[{"rel":"parent","href":"p"},{"rel":"self","href":"https://x.test/items/A"}]},
        {"type":"Feature","id":"B","collection":"c","properties":{"datetime":"2024-01-01T00:00:00Z"},
         "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]})",
      "page");
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].self_href, "https://x.test/items/A");
  EXPECT_EQ(page.items[1].self_href, "");
}

TEST(ItemPages, EarthSearchPostBodyHoldingOnlyNext) {
  LOAD_PAGE(json, "earthsearch-v1/search-post-cql2-filter-page1.json");
  ItemParser parser;
  const Page page = parser.parsePage(json, "page1");
  EXPECT_EQ(page.features, 10);
  EXPECT_EQ(page.number_matched, 115912757);
  EXPECT_EQ(page.number_returned, 10);
  ASSERT_TRUE(page.next.has_value());
  EXPECT_EQ(page.next->method, "POST");
  EXPECT_EQ(page.next->href, "https://earth-search.aws.element84.com/v1/search");
  EXPECT_FALSE(page.next->merge);
  EXPECT_EQ(
      page.next->body,
      R"({"next":"2025-07-31T13:03:25.899000Z,S2B_T24MVV_20250731T130245_L2A,sentinel-2-c1-l2a"})");
}

TEST(ItemPages, CollectionFilterSkipsOtherCollectionsWithReasons) {
  LOAD_PAGE(json, "earthsearch-v1/search-post-cql2-filter-page1.json");
  ParseOptions options;
  options.collections = {"sentinel-2-l2a", "sentinel-2-c1-l2a"};
  ItemParser parser(options);
  const Page page = parser.parsePage(json, "page1");
  EXPECT_EQ(page.items.size() + page.skipped.size(), 10u);
  EXPECT_FALSE(page.skipped.empty());  // S1 GRD and L1C items in the same page
  for (const std::string& reason : page.skipped) {
    EXPECT_EQ(reason.rfind("page1: feature ", 0), 0u) << reason;
    EXPECT_NE(reason.find("not asked for"), std::string::npos) << reason;
  }
  for (const Item& item : page.items) {
    EXPECT_TRUE(item.collection == "sentinel-2-l2a" || item.collection == "sentinel-2-c1-l2a");
  }
}

TEST(ItemPages, PlanetaryComputerTokenMergeAndLastPage) {
  LOAD_PAGE(first, "planetary-computer/search-post-token-page1.json");
  LOAD_PAGE(last, "planetary-computer/search-post-token-page4-last.json");
  ItemParser parser;
  const Page page = parser.parsePage(first, "p1");
  EXPECT_EQ(page.items.size(), 10u);
  EXPECT_EQ(page.number_matched, 33);
  ASSERT_TRUE(page.next.has_value());
  EXPECT_TRUE(page.next->merge);
  EXPECT_EQ(
      page.next->body,
      R"({"limit":10,"datetime":"2019-01-01T00:00:01Z/2019-01-01T00:00:10Z","token":"7fqzroIM"})");
  const Page end = parser.parsePage(last, "p4");
  EXPECT_EQ(end.items.size(), 3u);
  EXPECT_FALSE(end.next.has_value());  // `previous` is not `next`
}

TEST(ItemPages, GetLinksWithAndWithoutMethod) {
  LOAD_PAGE(pc, "planetary-computer/collection-items-get-2025-token-format.json");
  LOAD_PAGE(v0, "earthsearch-v0/search-get-page1.json");
  ItemParser parser;
  const Page a = parser.parsePage(pc, "pc");
  ASSERT_TRUE(a.next.has_value());
  EXPECT_EQ(a.next->method, "GET");
  EXPECT_EQ(a.next->href,
            "https://planetarycomputer.microsoft.com/api/stac/v1/collections/sentinel-2-l2a/"
            "items?limit=1&token=next:sentinel-2-l2a:S2B_MSIL2A_20250312T014549_R074_T53NKG_"
            "20250312T041213");
  EXPECT_TRUE(a.next->body.empty());
  EXPECT_FALSE(a.number_matched.has_value());
  const Page b = parser.parsePage(v0, "v0");
  ASSERT_TRUE(b.next.has_value());
  EXPECT_EQ(b.next->method, "GET");  // no method in the link
  EXPECT_EQ(b.next->href, "https://earth-search.aws.element84.com/v0/search?page=2&limit=10");
  EXPECT_EQ(b.number_matched, 20345657);
}

TEST(ItemPages, ContextCountsAndSavedItemCollection) {
  LOAD_PAGE(terrascope, "terrascope/search-get-base64-token.json");
  LOAD_PAGE(saved, "earthsearch-v1/saved-itemcollection-c1-l2a-10-items.json");
  ItemParser parser;
  const Page a = parser.parsePage(terrascope, "t");
  EXPECT_EQ(a.number_matched, 8001714);  // context.matched
  EXPECT_EQ(a.number_returned, 10);
  const Page b = parser.parsePage(saved, "s");
  EXPECT_EQ(b.items.size(), 10u);
  EXPECT_EQ(b.number_returned, 10);
  EXPECT_FALSE(b.next.has_value());
}

TEST(ItemPages, EveryRealPageParses) {
  const auto dir = test::sharedData("sentinel2-stac/pages");
  STAC2H3_REQUIRE_SHARED(dir);
  ItemParser parser;
  int pages = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".json" || name.find(".request.") != std::string::npos) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const Page page = parser.parsePage(text.str(), name);
    EXPECT_EQ(page.features, static_cast<int64_t>(page.items.size() + page.skipped.size()));
    ++pages;
  }
  EXPECT_EQ(pages, 27);
}

TEST(ItemPages, MalformedJsonNamesTheSource) {
  ItemParser parser;
  try {
    parser.parsePage(R"({"type":"FeatureCollection","features":[{"type":"Feature",)", "u://x");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("u://x: malformed JSON", 0), 0u) << e.what();
  }
  EXPECT_THROW(parser.parsePage(R"({"type":"FeatureCollection"})", "no features"), Error);
  EXPECT_THROW(parser.parsePage("[1,2]", "array"), Error);
  EXPECT_THROW(parser.parsePage("", "empty"), Error);
  Page page;
  EXPECT_THROW(parser.parseItem("{\"type\":\"Feature\",\"id\":NaN}", "f.ndjson:3", page), Error);
}

TEST(ItemPages, EveryTruncationOfARealPageFailsCleanly) {
  LOAD_PAGE(json, "planetary-computer/search-post-token-page4-last.json");
  ItemParser parser;
  // Every prefix is either rejected with an Error or (never, for an object) accepted; the
  // point is no crash and no other exception type, also under ASan.
  const size_t step = json.size() / 400 + 1;
  int errors = 0;
  for (size_t length = 0; length < json.size(); length += step) {
    try {
      parser.parsePage(std::string_view(json).substr(0, length), "cut");
    } catch (const Error& e) {
      ++errors;
      EXPECT_EQ(std::string(e.what()).rfind("cut: ", 0), 0u);
    }
  }
  EXPECT_EQ(errors, static_cast<int>((json.size() + step - 1) / step));
}

TEST(ItemPages, CorruptedBytesNeverCrash) {
  LOAD_PAGE(json, "earthsearch-v1/search-post-intersects-datetime.json");
  ItemParser parser;
  uint32_t seed = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string copy = json;
    for (int k = 0; k < 4; ++k) {
      seed = seed * 1664525u + 1013904223u;
      const size_t at = seed % copy.size();
      copy[at] = "{}[],:\"0-eE.x \\"[(seed >> 16) % 15];
    }
    try {
      const Page page = parser.parsePage(copy, "fuzz");
      EXPECT_EQ(page.features, static_cast<int64_t>(page.items.size() + page.skipped.size()));
    } catch (const Error&) {
    }
  }
}

TEST(ItemPages, FeaturesThatAreNotItemsAreSkippedWithReasons) {
  ItemParser parser;
  const Page page = parser.parsePage(
      R"({"type":"FeatureCollection","features":[
        1,
        {"type":"Collection","id":"c"},
        {"type":"Feature","properties":{"datetime":"2024-01-01T00:00:00Z"},"geometry":null},
        {"type":"Feature","id":"nogeom","properties":{"datetime":"2024-01-01T00:00:00Z"},"geometry":null},
        {"type":"Feature","id":"point","properties":{"datetime":"2024-01-01T00:00:00Z"},
         "geometry":{"type":"Point","coordinates":[1,2]}},
        {"type":"Feature","id":"degenerate","properties":{"datetime":"2024-01-01T00:00:00Z"},
         "geometry":{"type":"Polygon","coordinates":[[[1,2],[1,2],[1,2],[1,2]]]}},
        {"type":"Feature","id":"outofrange","properties":{"datetime":"2024-01-01T00:00:00Z"},
         "geometry":{"type":"Polygon","coordinates":[[[1,2],[500,2],[1,3],[1,2]]]}},
        {"type":"Feature","id":"nodate","properties":{},
         "geometry":{"type":"Polygon","coordinates":[[[1,2],[2,2],[1,3],[1,2]]]}},
        {"type":"Feature","id":"ok","properties":{"datetime":"2024-01-01T00:00:00Z"},
         "geometry":{"type":"Polygon","coordinates":[[[1,2],[2,2],[1,3],[1,2]]]}}
      ]})",
      "inline");
  EXPECT_EQ(page.features, 9);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, "ok");
  ASSERT_EQ(page.skipped.size(), 8u);
  EXPECT_NE(page.skipped[0].find("not a JSON object"), std::string::npos);
  EXPECT_NE(page.skipped[1].find("not a Feature"), std::string::npos);
  EXPECT_NE(page.skipped[2].find("no id"), std::string::npos);
  EXPECT_NE(page.skipped[3].find("(nogeom): no geometry"), std::string::npos);
  EXPECT_NE(page.skipped[4].find("Point"), std::string::npos);
  EXPECT_NE(page.skipped[5].find("fewer than 3"), std::string::npos);
  EXPECT_NE(page.skipped[6].find("out of range"), std::string::npos);
  EXPECT_NE(page.skipped[7].find("no datetime"), std::string::npos);
}

}  // namespace
}  // namespace stac2h3::stac
