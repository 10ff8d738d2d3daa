// Search and GetRecord over the daemon's SQLite store (the same store code
// as `opis search`). The store's path is read per query, so a reload that
// changes it takes effect at once.
#pragma once

#include "archive_service.hpp"
#include "live_pipeline.hpp"

namespace opis::server {

StoreAccess store_access(const LivePipeline& pipeline);

}  // namespace opis::server
