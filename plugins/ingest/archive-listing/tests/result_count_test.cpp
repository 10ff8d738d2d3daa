// ingest/archive-listing: count, range and query lines.
#include "result_count.hpp"

#include <gtest/gtest.h>

namespace {

using opis::listing::is_result_count_label;
using opis::listing::parse_query_line;
using opis::listing::parse_result_count;

TEST(ResultCount, ResultsColonRangeOfTotal) {
  const auto c = parse_result_count("Results: 1 - 10 of 11");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->first, 1u);
  EXPECT_EQ(c->last, 10u);
  EXPECT_EQ(c->total, 11u);
}

TEST(ResultCount, ShowingWithEnDash) {
  const auto c = parse_result_count("Showing 1\u20135 of 5 results");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->first, 1u);
  EXPECT_EQ(c->last, 5u);
  EXPECT_EQ(c->total, 5u);
}

TEST(ResultCount, BareRangeWithThousands) {
  const auto c = parse_result_count("21-40 of 1,345");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->first, 21u);
  EXPECT_EQ(c->last, 40u);
  EXPECT_EQ(c->total, 1345u);
}

TEST(ResultCount, ResultsToOf) {
  const auto c = parse_result_count("Results 1 to 10 of 57");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->last, 10u);
  EXPECT_EQ(c->total, 57u);
}

TEST(ResultCount, TotalOnly) {
  const auto c = parse_result_count("45 results");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->total, 45u);
  EXPECT_FALSE(c->first);
  EXPECT_EQ(parse_result_count("About 1,200 results found.")->total, 1200u);
  EXPECT_EQ(parse_result_count("Results: 7")->total, 7u);
}

TEST(ResultCount, QueryAfterFor) {
  const auto c = parse_result_count("Showing 1-5 of 5 results for \u201CPeng Dehuai\u201D");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->query, "Peng Dehuai");
}

TEST(ResultCount, OtherNumberedLinesAreNotCounts) {
  EXPECT_FALSE(parse_result_count("Page 1 of 3"));
  EXPECT_FALSE(parse_result_count("Record 1 of 2"));
  EXPECT_FALSE(parse_result_count("45"));
  EXPECT_FALSE(parse_result_count("1962"));
  EXPECT_FALSE(parse_result_count("10 of the delegates agreed"));
  EXPECT_FALSE(parse_result_count("Results per page: 10 | 25 | 50"));
  EXPECT_FALSE(parse_result_count("1 - 10 of"));
  EXPECT_FALSE(parse_result_count(std::string(5000, '9') + " results"));
}

TEST(ResultCount, LabelAloneIsRecognized) {
  EXPECT_TRUE(is_result_count_label("Results:"));
  EXPECT_TRUE(is_result_count_label("Search results"));
  EXPECT_FALSE(is_result_count_label("Documents"));
  EXPECT_FALSE(is_result_count_label("Results: 5"));
}

TEST(ResultCount, QueryLines) {
  EXPECT_EQ(parse_query_line("Keyword: Peng Dehuai"), "Peng Dehuai");
  EXPECT_EQ(parse_query_line("Search: \"Kim Il Sung\""), "Kim Il Sung");
  EXPECT_EQ(parse_query_line("You searched for: famine"), "famine");
  EXPECT_FALSE(parse_query_line("Search:"));
  EXPECT_FALSE(parse_query_line("Sort by: Relevance"));
  EXPECT_FALSE(parse_query_line("Search the Archive"));
}

}  // namespace
