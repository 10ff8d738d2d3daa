#include "record_links.hpp"

#include <algorithm>
#include <tuple>

namespace opis::link {
namespace {

int type_rank(std::string_view type) {
  if (type == "full_record") return 0;
  if (type == "listed_in") return 1;
  if (type == "same_as") return 2;
  return 3;
}

bool is_text_link(std::string_view type) {
  return type == "same_as" || type == "near_duplicate";
}

}  // namespace

void finish_links(std::vector<FoundLink>& links, size_t max_text_links) {
  // One link per (type, target): the same target can be reached through the
  // loaded index and the current document.
  std::sort(links.begin(), links.end(), [](const FoundLink& a, const FoundLink& b) {
    return std::tie(a.type, a.target_id, b.score) < std::tie(b.type, b.target_id, a.score);
  });
  links.erase(std::unique(links.begin(), links.end(),
                          [](const FoundLink& a, const FoundLink& b) {
                            return a.type == b.type && a.target_id == b.target_id;
                          }),
              links.end());
  std::sort(links.begin(), links.end(), [](const FoundLink& a, const FoundLink& b) {
    return std::make_tuple(type_rank(a.type), -a.score, std::string_view(a.target_id)) <
           std::make_tuple(type_rank(b.type), -b.score, std::string_view(b.target_id));
  });
  size_t text_links = 0;
  std::erase_if(links, [&](const FoundLink& link) {
    return is_text_link(link.type) && ++text_links > max_text_links;
  });
}

}  // namespace opis::link
