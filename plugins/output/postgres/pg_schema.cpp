#include "pg_schema.hpp"

#include <opis/sdk.hpp>
#include <string>

namespace opis::postgres {
namespace {

// Version 1. Children are keyed by (record_id, position): the key serves
// replacing a record's rows, and rows of one record are found together.
// Dates are 'YYYY-MM-DD' text (with '0000-01-01' and '9999-12-31' for open
// ends, which PostgreSQL's date type cannot hold), compared as strings,
// exactly as in the sqlite archive. `search` weighs title over summary
// over text; the 'simple' configuration lowercases without stemming, which
// suits names in many languages.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE opis_schema_version (version integer NOT NULL);
INSERT INTO opis_schema_version (version) VALUES (1);

CREATE TABLE records (
  id         text PRIMARY KEY,
  kind       text NOT NULL,
  parent_id  text NOT NULL,
  title      text NOT NULL,
  date_edtf  text NOT NULL,
  date_begin text,
  date_end   text,
  summary    text NOT NULL,
  text       text NOT NULL,
  source_uri text NOT NULL,
  record     bytea NOT NULL,
  search     tsvector GENERATED ALWAYS AS (
               setweight(to_tsvector('simple'::regconfig, title), 'A') ||
               setweight(to_tsvector('simple'::regconfig, summary), 'B') ||
               setweight(to_tsvector('simple'::regconfig, text), 'C')) STORED
);
CREATE INDEX records_search ON records USING GIN (search);
CREATE INDEX records_by_date ON records (date_begin, date_end);
CREATE INDEX records_by_kind ON records (kind);

CREATE TABLE entities (
  record_id    text NOT NULL,
  position     integer NOT NULL,
  type         text NOT NULL,
  canonical    text NOT NULL,
  surface      text NOT NULL,
  authority_id text NOT NULL,
  PRIMARY KEY (record_id, position, surface)
);
CREATE INDEX entities_by_canonical ON entities (canonical);
CREATE INDEX entities_person_surface ON entities (lower(surface)) WHERE type = 'person';

CREATE TABLE citations (
  record_id    text NOT NULL,
  position     integer NOT NULL,
  raw          text NOT NULL,
  kind         text NOT NULL,
  archive      text NOT NULL,
  archive_name text NOT NULL,
  fond         text NOT NULL,
  opis         text NOT NULL,
  delo         text NOT NULL,
  pages        text NOT NULL,
  publication  text NOT NULL,
  date         text NOT NULL,
  PRIMARY KEY (record_id, position)
);
CREATE INDEX citations_by_archive ON citations (lower(archive));

CREATE TABLE contributors (
  record_id text NOT NULL,
  position  integer NOT NULL,
  name      text NOT NULL,
  role      text NOT NULL,
  PRIMARY KEY (record_id, position)
);

CREATE TABLE dates (
  record_id  text NOT NULL,
  position   integer NOT NULL,
  surface    text NOT NULL,
  edtf       text NOT NULL,
  date_begin text,
  date_end   text,
  PRIMARY KEY (record_id, position)
);

CREATE TABLE footnotes (
  record_id text NOT NULL,
  position  integer NOT NULL,
  marker    text NOT NULL,
  text      text NOT NULL,
  PRIMARY KEY (record_id, position)
);

CREATE TABLE links (
  record_id text NOT NULL,
  position  integer NOT NULL,
  type      text NOT NULL,
  target_id text NOT NULL,
  score     double precision NOT NULL,
  PRIMARY KEY (record_id, position)
);
CREATE INDEX links_by_target ON links (target_id);
)sql";

// Migrations, in order: kMigrations[i] takes the schema from version i to
// i + 1. Never edit one once released; append.
constexpr const char* kMigrations[] = {kVersion1};
static_assert(std::size(kMigrations) == kSchemaVersion);

}  // namespace

void prepare_schema(Connection& connection) {
  connection.execute("BEGIN");
  try {
    // One key for all opis writers of this database ("opis" in ASCII).
    connection.execute("SELECT pg_advisory_xact_lock(1869637993)");
    const bool exists =
        !connection.query_value("SELECT to_regclass('opis_schema_version')").empty();
    int version = 0;
    if (exists) {
      version = std::stoi(connection.query_value("SELECT max(version) FROM opis_schema_version"));
    } else if (!connection.query_value("SELECT to_regclass('records')").empty()) {
      throw opis::sdk::Error(OPIS_INVALID_CONFIG,
                             "the database has a table 'records' that is not an opis archive's");
    }
    if (version > kSchemaVersion) {
      throw opis::sdk::Error(OPIS_INVALID_CONFIG, "the archive has schema version " +
                                                      std::to_string(version) +
                                                      ", newer than this plugin knows (" +
                                                      std::to_string(kSchemaVersion) + ")");
    }
    for (int v = version; v < kSchemaVersion; ++v) connection.execute(kMigrations[v]);
    if (version > 0 && version < kSchemaVersion) {
      connection.execute("UPDATE opis_schema_version SET version = " +
                         std::to_string(kSchemaVersion));
    }
    connection.execute("COMMIT");
  } catch (...) {
    PQclear(PQexec(connection.handle(), "ROLLBACK"));
    throw;
  }
}

void prepare_session(Connection& connection) {
  connection.execute(R"sql(
CREATE TEMP TABLE IF NOT EXISTS opis_staging_records (
  id text NOT NULL, kind text NOT NULL, parent_id text NOT NULL, title text NOT NULL,
  date_edtf text NOT NULL, date_begin text, date_end text, summary text NOT NULL,
  text text NOT NULL, source_uri text NOT NULL, record bytea NOT NULL
) ON COMMIT DELETE ROWS)sql");
}

}  // namespace opis::postgres
