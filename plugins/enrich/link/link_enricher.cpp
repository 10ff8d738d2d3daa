// enrich/link: links[] between records that describe the same document
// (a listing's hit and its record page) and between near-duplicate texts.
//
// An enricher can only write to the record it is given, so a pair is linked
// on the record that comes second. The plugin asks the host to call it in
// input order (in_order, ABI 1.1): then "second" means "later in the input",
// the same on every run whatever the number of workers, and a record can be
// compared with every record before it. Records of earlier runs come from
// index_file, which also gives the earlier record of a pair its link.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <opis/sdk.hpp>
#include <string>
#include <vector>

#include "index_file.hpp"
#include "link_index.hpp"
#include "link_key.hpp"
#include "record_links.hpp"
#include "text_signature.hpp"

namespace opis::link {
namespace {

struct Settings {
  std::string index_file;
  LinkRules rules;
  uint32_t min_words = 30;
  size_t max_index_records = 250'000;
};

Settings read_settings(const sdk::Config& config) {
  Settings s;
  s.index_file = config.string("index_file", "");
  s.rules.near_duplicate_threshold = config.number("near_duplicate_threshold", 0.8);
  s.rules.max_text_links =
      static_cast<size_t>(std::max<int64_t>(0, config.integer("max_text_links", 20)));
  s.min_words =
      static_cast<uint32_t>(std::clamp<int64_t>(config.integer("min_words", 30), 1, UINT32_MAX));
  s.max_index_records =
      static_cast<size_t>(std::max<int64_t>(0, config.integer("max_index_records", 250'000)));
  return s;
}

class LinkState {
 public:
  LinkState(Settings settings, const opis_host_api* host)
      : settings_(std::move(settings)), host_(host) {}

  ~LinkState() {
    if (settings_.index_file.empty()) return;
    try {
      std::vector<const IndexEntry*> entries;
      entries.reserve(run_index_.size());
      for (const auto& entry : run_index_.entries()) entries.push_back(&entry);
      save_index_file(settings_.index_file, std::move(entries));
    } catch (const std::exception& e) {
      // destroy() cannot fail; the log is the only way to say the index is lost.
      host_->log(nullptr, OPIS_LOG_ERROR, sdk::str(std::string("link: ") + e.what()));
    }
  }
  LinkState(const LinkState&) = delete;
  LinkState& operator=(const LinkState&) = delete;

  uint32_t min_words() const { return settings_.min_words; }

  void load(sdk::Context& context) {
    if (settings_.index_file.empty()) return;
    size_t skipped = 0;
    try {
      load_index_file(settings_.index_file, [&](IndexEntry entry) {
        if (run_index_.size() >= settings_.max_index_records) {
          ++skipped;
          return true;
        }
        run_index_.add(std::move(entry));
        return true;
      });
    } catch (const std::exception& e) {
      throw sdk::ConfigError(e.what());
    }
    context.info("loaded " + std::to_string(run_index_.size()) + " index entries from " +
                 settings_.index_file);
    if (skipped > 0) {
      full_logged_ = true;
      context.log(OPIS_LOG_WARN, "index_file " + settings_.index_file + " holds more than " +
                                     "max_index_records entries; " + std::to_string(skipped) +
                                     " were not loaded and no new records will be indexed");
    }
  }

  std::vector<FoundLink> link(const IndexEntry& subject, sdk::Context& context) {
    std::vector<FoundLink> links;
    collect_links(subject, run_index_, settings_.rules, links);
    if (remember(subject)) {
      context.log(OPIS_LOG_WARN, "the link index reached max_index_records (" +
                                     std::to_string(settings_.max_index_records) +
                                     "); later records are linked but not indexed");
    }
    finish_links(links, settings_.rules.max_text_links);
    return links;
  }

 private:
  // Indexes `subject`; true the first time the index is found full.
  bool remember(const IndexEntry& subject) {
    if (subject.id.empty()) return false;
    if (run_index_.size() < settings_.max_index_records) {
      // A known id (the same document again) is kept as it is: no copy.
      if (!run_index_.contains(subject.id)) run_index_.add(subject);
      return false;
    }
    if (full_logged_) return false;
    full_logged_ = true;
    return true;
  }

  const Settings settings_;
  const opis_host_api* host_;
  LinkIndex run_index_;  // loaded from index_file, then every record of the run
  bool full_logged_ = false;
};

class LinkEnricher : public sdk::Enricher {
 public:
  // One record at a time, in input order: the links do not depend on which
  // worker finished first, and the index needs no lock.
  static constexpr bool in_order = true;

  LinkEnricher(const sdk::Config& config, sdk::Context& context)
      : state_(std::make_unique<LinkState>(read_settings(config), context.host())) {
    state_->load(context);
  }

  void enrich(sdk::RecordView& record, sdk::Context& context) override {
    IndexEntry subject;
    subject.id = record.id();
    subject.kind = record.kind();
    subject.key = link_key(record.title(), record.date_edtf(), record.get(OPIS_FIELD_DATE_SURFACE));
    subject.signature = sign_text(record.text(), state_->min_words());
    if (subject.key.empty() && !subject.signature) return;
    for (const FoundLink& found : state_->link(subject, context)) {
      record.add(sdk::Link{found.type, found.target_id, found.score});
    }
  }

 private:
  std::unique_ptr<LinkState> state_;
};

}  // namespace
}  // namespace opis::link

OPIS_EXPORT_ENRICHER(opis::link::LinkEnricher, "link", "1.0.0",
                     "Links listing entries to their records and near-duplicate texts",
                     R"({"type": "object", "additionalProperties": false,
  "properties": {
    "index_file": {"type": "string", "default": "",
      "description": "JSON-lines index loaded at start and saved at the end, so a later run links both ways; empty: none"},
    "near_duplicate_threshold": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.8,
      "description": "estimated Jaccard similarity of word 5-shingles from which texts are near duplicates"},
    "min_words": {"type": "integer", "minimum": 1, "default": 30,
      "description": "texts with fewer words are not compared"},
    "max_index_records": {"type": "integer", "minimum": 0, "default": 250000,
      "description": "records the index holds; later records are linked but not indexed"},
    "max_text_links": {"type": "integer", "minimum": 0, "default": 20,
      "description": "same_as and near_duplicate links kept per record, best first"
}
}
})")
