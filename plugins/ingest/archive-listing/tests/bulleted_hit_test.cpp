// ingest/archive-listing: one-line "<bullet> <date> — <title>" hits.
#include "bulleted_hit.hpp"

#include <gtest/gtest.h>

namespace {

using opis::listing::split_bulleted_hit;

TEST(BulletedHit, BulletDateEmDashTitle) {
  const auto hit = split_bulleted_hit("\u2022 February 9, 1952 \u2014 Memorandum on Talks");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->date, "February 9, 1952");
  EXPECT_EQ(hit->title, "Memorandum on Talks");
}

TEST(BulletedHit, OtherBulletsAndSeparators) {
  EXPECT_EQ(split_bulleted_hit("- 3 January 1962 - Report")->date, "3 January 1962");
  EXPECT_EQ(split_bulleted_hit("* 1962-01-03 \u2013 Report")->date, "1962-01-03");
  EXPECT_EQ(split_bulleted_hit("\u00B7 June 1960 \u2014 Speech")->title, "Speech");
  EXPECT_EQ(split_bulleted_hit("12. Jan. 3, 1962 | Note")->title, "Note");
  EXPECT_EQ(split_bulleted_hit("\u2022 1962 \u2014 Note")->date, "1962");
}

TEST(BulletedHit, IsoDateHyphensAreNotSeparators) {
  const auto hit = split_bulleted_hit("- 1962-01-03 - Report on 1961-1962");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->date, "1962-01-03");
  EXPECT_EQ(hit->title, "Report on 1961-1962");
}

TEST(BulletedHit, BareYearNeedsABullet) {
  EXPECT_FALSE(split_bulleted_hit("1962 - the year of the Congress"));
  EXPECT_TRUE(split_bulleted_hit("January 3, 1962 \u2014 Note"));
}

TEST(BulletedHit, LinesWithoutDateOrTitleAreNotHits) {
  EXPECT_FALSE(split_bulleted_hit("\u2022 Korea (North) \u2014 12"));
  EXPECT_FALSE(split_bulleted_hit("\u2022 January 3, 1962 \u2014 "));
  EXPECT_FALSE(split_bulleted_hit("\u2022 January 3, 1962"));
  EXPECT_FALSE(split_bulleted_hit(std::string(1 << 20, '-')));
}

}  // namespace
