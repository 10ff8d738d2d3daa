// A libpq connection: RAII over PGconn, statements that throw PgError with
// the server's message, and COPY FROM STDIN. PgError says whether the
// connection was lost (the server went away or is restarting), which the
// writer answers by reconnecting and sending the batch again, or whether
// the statement itself failed.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace opis::postgres {

class PgError : public std::runtime_error {
 public:
  PgError(const std::string& message, bool connection_lost, std::string sqlstate = {})
      : std::runtime_error(message),
        connection_lost_(connection_lost),
        sqlstate_(std::move(sqlstate)) {}
  bool connection_lost() const noexcept { return connection_lost_; }
  const std::string& sqlstate() const noexcept { return sqlstate_; }

 private:
  bool connection_lost_;
  std::string sqlstate_;
};

class Connection {
 public:
  // Connects; throws PgError (connection_lost = true: the server may come
  // back) when it cannot.
  explicit Connection(const std::string& conninfo);

  void execute(const std::string& sql);
  // A statement with text parameters ($1, $2, …); returns the first column
  // of the first row, or an empty string when there is none.
  std::string query_value(const std::string& sql, const std::vector<std::string>& parameters = {});
  // COPY … FROM STDIN with `data` in the text format.
  void copy_in(const std::string& sql, std::string_view data);

  PGconn* handle() const noexcept { return conn_.get(); }

 private:
  struct Closer {
    void operator()(PGconn* conn) const noexcept { PQfinish(conn); }
  };
  struct ResultFree {
    void operator()(PGresult* result) const noexcept { PQclear(result); }
  };
  using Result = std::unique_ptr<PGresult, ResultFree>;

  // Throws PgError unless `result` has the `expected` status.
  Result checked(PGresult* result, ExecStatusType expected, std::string_view what);
  [[noreturn]] void fail(std::string_view what, const PGresult* result);

  std::unique_ptr<PGconn, Closer> conn_;
};

}  // namespace opis::postgres
