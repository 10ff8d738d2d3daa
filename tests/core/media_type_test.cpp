// Media-type sniffing and the matching rules ingest steps use to pick an
// ingester: magic numbers, then the extension, then a look at the bytes.
#include "opis/core/media_type.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using opis::core::glob_match;
using opis::core::media_type_match;
using opis::core::sniff_media_type;

TEST(SniffMediaType, MagicNumberBeatsTheExtension) {
  EXPECT_EQ(sniff_media_type("report.txt", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "application/pdf");
  EXPECT_EQ(sniff_media_type("scan.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "image/png");
  EXPECT_EQ(sniff_media_type("archive.jsonl", "PK\x03\x04\x14\0"), "application/zip");
}

TEST(SniffMediaType, ExtensionDecidesForTextWithoutMagic) {
  EXPECT_EQ(sniff_media_type("records.jsonl", "{\"id\":\"a\"}\n"), "application/x-ndjson");
  EXPECT_EQ(sniff_media_type("notes.md", "# Title\n"), "text/markdown");
  EXPECT_EQ(sniff_media_type("page.html", "<p>hi</p>"), "text/html");
  EXPECT_EQ(sniff_media_type("memo.txt", "Memorandum"), "text/plain");
}

TEST(SniffMediaType, ExtensionIsCaseInsensitive) {
  EXPECT_EQ(sniff_media_type("RECORDS.JSONL", "{}\n"), "application/x-ndjson");
  EXPECT_EQ(sniff_media_type("Memo.TXT", "text"), "text/plain");
}

TEST(SniffMediaType, UnknownOrMissingExtensionOnTextIsPlainText) {
  EXPECT_EQ(sniff_media_type("notes.xyz", "just words"), "text/plain");
  EXPECT_EQ(sniff_media_type("README", "just words"), "text/plain");
  EXPECT_EQ(sniff_media_type("", "just words"), "text/plain");
}

TEST(SniffMediaType, DotInADirectoryNameIsNotAnExtension) {
  EXPECT_EQ(sniff_media_type("exports.jsonl/readme", "words"), "text/plain");
}

TEST(SniffMediaType, NulBytesMeanBinaryUnlessTheExtensionIsText) {
  const std::string binary("\x01\x02\0\x03garbage", 11);
  EXPECT_EQ(sniff_media_type("blob.bin", binary), "application/octet-stream");
  EXPECT_EQ(sniff_media_type("blob", binary), "application/octet-stream");
  // A .json extension is not text/*: NUL bytes still mean binary.
  EXPECT_EQ(sniff_media_type("data.json", binary), "application/octet-stream");
  // A text extension is trusted; the ingester decides what to make of it.
  EXPECT_EQ(sniff_media_type("damaged.txt", binary), "text/plain");
}

TEST(SniffMediaType, Utf16TextWithByteOrderMarkIsNotBinary) {
  const std::string little_endian("\xFF\xFEH\0i\0", 6);
  const std::string big_endian("\xFE\xFF\0H\0i", 6);
  EXPECT_EQ(sniff_media_type("letter", little_endian), "text/plain");
  EXPECT_EQ(sniff_media_type("letter.txt", big_endian), "text/plain");
  // The same bytes without the mark are binary.
  EXPECT_EQ(sniff_media_type("letter", std::string("H\0i\0", 4)), "application/octet-stream");
}

TEST(GlobMatch, StarMatchesAnyRunIncludingNone) {
  EXPECT_TRUE(glob_match("*.txt", "memo.txt"));
  EXPECT_TRUE(glob_match("*.txt", ".txt"));
  EXPECT_FALSE(glob_match("*.txt", "memo.txt.bak"));
  EXPECT_FALSE(glob_match("*.txt", "memo.text"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("a*b*c", "axxbyyc"));
  EXPECT_FALSE(glob_match("a*b*c", "axxbyy"));
  EXPECT_TRUE(glob_match("*-draft-*.md", "memo-draft-2.md"));
}

TEST(GlobMatch, QuestionMarkMatchesExactlyOneCharacter) {
  EXPECT_TRUE(glob_match("file?.md", "file1.md"));
  EXPECT_FALSE(glob_match("file?.md", "file.md"));
  EXPECT_FALSE(glob_match("file?.md", "file12.md"));
}

TEST(GlobMatch, BracketMatchesOneCharacterOfTheSet) {
  EXPECT_TRUE(glob_match("[abc]*", "beta"));
  EXPECT_FALSE(glob_match("[abc]*", "delta"));
  EXPECT_TRUE(glob_match("page-[12].txt", "page-2.txt"));
  EXPECT_FALSE(glob_match("page-[12].txt", "page-3.txt"));
  EXPECT_FALSE(glob_match("page-[12].txt", "page-12.txt"));
}

TEST(GlobMatch, IsCaseSensitiveAndAnchoredAtBothEnds) {
  EXPECT_FALSE(glob_match("*.TXT", "memo.txt"));
  EXPECT_FALSE(glob_match("memo", "memo.txt"));
  EXPECT_FALSE(glob_match("memo", "a-memo"));
  EXPECT_TRUE(glob_match("memo", "memo"));
}

TEST(MediaTypeMatch, ExactTypeIgnoresParametersAndCase) {
  EXPECT_TRUE(media_type_match("text/plain", "text/plain"));
  EXPECT_TRUE(media_type_match("text/plain", "text/plain; charset=utf-8"));
  EXPECT_TRUE(media_type_match("text/plain", "text/plain ; charset=utf-8"));
  EXPECT_TRUE(media_type_match("text/plain", "Text/Plain"));
  EXPECT_FALSE(media_type_match("text/plain", "text/plainer"));
  EXPECT_FALSE(media_type_match("text/plain", "text/html"));
}

TEST(MediaTypeMatch, SubtypeWildcardMatchesOnlyItsType) {
  EXPECT_TRUE(media_type_match("text/*", "text/plain"));
  EXPECT_TRUE(media_type_match("text/*", "text/markdown;charset=windows-1251"));
  EXPECT_TRUE(media_type_match("text/*", "TEXT/HTML"));
  EXPECT_FALSE(media_type_match("text/*", "application/json"));
  EXPECT_FALSE(media_type_match("text/*", "textual/x-thing"));
}

TEST(MediaTypeMatch, FullWildcardMatchesEverything) {
  EXPECT_TRUE(media_type_match("*/*", "application/pdf"));
  EXPECT_TRUE(media_type_match("*", "image/png"));
}

}  // namespace
