// output/dublin-core: each record's Dublin Core description, as OAI-DC XML
// or JSON-LD, in one file per record or in one collection file
// (README.md has the mapping). A record written again replaces its
// description; files are replaced atomically at flush.
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <opis/sdk.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "dublin_core_jsonld.hpp"
#include "dublin_core_terms.hpp"
#include "dublin_core_xml.hpp"
#include "record_files.hpp"

namespace {

namespace fs = std::filesystem;
namespace dc = opis::dublin_core;

enum class Format { xml, jsonld };

std::string json_text(const nlohmann::json& value) {
  // Invalid UTF-8 in a record becomes U+FFFD rather than failing the file.
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string xml_document(const std::vector<dc::Term>& terms) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + dc::oai_dc_element(terms, true, "");
}

std::string jsonld_document(const std::vector<dc::Term>& terms) {
  nlohmann::json document = {{"@context", dc::jsonld_context()}};
  document.update(dc::jsonld_node(terms));
  return json_text(document);
}

class DublinCoreWriter : public opis::sdk::Writer {
 public:
  explicit DublinCoreWriter(const opis::sdk::Config& config)
      : format_(config.string("format", "xml") == "jsonld" ? Format::jsonld : Format::xml),
        directory_(config.string("directory")),
        file_(config.string("file")) {
    if (directory_.empty() == file_.empty()) {
      throw opis::sdk::ConfigError(
          "give either `directory` (one file per record) or `file` (one collection file), not " +
          std::string(directory_.empty() ? "neither" : "both"));
    }
    if (!directory_.empty()) {
      opis::files::create_directory(directory_, directory_);
      if (!fs::is_directory(directory_)) {
        throw opis::sdk::Error(OPIS_IO_ERROR, directory_ + ": not a directory");
      }
    } else {
      opis::files::create_directory(fs::path(file_).parent_path(), file_);
      if (fs::is_directory(file_))
        throw opis::sdk::Error(OPIS_IO_ERROR, file_ + ": is a directory");
    }
  }

  void write(const opis::sdk::RecordView& record, opis::sdk::Context&) override {
    const std::string id(record.id());
    if (id.empty()) {
      throw opis::sdk::InputError("record has no id; the dublin-core output needs one");
    }
    const std::vector<dc::Term> terms = dc::terms_of(record);
    if (!directory_.empty()) {
      const char* extension = format_ == Format::xml ? ".xml" : ".jsonld";
      pending_[opis::files::file_name_for(id, extension)] =
          format_ == Format::xml ? xml_document(terms) : jsonld_document(terms);
      return;
    }
    // A collection keeps every description of the run, one per id in the
    // place of its first appearance, and is rewritten whole at each flush.
    std::string entry = format_ == Format::xml ? dc::oai_dc_element(terms, false, "  ")
                                               : dc::jsonld_node(terms).dump();
    const auto [at, inserted] = entry_by_id_.try_emplace(id, entries_.size());
    if (inserted) {
      entries_.push_back(std::move(entry));
    } else {
      entries_[at->second] = std::move(entry);
    }
    collection_changed_ = true;
  }

  void flush(opis::sdk::Context&) override {
    if (!directory_.empty()) {
      flush_files();
    } else if (collection_changed_) {
      opis::files::replace_file(file_, collection());
      collection_changed_ = false;
    }
  }

 private:
  void flush_files() {
    if (pending_.empty()) return;
    std::vector<std::pair<std::string, std::string>> temporaries;  // (temporary, target)
    try {
      for (const auto& [name, content] : pending_) {
        const std::string target = (fs::path(directory_) / name).string();
        temporaries.emplace_back(opis::files::write_temporary(target, content), target);
      }
      opis::files::sync_files_under(directory_);
    } catch (...) {
      for (const auto& [temporary, target] : temporaries) fs::remove(temporary);
      throw;
    }
    for (const auto& [temporary, target] : temporaries) {
      opis::files::rename_into_place(temporary, target);
    }
    pending_.clear();
  }

  std::string collection() const {
    if (format_ == Format::xml) {
      std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records";
      out += dc::oai_dc_namespaces();
      out += ">\n";
      for (const auto& entry : entries_) out += entry;
      out += "</records>\n";
      return out;
    }
    nlohmann::json graph = nlohmann::json::array();
    for (const auto& entry : entries_) graph.push_back(nlohmann::json::parse(entry));
    return json_text({{"@context", dc::jsonld_context()}, {"@graph", std::move(graph)}});
  }

  Format format_;
  std::string directory_;
  std::string file_;
  std::map<std::string, std::string> pending_;  // file name -> document, until the next flush
  std::vector<std::string> entries_;            // the collection's descriptions, rendered
  std::unordered_map<std::string, size_t> entry_by_id_;
  bool collection_changed_ = false;
};

}  // namespace

OPIS_EXPORT_WRITER(DublinCoreWriter, "dublin-core", "1.0.0",
                   "Dublin Core descriptions as OAI-DC XML or JSON-LD, per record or collected",
                   R"schema({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "format": {"type": "string", "enum": ["xml", "jsonld"], "default": "xml",
               "description": "OAI-DC XML, or JSON-LD with the same terms"},
    "directory": {"type": "string", "minLength": 1,
                  "description": "One file per record, RECORD_ID.xml or RECORD_ID.jsonld (give this or file)"},
    "file": {"type": "string", "minLength": 1,
             "description": "One collection file holding every record of the run (give this or directory)"}
  },
  "oneOf": [{"required": ["directory"]}, {"required": ["file"]}]
})schema")
