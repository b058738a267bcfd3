// The server: the front door (front_door.h) accepts connections and reads request heads; an
// admitted request is parsed again and answered by cpp-httplib's request processing, fed through
// a stream of ours (bounded body, deadlines), and routed to dispatch(). Debian's libcpp-httplib
// is a compiled library, so its own limits are fixed at its build; every bound that matters is
// enforced here or at the front door before httplib reads a byte.
#include "server/server.h"

#include <poll.h>
#include <sys/socket.h>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <ctime>
#include <iostream>
#include <sstream>

#include "server/admission.h"
#include "server/dispatch.h"
#include "server/front_door.h"
#include "server/handlers.h"
#include "server/problem.h"

namespace rasd::http {
namespace {

using Clock = std::chrono::steady_clock;

/// httplib's request processing (protected in httplib::Server) opened to rasd's own loop.
class Engine : public httplib::Server {
 public:
  using httplib::Server::process_request;
};

/// One request's input and output over a front-door connection: first the bytes the front door
/// read (the head, perhaps part of the body), then the socket, each read waiting at most the read
/// timeout and all of them together at most the body deadline. Reading past `body_cap` bytes of
/// body fails the read, so a chunked body cannot grow past --max-body.
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(ClientConnection& c, std::size_t body_cap, const ServerOptions& o)
      : c_(c), cap_(c.head.size + body_cap), read_ms_(o.read_timeout_seconds * 1000),
        write_ms_(o.write_timeout_seconds * 1000), deadline_(Clock::now() + o.body_timeout) {}

  bool is_readable() const override { return offset_ < c_.buffered.size() || wait(POLLIN, read_ms_); }
  bool is_writable() const override { return wait(POLLOUT, write_ms_); }

  ssize_t read(char* ptr, size_t size) override {
    if (consumed_ >= cap_) {
      overflowed_ = true;
      return -1;
    }
    size = std::min<std::size_t>(size, cap_ - consumed_);
    if (offset_ < c_.buffered.size()) {
      const std::size_t n = std::min(size, c_.buffered.size() - offset_);
      std::memcpy(ptr, c_.buffered.data() + offset_, n);
      offset_ += n;
      consumed_ += n;
      return static_cast<ssize_t>(n);
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
    if (left <= 0 || !wait(POLLIN, std::min<long long>(read_ms_, left))) return -1;
    ssize_t n;
    do n = ::recv(c_.fd, ptr, size, 0);
    while (n < 0 && errno == EINTR);
    if (n > 0) consumed_ += static_cast<std::size_t>(n);
    return n;
  }

  ssize_t write(const char* ptr, size_t size) override {
    std::size_t sent = 0;
    while (sent < size) {
      const ssize_t n = ::send(c_.fd, ptr + sent, size - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (!wait(POLLOUT, write_ms_)) return -1;
        continue;
      }
      if (n <= 0) return -1;
      sent += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.peer;
    port = c_.peer_port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  socket_t socket() const override { return c_.fd; }

  bool overflowed() const { return overflowed_; }
  /// Bytes of body read so far.
  std::size_t body_read() const { return consumed_ > c_.head.size ? consumed_ - c_.head.size : 0; }
  /// Drops what was consumed from the front door's buffer (what remains is a pipelined request).
  void finish() { c_.buffered.erase(0, std::min(offset_, c_.buffered.size())); }

 private:
  bool wait(short events, long long ms) const {
    pollfd p{c_.fd, events, 0};
    int rc;
    do rc = ::poll(&p, 1, static_cast<int>(std::max<long long>(ms, 0)));
    while (rc < 0 && errno == EINTR);
    return rc > 0 && (p.revents & (events | POLLHUP | POLLERR));
  }

  ClientConnection& c_;
  std::size_t cap_;
  long long read_ms_, write_ms_;
  Clock::time_point deadline_;
  std::size_t offset_ = 0, consumed_ = 0;
  bool overflowed_ = false;
};

// httplib's callbacks carry no context of ours; the stream a worker thread is serving is how the
// error handler learns that a body was cut at its cap (a 413, where httplib would say 400).
thread_local const ConnectionStream* t_stream = nullptr;

HttpRequest to_request(const httplib::Request& req) {
  HttpRequest out;
  out.method = req.method;
  out.path = req.path;
  for (const auto& [k, v] : req.params) out.params.emplace_back(k, v);
  out.body = req.body;
  out.authorization = req.get_header_value("Authorization");
  out.content_type = req.get_header_value("Content-Type");
  return out;
}

void to_response(const HttpResponse& in, httplib::Response& res) {
  res.status = in.status;
  for (const auto& [k, v] : in.headers) {
    res.headers.erase(k);  // a handler's header replaces the default one (Cache-Control)
    res.set_header(k, v);
  }
  res.set_content(in.body, in.content_type);
}

constexpr const char* kTimingHeader = "Server-Timing";
constexpr const char* kRequestIdHeader = "X-Request-Id";

// The route and duration the handler wrote into Server-Timing (app;dur=MS;desc="ROUTE").
struct TimingParts {
  bool found = false;
  double ms = 0;
  std::string route;
};

TimingParts parse_timing(const std::string& header) {
  TimingParts t;
  const auto dur = header.find("dur=");
  const auto desc = header.find("desc=\"");
  if (dur == std::string::npos || desc == std::string::npos) return t;
  t.found = true;
  t.ms = std::strtod(header.c_str() + dur + 4, nullptr);
  const auto end = header.find('"', desc + 6);
  t.route = header.substr(desc + 6, end == std::string::npos ? std::string::npos : end - desc - 6);
  return t;
}

// A request id: the client's X-Request-Id when it is a sane token (a proxy's id threads through
// both logs), else one of this server's (a random start, counted up).
class RequestIds {
 public:
  RequestIds() : next_(std::random_device{}() | (std::uint64_t{std::random_device{}()} << 32)) {}
  std::string for_request(const std::string& offered) {
    if (!offered.empty() && offered.size() <= 64 &&
        std::all_of(offered.begin(), offered.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; }))
      return offered;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(next_++));
    return buf;
  }

 private:
  std::atomic<std::uint64_t> next_;
};

// The target as the access log shows it: a feed's secret address is a credential, so its secret
// never reaches a log line; at most 512 bytes.
std::string loggable(const std::string& target) {
  constexpr std::string_view kFeeds = "/api/feeds/";
  std::string out = target.substr(0, 512);
  if (out.rfind(kFeeds, 0) == 0) out = std::string(kFeeds) + "…" + (out.find('?') != std::string::npos ? out.substr(out.find('?')) : "");
  return out;
}

const std::vector<std::pair<std::string, std::string>>& security_headers() {
  static const std::vector<std::pair<std::string, std::string>> headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cache-Control", "no-store"},
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
  };
  return headers;
}

void refuse_open_network(const ServerOptions& o, const Tokens& t) {
  if (is_loopback_host(o.host) || !t.read.empty()) return;
  throw InvalidInput("refusing to serve on " + o.host +
                     " without a read token: every search, document and alert would be open to the network. "
                     "Add --read-token-file FILE (or RASD_READ_TOKEN) and, to allow changes, --write-token-file "
                     "FILE (or RASD_WRITE_TOKEN); make a token with: head -c 32 /dev/urandom | base64 > FILE");
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Tokens tokens;
  Metrics metrics;
  StaticFiles files;
  std::vector<Route> routes;
  SearcherPool pool;
  ServerContext ctx;
  Engine http;
  AdmissionPolicy policy;
  std::unique_ptr<FrontDoor> door;
  int port = 0;
  std::atomic<bool> access_log;
  EventLog text_log;  // when options.log is null
  RequestIds ids;

  const EventLog& log_to() const { return options.log ? *options.log : text_log; }

  explicit Impl(ServerOptions opts)
      : options(std::move(opts)),
        tokens(load_tokens(options)),
        files(options.web_dir),
        routes(core_routes()),
        pool(options.db_dir, options.limits, options.searchers, options.search_wait),
        ctx{options, pool, metrics, files, routes, SharedTokens(tokens), {}},
        access_log(options.access_log) {
    refuse_open_network(options, tokens);
    routes.insert(routes.end(), options.extra_routes.begin(), options.extra_routes.end());
    for (Route& r : routes)
      if (r.body == BodyKind::Json && r.max_body == 0) r.max_body = options.max_alert_body_bytes;
    policy.routes = &routes;
    policy.tokens = tokens;
    policy.loopback_only = is_loopback_host(options.host);
    policy.max_body = options.max_body_bytes;
    options.metric_sources.push_back([this] { return door_metrics(); });
    configure();
    FrontDoorOptions door_options;
    door_options.host = options.host;
    door_options.port = options.port;
    door_options.head.max_fields = options.max_header_count;
    door_options.head_timeout = options.head_timeout;
    door_options.idle_timeout = std::chrono::seconds(options.keep_alive_seconds);
    door_options.max_connections = options.max_connections;
    door_options.max_client_connections = options.max_client_connections;
    door_options.workers = options.threads;
    door_options.max_queued = options.queue;
    door_options.headers = security_headers();
    door = std::make_unique<FrontDoor>(
        door_options, [this](const RequestHead& head, const std::string&) {
          AdmissionPolicy now = policy;
          now.tokens = ctx.tokens.get();  // a reload may have replaced them
          return admit_request(now, head);
        },
        [this](ClientConnection& c) { return serve_connection(c); });
    door->on_refused([this](const std::string& peer, const RequestHead* head, int status, const std::string& route) {
      refused(peer, head, status, route);
    });
  }

  void configure() {
    http.set_payload_max_length(options.max_body_bytes);
    http.set_keep_alive_max_count(options.keep_alive_requests);
    http.set_default_headers(httplib::Headers(security_headers().begin(), security_headers().end()));
    const auto handle = [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); };
    http.Get(".*", handle);
    http.Post(".*", handle);
    http.Put(".*", handle);
    http.Delete(".*", handle);
    http.Patch(".*", handle);
    http.Options(".*", handle);
    // Statuses httplib produces itself (a body that could not be read): give them a problem body.
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (t_stream && t_stream->overflowed()) {
        res.status = 413;
        res.body.clear();
      }
      if (!res.body.empty()) return;
      to_response(problem_response(problem_for_status(res.status), req.path), res);
    });
    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr e) {
      to_response(problem_response(problem_for(e), req.path), res);
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
  }

  AfterRequest serve_connection(ClientConnection& c) {
    const RouteMatch match = match_route(routes, c.head.method, httplib::detail::decode_url(std::string(c.head.raw_path()), false));
    const std::size_t cap = match.route ? body_limit(policy, *match.route) : 0;
    ConnectionStream stream(c, cap, options);
    t_stream = &stream;
    const bool last = !c.head.keep_alive || c.requests + 1 >= options.keep_alive_requests;
    bool closed = false;
    const bool ok = http.process_request(stream, last, closed, [](httplib::Request&) {});
    t_stream = nullptr;
    stream.finish();
    const bool body_done = !c.head.chunked && stream.body_read() >= c.head.content_length.value_or(0);
    if (stream.overflowed() || !body_done) return AfterRequest::Drain;
    if (!ok || last || closed || c.head.chunked) return AfterRequest::Close;
    return AfterRequest::KeepAlive;
  }

  void serve(const httplib::Request& req, httplib::Response& res) {
    const auto start = Clock::now();
    HttpRequest request = to_request(req);
    Dispatched out = dispatch(ctx, request);
    to_response(out.response, res);
    res.set_header(kRequestIdHeader, ids.for_request(req.get_header_value(kRequestIdHeader)));
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    metrics.record(out.route, out.response.status, seconds);
    std::ostringstream timing;
    timing << "app;dur=" << seconds * 1000.0 << ";desc=\"" << out.route << '"';
    res.set_header(kTimingHeader, timing.str());
  }

  // One line per request (event_log.h): time, request id, client, method, route, status, duration.
  void log(const httplib::Request& req, const httplib::Response& res) {
    const TimingParts timing = parse_timing(res.get_header_value(kTimingHeader));
    if (!timing.found) metrics.record("rejected", res.status, 0);  // refused by httplib before routing
    if (!access_log) return;
    AccessRecord r;
    r.request_id = res.get_header_value(kRequestIdHeader);
    if (r.request_id.empty()) r.request_id = ids.for_request(req.get_header_value(kRequestIdHeader));
    r.method = req.method;
    r.route = timing.found ? timing.route : "rejected";
    r.target = loggable(req.target.empty() ? req.path : req.target);
    r.status = res.status;
    r.bytes = res.body.size();
    r.duration_ms = timing.ms;
    r.client = req.remote_addr;
    log_to().request(r);
  }

  std::string door_metrics() const {
    const FrontDoor::Figures f = door->figures();
    std::ostringstream out;
    out << "# HELP rasd_connections_open Client connections open.\n# TYPE rasd_connections_open gauge\n"
        << "rasd_connections_open " << f.open << '\n'
        << "# HELP rasd_workers_busy Worker threads serving a request.\n# TYPE rasd_workers_busy gauge\n"
        << "rasd_workers_busy " << f.busy << '\n'
        << "# HELP rasd_front_door_refused_total Requests the front door answered itself, by reason.\n"
        << "# TYPE rasd_front_door_refused_total counter\n";
    const std::pair<const char*, std::uint64_t> reasons[] = {
        {"bad_head", f.refused_head},       {"admission", f.refused_admission}, {"head_timeout", f.head_timeouts},
        {"client_cap", f.over_client_cap},  {"total_cap", f.over_total_cap},    {"queue_full", f.queue_full}};
    for (const auto& [reason, n] : reasons) out << "rasd_front_door_refused_total{reason=\"" << reason << "\"} " << n << '\n';
    return out.str();
  }

  // A request the front door answered itself (caps, a bad or slow head, a refused token).
  void refused(const std::string& peer, const RequestHead* head, int status, const std::string& route) {
    metrics.record(route, status, 0);
    if (!access_log) return;
    AccessRecord r;
    r.request_id = ids.for_request(head ? head->field("x-request-id") : "");
    r.method = head ? head->method : "-";
    r.route = route;
    r.target = head ? loggable(head->target) : "-";
    r.status = status;
    r.client = peer;
    log_to().request(r);
  }
};

Tokens load_tokens(const ServerOptions& o) {
  Tokens t;
  if (!o.token_file.empty() && !o.write_token.empty())
    throw InvalidInput("the write token is given twice (a file and RASD_WRITE_TOKEN): give it once");
  if (!o.read_token_file.empty() && !o.read_token.empty())
    throw InvalidInput("the read token is given twice (a file and RASD_READ_TOKEN): give it once");
  t.write = o.write_token.empty() ? read_secret(o.token_file, nullptr, "write token").value_or("") : o.write_token;
  t.read = o.read_token.empty() ? read_secret(o.read_token_file, nullptr, "read token").value_or("") : o.read_token;
  if (!t.read.empty() && same_secret(t.read, t.write))
    throw InvalidInput("the read token and the write token are the same: give each its own");
  const EventLog text;
  const EventLog& log = o.log ? *o.log : text;
  for (const auto& [path, what] : {std::pair{o.token_file, "write token"}, std::pair{o.read_token_file, "read token"}}) {
    if (path.empty() || !readable_by_all(path)) continue;
    const nlohmann::json fields = {{"file", path},
                                   {"detail", std::string("the ") + what + " file is readable by every user; restrict "
                                                  "it with chmod 600 (or 640 with a group of its own)"}};
    log.event("token_file_readable", fields, "warning");
  }
  return t;
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() = default;

int Server::bind() {
  impl_->port = impl_->door->bind();
  return impl_->port;
}

void Server::run() { impl_->door->run(); }

void Server::stop() { impl_->door->stop(); }

void Server::set_tokens(Tokens tokens) {
  refuse_open_network(impl_->options, tokens);
  impl_->ctx.tokens.set(std::move(tokens));
}

void Server::set_access_log(bool on) { impl_->access_log = on; }

}  // namespace rasd::http
