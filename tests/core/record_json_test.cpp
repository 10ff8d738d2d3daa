// The direct JSON printer against protobuf's own, byte for byte.
#include "opis/core/record_json.hpp"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "opis/v1/archive_service.pb.h"
#include "opis/v1/record.pb.h"
#include "test_support.hpp"

namespace opis::core {
namespace {

std::string reference(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string out;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(message, &out, options).ok());
  return out;
}

std::string direct(const google::protobuf::Message& message) {
  std::string out;
  EXPECT_TRUE(append_compact_json(message, out));
  return out;
}

void append_utf8(std::string& s, uint32_t cp) {
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xc0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xe0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    s += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    s += static_cast<char>(0xf0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    s += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

TEST(RecordJson, EveryCodePointIsEscapedExactlyAsProtobufDoes) {
  // All of Unicode but the surrogates, 2048 code points per string.
  for (uint32_t start = 1; start <= 0x10ffff; start += 2048) {
    std::string text;
    for (uint32_t cp = start; cp < start + 2048 && cp <= 0x10ffff; ++cp) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      append_utf8(text, cp);
    }
    opis::v1::Record record;
    record.set_text(text);
    const std::string ours = direct(record);
    const std::string theirs = reference(record);
    if (ours != theirs) {
      const auto at = std::mismatch(ours.begin(), ours.end(), theirs.begin(), theirs.end());
      const auto offset = static_cast<std::size_t>(at.first - ours.begin());
      FAIL() << "in the block from U+" << std::hex << start << ", at byte " << std::dec << offset
             << ": ours " << ours.substr(offset, 16) << " protobuf's " << theirs.substr(offset, 16);
    }
  }
}

TEST(RecordJson, NumbersAndNestedMessagesMatchProtobuf) {
  opis::v1::Record record;
  record.set_position(4294967295u);
  record.mutable_source()->set_size(18446744073709551615ull);
  record.mutable_date();  // present but empty: {}
  for (double score :
       {0.1, 1.0 / 3, 1e21, 1e-7, 123456789.0, -0.0, 5e-324, 1.7976931348623157e308, 2.5, -17.0}) {
    record.add_links()->set_score(score);
  }
  auto* annotation = record.add_annotations();
  annotation->set_type("page");
  annotation->add_attributes()->set_name("n");
  record.add_warnings("one");
  record.add_warnings("");
  EXPECT_EQ(direct(record), reference(record));
  EXPECT_EQ(direct(opis::v1::Record{}), "{}");
}

TEST(RecordJson, RandomRecordsMatchProtobuf) {
  std::mt19937 random(20261124);
  const std::vector<std::string> pieces = {
      "a",        "Ж", "\"", "\\",   "\n",          "<b>", "\xe2\x80\xa8",
      "\xc2\xad", "😀", "\t", "\x01", "Kim Il Sung", " "};
  const auto text = [&] {
    std::string s;
    const int n = static_cast<int>(random() % 12);
    for (int i = 0; i < n; ++i) s += pieces[random() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 300; ++round) {
    opis::v1::Record record;
    if (random() % 2) record.set_id(text());
    if (random() % 2) record.set_title(text());
    if (random() % 2) record.mutable_date()->set_edtf(text());
    for (int i = static_cast<int>(random() % 3); i > 0; --i) {
      auto* e = record.add_entities();
      e->set_canonical(text());
      for (int k = static_cast<int>(random() % 3); k > 0; --k) e->add_surface(text());
    }
    for (int i = static_cast<int>(random() % 3); i > 0; --i) {
      auto* c = record.add_citations();
      c->set_raw(text());
      c->set_begin(random() % 1000);
      c->set_end(random() % 1000);
    }
    for (int i = static_cast<int>(random() % 3); i > 0; --i) {
      record.add_provenance()->set_duration_us(random());
    }
    if (random() % 3 == 0) record.add_links()->set_score(std::ldexp(double(random()), -20));
    ASSERT_EQ(direct(record), reference(record)) << record.DebugString();
  }
}

TEST(RecordJson, RecordsOfTheExampleCorpusMatchProtobuf) {
  opis::test::TempDir dir;
  const auto run = opis::test::run_opis({"run", "--no-progress", "--out", dir.path().string(),
                                         (opis::test::source_dir() / "examples/corpus").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // records.jsonl was printed by the direct printer; protobuf must print the
  // same line for the parsed record.
  std::istringstream lines(opis::test::read_file(dir / "records.jsonl"));
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    opis::v1::Record record;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &record).ok());
    EXPECT_EQ(line, reference(record));
    ++count;
  }
  EXPECT_GT(count, 20);
}

TEST(RecordJson, LeavesWhatItDoesNotCoverToProtobuf) {
  opis::v1::Record record;
  record.set_text(std::string("bad \xff utf-8"));
  std::string out = "kept";
  EXPECT_FALSE(append_compact_json(record, out));
  EXPECT_EQ(out, "kept");
}

}  // namespace
}  // namespace opis::core
