#include "dublin_core_terms.hpp"

#include <set>
#include <string_view>

namespace opis::dublin_core {

std::vector<Term> terms_of(const opis::sdk::RecordView& record) {
  std::vector<Term> terms;
  const auto add = [&](std::string_view name, std::string_view value) {
    if (!value.empty()) terms.push_back({std::string(name), std::string(value)});
  };
  add("identifier", record.id());
  add("title", record.title());
  add("type", record.kind());
  add("date", record.date_edtf());
  add("description", record.summary());
  const auto contributors = record.contributors();
  for (const auto& c : contributors) {
    if (c.role == "author") add("creator", c.name);
  }
  // The DC element has no place for a role: it goes in parentheses after
  // the name, as cataloguers write it.
  for (const auto& c : contributors) {
    if (c.role == "author" || c.name.empty()) continue;
    add("contributor", c.role.empty() ? std::string(c.name)
                                      : std::string(c.name) + " (" + std::string(c.role) + ")");
  }
  for (const auto& c : record.citations()) add("source", c.raw);
  add("rights", record.get(OPIS_FIELD_RIGHTS));
  add("language", record.get(OPIS_FIELD_LANGUAGE));
  // Each entity once, by its canonical name, in the order found.
  std::set<std::string_view> subjects;
  for (const auto& e : record.entities()) {
    if (subjects.insert(e.canonical).second) add("subject", e.canonical);
  }
  for (const auto& link : record.links()) add("relation", link.target_id);
  return terms;
}

bool single_valued(const std::string& name) {
  static const std::set<std::string, std::less<>> kSingle = {
      "identifier", "title", "type", "date", "description", "rights", "language"};
  return kSingle.contains(name);
}

}  // namespace opis::dublin_core
