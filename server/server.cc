// The one translation unit that includes cpp-httplib: it converts httplib's requests to
// HttpRequest, hands them to dispatch(), and applies the hardening. Debian's libcpp-httplib is a
// compiled library, so the CPPHTTPLIB_* length macros are fixed at build time of the library
// (request line and each header line: 8192 bytes, answered with 414 / 400); the limits that
// are ours to set are set here at run time.
#include "server/server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <ctime>
#include <deque>
#include <fstream>
#include <iostream>
#include <sstream>

#include "server/dispatch.h"
#include "server/handlers.h"
#include "server/problem.h"

namespace rasd::http {
namespace {

/// A fixed set of worker threads with a bounded queue: when the queue is full the accept loop
/// waits, so a flood of connections queues in the kernel instead of growing memory here.
class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(std::size_t threads, std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {
    for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  void enqueue(std::function<void()> fn) override {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return jobs_.size() < capacity_ || shutdown_; });
    jobs_.push_back(std::move(fn));
    ready_.notify_one();
  }
  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      shutdown_ = true;
    }
    ready_.notify_all();
    room_.notify_all();
    for (auto& t : workers_) t.join();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !jobs_.empty() || shutdown_; });
        if (jobs_.empty()) return;
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      room_.notify_one();
      fn();
    }
  }
  std::size_t capacity_;
  std::vector<std::thread> workers_;
  std::deque<std::function<void()>> jobs_;
  bool shutdown_ = false;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
};

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
  for (const auto& [k, v] : in.headers) res.set_header(k, v);
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

std::string initial_token(const ServerOptions& o) {
  if (!o.token_file.empty()) return read_token_file(o.token_file);
  return o.token;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Metrics metrics;
  StaticFiles files;
  std::vector<Route> routes;
  SearcherPool pool;
  ServerContext ctx;
  httplib::Server http;
  int port = 0;
  std::atomic<bool> access_log;
  EventLog text_log;  // when options.log is null
  RequestIds ids;

  const EventLog& log_to() const { return options.log ? *options.log : text_log; }

  explicit Impl(ServerOptions opts)
      : options(std::move(opts)),
        files(options.web_dir),
        routes(core_routes()),
        pool(options.db_dir, options.limits, options.searchers),
        ctx{options, pool, metrics, files, routes, SharedSecret(initial_token(options)), {}},
        access_log(options.access_log) {
    routes.insert(routes.end(), options.extra_routes.begin(), options.extra_routes.end());
    configure();
  }

  void configure() {
    const std::size_t threads = options.threads, queue = options.queue;
    http.new_task_queue = [threads, queue] { return new BoundedTaskQueue(threads, queue); };
    http.set_payload_max_length(options.max_body_bytes);
    http.set_read_timeout(options.read_timeout_seconds, 0);
    http.set_write_timeout(options.write_timeout_seconds, 0);
    http.set_keep_alive_timeout(options.keep_alive_seconds);
    http.set_keep_alive_max_count(options.keep_alive_requests);
    http.set_tcp_nodelay(true);
    http.set_default_headers({
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
         "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    });
    const auto handle = [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); };
    for (const char* pattern : {".*"}) {
      http.Get(pattern, handle);
      http.Post(pattern, handle);
      http.Put(pattern, handle);
      http.Delete(pattern, handle);
      http.Patch(pattern, handle);
      http.Options(pattern, handle);
    }
    // Statuses httplib produces itself (unparsable request, 413, 414): give them a problem body.
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      to_response(problem_response(problem_for_status(res.status), req.path), res);
    });
    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr e) {
      to_response(problem_response(problem_for(e), req.path), res);
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
  }

  void serve(const httplib::Request& req, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    HttpRequest request = to_request(req);
    Dispatched out;
    if (req.headers.size() > options.max_header_count) {
      const auto error = std::make_exception_ptr(HeadersTooLarge(
          "the request has " + std::to_string(req.headers.size()) + " header fields; at most " +
          std::to_string(options.max_header_count) + " are accepted"));
      out = {problem_response(problem_for(error), request.path), "rejected"};
    } else {
      out = dispatch(ctx, request);
    }
    to_response(out.response, res);
    res.set_header(kRequestIdHeader, ids.for_request(req.get_header_value(kRequestIdHeader)));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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
    r.target = (req.target.empty() ? req.path : req.target).substr(0, 512);
    r.status = res.status;
    r.bytes = res.body.size();
    r.duration_ms = timing.ms;
    r.client = req.remote_addr;
    log_to().request(r);
  }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() = default;

int Server::bind() {
  const auto& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
    if (impl_->port < 0) throw IndexError("cannot listen on " + o.host);
  } else {
    if (!impl_->http.bind_to_port(o.host, o.port))
      throw IndexError("cannot listen on " + o.host + ":" + std::to_string(o.port) + " (in use or not allowed)");
    impl_->port = o.port;
  }
  return impl_->port;
}

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

void Server::set_token(std::string token) { impl_->ctx.token.set(std::move(token)); }

void Server::set_access_log(bool on) { impl_->access_log = on; }

std::string read_token_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InvalidInput("cannot read the token file " + path);
  std::ostringstream content;
  content << in.rdbuf();
  std::string token = content.str();
  const auto first = token.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) throw InvalidInput("the token file " + path + " is empty");
  token = token.substr(first, token.find_last_not_of(" \t\r\n") - first + 1);
  return token;
}

}  // namespace rasd::http
