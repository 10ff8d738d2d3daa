// The opis_host_api table: how plugins read and write records, log, fail
// and read their config. Every function here is called from plugin code
// through a C function pointer, so none may throw.
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include "opis/core/host_objects.hpp"
#include "opis/core/logging.hpp"
#include "opis/core/record_json.hpp"
#include "opis/core/text.hpp"

namespace opis::core {

namespace {

thread_local opis_call* active_call = nullptr;

std::string_view view(opis_str s) {
  return s.data == nullptr ? std::string_view{} : std::string_view{s.data, s.size};
}
opis_str str(const std::string& s) {
  return {s.data(), s.size()};
}

// A string from a plugin: NULL with a non-zero size and invalid UTF-8 are
// refused, so every string in a record is valid UTF-8.
bool accept(opis_str s) {
  if (s.data == nullptr) return s.size == 0;
  return is_valid_utf8({s.data, s.size});
}

// Writes a plugin's string into a proto field without a temporary
// std::string. An empty value on a field that is already empty (every field
// of a new list item) is not written: protobuf would allocate a string to
// hold nothing, and the record is the same either way.
template <class Setter>
void put(const std::string& current, opis_str value, Setter&& set) {
  if (value.size == 0) {
    if (!current.empty()) set("", 0);
    return;
  }
  set(value.data, value.size);
}
#define OPIS_PUT(message, field, value) \
  put((message).field(), (value), [&](const char* d, size_t n) { (message).set_##field(d, n); })

// Structs crossing the boundary start with their size: copy what both sides
// know into a zeroed struct of our own (plugin.h, "Every struct ...").
template <class C>
bool copy_in(const void* item, C& out) {
  if (item == nullptr) return false;
  size_t declared = 0;
  std::memcpy(&declared, item, sizeof declared);
  if (declared < sizeof(size_t)) return false;
  out = C{};
  std::memcpy(static_cast<void*>(&out), item, std::min(declared, sizeof(C)));
  out.struct_size = sizeof(C);
  return true;
}

template <class C>
bool copy_out(const C& value, void* item) {
  if (item == nullptr) return false;
  size_t declared = 0;
  std::memcpy(&declared, item, sizeof declared);
  if (declared < sizeof(size_t)) return false;
  std::memcpy(item, &value, std::min(declared, sizeof(C)));
  std::memcpy(item, &declared, sizeof declared);
  return true;
}

std::shared_ptr<spdlog::logger> logger_for(const opis_call* call) {
  if (call == nullptr || call->plugin == nullptr) return spdlog::default_logger();
  return plugin_logger(call->plugin->kind + "/" + call->plugin->name);
}

spdlog::level::level_enum to_spdlog(opis_log_level level) {
  switch (level) {
    case OPIS_LOG_TRACE:
      return spdlog::level::trace;
    case OPIS_LOG_DEBUG:
      return spdlog::level::debug;
    case OPIS_LOG_INFO:
      return spdlog::level::info;
    case OPIS_LOG_WARN:
      return spdlog::level::warn;
    case OPIS_LOG_ERROR:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

// ----------------------------------------------------------------- calls

void host_log(opis_call* call, opis_log_level level, opis_str message) {
  try {
    const auto logger = logger_for(call);
    if (call != nullptr && !call->subject.empty()) {
      logger->log(to_spdlog(level), "{}: {}", call->subject, view(message));
    } else {
      logger->log(to_spdlog(level), "{}", view(message));
    }
  } catch (...) {
  }
}

opis_status host_fail(opis_call* call, opis_status status, opis_str message) {
  if (call == nullptr) return status;
  try {
    call->failure_status = status;
    call->failure_message.assign(view(message));
  } catch (...) {
  }
  return status;
}

void host_warn(opis_call* call, opis_record* record, opis_str message) {
  if (record == nullptr || !accept(message)) return;
  try {
    record->release_views();
    std::string text(view(message));
    if (call != nullptr && call->plugin != nullptr) text = call->plugin->name + ": " + text;
    record->message().add_warnings(text);
    host_log(call, OPIS_LOG_WARN, message);
  } catch (...) {
  }
}

int host_cancelled(const opis_call* call) {
  return call != nullptr && call->cancel != nullptr && call->cancel->load() ? 1 : 0;
}

// ---------------------------------------------------------------- config

const nlohmann::json* config_lookup(const opis_config* config, const char* key) {
  if (config == nullptr || key == nullptr) return nullptr;
  const nlohmann::json* node = &config->value;
  std::string_view path(key);
  while (!path.empty()) {
    const auto dot = path.find('.');
    const std::string part(path.substr(0, dot));
    if (!node->is_object()) return nullptr;
    const auto it = node->find(part);
    if (it == node->end()) return nullptr;
    node = &*it;
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  return node;
}

opis_str host_config_json(const opis_config* config) {
  return config == nullptr ? opis_str{"{}", 2} : str(config->text);
}

opis_status host_config_string(const opis_config* config, const char* key, opis_str* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_string()) return OPIS_INVALID_CONFIG;
  *out = str(node->get_ref<const std::string&>());
  return OPIS_OK;
}

opis_status host_config_int(const opis_config* config, const char* key, int64_t* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (node->is_number_float()) {
    // JSON Schema counts 2.0 as an integer, so a config the schema passed
    // as "integer" may hold one (YAML `workers: 2.0`).
    const double d = node->get<double>();
    if (!(std::floor(d) == d && d >= -0x1p63 && d < 0x1p63)) return OPIS_INVALID_CONFIG;
    *out = static_cast<int64_t>(d);
    return OPIS_OK;
  }
  if (!node->is_number_integer()) return OPIS_INVALID_CONFIG;
  if (node->is_number_unsigned() &&
      node->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return OPIS_INVALID_CONFIG;
  }
  *out = node->get<int64_t>();
  return OPIS_OK;
}

opis_status host_config_double(const opis_config* config, const char* key, double* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_number()) return OPIS_INVALID_CONFIG;
  *out = node->get<double>();
  return OPIS_OK;
}

opis_status host_config_bool(const opis_config* config, const char* key, int* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_boolean()) return OPIS_INVALID_CONFIG;
  *out = node->get<bool>() ? 1 : 0;
  return OPIS_OK;
}

opis_status host_config_array_size(const opis_config* config, const char* key, size_t* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_array()) return OPIS_INVALID_CONFIG;
  *out = node->size();
  return OPIS_OK;
}

opis_status host_config_string_at(const opis_config* config, const char* key, size_t index,
                                  opis_str* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_array()) return OPIS_INVALID_CONFIG;
  if (index >= node->size()) return OPIS_NOT_FOUND;
  const auto& element = (*node)[index];
  if (!element.is_string()) return OPIS_INVALID_CONFIG;
  *out = str(element.get_ref<const std::string&>());
  return OPIS_OK;
}

// --------------------------------------------------------------- records

opis_record* host_record_new(opis_call*) {
  try {
    return new opis_record();
  } catch (...) {
    return nullptr;
  }
}

void host_record_free(opis_record* record) {
  delete record;
}

opis_status host_record_emit(opis_call* call, opis_record* record) {
  std::unique_ptr<opis_record> owned(record);
  if (owned == nullptr) return OPIS_INVALID_INPUT;
  if (call == nullptr || call->emitted == nullptr) {
    return host_fail(call, OPIS_UNSUPPORTED, {"record_emit outside an ingest call", 34});
  }
  try {
    owned->release_views();
    call->emitted->push_back(std::move(owned));
    return OPIS_OK;
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

const std::string* field_of(const opis::v1::Record& r, opis_field field) {
  switch (field) {
    case OPIS_FIELD_ID:
      return &r.id();
    case OPIS_FIELD_KIND:
      return &r.kind();
    case OPIS_FIELD_TITLE:
      return &r.title();
    case OPIS_FIELD_SUMMARY:
      return &r.summary();
    case OPIS_FIELD_TEXT:
      return &r.text();
    case OPIS_FIELD_DATE_EDTF:
      return &r.date().edtf();
    case OPIS_FIELD_DATE_SURFACE:
      return &r.date().surface();
    case OPIS_FIELD_CLASSIFICATION:
      return &r.classification();
    case OPIS_FIELD_COPY_NUMBER:
      return &r.copy_number();
    case OPIS_FIELD_RIGHTS:
      return &r.rights();
    case OPIS_FIELD_LANGUAGE:
      return &r.language();
    case OPIS_FIELD_PARENT_ID:
      return &r.parent_id();
    case OPIS_FIELD_SOURCE_URI:
      return &r.source().uri();
    case OPIS_FIELD_SOURCE_MEDIA_TYPE:
      return &r.source().media_type();
    case OPIS_FIELD_SOURCE_SHA256:
      return &r.source().sha256();
    case OPIS_FIELD_SOURCE_NAME:
      return &r.source().name();
  }
  return nullptr;
}

std::string* mutable_field_of(opis::v1::Record& r, opis_field field) {
  switch (field) {
    case OPIS_FIELD_ID:
      return r.mutable_id();
    case OPIS_FIELD_KIND:
      return r.mutable_kind();
    case OPIS_FIELD_TITLE:
      return r.mutable_title();
    case OPIS_FIELD_SUMMARY:
      return r.mutable_summary();
    case OPIS_FIELD_TEXT:
      return r.mutable_text();
    case OPIS_FIELD_DATE_EDTF:
      return r.mutable_date()->mutable_edtf();
    case OPIS_FIELD_DATE_SURFACE:
      return r.mutable_date()->mutable_surface();
    case OPIS_FIELD_CLASSIFICATION:
      return r.mutable_classification();
    case OPIS_FIELD_COPY_NUMBER:
      return r.mutable_copy_number();
    case OPIS_FIELD_RIGHTS:
      return r.mutable_rights();
    case OPIS_FIELD_LANGUAGE:
      return r.mutable_language();
    case OPIS_FIELD_PARENT_ID:
      return r.mutable_parent_id();
    case OPIS_FIELD_SOURCE_URI:
      return r.mutable_source()->mutable_uri();
    case OPIS_FIELD_SOURCE_MEDIA_TYPE:
      return r.mutable_source()->mutable_media_type();
    case OPIS_FIELD_SOURCE_SHA256:
      return r.mutable_source()->mutable_sha256();
    case OPIS_FIELD_SOURCE_NAME:
      return r.mutable_source()->mutable_name();
  }
  return nullptr;
}

opis_str host_record_get(const opis_record* record, opis_field field) {
  if (record == nullptr) return {nullptr, 0};
  const std::string* value = field_of(record->message(), field);
  return value == nullptr ? opis_str{nullptr, 0} : str(*value);
}

opis_status host_record_set(opis_record* record, opis_field field, opis_str value) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  if (!accept(value)) return OPIS_INVALID_INPUT;
  try {
    std::string* target = mutable_field_of(record->message(), field);
    if (target == nullptr) return OPIS_UNSUPPORTED;
    record->release_views();
    target->assign(view(value));
    return OPIS_OK;
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

// ----------------------------------------------------------------- lists
// One traits struct per list: the C item type, the repeated proto field, and
// the conversions both ways. `view_of` may park arrays in the record's view
// storage.

struct TextList {
  using C = opis_text_item;
  using Element = std::string;
  static bool valid(const C& c) { return accept(c.value); }
  static void assign(const C& c, std::string& e) { e.assign(view(c.value)); }
  static C view_of(const std::string& e, const opis_record&) { return {sizeof(C), str(e)}; }
};

struct Funders : TextList {
  static auto* items(opis::v1::Record& r) { return r.mutable_funders(); }
  static const auto& items(const opis::v1::Record& r) { return r.funders(); }
};
struct Warnings : TextList {
  static auto* items(opis::v1::Record& r) { return r.mutable_warnings(); }
  static const auto& items(const opis::v1::Record& r) { return r.warnings(); }
};
struct Stamps : TextList {
  static auto* items(opis::v1::Record& r) { return r.mutable_stamps(); }
  static const auto& items(const opis::v1::Record& r) { return r.stamps(); }
};

struct Metadata {
  using C = opis_property;
  static auto* items(opis::v1::Record& r) { return r.mutable_metadata(); }
  static const auto& items(const opis::v1::Record& r) { return r.metadata(); }
  static bool valid(const C& c) { return accept(c.name) && accept(c.value); }
  static void assign(const C& c, opis::v1::Property& e) {
    OPIS_PUT(e, name, c.name);
    OPIS_PUT(e, value, c.value);
  }
  static C view_of(const opis::v1::Property& e, const opis_record&) {
    return {sizeof(C), str(e.name()), str(e.value())};
  }
};

struct Footnotes {
  using C = opis_footnote;
  static auto* items(opis::v1::Record& r) { return r.mutable_footnotes(); }
  static const auto& items(const opis::v1::Record& r) { return r.footnotes(); }
  static bool valid(const C& c) { return accept(c.marker) && accept(c.text); }
  static void assign(const C& c, opis::v1::Footnote& e) {
    OPIS_PUT(e, marker, c.marker);
    OPIS_PUT(e, text, c.text);
    e.set_begin(c.begin);
    e.set_end(c.end);
  }
  static C view_of(const opis::v1::Footnote& e, const opis_record&) {
    return {sizeof(C), str(e.marker()), str(e.text()), e.begin(), e.end()};
  }
};

struct Citations {
  using C = opis_citation;
  static auto* items(opis::v1::Record& r) { return r.mutable_citations(); }
  static const auto& items(const opis::v1::Record& r) { return r.citations(); }
  static bool valid(const C& c) {
    return accept(c.raw) && accept(c.kind) && accept(c.archive) && accept(c.archive_name) &&
           accept(c.fond) && accept(c.opis) && accept(c.delo) && accept(c.pages) &&
           accept(c.publication) && accept(c.date);
  }
  static void assign(const C& c, opis::v1::Citation& e) {
    OPIS_PUT(e, raw, c.raw);
    OPIS_PUT(e, kind, c.kind);
    OPIS_PUT(e, archive, c.archive);
    OPIS_PUT(e, archive_name, c.archive_name);
    OPIS_PUT(e, fond, c.fond);
    OPIS_PUT(e, opis, c.opis);
    OPIS_PUT(e, delo, c.delo);
    OPIS_PUT(e, pages, c.pages);
    OPIS_PUT(e, publication, c.publication);
    OPIS_PUT(e, date, c.date);
    e.set_begin(c.begin);
    e.set_end(c.end);
  }
  static C view_of(const opis::v1::Citation& e, const opis_record&) {
    return {sizeof(C),     str(e.raw()),  str(e.kind()), str(e.archive()), str(e.archive_name()),
            str(e.fond()), str(e.opis()), str(e.delo()), str(e.pages()),   str(e.publication()),
            str(e.date()), e.begin(),     e.end()};
  }
};

struct Contributors {
  using C = opis_contributor;
  static auto* items(opis::v1::Record& r) { return r.mutable_contributors(); }
  static const auto& items(const opis::v1::Record& r) { return r.contributors(); }
  static bool valid(const C& c) { return accept(c.name) && accept(c.role); }
  static void assign(const C& c, opis::v1::Contributor& e) {
    OPIS_PUT(e, name, c.name);
    OPIS_PUT(e, role, c.role);
  }
  static C view_of(const opis::v1::Contributor& e, const opis_record&) {
    return {sizeof(C), str(e.name()), str(e.role())};
  }
};

struct Entities {
  using C = opis_entity;
  static auto* items(opis::v1::Record& r) { return r.mutable_entities(); }
  static const auto& items(const opis::v1::Record& r) { return r.entities(); }
  static bool valid(const C& c) {
    if (!accept(c.type) || !accept(c.canonical) || !accept(c.authority_id)) return false;
    if (c.surface_count > 0 && c.surfaces == nullptr) return false;
    for (size_t i = 0; i < c.surface_count; ++i) {
      if (!accept(c.surfaces[i])) return false;
    }
    return true;
  }
  static void assign(const C& c, opis::v1::Entity& e) {
    OPIS_PUT(e, type, c.type);
    OPIS_PUT(e, canonical, c.canonical);
    OPIS_PUT(e, authority_id, c.authority_id);
    e.clear_surface();
    for (size_t i = 0; i < c.surface_count; ++i) {
      e.add_surface(c.surfaces[i].size == 0 ? "" : c.surfaces[i].data, c.surfaces[i].size);
    }
  }
  static C view_of(const opis::v1::Entity& e, const opis_record& record) {
    if (e.surface_size() == 0) {
      return {sizeof(C), str(e.type()), str(e.canonical()), str(e.authority_id()), nullptr, 0};
    }
    const auto count = static_cast<size_t>(e.surface_size());
    opis_str* surfaces = record.surface_views.allocate(count);
    for (size_t i = 0; i < count; ++i) surfaces[i] = str(e.surface(static_cast<int>(i)));
    return {sizeof(C), str(e.type()), str(e.canonical()), str(e.authority_id()), surfaces, count};
  }
};

struct Dates {
  using C = opis_date_mention;
  static auto* items(opis::v1::Record& r) { return r.mutable_dates(); }
  static const auto& items(const opis::v1::Record& r) { return r.dates(); }
  static bool valid(const C& c) { return accept(c.surface) && accept(c.edtf); }
  static void assign(const C& c, opis::v1::DateMention& e) {
    OPIS_PUT(e, surface, c.surface);
    OPIS_PUT(e, edtf, c.edtf);
    e.set_begin(c.begin);
    e.set_end(c.end);
  }
  static C view_of(const opis::v1::DateMention& e, const opis_record&) {
    return {sizeof(C), str(e.surface()), str(e.edtf()), e.begin(), e.end()};
  }
};

struct Annotations {
  using C = opis_annotation;
  static auto* items(opis::v1::Record& r) { return r.mutable_annotations(); }
  static const auto& items(const opis::v1::Record& r) { return r.annotations(); }
  static bool valid(const C& c) {
    if (!accept(c.type) || !accept(c.value)) return false;
    if (c.attribute_count > 0 && c.attributes == nullptr) return false;
    for (size_t i = 0; i < c.attribute_count; ++i) {
      if (!accept(c.attributes[i].name) || !accept(c.attributes[i].value)) return false;
    }
    return true;
  }
  static void assign(const C& c, opis::v1::Annotation& e) {
    OPIS_PUT(e, type, c.type);
    e.set_begin(c.begin);
    e.set_end(c.end);
    OPIS_PUT(e, value, c.value);
    // The acting plugin, not whatever the plugin claims (plugin.h: read only).
    const opis_str acting = active_call != nullptr && active_call->plugin != nullptr
                                ? str(active_call->plugin->name)
                                : opis_str{nullptr, 0};
    OPIS_PUT(e, plugin, acting);
    e.clear_attributes();
    for (size_t i = 0; i < c.attribute_count; ++i) {
      auto* p = e.add_attributes();
      OPIS_PUT(*p, name, c.attributes[i].name);
      OPIS_PUT(*p, value, c.attributes[i].value);
    }
  }
  static C view_of(const opis::v1::Annotation& e, const opis_record& record) {
    if (e.attributes_size() == 0) {
      return {sizeof(C),       str(e.type()),  e.begin(), e.end(),
              str(e.plugin()), str(e.value()), nullptr,   0};
    }
    const auto count = static_cast<size_t>(e.attributes_size());
    opis_property* attributes = record.attribute_views.allocate(count);
    for (size_t i = 0; i < count; ++i) {
      const auto& p = e.attributes(static_cast<int>(i));
      attributes[i] = {sizeof(opis_property), str(p.name()), str(p.value())};
    }
    return {sizeof(C),       str(e.type()),  e.begin(),  e.end(),
            str(e.plugin()), str(e.value()), attributes, count};
  }
};

struct Links {
  using C = opis_link;
  static auto* items(opis::v1::Record& r) { return r.mutable_links(); }
  static const auto& items(const opis::v1::Record& r) { return r.links(); }
  static bool valid(const C& c) { return accept(c.type) && accept(c.target_id); }
  static void assign(const C& c, opis::v1::Link& e) {
    OPIS_PUT(e, type, c.type);
    OPIS_PUT(e, target_id, c.target_id);
    e.set_score(c.score);
  }
  static C view_of(const opis::v1::Link& e, const opis_record&) {
    return {sizeof(C), str(e.type()), str(e.target_id()), e.score()};
  }
};

// Calls `f` with the traits type of `list`; OPIS_UNSUPPORTED for a list this
// host does not know (one added in a later minor).
template <class F>
opis_status with_list(opis_list list, F&& f) {
  switch (list) {
    case OPIS_LIST_FUNDERS:
      return f(Funders{});
    case OPIS_LIST_WARNINGS:
      return f(Warnings{});
    case OPIS_LIST_STAMPS:
      return f(Stamps{});
    case OPIS_LIST_METADATA:
      return f(Metadata{});
    case OPIS_LIST_FOOTNOTES:
      return f(Footnotes{});
    case OPIS_LIST_CITATIONS:
      return f(Citations{});
    case OPIS_LIST_CONTRIBUTORS:
      return f(Contributors{});
    case OPIS_LIST_ENTITIES:
      return f(Entities{});
    case OPIS_LIST_DATES:
      return f(Dates{});
    case OPIS_LIST_ANNOTATIONS:
      return f(Annotations{});
    case OPIS_LIST_LINKS:
      return f(Links{});
  }
  return OPIS_UNSUPPORTED;
}

size_t host_list_size(const opis_record* record, opis_list list) {
  if (record == nullptr) return 0;
  size_t size = 0;
  with_list(list, [&](auto traits) {
    size = static_cast<size_t>(decltype(traits)::items(record->message()).size());
    return OPIS_OK;
  });
  return size;
}

opis_status host_list_get(const opis_record* record, opis_list list, size_t index, void* item) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  try {
    return with_list(list, [&](auto traits) {
      using T = decltype(traits);
      const auto& items = T::items(record->message());
      if (index >= static_cast<size_t>(items.size())) return OPIS_NOT_FOUND;
      const auto value = T::view_of(items[static_cast<int>(index)], *record);
      return copy_out(value, item) ? OPIS_OK : OPIS_INVALID_INPUT;
    });
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

opis_status host_list_append(opis_record* record, opis_list list, const void* item) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  try {
    return with_list(list, [&](auto traits) {
      using T = decltype(traits);
      typename T::C value;
      if (!copy_in(item, value) || !T::valid(value)) return OPIS_INVALID_INPUT;
      record->release_views();
      T::assign(value, *T::items(record->message())->Add());
      return OPIS_OK;
    });
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

opis_status host_list_set(opis_record* record, opis_list list, size_t index, const void* item) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  try {
    return with_list(list, [&](auto traits) {
      using T = decltype(traits);
      auto* items = T::items(record->message());
      if (index >= static_cast<size_t>(items->size())) return OPIS_NOT_FOUND;
      typename T::C value;
      if (!copy_in(item, value) || !T::valid(value)) return OPIS_INVALID_INPUT;
      record->release_views();
      auto& element = *items->Mutable(static_cast<int>(index));
      if constexpr (std::is_same_v<T, Annotations>) {
        // Replacing an annotation (repair moving its span) keeps its author:
        // the plugin that found it, not the one that edited it.
        std::string author = element.plugin();
        T::assign(value, element);
        element.set_plugin(std::move(author));
      } else {
        T::assign(value, element);
      }
      return OPIS_OK;
    });
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

opis_status host_list_remove(opis_record* record, opis_list list, size_t index) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  return with_list(list, [&](auto traits) {
    using T = decltype(traits);
    auto* items = T::items(record->message());
    if (index >= static_cast<size_t>(items->size())) return OPIS_NOT_FOUND;
    record->release_views();
    items->erase(items->begin() + static_cast<int>(index));
    return OPIS_OK;
  });
}

opis_status host_list_clear(opis_record* record, opis_list list) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  return with_list(list, [&](auto traits) {
    record->release_views();
    decltype(traits)::items(record->message())->Clear();
    return OPIS_OK;
  });
}

// ---------------------------------------------------------- whole record

opis_status host_record_to_json(const opis_record* record, uint32_t flags, opis_str* out) {
  if (record == nullptr || out == nullptr) return OPIS_INVALID_INPUT;
  try {
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    options.always_print_primitive_fields = (flags & OPIS_JSON_INCLUDE_DEFAULTS) != 0;
    options.add_whitespace = (flags & OPIS_JSON_PRETTY) != 0;
    record->rendered.clear();
    // The compact form is what records.jsonl is made of: printed directly
    // (same bytes, several times faster); protobuf prints the other forms.
    const bool compact = (flags & (OPIS_JSON_INCLUDE_DEFAULTS | OPIS_JSON_PRETTY)) == 0;
    if (!(compact && append_compact_json(record->message(), record->rendered)) &&
        !google::protobuf::util::MessageToJsonString(record->message(), &record->rendered, options)
             .ok()) {
      return OPIS_INTERNAL;
    }
    *out = str(record->rendered);
    return OPIS_OK;
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

opis_status host_record_from_json(opis_record* record, opis_str json, opis_call* call) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  try {
    opis::v1::Record parsed;
    const auto status = google::protobuf::util::JsonStringToMessage(
        std::string(view(json)), &parsed, google::protobuf::util::JsonParseOptions{});
    if (!status.ok()) {
      const std::string message = "not an opis record: " + std::string(status.message());
      return host_fail(call, OPIS_INVALID_INPUT, {message.data(), message.size()});
    }
    record->release_views();
    record->message() = std::move(parsed);
    return OPIS_OK;
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

opis_status host_record_serialize(const opis_record* record, opis_str* out) {
  if (record == nullptr || out == nullptr) return OPIS_INVALID_INPUT;
  try {
    record->rendered.clear();
    if (!record->message().SerializeToString(&record->rendered)) return OPIS_INTERNAL;
    *out = str(record->rendered);
    return OPIS_OK;
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

opis_status host_record_parse(opis_record* record, opis_str bytes) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  try {
    opis::v1::Record parsed;
    if (!parsed.ParseFromArray(bytes.data, static_cast<int>(bytes.size))) {
      return OPIS_INVALID_INPUT;
    }
    record->release_views();
    record->message() = std::move(parsed);
    return OPIS_OK;
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

opis_str host_call_error(const opis_call* call) {
  return call == nullptr ? opis_str{nullptr, 0} : str(call->failure_message);
}

const opis_host_api kHostApi = {
    sizeof(opis_host_api),
    OPIS_ABI_MAJOR,
    OPIS_ABI_MINOR,
    &host_log,
    &host_fail,
    &host_warn,
    &host_cancelled,
    &host_config_json,
    &host_config_string,
    &host_config_int,
    &host_config_double,
    &host_config_bool,
    &host_config_array_size,
    &host_config_string_at,
    &host_record_new,
    &host_record_free,
    &host_record_emit,
    &host_record_get,
    &host_record_set,
    &host_list_size,
    &host_list_get,
    &host_list_append,
    &host_list_set,
    &host_list_remove,
    &host_list_clear,
    &host_record_to_json,
    &host_record_from_json,
    &host_record_serialize,
    &host_record_parse,
    &host_call_error,
};

}  // namespace

const opis_host_api* host_api() {
  return &kHostApi;
}

ActiveCall::ActiveCall(opis_call* call) : previous_(active_call) {
  active_call = call;
}
ActiveCall::~ActiveCall() {
  active_call = previous_;
}

}  // namespace opis::core
