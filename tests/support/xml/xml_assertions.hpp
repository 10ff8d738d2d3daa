// A parsed XML file and XPath queries over it, for the tests of the XML
// outputs (tei, dublin-core). Header-only; the test links libxml2.
#pragma once

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace opis::test {

class XmlDocument {
 public:
  // Parses `content` strictly (no recovery, no network, no entity
  // expansion); `well_formed()` says whether it parsed and `errors()` why not.
  explicit XmlDocument(const std::string& content,
                       std::vector<std::pair<std::string, std::string>> namespaces = {})
      : namespaces_(std::move(namespaces)) {
    xmlSetStructuredErrorFunc(&errors_, &XmlDocument::collect_error);
    doc_ = xmlReadMemory(content.data(), static_cast<int>(content.size()), "output.xml", nullptr,
                         XML_PARSE_NONET);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
  }
  ~XmlDocument() {
    if (doc_ != nullptr) xmlFreeDoc(doc_);
  }
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  bool well_formed() const { return doc_ != nullptr && errors_.empty(); }
  const std::string& errors() const { return errors_; }

  // The number of nodes `xpath` selects (or the value of a count()).
  double number(const std::string& xpath) const {
    return evaluate(xpath, [](xmlXPathObjectPtr result) {
      if (result->type == XPATH_NODESET) {
        return result->nodesetval == nullptr ? 0.0 : double(result->nodesetval->nodeNr);
      }
      return xmlXPathCastToNumber(result);
    });
  }
  // The string value of `xpath` (its first node's text content).
  std::string text(const std::string& xpath) const {
    return evaluate(xpath, [](xmlXPathObjectPtr result) {
      xmlChar* value = xmlXPathCastToString(result);
      std::string out = value == nullptr ? "" : reinterpret_cast<const char*>(value);
      xmlFree(value);
      return out;
    });
  }
  // The string value of every node `xpath` selects.
  std::vector<std::string> texts(const std::string& xpath) const {
    return evaluate(xpath, [](xmlXPathObjectPtr result) {
      std::vector<std::string> out;
      if (result->type != XPATH_NODESET || result->nodesetval == nullptr) return out;
      for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
        xmlChar* value = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
        out.emplace_back(value == nullptr ? "" : reinterpret_cast<const char*>(value));
        xmlFree(value);
      }
      return out;
    });
  }

 private:
  // libxml2 2.9 passes a mutable pointer, later versions a const one.
  static void collect_error(void* sink, xmlErrorPtr error) {
    if (error->level < XML_ERR_ERROR) return;
    auto* errors = static_cast<std::string*>(sink);
    *errors += "line " + std::to_string(error->line) + ": " +
               (error->message == nullptr ? "?" : error->message);
  }

  template <class Read, class Result = std::invoke_result_t<Read, xmlXPathObjectPtr>>
  Result evaluate(const std::string& xpath, Read read) const {
    if (doc_ == nullptr) {
      ADD_FAILURE() << "XPath on a document that did not parse: " << errors_;
      return Result{};
    }
    xmlXPathContextPtr context = xmlXPathNewContext(doc_);
    for (const auto& [prefix, uri] : namespaces_) {
      xmlXPathRegisterNs(context, reinterpret_cast<const xmlChar*>(prefix.c_str()),
                         reinterpret_cast<const xmlChar*>(uri.c_str()));
    }
    xmlXPathObjectPtr result =
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), context);
    Result out{};
    if (result == nullptr) {
      ADD_FAILURE() << "bad XPath: " << xpath;
    } else {
      out = read(result);
      xmlXPathFreeObject(result);
    }
    xmlXPathFreeContext(context);
    return out;
  }

  std::vector<std::pair<std::string, std::string>> namespaces_;
  std::string errors_;
  xmlDocPtr doc_ = nullptr;
};

}  // namespace opis::test
