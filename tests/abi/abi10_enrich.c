/* An enricher in C built against the frozen ABI 1.0 plugin.h
 * (tests/abi/v1.0): annotates each occurrence of the configured marker in
 * the text, records the configured author as a contributor, warns when the
 * marker is absent, and checks that the record reads back as JSON. */
#include <opis/plugin.h>
#include <stdlib.h>
#include <string.h>

#define SCHEMA                                                              \
  "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"    \
  "\"marker\":{\"type\":\"string\",\"minLength\":1,\"default\":\"grain\"}," \
  "\"author\":{\"type\":\"string\",\"default\":\"\"}}}"

OPIS_PLUGIN_METADATA("abi10-marker", "1.0.0", "enrich", "ABI 1.0 fixture: marks a word", "", "",
                     SCHEMA);

typedef struct marker_plugin {
  const opis_host_api* host;
  char marker[64];
  size_t marker_size;
  char author[64];
  size_t author_size;
} marker_plugin;

static size_t copy_config(const opis_host_api* host, const opis_config* config, const char* key,
                          char* out, size_t capacity) {
  opis_str value = {NULL, 0};
  if (host->config_string(config, key, &value) != OPIS_OK) return 0;
  if (value.size > capacity) value.size = capacity;
  memcpy(out, value.data, value.size);
  return value.size;
}

static opis_status marker_create(const opis_host_api* host, const opis_config* config,
                                 void** instance, opis_call* call) {
  marker_plugin* self = (marker_plugin*)calloc(1, sizeof *self);
  if (self == NULL) {
    opis_str message = {"out of memory", 13};
    return host->fail(call, OPIS_INTERNAL, message);
  }
  self->host = host;
  self->marker_size = copy_config(host, config, "marker", self->marker, sizeof self->marker);
  self->author_size = copy_config(host, config, "author", self->author, sizeof self->author);
  *instance = self;
  return OPIS_OK;
}

static void marker_destroy(void* instance) {
  free(instance);
}

static opis_status marker_enrich(void* instance, opis_record* record, opis_call* call) {
  marker_plugin* self = (marker_plugin*)instance;
  const opis_host_api* host = self->host;
  opis_str text = host->record_get(record, OPIS_FIELD_TEXT);
  char* copy = (char*)malloc(text.size + 1);
  size_t at, found = 0;
  opis_str json = {NULL, 0};
  opis_status status = OPIS_OK;
  if (copy == NULL) return OPIS_INTERNAL;
  if (text.size > 0) memcpy(copy, text.data, text.size);
  for (at = 0; self->marker_size > 0 && at + self->marker_size <= text.size; ++at) {
    opis_annotation mark;
    if (memcmp(copy + at, self->marker, self->marker_size) != 0) continue;
    memset(&mark, 0, sizeof mark);
    mark.struct_size = sizeof mark;
    mark.type.data = "abi10";
    mark.type.size = 5;
    mark.begin = (uint32_t)at;
    mark.end = (uint32_t)(at + self->marker_size);
    mark.value.data = self->marker;
    mark.value.size = self->marker_size;
    status = host->list_append(record, OPIS_LIST_ANNOTATIONS, &mark);
    if (status != OPIS_OK) break;
    ++found;
  }
  free(copy);
  if (status != OPIS_OK) return status;
  if (found == 0) {
    opis_str message = {"marker not found", 16};
    host->warn(call, record, message);
  }
  if (self->author_size > 0) {
    opis_contributor author;
    memset(&author, 0, sizeof author);
    author.struct_size = sizeof author;
    author.name.data = self->author;
    author.name.size = self->author_size;
    author.role.data = "author";
    author.role.size = 6;
    status = host->list_append(record, OPIS_LIST_CONTRIBUTORS, &author);
    if (status != OPIS_OK) return status;
  }
  status = host->record_to_json(record, 0, &json);
  if (status != OPIS_OK || json.size == 0 || json.data[0] != '{') {
    opis_str message = {"record_to_json gave no JSON object", 34};
    return host->fail(call, OPIS_INTERNAL, message);
  }
  return OPIS_OK;
}

static const opis_plugin_descriptor descriptor = {
    sizeof(opis_plugin_descriptor),
    OPIS_ABI_MAJOR,
    OPIS_ABI_MINOR,
    OPIS_KIND_ENRICH,
    0,
    "abi10-marker",
    "1.0.0",
    "ABI 1.0 fixture: marks a word",
    SCHEMA,
    NULL,
    NULL,
    marker_create,
    marker_destroy,
    NULL,
    NULL,
    marker_enrich,
    NULL,
    NULL,
};

OPIS_EXPORT const opis_plugin_descriptor* OPIS_ENTRY(void) {
  return &descriptor;
}
