// The archive's tables in PostgreSQL: the same logical layout as the sqlite
// output's (README.md), a tsvector column with a GIN index for full-text
// search, and a version table for forward migrations.
#pragma once

#include "pg_connection.hpp"

namespace opis::postgres {

inline constexpr int kSchemaVersion = 1;

// Creates or migrates the tables (under an advisory lock, so writers
// starting together do not race); throws PgError, or opis::sdk::Error when
// the database holds a newer schema than this plugin knows.
void prepare_schema(Connection& connection);

// The session's staging table the batch's records are copied into before
// the upsert (temporary, emptied at each commit).
void prepare_session(Connection& connection);

}  // namespace opis::postgres
