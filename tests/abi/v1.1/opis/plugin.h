/*
 * opis plugin ABI — the only thing a plugin binary depends on.
 *
 * Plain C (C99), so plugins built by another compiler, another C++ standard
 * library, or in another language load safely. The rules:
 *
 *  - A plugin exports one function, `opis_plugin_v<MAJOR>`, returning its
 *    descriptor, and one ELF section, OPIS_METADATA_SECTION, holding its name,
 *    version, kind, ABI and config schema as text so the host can read them
 *    without running any plugin code (OPIS_PLUGIN_METADATA writes it).
 *  - Every struct that crosses the boundary starts with its size. The reader
 *    copies min(their size, its size) into a zeroed struct of its own, so a
 *    minor version may only append fields, never reorder or remove them.
 *  - The host loads a plugin when its ABI major equals the host's and its
 *    minor is <= the host's; anything else is refused before dlopen.
 *  - No exception, longjmp or C++ object crosses the boundary: calls return
 *    an opis_status, and a failing call explains itself with host->fail().
 *  - Strings are UTF-8, passed as pointer + length, never NUL-terminated by
 *    contract. Ownership is stated at each function below.
 *
 * See sdk/README.md for the lifecycle, threading model and versioning policy.
 */
#ifndef OPIS_PLUGIN_H
#define OPIS_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OPIS_ABI_MAJOR 1
#define OPIS_ABI_MINOR 1

#define OPIS_STRINGIFY_(x) #x
#define OPIS_STRINGIFY(x) OPIS_STRINGIFY_(x)

/* The entry symbol carries the major version: a host for another major does
 * not even find it. */
#define OPIS_ENTRY_NAME_(major) opis_plugin_v##major
#define OPIS_ENTRY_NAME(major) OPIS_ENTRY_NAME_(major)
#define OPIS_ENTRY OPIS_ENTRY_NAME(OPIS_ABI_MAJOR)
#define OPIS_ENTRY_SYMBOL "opis_plugin_v" OPIS_STRINGIFY(OPIS_ABI_MAJOR)

/* ELF section holding the plugin's metadata (see OPIS_PLUGIN_METADATA). */
#define OPIS_METADATA_SECTION "opis_plugin_meta"
#define OPIS_METADATA_MAGIC "opis-plugin-metadata"

#if defined(_WIN32)
#define OPIS_EXPORT __declspec(dllexport)
#else
#define OPIS_EXPORT __attribute__((visibility("default")))
#endif

/* ---------------------------------------------------------------- basics */

/* A UTF-8 string or byte range; not NUL-terminated. */
typedef struct opis_str {
  const char* data;
  size_t size;
} opis_str;

typedef enum opis_status {
  OPIS_OK = 0,
  /* The document or record cannot be processed (undecodable, empty, not the
   * expected format). The host reports it by name and goes on. */
  OPIS_INVALID_INPUT = 1,
  /* The plugin's configuration is unusable. */
  OPIS_INVALID_CONFIG = 2,
  /* A requested field, item or config key does not exist. */
  OPIS_NOT_FOUND = 3,
  /* The host or plugin does not support the request (e.g. a field this host
   * version does not know). */
  OPIS_UNSUPPORTED = 4,
  OPIS_IO_ERROR = 5,
  /* A bug or an unexpected condition inside the plugin. */
  OPIS_INTERNAL = 6,
  /* The host asked the call to stop (deadline, shutdown). */
  OPIS_CANCELLED = 7
} opis_status;

typedef enum opis_plugin_kind {
  OPIS_KIND_INGEST = 1, /* bytes -> records */
  OPIS_KIND_ENRICH = 2, /* record -> record, in place */
  OPIS_KIND_OUTPUT = 3  /* records -> a store */
} opis_plugin_kind;

typedef enum opis_log_level {
  OPIS_LOG_TRACE = 0,
  OPIS_LOG_DEBUG = 1,
  OPIS_LOG_INFO = 2,
  OPIS_LOG_WARN = 3,
  OPIS_LOG_ERROR = 4
} opis_log_level;

/* Opaque handles owned by the host. */
typedef struct opis_record opis_record; /* one record */
typedef struct opis_call opis_call;     /* one callback invocation */
typedef struct opis_config opis_config; /* a validated plugin config */

/* --------------------------------------------------------------- records */

/* Scalar fields of a record, readable with record_get, writable with
 * record_set. Values never change meaning; new fields get new numbers. */
typedef enum opis_field {
  OPIS_FIELD_ID = 1,
  OPIS_FIELD_KIND = 2,
  OPIS_FIELD_TITLE = 3,
  OPIS_FIELD_SUMMARY = 4,
  OPIS_FIELD_TEXT = 5,
  OPIS_FIELD_DATE_EDTF = 6,
  OPIS_FIELD_DATE_SURFACE = 7,
  OPIS_FIELD_CLASSIFICATION = 8,
  OPIS_FIELD_COPY_NUMBER = 9,
  OPIS_FIELD_RIGHTS = 10,
  OPIS_FIELD_LANGUAGE = 11,
  OPIS_FIELD_PARENT_ID = 12,
  OPIS_FIELD_SOURCE_URI = 13,
  OPIS_FIELD_SOURCE_MEDIA_TYPE = 14,
  OPIS_FIELD_SOURCE_SHA256 = 15,
  OPIS_FIELD_SOURCE_NAME = 16
} opis_field;

/* Repeated parts of a record. Each list has one item struct type, named in
 * the comment; list_get/list_append take a pointer to it. */
typedef enum opis_list {
  OPIS_LIST_FUNDERS = 1,      /* opis_text_item */
  OPIS_LIST_WARNINGS = 2,     /* opis_text_item */
  OPIS_LIST_STAMPS = 3,       /* opis_text_item */
  OPIS_LIST_METADATA = 4,     /* opis_property */
  OPIS_LIST_FOOTNOTES = 5,    /* opis_footnote */
  OPIS_LIST_CITATIONS = 6,    /* opis_citation */
  OPIS_LIST_CONTRIBUTORS = 7, /* opis_contributor */
  OPIS_LIST_ENTITIES = 8,     /* opis_entity */
  OPIS_LIST_DATES = 9,        /* opis_date_mention */
  OPIS_LIST_ANNOTATIONS = 10, /* opis_annotation */
  OPIS_LIST_LINKS = 11        /* opis_link */
} opis_list;

/* Item structs. Set struct_size = sizeof(the struct) before passing one in.
 * Offsets are UTF-8 byte offsets into the record's text, end exclusive; a
 * span is present when end > begin. Strings read from the host are views
 * valid until the record is next modified or the callback returns. */
typedef struct opis_text_item {
  size_t struct_size;
  opis_str value;
} opis_text_item;

typedef struct opis_property {
  size_t struct_size;
  opis_str name;
  opis_str value;
} opis_property;

typedef struct opis_footnote {
  size_t struct_size;
  opis_str marker;
  opis_str text;
  uint32_t begin;
  uint32_t end;
} opis_footnote;

typedef struct opis_citation {
  size_t struct_size;
  opis_str raw;
  opis_str kind;
  opis_str archive;
  opis_str archive_name;
  opis_str fond;
  opis_str opis;
  opis_str delo;
  opis_str pages;
  opis_str publication;
  opis_str date;
  uint32_t begin;
  uint32_t end;
} opis_citation;

typedef struct opis_contributor {
  size_t struct_size;
  opis_str name;
  opis_str role;
} opis_contributor;

typedef struct opis_entity {
  size_t struct_size;
  opis_str type;
  opis_str canonical;
  opis_str authority_id;
  const opis_str* surfaces;
  size_t surface_count;
} opis_entity;

typedef struct opis_date_mention {
  size_t struct_size;
  opis_str surface;
  opis_str edtf;
  uint32_t begin;
  uint32_t end;
} opis_date_mention;

typedef struct opis_annotation {
  size_t struct_size;
  opis_str type;
  uint32_t begin;
  uint32_t end;
  /* Read only: the host records which plugin added the annotation; it stays
   * when another plugin replaces the annotation with list_set. */
  opis_str plugin;
  opis_str value;
  const opis_property* attributes;
  size_t attribute_count;
} opis_annotation;

typedef struct opis_link {
  size_t struct_size;
  opis_str type;
  opis_str target_id;
  double score;
} opis_link;

/* A document handed to an ingester. All views are valid for the call. */
typedef struct opis_document {
  size_t struct_size;
  opis_str content;    /* the bytes */
  opis_str uri;        /* path as given, URI, or "stdin" */
  opis_str name;       /* file name without directories; may be empty */
  opis_str media_type; /* declared or sniffed by the host */
  opis_str sha256;     /* of content, lowercase hex */
} opis_document;

/* Flags for record_to_json. */
#define OPIS_JSON_INCLUDE_DEFAULTS 1u /* print empty fields too */
#define OPIS_JSON_PRETTY 2u           /* indented, multi-line */

/* ------------------------------------------------------------ host table */

/* Functions the host lends to plugins. Within a major version the table only
 * grows at its end; check struct_size (or OPIS_HOST_HAS) before calling a
 * function added after the minor you were built for. */
typedef struct opis_host_api {
  size_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor;

  /* --- calls --- */
  /* Log through the host's logger, tagged with the plugin's name. `call` may
   * be NULL outside a callback. */
  void (*log)(opis_call* call, opis_log_level level, opis_str message);
  /* Explain why the current callback fails; returns `status` so a plugin can
   * write `return host->fail(call, OPIS_INVALID_INPUT, msg);`. */
  opis_status (*fail)(opis_call* call, opis_status status, opis_str message);
  /* Adds a warning to the record being processed and logs it. */
  void (*warn)(opis_call* call, opis_record* record, opis_str message);
  /* Non-zero when the host wants the call to stop early (deadline,
   * shutdown); a long-running plugin polls it and returns OPIS_CANCELLED. */
  int (*cancelled)(const opis_call* call);

  /* --- config (keys are dotted paths into the config object: "a.b") --- */
  /* The whole validated config, defaults applied, as compact JSON. */
  opis_str (*config_json)(const opis_config* config);
  opis_status (*config_string)(const opis_config* config, const char* key, opis_str* out);
  opis_status (*config_int)(const opis_config* config, const char* key, int64_t* out);
  opis_status (*config_double)(const opis_config* config, const char* key, double* out);
  opis_status (*config_bool)(const opis_config* config, const char* key, int* out);
  /* Arrays of strings: the size, then each element. */
  opis_status (*config_array_size)(const opis_config* config, const char* key, size_t* out);
  opis_status (*config_string_at)(const opis_config* config, const char* key, size_t index,
                                  opis_str* out);

  /* --- creating records (ingesters) --- */
  /* A new empty record owned by the caller until record_emit or
   * record_free. The host fills id, source and position at emit unless the
   * plugin set them. */
  opis_record* (*record_new)(opis_call* call);
  void (*record_free)(opis_record* record);
  /* Hands the record to the pipeline. Always takes ownership, even when it
   * returns an error. */
  opis_status (*record_emit)(opis_call* call, opis_record* record);

  /* --- reading and writing fields --- */
  /* A view of a scalar field; empty when unset or unknown to this host. */
  opis_str (*record_get)(const opis_record* record, opis_field field);
  /* Copies `value`. OPIS_INVALID_INPUT when it is not valid UTF-8,
   * OPIS_UNSUPPORTED for a field this host does not know. */
  opis_status (*record_set)(opis_record* record, opis_field field, opis_str value);

  size_t (*list_size)(const opis_record* record, opis_list list);
  /* Fills `*item` (whose struct_size the caller set) with views. */
  opis_status (*list_get)(const opis_record* record, opis_list list, size_t index, void* item);
  /* Copies `*item` to the end of the list. */
  opis_status (*list_append)(opis_record* record, opis_list list, const void* item);
  /* Replaces the item at `index` with a copy of `*item`. */
  opis_status (*list_set)(opis_record* record, opis_list list, size_t index, const void* item);
  opis_status (*list_remove)(opis_record* record, opis_list list, size_t index);
  opis_status (*list_clear)(opis_record* record, opis_list list);

  /* --- whole records --- */
  /* The record as one line of records.jsonl (protobuf JSON mapping of
   * opis.v1.Record, proto field names). `*out` is a view valid until the
   * record is next modified or the callback returns. */
  opis_status (*record_to_json)(const opis_record* record, uint32_t flags, opis_str* out);
  /* Replaces the record's content with the parsed JSON object. */
  opis_status (*record_from_json)(opis_record* record, opis_str json, opis_call* call);
  /* The record as serialized opis.v1.Record protobuf bytes (the escape
   * hatch for fields without typed access). Same lifetime as to_json. */
  opis_status (*record_serialize)(const opis_record* record, opis_str* out);
  opis_status (*record_parse)(opis_record* record, opis_str bytes);

  /* The message of the last failure recorded on `call`, by host->fail or by
   * a host function that failed (record_from_json says what is wrong with
   * the JSON). Empty when none. */
  opis_str (*call_error)(const opis_call* call);
} opis_host_api;

/* True when `host` has the function `member` (added in a later minor). */
#define OPIS_HOST_HAS(host, member)                                                   \
  ((host)->struct_size >= offsetof(opis_host_api, member) + sizeof((host)->member) && \
   (host)->member != NULL)

/* ------------------------------------------------------ plugin descriptor */

/* The plugin's instances may be shared by concurrent calls. Without it the
 * host gives each worker thread an instance of its own. */
#define OPIS_FLAG_THREAD_SAFE 1u

/* Since 1.1; enrichers only. The host calls enrich() for one record at a
 * time, in input order: the order in which the outputs receive records. So
 * the plugin may compare a record with every record before it (linking,
 * deduplication) and get the same answer on every run, whatever the number
 * of workers. This step and the enrichers after it in the pipeline run on
 * the thread that feeds the outputs, one record at a time; the enrichers
 * before it still run on the workers. A 1.0 host would ignore the flag, so
 * a plugin that sets it must be built for 1.1 (the rule refuses it on an
 * older host). */
#define OPIS_FLAG_IN_ORDER 2u

typedef struct opis_plugin_descriptor {
  size_t struct_size;
  uint32_t abi_major;  /* OPIS_ABI_MAJOR at build time */
  uint32_t abi_minor;  /* OPIS_ABI_MINOR at build time */
  uint32_t kind;       /* opis_plugin_kind */
  uint32_t flags;      /* OPIS_FLAG_* */
  const char* name;    /* [a-z0-9-]+, unique per kind */
  const char* version; /* semver */
  const char* description;
  const char* config_schema; /* JSON Schema (draft 2020-12 subset) */
  /* Ingesters: comma-separated media types and file globs they read. */
  const char* media_types;
  const char* file_patterns;

  /* Lifecycle. create gets a validated config and must not keep `config`
   * past the call; `host` stays valid until destroy. On failure it explains
   * itself with host->fail(call, ...). destroy frees everything. */
  opis_status (*create)(const opis_host_api* host, const opis_config* config, void** instance,
                        opis_call* call);
  void (*destroy)(void* instance);

  /* Ingest: optional confidence 0..100 that `doc` is in this plugin's
   * format; the host picks the most confident ingester among those whose
   * media types or globs match. NULL means 50. */
  int (*probe)(void* instance, const opis_document* doc);
  /* Ingest: parse `doc`, creating records with record_new + record_emit. */
  opis_status (*ingest)(void* instance, const opis_document* doc, opis_call* call);
  /* Enrich: read and modify `record` in place. */
  opis_status (*enrich)(void* instance, opis_record* record, opis_call* call);
  /* Output: store `record`. Records arrive in a deterministic order, one
   * call at a time. flush makes everything written so far durable (commit,
   * rename); the host calls it at the end of a batch and on request. */
  opis_status (*write)(void* instance, const opis_record* record, opis_call* call);
  opis_status (*flush)(void* instance, opis_call* call);
} opis_plugin_descriptor;

/* The entry point every plugin exports (for ABI 1: opis_plugin_v1). */
typedef const opis_plugin_descriptor* (*opis_plugin_entry_fn)(void);

/* ------------------------------------------------------------- metadata */

#if defined(__has_attribute)
#if __has_attribute(retain)
#define OPIS_RETAIN_ __attribute__((retain))
#endif
#endif
#ifndef OPIS_RETAIN_
#define OPIS_RETAIN_
#endif

/* Writes the plugin's metadata into OPIS_METADATA_SECTION as NUL-separated
 * key=value text, readable without loading the plugin. All arguments must be
 * string literals; kind is "ingest", "enrich" or "output". Use once per
 * plugin, at file scope. */
/* clang-format off */
#define OPIS_PLUGIN_METADATA(name, version, kind, description, media_types, file_patterns,       \
                             config_schema)                                                        \
  __attribute__((section(OPIS_METADATA_SECTION), used)) OPIS_RETAIN_                               \
  static const char opis_plugin_metadata_[] =                                                      \
      OPIS_METADATA_MAGIC "\0"                                                                     \
      "abi=" OPIS_STRINGIFY(OPIS_ABI_MAJOR) "." OPIS_STRINGIFY(OPIS_ABI_MINOR) "\0"                \
      "kind=" kind "\0"                                                                            \
      "name=" name "\0"                                                                            \
      "version=" version "\0"                                                                      \
      "description=" description "\0"                                                              \
      "media_types=" media_types "\0"                                                              \
      "file_patterns=" file_patterns "\0"                                                          \
      "config_schema=" config_schema "\0"
/* clang-format on */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* OPIS_PLUGIN_H */
