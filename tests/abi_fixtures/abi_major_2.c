/* Built as if against a future SDK with ABI 2.0: must be refused. */
#include <opis/plugin.h>
#undef OPIS_ABI_MAJOR
#define OPIS_ABI_MAJOR 2
#undef OPIS_ABI_MINOR
#define OPIS_ABI_MINOR 0
#define FIXTURE_NAME "abi-major-2"
#include "minimal_enricher.h"
