/** @file test_pager.cpp
 * @brief Following next links in the real forms recorded in ../shared/data (Earth Search's
 * body holding only `next`, Planetary Computer's merged token bodies, GET hrefs), and
 * stopping on the last page, an empty page and repeats.
 */
#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <sstream>

#include "stac/item_parser.h"
#include "stac/pager.h"
#include "support/shared_data.h"
#include "util/error.h"

namespace stac2h3::stac {
namespace {

Page realPage(const std::string& relative) {
  const auto path = test::sharedData("sentinel2-stac/pages/" + relative);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  ItemParser parser;
  return parser.parsePage(text.str(), path.string());
}

JsonObject ownQuery() {
  JsonObject query;
  query.set("collections", "[\"sentinel-2-l2a\"]");
  query.set("datetime", "\"2025-07-31T00:00:00Z/2025-08-01T00:00:00Z\"");
  query.set("limit", "10");
  return query;
}

Page pageWithNext(NextLink link, std::vector<std::string> ids = {"a"}) {
  Page page;
  for (auto& id : ids) {
    Item item;
    item.id = id;
    page.items.push_back(item);
  }
  page.features = std::ssize(page.items);
  page.next = std::move(link);
  return page;
}

TEST(Pager, EarthSearchBodyHoldingOnlyNextUpdatesOurQuery) {
  const auto path = test::sharedData("sentinel2-stac/pages/earthsearch-v1");
  STAC2H3_REQUIRE_SHARED(path);
  Pager pager("http://host/v1/search", ownQuery());
  const Page page = realPage("earthsearch-v1/search-post-cql2-filter-page1.json");
  ASSERT_EQ(pager.advance(page), Pager::Step::kNext);
  EXPECT_EQ(pager.request().method, "POST");
  EXPECT_EQ(pager.request().url, "https://earth-search.aws.element84.com/v1/search");
  // Our own query is re-sent with the cursor: a body of only `next` would drop the filters.
  EXPECT_EQ(pager.request().body,
            "{\"collections\":[\"sentinel-2-l2a\"],\"datetime\":\"2025-07-31T00:00:00Z/"
            "2025-08-01T00:00:00Z\",\"limit\":10,\"next\":\"2025-07-31T13:03:25.899000Z,"
            "S2B_T24MVV_20250731T130245_L2A,sentinel-2-c1-l2a\"}");
  EXPECT_EQ(pager.pageNumber(), 2);
}

TEST(Pager, PlanetaryComputerMergedTokenBody) {
  STAC2H3_REQUIRE_SHARED(test::sharedData("sentinel2-stac/pages/planetary-computer"));
  Pager pager("http://host/search", ownQuery());
  ASSERT_EQ(pager.advance(realPage("planetary-computer/search-post-token-page1.json")),
            Pager::Step::kNext);
  simdjson::dom::parser parser;
  const auto body = parser.parse(pager.request().body);
  EXPECT_EQ(body["token"].get_string().value(), "7fqzroIM");
  EXPECT_EQ(body["collections"].at(0).get_string().value(), "sentinel-2-l2a");
  EXPECT_EQ(body["limit"].get_int64().value(), 10);
  // The last page has only a `previous` link.
  EXPECT_EQ(pager.advance(realPage("planetary-computer/search-post-token-page4-last.json")),
            Pager::Step::kDone);
}

TEST(Pager, GetHrefWithToken) {
  STAC2H3_REQUIRE_SHARED(test::sharedData("sentinel2-stac/pages/terrascope"));
  Pager pager("http://host/search", ownQuery());
  ASSERT_EQ(pager.advance(realPage("terrascope/search-get-base64-token.json")), Pager::Step::kNext);
  EXPECT_EQ(pager.request().method, "GET");
  EXPECT_TRUE(pager.request().body.empty());
  EXPECT_EQ(pager.request().url.rfind("https://stac.terrascope.be/search?token=", 0), 0u);
}

TEST(Pager, ResolvesRelativeHrefsAndKeepsLinkHeaders) {
  Pager pager("http://host:8080/api/search", ownQuery());
  NextLink link;
  link.href = "search?token=abc";
  link.headers = {{"X-Token", "1"}};
  ASSERT_EQ(pager.advance(pageWithNext(link)), Pager::Step::kNext);
  EXPECT_EQ(pager.request().url, "http://host:8080/api/search?token=abc");
  EXPECT_EQ(pager.request().headers, link.headers);
}

TEST(Pager, StopsOnEmptyPageOrMissingLink) {
  Pager pager("http://host/search", ownQuery());
  Page empty;
  empty.next = NextLink{};
  empty.next->href = "http://host/search?token=x";
  EXPECT_EQ(pager.advance(empty), Pager::Step::kDone);
  Page last = pageWithNext({});
  last.next.reset();
  EXPECT_EQ(pager.advance(last), Pager::Step::kDone);
}

TEST(Pager, ReportsANextLinkThatRepeatsAndKeepsThePageToFetchAgain) {
  Pager pager("http://host/search", ownQuery());
  NextLink link;
  link.href = "http://host/search?token=1";
  ASSERT_EQ(pager.advance(pageWithNext(link, {"a"})), Pager::Step::kNext);
  EXPECT_EQ(pager.advance(pageWithNext(link, {"b"})), Pager::Step::kRepeated);
  EXPECT_NE(pager.repeatReason().find("already fetched"), std::string::npos);
  // The page stays current; fetched again, it may link onwards (its items are no repeat).
  EXPECT_EQ(pager.request().url, "http://host/search?token=1");
  EXPECT_EQ(pager.pageNumber(), 2);
  link.href = "http://host/search?token=2";
  EXPECT_EQ(pager.advance(pageWithNext(link, {"b"})), Pager::Step::kNext);
  EXPECT_EQ(pager.pageNumber(), 3);
}

TEST(Pager, ReportsAPageThatRepeatsItsItemsUnderNewTokens) {
  Pager pager("http://host/search", ownQuery());
  for (int token = 1; token <= 2; ++token) {
    NextLink link;
    link.href = "http://host/search?token=" + std::to_string(token);
    const auto step = pager.advance(pageWithNext(link, {"a", "b"}));
    EXPECT_EQ(step, token == 1 ? Pager::Step::kNext : Pager::Step::kRepeated);
  }
  EXPECT_NE(pager.repeatReason().find("repeats the items"), std::string::npos);
}

TEST(Pager, SetLimitRewritesBodyAndGetParameter) {
  Pager pager("http://host/search", ownQuery());
  pager.setLimit(5);
  EXPECT_NE(pager.request().body.find("\"limit\":5"), std::string::npos);
  NextLink link;
  link.href = "http://host/search?limit=5&token=t";
  ASSERT_EQ(pager.advance(pageWithNext(link)), Pager::Step::kNext);
  pager.setLimit(2);
  EXPECT_EQ(pager.request().url, "http://host/search?limit=2&token=t");
  // A POST link that echoes an old limit gets ours.
  NextLink post;
  post.href = "http://host/search";
  post.method = "POST";
  post.body = "{\"limit\":100,\"token\":\"u\"}";
  ASSERT_EQ(pager.advance(pageWithNext(post, {"c"})), Pager::Step::kNext);
  EXPECT_NE(pager.request().body.find("\"limit\":2"), std::string::npos);
}

TEST(Pager, RejectsABodyThatIsNotAnObject) {
  Pager pager("http://host/search", ownQuery());
  NextLink post;
  post.method = "POST";
  post.body = "[1,2";
  EXPECT_THROW(pager.advance(pageWithNext(post)), Error);
}

}  // namespace
}  // namespace stac2h3::stac
