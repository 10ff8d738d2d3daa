// enrich/repair through the real plugin binary run by the SDK's harness
// (opis/testing.hpp; neither the host nor protobuf is linked): annotations
// written, spans the record already had carried onto the new text, config,
// bad input.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <opis/testing.hpp>
#include <string>
#include <string_view>

#include "repair_test_support.hpp"
#include "temp_files.hpp"

namespace opis::repair::test {
namespace {

using opis::testing::Harness;
using opis::testing::Record;

Record make_record(const std::string& text) {
  return Record::with_text(text);
}

Record enrich(Record& record, std::string_view config = "{}") {
  Harness plugin(OPIS_PLUGIN_FILE, config);
  try {
    plugin.enrich(record);
  } catch (const opis::testing::Failure& e) {
    ADD_FAILURE() << e.what();
  }
  return record;
}

std::string span(const Record& r, uint32_t begin, uint32_t end) {
  return std::string(r.text().substr(begin, end - begin));
}

std::string word_files_config(const std::string& file) {
  return R"({"word_files": [)" +
         opis::testing::json::dump(opis::testing::json::Value::string_value(file)) + "]}";
}

TEST(RepairPlugin, AnnotationRecordsReplacementOriginalAndReason) {
  const std::string damaged =
      lost("Yet the Soviet Embassy in|3\\RQJ\\DQJ|UHSRUWHG|RQ|WKH|IRRG|VLWXDWLRQ");
  auto record = make_record(damaged);
  const auto r = enrich(record);
  EXPECT_EQ(r.text(), "Yet the Soviet Embassy in Pyongyang reported on the food situation");
  const auto annotations = r.annotations();
  ASSERT_EQ(annotations.size(), 1u);
  const auto& a = annotations[0];
  EXPECT_EQ(a.type, "repair");
  EXPECT_EQ(a.plugin, "repair");
  EXPECT_EQ(a.value, " Pyongyang reported on the food situation");
  EXPECT_EQ(span(r, a.begin, a.end), a.value);
  std::map<std::string, std::string> attributes;
  for (const auto& p : a.attributes) attributes[std::string(p.name)] = std::string(p.value);
  EXPECT_EQ(attributes["reason"], "shifted glyphs (offset -29)");
  EXPECT_EQ(attributes["original"], lost("|3\\RQJ\\DQJ|UHSRUWHG|RQ|WKH|IRRG|VLWXDWLRQ"));
}

TEST(RepairPlugin, ExistingSpansFollowTheirCharacters) {
  const std::string damaged =
      lost("The critics of|.LP|,O|6XQJ¶V|SROLFLHV|KDG|PDGH|PXFK|WKH|VDPH|DUJXPHQW| ") +
      "in 1956.4 See RGANI, Fond 5, Opis 28, Delo 410 on 5 June 1956.";
  auto record = make_record(damaged);
  const auto at = [&](const std::string& s) { return static_cast<uint32_t>(damaged.find(s)); };
  // Added outside a plugin call, the annotations carry no plugin name (the
  // host test set "article" on the first; nothing here reads it).
  opis::sdk::Annotation ref;
  ref.type = "footnote_ref";
  ref.begin = at(".4");
  ref.end = at(".4") + 2;
  record.add(ref);
  opis::sdk::Footnote note;
  note.marker = "4";
  note.text = "Record of conversation.";
  note.begin = at(".4") + 1;
  note.end = at(".4") + 2;
  record.add(note);
  opis::sdk::DateMention date;
  date.surface = "5 June 1956";
  date.edtf = "1956-06-05";
  date.begin = at("5 June");
  date.end = at("5 June") + 11;
  record.add(date);
  opis::sdk::Citation cite;
  cite.raw = "RGANI, Fond 5, Opis 28, Delo 410";
  cite.fond = "5";
  cite.begin = at("RGANI");
  cite.end = at("RGANI") + 32;
  record.add(cite);
  opis::sdk::Annotation head;
  head.type = "page";
  head.begin = 0;
  head.end = 3;
  record.add(head);

  const auto r = enrich(record);
  EXPECT_EQ(r.text().substr(0, r.text().find(", Fond")),
            "The critics of Kim Il Sung’s policies had made much the same argument in 1956.4 See "
            "RGANI");
  const auto annotations = r.annotations();
  const auto footnotes = r.footnotes();
  const auto dates = r.dates();
  const auto citations = r.citations();
  ASSERT_GE(annotations.size(), 2u);
  ASSERT_GE(footnotes.size(), 1u);
  ASSERT_GE(dates.size(), 1u);
  ASSERT_GE(citations.size(), 1u);
  EXPECT_EQ(span(r, annotations[0].begin, annotations[0].end), ".4");
  EXPECT_EQ(annotations[0].type, "footnote_ref");
  EXPECT_EQ(span(r, footnotes[0].begin, footnotes[0].end), "4");
  EXPECT_EQ(footnotes[0].text, "Record of conversation.");
  EXPECT_EQ(span(r, dates[0].begin, dates[0].end), "5 June 1956");
  EXPECT_EQ(dates[0].edtf, "1956-06-05");
  EXPECT_EQ(span(r, citations[0].begin, citations[0].end), "RGANI, Fond 5, Opis 28, Delo 410");
  EXPECT_EQ(citations[0].fond, "5");
  EXPECT_EQ(span(r, annotations[1].begin, annotations[1].end), "The");
}

TEST(RepairPlugin, CleanRecordPageUnchangedWithoutAnnotations) {
  const auto corpus = source_dir() / "examples/corpus";
  for (const char* name :
       {"record-1957-03-14-mikoyan-telegram.txt", "record-1969-06-20-hungarian-embassy-report.txt",
        "listing-bulleted.txt"}) {
    const std::string text = read_file(corpus / name);
    auto record = make_record(text);
    const auto r = enrich(record);
    EXPECT_EQ(r.text(), text) << name;
    EXPECT_EQ(r.annotations().size(), 0u) << name;
  }
}

TEST(RepairPlugin, EmptyTextIsNoOp) {
  auto record = make_record("");
  const auto r = enrich(record);
  EXPECT_EQ(r.text(), "");
  EXPECT_EQ(r.annotations().size(), 0u);
}

TEST(RepairPlugin, HostileInputDoesNotCrash) {
  std::string huge(2'000'000, 'W');  // one 2 MB "word" of shifted-looking capitals
  huge += lost("||||||||");
  huge += std::string(100000, '\n');
  huge += std::string(50000, '-') + "\n" + std::string(50000, 'x');
  auto record = make_record(huge);
  Harness plugin(OPIS_PLUGIN_FILE);
  EXPECT_NO_THROW(plugin.enrich(record));
}

TEST(RepairPlugin, UnreadableWordFileIsAConfigError) {
  try {
    Harness plugin(OPIS_PLUGIN_FILE, word_files_config("/nonexistent/names.txt"));
    FAIL() << "expected a config error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/names.txt"), std::string::npos) << e.what();
  }
}

TEST(RepairPlugin, UnknownConfigKeyRefused) {
  EXPECT_THROW(Harness(OPIS_PLUGIN_FILE, R"({"offset": 29})"), std::exception);
}

TEST(RepairPlugin, ExtraWordFileMakesNamesKnown) {
  opis::test_files::TempDir dir;
  const auto file = dir.write("names.txt", "Xuwerpol\nQatrindo\n");
  // "Xuwerpol and Qatrindo" in the seed's font: decodes only once the names are known.
  const std::string damaged = lost(";XZHUSRO|DQG|4DWULQGR");
  auto plain = make_record(damaged);
  EXPECT_EQ(enrich(plain).text(), damaged);
  auto record = make_record(damaged);
  const auto r = enrich(record, word_files_config(file.string()));
  EXPECT_EQ(r.text(), "Xuwerpol and Qatrindo");
}

}  // namespace
}  // namespace opis::repair::test
