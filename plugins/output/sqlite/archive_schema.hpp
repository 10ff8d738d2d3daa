// The layout of an opis archive database (archive.sqlite) and the forward
// migrations that bring an older archive up to date. README.md documents the
// tables; the host's reader (core/src/record_store.cpp) reads them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "sqlite_database.hpp"

namespace opis::sqlite_output {

// The layout this plugin writes. Each change to the layout appends a
// migration; a migration never changes once released.
inline constexpr int kSchemaVersion = 4;

// PRAGMA application_id of every opis archive: "opis" in ASCII. It tells an
// opis archive from another application's SQLite file before any table is
// read (file(1) shows it too).
inline constexpr int64_t kApplicationId = 0x6f706973;

// migrations()[v] takes an archive from version v to v + 1; index 0 creates
// it from nothing.
std::span<const std::string_view> migrations();

// Makes the database at `db` an up-to-date opis archive: creates the layout
// in an empty file, migrates an older archive forward in one transaction,
// and refuses, with an error naming the file, anything that is not an SQLite
// file, another application's database, or an archive of a newer version
// than this plugin knows.
void prepare_archive(Database& db);

}  // namespace opis::sqlite_output
