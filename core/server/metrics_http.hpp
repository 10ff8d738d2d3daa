// A minimal HTTP/1.1 endpoint for Prometheus scrapes: GET /metrics answers
// with the rendered metrics, anything else with 404. One request per
// connection, served on one thread: scrapes are rare and small, so a full
// HTTP stack would be weight without benefit.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace opis::server {

class MetricsHttpServer {
 public:
  // Binds `address` ("HOST:PORT"; port 0 picks a free one). Throws
  // UsageError naming the address when it cannot listen.
  MetricsHttpServer(const std::string& address, std::function<std::string()> render);
  ~MetricsHttpServer();
  MetricsHttpServer(const MetricsHttpServer&) = delete;
  MetricsHttpServer& operator=(const MetricsHttpServer&) = delete;

  // "HOST:PORT" actually bound.
  const std::string& address() const { return bound_address_; }

 private:
  void serve();
  void answer(int client);

  std::function<std::string()> render_;
  int listener_ = -1;
  std::string bound_address_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace opis::server
