/* Built as if against an older major (0.9): must be refused. */
#include <opis/plugin.h>
#undef OPIS_ABI_MAJOR
#define OPIS_ABI_MAJOR 0
#undef OPIS_ABI_MINOR
#define OPIS_ABI_MINOR 9
#define FIXTURE_NAME "abi-major-0"
#include "minimal_enricher.h"
