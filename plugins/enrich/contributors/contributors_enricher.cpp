// enrich/contributors: the people who obtained, translated, checked, signed,
// wrote or received a document, as contributors[] {name, role}.
#include <nlohmann/json.hpp>
#include <opis/sdk.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "builtin_word_lists.inc"
#include "closing_lines.hpp"
#include "contributor_set.hpp"
#include "found_contributor.hpp"
#include "name_lexicon.hpp"
#include "phrase_scanner.hpp"
#include "signature_scanner.hpp"
#include "trigger_table.hpp"

namespace opis::contributors {
namespace {

constexpr std::string_view kAcquisitionEntry = "acquisition";
constexpr std::string_view kPositionEntry = "signatory_position";

TriggerTable triggers_from(const sdk::Config& config) {
  TriggerTable table;
  table.add_lines(kBuiltinTriggers);
  const auto json = nlohmann::json::parse(config.json(), nullptr, false);
  if (json.is_discarded() || !json.is_object()) throw sdk::ConfigError("config is not an object");
  if (const auto roles = json.find("roles"); roles != json.end() && roles->is_object()) {
    for (const auto& [phrase, role] : roles->items()) {
      if (phrase.find_first_not_of(" \t") == std::string::npos) {
        throw sdk::ConfigError("roles: a trigger phrase is empty");
      }
      try {
        table.add(phrase, role.get<std::string>());
      } catch (const std::exception& e) {
        throw sdk::ConfigError(std::string("roles: ") + e.what());
      }
    }
  }
  return table;
}

}  // namespace

class ContributorsEnricher : public sdk::Enricher {
 public:
  explicit ContributorsEnricher(const sdk::Config& config)
      : triggers_(triggers_from(config)), scan_text_(config.boolean("scan_text", true)) {}

  void enrich(sdk::RecordView& record, sdk::Context& context) override {
    const NameLexicon& lexicon = NameLexicon::builtin();
    ContributorSet seen(lexicon);
    for (const sdk::Contributor& c : record.contributors()) seen.insert(c.name, c.role);
    const bool had_author = seen.has_role("author");

    // Everything is read before the record is changed: its views die then.
    std::vector<FoundContributor> found;
    bool has_position_entry = false;
    for (const sdk::Property& entry : record.items<sdk::Property>()) {
      if (entry.name == kAcquisitionEntry) {
        scan_trigger_phrases(entry.value, triggers_, lexicon, found);
      }
      has_position_entry = has_position_entry || entry.name == kPositionEntry;
    }
    for (const sdk::Citation& citation : record.citations()) {
      scan_trigger_phrases(citation.raw, triggers_, lexicon, found);
    }
    std::vector<Signature> signatures;
    if (scan_text_) {
      const std::string_view text = record.text();
      scan_trigger_phrases(text, triggers_, lexicon, found);
      signatures = scan_signatures(text, lexicon);
      for (const Signature& s : signatures) found.push_back({s.name, "signatory"});
      for (std::string& name : scan_closing_authors(text, lexicon)) {
        found.push_back({std::move(name), "author"});
      }
      // The ingester writes "Author(s):" blocks it recognizes; read them
      // here only for records it did not.
      if (!had_author) {
        for (std::string& name : scan_author_labels(text, lexicon)) {
          found.push_back({std::move(name), "author"});
        }
      }
    }

    size_t added = 0;
    for (const FoundContributor& c : found) {
      if (!seen.insert(c.name, c.role)) continue;
      record.add(sdk::Contributor{c.name, c.role});
      ++added;
    }
    // A position is only clear for a record signed once.
    if (signatures.size() == 1 && !signatures.front().position.empty() && !has_position_entry) {
      record.add(sdk::Property{kPositionEntry, signatures.front().position});
    }
    if (added > 0) context.debug("added " + std::to_string(added) + " contributors");
  }

 private:
  TriggerTable triggers_;
  bool scan_text_;
};

}  // namespace opis::contributors

OPIS_EXPORT_ENRICHER(
    opis::contributors::ContributorsEnricher, "contributors", "1.0.0",
    "Finds who obtained, translated, checked, signed, wrote or received a document",
    R"({"type": "object", "additionalProperties": false,
        "properties": {
          "roles": {"type": "object", "default": {},
                    "description": "Extra trigger phrases and the role they give, e.g. {\"compiled by\": \"compiler\"}; ' * ' in a phrase stands for up to 8 lower-case words; several roles separated by commas",
                    "additionalProperties": {"type": "string", "minLength": 1}},
          "scan_text": {"type": "boolean", "default": true,
                        "description": "Also scan the record text (signatures, closing lines, phrases); false reads only the acquisition metadata entry and citations[].raw"}}})")
