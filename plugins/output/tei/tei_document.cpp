#include "tei_document.hpp"

#include <map>
#include <string_view>
#include <vector>

#include "inline_markup.hpp"
#include "tei_dates.hpp"
#include "xml_text.hpp"

namespace opis::tei {
namespace {

using xml::Escape;
using xml::escaped;

std::string element(std::string_view name, std::string_view content,
                    std::string_view attributes = {}) {
  return "<" + std::string(name) + std::string(attributes) + ">" + escaped(content) + "</" +
         std::string(name) + ">";
}

std::string attribute(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + escaped(value, Escape::attribute) + "\"";
}

// TEI's data.enumerated values are XML name tokens; a role or note kind
// from a record is made one (runs of other characters become '_').
std::string name_token(std::string_view value) {
  std::string token;
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                      c == '-' || c == '_' || c == '.';
    if (keep) {
      token += c;
    } else if (token.empty() || token.back() != '_') {
      token += '_';
    }
  }
  return token.empty() ? "unknown" : token;
}

// What a contributor's role is called in a respStmt's <resp>.
std::string responsibility(std::string_view role) {
  static const std::map<std::string_view, std::string_view> kNames = {
      {"translator", "translated by"},  {"obtained_by", "obtained by"}, {"signatory", "signed by"},
      {"recipient", "received by"},     {"checked_by", "checked by"},   {"editor", "edited by"},
      {"transcriber", "transcribed by"}};
  const auto it = kNames.find(role);
  if (it != kNames.end()) return std::string(it->second);
  return role.empty() ? std::string("contributor") : std::string(role);
}

// A URI a pointer attribute can hold: an authority id of the form
// scheme:value with no white space ("wikidata:Q12345").
bool looks_like_uri(std::string_view id) {
  const size_t colon = id.find(':');
  return colon != std::string_view::npos && colon > 0 &&
         id.find_first_of(" \t\r\n<>\"") == std::string_view::npos;
}

std::string citation_identifier(const opis::sdk::Citation& c, std::string_view indent) {
  std::string out;
  out += std::string(indent) + "<msDesc>\n";
  out += std::string(indent) + "  <msIdentifier>\n";
  if (!c.archive.empty())
    out += std::string(indent) + "    " + element("repository", c.archive) + "\n";
  const std::pair<std::string_view, std::string_view> parts[] = {
      {"fond", c.fond}, {"opis", c.opis}, {"delo", c.delo}, {"pages", c.pages}};
  for (const auto& [type, value] : parts) {
    if (!value.empty()) {
      out += std::string(indent) + "    " + element("idno", value, attribute("type", type)) + "\n";
    }
  }
  out += std::string(indent) + "  </msIdentifier>\n";
  out += std::string(indent) + "</msDesc>\n";
  return out;
}

bool is_archival(const opis::sdk::Citation& c) {
  return !c.archive.empty() || !c.fond.empty() || !c.opis.empty() || !c.delo.empty();
}

std::string header(const opis::sdk::RecordView& record) {
  std::string out = "  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n";
  const std::string_view title = record.title();
  out += "        " + element("title", title.empty() ? record.id() : title) + "\n";
  const auto contributors = record.contributors();
  for (const auto& c : contributors) {
    if (c.role == "author") out += "        " + element("author", c.name) + "\n";
  }
  for (const auto funder : record.funders()) {
    out += "        " + element("funder", funder) + "\n";
  }
  for (const auto& c : contributors) {
    if (c.role == "author" || c.name.empty()) continue;
    out += "        <respStmt>\n";
    out += "          " +
           element("resp", responsibility(c.role), attribute("key", name_token(c.role))) + "\n";
    out += "          " + element("persName", c.name) + "\n";
    out += "        </respStmt>\n";
  }
  out += "      </titleStmt>\n";

  out += "      <publicationStmt>\n";
  out += "        <authority>opis</authority>\n";
  out += "        " + element("idno", record.id(), attribute("type", "opis")) + "\n";
  if (const std::string_view rights = record.get(OPIS_FIELD_RIGHTS); !rights.empty()) {
    out +=
        "        <availability>\n          " + element("p", rights) + "\n        </availability>\n";
  }
  out += "      </publicationStmt>\n";

  out += "      <sourceDesc>\n";
  for (const auto& c : record.citations()) {
    if (is_archival(c)) out += citation_identifier(c, "        ");
    if (!c.raw.empty()) {
      out += "        " +
             element("bibl", c.raw, c.kind.empty() ? "" : attribute("type", name_token(c.kind))) +
             "\n";
    }
  }
  // Always present (sourceDesc may not be empty): the file the record came
  // from, an empty bibl when the record does not say.
  std::string file;
  if (const std::string_view uri = record.source_uri(); !uri.empty()) {
    file += element("idno", uri, attribute("type", "URI"));
  }
  if (const std::string_view sha = record.get(OPIS_FIELD_SOURCE_SHA256); !sha.empty()) {
    file += element("idno", sha, attribute("type", "sha256"));
  }
  out += file.empty() ? "        <bibl type=\"file\"/>\n"
                      : "        <bibl type=\"file\">" + file + "</bibl>\n";
  out += "      </sourceDesc>\n    </fileDesc>\n";

  const std::string_view edtf = record.date_edtf();
  const std::string_view surface = record.get(OPIS_FIELD_DATE_SURFACE);
  const std::string_view language = record.get(OPIS_FIELD_LANGUAGE);
  const std::string_view kind = record.kind();
  const std::string_view summary = record.summary();
  if (!edtf.empty() || !surface.empty() || !language.empty() || !kind.empty() || !summary.empty()) {
    out += "    <profileDesc>\n";
    if (!summary.empty()) out += "      <abstract>" + element("p", summary) + "</abstract>\n";
    if (!edtf.empty() || !surface.empty()) {
      out += "      <creation>" +
             element("date", surface.empty() ? edtf : surface, rendered(dating_attributes(edtf))) +
             "</creation>\n";
    }
    if (!language.empty()) {
      out += "      <langUsage>" + element("language", language, attribute("ident", language)) +
             "</langUsage>\n";
    }
    if (!kind.empty()) {
      out += "      <textClass><keywords>" + element("term", kind) + "</keywords></textClass>\n";
    }
    out += "    </profileDesc>\n";
  }
  out += "  </teiHeader>\n";
  return out;
}

// The annotations TEI has an element for, as spans of the text.
std::vector<InlineSpan> spans_of(const opis::sdk::RecordView& record,
                                 const std::map<std::string, std::string, std::less<>>& note_ids) {
  std::map<std::string_view, std::string_view> authority_by_canonical;
  for (const auto& e : record.entities()) {
    if (!e.authority_id.empty()) authority_by_canonical.emplace(e.canonical, e.authority_id);
  }
  static const std::map<std::string_view, std::string_view> kNameElements = {
      {"person", "persName"}, {"organization", "orgName"}, {"place", "placeName"}};
  std::vector<InlineSpan> spans;
  for (const auto& a : record.annotations()) {
    InlineSpan span;
    span.begin = a.begin;
    span.end = a.end;
    if (const auto name = kNameElements.find(a.type); name != kNameElements.end()) {
      std::string attributes;
      if (!a.value.empty()) {
        attributes += attribute("key", a.value);
        const auto authority = authority_by_canonical.find(a.value);
        if (authority != authority_by_canonical.end() && looks_like_uri(authority->second)) {
          attributes += attribute("ref", authority->second);
        }
      }
      span.start_tag = "<" + std::string(name->second) + attributes + ">";
      span.end_tag = "</" + std::string(name->second) + ">";
      span.rank = 2;
    } else if (a.type == "date") {
      span.start_tag = "<date" + rendered(dating_attributes(a.value)) + ">";
      span.end_tag = "</date>";
      span.rank = 3;
    } else if (a.type == "footnote_ref") {
      std::string attributes = attribute("type", "footnote");
      if (const auto id = note_ids.find(a.value); id != note_ids.end()) {
        attributes += attribute("target", "#" + id->second);
      }
      if (!a.value.empty()) attributes += attribute("n", a.value);
      span.start_tag = "<ref" + attributes + ">";
      span.end_tag = "</ref>";
      span.rank = 1;
    } else if (a.type == "editorial_note") {
      std::string attributes = attribute("type", "editorial");
      for (const auto& property : a.attributes) {
        if (property.name == "kind") attributes += attribute("subtype", name_token(property.value));
      }
      span.start_tag = "<note" + attributes + ">";
      span.end_tag = "</note>";
      span.rank = 0;
    } else {
      continue;
    }
    spans.push_back(std::move(span));
  }
  return spans;
}

}  // namespace

TeiDocument render_tei(const opis::sdk::RecordView& record) {
  TeiDocument document;
  std::string& out = document.xml;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n";
  out += header(record);

  // Footnotes get xml:ids by position (markers such as "1" or "*" are not
  // XML names); a footnote_ref points at the first footnote of its marker.
  const auto footnotes = record.footnotes();
  std::map<std::string, std::string, std::less<>> note_ids;
  for (size_t i = 0; i < footnotes.size(); ++i) {
    note_ids.emplace(std::string(footnotes[i].marker), "fn" + std::to_string(i + 1));
  }

  out += "  <text>\n    <body>\n";
  const std::string_view text = record.text();
  MarkedUpText body = paragraphs_with_markup(text, spans_of(record, note_ids), "      ");
  document.skipped_spans = body.skipped;
  // A body needs at least one paragraph; an empty text gives an empty one.
  out += body.xml.empty() ? "      <p/>\n" : body.xml;
  out += "    </body>\n";
  if (!footnotes.empty()) {
    out += "    <back>\n      <div type=\"notes\">\n";
    for (size_t i = 0; i < footnotes.size(); ++i) {
      std::string attributes =
          attribute("type", "footnote") + attribute("xml:id", "fn" + std::to_string(i + 1));
      if (!footnotes[i].marker.empty()) attributes += attribute("n", footnotes[i].marker);
      out += "        " + element("note", footnotes[i].text, attributes) + "\n";
    }
    out += "      </div>\n    </back>\n";
  }
  out += "  </text>\n</TEI>\n";
  return document;
}

}  // namespace opis::tei
