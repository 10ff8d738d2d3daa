// output/tei: one TEI P5 XML file per record, named after its id, in the
// configured directory (README.md has the mapping). Documents are rendered
// when written and put in place at flush, each through a temporary file
// renamed over the target, so a record written again replaces its file.
#include <filesystem>
#include <map>
#include <opis/sdk.hpp>
#include <string>
#include <vector>

#include "record_files.hpp"
#include "tei_document.hpp"

namespace {

class TeiWriter : public opis::sdk::Writer {
 public:
  explicit TeiWriter(const opis::sdk::Config& config) : directory_(config.string("directory")) {
    opis::files::create_directory(directory_, directory_);
    if (!std::filesystem::is_directory(directory_)) {
      throw opis::sdk::Error(OPIS_IO_ERROR, directory_ + ": not a directory");
    }
  }

  void write(const opis::sdk::RecordView& record, opis::sdk::Context& context) override {
    const std::string_view id = record.id();
    if (id.empty()) throw opis::sdk::InputError("record has no id; the tei output needs one");
    opis::tei::TeiDocument document = opis::tei::render_tei(record);
    if (document.skipped_spans > 0) {
      context.debug("record " + std::string(id) + ": " + std::to_string(document.skipped_spans) +
                    " annotations overlap others or have bad offsets and are not marked up");
    }
    // The last write of an id before a flush wins.
    pending_[opis::files::file_name_for(id, ".xml")] = std::move(document.xml);
  }

  void flush(opis::sdk::Context&) override {
    if (pending_.empty()) return;
    // Every file is written, then all are synced at once, then renamed into
    // place: one sync per flush instead of one per record.
    std::vector<std::pair<std::string, std::string>> temporaries;  // (temporary, target)
    try {
      for (const auto& [name, xml] : pending_) {
        const std::string target = (std::filesystem::path(directory_) / name).string();
        temporaries.emplace_back(opis::files::write_temporary(target, xml), target);
      }
      opis::files::sync_files_under(directory_);
    } catch (...) {
      for (const auto& [temporary, target] : temporaries) std::filesystem::remove(temporary);
      throw;
    }
    for (const auto& [temporary, target] : temporaries) {
      opis::files::rename_into_place(temporary, target);
    }
    pending_.clear();
  }

 private:
  std::string directory_;
  std::map<std::string, std::string> pending_;  // file name -> document, until the next flush
};

}  // namespace

OPIS_EXPORT_WRITER(TeiWriter, "tei", "1.0.0",
                   "One TEI P5 XML file per record, with names, dates and notes marked up",
                   R"schema({
  "type": "object",
  "additionalProperties": false,
  "required": ["directory"],
  "properties": {
    "directory": {"type": "string", "minLength": 1,
                  "description": "Where the files go, one RECORD_ID.xml per record (created when missing)"}
  }
})schema")
