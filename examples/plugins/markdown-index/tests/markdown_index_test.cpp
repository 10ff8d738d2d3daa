// markdown-index, the built plugin, run by the SDK's harness (no opis host).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <opis/testing.hpp>
#include <random>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;

class MarkdownIndex : public ::testing::Test {
 protected:
  MarkdownIndex()
      : dir_(fs::temp_directory_path() /
             ("markdown-index-" + std::to_string(std::random_device()()))) {
    fs::create_directories(dir_);
  }
  ~MarkdownIndex() override { fs::remove_all(dir_); }

  std::string config(const std::string& extra = "") const {
    return R"({"path": ")" + (dir_ / "index.md").string() + "\"" + extra + "}";
  }
  std::string index() const {
    std::ifstream in(dir_ / "index.md", std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
  }

  fs::path dir_;
};

TEST_F(MarkdownIndex, OneBulletPerRecordInInputOrder) {
  Harness writer(PLUGIN_FILE, config(R"(, "heading": "Telegrams")"));
  auto telegram = Record::with_text("text", "Telegram on the *Food* Situation");
  telegram.set(OPIS_FIELD_DATE_EDTF, "1957-03-14");
  telegram.set(OPIS_FIELD_SOURCE_NAME, "record-1957.txt");
  writer.write(telegram);
  writer.write(Record::with_text("no title"));
  writer.flush();
  EXPECT_EQ(index(),
            "# Telegrams\n\n"
            "- 1957-03-14 — **Telegram on the \\*Food\\* Situation** (document, record-1957.txt)\n"
            "- undated — (untitled) (document)\n");
}

TEST_F(MarkdownIndex, NothingIsVisibleBeforeFlush) {
  Harness writer(PLUGIN_FILE, config());
  writer.write(Record::with_text("text", "A title"));
  EXPECT_FALSE(fs::exists(dir_ / "index.md"));
  writer.flush();
  EXPECT_TRUE(fs::exists(dir_ / "index.md"));
  EXPECT_FALSE(fs::exists(dir_ / "index.md.partial"));
}

TEST_F(MarkdownIndex, LineBreaksInTitlesStayOnOneBullet) {
  Harness writer(PLUGIN_FILE, config());
  writer.write(Record::with_text("text", "Two\nlines"));
  writer.flush();
  EXPECT_EQ(index(), "# Index\n\n- undated — **Two lines** (document)\n");
}

TEST_F(MarkdownIndex, UnwritableDirectoryFailsAtStart) {
  try {
    Harness(PLUGIN_FILE, R"({"path": "/nonexistent-directory/index.md"})");
    FAIL() << "the plugin started";
  } catch (const Failure& e) {
    EXPECT_EQ(e.status(), OPIS_INVALID_CONFIG);
    EXPECT_NE(std::string(e.what()).find("/nonexistent-directory/index.md.partial"),
              std::string::npos);
  }
}

}  // namespace
