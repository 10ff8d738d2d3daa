// A throwaway PostgreSQL server for tests: initdb into a temporary
// directory, pg_ctl start on a free port of 127.0.0.1, stop and removal on
// destruction. Run as an unprivileged user when the tests run as root
// (PostgreSQL refuses root): `nobody`, through runuser.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace opis::test {

class PostgresServer {
 public:
  // The directory of initdb and pg_ctl (newest /usr/lib/postgresql/N/bin,
  // or the one holding the initdb on PATH); empty when there is none.
  static std::filesystem::path binaries();

  PostgresServer();  // throws std::runtime_error saying what failed
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // A libpq connection string for `database` (trust authentication).
  std::string conninfo(const std::string& database = "postgres") const;
  int port() const { return port_; }

  // pg_ctl stop -m immediate: the server dies as if killed, without
  // finishing transactions or checkpointing.
  void kill_immediately();
  void start();

 private:
  void pg_ctl(const std::vector<std::string>& args);

  std::filesystem::path bin_;
  std::filesystem::path root_;
  int port_ = 0;
  bool running_ = false;
};

}  // namespace opis::test
