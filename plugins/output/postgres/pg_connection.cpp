#include "pg_connection.hpp"

#include <algorithm>

namespace opis::postgres {
namespace {

std::string trimmed(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// SQLSTATE classes and codes that mean the server went away or is not
// accepting work yet: class 08 (connection exception), 57P01
// admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now.
bool connection_state(std::string_view sqlstate) {
  return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
         sqlstate == "57P03";
}

// What a failed statement was, for its message: the SQL up to its first
// parenthesis or line break ("INSERT INTO records", "COPY entities").
std::string statement_name(std::string_view sql) {
  sql = sql.substr(sql.find_first_not_of(" \n"));
  sql = sql.substr(0, std::min(sql.find_first_of("(\n"), size_t{60}));
  while (!sql.empty() && sql.back() == ' ') sql.remove_suffix(1);
  return std::string(sql);
}

}  // namespace

Connection::Connection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
  if (!conn_) throw PgError("cannot connect: out of memory", true);
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    throw PgError("cannot connect: " + trimmed(PQerrorMessage(conn_.get())), true);
  }
  // The plugin's notices (e.g. "relation already exists, skipping") are not
  // the user's business.
  PQsetNoticeProcessor(
      conn_.get(), [](void*, const char*) {}, nullptr);
}

void Connection::fail(std::string_view what, const PGresult* result) {
  const char* state = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const std::string sqlstate = state == nullptr ? "" : state;
  const bool lost = PQstatus(conn_.get()) != CONNECTION_OK || connection_state(sqlstate);
  std::string message =
      result == nullptr ? PQerrorMessage(conn_.get()) : PQresultErrorMessage(result);
  throw PgError(std::string(what) + ": " + trimmed(message), lost, sqlstate);
}

Connection::Result Connection::checked(PGresult* raw, ExecStatusType expected,
                                       std::string_view what) {
  Result result(raw);
  if (!result || PQresultStatus(result.get()) != expected) fail(what, result.get());
  return result;
}

void Connection::execute(const std::string& sql) {
  Result result(PQexec(conn_.get(), sql.c_str()));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    fail(statement_name(sql), result.get());
}

std::string Connection::query_value(const std::string& sql,
                                    const std::vector<std::string>& parameters) {
  std::vector<const char*> values;
  for (const auto& p : parameters) values.push_back(p.c_str());
  Result result = checked(PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()),
                                       nullptr, values.data(), nullptr, nullptr, 0),
                          PGRES_TUPLES_OK, statement_name(sql));
  if (PQntuples(result.get()) == 0 || PQgetisnull(result.get(), 0, 0)) return {};
  return PQgetvalue(result.get(), 0, 0);
}

void Connection::copy_in(const std::string& sql, std::string_view data) {
  checked(PQexec(conn_.get(), sql.c_str()), PGRES_COPY_IN, statement_name(sql));
  // libpq takes at most INT_MAX bytes per call.
  constexpr size_t kChunk = size_t{1} << 20;
  for (size_t at = 0; at < data.size(); at += kChunk) {
    const size_t n = std::min(kChunk, data.size() - at);
    if (PQputCopyData(conn_.get(), data.data() + at, static_cast<int>(n)) != 1) {
      fail("COPY", nullptr);
    }
  }
  if (PQputCopyEnd(conn_.get(), nullptr) != 1) fail("COPY", nullptr);
  checked(PQgetResult(conn_.get()), PGRES_COMMAND_OK, statement_name(sql));
  // Drain: after COPY the connection returns one more (null) result.
  while (PGresult* extra = PQgetResult(conn_.get())) PQclear(extra);
}

}  // namespace opis::postgres
