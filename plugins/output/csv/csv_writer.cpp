// output/csv: one row per record with its flat fields, for spreadsheets
// (README.md lists the columns). Rows are kept by id, so a record written
// twice appears once, with its last values; each flush rewrites the whole
// file through a temporary file renamed into place.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <opis/sdk.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "csv_format.hpp"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kColumns = {
    "id",         "kind",           "title",   "date",         "summary",
    "source_uri", "classification", "archive", "archive_name", "fond",
    "opis",       "delo",           "pages",   "citations",    "contributors",
    "persons",    "organizations",  "places",  "funders",      "parent_id"};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (item.empty()) continue;
    if (!out.empty()) out += "; ";
    out += item;
  }
  return out;
}

// The archival citation whose parts fill the archive..pages columns: the
// first one naming an archive, else the first one.
opis::sdk::Citation main_citation(const std::vector<opis::sdk::Citation>& citations) {
  for (const auto& c : citations) {
    if (!c.archive.empty()) return c;
  }
  return citations.empty() ? opis::sdk::Citation{} : citations.front();
}

std::vector<std::string> row_of(const opis::sdk::RecordView& record, bool include_text) {
  const auto citations = record.citations();
  const auto cited = main_citation(citations);
  std::vector<std::string> raw_citations;
  for (const auto& c : citations) raw_citations.emplace_back(c.raw);
  std::vector<std::string> contributors;
  for (const auto& c : record.contributors()) {
    contributors.push_back(std::string(c.name) +
                           (c.role.empty() ? "" : " (" + std::string(c.role) + ")"));
  }
  std::vector<std::string> persons, organizations, places;
  for (const auto& e : record.entities()) {
    if (e.type == "person") persons.emplace_back(e.canonical);
    if (e.type == "organization") organizations.emplace_back(e.canonical);
    if (e.type == "place") places.emplace_back(e.canonical);
  }
  std::vector<std::string> funders;
  for (const auto f : record.funders()) funders.emplace_back(f);

  std::vector<std::string> row = {std::string(record.id()),
                                  std::string(record.kind()),
                                  std::string(record.title()),
                                  std::string(record.date_edtf()),
                                  std::string(record.summary()),
                                  std::string(record.source_uri()),
                                  std::string(record.get(OPIS_FIELD_CLASSIFICATION)),
                                  std::string(cited.archive),
                                  std::string(cited.archive_name),
                                  std::string(cited.fond),
                                  std::string(cited.opis),
                                  std::string(cited.delo),
                                  std::string(cited.pages),
                                  [&] {
                                    // Citations may hold "; ": separate them by " | ".
                                    std::string out;
                                    for (const auto& c : raw_citations) {
                                      out += (out.empty() ? "" : " | ") + c;
                                    }
                                    return out;
                                  }(),
                                  joined(contributors),
                                  joined(persons),
                                  joined(organizations),
                                  joined(places),
                                  joined(funders),
                                  std::string(record.get(OPIS_FIELD_PARENT_ID))};
  if (include_text) row.emplace_back(record.text());
  return row;
}

[[noreturn]] void io_failure(const std::string& path, const std::string& what) {
  throw opis::sdk::Error(OPIS_IO_ERROR, path + ": " + what + ": " + std::strerror(errno));
}

// Writes `content` to a temporary file beside `path` and renames it over
// `path`: readers see the old file or the whole new one. The temporary file
// is created with mode 0666, so the kernel applies the umask as for any new
// file (mkstemp would make it 0600).
void replace_file(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) io_failure(path, "cannot create the temporary file " + temporary);
  const auto give_up = [&](const std::string& what) {
    const int error = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    errno = error;
    io_failure(path, what);
  };
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) give_up("write failed");
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) give_up("fsync failed");
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    give_up("cannot rename the temporary file into place");
  }
  ::close(fd);
}

class CsvWriter : public opis::sdk::Writer {
 public:
  explicit CsvWriter(const opis::sdk::Config& config)
      : path_(config.string("path")),
        include_text_(config.boolean("include_text", false)),
        bom_(config.boolean("bom", false)) {
    const fs::path parent = fs::path(path_).parent_path();
    std::error_code ec;
    if (!parent.empty()) fs::create_directories(parent, ec);
    if (ec) {
      throw opis::sdk::Error(OPIS_IO_ERROR, path_ + ": cannot create directory " + parent.string() +
                                                ": " + ec.message());
    }
    if (fs::is_directory(path_, ec)) {
      throw opis::sdk::Error(OPIS_IO_ERROR, path_ + ": is a directory");
    }
  }

  void write(const opis::sdk::RecordView& record, opis::sdk::Context&) override {
    const std::string id(record.id());
    if (id.empty()) throw opis::sdk::InputError("record has no id; the csv output needs one");
    std::string line = opis::csv::format_record(row_of(record, include_text_));
    const auto [at, inserted] = row_by_id_.try_emplace(id, rows_.size());
    if (inserted) {
      rows_.push_back(std::move(line));
    } else {
      rows_[at->second] = std::move(line);  // the last write of an id wins, in its first place
    }
    dirty_ = true;
  }

  void flush(opis::sdk::Context&) override {
    if (!dirty_) return;
    std::string content = bom_ ? "\xEF\xBB\xBF" : "";
    auto header = kColumns;
    if (include_text_) header.emplace_back("text");
    content += opis::csv::format_record(header);
    for (const auto& line : rows_) content += line;
    replace_file(path_, content);
    dirty_ = false;
  }

 private:
  std::string path_;
  bool include_text_;
  bool bom_;
  std::vector<std::string> rows_;  // formatted, in order of first appearance
  std::unordered_map<std::string, size_t> row_by_id_;
  bool dirty_ = false;
};

}  // namespace

OPIS_EXPORT_WRITER(CsvWriter, "csv", "1.0.0",
                   "Records as CSV rows (RFC 4180), one per id, for spreadsheets",
                   R"({
  "type": "object",
  "additionalProperties": false,
  "required": ["path"],
  "properties": {
    "path": {"type": "string", "minLength": 1,
             "description": "The CSV file, rewritten at each flush"},
    "include_text": {"type": "boolean", "default": false,
                     "description": "Add the full text of each record as a last column"},
    "bom": {"type": "boolean", "default": false,
            "description": "Start the file with a UTF-8 byte order mark, for Excel"}
  }
})")
