// One record as a TEI P5 document (README.md has the mapping).
#pragma once

#include <opis/sdk.hpp>
#include <string>

namespace opis::tei {

struct TeiDocument {
  std::string xml;
  size_t skipped_spans = 0;  // annotations that could not be placed (overlaps, bad offsets)
};

TeiDocument render_tei(const opis::sdk::RecordView& record);

}  // namespace opis::tei
