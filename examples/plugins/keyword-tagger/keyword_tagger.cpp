// keyword-tagger: tags records with subjects from configured keyword lists.
// Every keyword found in the text becomes a `subject` annotation whose value
// is its subject; every subject found becomes a `subject` metadata property,
// once. Subjects are taken in name order (the host hands the config over with
// object members sorted), keywords in the order given.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <opis/sdk.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Lowercases ASCII letters only: UTF-8 byte offsets stay the same.
std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The code point that starts at `at` (or is partly before it, when
// `backwards`); 0 at either end of the text or for a malformed sequence.
char32_t code_point_beside(std::string_view text, size_t at, bool backwards) {
  if (backwards) {
    if (at == 0) return 0;
    do {
      --at;
    } while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);
  } else if (at >= text.size()) {
    return 0;
  }
  const auto lead = static_cast<unsigned char>(text[at]);
  const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (at + length > text.size()) return 0;
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) c = (c << 6) | (text[at + i] & 0x3F);
  return c;
}

// Whether `c` belongs to a word: ASCII letters and digits, and everything
// outside ASCII except the spaces, quotes, dashes and ellipsis that sit next
// to words in running text ("grain" matches in “grain” but not in
// "grainery" or "grainé").
bool word_character(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  switch (c) {
    case 0x00A0:  // no-break space
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x2013:  // en dash
    case 0x2014:  // em dash
    case 0x2026:  // …
    case 0x202F:  // narrow no-break space
      return false;
    default:
      return !(c >= 0x2018 && c <= 0x201F);  // curly quotes
  }
}

struct Subject {
  std::string name;
  std::vector<std::string> keywords;  // lowercased unless case_sensitive
};

class KeywordTagger : public opis::sdk::Enricher {
 public:
  explicit KeywordTagger(const opis::sdk::Config& config)
      : case_sensitive_(config.boolean("case_sensitive")),
        whole_words_(config.boolean("whole_words", true)) {
    // The host validated the config against the schema below, so
    // `subjects` is an object of non-empty string arrays.
    const auto parsed = nlohmann::json::parse(config.json());
    for (const auto& [name, keywords] : parsed.at("subjects").items()) {
      Subject subject{name, {}};
      for (const auto& keyword : keywords) {
        const auto& text = keyword.get_ref<const std::string&>();
        subject.keywords.push_back(case_sensitive_ ? text : ascii_lower(text));
      }
      subjects_.push_back(std::move(subject));
    }
  }

  void enrich(opis::sdk::RecordView& record, opis::sdk::Context& context) override {
    // Copied: every annotation added modifies the record and ends the
    // lifetime of views read from it.
    const std::string text =
        case_sensitive_ ? std::string(record.text()) : ascii_lower(record.text());
    std::vector<std::string_view> found;
    for (const auto& subject : subjects_) {
      bool any = false;
      for (const auto& keyword : subject.keywords) {
        for (size_t at = text.find(keyword); at != std::string::npos;
             at = text.find(keyword, at + 1)) {
          const size_t end = at + keyword.size();
          if (whole_words_ && (word_character(code_point_beside(text, at, true)) ||
                               word_character(code_point_beside(text, end, false)))) {
            continue;
          }
          opis::sdk::Annotation mark;
          mark.type = "subject";
          mark.begin = static_cast<uint32_t>(at);
          mark.end = static_cast<uint32_t>(end);
          mark.value = subject.name;
          record.add(mark);
          any = true;
        }
      }
      if (any) found.push_back(subject.name);
    }
    for (const auto name : found) record.add(opis::sdk::Property{"subject", name});
    context.debug(std::to_string(found.size()) + " subjects");
  }

 private:
  bool case_sensitive_;
  bool whole_words_;
  std::vector<Subject> subjects_;
};

}  // namespace

OPIS_EXPORT_ENRICHER(KeywordTagger, "keyword-tagger", "1.0.0",
                     "Subjects from configured keyword lists, as annotations and metadata",
                     R"({"type": "object", "additionalProperties": false,
  "required": ["subjects"],
  "properties": {
    "subjects": {"type": "object", "description": "subject -> keywords",
                 "additionalProperties": {"type": "array", "minItems": 1,
                                          "items": {"type": "string", "minLength": 1}}},
    "case_sensitive": {"type": "boolean", "default": false},
    "whole_words": {"type": "boolean", "default": true}}})")
