#include "contributor_set.hpp"

#include "person_name.hpp"
#include "utf8_text.hpp"

namespace opis::contributors {

std::string ContributorSet::key(std::string_view name, std::string_view role) const {
  const auto normalized = as_personal_name(name, lexicon_);
  std::string folded;
  for (const char c : normalized ? std::string_view(*normalized) : trim(name)) {
    if (is_space(c)) {
      if (!folded.empty() && folded.back() != ' ') folded += ' ';
    } else {
      folded += ascii_lower(c);
    }
  }
  folded += '\0';
  folded += role;
  return folded;
}

bool ContributorSet::insert(std::string_view name, std::string_view role) {
  roles_.emplace(role);
  return keys_.insert(key(name, role)).second;
}

bool ContributorSet::has_role(std::string_view role) const {
  return roles_.contains(std::string(role));
}

}  // namespace opis::contributors
