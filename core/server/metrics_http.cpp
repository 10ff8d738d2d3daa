#include "metrics_http.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "opis/core/error.hpp"

namespace opis::server {

namespace {

// "HOST:PORT" or "[V6]:PORT".
std::pair<std::string, std::string> split_host_port(const std::string& address) {
  const auto colon = address.rfind(':');
  if (colon == std::string::npos || colon + 1 == address.size()) {
    throw core::UsageError("metrics.listen \"" + address + "\": expected HOST:PORT");
  }
  std::string host = address.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return {host, address.substr(colon + 1)};
}

void send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      return;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

MetricsHttpServer::MetricsHttpServer(const std::string& address,
                                     std::function<std::string()> render)
    : render_(std::move(render)) {
  const auto [host, port] = split_host_port(address);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (const int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    throw core::UsageError("metrics.listen \"" + address + "\": " + ::gai_strerror(rc));
  }
  std::string error = "no address";
  for (addrinfo* a = found; a != nullptr && listener_ < 0; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 16) == 0) {
      listener_ = fd;
      break;
    }
    error = std::strerror(errno);
    ::close(fd);
  }
  ::freeaddrinfo(found);
  if (listener_ < 0) {
    throw core::UsageError("metrics.listen \"" + address + "\": cannot listen: " + error);
  }
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&bound), &length);
  char text[INET6_ADDRSTRLEN] = {};
  int bound_port = 0;
  if (bound.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&bound);
    ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
    bound_port = ntohs(v6->sin6_port);
    bound_address_ = "[" + std::string(text) + "]:" + std::to_string(bound_port);
  } else {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&bound);
    ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
    bound_port = ntohs(v4->sin_port);
    bound_address_ = std::string(text) + ":" + std::to_string(bound_port);
  }
  thread_ = std::thread([this] { serve(); });
}

MetricsHttpServer::~MetricsHttpServer() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  if (listener_ >= 0) ::close(listener_);
}

void MetricsHttpServer::serve() {
  while (!stopping_) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;
    const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    answer(client);
    ::close(client);
  }
}

void MetricsHttpServer::answer(int client) {
  // Read the request head, bounded in size and time: a silent or huge
  // request must not hold the endpoint.
  std::string head;
  char buffer[2048];
  while (head.find("\r\n\r\n") == std::string::npos && head.size() < 8192) {
    pollfd p{client, POLLIN, 0};
    if (::poll(&p, 1, 2000) <= 0) return;
    const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
    if (n <= 0) return;
    head.append(buffer, static_cast<size_t>(n));
  }
  const auto line_end = head.find("\r\n");
  const std::string_view request_line = std::string_view(head).substr(0, line_end);
  const bool is_get = request_line.starts_with("GET ");
  const auto path_end = request_line.find(' ', 4);
  const std::string_view path =
      is_get ? request_line.substr(
                   4, path_end == std::string_view::npos ? std::string_view::npos : path_end - 4)
             : std::string_view{};
  if (is_get && (path == "/metrics" || path.starts_with("/metrics?"))) {
    const std::string body = render_();
    send_all(client,
             "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
             "Content-Length: " +
                 std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n");
    send_all(client, body);
    return;
  }
  const std::string_view body = "not found: the metrics are at /metrics\n";
  send_all(client,
           std::string(is_get ? "HTTP/1.1 404 Not Found" : "HTTP/1.1 405 Method Not Allowed") +
               "\r\nContent-Type: text/plain\r\nContent-Length: " + std::to_string(body.size()) +
               "\r\nConnection: close\r\n\r\n");
  send_all(client, body);
}

}  // namespace opis::server
