// UTF-8 validation (RFC 3629) and SHA-256, the byte-level checks every
// string crossing the plugin boundary and every record id depend on.
#include "opis/core/text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <opis/utf8.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace {

using opis::core::first_invalid_utf8;
using opis::core::is_valid_utf8;
using opis::core::sha256_hex;

TEST(Utf8, WellFormedMultiByteTextIsValid) {
  // 1-, 2-, 3- and 4-byte sequences, including the edges of each range.
  const std::string text =
      "plain ASCII, "
      "\xC2\x80 \xDF\xBF "                                               // U+0080, U+07FF
      "\xE0\xA0\x80 \xED\x9F\xBF \xEF\xBF\xBF "                          // U+0800, U+D7FF, U+FFFF
      "\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF "                               // U+10000, U+10FFFF
      "\xD0\x94\xD0\xB5\xD0\xBB\xD0\xBE \xE2\x80\x93 \xF0\x9D\x84\x9E";  // Дело – 𝄞
  EXPECT_EQ(first_invalid_utf8(text), std::nullopt);
  EXPECT_TRUE(is_valid_utf8(text));
  EXPECT_TRUE(is_valid_utf8(""));
}

TEST(Utf8, OverlongEncodingsAreRefused) {
  EXPECT_EQ(first_invalid_utf8("ab\xC0\x80"), 2u);           // '\0' in two bytes
  EXPECT_EQ(first_invalid_utf8("ab\xC1\xBF"), 2u);           // U+007F in two bytes
  EXPECT_EQ(first_invalid_utf8("a\xE0\x80\xAF"), 1u);        // '/' in three bytes
  EXPECT_EQ(first_invalid_utf8("a\xE0\x9F\xBF"), 1u);        // U+07FF in three bytes
  EXPECT_EQ(first_invalid_utf8("\xF0\x80\x80\xAF"), 0u);     // '/' in four bytes
  EXPECT_EQ(first_invalid_utf8("xyz\xF0\x8F\xBF\xBF"), 3u);  // U+FFFF in four bytes
}

// The ASCII fast path reads 32 and 8 bytes at a time: a bad byte or a
// multi-byte character must be seen wherever it falls in those blocks.
TEST(Utf8, FoundAtEveryOffsetAcrossTheAsciiBlocks) {
  for (size_t at = 0; at < 80; ++at) {
    std::string text(90, 'a');
    text[at] = '\xFF';
    EXPECT_EQ(first_invalid_utf8(text), at) << "bad byte at " << at;
    std::string valid(90, 'a');
    valid.replace(at, 2, "\xC3\xA9");  // é
    EXPECT_EQ(first_invalid_utf8(valid), std::nullopt) << "é at " << at;
    valid.replace(at, 2,
                  "\xC3"
                  "a");  // a lead byte without its continuation
    EXPECT_EQ(first_invalid_utf8(valid), at) << "cut sequence at " << at;
  }
}

TEST(Utf8, SurrogatesAreRefused) {
  EXPECT_EQ(first_invalid_utf8("ok \xED\xA0\x80"), 3u);  // U+D800
  EXPECT_EQ(first_invalid_utf8("\xED\xBF\xBF!"), 0u);    // U+DFFF
}

TEST(Utf8, CodePointsAboveU10FFFFAreRefused) {
  EXPECT_EQ(first_invalid_utf8("a\xF4\x90\x80\x80"), 1u);  // U+110000
  EXPECT_EQ(first_invalid_utf8("ab\xF5\x80\x80\x80"), 2u);
  EXPECT_EQ(first_invalid_utf8("\xFF"), 0u);
}

TEST(Utf8, TruncatedSequenceAtTheEndIsReportedWhereItStarts) {
  EXPECT_EQ(first_invalid_utf8("abc\xE2\x82"), 3u);   // € missing its last byte
  EXPECT_EQ(first_invalid_utf8("\xF0\x9F\x98"), 0u);  // emoji missing its last byte
  EXPECT_EQ(first_invalid_utf8("\xD0\x94\xD0"), 2u);  // "Д" then half a "Д"
  EXPECT_EQ(first_invalid_utf8("ok\xE2\x82"
                               "A"),
            2u);  // not a continuation byte
}

TEST(Utf8, StrayContinuationByteIsRefused) {
  EXPECT_EQ(first_invalid_utf8("\x80"), 0u);
  EXPECT_EQ(first_invalid_utf8("\xD0\x94\xBF"), 2u);
}

TEST(Utf8, OffsetIsExactPastLongAsciiRuns) {
  // The validator skips ASCII eight bytes at a time; the offset must still
  // point at the bad byte, wherever it falls within a chunk.
  for (size_t prefix = 0; prefix < 20; ++prefix) {
    const std::string text = std::string(prefix, 'a') + "\xC0\xAF" + std::string(9, 'b');
    EXPECT_EQ(first_invalid_utf8(text), prefix) << "after " << prefix << " ASCII bytes";
  }
  const std::string valid = std::string(17, 'a') + "\xE2\x80\x93" + std::string(11, 'b');
  EXPECT_EQ(first_invalid_utf8(valid), std::nullopt);
}

// The automaton against a decoder written from RFC 3629 itself: every
// sequence of one and two bytes, every three-byte one with a lead byte of
// E0..EF, and four-byte ones over a set of edge values, each after ASCII
// of three lengths (so that the skip paths run first), at the end of the
// text and followed by more text.
size_t reference_first_invalid(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t length = 1;
    uint32_t code = c;
    if (c >= 0x80) {
      if ((c & 0xE0) == 0xC0) {
        length = 2;
      } else if ((c & 0xF0) == 0xE0) {
        length = 3;
      } else if ((c & 0xF8) == 0xF0) {
        length = 4;
      } else {
        return i;
      }
      if (i + length > text.size()) return i;
      code = c & (0x7FU >> length);
      for (size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) return i;
        code = code << 6 | (next & 0x3FU);
      }
      const uint32_t least = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
      if (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

void expect_same_verdicts(const std::string& sequence) {
  for (const size_t ascii : {0, 5, 33}) {
    for (const char* after : {"", "z", "tail of plain text, longer than a block"}) {
      const std::string text = std::string(ascii, 'a') + sequence + after;
      ASSERT_EQ(opis::sdk::first_invalid_utf8(text), reference_first_invalid(text))
          << "bytes after " << ascii << " ASCII: " << ::testing::PrintToString(sequence);
    }
  }
}

TEST(Utf8, AgreesWithADecoderOnEveryShortSequence) {
  for (unsigned a = 0; a < 256; ++a) {
    expect_same_verdicts(std::string(1, static_cast<char>(a)));
    for (unsigned b = 0; b < 256; ++b) {
      const std::string two{static_cast<char>(a), static_cast<char>(b)};
      expect_same_verdicts(two);
      if (a < 0xE0 || a > 0xEF) continue;
      for (unsigned c = 0; c < 256; c += (c >= 0x70 && c < 0xC8) ? 1 : 7) {
        expect_same_verdicts(two + static_cast<char>(c));
      }
    }
  }
  const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  for (unsigned a = 0xF0; a <= 0xF7; ++a) {
    for (unsigned b = 0x70; b < 0xD0; ++b) {
      for (const unsigned char c : edges) {
        for (const unsigned char d : edges) {
          expect_same_verdicts(std::string{static_cast<char>(a), static_cast<char>(b),
                                           static_cast<char>(c), static_cast<char>(d)});
        }
      }
    }
  }
}

TEST(Sha256, MatchesPublishedTestVectors) {
  // FIPS 180-2 examples.
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, HashesEmbeddedNulBytes) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(sha256_hex(with_nul), sha256_hex("a"));
  EXPECT_EQ(sha256_hex(with_nul).size(), 64u);
}

}  // namespace
