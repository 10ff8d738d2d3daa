// opis C++ plugin layer: header-only, on top of the C ABI in plugin.h.
//
// Write a class deriving from Ingester, Enricher or Writer, construct it from
// a Config, and export it with one macro:
//
//   class TitleCase : public opis::sdk::Enricher {
//    public:
//     explicit TitleCase(const opis::sdk::Config&) {}
//     void enrich(opis::sdk::RecordView& record, opis::sdk::Context&) override { ... }
//   };
//   OPIS_EXPORT_ENRICHER(TitleCase, "title-case", "1.0.0", "Title-cases titles", OPIS_NO_CONFIG)
//
// Exceptions never leave the plugin: the generated C callbacks catch them and
// report opis::sdk::Error's status (any other exception as OPIS_INTERNAL) with
// its message.
#ifndef OPIS_SDK_HPP
#define OPIS_SDK_HPP

#include <opis/plugin.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// A config schema accepting only an empty object.
#define OPIS_NO_CONFIG "{\"type\":\"object\",\"additionalProperties\":false}"

namespace opis::sdk {

inline std::string_view view(opis_str s) noexcept {
  return s.data == nullptr ? std::string_view{} : std::string_view{s.data, s.size};
}
inline opis_str str(std::string_view s) noexcept {
  return opis_str{s.data(), s.size()};
}

// Thrown inside a plugin to fail the current call with a status and message.
class Error : public std::runtime_error {
 public:
  Error(opis_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  opis_status status() const noexcept { return status_; }

 private:
  opis_status status_;
};

// The document or record cannot be processed; the host reports it and goes on.
class InputError : public Error {
 public:
  explicit InputError(const std::string& message) : Error(OPIS_INVALID_INPUT, message) {}
};

class ConfigError : public Error {
 public:
  explicit ConfigError(const std::string& message) : Error(OPIS_INVALID_CONFIG, message) {}
};

// ------------------------------------------------------------------ items
// Value types of the record's lists. Strings read from a record are views
// valid until the record is next modified; strings written are copied.

struct Property {
  std::string_view name;
  std::string_view value;
};

struct Footnote {
  std::string_view marker;
  std::string_view text;
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Citation {
  std::string_view raw;
  std::string_view kind;
  std::string_view archive;
  std::string_view archive_name;
  std::string_view fond;
  std::string_view opis;
  std::string_view delo;
  std::string_view pages;
  std::string_view publication;
  std::string_view date;
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Contributor {
  std::string_view name;
  std::string_view role;
};

struct Entity {
  std::string_view type;
  std::string_view canonical;
  std::string_view authority_id;
  std::vector<std::string_view> surfaces;
};

struct DateMention {
  std::string_view surface;
  std::string_view edtf;
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Annotation {
  std::string_view type;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view plugin;  // read only: set by the host
  std::string_view value;
  std::vector<Property> attributes;
};

struct Link {
  std::string_view type;
  std::string_view target_id;
  double score = 0.0;
};

namespace detail {

// Converts between the C++ item types and their C structs. The C structs
// that carry arrays (entity surfaces, annotation attributes) point into the
// `scratch` vectors, which must outlive the host call.
template <class Item>
struct ItemCodec;

// Room for the C structs of an item's array (an annotation's attributes,
// an entity's spellings): inline for the few most items carry, so adding
// an item makes no allocation of its own.
template <class T, size_t N>
class ScratchArray {
 public:
  ScratchArray() = default;
  // The C struct that points into it would point into the source.
  ScratchArray(const ScratchArray&) = delete;
  ScratchArray& operator=(const ScratchArray&) = delete;

  T* room(size_t n) {
    if (n <= N) return inline_.data();
    heap_.resize(n);
    return heap_.data();
  }

 private:
  std::array<T, N> inline_{};
  std::vector<T> heap_;
};

template <>
struct ItemCodec<Property> {
  using C = opis_property;
  static constexpr opis_list list = OPIS_LIST_METADATA;
  static Property from(const C& c) { return {view(c.name), view(c.value)}; }
  static C to(const Property& p) { return {sizeof(C), str(p.name), str(p.value)}; }
};

template <>
struct ItemCodec<Footnote> {
  using C = opis_footnote;
  static constexpr opis_list list = OPIS_LIST_FOOTNOTES;
  static Footnote from(const C& c) { return {view(c.marker), view(c.text), c.begin, c.end}; }
  static C to(const Footnote& f) { return {sizeof(C), str(f.marker), str(f.text), f.begin, f.end}; }
};

template <>
struct ItemCodec<Citation> {
  using C = opis_citation;
  static constexpr opis_list list = OPIS_LIST_CITATIONS;
  static Citation from(const C& c) {
    return {view(c.raw),         view(c.kind), view(c.archive), view(c.archive_name),
            view(c.fond),        view(c.opis), view(c.delo),    view(c.pages),
            view(c.publication), view(c.date), c.begin,         c.end};
  }
  static C to(const Citation& c) {
    return {sizeof(C),   str(c.raw),  str(c.kind), str(c.archive), str(c.archive_name),
            str(c.fond), str(c.opis), str(c.delo), str(c.pages),   str(c.publication),
            str(c.date), c.begin,     c.end};
  }
};

template <>
struct ItemCodec<Contributor> {
  using C = opis_contributor;
  static constexpr opis_list list = OPIS_LIST_CONTRIBUTORS;
  static Contributor from(const C& c) { return {view(c.name), view(c.role)}; }
  static C to(const Contributor& c) { return {sizeof(C), str(c.name), str(c.role)}; }
};

template <>
struct ItemCodec<DateMention> {
  using C = opis_date_mention;
  static constexpr opis_list list = OPIS_LIST_DATES;
  static DateMention from(const C& c) { return {view(c.surface), view(c.edtf), c.begin, c.end}; }
  static C to(const DateMention& d) {
    return {sizeof(C), str(d.surface), str(d.edtf), d.begin, d.end};
  }
};

template <>
struct ItemCodec<Link> {
  using C = opis_link;
  static constexpr opis_list list = OPIS_LIST_LINKS;
  static Link from(const C& c) { return {view(c.type), view(c.target_id), c.score}; }
  static C to(const Link& l) { return {sizeof(C), str(l.type), str(l.target_id), l.score}; }
};

template <>
struct ItemCodec<Entity> {
  using C = opis_entity;
  static constexpr opis_list list = OPIS_LIST_ENTITIES;
  static Entity from(const C& c) {
    Entity e{view(c.type), view(c.canonical), view(c.authority_id), {}};
    e.surfaces.reserve(c.surface_count);
    for (size_t i = 0; i < c.surface_count; ++i) e.surfaces.push_back(view(c.surfaces[i]));
    return e;
  }
  struct Encoded {
    C c;
    ScratchArray<opis_str, 4> surfaces;
  };
  static void to(const Entity& e, Encoded& out) {
    opis_str* surfaces = out.surfaces.room(e.surfaces.size());
    for (size_t i = 0; i < e.surfaces.size(); ++i) surfaces[i] = str(e.surfaces[i]);
    out.c = {sizeof(C),           str(e.type), str(e.canonical),
             str(e.authority_id), surfaces,    e.surfaces.size()};
  }
};

template <>
struct ItemCodec<Annotation> {
  using C = opis_annotation;
  static constexpr opis_list list = OPIS_LIST_ANNOTATIONS;
  static Annotation from(const C& c) {
    Annotation a{view(c.type), c.begin, c.end, view(c.plugin), view(c.value), {}};
    a.attributes.reserve(c.attribute_count);
    for (size_t i = 0; i < c.attribute_count; ++i) {
      a.attributes.push_back({view(c.attributes[i].name), view(c.attributes[i].value)});
    }
    return a;
  }
  struct Encoded {
    C c;
    ScratchArray<opis_property, 4> attributes;
  };
  static void to(const Annotation& a, Encoded& out) {
    opis_property* attributes = out.attributes.room(a.attributes.size());
    for (size_t i = 0; i < a.attributes.size(); ++i) {
      attributes[i] = {sizeof(opis_property), str(a.attributes[i].name),
                       str(a.attributes[i].value)};
    }
    out.c = {sizeof(C),  str(a.type),        a.begin, a.end, opis_str{nullptr, 0}, str(a.value),
             attributes, a.attributes.size()};
  }
};

template <class Item>
concept HasEncoded = requires {
  typename ItemCodec<Item>::Encoded;
};

}  // namespace detail

// ----------------------------------------------------------------- record

// A record held by the host. Accessors return views into the host's copy:
// valid until this record is next modified or the callback returns.
class RecordView {
 public:
  RecordView(const opis_host_api* host, opis_record* record) noexcept
      : host_(host), record_(record) {}

  std::string_view get(opis_field field) const { return view(host_->record_get(record_, field)); }
  void set(opis_field field, std::string_view value) {
    check(host_->record_set(record_, field, str(value)), "record_set");
  }

  std::string_view id() const { return get(OPIS_FIELD_ID); }
  std::string_view kind() const { return get(OPIS_FIELD_KIND); }
  std::string_view title() const { return get(OPIS_FIELD_TITLE); }
  std::string_view summary() const { return get(OPIS_FIELD_SUMMARY); }
  std::string_view text() const { return get(OPIS_FIELD_TEXT); }
  std::string_view date_edtf() const { return get(OPIS_FIELD_DATE_EDTF); }
  std::string_view source_uri() const { return get(OPIS_FIELD_SOURCE_URI); }
  std::string_view media_type() const { return get(OPIS_FIELD_SOURCE_MEDIA_TYPE); }

  void set_kind(std::string_view v) { set(OPIS_FIELD_KIND, v); }
  void set_title(std::string_view v) { set(OPIS_FIELD_TITLE, v); }
  void set_summary(std::string_view v) { set(OPIS_FIELD_SUMMARY, v); }
  void set_text(std::string_view v) { set(OPIS_FIELD_TEXT, v); }
  void set_date(std::string_view edtf, std::string_view surface = {}) {
    set(OPIS_FIELD_DATE_EDTF, edtf);
    set(OPIS_FIELD_DATE_SURFACE, surface);
  }

  size_t count(opis_list list) const { return host_->list_size(record_, list); }
  void clear(opis_list list) { check(host_->list_clear(record_, list), "list_clear"); }
  void remove(opis_list list, size_t index) {
    check(host_->list_remove(record_, list, index), "list_remove");
  }

  // Every item of a typed list: items<Footnote>(), items<Citation>(), ...
  template <class Item>
  std::vector<Item> items() const {
    using Codec = detail::ItemCodec<Item>;
    std::vector<Item> out;
    const size_t n = host_->list_size(record_, Codec::list);
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      typename Codec::C c{};
      c.struct_size = sizeof(c);
      check(host_->list_get(record_, Codec::list, i, &c), "list_get");
      out.push_back(Codec::from(c));
    }
    return out;
  }

  template <class Item>
  void add(const Item& item) {
    using Codec = detail::ItemCodec<Item>;
    if constexpr (detail::HasEncoded<Item>) {
      typename Codec::Encoded encoded;
      Codec::to(item, encoded);
      check(host_->list_append(record_, Codec::list, &encoded.c), "list_append");
    } else {
      const auto c = Codec::to(item);
      check(host_->list_append(record_, Codec::list, &c), "list_append");
    }
  }

  template <class Item>
  void replace(size_t index, const Item& item) {
    using Codec = detail::ItemCodec<Item>;
    if constexpr (detail::HasEncoded<Item>) {
      typename Codec::Encoded encoded;
      Codec::to(item, encoded);
      check(host_->list_set(record_, Codec::list, index, &encoded.c), "list_set");
    } else {
      const auto c = Codec::to(item);
      check(host_->list_set(record_, Codec::list, index, &c), "list_set");
    }
  }

  // The plain-string lists: funders, warnings, stamps.
  std::vector<std::string_view> texts(opis_list list) const {
    std::vector<std::string_view> out;
    const size_t n = host_->list_size(record_, list);
    for (size_t i = 0; i < n; ++i) {
      opis_text_item item{};
      item.struct_size = sizeof(item);
      check(host_->list_get(record_, list, i, &item), "list_get");
      out.push_back(view(item.value));
    }
    return out;
  }
  void add_text(opis_list list, std::string_view value) {
    const opis_text_item item{sizeof(opis_text_item), str(value)};
    check(host_->list_append(record_, list, &item), "list_append");
  }

  std::vector<Footnote> footnotes() const { return items<Footnote>(); }
  std::vector<Citation> citations() const { return items<Citation>(); }
  std::vector<Contributor> contributors() const { return items<Contributor>(); }
  std::vector<Entity> entities() const { return items<Entity>(); }
  std::vector<DateMention> dates() const { return items<DateMention>(); }
  std::vector<Annotation> annotations() const { return items<Annotation>(); }
  std::vector<Link> links() const { return items<Link>(); }
  std::vector<std::string_view> warnings() const { return texts(OPIS_LIST_WARNINGS); }
  std::vector<std::string_view> funders() const { return texts(OPIS_LIST_FUNDERS); }

  // The record as a records.jsonl line (OPIS_JSON_* flags).
  std::string_view to_json(uint32_t flags = 0) const {
    opis_str out{};
    check(host_->record_to_json(record_, flags, &out), "record_to_json");
    return view(out);
  }
  // The record as serialized opis.v1.Record bytes.
  std::string_view serialize() const {
    opis_str out{};
    check(host_->record_serialize(record_, &out), "record_serialize");
    return view(out);
  }

  opis_record* handle() const noexcept { return record_; }
  const opis_host_api* host() const noexcept { return host_; }

 private:
  static void check(opis_status status, const char* what) {
    if (status != OPIS_OK) {
      throw Error(status, std::string("host call ") + what + " failed with status " +
                              std::to_string(static_cast<int>(status)));
    }
  }

  const opis_host_api* host_;
  opis_record* record_;
};

// ---------------------------------------------------------------- context

// One callback invocation: logging, warnings, cancellation.
class Context {
 public:
  Context(const opis_host_api* host, opis_call* call) noexcept : host_(host), call_(call) {}

  void log(opis_log_level level, std::string_view message) const {
    host_->log(call_, level, str(message));
  }
  void debug(std::string_view message) const { log(OPIS_LOG_DEBUG, message); }
  void info(std::string_view message) const { log(OPIS_LOG_INFO, message); }
  // Adds a warning to `record` (kept in its warnings[]) and logs it.
  void warn(RecordView& record, std::string_view message) const {
    host_->warn(call_, record.handle(), str(message));
  }
  bool cancelled() const { return host_->cancelled(call_) != 0; }
  // The last failure a host function recorded on this call.
  std::string_view last_error() const { return view(host_->call_error(call_)); }

  const opis_host_api* host() const noexcept { return host_; }
  opis_call* call() const noexcept { return call_; }

 private:
  const opis_host_api* host_;
  opis_call* call_;
};

// A record an ingester is building: freed on destruction unless emitted.
class NewRecord : public RecordView {
 public:
  NewRecord(const opis_host_api* host, opis_record* record) noexcept : RecordView(host, record) {}
  NewRecord(NewRecord&& other) noexcept : RecordView(other.host(), other.release()) {}
  NewRecord(const NewRecord&) = delete;
  NewRecord& operator=(const NewRecord&) = delete;
  NewRecord& operator=(NewRecord&&) = delete;
  ~NewRecord() {
    if (handle() != nullptr) host()->record_free(handle());
  }
  opis_record* release() noexcept {
    opis_record* r = handle();
    static_cast<RecordView&>(*this) = RecordView(host(), nullptr);
    return r;
  }
};

class IngestContext : public Context {
 public:
  using Context::Context;
  NewRecord new_record() const {
    opis_record* r = host()->record_new(call());
    if (r == nullptr) throw Error(OPIS_INTERNAL, "host could not allocate a record");
    return NewRecord(host(), r);
  }
  void emit(NewRecord&& record) const {
    const opis_status status = host()->record_emit(call(), record.release());
    if (status != OPIS_OK) throw Error(status, "the host refused an emitted record");
  }
};

// ----------------------------------------------------------------- config

// The plugin's config, validated against its schema with defaults applied.
// Only valid during the constructor: copy what you keep.
class Config {
 public:
  Config(const opis_host_api* host, const opis_config* config) noexcept
      : host_(host), config_(config) {}

  std::string_view json() const { return view(host_->config_json(config_)); }
  bool has(const char* key) const {
    opis_str ignored{};
    int64_t i = 0;
    double d = 0;
    int b = 0;
    size_t n = 0;
    return host_->config_string(config_, key, &ignored) == OPIS_OK ||
           host_->config_int(config_, key, &i) == OPIS_OK ||
           host_->config_double(config_, key, &d) == OPIS_OK ||
           host_->config_bool(config_, key, &b) == OPIS_OK ||
           host_->config_array_size(config_, key, &n) == OPIS_OK;
  }
  std::string string(const char* key, std::string_view fallback = {}) const {
    opis_str out{};
    return host_->config_string(config_, key, &out) == OPIS_OK ? std::string(view(out))
                                                               : std::string(fallback);
  }
  int64_t integer(const char* key, int64_t fallback = 0) const {
    int64_t out = 0;
    return host_->config_int(config_, key, &out) == OPIS_OK ? out : fallback;
  }
  double number(const char* key, double fallback = 0.0) const {
    double out = 0;
    return host_->config_double(config_, key, &out) == OPIS_OK ? out : fallback;
  }
  bool boolean(const char* key, bool fallback = false) const {
    int out = 0;
    return host_->config_bool(config_, key, &out) == OPIS_OK ? out != 0 : fallback;
  }
  std::vector<std::string> strings(const char* key) const {
    std::vector<std::string> out;
    size_t n = 0;
    if (host_->config_array_size(config_, key, &n) != OPIS_OK) return out;
    for (size_t i = 0; i < n; ++i) {
      opis_str s{};
      if (host_->config_string_at(config_, key, i, &s) == OPIS_OK) out.emplace_back(view(s));
    }
    return out;
  }

 private:
  const opis_host_api* host_;
  const opis_config* config_;
};

// --------------------------------------------------------------- plugins

struct Document {
  std::string_view content;
  std::string_view uri;
  std::string_view name;
  std::string_view media_type;
  std::string_view sha256;
};

class Ingester {
 public:
  virtual ~Ingester() = default;
  // Confidence 0..100 that `document` is in this plugin's format.
  virtual int probe(const Document&) { return 50; }
  virtual void ingest(const Document& document, IngestContext& context) = 0;
};

class Enricher {
 public:
  virtual ~Enricher() = default;
  virtual void enrich(RecordView& record, Context& context) = 0;
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void write(const RecordView& record, Context& context) = 0;
  // Make everything written so far durable.
  virtual void flush(Context&) {}
};

namespace detail {

template <class F>
opis_status guarded(const opis_host_api* host, opis_call* call, F&& body) noexcept {
  try {
    body();
    return OPIS_OK;
  } catch (const Error& e) {
    return host->fail(call, e.status(), str(e.what()));
  } catch (const std::exception& e) {
    return host->fail(call, OPIS_INTERNAL, str(e.what()));
  } catch (...) {
    return host->fail(call, OPIS_INTERNAL, str("unknown exception"));
  }
}

template <class Plugin>
struct Instance {
  const opis_host_api* host;
  Plugin plugin;
};

template <class Plugin>
Instance<Plugin>* construct(const opis_host_api* host, const Config& config, Context& context) {
  if constexpr (std::is_constructible_v<Plugin, const Config&, Context&>) {
    return new Instance<Plugin>{host, Plugin(config, context)};
  } else if constexpr (std::is_constructible_v<Plugin, const Config&>) {
    return new Instance<Plugin>{host, Plugin(config)};
  } else {
    static_assert(std::is_default_constructible_v<Plugin>,
                  "a plugin is constructed from (const Config&, Context&), (const Config&) or ()");
    return new Instance<Plugin>{host, Plugin()};
  }
}

template <class Plugin>
struct Callbacks {
  static opis_status create(const opis_host_api* host, const opis_config* config, void** out,
                            opis_call* call) {
    return guarded(host, call, [&] {
      Config c(host, config);
      Context context(host, call);
      *out = construct<Plugin>(host, c, context);
    });
  }
  static void destroy(void* instance) { delete static_cast<Instance<Plugin>*>(instance); }
  static Instance<Plugin>& self(void* instance) {
    return *static_cast<Instance<Plugin>*>(instance);
  }

  static Document document(const opis_document* d) {
    return {view(d->content), view(d->uri), view(d->name), view(d->media_type), view(d->sha256)};
  }
  static int probe(void* instance, const opis_document* doc) {
    try {
      return self(instance).plugin.probe(document(doc));
    } catch (...) {
      return 0;
    }
  }
  static opis_status ingest(void* instance, const opis_document* doc, opis_call* call) {
    auto& s = self(instance);
    return guarded(s.host, call, [&] {
      IngestContext context(s.host, call);
      s.plugin.ingest(document(doc), context);
    });
  }
  static opis_status enrich(void* instance, opis_record* record, opis_call* call) {
    auto& s = self(instance);
    return guarded(s.host, call, [&] {
      RecordView r(s.host, record);
      Context context(s.host, call);
      s.plugin.enrich(r, context);
    });
  }
  static opis_status write(void* instance, const opis_record* record, opis_call* call) {
    auto& s = self(instance);
    return guarded(s.host, call, [&] {
      // The view is handed out as const: a writer cannot modify the record.
      const RecordView r(s.host, const_cast<opis_record*>(record));
      Context context(s.host, call);
      s.plugin.write(r, context);
    });
  }
  static opis_status flush(void* instance, opis_call* call) {
    auto& s = self(instance);
    return guarded(s.host, call, [&] {
      Context context(s.host, call);
      s.plugin.flush(context);
    });
  }
};

template <class Plugin>
constexpr uint32_t flags_of() {
  uint32_t flags = 0;
  if constexpr (requires { Plugin::thread_safe; }) {
    if (Plugin::thread_safe) flags |= OPIS_FLAG_THREAD_SAFE;
  }
  // `static constexpr bool in_order = true;` in an Enricher (since 1.1).
  if constexpr (requires { Plugin::in_order; }) {
    static_assert(std::is_base_of_v<Enricher, Plugin>, "in_order is for enrichers only");
    if (Plugin::in_order) flags |= OPIS_FLAG_IN_ORDER;
  }
  return flags;
}

template <class Plugin>
opis_plugin_descriptor describe(opis_plugin_kind kind, const char* name, const char* version,
                                const char* description, const char* media_types,
                                const char* file_patterns, const char* config_schema) {
  using C = Callbacks<Plugin>;
  opis_plugin_descriptor d{};
  d.struct_size = sizeof(d);
  d.abi_major = OPIS_ABI_MAJOR;
  d.abi_minor = OPIS_ABI_MINOR;
  d.kind = static_cast<uint32_t>(kind);
  d.flags = flags_of<Plugin>();
  d.name = name;
  d.version = version;
  d.description = description;
  d.config_schema = config_schema;
  d.media_types = media_types;
  d.file_patterns = file_patterns;
  d.create = &C::create;
  d.destroy = &C::destroy;
  if constexpr (std::is_base_of_v<Ingester, Plugin>) {
    d.probe = &C::probe;
    d.ingest = &C::ingest;
  }
  if constexpr (std::is_base_of_v<Enricher, Plugin>) d.enrich = &C::enrich;
  if constexpr (std::is_base_of_v<Writer, Plugin>) {
    d.write = &C::write;
    d.flush = &C::flush;
  }
  return d;
}

}  // namespace detail
}  // namespace opis::sdk

// ------------------------------------------------------------ export macros
// One per kind. Every argument but Class is a string literal, so the same
// text lands in the metadata section (read without loading the plugin) and in
// the descriptor (read after loading); the host checks that they agree.

#define OPIS_EXPORT_PLUGIN_(Class, kind_enum, kind_text, name, version, description, media_types, \
                            file_patterns, config_schema)                                         \
  OPIS_PLUGIN_METADATA(name, version, kind_text, description, media_types, file_patterns,         \
                       config_schema);                                                            \
  extern "C" OPIS_EXPORT const opis_plugin_descriptor* OPIS_ENTRY(void) {                         \
    static const opis_plugin_descriptor descriptor = ::opis::sdk::detail::describe<Class>(        \
        kind_enum, name, version, description, media_types, file_patterns, config_schema);        \
    return &descriptor;                                                                           \
  }

#define OPIS_EXPORT_INGESTER(Class, name, version, description, media_types, file_patterns,       \
                             config_schema)                                                       \
  static_assert(std::is_base_of_v<::opis::sdk::Ingester, Class>, #Class " is not an Ingester");   \
  OPIS_EXPORT_PLUGIN_(Class, OPIS_KIND_INGEST, "ingest", name, version, description, media_types, \
                      file_patterns, config_schema)

#define OPIS_EXPORT_ENRICHER(Class, name, version, description, config_schema)                  \
  static_assert(std::is_base_of_v<::opis::sdk::Enricher, Class>, #Class " is not an Enricher"); \
  OPIS_EXPORT_PLUGIN_(Class, OPIS_KIND_ENRICH, "enrich", name, version, description, "", "",    \
                      config_schema)

#define OPIS_EXPORT_WRITER(Class, name, version, description, config_schema)                 \
  static_assert(std::is_base_of_v<::opis::sdk::Writer, Class>, #Class " is not a Writer");   \
  OPIS_EXPORT_PLUGIN_(Class, OPIS_KIND_OUTPUT, "output", name, version, description, "", "", \
                      config_schema)

#endif  // OPIS_SDK_HPP
