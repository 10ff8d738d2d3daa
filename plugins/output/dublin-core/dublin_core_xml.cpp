#include "dublin_core_xml.hpp"

#include "xml_text.hpp"

namespace opis::dublin_core {

std::string_view oai_dc_namespaces() {
  return " xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
         " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
         " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
         " xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/"
         " http://www.openarchives.org/OAI/2.0/oai_dc.xsd\"";
}

std::string oai_dc_element(const std::vector<Term>& terms, bool declare_namespaces,
                           std::string_view indent) {
  std::string out(indent);
  out += "<oai_dc:dc";
  if (declare_namespaces) out += oai_dc_namespaces();
  out += ">\n";
  for (const auto& term : terms) {
    out += indent;
    out += "  <dc:" + term.name + ">";
    xml::append_escaped(out, term.value, xml::Escape::content);
    out += "</dc:" + term.name + ">\n";
  }
  out += indent;
  out += "</oai_dc:dc>\n";
  return out;
}

}  // namespace opis::dublin_core
