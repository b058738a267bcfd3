#include "server/front_door.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "error/error.h"
#include "server/closing_response.h"
#include "server/worker_lane.h"

namespace rasd::http {
namespace {

using Clock = std::chrono::steady_clock;

// A refused connection is drained (input read and dropped) this long before it is closed, so
// the client reads the answer instead of a reset; at most this many bytes are read meanwhile.
constexpr auto kDrainTime = std::chrono::milliseconds(2000);
constexpr std::size_t kDrainBytes = 1 << 20;
// Input read ahead of the head's end (a body sent along with its head) is kept up to this much.
constexpr std::size_t kReadAhead = 64 * 1024;

std::string peer_address(const sockaddr_storage& addr, int& port) {
  char text[INET6_ADDRSTRLEN] = {0};
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    port = ntohs(a.sin6_port);
    if (IN6_IS_ADDR_V4MAPPED(&a.sin6_addr)) {
      inet_ntop(AF_INET, &a.sin6_addr.s6_addr[12], text, sizeof text);  // one client, one spelling
    } else {
      inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
    }
  }
  return text;
}

}  // namespace

struct FrontDoor::Impl {
  enum class Phase { Head, Busy, Closing };
  struct Conn {
    ClientConnection client;
    Phase phase = Phase::Head;
    Clock::time_point deadline;
    bool started = false;  // a byte of the current head has arrived
    std::string out;       // answer still to send before closing
    std::size_t drained = 0;
  };
  struct Returned {
    Conn* conn;
    AfterRequest after;
  };

  FrontDoorOptions options;
  Admit admit;
  Serve serve;
  int listen_fd = -1, epoll_fd = -1, wake_fd = -1;
  std::unordered_map<int, std::unique_ptr<Conn>> conns;
  std::map<std::string, std::size_t> per_peer;
  std::mutex returned_mutex;
  std::vector<Returned> returned;
  std::atomic<bool> stopping{false};
  std::unique_ptr<WorkerLane> normal, express;
  mutable std::mutex figures_mutex;
  Figures counts;
  std::atomic<std::size_t> open_now{0};
  Refused refused;

  Impl(FrontDoorOptions o, Admit a, Serve s) : options(std::move(o)), admit(std::move(a)), serve(std::move(s)) {
    epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (epoll_fd < 0 || wake_fd < 0) throw IndexError(std::string("cannot set up the server's event loop: ") + std::strerror(errno));
    watch(wake_fd, EPOLLIN, EPOLL_CTL_ADD);
    const auto work = [this](void* job) { run_worker(static_cast<Conn*>(job)); };
    normal = std::make_unique<WorkerLane>(options.workers, options.max_queued, work);
    express = std::make_unique<WorkerLane>(options.express_workers, options.max_queued, work);
  }

  ~Impl() {
    normal->shutdown();
    express->shutdown();
    for (auto& [fd, c] : conns) ::close(fd);
    if (listen_fd >= 0) ::close(listen_fd);
    ::close(epoll_fd);
    ::close(wake_fd);
  }

  void watch(int fd, std::uint32_t events, int op) const {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    ::epoll_ctl(epoll_fd, op, fd, &ev);
  }

  int bind_listener() {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string port = std::to_string(options.port);
    const std::string where = options.host + ":" + port;
    if (const int rc = ::getaddrinfo(options.host.c_str(), port.c_str(), &hints, &found); rc != 0)
      throw IndexError("cannot listen on " + where + ": " + ::gai_strerror(rc));
    std::string error = "no address";
    for (addrinfo* ai = found; ai && listen_fd < 0; ai = ai->ai_next) {
      const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
      if (fd < 0) continue;
      const int yes = 1;
      ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      if (::bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) {
        listen_fd = fd;
      } else {
        error = std::strerror(errno);
        ::close(fd);
      }
    }
    ::freeaddrinfo(found);
    if (listen_fd < 0) throw IndexError("cannot listen on " + where + " (" + error + ")");
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len);
    int bound = 0;
    peer_address(addr, bound);
    watch(listen_fd, EPOLLIN, EPOLL_CTL_ADD);
    return bound;
  }

  void count(std::uint64_t Figures::*field) {
    std::lock_guard lock(figures_mutex);
    ++(counts.*field);
  }

  // --- the epoll thread -------------------------------------------------------------------

  void loop() {
    std::vector<epoll_event> events(256);
    auto last_sweep = Clock::now();
    while (!stopping) {
      const int n = ::epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), 100);
      for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == listen_fd) {
          accept_all();
        } else if (fd == wake_fd) {
          take_returned();
        } else if (auto it = conns.find(fd); it != conns.end()) {
          on_event(*it->second, events[i].events);
        }
      }
      if (Clock::now() - last_sweep >= std::chrono::milliseconds(50)) {
        sweep();
        last_sweep = Clock::now();
      }
    }
  }

  void accept_all() {
    for (;;) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      const int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // EAGAIN, or a transient error (EMFILE: the next accept retries)
      auto conn = std::make_unique<Conn>();
      conn->client.fd = fd;
      conn->client.peer = peer_address(addr, conn->client.peer_port);
      const int yes = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      if (conns.size() >= options.max_connections) {
        count(&Figures::over_total_cap);
        if (refused) refused(conn->client.peer, nullptr, 503, "rejected");
        refuse_now(fd, 503, "the server has " + std::to_string(options.max_connections) + " connections open; retry shortly");
        continue;
      }
      if (per_peer[conn->client.peer] >= options.max_client_connections) {
        count(&Figures::over_client_cap);
        if (refused) refused(conn->client.peer, nullptr, 429, "rejected");
        refuse_now(fd, 429, "this address has " + std::to_string(options.max_client_connections) +
                                " connections open, the most the server allows one client");
        continue;
      }
      ++per_peer[conn->client.peer];
      conn->deadline = Clock::now() + options.idle_timeout;
      watch(fd, EPOLLIN, EPOLL_CTL_ADD);
      conns.emplace(fd, std::move(conn));
      ++open_now;
    }
  }

  // Answers a connection that was never registered (caps) and closes it.
  void refuse_now(int fd, int status, const std::string& detail) const {
    const std::string bytes = closing_response_bytes(problem(status, detail));
    [[maybe_unused]] const auto sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::close(fd);
  }

  HttpResponse problem(int status, const std::string& detail) const {
    return refusal_response(status, detail, options.headers);
  }

  void on_event(Conn& c, std::uint32_t events) {
    if (c.phase == Phase::Closing) return drain(c, events);
    if (c.phase != Phase::Head) return;
    char buf[16384];
    for (;;) {
      const std::size_t room = options.head.max_head + kReadAhead - std::min(c.client.buffered.size(), options.head.max_head + kReadAhead);
      if (room == 0) break;
      const ssize_t n = ::recv(c.client.fd, buf, std::min(sizeof buf, room), 0);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return close_conn(c);
      if (n < 0) break;
      c.client.buffered.append(buf, static_cast<std::size_t>(n));
      if (static_cast<std::size_t>(n) < sizeof buf) break;
    }
    try_head(c);
  }

  void try_head(Conn& c) {
    if (c.client.buffered.empty()) return;
    if (!c.started) {
      c.started = true;
      c.deadline = Clock::now() + options.head_timeout;
    }
    HeadVerdict v = parse_request_head(c.client.buffered, options.head);
    if (v.state == HeadVerdict::State::Incomplete) return;
    if (v.state == HeadVerdict::State::Refused) {
      count(&Figures::refused_head);
      if (refused) refused(c.client.peer, nullptr, v.status, "rejected");
      return answer_and_close(c, problem(v.status, v.detail));
    }
    Admission a = admit(v.head, c.client.peer);
    if (a.refusal) {
      count(&Figures::refused_admission);
      if (refused) refused(c.client.peer, &v.head, a.refusal->status, a.route);
      for (const auto& h : options.headers) a.refusal->headers.push_back(h);
      return answer_and_close(c, *a.refusal);
    }
    c.client.head = std::move(v.head);
    watch(c.client.fd, 0, EPOLL_CTL_DEL);
    c.phase = Phase::Busy;
    WorkerLane& lane = a.lane == Lane::Express ? *express : *normal;
    if (!lane.push(&c)) {
      count(&Figures::queue_full);
      if (refused) refused(c.client.peer, &c.client.head, 503, a.route);
      c.phase = Phase::Head;
      watch(c.client.fd, EPOLLIN, EPOLL_CTL_ADD);
      answer_and_close(c, problem(503, "every worker is busy and the queue is full; retry shortly"));
    }
  }

  void answer_and_close(Conn& c, const HttpResponse& response) {
    c.out = closing_response_bytes(response);
    c.phase = Phase::Closing;
    c.deadline = Clock::now() + kDrainTime;
    flush(c);
  }

  void flush(Conn& c) {
    while (!c.out.empty()) {
      const ssize_t n = ::send(c.client.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        watch(c.client.fd, EPOLLIN | EPOLLOUT, EPOLL_CTL_MOD);
        return;
      }
      if (n < 0) return close_conn(c);
      c.out.erase(0, static_cast<std::size_t>(n));
    }
    ::shutdown(c.client.fd, SHUT_WR);
    watch(c.client.fd, EPOLLIN, EPOLL_CTL_MOD);
  }

  // A closing connection: finish sending, then read and drop what the client still sends.
  void drain(Conn& c, std::uint32_t events) {
    if ((events & EPOLLOUT) && !c.out.empty()) return flush(c);
    char buf[16384];
    for (;;) {
      const ssize_t n = ::recv(c.client.fd, buf, sizeof buf, 0);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return close_conn(c);
      if (n < 0) return;
      c.drained += static_cast<std::size_t>(n);
      if (c.drained > kDrainBytes) return close_conn(c);
    }
  }

  void close_conn(Conn& c) {
    const int fd = c.client.fd;
    if (auto it = per_peer.find(c.client.peer); it != per_peer.end() && --it->second == 0) per_peer.erase(it);
    if (c.phase != Phase::Busy) watch(fd, 0, EPOLL_CTL_DEL);
    ::close(fd);
    conns.erase(fd);  // destroys c
    --open_now;
  }

  void sweep() {
    const auto now = Clock::now();
    std::vector<Conn*> expired;
    for (auto& [fd, c] : conns)
      if (c->phase != Phase::Busy && now >= c->deadline) expired.push_back(c.get());
    for (Conn* c : expired) {
      if (c->phase == Phase::Head && c->started) {
        count(&Figures::head_timeouts);
        if (refused) refused(c->client.peer, nullptr, 408, "rejected");
        answer_and_close(*c, problem(408, "the request head did not arrive within " +
                                              std::to_string(options.head_timeout.count()) + " ms"));
        c->deadline = now + std::chrono::milliseconds(200);  // a short drain: this client is slow on purpose
      } else {
        close_conn(*c);
      }
    }
  }

  void take_returned() {
    std::uint64_t ignored = 0;
    [[maybe_unused]] const auto r = ::read(wake_fd, &ignored, sizeof ignored);
    std::vector<Returned> batch;
    {
      std::lock_guard lock(returned_mutex);
      batch.swap(returned);
    }
    for (const Returned& r : batch) {
      Conn& c = *r.conn;
      if (r.after == AfterRequest::Close) {
        close_conn(c);
        continue;
      }
      if (r.after == AfterRequest::Drain) {
        c.phase = Phase::Closing;
        c.deadline = Clock::now() + kDrainTime;
        watch(c.client.fd, EPOLLIN, EPOLL_CTL_ADD);
        ::shutdown(c.client.fd, SHUT_WR);
        continue;
      }
      c.phase = Phase::Head;
      c.started = false;
      c.deadline = Clock::now() + options.idle_timeout;
      ++c.client.requests;
      watch(c.client.fd, EPOLLIN, EPOLL_CTL_ADD);
      try_head(c);  // a pipelined request may be buffered already
    }
  }

  // --- worker threads ---------------------------------------------------------------------

  void run_worker(Conn* c) {
    AfterRequest after = AfterRequest::Close;
    try {
      after = serve(c->client);
    } catch (...) {
      after = AfterRequest::Close;
    }
    {
      std::lock_guard lock(returned_mutex);
      returned.push_back({c, after});
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto w = ::write(wake_fd, &one, sizeof one);
  }
};

FrontDoor::FrontDoor(FrontDoorOptions options, Admit admit, Serve serve)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(admit), std::move(serve))) {}

FrontDoor::~FrontDoor() = default;

int FrontDoor::bind() { return impl_->bind_listener(); }

void FrontDoor::run() {
  impl_->loop();
  impl_->normal->shutdown();
  impl_->express->shutdown();
}

void FrontDoor::stop() {
  impl_->stopping = true;
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto w = ::write(impl_->wake_fd, &one, sizeof one);
}

void FrontDoor::on_refused(Refused refused) { impl_->refused = std::move(refused); }

FrontDoor::Figures FrontDoor::figures() const {
  std::lock_guard lock(impl_->figures_mutex);
  Figures f = impl_->counts;
  f.open = impl_->open_now;
  f.busy = impl_->normal->busy() + impl_->express->busy();
  return f;
}

}  // namespace rasd::http
