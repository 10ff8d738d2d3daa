// output/tei given fields that are not valid UTF-8. Host-based on purpose
// (opis::test::PluginHarness): neither the host's ABI (record_set) nor the
// SDK's harness lets a record carry invalid UTF-8, so only a record built
// directly in protobuf reaches the plugin with it; the plugin must still
// write well-formed XML. Everything else about the writer is tested through
// opis/testing.hpp in tei_writer_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "record_files.hpp"
#include "test_support.hpp"
#include "xml_assertions.hpp"

namespace {

namespace fs = std::filesystem;
using opis::test::PluginHarness;
using opis::test::TempDir;
using opis::test::XmlDocument;

const std::vector<std::pair<std::string, std::string>> kTei = {
    {"t", "http://www.tei-c.org/ns/1.0"}};

PluginHarness tei_writer(const fs::path& directory) {
  return PluginHarness::builtin("output", "tei", {{"directory", directory.string()}});
}

void write(PluginHarness& writer, const opis_record& r) {
  const auto result = writer.write(r);
  ASSERT_TRUE(result.ok()) << result.message;
}

void flush(PluginHarness& writer) {
  const auto result = writer.flush();
  ASSERT_TRUE(result.ok()) << result.message;
}

std::string written(const fs::path& directory, const std::string& id) {
  return opis::test::read_file(directory / opis::files::file_name_for(id, ".xml"));
}

TEST(TeiWriter, CharactersXmlForbidsAreReplacedAndMarkupEscaped) {
  TempDir dir;
  auto writer = tei_writer(dir.path());
  const std::string text = std::string("a<b & \"c\" \x01 d\x7f e \xff\xfe f \xED\xA0\x80 g]]>");
  auto r = opis::test::make_record(text, std::string("title \x02 <x>", 11));
  r->message().set_id("bad-chars");
  auto* fn = r->message().add_footnotes();
  fn->set_marker("\"*\"");
  fn->set_text(std::string("nul \0 here", 10));
  write(writer, *r);
  flush(writer);
  const std::string content = written(dir.path(), "bad-chars");
  XmlDocument xml(content, kTei);
  ASSERT_TRUE(xml.well_formed()) << xml.errors() << "\n" << content;
  EXPECT_EQ(xml.text("//t:body/t:p"),
            "a<b & \"c\" \xEF\xBF\xBD d\x7f e \xEF\xBF\xBD\xEF\xBF\xBD f "
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD g]]>");
  EXPECT_EQ(xml.text("//t:titleStmt/t:title"), "title \xEF\xBF\xBD <x>");
  EXPECT_EQ(xml.text("//t:back//t:note/@n"), "\"*\"");
  EXPECT_EQ(xml.text("//t:back//t:note"), "nul \xEF\xBF\xBD here");
}

}  // namespace
