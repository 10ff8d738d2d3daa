// enrich/repair: restores text damaged in PDF extraction (shifted glyph
// runs, line-break hyphens, hard-wrapped lines, mojibake, non-NFC text) and
// records every change as a `repair` annotation, so nothing is rewritten
// silently. It is the only enricher that changes `text`, and it carries every
// span the record already has onto the new text.
#include <limits>
#include <opis/sdk.hpp>
#include <stdexcept>

#include "repair_setup.hpp"
#include "span_shifting.hpp"

namespace {

using opis::repair::RepairSettings;

RepairSettings settings_from(const opis::sdk::Config& config) {
  RepairSettings s;
  s.word_list = config.string("word_list", opis::repair::kDefaultWordList);
  s.word_files = config.strings("word_files");
  s.glyph_files = config.strings("glyph_files");
  s.options.lines.unwrap_lines = config.boolean("unwrap_lines", true);
  s.options.lines.annotate_unwrap = config.boolean("annotate_unwrap", false);
  s.options.search.max_offset = static_cast<int>(config.integer("max_offset", 64));
  return s;
}

opis::repair::TextRepairer build(const opis::sdk::Config& config, opis::sdk::Context& context) {
  const RepairSettings settings = settings_from(config);
  opis::repair::SetupReport report;
  try {
    auto repairer = opis::repair::make_repairer(settings, &report);
    if (!report.word_list_loaded) {
      context.info("word list " + settings.word_list +
                   " not readable: shifted runs are scored with letter pairs only");
    }
    return repairer;
  } catch (const std::invalid_argument& e) {
    throw opis::sdk::ConfigError(e.what());
  }
}

class RepairEnricher : public opis::sdk::Enricher {
 public:
  RepairEnricher(const opis::sdk::Config& config, opis::sdk::Context& context)
      : repairer_(build(config, context)) {}

  void enrich(opis::sdk::RecordView& record, opis::sdk::Context&) override {
    const std::string_view text = record.text();
    if (text.empty()) return;
    const opis::repair::RepairResult result = repairer_.repair_changes(text);
    if (!result.changed()) return;
    if (result.text.size() > std::numeric_limits<uint32_t>::max()) {
      throw opis::sdk::InputError("repaired text exceeds 4 GiB: offsets would not fit");
    }
    const size_t old_size = text.size();
    // Copies first: every view into the record dies when the text changes.
    const opis::repair::RecordSpans spans(record);
    record.set_text(result.text);
    spans.shift(record, result, old_size);
    // One annotation reused for every note: a damaged text has one note per
    // ~130 bytes, and a fresh attribute list would be an allocation each.
    opis::sdk::Annotation a;
    a.attributes = {{"original", {}}, {"reason", {}}};
    for (const auto& note : result.notes) {
      a.type = note.type;
      a.begin = static_cast<uint32_t>(note.begin);
      a.end = static_cast<uint32_t>(note.end);
      a.value = std::string_view(result.text).substr(note.begin, note.end - note.begin);
      a.attributes[0].value = note.original;
      a.attributes[1].value = note.reason;
      record.add(a);
    }
  }

 private:
  opis::repair::TextRepairer repairer_;
};

}  // namespace

OPIS_EXPORT_ENRICHER(RepairEnricher, "repair", "1.0.0",
                     "Restores PDF-damaged text (shifted glyphs, hyphens, wraps, mojibake, NFC) "
                     "and annotates every change",
                     R"schema({"type": "object", "additionalProperties": false,
  "properties": {
    "word_list": {"type": "string", "default": "/usr/share/dict/american-english",
      "description": "English word list, one word a line (Debian wamerican); when unreadable, runs are scored with letter pairs"},
    "word_files": {"type": "array", "items": {"type": "string"}, "default": [],
      "description": "More words and names (one a line) trusted like the built-in names"},
    "glyph_files": {"type": "array", "items": {"type": "string"}, "default": [],
      "description": "More glyph tables: glyph<TAB>meaning<TAB>ligature|punctuation"},
    "unwrap_lines": {"type": "boolean", "default": true,
      "description": "Join the lines of hard-wrapped paragraphs"},
    "annotate_unwrap": {"type": "boolean", "default": false,
      "description": "Also annotate each line join (numerous)"},
    "max_offset": {"type": "integer", "minimum": 1, "maximum": 1024, "default": 64,
      "description": "Code-point offsets -max..+max are tried on suspect runs"}
  }})schema")
