// enrich/repair through the real plugin binary: annotations written, spans
// the record already had carried onto the new text, config, bad input.
#include <gtest/gtest.h>

#include <string>

#include "repair_test_support.hpp"
#include "test_support.hpp"

namespace opis::repair::test {
namespace {

using nlohmann::json;

opis::v1::Record enrich(std::unique_ptr<opis_record>& record, const json& config = json::object()) {
  auto plugin = opis::test::PluginHarness::builtin("enrich", "repair", config);
  const auto result = plugin.enrich(*record);
  EXPECT_TRUE(result.ok()) << result.message;
  return record->message;
}

std::string span(const opis::v1::Record& r, uint32_t begin, uint32_t end) {
  return r.text().substr(begin, end - begin);
}

TEST(RepairPlugin, AnnotationRecordsReplacementOriginalAndReason) {
  const std::string damaged =
      lost("Yet the Soviet Embassy in|3\\RQJ\\DQJ|UHSRUWHG|RQ|WKH|IRRG|VLWXDWLRQ");
  auto record = opis::test::make_record(damaged);
  const auto r = enrich(record);
  EXPECT_EQ(r.text(), "Yet the Soviet Embassy in Pyongyang reported on the food situation");
  ASSERT_EQ(r.annotations_size(), 1);
  const auto& a = r.annotations(0);
  EXPECT_EQ(a.type(), "repair");
  EXPECT_EQ(a.plugin(), "repair");
  EXPECT_EQ(a.value(), " Pyongyang reported on the food situation");
  EXPECT_EQ(span(r, a.begin(), a.end()), a.value());
  std::map<std::string, std::string> attributes;
  for (const auto& p : a.attributes()) attributes[p.name()] = p.value();
  EXPECT_EQ(attributes["reason"], "shifted glyphs (offset -29)");
  EXPECT_EQ(attributes["original"], lost("|3\\RQJ\\DQJ|UHSRUWHG|RQ|WKH|IRRG|VLWXDWLRQ"));
}

TEST(RepairPlugin, ExistingSpansFollowTheirCharacters) {
  const std::string damaged =
      lost("The critics of|.LP|,O|6XQJ¶V|SROLFLHV|KDG|PDGH|PXFK|WKH|VDPH|DUJXPHQW| ") +
      "in 1956.4 See RGANI, Fond 5, Opis 28, Delo 410 on 5 June 1956.";
  auto record = opis::test::make_record(damaged);
  auto& m = record->message;
  const auto at = [&](const std::string& s) { return static_cast<uint32_t>(damaged.find(s)); };
  auto* ref = m.add_annotations();
  ref->set_type("footnote_ref");
  ref->set_plugin("article");
  ref->set_begin(at(".4"));
  ref->set_end(at(".4") + 2);
  auto* note = m.add_footnotes();
  note->set_marker("4");
  note->set_text("Record of conversation.");
  note->set_begin(at(".4") + 1);
  note->set_end(at(".4") + 2);
  auto* date = m.add_dates();
  date->set_surface("5 June 1956");
  date->set_edtf("1956-06-05");
  date->set_begin(at("5 June"));
  date->set_end(at("5 June") + 11);
  auto* cite = m.add_citations();
  cite->set_raw("RGANI, Fond 5, Opis 28, Delo 410");
  cite->set_fond("5");
  cite->set_begin(at("RGANI"));
  cite->set_end(at("RGANI") + 32);
  auto* head = m.add_annotations();
  head->set_type("page");
  head->set_begin(0);
  head->set_end(3);

  const auto r = enrich(record);
  EXPECT_EQ(r.text().substr(0, r.text().find(", Fond")),
            "The critics of Kim Il Sung’s policies had made much the same argument in 1956.4 See "
            "RGANI");
  EXPECT_EQ(span(r, r.annotations(0).begin(), r.annotations(0).end()), ".4");
  EXPECT_EQ(r.annotations(0).type(), "footnote_ref");
  EXPECT_EQ(span(r, r.footnotes(0).begin(), r.footnotes(0).end()), "4");
  EXPECT_EQ(r.footnotes(0).text(), "Record of conversation.");
  EXPECT_EQ(span(r, r.dates(0).begin(), r.dates(0).end()), "5 June 1956");
  EXPECT_EQ(r.dates(0).edtf(), "1956-06-05");
  EXPECT_EQ(span(r, r.citations(0).begin(), r.citations(0).end()),
            "RGANI, Fond 5, Opis 28, Delo 410");
  EXPECT_EQ(r.citations(0).fond(), "5");
  EXPECT_EQ(span(r, r.annotations(1).begin(), r.annotations(1).end()), "The");
}

TEST(RepairPlugin, CleanRecordPageUnchangedWithoutAnnotations) {
  const auto corpus = opis::test::source_dir() / "examples/corpus";
  for (const char* name :
       {"record-1957-03-14-mikoyan-telegram.txt", "record-1969-06-20-hungarian-embassy-report.txt",
        "listing-bulleted.txt"}) {
    const std::string text = opis::test::read_file(corpus / name);
    auto record = opis::test::make_record(text);
    const auto r = enrich(record);
    EXPECT_EQ(r.text(), text) << name;
    EXPECT_EQ(r.annotations_size(), 0) << name;
  }
}

TEST(RepairPlugin, EmptyTextIsNoOp) {
  auto record = opis::test::make_record("");
  const auto r = enrich(record);
  EXPECT_EQ(r.text(), "");
  EXPECT_EQ(r.annotations_size(), 0);
}

TEST(RepairPlugin, HostileInputDoesNotCrash) {
  std::string huge(2'000'000, 'W');  // one 2 MB "word" of shifted-looking capitals
  huge += lost("||||||||");
  huge += std::string(100000, '\n');
  huge += std::string(50000, '-') + "\n" + std::string(50000, 'x');
  auto record = opis::test::make_record(huge);
  auto plugin = opis::test::PluginHarness::builtin("enrich", "repair");
  EXPECT_TRUE(plugin.enrich(*record).ok());
}

TEST(RepairPlugin, UnreadableWordFileIsAConfigError) {
  try {
    opis::test::PluginHarness::builtin("enrich", "repair",
                                       {{"word_files", json::array({"/nonexistent/names.txt"})}});
    FAIL() << "expected a config error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/names.txt"), std::string::npos) << e.what();
  }
}

TEST(RepairPlugin, UnknownConfigKeyRefused) {
  EXPECT_THROW(opis::test::PluginHarness::builtin("enrich", "repair", {{"offset", 29}}),
               std::exception);
}

TEST(RepairPlugin, ExtraWordFileMakesNamesKnown) {
  opis::test::TempDir dir;
  const auto file = dir.write("names.txt", "Xuwerpol\nQatrindo\n");
  // "Xuwerpol and Qatrindo" in the seed's font: decodes only once the names are known.
  const std::string damaged = lost(";XZHUSRO|DQG|4DWULQGR");
  auto plain = opis::test::make_record(damaged);
  EXPECT_EQ(enrich(plain).text(), damaged);
  auto record = opis::test::make_record(damaged);
  const auto r = enrich(record, {{"word_files", json::array({file.string()})}});
  EXPECT_EQ(r.text(), "Xuwerpol and Qatrindo");
}

}  // namespace
}  // namespace opis::repair::test
