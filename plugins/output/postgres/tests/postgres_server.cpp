#include "postgres_server.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

extern char** environ;

namespace opis::test {
namespace {

namespace fs = std::filesystem;

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot find a free port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

// Runs `argv` (as `nobody` when we are root), output appended to `log`;
// throws unless it exits 0.
void run(std::vector<std::string> argv, const fs::path& log) {
  if (::geteuid() == 0) argv.insert(argv.begin(), {"runuser", "-u", "nobody", "--"});
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot run " + argv[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string command;
    for (const auto& a : argv) command += a + " ";
    throw std::runtime_error("failed: " + command + "(see " + log.string() + ")");
  }
}

// A freshly initialized cluster, made once per machine, user and server
// version and copied for each server: initdb takes seconds, a copy a
// fraction of that, and every test process starts a server of its own.
// Made under a lock, in a temporary directory renamed into place, so
// parallel test processes never see half of one.
fs::path cluster_template(const fs::path& bin) {
  const std::string version = bin.parent_path().filename().string();
  const fs::path base = fs::temp_directory_path() /
                        ("opis-pg-template-" + version + "-" + std::to_string(::geteuid()));
  const fs::path data = base / "data";
  const int lock = ::open((base.string() + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock < 0 || ::flock(lock, LOCK_EX) != 0)
    throw std::runtime_error("cannot lock " + base.string());
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }
  } unlock{lock};
  if (fs::exists(data / "PG_VERSION")) return data;
  fs::create_directories(base);
  if (::geteuid() == 0) {
    const passwd* nobody = ::getpwnam("nobody");
    if (nobody == nullptr || ::chown(base.c_str(), nobody->pw_uid, nobody->pw_gid) != 0) {
      throw std::runtime_error("cannot hand " + base.string() + " to user nobody");
    }
  }
  const fs::path building = base / ("data.tmp-" + std::to_string(::getpid()));
  run({(bin / "initdb").string(), "-D", building.string(), "-A", "trust", "-U", "opis", "-E",
       "UTF8", "--no-sync", "--no-instructions"},
      base / "initdb.log");
  fs::rename(building, data);
  return data;
}

}  // namespace

fs::path PostgresServer::binaries() {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    if (fs::exists(entry.path() / "bin" / "initdb")) found.push_back(entry.path() / "bin");
  }
  if (!found.empty()) {
    // Newest major version: compare numerically ("9.6" < "15").
    return *std::max_element(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
      return std::stod(a.parent_path().filename().string()) <
             std::stod(b.parent_path().filename().string());
    });
  }
  return {};
}

PostgresServer::PostgresServer() : bin_(binaries()) {
  if (bin_.empty()) throw std::runtime_error("no PostgreSQL server binaries (initdb, pg_ctl)");
  char pattern[] = "/tmp/opis-pg-XXXXXX";
  if (::mkdtemp(pattern) == nullptr)
    throw std::runtime_error("cannot create a temporary directory");
  root_ = pattern;
  if (::geteuid() == 0) {
    const passwd* nobody = ::getpwnam("nobody");
    if (nobody == nullptr || ::chown(root_.c_str(), nobody->pw_uid, nobody->pw_gid) != 0) {
      throw std::runtime_error("cannot hand " + root_.string() + " to user nobody");
    }
  }
  port_ = free_port();
  run({"cp", "-a", cluster_template(bin_).string(), (root_ / "data").string()}, root_ / "cp.log");
  start();
}

PostgresServer::~PostgresServer() {
  try {
    if (running_) kill_immediately();
  } catch (...) {
  }
  std::error_code ec;
  fs::remove_all(root_, ec);
}

void PostgresServer::pg_ctl(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {(bin_ / "pg_ctl").string(), "-D", (root_ / "data").string()};
  argv.insert(argv.end(), args.begin(), args.end());
  run(argv, root_ / "pg_ctl.log");
}

void PostgresServer::start() {
  // fsync off: a killed server process loses nothing the OS has (only a
  // machine crash would), and the tests run much faster.
  pg_ctl({"-w", "-t", "30", "-l", (root_ / "server.log").string(), "-o",
          "-p " + std::to_string(port_) + " -k " + root_.string() +
              " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
          "start"});
  running_ = true;
}

void PostgresServer::kill_immediately() {
  pg_ctl({"-w", "-m", "immediate", "stop"});
  running_ = false;
}

std::string PostgresServer::conninfo(const std::string& database) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " user=opis dbname=" + database +
         " connect_timeout=5";
}

}  // namespace opis::test
