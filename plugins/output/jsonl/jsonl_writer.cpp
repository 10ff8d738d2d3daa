// output/jsonl: records.jsonl, one record per line in the protobuf JSON
// mapping of opis.v1.Record (DESIGN.md §4). The file is replaced atomically
// at each flush, so a crashed or interrupted batch leaves the previous file.
#include <fstream>
#include <opis/sdk.hpp>

#include "atomic_file.hpp"

namespace {

bool appends(const opis::sdk::Config& config) {
  return config.string("mode", "replace") == "append";
}

// True when `path` is a non-empty file whose last byte is not a newline
// (cut short, or edited by hand): a record appended to it would join its
// last line.
bool lacks_final_newline(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in || in.tellg() <= 0) return false;
  in.seekg(-1, std::ios::end);
  return in.get() != '\n';
}

class JsonlWriter : public opis::sdk::Writer {
 public:
  explicit JsonlWriter(const opis::sdk::Config& config)
      : file_(config.string("path"), appends(config)),
        flags_(config.boolean("include_defaults", false) ? OPIS_JSON_INCLUDE_DEFAULTS : 0u) {
    if (appends(config) && lacks_final_newline(config.string("path"))) file_.write("\n");
  }

  void write(const opis::sdk::RecordView& record, opis::sdk::Context&) override {
    const std::string_view json = record.to_json(flags_);
    file_.write(json);
    file_.write("\n");
  }

  void flush(opis::sdk::Context&) override { file_.commit(); }

 private:
  opis::jsonl::AtomicFile file_;
  uint32_t flags_;
};

}  // namespace

OPIS_EXPORT_WRITER(JsonlWriter, "jsonl", "1.0.0",
                   "Records as JSON lines (records.jsonl), replaced atomically on flush",
                   R"({
  "type": "object",
  "additionalProperties": false,
  "required": ["path"],
  "properties": {
    "path": {"type": "string", "minLength": 1, "description": "The file to write"},
    "mode": {"enum": ["replace", "append"], "default": "replace",
             "description": "replace: write a temporary file and rename it over path at each flush; append: add to path"},
    "include_defaults": {"type": "boolean", "default": false,
                         "description": "Also print empty fields"}
  }
})")
