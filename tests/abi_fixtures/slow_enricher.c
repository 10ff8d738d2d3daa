/* An enricher that takes its time: it waits `milliseconds` (config) per
 * record, polling the host's cancellation flag, so daemon tests can prove
 * that deadlines and disconnects stop work that is still running. */
#define _POSIX_C_SOURCE 199309L
#include <opis/plugin.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

OPIS_PLUGIN_METADATA("slow", "1.0.0", "enrich", "Waits a configured time per record (tests)", "",
                     "",
                     "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
                     "\"milliseconds\":{\"type\":\"integer\",\"minimum\":0,\"default\":2000}}}");

typedef struct slow_plugin {
  const opis_host_api* host;
  int64_t milliseconds;
} slow_plugin;

static opis_status slow_create(const opis_host_api* host, const opis_config* config,
                               void** instance, opis_call* call) {
  slow_plugin* self = (slow_plugin*)calloc(1, sizeof *self);
  (void)call;
  if (self == NULL) return OPIS_INTERNAL;
  self->host = host;
  self->milliseconds = 2000;
  host->config_int(config, "milliseconds", &self->milliseconds);
  *instance = self;
  return OPIS_OK;
}

static void slow_destroy(void* instance) {
  free(instance);
}

static opis_status slow_enrich(void* instance, opis_record* record, opis_call* call) {
  const slow_plugin* self = (const slow_plugin*)instance;
  const struct timespec tick = {0, 5 * 1000 * 1000};
  int64_t waited = 0;
  (void)record;
  for (waited = 0; waited < self->milliseconds; waited += 5) {
    if (self->host->cancelled(call)) {
      opis_str message = {"cancelled while waiting", 23};
      return self->host->fail(call, OPIS_CANCELLED, message);
    }
    nanosleep(&tick, NULL);
  }
  return OPIS_OK;
}

static const opis_plugin_descriptor descriptor = {
    sizeof(opis_plugin_descriptor),
    OPIS_ABI_MAJOR,
    OPIS_ABI_MINOR,
    OPIS_KIND_ENRICH,
    OPIS_FLAG_THREAD_SAFE,
    "slow",
    "1.0.0",
    "Waits a configured time per record (tests)",
    "{}",
    NULL,
    NULL,
    slow_create,
    slow_destroy,
    NULL,
    NULL,
    slow_enrich,
    NULL,
    NULL,
};

OPIS_EXPORT const opis_plugin_descriptor* OPIS_ENTRY(void) {
  return &descriptor;
}
