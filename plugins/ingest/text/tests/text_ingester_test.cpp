// ingest/text: decoding, refusals and the record it makes, through the
// real plugin binary run by the SDK's harness (opis/testing.hpp): this
// executable links neither the host nor protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <opis/testing.hpp>
#include <string>
#include <string_view>

namespace {

using opis::testing::Harness;
using opis::testing::Record;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Harness text_ingester(std::string_view config = "{}") {
  return Harness(OPIS_PLUGIN_FILE, config);
}

// Ingests `bytes`, expecting exactly one record.
Record ingest_one(Harness& ingester, const std::string& bytes) {
  auto result = ingester.try_ingest(bytes);
  EXPECT_TRUE(result.ok()) << result.message;
  EXPECT_EQ(result.records.size(), 1u);
  return result.records.empty() ? Record() : result.records.front();
}

Record ingest_one(const std::string& bytes, std::string_view config = "{}") {
  auto ingester = text_ingester(config);
  return ingest_one(ingester, bytes);
}

// Ingests `bytes`, expecting a refusal of the document.
Harness::Ingested refusal(const std::string& bytes, std::string_view config = "{}") {
  auto ingester = text_ingester(config);
  auto result = ingester.try_ingest(bytes);
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT) << result.message;
  EXPECT_THAT(result.records, IsEmpty());
  return result;
}

// The message of the error that stops the plugin from starting; empty when
// it starts.
std::string start_error(std::string_view config) {
  try {
    text_ingester(config);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

std::string warnings_of(const Record& record) {
  std::string all;
  for (const auto w : record.warnings()) all += std::string(w) + "\n";
  return all;
}

std::string utf16(std::u16string_view text, bool big_endian) {
  std::string out;
  for (const char16_t unit : text) {
    const auto high = static_cast<char>(unit >> 8);
    const auto low = static_cast<char>(unit & 0xFF);
    out += big_endian ? std::string{high, low} : std::string{low, high};
  }
  return out;
}

std::string utf32_le(std::u32string_view text) {
  std::string out;
  for (const char32_t c : text) {
    for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((c >> shift) & 0xFF);
  }
  return out;
}

// French in ISO-8859-1: long enough for ICU's detector to be sure.
const std::string kLatin1 =
    "D\xe9j\xe0 vu au caf\xe9 de la gare: l'ambassadeur a re\xe7u le ministre "
    "fran\xe7"
    "ais et ils ont parl\xe9 de la r\xe9union pr\xe9vue \xe0 P\xe9kin.\n"
    "La d\xe9l\xe9gation est arriv\xe9"
    "e le m\xea"
    "me jour; le pr\xe9sident a exprim\xe9 sa satisfaction.\n";
const std::string kLatin1AsUtf8 =
    "Déjà vu au café de la gare: l'ambassadeur a reçu le ministre "
    "français et ils ont parlé de la réunion prévue à Pékin.\n"
    "La délégation est arrivée le même jour; le président a exprimé sa satisfaction.\n";

// The same Russian text in KOI8-R and in UTF-8.
const std::string kKoi8r =
    "\xf4\xcf\xd7\xc1\xd2\xc9\xdd \xeb\xc9\xcd \xe9\xd2 \xf3\xc5\xce \xd0\xd2\xc9\xce\xd1\xcc "
    "\xd3\xcf\xd7\xc5\xd4\xd3\xcb\xcf\xc7\xcf \xd0\xcf\xd3\xcc\xc1 \xc9 \xc2\xc5\xd3\xc5\xc4\xcf"
    "\xd7\xc1\xcc \xd3 \xce\xc9\xcd \xcf \xd0\xcf\xcc\xcf\xd6\xc5\xce\xc9\xc9 \xd7 \xd3\xd4\xd2"
    "\xc1\xce\xc5. \xf0\xcf\xd3\xcf\xcc \xd0\xc5\xd2\xc5\xc4\xc1\xcc \xd0\xc9\xd3\xd8\xcd\xcf "
    "\xc9\xda \xed\xcf\xd3\xcb\xd7\xd9, \xc9 \xd2\xc1\xda\xc7\xcf\xd7\xcf\xd2 \xd0\xd2\xcf\xc4"
    "\xcf\xcc\xd6\xc1\xcc\xd3\xd1 \xc4\xd7\xc1 \xde\xc1\xd3\xc1.\n";
const std::string kKoi8rAsUtf8 =
    "Товарищ Ким Ир Сен принял советского посла и беседовал с ним о положении в стране. "
    "Посол передал письмо из Москвы, и разговор продолжался два часа.\n";

// ------------------------------------------------------------ the record

TEST(TextIngester, PlainUtf8BecomesOneDocumentRecord) {
  const std::string text =
      "\n   \nMemorandum of conversation\nWith Ambassador Puzanov, 5 October 1956.\n"
      "Присутствовал переводчик.\n";
  const auto record = ingest_one(text);
  EXPECT_EQ(record.text(), text);
  EXPECT_EQ(record.kind(), "document");
  EXPECT_EQ(record.title(), "Memorandum of conversation");
  EXPECT_THAT(record.warnings(), IsEmpty());
}

TEST(TextIngester, TitleIsTheFirstNonBlankLineTrimmed) {
  EXPECT_EQ(ingest_one(" \t \n\t  Telegram from Mikoyan  \nbody\n").title(),
            "Telegram from Mikoyan");
}

TEST(TextIngester, LongTitleIsCutAtACharacterBoundary) {
  // 299 ASCII bytes, then two-byte letters: the 300-byte limit falls inside
  // the first of them, which must not be split.
  const std::string line = std::string(299, 'a') + "жжж";
  EXPECT_EQ(ingest_one(line + "\nbody").title(), std::string(299, 'a'));
}

TEST(TextIngester, KindAndTitleFollowTheConfig) {
  const auto record =
      ingest_one("First line\nsecond", R"({"kind": "article", "title_from_first_line": false})");
  EXPECT_EQ(record.kind(), "article");
  EXPECT_EQ(record.title(), "");
}

TEST(TextIngester, CrlfAndLoneCrBecomeLf) {
  EXPECT_EQ(ingest_one("one\r\ntwo\rthree\r\n\r\nfour").text(), "one\ntwo\nthree\n\nfour");
}

TEST(TextIngester, TabsFormFeedsAndEscapesAreText) {
  const std::string text = "Page 1\tcolumn\fPage 2 \x1b[1mbold\x1b[0m\n";
  EXPECT_EQ(ingest_one(text).text(), text);
}

// ------------------------------------------------------- byte order marks

TEST(TextIngester, Utf8ByteOrderMarkIsStripped) {
  const auto record = ingest_one("\xEF\xBB\xBFHello, Pyongyang\nbody");
  EXPECT_EQ(record.text(), "Hello, Pyongyang\nbody");
  EXPECT_EQ(record.title(), "Hello, Pyongyang");
  EXPECT_THAT(record.warnings(), IsEmpty());
}

TEST(TextIngester, Utf16LittleEndianWithBomIsDecoded) {
  const auto record =
      ingest_one("\xFF\xFE" + utf16(u"Déjà vu — Жуков\r\nsecond line", /*big_endian=*/false));
  EXPECT_EQ(record.text(), "Déjà vu — Жуков\nsecond line");
  EXPECT_EQ(record.title(), "Déjà vu — Жуков");
  EXPECT_THAT(warnings_of(record), HasSubstr("UTF-16LE"));
}

TEST(TextIngester, Utf16BigEndianWithBomIsDecoded) {
  const auto record =
      ingest_one("\xFE\xFF" + utf16(u"Déjà vu — Жуков\nsecond line", /*big_endian=*/true));
  EXPECT_EQ(record.text(), "Déjà vu — Жуков\nsecond line");
  EXPECT_THAT(warnings_of(record), HasSubstr("UTF-16BE"));
}

TEST(TextIngester, Utf32LittleEndianWithBomIsNotMistakenForUtf16) {
  // Its mark begins with the UTF-16LE one.
  const auto record = ingest_one(std::string("\xFF\xFE\0\0", 4) + utf32_le(U"Ким Ир Сен 😀"));
  EXPECT_EQ(record.text(), "Ким Ир Сен 😀");
  EXPECT_THAT(warnings_of(record), HasSubstr("UTF-32LE"));
}

TEST(TextIngester, Utf16WithNulCharacterIsBinary) {
  const auto call = refusal("\xFF\xFE" + utf16(std::u16string(u"ab\0cd", 5), false));
  EXPECT_THAT(call.message, HasSubstr("binary data"));
  EXPECT_THAT(call.message, HasSubstr("UTF-16LE"));
}

TEST(TextIngester, Utf8ByteOrderMarkWinsOverDetection) {
  // Latin-1 bytes behind a UTF-8 mark are damaged UTF-8, not Latin-1; the
  // offset counts the mark.
  const auto call = refusal("\xEF\xBB\xBF" + kLatin1);
  EXPECT_THAT(call.message, HasSubstr("invalid UTF-8 at byte offset 4"));
}

// ------------------------------------------------------ legacy charsets

TEST(TextIngester, Windows1252IsDetectedAndDecoded) {
  // Curly quotes (0x93, 0x94) exist in windows-1252, not in ISO-8859-1.
  const auto record = ingest_one("\x93" + kLatin1 + "\x94\n");
  EXPECT_EQ(record.text(), "“" + kLatin1AsUtf8 + "”\n");
  EXPECT_THAT(warnings_of(record), HasSubstr("windows-1252"));
  EXPECT_EQ(record.title(),
            "“Déjà vu au café de la gare: l'ambassadeur a reçu le ministre "
            "français et ils ont parlé de la réunion prévue à Pékin.");
}

TEST(TextIngester, Iso88591IsDetectedAndDecoded) {
  const auto record = ingest_one(kLatin1);
  EXPECT_EQ(record.text(), kLatin1AsUtf8);
  EXPECT_THAT(warnings_of(record), HasSubstr("ISO-8859-1"));
}

TEST(TextIngester, Koi8rRussianIsDetected) {
  const auto record = ingest_one(kKoi8r);
  EXPECT_EQ(record.text(), kKoi8rAsUtf8);
  EXPECT_THAT(warnings_of(record), HasSubstr("KOI8-R"));
}

TEST(TextIngester, ConfiguredEncodingIsUsed) {
  // "Привет, мир" in windows-1251: too short for the detector.
  const auto record =
      ingest_one("\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0", R"({"encoding": "windows-1251"})");
  EXPECT_EQ(record.text(), "Привет, мир");
  EXPECT_THAT(warnings_of(record), HasSubstr("windows-1251 (configured)"));
}

TEST(TextIngester, ConfiguredUtf16WithoutBomIsNotMistakenForBinary) {
  const auto record = ingest_one(utf16(u"Plain text, Жуков", false), R"({"encoding": "UTF-16LE"})");
  EXPECT_EQ(record.text(), "Plain text, Жуков");
}

TEST(TextIngester, ConfiguredUtf8NeedsNoWarning) {
  const auto record = ingest_one("Ким Ир Сен", R"({"encoding": "utf8"})");
  EXPECT_EQ(record.text(), "Ким Ир Сен");
  EXPECT_THAT(record.warnings(), IsEmpty());
}

TEST(TextIngester, ConfiguredCharsetRefusesBytesItDoesNotDefineNamingTheOffset) {
  const auto call = refusal("plain \xe9t\xe9", R"({"encoding": "US-ASCII"})");
  EXPECT_THAT(call.message, HasSubstr("not valid US-ASCII"));
  EXPECT_THAT(call.message, HasSubstr("0xE9 at byte offset 6"));
}

TEST(TextIngester, UnknownEncodingStopsThePluginFromStarting) {
  EXPECT_THAT(start_error(R"({"encoding": "no-such-charset"})"), HasSubstr("'no-such-charset'"));
}

TEST(TextIngester, UndetectableCharsetIsRefusedWithAHint) {
  const auto call = refusal(kLatin1, R"({"min_confidence": 100})");
  EXPECT_THAT(call.message, HasSubstr("byte 0xE9 at offset 1"));
  EXPECT_THAT(call.message, HasSubstr("could not be detected"));
  EXPECT_THAT(call.message, HasSubstr("set encoding:"));
}

// --------------------------------------------------------------- refusals

TEST(TextIngester, EmptyInputIsRefused) {
  EXPECT_THAT(refusal("").message, HasSubstr("empty"));
}

TEST(TextIngester, WhitespaceOnlyInputIsRefused) {
  EXPECT_THAT(refusal(" \n\t\r\n  \f\n").message, HasSubstr("only whitespace"));
}

TEST(TextIngester, NulByteIsRefusedAsBinaryNamingItsOffset) {
  const auto call = refusal(std::string("text\0more text", 14));
  EXPECT_THAT(call.message, HasSubstr("binary data"));
  EXPECT_THAT(call.message, HasSubstr("offset 4"));
}

TEST(TextIngester, ManyControlCharactersAreRefusedAsBinary) {
  std::string bytes;
  for (int i = 0; i < 50; ++i) bytes += "data\x01\x02\x03\x7f";
  const auto call = refusal(bytes);
  EXPECT_THAT(call.message, HasSubstr("binary data"));
  EXPECT_THAT(call.message, HasSubstr("150 control characters"));
}

TEST(TextIngester, DamagedUtf8IsRefusedNamingTheByteOffset) {
  const std::string good = "Товарищ Ким Ир Сен принял посла. ";
  const auto call = refusal(good + "\xD0 broken" + " и ещё текст");
  EXPECT_THAT(call.message,
              HasSubstr("invalid UTF-8 at byte offset " + std::to_string(good.size())));
  EXPECT_THAT(call.message, HasSubstr("0xD0"));
  EXPECT_THAT(call.message, HasSubstr("on_invalid: replace"));
}

// The check reads ASCII 32 and 8 bytes at a time: the offset is exact
// wherever the bad byte falls in those blocks. The "é" in front makes the
// text damaged UTF-8 rather than a legacy charset.
TEST(TextIngester, DamagedUtf8IsFoundAtEveryOffsetAcrossTheAsciiBlocks) {
  for (size_t at = 2; at < 80; ++at) {
    std::string bytes = "\xC3\xA9" + std::string(88, 'a');
    bytes[at] = '\xC3';  // a lead byte followed by ASCII
    const auto call = refusal(bytes);
    EXPECT_THAT(call.message, HasSubstr("invalid UTF-8 at byte offset " + std::to_string(at) + " "))
        << "bad byte at " << at;
  }
}

TEST(TextIngester, DamagedUtf8AfterBomIsRefusedNamingTheOffsetInTheFile) {
  const std::string good = "\xEF\xBB\xBFТоварищ Ким. ";
  const auto call = refusal(good + "\xFF tail");
  EXPECT_THAT(call.message,
              HasSubstr("invalid UTF-8 at byte offset " + std::to_string(good.size())));
}

TEST(TextIngester, OnInvalidReplaceKeepsTheTextWithReplacementCharacter) {
  const std::string good = "Товарищ Ким Ир Сен принял посла. ";
  const auto record = ingest_one(good + "\xD0 broken", R"({"on_invalid": "replace"})");
  EXPECT_EQ(record.text(), good + "\uFFFD broken");
  EXPECT_THAT(warnings_of(record), HasSubstr("U+FFFD"));
}

TEST(TextIngester, OnInvalidReplaceFallsBackToUtf8WhenNoCharsetIsDetected) {
  const auto record =
      ingest_one("caf\xe9 au lait", R"({"on_invalid": "replace", "min_confidence": 100})");
  EXPECT_EQ(record.text(), "caf\uFFFD au lait");
  EXPECT_THAT(warnings_of(record), HasSubstr("U+FFFD"));
}

// ------------------------------------------------------- config and probe

TEST(TextIngester, SchemaRefusesUnknownKeys) {
  EXPECT_THAT(start_error(R"({"encodng": "UTF-8"})"), HasSubstr("encodng"));
}

TEST(TextIngester, SchemaRefusesBadEnumValues) {
  EXPECT_THAT(start_error(R"({"on_invalid": "ignore"})"), HasSubstr("on_invalid"));
}

TEST(TextIngester, SchemaRefusesConfidenceOutOfRange) {
  EXPECT_THAT(start_error(R"({"min_confidence": 101})"), HasSubstr("min_confidence"));
}

TEST(TextIngester, SchemaAcceptsEveryDocumentedKey) {
  EXPECT_EQ(start_error(R"({"encoding": "windows-1252", "on_invalid": "replace",
                             "min_confidence": 30, "kind": "article",
                             "title_from_first_line": false})"),
            "");
}

TEST(TextIngester, ProbeGivesTextALowButPositiveConfidence) {
  auto ingester = text_ingester();
  const int text = ingester.probe("Memorandum of conversation\n");
  EXPECT_GT(text, 0);
  EXPECT_LT(text, 50);  // below the default of a plugin without a probe
  EXPECT_EQ(ingester.probe("\xFF\xFE" + utf16(u"UTF-16 text", false)), text);
  const int binary =
      ingester.probe(std::string("\x7f"
                                 "ELF\0\0\0",
                                 7));
  EXPECT_GT(binary, 0);  // still taken, to report why it is not text
  EXPECT_LT(binary, text);
}

}  // namespace
