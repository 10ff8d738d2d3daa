/* Declares opis metadata but forgets the entry point. */
#include <opis/plugin.h>

OPIS_PLUGIN_METADATA("no-entry", "1.0.0", "enrich", "Metadata but no entry point", "", "",
                     "{\"type\":\"object\"}");

int metadata_without_entry_helper(int x) {
  return x * 2;
}
