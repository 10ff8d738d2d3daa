// enrich/entities: people, organizations and places in a record's title,
// text and summary -> entities[] and one annotation per mention in text.
#include <array>
#include <cstdint>
#include <fstream>
#include <limits>
#include <opis/sdk.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "acronym_definitions.hpp"
#include "authority_file.hpp"
#include "entity_collection.hpp"
#include "first_words.hpp"
#include "mention_finder.hpp"
#include "name_table.hpp"
#include "name_tokens.hpp"
#include "romanization_key.hpp"
#include "string_table.hpp"
#include "word_lists.hpp"

namespace {

using opis::entities::AcronymDefinition;
using opis::entities::Mention;
using opis::entities::Origin;

constexpr std::string_view kPluginName = "entities";

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw opis::sdk::ConfigError("authority_files: cannot read '" + path + "'");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

bool is_entity_type(std::string_view type) {
  return type == "person" || type == "organization" || type == "place";
}

// The entity types the config asks for; asked once per mention.
struct ReportedTypes {
  bool person = false;
  bool organization = false;
  bool place = false;

  void add(std::string_view type) {
    person = person || type == "person";
    organization = organization || type == "organization";
    place = place || type == "place";
  }
  bool contains(std::string_view type) const {
    return (person && type == "person") || (organization && type == "organization") ||
           (place && type == "place");
  }
};

class EntitiesEnricher : public opis::sdk::Enricher {
 public:
  explicit EntitiesEnricher(const opis::sdk::Config& config)
      : words_(opis::entities::WordLists::builtin()),
        detect_unknown_(config.boolean("detect_unknown", true)) {
    opis::entities::AuthorityRows rows;
    try {
      rows.parse(opis::entities::builtin_authority_tsv(), "data/authority.tsv");
      for (const std::string& path : config.strings("authority_files")) {
        rows.parse(read_whole_file(path), path);
      }
    } catch (const std::invalid_argument& e) {
      throw opis::sdk::ConfigError(std::string("authority_files: ") + e.what());
    }
    rows.build(authority_, words_.surnames);
    if (config.has("types")) {
      for (const std::string& type : config.strings("types")) types_.add(type);
    } else {
      types_ = {true, true, true};
    }
  }

  void enrich(opis::sdk::RecordView& record, opis::sdk::Context&) override {
    // The record's views die with its first modification: copy first.
    title_.assign(record.title());
    text_.assign(record.text());
    summary_.assign(record.summary());
    if (text_.size() > std::numeric_limits<uint32_t>::max()) {
      throw opis::sdk::InputError("text of " + std::to_string(text_.size()) +
                                  " bytes is too large for 32-bit offsets");
    }
    definitions_.clear();
    std::vector<size_t> ours;
    // Read one at a time through the C API: a repaired record has a thousand
    // annotations, and RecordView::annotations() would copy them all.
    const size_t annotation_count = record.count(OPIS_LIST_ANNOTATIONS);
    for (size_t i = 0; i < annotation_count; ++i) {
      opis_annotation a{};
      a.struct_size = sizeof(a);
      const opis_status status =
          record.host()->list_get(record.handle(), OPIS_LIST_ANNOTATIONS, i, &a);
      if (status != OPIS_OK) throw opis::sdk::Error(status, "host call list_get failed");
      const std::string_view type = opis::sdk::view(a.type);
      if (opis::sdk::view(a.plugin) == kPluginName && is_entity_type(type)) ours.push_back(i);
      if (type != "expansion" || a.value.size == 0) continue;
      for (size_t k = 0; k < a.attribute_count; ++k) {
        if (opis::sdk::view(a.attributes[k].name) == "abbreviation") {
          definitions_.push_back({std::string(opis::sdk::view(a.attributes[k].value)),
                                  opis::entities::normalize_name(opis::sdk::view(a.value))});
        }
      }
    }
    // A record that comes back through the pipeline is not annotated twice.
    for (auto it = ours.rbegin(); it != ours.rend(); ++it) {
      record.remove(OPIS_LIST_ANNOTATIONS, *it);
    }
    record.clear(OPIS_LIST_ENTITIES);

    for (const std::string* field : {&title_, &text_, &summary_}) {
      opis::entities::find_bracket_definitions(*field, definitions_);
      opis::entities::find_parenthesis_definitions(*field, definitions_);
    }
    learn(definitions_);

    collection_.clear();
    // Which collected entity each authority and learned entry is, once known.
    entity_of_[0].assign(authority_.size(), kNotCollected);
    entity_of_[1].assign(learned_.size(), kNotCollected);
    const opis::entities::MentionFinder finder(authority_, learned_, words_, detect_unknown_,
                                               &first_words_);
    const std::array<const std::string*, 3> fields = {&title_, &text_, &summary_};
    // The text first: a title or summary that is a paragraph of the text (a
    // listing entry's text is its title and its summary) has the mentions
    // the text has there, and is not read a second time.
    for (const size_t f : {size_t{1}, size_t{0}, size_t{2}}) {
      mentions_[f].clear();
      if (f != 1 && mentions_within_text(*fields[f], mentions_[f])) continue;
      tokens_.tokenize(*fields[f]);
      finder.find(tokens_, mentions_[f]);
    }
    complete_lone_surnames();
    for (size_t f = 0; f < fields.size(); ++f) {
      const std::string& field = *fields[f];
      for (const Mention& m : mentions_[f]) {
        const auto [type, canonical, authority_id] = describe(m);
        if (!types_.contains(type)) continue;
        const std::string_view surface = std::string_view(field).substr(m.begin, m.end - m.begin);
        collect(m, type, canonical, authority_id, surface);
        if (&field != &text_) continue;
        opis::sdk::Annotation annotation;
        annotation.type = type;
        annotation.begin = m.begin;
        annotation.end = m.end;
        annotation.value = canonical;
        record.add(annotation);
      }
    }
    for (const auto& e : collection_.entities()) {
      opis::sdk::Entity entity;
      entity.type = e.type;
      entity.canonical = e.canonical;
      entity.authority_id = e.authority_id;
      for (const auto& s : e.surfaces) entity.surfaces.push_back(s);
      record.add(entity);
    }
  }

 private:
  // When `field` stands in the text as a paragraph of its own (a blank line,
  // or the text's start or end, on both sides), its mentions are the text's
  // mentions there: no name spans a blank line, and the scan starts afresh
  // after one, so reading the field alone finds exactly those.
  bool mentions_within_text(std::string_view field, std::vector<Mention>& out) const {
    if (field.empty()) return false;
    const std::string_view text = text_;
    for (size_t at = text.find(field); at != std::string_view::npos;
         at = text.find(field, at + 1)) {
      const size_t end = at + field.size();
      const bool starts_paragraph = at == 0 || (at >= 2 && text.substr(at - 2, 2) == "\n\n");
      const bool ends_paragraph = end == text.size() || text.substr(end, 2) == "\n\n";
      if (!starts_paragraph || !ends_paragraph) continue;
      for (const Mention& m : mentions_[1]) {
        if (m.begin < at || m.end > end) continue;
        Mention copy = m;
        copy.begin -= static_cast<uint32_t>(at);
        copy.end -= static_cast<uint32_t>(at);
        out.push_back(std::move(copy));
      }
      return true;
    }
    return false;
  }

  struct Description {
    std::string_view type;
    std::string_view canonical;
    std::string_view authority_id;
  };

  // The mention into entities[]: an authority or learned entry's entity is
  // looked up by its name once per record, then by its entry number.
  void collect(const Mention& m, std::string_view type, std::string_view canonical,
               std::string_view authority_id, std::string_view surface) {
    if (m.origin == Origin::unknown) {
      collection_.add(type, canonical, authority_id, surface);
      return;
    }
    uint32_t& entity = entity_of_[m.origin == Origin::authority ? 0 : 1][m.index];
    if (entity == kNotCollected) {
      entity = collection_.add(type, canonical, authority_id, surface);
    } else {
      collection_.add_surface(entity, surface);
    }
  }

  Description describe(const Mention& m) const {
    if (m.origin == Origin::unknown) return {"person", m.canonical, {}};
    const auto& entry =
        m.origin == Origin::authority ? authority_.entry(m.index) : learned_.entry(m.index);
    return {entry.type, entry.canonical, entry.authority_id};
  }

  // "Comrade Kolev" after "Comrade Dimitar Kolev": a surname found alone
  // after a title is the document's one person with that surname, when
  // there is exactly one; otherwise it stays as written.
  void complete_lone_surnames() {
    const auto is_lone_surname = [](const Mention& m) {
      return m.origin == Origin::unknown && m.canonical.find(' ') == std::string::npos;
    };
    // Only the surnames found alone are worth indexing; most records have
    // none, and then there is nothing to do.
    lone_surnames_.clear();
    for (const auto& field : mentions_) {
      for (const Mention& m : field) {
        if (is_lone_surname(m)) lone_surnames_.set(m.canonical, 0);
      }
    }
    if (lone_surnames_.size() == 0) return;
    struct FullName {
      const Mention* mention;
      bool ambiguous;
    };
    std::vector<FullName> full_names;
    full_name_of_.clear();  // surname -> its person in full_names
    for (const auto& field : mentions_) {
      for (const Mention& m : field) {
        const auto d = describe(m);
        const size_t space = d.canonical.rfind(' ');
        if (d.type != "person" || space == std::string_view::npos) continue;
        const std::string_view surname = d.canonical.substr(space + 1);
        if (!lone_surnames_.contains(surname)) continue;
        const uint32_t index = full_name_of_.get(surname);
        if (index == opis::entities::StringTable::kMissing) {
          full_name_of_.set(surname, static_cast<uint32_t>(full_names.size()));
          full_names.push_back({&m, false});
        } else if (describe(*full_names[index].mention).canonical != d.canonical) {
          full_names[index].ambiguous = true;
        }
      }
    }
    for (auto& field : mentions_) {
      for (Mention& m : field) {
        if (!is_lone_surname(m)) continue;
        const uint32_t index = full_name_of_.get(m.canonical);
        if (index == opis::entities::StringTable::kMissing || full_names[index].ambiguous) {
          continue;
        }
        const Mention& full = *full_names[index].mention;
        m.origin = full.origin;
        m.index = full.index;
        m.canonical = full.canonical;
      }
    }
  }

  // An acronym the document defines means its expansion everywhere in the
  // document: the authority's entity when the expansion is one of its
  // spellings, else a new organization when the expansion names one.
  void learn(const std::vector<AcronymDefinition>& definitions) {
    learned_.clear();
    std::unordered_set<uint64_t> defined;
    for (const AcronymDefinition& d : definitions) {
      std::string expansion = without_possessive(d.expansion);
      // The first definition of an acronym stands (the ingester's come first).
      if (!defined.insert(opis::entities::phrase_key(d.abbreviation, words_.surnames)).second) {
        continue;
      }
      const int64_t known = authority_.find(opis::entities::phrase_key(expansion, words_.surnames));
      if (known >= 0) {
        learned_.add(authority_.entry(static_cast<uint32_t>(known)), {d.abbreviation},
                     words_.surnames);
      } else if (names_organization(expansion)) {
        learned_.add({"organization", expansion, ""}, {d.abbreviation, expansion}, words_.surnames);
      }
    }
  }

  // An organization word, and a word that says which one: "General Planning
  // Commission" names an organization, a bare "Central Committee" does not
  // say whose and stays unlearned.
  bool names_organization(std::string_view expansion) {
    tokens_.tokenize(expansion);
    bool organization = false;
    bool specific = false;
    for (const auto& t : tokens_.tokens()) {
      if (!t.capitalized) continue;
      const std::string_view raw = tokens_.raw(t);
      if (words_.organization_words.contains(raw)) {
        organization = true;
      } else if (!words_.non_name_words.contains(raw)) {
        specific = true;
      }
    }
    return organization && specific;
  }

  static std::string without_possessive(std::string_view name) {
    if (name.size() > 2 && name.substr(name.size() - 2) == "'s") name.remove_suffix(2);
    return std::string(name);
  }

  const opis::entities::WordLists& words_;
  bool detect_unknown_;
  ReportedTypes types_;
  opis::entities::NameTable authority_;
  opis::entities::NameTable learned_;
  opis::entities::FirstWords first_words_;  // what authority_ says about a word
  opis::entities::NameTokens tokens_;
  opis::entities::EntityCollection collection_;
  static constexpr uint32_t kNotCollected = UINT32_MAX;
  std::array<std::vector<uint32_t>, 2> entity_of_;  // by authority, learned entry
  std::vector<AcronymDefinition> definitions_;
  std::array<std::vector<Mention>, 3> mentions_;  // title, text, summary
  opis::entities::StringTable lone_surnames_;     // of complete_lone_surnames()
  opis::entities::StringTable full_name_of_;
  std::string title_;
  std::string text_;
  std::string summary_;
};

}  // namespace

// clang-format off
OPIS_EXPORT_ENRICHER(
    EntitiesEnricher, "entities", "1.0.0",
    "Finds people, organizations and places, resolving spellings to one authority name",
    R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "authority_files": {"type": "array", "items": {"type": "string"}, "default": [],
                        "description": "Extra authority TSV files (type, canonical, authority_id, variants), read after the built-in one; a later row with the same canonical replaces an earlier one"},
    "detect_unknown": {"type": "boolean", "default": true,
                       "description": "Also report persons not in the authority, recognised from a title, initials or a Korean name shape"},
    "types": {"type": "array", "items": {"type": "string", "enum": ["person", "organization", "place"]},
              "default": ["person", "organization", "place"],
              "description": "Entity types to report"}
  }
})json")
// clang-format on
