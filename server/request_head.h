// The head of one HTTP/1.x request (request line and header fields), parsed and bounded before
// any of it reaches cpp-httplib: line lengths, field count and head size are checked as the bytes
// arrive, and the message framing (Content-Length, Transfer-Encoding) is made unambiguous, so no
// request is read further than its head before rasd has decided to read it. A pure function over
// a buffer: the front door feeds it, the fuzzer feeds it anything.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rasd::http {

/// Bounds on a request head.
struct HeadLimits {
  std::size_t max_request_line = 8192;  // longer: 414
  std::size_t max_field_line = 8192;    // one header line; longer: 431
  std::size_t max_fields = 64;          // more: 431
  std::size_t max_head = 64 * 1024;     // request line and all fields; more: 431
};

/// A parsed head. Field names are lower-cased; values have surrounding blanks removed.
struct RequestHead {
  std::string method, target, version;  // "GET", "/api/search?q=x", "HTTP/1.1"
  std::vector<std::pair<std::string, std::string>> fields;
  std::optional<std::uint64_t> content_length;
  bool chunked = false;     // Transfer-Encoding: chunked
  bool keep_alive = true;   // HTTP/1.1 without "Connection: close", or 1.0 with keep-alive
  std::size_t size = 0;     // bytes of the head, its closing blank line included

  /// The value of field `name` (lower case), "" when absent.
  std::string field(std::string_view name) const;
  /// The path part of the target, before '?', not yet percent-decoded.
  std::string_view raw_path() const;
  bool has_body() const { return chunked || content_length.value_or(0) > 0; }
};

/// What the bytes so far amount to.
struct HeadVerdict {
  enum class State { Incomplete, Complete, Refused };
  State state = State::Incomplete;
  RequestHead head;     // when Complete
  int status = 0;       // when Refused: 400, 414, 431, 501, 505
  std::string detail;   // when Refused: one sentence naming the fault
};

/// Parses `bytes` (the start of a connection's input, leading blank lines allowed). Refuses as
/// soon as a bound is passed, even before the head is complete.
HeadVerdict parse_request_head(std::string_view bytes, const HeadLimits& limits);

}  // namespace rasd::http
