// output/dublin-core given a field that is not valid UTF-8. Host-based on
// purpose (opis::test::PluginHarness): neither the host's ABI (record_set)
// nor the SDK's harness lets a record carry invalid UTF-8, so only a record
// built directly in protobuf reaches the plugin with it; the plugin must
// still write well-formed XML. Everything else about the writer is tested
// through opis/testing.hpp in dublin_core_writer_test.cpp.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"
#include "xml_assertions.hpp"

namespace {

using opis::test::PluginHarness;
using opis::test::TempDir;
using opis::test::XmlDocument;

const std::vector<std::pair<std::string, std::string>> kNamespaces = {
    {"oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/"},
    {"dc", "http://purl.org/dc/elements/1.1/"}};

void write(PluginHarness& writer, const opis_record& r) {
  const auto result = writer.write(r);
  ASSERT_TRUE(result.ok()) << result.message;
}

void flush(PluginHarness& writer) {
  const auto result = writer.flush();
  ASSERT_TRUE(result.ok()) << result.message;
}

TEST(DublinCoreWriter, EmptyFieldsAreLeftOutAndForbiddenCharactersReplaced) {
  TempDir dir;
  auto writer =
      PluginHarness::builtin("output", "dublin-core", {{"directory", dir.path().string()}});
  auto r = opis::test::make_record("text", std::string("bell \x07 and \xff"));
  r->message().set_id("bare");
  r->message().clear_kind();
  write(writer, *r);
  flush(writer);
  XmlDocument xml(opis::test::read_file(dir / "bare.xml"), kNamespaces);
  ASSERT_TRUE(xml.well_formed()) << xml.errors();
  EXPECT_EQ(xml.number("/oai_dc:dc/*"), 2);
  EXPECT_EQ(xml.text("/oai_dc:dc/dc:title"), "bell \xEF\xBF\xBD and \xEF\xBF\xBD");
}

}  // namespace
