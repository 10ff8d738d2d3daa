/* Built as if against the next minor of this major: must be refused by this
 * host, which cannot provide what a newer minor may rely on. CMake passes
 * FIXTURE_NEWER_MINOR = the host's minor + 1. */
#include <opis/plugin.h>
#undef OPIS_ABI_MINOR
#define OPIS_ABI_MINOR FIXTURE_NEWER_MINOR
#define FIXTURE_NAME "abi-minor-newer"
#include "minimal_enricher.h"
