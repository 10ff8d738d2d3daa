/* An enricher in plain C99 against plugin.h alone: proof that the ABI needs
 * no C++. It upper-cases the record's title, tags the text's first word with
 * an annotation, and reads its config through the host. */
#include <opis/plugin.h>
#include <stdlib.h>
#include <string.h>

OPIS_PLUGIN_METADATA("c99-upper", "1.2.3", "enrich", "Upper-cases titles (a plain C99 plugin)", "",
                     "",
                     "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
                     "\"prefix\":{\"type\":\"string\",\"default\":\"\"},"
                     "\"annotate\":{\"type\":\"boolean\",\"default\":true}}}");

typedef struct upper_plugin {
  const opis_host_api* host;
  char* prefix;
  size_t prefix_size;
  int annotate;
} upper_plugin;

static opis_status upper_create(const opis_host_api* host, const opis_config* config,
                                void** instance, opis_call* call) {
  upper_plugin* self = (upper_plugin*)calloc(1, sizeof *self);
  opis_str prefix = {NULL, 0};
  if (self == NULL) {
    opis_str message = {"out of memory", 13};
    return host->fail(call, OPIS_INTERNAL, message);
  }
  self->host = host;
  if (host->config_string(config, "prefix", &prefix) == OPIS_OK && prefix.size > 0) {
    self->prefix = (char*)malloc(prefix.size);
    if (self->prefix != NULL) {
      memcpy(self->prefix, prefix.data, prefix.size);
      self->prefix_size = prefix.size;
    }
  }
  host->config_bool(config, "annotate", &self->annotate);
  *instance = self;
  return OPIS_OK;
}

static void upper_destroy(void* instance) {
  upper_plugin* self = (upper_plugin*)instance;
  free(self->prefix);
  free(self);
}

static opis_status upper_enrich(void* instance, opis_record* record, opis_call* call) {
  upper_plugin* self = (upper_plugin*)instance;
  const opis_host_api* host = self->host;
  opis_str title = host->record_get(record, OPIS_FIELD_TITLE);
  opis_str text = host->record_get(record, OPIS_FIELD_TEXT);
  char* upper;
  size_t i;
  opis_str value;
  opis_status status;

  if (title.size == 0) {
    opis_str message = {"record has no title", 19};
    return host->fail(call, OPIS_INVALID_INPUT, message);
  }
  upper = (char*)malloc(self->prefix_size + title.size);
  if (upper == NULL) return OPIS_INTERNAL;
  if (self->prefix_size > 0) memcpy(upper, self->prefix, self->prefix_size);
  for (i = 0; i < title.size; ++i) {
    char c = title.data[i];
    upper[self->prefix_size + i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
  }
  value.data = upper;
  value.size = self->prefix_size + title.size;
  status = host->record_set(record, OPIS_FIELD_TITLE, value);
  free(upper);
  if (status != OPIS_OK) return status;

  if (self->annotate && text.size > 0) {
    opis_annotation note;
    size_t end = 0;
    while (end < text.size && text.data[end] != ' ' && text.data[end] != '\n') ++end;
    memset(&note, 0, sizeof note);
    note.struct_size = sizeof note;
    note.type.data = "first_word";
    note.type.size = 10;
    note.begin = 0;
    note.end = (uint32_t)end;
    note.value.data = text.data;
    note.value.size = end;
    status = host->list_append(record, OPIS_LIST_ANNOTATIONS, &note);
  }
  return status;
}

static const opis_plugin_descriptor descriptor = {
    sizeof(opis_plugin_descriptor),
    OPIS_ABI_MAJOR,
    OPIS_ABI_MINOR,
    OPIS_KIND_ENRICH,
    0,
    "c99-upper",
    "1.2.3",
    "Upper-cases titles (a plain C99 plugin)",
    "{}",
    NULL,
    NULL,
    upper_create,
    upper_destroy,
    NULL,
    NULL,
    upper_enrich,
    NULL,
    NULL,
};

OPIS_EXPORT const opis_plugin_descriptor* OPIS_ENTRY(void) {
  return &descriptor;
}
