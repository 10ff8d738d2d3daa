/* A do-nothing enricher whose declared ABI version the including file sets,
 * to test the host's compatibility rule. Define FIXTURE_NAME first. */
#include <opis/plugin.h>
#include <stddef.h>

OPIS_PLUGIN_METADATA(FIXTURE_NAME, "0.0.1", "enrich", "ABI test fixture", "", "",
                     "{\"type\":\"object\"}");

static opis_status fixture_create(const opis_host_api* host, const opis_config* config,
                                  void** instance, opis_call* call) {
  (void)host;
  (void)config;
  (void)call;
  *instance = NULL;
  return OPIS_OK;
}
static void fixture_destroy(void* instance) {
  (void)instance;
}
static opis_status fixture_enrich(void* instance, opis_record* record, opis_call* call) {
  (void)instance;
  (void)record;
  (void)call;
  return OPIS_OK;
}

static const opis_plugin_descriptor descriptor = {sizeof(opis_plugin_descriptor),
                                                  OPIS_ABI_MAJOR,
                                                  OPIS_ABI_MINOR,
                                                  OPIS_KIND_ENRICH,
                                                  0,
                                                  FIXTURE_NAME,
                                                  "0.0.1",
                                                  "ABI test fixture",
                                                  "{\"type\":\"object\"}",
                                                  NULL,
                                                  NULL,
                                                  fixture_create,
                                                  fixture_destroy,
                                                  NULL,
                                                  NULL,
                                                  fixture_enrich,
                                                  NULL,
                                                  NULL};

OPIS_EXPORT const opis_plugin_descriptor* OPIS_ENTRY(void) {
  return &descriptor;
}
