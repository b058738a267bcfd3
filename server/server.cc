// The one translation unit that includes cpp-httplib: it converts httplib's requests to
// HttpRequest, hands them to dispatch(), and applies the hardening. Debian's libcpp-httplib is a
// compiled library, so the CPPHTTPLIB_* length macros are fixed at build time of the library
// (request line and each header line: 8192 bytes, answered with 414 / 400); the limits that
// are ours to set are set here at run time.
#include "server/server.h"

#include <httplib.h>

#include <chrono>
#include <condition_variable>
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

std::string now_iso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

constexpr const char* kTimingHeader = "Server-Timing";

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

  explicit Impl(ServerOptions opts)
      : options(std::move(opts)),
        files(options.web_dir),
        routes(core_routes()),
        pool(options.db_dir, options.limits, options.searchers),
        ctx{options, pool, metrics, files, routes,
            options.token_file.empty() ? std::string() : read_token_file(options.token_file), {}} {
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
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    metrics.record(out.route, out.response.status, seconds);
    std::ostringstream timing;
    timing << "app;dur=" << seconds * 1000.0 << ";desc=\"" << out.route << '"';
    res.set_header(kTimingHeader, timing.str());
  }

  // One line per request: time, client, method, target, status, bytes, milliseconds, route.
  void log(const httplib::Request& req, const httplib::Response& res) {
    std::string timing = res.get_header_value(kTimingHeader);
    if (timing.empty()) {
      metrics.record("rejected", res.status, 0);  // refused by httplib before routing
      timing = "app;dur=0;desc=\"rejected\"";
    }
    if (!options.access_log) return;
    std::ostringstream line;
    line << now_iso() << ' ' << req.remote_addr << ' ' << req.method << ' '
         << (req.target.empty() ? req.path : req.target).substr(0, 512) << ' ' << res.status << ' '
         << res.body.size() << ' ' << timing << '\n';
    std::cerr << line.str();
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

std::string default_web_dir() { return RASD_WEB_DIR; }

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
