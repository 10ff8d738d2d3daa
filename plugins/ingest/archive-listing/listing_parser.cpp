#include "listing_parser.hpp"

#include <algorithm>

#include "bulleted_hit.hpp"
#include "date_line.hpp"
#include "text_lines.hpp"

namespace opis::listing {
namespace {

// What each non-blank line can be, decided once.
struct LineFacts {
  DatePrecision date = DatePrecision::kNone;
  std::optional<BulletedHit> bulleted;
  bool furniture = false;  // boilerplate, count, query or record-page label
};

bool is_record_block_label(std::string_view line) {
  return equals_ignoring_case(line, "Document Information");
}

class ListingReader {
 public:
  ListingReader(std::string_view document, const BoilerplateList& boilerplate)
      : lines_(split_lines(document)) {
    facts_.resize(lines_.size());
    for (size_t k = 0; k < lines_.size(); ++k) {
      const std::string_view text = lines_[k].text;
      LineFacts& f = facts_[k];
      f.date = date_precision(text);
      if (f.date == DatePrecision::kNone) f.bulleted = split_bulleted_hit(text);
      f.furniture = boilerplate.matches(text) || is_result_count_label(text) ||
                    parse_result_count(text).has_value() || parse_query_line(text).has_value() ||
                    is_record_block_label(text);
      has_record_block_ = has_record_block_ || is_record_block_label(text);
    }
  }

  Listing read() {
    Listing out;
    out.has_record_block = has_record_block_;
    size_t i = 0;
    while (i < lines_.size()) {
      const std::string_view text = lines_[i].text;
      if (!out.count && read_count(i, out)) continue;
      if (out.query.empty()) {
        if (const auto query = parse_query_line(text)) out.query = std::string(*query);
      }
      std::optional<ListingHit> hit;
      if (facts_[i].bulleted) {
        hit = read_bulleted_hit(i);
      } else if (starts_plain_hit(i)) {
        hit = read_plain_hit(i);
      }
      if (!hit) {
        ++i;
        continue;
      }
      const bool follows = !out.hits.empty() && out.hits.back().end_line == hit->first_line;
      run_ = follows ? run_ + 1 : 1;
      out.longest_run = std::max(out.longest_run, run_);
      i = hit->end_line;
      out.hits.push_back(std::move(*hit));
    }
    if (out.query.empty() && out.count) out.query = out.count->query;
    return out;
  }

 private:
  // A line that can be a title or a summary.
  bool is_content(size_t k) const {
    return k < lines_.size() && facts_[k].date == DatePrecision::kNone && !facts_[k].bulleted &&
           !facts_[k].furniture;
  }

  bool starts_plain_hit(size_t k) const {
    return facts_[k].date != DatePrecision::kNone && is_content(k + 1);
  }

  // The count, alone on its line or split after a label ("Results:" then
  // "1 - 10 of 11").
  bool read_count(size_t& i, Listing& out) const {
    if (auto count = parse_result_count(lines_[i].text)) {
      out.count = std::move(count);
      ++i;
      return true;
    }
    if (i + 1 < lines_.size() && is_result_count_label(lines_[i].text)) {
      const std::string joined =
          std::string(lines_[i].text) + " " + std::string(lines_[i + 1].text);
      if (auto count = parse_result_count(joined)) {
        out.count = std::move(count);
        i += 2;
        return true;
      }
    }
    return false;
  }

  // Appends lines [k, …) that continue the paragraph of line k-1.
  size_t append_paragraph(size_t k, std::string& into) const {
    while (is_content(k) && !lines_[k].blank_before) {
      into += ' ';
      into += lines_[k].text;
      ++k;
    }
    return k;
  }

  ListingHit read_plain_hit(size_t i) const {
    ListingHit hit;
    hit.first_line = i;
    hit.date = lines_[i].text;
    hit.title = std::string(lines_[i + 1].text);
    size_t k = i + 2;
    // When blank lines separate the date from the title, each field is a
    // paragraph of its own and a title may wrap; otherwise the title is one
    // line and the summary follows at once.
    const bool paragraph_per_field = lines_[i + 1].blank_before;
    if (paragraph_per_field) k = append_paragraph(k, hit.title);
    if (is_content(k)) {
      hit.summary = std::string(lines_[k].text);
      k = append_paragraph(k + 1, hit.summary);
    }
    hit.end_line = k;
    return hit;
  }

  ListingHit read_bulleted_hit(size_t i) const {
    ListingHit hit;
    hit.first_line = i;
    hit.date = facts_[i].bulleted->date;
    hit.title = std::string(facts_[i].bulleted->title);
    size_t k = i + 1;
    // The summary is indented under its bullet (a blank line between is
    // tolerated) or follows directly.
    if (is_content(k) && (!lines_[k].blank_before || lines_[k].indented)) {
      hit.summary = std::string(lines_[k].text);
      k = append_paragraph(k + 1, hit.summary);
    }
    hit.end_line = k;
    return hit;
  }

  std::vector<Line> lines_;
  std::vector<LineFacts> facts_;
  bool has_record_block_ = false;
  size_t run_ = 0;
};

}  // namespace

Listing parse_listing(std::string_view document, const BoilerplateList& boilerplate) {
  return ListingReader(document, boilerplate).read();
}

}  // namespace opis::listing
