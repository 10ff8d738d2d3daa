// Dublin Core as OAI-DC XML (the oai_dc:dc element of OAI-PMH,
// http://www.openarchives.org/OAI/2.0/oai_dc.xsd).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dublin_core_terms.hpp"

namespace opis::dublin_core {

// The namespace declarations (and schema location) a document root
// carries, with a leading space.
std::string_view oai_dc_namespaces();

// One oai_dc:dc element; `declare_namespaces` puts the declarations on it
// (a document of its own) rather than relying on a root's.
std::string oai_dc_element(const std::vector<Term>& terms, bool declare_namespaces,
                           std::string_view indent);

}  // namespace opis::dublin_core
