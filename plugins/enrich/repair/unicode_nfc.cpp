#include "unicode_nfc.hpp"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include "utf8.hpp"

namespace opis::repair {
namespace {

const icu::Normalizer2& nfc_instance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC: ") + u_errorName(status));
  return *nfc;
}

// One bit per BMP code point that NFC leaves alone whatever surrounds it:
// it has a normalization boundary before it (nothing before it combines
// with it) and is NFC on its own. A text made only of such characters is
// NFC, because NFC works segment by segment between boundaries.
using StableSet = std::array<uint64_t, 0x10000 / 64>;

StableSet build_stable_set(const icu::Normalizer2& nfc) {
  StableSet set{};
  for (UChar32 c = 0; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are not UTF-8 text
    if (!nfc.hasBoundaryBefore(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    if (!nfc.isNormalized(icu::UnicodeString(c), status) || U_FAILURE(status)) continue;
    set[static_cast<size_t>(c) / 64] |= uint64_t{1} << (c % 64);
  }
  return set;
}

// The cheap scan that lets almost every text skip ICU: ASCII eight bytes at
// a time, other characters by one look-up each. Characters beyond the BMP
// are left to ICU.
bool surely_nfc(std::string_view text, const icu::Normalizer2& nfc) {
  static const StableSet stable = build_stable_set(nfc);
  size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      uint64_t chunk = 0;
      std::memcpy(&chunk, text.data() + i, sizeof chunk);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const Decoded d = decode_at(text, i);
    if (d.cp >= 0x10000 || (stable[d.cp / 64] >> (d.cp % 64) & 1U) == 0) return false;
    i += d.length;
  }
  return true;
}

}  // namespace

std::vector<Edit> normalize_nfc(std::string_view text) {
  if (text.size() > static_cast<size_t>(INT32_MAX)) return {};
  const icu::Normalizer2* nfc = &nfc_instance();
  if (surely_nfc(text, *nfc)) return {};
  UErrorCode status = U_ZERO_ERROR;
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
