// opis search: full-text and field search over an archive written by the
// sqlite output, through the same RecordStore as the daemon's Search RPC.
#include <google/protobuf/util/json_util.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "commands.hpp"
#include "opis/core/record_store.hpp"

namespace opis::cli {

namespace {

// Terminal bold on a terminal; brackets where the output is read by a
// program or a pager without colours.
core::Highlight highlight_for_stdout() {
  if (::isatty(STDOUT_FILENO) != 0) return {"\033[1m", "\033[0m"};
  return {"[", "]"};
}

// DATE  TITLE (KIND) — SNIPPET, the kind only when it is not a plain
// record, so that a listing entry is told from the record it describes.
void print_hit_line(const opis::v1::SearchHit& hit) {
  std::string line = hit.date().empty() ? "undated" : hit.date();
  if (line.size() < 10) line.resize(10, ' ');
  line += "  " + (hit.title().empty() ? hit.id() : hit.title());
  if (!hit.kind().empty() && hit.kind() != "record") line += " (" + hit.kind() + ")";
  if (!hit.snippet().empty()) line += " — " + hit.snippet();
  std::printf("%s\n", line.c_str());
}

void print_hit_json(const opis::v1::SearchHit& hit) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;  // every line has every key
  std::string line;
  if (!google::protobuf::util::MessageToJsonString(hit, &line, options).ok()) {
    throw std::runtime_error("cannot print hit " + hit.id() + " as JSON");
  }
  std::printf("%s\n", line.c_str());
}

}  // namespace

int search_command(const GlobalOptions&, const SearchOptions& options) {
  std::string query;
  for (const auto& word : options.query) query += (query.empty() ? "" : " ") + word;
  if (query.empty() && options.person.empty() && options.archive.empty() && options.kind.empty() &&
      options.from.empty() && options.to.empty()) {
    throw core::UsageError(
        "search: give a QUERY, a filter (--person, --archive, --kind, --from, --to), or both");
  }
  opis::v1::SearchRequest request;
  request.set_query(query);
  request.set_person(options.person);
  request.set_archive(options.archive);
  request.set_kind(options.kind);
  request.set_from(options.from);
  request.set_to(options.to);
  request.set_limit(options.limit);
  request.set_offset(options.offset);

  try {
    const auto store = core::RecordStore::open(options.db);
    const auto response =
        store.search(request, options.json ? core::Highlight{} : highlight_for_stdout());
    for (const auto& hit : response.hits()) {
      if (options.json) {
        print_hit_json(hit);
      } else {
        print_hit_line(hit);
      }
    }
    if (!options.json) {
      const auto shown = static_cast<unsigned long long>(response.hits_size());
      const auto total = static_cast<unsigned long long>(response.total());
      if (shown == 0) {
        std::fprintf(stderr, "opis: no hits (%llu in all)\n", total);
      } else {
        std::fprintf(stderr, "opis: hits %llu-%llu of %llu\n",
                     static_cast<unsigned long long>(options.offset) + 1,
                     static_cast<unsigned long long>(options.offset) + shown, total);
      }
    }
  } catch (const core::StoreError& e) {
    std::fprintf(stderr, "opis: %s\n", e.what());
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace opis::cli
