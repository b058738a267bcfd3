#include "server/request_head.h"

#include <algorithm>
#include <cctype>

namespace rasd::http {
namespace {

using State = HeadVerdict::State;

HeadVerdict refuse(int status, std::string detail) {
  HeadVerdict v;
  v.state = State::Refused;
  v.status = status;
  v.detail = std::move(detail);
  return v;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// RFC 9110 tchar: the characters of a method or a field name.
bool is_tchar(unsigned char c) {
  return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_tchar(static_cast<unsigned char>(c)); });
}

// A field value may hold visible characters, blanks and bytes >= 0x80; never NUL, CR or other
// controls (a bare CR or LF inside a value is how header injection and smuggling start).
bool valid_value(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c == '\t' || c >= 0x20 ? c != 0x7F : false;
  });
}

// The request target in origin form ("/path?query") or "*"; no blanks or controls.
bool valid_target(std::string_view t) {
  if (t.empty() || (t.front() != '/' && t != "*")) return false;
  return std::all_of(t.begin(), t.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c > 0x20 && c != 0x7F;
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string quoted(std::string_view s) {
  std::string out = "'";
  for (const char c : s.substr(0, 64)) out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
  return out + (s.size() > 64 ? "...'" : "'");
}

std::optional<HeadVerdict> parse_request_line(std::string_view line, RequestHead& head) {
  const auto sp1 = line.find(' ');
  const auto sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
    return refuse(400, "the request line must be METHOD TARGET HTTP/1.1, not " + quoted(line));
  head.method = std::string(line.substr(0, sp1));
  head.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  head.version = std::string(line.substr(sp2 + 1));
  if (!is_token(head.method)) return refuse(400, "the request method " + quoted(head.method) + " is not a token");
  if (head.version != "HTTP/1.1" && head.version != "HTTP/1.0") {
    if (head.version.starts_with("HTTP/")) return refuse(505, "only HTTP/1.0 and HTTP/1.1 are served");
    return refuse(400, "the request line must end in HTTP/1.1, not " + quoted(head.version));
  }
  if (!valid_target(head.target) || (head.target == "*" && head.method != "OPTIONS"))
    return refuse(400, "the request target must be a path starting with '/', not " + quoted(head.target));
  return std::nullopt;
}

std::optional<HeadVerdict> parse_field(std::string_view line, RequestHead& head) {
  if (line.front() == ' ' || line.front() == '\t')
    return refuse(400, "a header line starts with a blank (line folding is not accepted)");
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || !is_token(line.substr(0, colon)))
    return refuse(400, "the header line " + quoted(line) + " is not NAME: VALUE");
  const std::string_view value = trim(line.substr(colon + 1));
  if (!valid_value(value)) return refuse(400, "the header " + quoted(line.substr(0, colon)) + " holds a control character");
  head.fields.emplace_back(lower(line.substr(0, colon)), std::string(value));
  return std::nullopt;
}

std::optional<std::uint64_t> parse_length(std::string_view v) {
  if (v.empty() || v.size() > 18) return std::nullopt;
  std::uint64_t n = 0;
  for (const char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

bool has_token(std::string_view list, std::string_view token) {
  const std::string l = lower(list);
  std::size_t start = 0;
  while (start <= l.size()) {
    const auto comma = l.find(',', start);
    const std::string_view part = trim(std::string_view(l).substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (part == token) return true;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return false;
}

// One unambiguous framing: a single numeric Content-Length, or Transfer-Encoding: chunked alone.
std::optional<HeadVerdict> check_framing(RequestHead& head) {
  std::size_t lengths = 0, encodings = 0, hosts = 0;
  std::string length, encoding;
  for (const auto& [name, value] : head.fields) {
    if (name == "content-length") ++lengths, length = value;
    if (name == "transfer-encoding") ++encodings, encoding = value;
    if (name == "host") ++hosts;
  }
  if (lengths > 1) return refuse(400, "the request has more than one Content-Length header");
  if (lengths == 1) {
    head.content_length = parse_length(length);
    if (!head.content_length) return refuse(400, "Content-Length must be one number of bytes, not " + quoted(length));
  }
  if (encodings > 0) {
    if (lengths > 0) return refuse(400, "a request may not carry both Content-Length and Transfer-Encoding");
    if (encodings > 1 || lower(encoding) != "chunked" || head.version == "HTTP/1.0")
      return refuse(501, "only 'Transfer-Encoding: chunked' (HTTP/1.1) is understood, not " + quoted(encoding));
    head.chunked = true;
  }
  if (head.version == "HTTP/1.1" && hosts != 1) return refuse(400, "an HTTP/1.1 request needs exactly one Host header");
  const std::string connection = head.field("connection");
  head.keep_alive = head.version == "HTTP/1.1" ? !has_token(connection, "close") : has_token(connection, "keep-alive");
  return std::nullopt;
}

}  // namespace

std::string RequestHead::field(std::string_view name) const {
  for (const auto& [n, v] : fields)
    if (n == name) return v;
  return {};
}

std::string_view RequestHead::raw_path() const {
  const std::string_view t = target;
  return t.substr(0, t.find('?'));
}

HeadVerdict parse_request_head(std::string_view bytes, const HeadLimits& limits) {
  std::size_t pos = 0;
  // RFC 9112 2.2: a server should ignore blank lines before the request line.
  for (int i = 0; i < 4 && pos < bytes.size() && (bytes[pos] == '\r' || bytes[pos] == '\n'); ++i)
    pos += bytes[pos] == '\r' && pos + 1 < bytes.size() && bytes[pos + 1] == '\n' ? 2 : 1;
  RequestHead head;
  bool first = true;
  while (true) {
    const auto nl = bytes.find('\n', pos);
    const std::size_t limit = first ? limits.max_request_line : limits.max_field_line;
    const std::size_t line_end = nl == std::string_view::npos ? bytes.size() : nl;
    if (line_end - pos > limit + 1) {  // +1: the CR before the LF
      if (first) return refuse(414, "the request line is longer than " + std::to_string(limits.max_request_line) + " bytes");
      return refuse(431, "a header line is longer than " + std::to_string(limits.max_field_line) + " bytes");
    }
    if (line_end > limits.max_head)
      return refuse(431, "the request head is larger than " + std::to_string(limits.max_head) + " bytes");
    if (nl == std::string_view::npos) return {};  // Incomplete
    std::string_view line = bytes.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find('\r') != std::string_view::npos) return refuse(400, "a bare CR inside the request head");
    pos = nl + 1;
    if (first) {
      if (auto bad = parse_request_line(line, head)) return *bad;
      first = false;
      continue;
    }
    if (line.empty()) break;
    if (head.fields.size() >= limits.max_fields)
      return refuse(431, "the request has more than " + std::to_string(limits.max_fields) + " header fields");
    if (auto bad = parse_field(line, head)) return *bad;
  }
  if (auto bad = check_framing(head)) return *bad;
  head.size = pos;
  HeadVerdict v;
  v.state = State::Complete;
  v.head = std::move(head);
  return v;
}

}  // namespace rasd::http
