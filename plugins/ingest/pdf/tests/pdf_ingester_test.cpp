// ingest/pdf: text, pages, Info entries and refusals, through the real
// plugin binary run by the SDK's harness (opis/testing.hpp): this executable
// links neither the host nor protobuf. The PDFs are written by the tests.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <opis/testing.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "handmade_pdf.hpp"
#include "temp_files.hpp"

namespace {

using opis::pdf::test::HandmadePdf;
using opis::pdf::test::pdf_with_pages;
using opis::pdf::test::show_text;
using opis::testing::Harness;
using opis::testing::Record;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Harness pdf_ingester(std::string_view config = "{}") {
  return Harness(OPIS_PLUGIN_FILE, config);
}

Record ingest_one(const std::string& bytes, std::string_view config = "{}") {
  auto ingester = pdf_ingester(config);
  auto result = ingester.try_ingest(bytes, "document.pdf", "application/pdf");
  EXPECT_TRUE(result.ok()) << result.message;
  EXPECT_EQ(result.records.size(), 1u);
  return result.records.empty() ? Record() : std::move(result.records.front());
}

std::string refusal(const std::string& bytes) {
  auto ingester = pdf_ingester();
  auto result = ingester.try_ingest(bytes, "document.pdf", "application/pdf");
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT) << result.message;
  EXPECT_THAT(result.records, IsEmpty());
  return result.message;
}

std::string metadata_value(const Record& record, const std::string& name) {
  for (const auto& entry : record.metadata()) {
    if (entry.name == name) return std::string(entry.value);
  }
  return "<absent>";
}

std::string span_text(const Record& record, const opis::sdk::Annotation& a) {
  return std::string(record.text().substr(a.begin, a.end - a.begin));
}

// The entries of a comma-separated descriptor list (media types, patterns).
std::vector<std::string> comma_list(const char* list) {
  std::vector<std::string> entries;
  std::string_view rest = list == nullptr ? std::string_view() : std::string_view(list);
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    std::string_view entry = rest.substr(0, comma);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
    if (!entry.empty()) entries.emplace_back(entry);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return entries;
}

bool have_qpdf() {
  return std::system("command -v qpdf >/dev/null 2>&1") == 0;
}

// Encrypts `plain` with qpdf (AES-256) and returns the result.
std::string qpdf_encrypted(const std::string& plain, const std::string& user_password) {
  opis::test_files::TempDir dir;
  const auto in = dir.write("plain.pdf", plain);
  const auto out = dir / "encrypted.pdf";
  const std::string command = "qpdf --encrypt '" + user_password + "' owner-secret 256 -- " +
                              in.string() + " " + out.string();
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return opis::test_files::read_file(out);
}

const std::string kHello = pdf_with_pages({show_text("Hello archive")});

TEST(Pdf, SinglePageTextBecomesRecordText) {
  const auto record = ingest_one(kHello);
  EXPECT_EQ(record.text(), "Hello archive");
  EXPECT_EQ(record.kind(), "document");
  EXPECT_EQ(record.title(), "");
  ASSERT_EQ(record.annotations().size(), 1u);
  EXPECT_EQ(record.annotations()[0].type, "page");
  EXPECT_EQ(record.annotations()[0].begin, 0u);
  EXPECT_EQ(record.annotations()[0].end, 13u);
  EXPECT_EQ(record.annotations()[0].value, "1");
}

TEST(Pdf, TwoPagesAreJoinedByABlankLineWithOneSpanEach) {
  const auto record =
      ingest_one(pdf_with_pages({show_text("First page"), show_text("Second page")}));
  EXPECT_EQ(record.text(), "First page\n\nSecond page");
  ASSERT_EQ(record.annotations().size(), 2u);
  EXPECT_EQ(span_text(record, record.annotations()[0]), "First page");
  EXPECT_EQ(record.annotations()[0].value, "1");
  EXPECT_EQ(span_text(record, record.annotations()[1]), "Second page");
  EXPECT_EQ(record.annotations()[1].begin, 12u);
  EXPECT_EQ(record.annotations()[1].value, "2");
}

TEST(Pdf, PageWithoutTextGetsAnEmptySpanAndNoExtraSeparator) {
  const auto record =
      ingest_one(pdf_with_pages({show_text("One"), "0 0 m 100 100 l S", show_text("Three")}));
  EXPECT_EQ(record.text(), "One\n\nThree");
  ASSERT_EQ(record.annotations().size(), 3u);
  EXPECT_EQ(record.annotations()[1].begin, 3u);
  EXPECT_EQ(record.annotations()[1].end, 3u);
  EXPECT_EQ(record.annotations()[1].value, "2");
  EXPECT_EQ(span_text(record, record.annotations()[2]), "Three");
}

TEST(Pdf, LinesOfAPageKeepTheirBreaks) {
  const auto record = ingest_one(
      pdf_with_pages({"BT /F1 12 Tf 72 720 Td (Top line) Tj 0 -14 Td (Second line) Tj ET"}));
  EXPECT_EQ(record.text(), "Top line\nSecond line");
}

TEST(Pdf, InfoTitleBecomesTitleAndOtherEntriesMetadata) {
  const auto record = ingest_one(pdf_with_pages(
      {show_text("Body")},
      "<< /Title (Report on the Harvest) /Author (A. Clerk) /Subject (Grain) /Creator (Writer) "
      "/Producer (Press 1.0) /CreationDate (D:19570314120000+03'00') >>"));
  EXPECT_EQ(record.title(), "Report on the Harvest");
  EXPECT_EQ(metadata_value(record, "Author"), "A. Clerk");
  EXPECT_EQ(metadata_value(record, "Subject"), "Grain");
  EXPECT_EQ(metadata_value(record, "Creator"), "Writer");
  EXPECT_EQ(metadata_value(record, "Producer"), "Press 1.0");
  EXPECT_EQ(metadata_value(record, "CreationDate"), "D:19570314120000+03'00'");
}

TEST(Pdf, AbsentInfoEntriesLeaveNoMetadata) {
  const auto record = ingest_one(pdf_with_pages({show_text("Body")}, "<< /Author (Someone) >>"));
  EXPECT_EQ(record.title(), "");
  EXPECT_EQ(metadata_value(record, "Author"), "Someone");
  EXPECT_EQ(metadata_value(record, "Subject"), "<absent>");
  EXPECT_EQ(record.metadata().size(), 1u);
}

TEST(Pdf, Utf16InfoTitleIsDecoded) {
  // "Отчёт 𝔸" in UTF-16BE with its marker: Cyrillic and a surrogate pair.
  const auto record = ingest_one(
      pdf_with_pages({show_text("Body")}, "<< /Title <FEFF041E0442044704510442 0020D835DD38> >>"));
  EXPECT_EQ(record.title(), "Отчёт 𝔸");
}

TEST(Pdf, PdfDocEncodedInfoTitleIsDecoded) {
  // 0x84 is an em dash and 0x8D/0x8E curly quotes in PDFDocEncoding.
  const auto record = ingest_one(
      pdf_with_pages({show_text("Body")}, "<< /Title (1956\\2041957: \\215Aid\\216) >>"));
  EXPECT_EQ(record.title(), "1956—1957: “Aid”");
}

TEST(Pdf, WinAnsiTextBecomesUtf8) {
  // \351 is é and \226 an en dash in WinAnsiEncoding.
  const auto record = ingest_one(pdf_with_pages({show_text("R\\351sum\\351 1956\\2261957")}));
  EXPECT_EQ(record.text(), "Résumé 1956–1957");
}

TEST(Pdf, PageLabelsBecomeAnnotationValues) {
  const auto record =
      ingest_one(pdf_with_pages({show_text("Preface"), show_text("Chapter"), show_text("More")}, "",
                                " /PageLabels << /Nums [0 << /S /r >> 1 << /S /D /St 7 >>] >>"));
  ASSERT_EQ(record.annotations().size(), 3u);
  EXPECT_EQ(record.annotations()[0].value, "i");
  EXPECT_EQ(record.annotations()[1].value, "7");
  EXPECT_EQ(record.annotations()[2].value, "8");
  ASSERT_EQ(record.annotations()[0].attributes.size(), 1u);
  EXPECT_EQ(record.annotations()[0].attributes[0].name, "number");
  EXPECT_EQ(record.annotations()[0].attributes[0].value, "1");
}

TEST(Pdf, CatalogLangBecomesLanguage) {
  const auto record = ingest_one(pdf_with_pages({show_text("Body")}, "", " /Lang (ru-RU)"));
  EXPECT_EQ(record.language(), "ru-RU");
}

TEST(Pdf, LangThatIsNotALanguageTagIsIgnored) {
  const auto record = ingest_one(pdf_with_pages({show_text("Body")}, "", " /Lang (not a tag!)"));
  EXPECT_EQ(record.language(), "");
}

TEST(Pdf, ReadingLayoutOrdersByPositionAndRawByContentStream) {
  // The lower line is drawn first.
  const std::string pdf =
      pdf_with_pages({"BT /F1 12 Tf 72 706 Td (Lower) Tj ET BT /F1 12 Tf 72 720 Td (Upper) Tj ET"});
  const std::string reading(ingest_one(pdf).text());
  EXPECT_LT(reading.find("Upper"), reading.find("Lower")) << reading;
  EXPECT_EQ(ingest_one(pdf, R"({"layout": "raw"})").text(), "Lower\nUpper");
}

TEST(Pdf, PhysicalLayoutKeepsTheText) {
  const auto record = ingest_one(kHello, R"({"layout": "physical"})");
  EXPECT_THAT(record.text(), HasSubstr("Hello archive"));
  EXPECT_EQ(record.text().find('\f'), std::string_view::npos);
}

TEST(Pdf, KindComesFromConfig) {
  EXPECT_EQ(ingest_one(kHello, R"({"kind": "article"})").kind(), "article");
}

TEST(Pdf, UnknownConfigKeyIsRefused) {
  EXPECT_THROW(pdf_ingester(R"({"pages": "all"})"), std::exception);
}

// Every offset in the cross-reference table moved by 3 bytes: poppler finds
// no object where the table says and rebuilds the table from the objects.
std::string with_wrong_offsets(std::string pdf) {
  const size_t table = pdf.find("65535 f \n") + 9;
  for (size_t at = table; pdf.compare(at, 7, "trailer") != 0; at += 20) {
    pdf.replace(at, 10,
                std::to_string(10000000000ULL + std::stoul(pdf.substr(at, 10)) + 3).substr(1));
  }
  return pdf;
}

TEST(Pdf, DamagedCrossReferenceIsReadWithAWarning) {
  const auto record = ingest_one(with_wrong_offsets(kHello));
  EXPECT_EQ(record.text(), "Hello archive");
  ASSERT_EQ(record.warnings().size(), 1u);
  EXPECT_THAT(record.warnings()[0], HasSubstr("damaged"));
  EXPECT_THAT(record.warnings()[0], HasSubstr("reconstruct"));
}

TEST(Pdf, DamageWarningCanBeTurnedOff) {
  EXPECT_EQ(
      ingest_one(with_wrong_offsets(kHello), R"({"warn_on_damage": false})").warnings().size(), 0u);
}

TEST(Pdf, UndamagedPdfHasNoWarning) {
  EXPECT_EQ(ingest_one(kHello).warnings().size(), 0u);
}

TEST(Pdf, EmptyFileIsRefused) {
  EXPECT_THAT(refusal(""), HasSubstr("empty file"));
}

TEST(Pdf, TruncatedFileIsNotReadable) {
  // Cut inside the first object: no catalog, no pages survive.
  EXPECT_THAT(refusal(kHello.substr(0, 40)), HasSubstr("not a readable PDF: "));
}

TEST(Pdf, FileCutBeforeItsTrailerIsNotReadable) {
  // An interrupted download: the objects are there, the trailer is not.
  EXPECT_THAT(refusal(kHello.substr(0, kHello.find("xref\n0"))),
              HasSubstr("not a readable PDF: Couldn't find trailer dictionary"));
}

TEST(Pdf, GarbageAfterHeaderIsNotReadable) {
  EXPECT_THAT(refusal("%PDF-1.7\n" + std::string(2000, '\x9c') + "garbage\n"),
              HasSubstr("not a readable PDF: "));
}

TEST(Pdf, ImageOnlyPdfAsksForOcr) {
  const std::string image_page =
      "q 100 0 0 100 72 600 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q";
  const auto message = refusal(pdf_with_pages(
      {std::string(image_page.data(), image_page.size()), "q 0 0 1 rg 72 72 200 200 re f Q"}));
  EXPECT_EQ(message,
            "no text layer: the PDF holds only images; run OCR first (e.g. ocrmypdf) and ingest "
            "the result");
}

TEST(Pdf, DamagedPdfWithoutTextIsNotCalledImageOnly) {
  // The content stream uses a font the page does not have.
  const auto message = refusal(pdf_with_pages({"BT /F9 12 Tf 72 720 Td (Hidden) Tj ET"}));
  EXPECT_THAT(message, HasSubstr("not a readable PDF: no text survives its damage"));
  EXPECT_THAT(message, ::testing::Not(HasSubstr("OCR")));
}

TEST(Pdf, EncryptDictionaryWithUnknownPasswordIsRefused) {
  // A standard security handler whose O and U entries match no password:
  // poppler opens the file locked.
  HandmadePdf pdf;
  pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
  const std::string hash(64, 'A');
  pdf.add("<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + hash + "> /U <" + hash + "> >>");
  EXPECT_EQ(refusal(pdf.bytes("/Root 1 0 R /Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                              "<0123456789ABCDEF0123456789ABCDEF>]")),
            "encrypted: opis cannot read password-protected PDFs");
}

TEST(Pdf, QpdfEncryptedWithUserPasswordIsRefused) {
  if (!have_qpdf()) GTEST_SKIP() << "qpdf is not installed";
  EXPECT_EQ(refusal(qpdf_encrypted(kHello, "reader-secret")),
            "encrypted: opis cannot read password-protected PDFs");
}

TEST(Pdf, QpdfEncryptedWithEmptyUserPasswordIsRead) {
  if (!have_qpdf()) GTEST_SKIP() << "qpdf is not installed";
  EXPECT_EQ(ingest_one(qpdf_encrypted(kHello, "")).text(), "Hello archive");
}

TEST(Pdf, ProbeClaimsThePdfHeaderOnly) {
  auto ingester = pdf_ingester();
  EXPECT_EQ(ingester.probe(kHello, "document.pdf"), 90);
  EXPECT_EQ(ingester.probe("Hello archive\n", "document.pdf"), 0);
  EXPECT_EQ(ingester.probe("", "document.pdf"), 0);
}

TEST(Pdf, DeclaresMediaTypeAndPattern) {
  // The descriptor's lists: the export macro writes the metadata section the
  // host reads from the same text.
  const auto ingester = pdf_ingester();
  EXPECT_THAT(comma_list(ingester.descriptor().media_types),
              ::testing::Contains("application/pdf"));
  EXPECT_THAT(comma_list(ingester.descriptor().file_patterns), ::testing::Contains("*.pdf"));
}

}  // namespace
