// rasd's own accept and read layer in front of cpp-httplib. Debian's compiled cpp-httplib 0.11.4
// restarts its read timeout with every byte, reads a header line whole before judging it, reads
// bodies without a length until the peer closes, and lets one slow client hold a worker thread;
// none of that can be configured. So one thread here accepts every connection and waits on all
// of them at once (epoll) until a request head is complete, within a deadline for the whole head,
// with per-client and total connection caps; the head is parsed and bounded (request_head.h) and
// admitted or refused (the token before the body) without a worker. Only an admitted request
// reaches a worker, on one of two lanes: the express lane (health, metrics, the page's files)
// never waits behind searches. An idle keep-alive connection goes back to the epoll thread, so it
// holds no worker either.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/http_message.h"
#include "server/request_head.h"

namespace rasd::http {

/// Bounds and sizes of the front door.
struct FrontDoorOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  HeadLimits head;
  std::chrono::milliseconds head_timeout{10000};  // first byte to the end of the head
  std::chrono::milliseconds idle_timeout{5000};   // a kept-alive connection waiting for its next request
  std::size_t max_connections = 512;              // open at once; more are answered 503 and closed
  std::size_t max_client_connections = 64;        // open at once from one address; more: 429
  std::size_t workers = 16;                       // normal lane threads
  std::size_t express_workers = 2;                // express lane threads
  std::size_t max_queued = 256;                   // admitted requests waiting for a worker; more: 503
  std::vector<std::pair<std::string, std::string>> headers;  // added to every answer of the front door
};

/// The lane an admitted request is served on.
enum class Lane { Normal, Express };

/// The front door's decision about a complete head.
struct Admission {
  Lane lane = Lane::Normal;
  std::optional<HttpResponse> refusal;  // answered at once; the connection is then closed
  std::string route = "rejected";       // the route's name, for the metrics of a refusal
};

/// A connection handed to a worker: its socket, the bytes read so far (the head and maybe more)
/// and the parsed head. The worker leaves unread bytes in `buffered` for the next request.
struct ClientConnection {
  int fd = -1;
  std::string peer;      // the client's address, e.g. "127.0.0.1" or "::1"
  int peer_port = 0;
  std::string buffered;  // input not yet consumed, starting with the head
  RequestHead head;
  std::size_t requests = 0;  // answered on this connection before this one
};

/// What a worker reports when it is done with a request.
enum class AfterRequest { KeepAlive, Close, Drain };  // Drain: unread body; close after a short drain

class FrontDoor {
 public:
  using Admit = std::function<Admission(const RequestHead&, const std::string& peer)>;
  using Serve = std::function<AfterRequest(ClientConnection&)>;

  /// `admit` runs on the epoll thread (it must be quick: no I/O); `serve` runs on a worker.
  FrontDoor(FrontDoorOptions options, Admit admit, Serve serve);
  ~FrontDoor();
  FrontDoor(const FrontDoor&) = delete;
  FrontDoor& operator=(const FrontDoor&) = delete;

  /// Called on the epoll thread for every request the front door answers itself (caps, a bad or
  /// slow head, a refusal); `head` is null when none was read. For the log and the metrics.
  using Refused =
      std::function<void(const std::string& peer, const RequestHead* head, int status, const std::string& route)>;
  void on_refused(Refused refused);

  /// Binds and listens; returns the port. Throws IndexError when the address cannot be bound.
  int bind();
  /// Serves until stop(); returns after the workers finished their requests.
  void run();
  /// Safe from any thread.
  void stop();

  /// Figures for /metrics.
  struct Figures {
    std::size_t open = 0, busy = 0;
    std::uint64_t refused_head = 0, refused_admission = 0, head_timeouts = 0, over_client_cap = 0,
                  over_total_cap = 0, queue_full = 0;
  };
  Figures figures() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasd::http
