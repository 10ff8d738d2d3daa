// The compact protobuf JSON mapping of a message (proto field names, fields
// in field-number order, 64-bit integers as strings), written straight from
// protobuf reflection. It gives byte for byte what
// google::protobuf::util::MessageToJsonString prints with
// preserve_proto_field_names, several times faster: that printer serializes
// the message and re-parses the wire bytes through a type resolver, and was
// the largest single cost of a pipeline writing records.jsonl.
#pragma once

#include <google/protobuf/message.h>

#include <string>

namespace opis::core {

// Appends `message` as JSON to `out`. Returns false (leaving `out` as it
// was) for what this printer does not cover: maps, well-known types,
// extensions, invalid UTF-8. The caller then uses protobuf's printer.
bool append_compact_json(const google::protobuf::Message& message, std::string& out);

}  // namespace opis::core
