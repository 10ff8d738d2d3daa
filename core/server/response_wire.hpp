// A ProcessResponse's wire bytes, written without protobuf's serialize-time
// UTF-8 check of the records' own strings. The host refuses invalid UTF-8 in
// every string a plugin sets, and the request's strings were checked when it
// was parsed, so the check (a pass over every document's text, again) can
// only find what is already known; and a failed check only logs, it never
// changes the bytes. Byte-identical to response.SerializeAsString().
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "opis/v1/archive_service.pb.h"

namespace opis::server {

// The bytes of `response` with `records` appended to its own records, as if
// they had been added to it: the pipeline's records stay in the arenas
// they were made in instead of being copied into the response. (The
// response's own unknown fields, which the daemon never makes, are kept
// only when there are no such records.)
struct ResponseParts {
  const opis::v1::ProcessResponse& response;
  std::span<const opis::v1::Record* const> records = {};
};

// The size of the bytes; caches the size of every nested message, which
// write_response_wire needs. Call it first, then change nothing.
std::size_t response_wire_size(const ResponseParts& parts);

// Writes the response_wire_size() bytes at `target`; returns their end.
uint8_t* write_response_wire(const ResponseParts& parts, uint8_t* target);

}  // namespace opis::server
