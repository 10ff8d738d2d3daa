#include "dublin_core_jsonld.hpp"

namespace opis::dublin_core {

nlohmann::json jsonld_context() {
  return {{"dc", "http://purl.org/dc/elements/1.1/"},
          {"edtf", "http://id.loc.gov/datatypes/edtf/"}};
}

nlohmann::json jsonld_node(const std::vector<Term>& terms) {
  nlohmann::json node = nlohmann::json::object();
  for (const auto& term : terms) {
    const std::string key = "dc:" + term.name;
    if (term.name == "date") {
      node[key] = {{"@value", term.value}, {"@type", "edtf:EDTF"}};
    } else if (single_valued(term.name)) {
      node[key] = term.value;
    } else {
      node[key].push_back(term.value);
    }
  }
  return node;
}

}  // namespace opis::dublin_core
