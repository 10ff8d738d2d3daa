/* An in-order enricher (OPIS_FLAG_IN_ORDER): it numbers the records it sees
 * and notes the number and the record's source as a warning on the record,
 * so tests can check that the host called it one record at a time in input
 * order, whatever the number of workers. Not thread-safe on purpose: the
 * counter has no lock, which the flag makes safe. */
#include <opis/plugin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

OPIS_PLUGIN_METADATA("sequence", "1.0.0", "enrich", "Numbers records in the order it sees them", "",
                     "", "{\"type\":\"object\",\"additionalProperties\":false}");

typedef struct sequence_plugin {
  const opis_host_api* host;
  unsigned long seen;
} sequence_plugin;

static opis_status sequence_create(const opis_host_api* host, const opis_config* config,
                                   void** instance, opis_call* call) {
  sequence_plugin* self = (sequence_plugin*)calloc(1, sizeof *self);
  (void)config;
  (void)call;
  if (self == NULL) return OPIS_INTERNAL;
  self->host = host;
  *instance = self;
  return OPIS_OK;
}

static void sequence_destroy(void* instance) {
  free(instance);
}

static opis_status sequence_enrich(void* instance, opis_record* record, opis_call* call) {
  sequence_plugin* self = (sequence_plugin*)instance;
  const opis_str uri = self->host->record_get(record, OPIS_FIELD_SOURCE_URI);
  char note[512];
  const int length = snprintf(note, sizeof note, "#%lu: %.*s", self->seen++,
                              (int)(uri.size < 400 ? uri.size : 400), uri.data);
  const opis_str message = {note, (size_t)length};
  self->host->warn(call, record, message);
  return OPIS_OK;
}

static const opis_plugin_descriptor descriptor = {
    sizeof(opis_plugin_descriptor),
    OPIS_ABI_MAJOR,
    OPIS_ABI_MINOR,
    OPIS_KIND_ENRICH,
    OPIS_FLAG_IN_ORDER,
    "sequence",
    "1.0.0",
    "Numbers records in the order it sees them",
    "{}",
    NULL,
    NULL,
    sequence_create,
    sequence_destroy,
    NULL,
    NULL,
    sequence_enrich,
    NULL,
    NULL,
};

OPIS_EXPORT const opis_plugin_descriptor* OPIS_ENTRY(void) {
  return &descriptor;
}
