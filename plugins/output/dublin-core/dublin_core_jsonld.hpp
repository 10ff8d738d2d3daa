// Dublin Core as JSON-LD: the same terms as the XML, as properties of the
// elements vocabulary (http://purl.org/dc/elements/1.1/, prefix "dc").
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "dublin_core_terms.hpp"

namespace opis::dublin_core {

// The @context every document (or collection) carries.
nlohmann::json jsonld_context();

// One node: single-valued terms as a string, the others as an array;
// dc:date as a value typed with the Library of Congress EDTF datatype.
nlohmann::json jsonld_node(const std::vector<Term>& terms);

}  // namespace opis::dublin_core
