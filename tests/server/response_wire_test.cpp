#include "response_wire.hpp"

#include <google/protobuf/arena.h>
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <vector>

namespace opis::server {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using opis::v1::ProcessResponse;

// Sets every field of `message` (two elements of a repeated one, the second
// an empty string when it is a string), nested messages too, to distinct
// values, so a field the writer forgets changes the bytes.
void fill_every_field(Message& message, int depth, int& counter) {
  const auto* descriptor = message.GetDescriptor();
  const auto* reflection = message.GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    const int copies = field->is_repeated() ? 2 : 1;
    for (int copy = 0; copy < copies; ++copy) {
      ++counter;
      const bool repeated = field->is_repeated();
      switch (field->cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING: {
          const std::string value =
              repeated && copy == 1 ? "" : "v" + std::to_string(counter) + " \u00e9\u0436";
          repeated ? reflection->AddString(&message, field, value)
                   : reflection->SetString(&message, field, value);
          break;
        }
        case FieldDescriptor::CPPTYPE_UINT32:
          repeated ? reflection->AddUInt32(&message, field, 300u * counter)
                   : reflection->SetUInt32(&message, field, 300u * counter);
          break;
        case FieldDescriptor::CPPTYPE_INT32:
          repeated ? reflection->AddInt32(&message, field, -counter)
                   : reflection->SetInt32(&message, field, -counter);
          break;
        case FieldDescriptor::CPPTYPE_UINT64:
          repeated ? reflection->AddUInt64(&message, field, 70000u * counter)
                   : reflection->SetUInt64(&message, field, 70000u * counter);
          break;
        case FieldDescriptor::CPPTYPE_INT64:
          repeated ? reflection->AddInt64(&message, field, -70000 * counter)
                   : reflection->SetInt64(&message, field, -70000 * counter);
          break;
        case FieldDescriptor::CPPTYPE_DOUBLE:
          repeated ? reflection->AddDouble(&message, field, 0.5 * counter)
                   : reflection->SetDouble(&message, field, 0.5 * counter);
          break;
        case FieldDescriptor::CPPTYPE_FLOAT:
          repeated ? reflection->AddFloat(&message, field, 0.25f * counter)
                   : reflection->SetFloat(&message, field, 0.25f * counter);
          break;
        case FieldDescriptor::CPPTYPE_BOOL:
          repeated ? reflection->AddBool(&message, field, true)
                   : reflection->SetBool(&message, field, true);
          break;
        case FieldDescriptor::CPPTYPE_ENUM: {
          const int value =
              field->enum_type()->value(field->enum_type()->value_count() - 1)->number();
          repeated ? reflection->AddEnumValue(&message, field, value)
                   : reflection->SetEnumValue(&message, field, value);
          break;
        }
        case FieldDescriptor::CPPTYPE_MESSAGE: {
          Message* nested = repeated ? reflection->AddMessage(&message, field)
                                     : reflection->MutableMessage(&message, field);
          if (depth < 3) fill_every_field(*nested, depth + 1, counter);
          break;
        }
      }
    }
  }
}

std::string written(const ProcessResponse& response,
                    std::span<const opis::v1::Record* const> records = {}) {
  const ResponseParts parts{response, records};
  const std::size_t size = response_wire_size(parts);
  std::string bytes(size, '\0');
  auto* begin = reinterpret_cast<uint8_t*>(bytes.data());
  const uint8_t* end = write_response_wire(parts, begin);
  EXPECT_EQ(static_cast<std::size_t>(end - begin), size);
  return bytes;
}

TEST(ResponseWire, WritesWhatProtobufWritesWithEveryRecordFieldSet) {
  ProcessResponse response;
  response.set_request_id("request-1");
  int counter = 0;
  fill_every_field(*response.add_records(), 0, counter);
  const auto& record = response.records(0);
  const auto* descriptor = record.GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (field->is_repeated()) {
      EXPECT_EQ(record.GetReflection()->FieldSize(record, field), 2) << field->name();
    } else {
      EXPECT_TRUE(record.GetReflection()->HasField(record, field)) << field->name();
    }
  }
  response.add_records()->set_text("only text: \u043f\u0440\u0438\u0432\u0435\u0442\n");
  response.add_records();  // empty
  EXPECT_EQ(written(response), response.SerializeAsString());
}

TEST(ResponseWire, WritesErrorsEmptyResponsesAndLongTexts) {
  ProcessResponse empty;
  EXPECT_EQ(written(empty), empty.SerializeAsString());

  ProcessResponse failed;
  failed.set_request_id("7");
  failed.mutable_error()->set_code(3);
  failed.mutable_error()->set_message("bad input");
  failed.mutable_error()->set_plugin("ingest/text");
  EXPECT_EQ(written(failed), failed.SerializeAsString());

  ProcessResponse large;  // lengths that take three bytes as varints
  auto* record = large.add_records();
  record->set_text(std::string(70000, 'x'));
  record->set_position(1u << 20);
  EXPECT_EQ(written(large), large.SerializeAsString());
}

// The daemon's way: records kept where the pipeline made them (here an
// arena, as in the host) are written as the response's records, after its
// own and before its error, as if they had been added to it.
TEST(ResponseWire, RecordsOutsideTheResponseAreWrittenAsItsRecords) {
  google::protobuf::Arena arena;
  auto* first = google::protobuf::Arena::CreateMessage<opis::v1::Record>(&arena);
  int counter = 0;
  fill_every_field(*first, 0, counter);
  auto* second = google::protobuf::Arena::CreateMessage<opis::v1::Record>(&arena);
  second->set_text(std::string(70000, 'y'));
  const std::vector<const opis::v1::Record*> records = {first, second};

  ProcessResponse parts;
  parts.set_request_id("request-2");
  parts.add_records()->set_title("built into the response");
  parts.mutable_error()->set_message("after every record");
  ProcessResponse whole = parts;
  *whole.add_records() = *first;
  *whole.add_records() = *second;
  EXPECT_EQ(written(parts, records), whole.SerializeAsString());

  ProcessResponse only_id;
  only_id.set_request_id("request-3");
  ProcessResponse only_id_whole = only_id;
  *only_id_whole.add_records() = *second;
  EXPECT_EQ(written(only_id, {&second, 1}), only_id_whole.SerializeAsString());
}

TEST(ResponseWire, UnknownFieldsGoThroughTheGeneratedCode) {
  ProcessResponse response;
  auto* record = response.add_records();
  record->set_text("text");
  record->GetReflection()->MutableUnknownFields(record)->AddVarint(999, 5);
  EXPECT_EQ(written(response), response.SerializeAsString());
}

}  // namespace
}  // namespace opis::server
