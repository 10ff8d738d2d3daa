#include "unicode_nfc.hpp"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace opis::repair {

std::vector<Edit> normalize_nfc(std::string_view text) {
  // ASCII is NFC: most archive text is, and skips ICU entirely.
  bool ascii = true;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii || text.size() > static_cast<size_t>(INT32_MAX)) return {};
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC: ") + u_errorName(status));
  const icu::StringPiece source(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(source, status) && U_SUCCESS(status)) return {};
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized);
  icu::Edits changes;
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, source, sink, &changes, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC: ") + u_errorName(status));
  std::vector<Edit> edits;
  icu::Edits::Iterator it = changes.getCoarseChangesIterator();
  while (it.next(status)) {
    if (!it.hasChange()) continue;
    Edit edit;
    edit.begin = static_cast<size_t>(it.sourceIndex());
    edit.end = edit.begin + static_cast<size_t>(it.oldLength());
    edit.replacement = normalized.substr(static_cast<size_t>(it.destinationIndex()),
                                         static_cast<size_t>(it.newLength()));
    edit.reason = "unicode normalization";
    edits.push_back(std::move(edit));
  }
  return edits;
}

}  // namespace opis::repair
