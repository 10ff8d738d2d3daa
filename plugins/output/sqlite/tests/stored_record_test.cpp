// without_text_fields: the stored record is the record's bytes without
// title, summary and text, every other field copied as it was.
#include "stored_record.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using opis::sqlite_output::without_text_fields;
using namespace std::string_literals;

// A length-delimited field `number` holding `value` (shorter than 128 bytes).
std::string field(int number, const std::string& value) {
  return std::string(1, static_cast<char>(number << 3 | 2)) + static_cast<char>(value.size()) +
         value;
}

TEST(StoredRecord, DropsTitleSummaryAndTextAndKeepsTheRest) {
  const std::string id = field(1, "r-1");
  const std::string position = "\x20\x96\x01"s;  // field 4, varint 150
  // Field 33 needs a two-byte tag.
  const std::string entity_field = "\x8a\x02"s + static_cast<char>(8) + "\x0a\x06person";
  const std::string bytes = id + field(10, "Title") + position + field(12, "Summary") +
                            field(13, "Text of the record") + entity_field;
  std::string out;
  EXPECT_EQ(without_text_fields(bytes, out), id + position + entity_field);
}

TEST(StoredRecord, KeepsLongFieldsWhole) {
  const std::string long_text(300, 'x');  // its length takes two bytes
  const std::string bytes = "\x6a\xac\x02"s + long_text + field(1, "r-1");
  std::string out;
  EXPECT_EQ(without_text_fields(bytes, out), field(1, "r-1"));
}

TEST(StoredRecord, BytesThatAreNotProtobufAreKeptWhole) {
  std::string out;
  const std::string cut = "\x0a\x10short"s;  // says 16 bytes, has 5
  EXPECT_EQ(without_text_fields(cut, out), cut);
  const std::string group = "\x0b\x0c"s;  // wire type 3, which a record never uses
  EXPECT_EQ(without_text_fields(group, out), group);
  EXPECT_EQ(without_text_fields("", out), "");
}

}  // namespace
