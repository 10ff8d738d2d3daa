#include "response_wire.hpp"

#include <google/protobuf/wire_format_lite.h>

namespace opis::server {

namespace {

using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedOutputStream;
using opis::v1::Record;

uint8_t* write_string(int field, const std::string& value, uint8_t* target) {
  return WireFormatLite::WriteStringToArray(field, value, target);
}

// proto3: an empty string is not written.
uint8_t* write_if_set(int field, const std::string& value, uint8_t* target) {
  return value.empty() ? target : write_string(field, value, target);
}

uint8_t* write_strings(int field, const google::protobuf::RepeatedPtrField<std::string>& values,
                       uint8_t* target) {
  for (const auto& value : values) target = write_string(field, value, target);
  return target;
}

// A nested message through its generated code: its strings are small.
uint8_t* write_message(int field, const google::protobuf::MessageLite& message, uint8_t* target) {
  target =
      WireFormatLite::WriteTagToArray(field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED, target);
  target = CodedOutputStream::WriteVarint32ToArray(static_cast<uint32_t>(message.GetCachedSize()),
                                                   target);
  return message.SerializeWithCachedSizesToArray(target);
}

template <class Message>
uint8_t* write_messages(int field, const google::protobuf::RepeatedPtrField<Message>& messages,
                        uint8_t* target) {
  for (const auto& message : messages) target = write_message(field, message, target);
  return target;
}

bool has_unknown_fields(const google::protobuf::Message& message) {
  return !message.GetReflection()->GetUnknownFields(message).empty();
}

// Record's fields in field-number order, as the generated code writes them.
uint8_t* write_record_fields(const Record& r, uint8_t* target) {
  target = write_if_set(1, r.id(), target);
  target = write_if_set(2, r.kind(), target);
  if (r.has_source()) target = write_message(3, r.source(), target);
  if (r.position() != 0) target = WireFormatLite::WriteUInt32ToArray(4, r.position(), target);
  target = write_if_set(5, r.parent_id(), target);
  target = write_if_set(10, r.title(), target);
  if (r.has_date()) target = write_message(11, r.date(), target);
  target = write_if_set(12, r.summary(), target);
  target = write_if_set(13, r.text(), target);
  target = write_if_set(14, r.language(), target);
  target = write_strings(20, r.funders(), target);
  target = write_if_set(21, r.classification(), target);
  target = write_if_set(22, r.copy_number(), target);
  target = write_strings(23, r.stamps(), target);
  target = write_if_set(24, r.rights(), target);
  target = write_messages(25, r.metadata(), target);
  target = write_messages(30, r.footnotes(), target);
  target = write_messages(31, r.citations(), target);
  target = write_messages(32, r.contributors(), target);
  target = write_messages(33, r.entities(), target);
  target = write_messages(34, r.dates(), target);
  target = write_messages(35, r.annotations(), target);
  target = write_messages(36, r.links(), target);
  target = write_messages(40, r.provenance(), target);
  return write_strings(41, r.warnings(), target);
}

uint8_t* write_record(int field, const Record& record, uint8_t* target) {
  // Unknown fields (none that the host makes) go through the generated code.
  if (has_unknown_fields(record)) return write_message(field, record, target);
  target =
      WireFormatLite::WriteTagToArray(field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED, target);
  target = CodedOutputStream::WriteVarint32ToArray(static_cast<uint32_t>(record.GetCachedSize()),
                                                   target);
  return write_record_fields(record, target);
}

}  // namespace

std::size_t response_wire_size(const ResponseParts& parts) {
  std::size_t size = parts.response.ByteSizeLong();
  for (const Record* record : parts.records) {
    const std::size_t record_size = record->ByteSizeLong();
    size += 1 + CodedOutputStream::VarintSize32(static_cast<uint32_t>(record_size)) + record_size;
  }
  return size;
}

uint8_t* write_response_wire(const ResponseParts& parts, uint8_t* target) {
  const opis::v1::ProcessResponse& response = parts.response;
  if (has_unknown_fields(response) && parts.records.empty()) {
    return response.SerializeWithCachedSizesToArray(target);
  }
  // Field order as protobuf writes it: request_id (1), records (2), error (3).
  target = write_if_set(1, response.request_id(), target);
  for (const auto& record : response.records()) target = write_record(2, record, target);
  for (const Record* record : parts.records) target = write_record(2, *record, target);
  if (response.has_error()) target = write_message(3, response.error(), target);
  return target;
}

}  // namespace opis::server
