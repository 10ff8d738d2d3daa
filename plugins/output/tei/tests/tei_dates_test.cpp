// EDTF dates as TEI dating attributes: level 0 only.
#include "tei_dates.hpp"

#include <gtest/gtest.h>

namespace {

using opis::tei::dating_attributes;
using opis::tei::rendered;

TEST(TeiDates, Level0DatesBecomeWhen) {
  EXPECT_EQ(rendered(dating_attributes("1957")), " when=\"1957\"");
  EXPECT_EQ(rendered(dating_attributes("1960-06")), " when=\"1960-06\"");
  EXPECT_EQ(rendered(dating_attributes("1957-03-14")), " when=\"1957-03-14\"");
  EXPECT_EQ(rendered(dating_attributes("1960-02-29")), " when=\"1960-02-29\"");
  EXPECT_EQ(rendered(dating_attributes("1961-11-27T10:15:00Z")), " when=\"1961-11-27T10:15:00Z\"");
}

TEST(TeiDates, Level0IntervalsBecomeFromAndTo) {
  EXPECT_EQ(rendered(dating_attributes("1961-11-27/1961-12-01")),
            " from=\"1961-11-27\" to=\"1961-12-01\"");
  EXPECT_EQ(rendered(dating_attributes("1956/1957-03")), " from=\"1956\" to=\"1957-03\"");
}

TEST(TeiDates, OtherFormsGetNoAttribute) {
  for (const char* edtf :
       {"", "1956-22", "1961?", "196X", "1953/..", "../1953", "1961-13", "1961-02-30", "1959-02-29",
        "1961-11-27/1961-12-01?", "57", "[1960,1961]", "1961-11-27T25:00:00", "Y170000002"}) {
    EXPECT_TRUE(dating_attributes(edtf).empty()) << edtf;
    EXPECT_EQ(rendered(dating_attributes(edtf)), "") << edtf;
  }
}

}  // namespace
