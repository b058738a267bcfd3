// Who may do what (docs/SECURITY.md): a write token for every change (ingest, alerts), an
// optional read token for everything that shows indexed data or alerts, public routes for the
// page's files and liveness, and the checks that keep a browser from being used against rasd
// (a JSON content type on every change, a Host that names a loopback server). Secrets come from
// files or the environment, never from a command line, and are compared in constant time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rasd::http {

/// What a route needs.
enum class Access {
  Public,  // the page's files, /healthz, the OpenAPI document, a feed by its secret URL
  Read,    // searches, documents, entities, alerts and their hits, /metrics
  Write,   // ingest, creating, changing and deleting alerts, feed secrets
};

/// The tokens a server was started with; "" = not configured.
struct Tokens {
  std::string read, write;
};

/// Throws Unauthorized (401) or Forbidden (403) unless `authorization` (the header, "" when
/// absent) grants `access`. Without a read token, reads are open; without a write token,
/// writes are disabled (403). The write token also grants reads.
void check_access(const Tokens& tokens, Access access, const std::string& authorization);

/// The body a route takes.
enum class BodyKind { None, Json, JsonLines };

/// Throws UnsupportedMediaType (415) unless `content_type` fits `kind`: application/json for
/// Json, application/x-ndjson, application/jsonl or application/json for JsonLines. No form or
/// text/plain body is taken, so no other site's page can send one as a "simple" request.
void check_content_type(BodyKind kind, const std::string& content_type);

/// Whether every address `host` resolves to is a loopback one (127.0.0.0/8, ::1).
bool is_loopback_host(const std::string& host);

/// Whether a Host header value names a loopback server ("localhost", "127.0.0.1:8080",
/// "[::1]:8080"). A loopback server refuses other names: a page whose own name was re-pointed at
/// 127.0.0.1 (DNS rebinding) cannot read from it.
bool is_loopback_authority(std::string_view host);

/// A secret from `path` (surrounding whitespace removed) or, when `path` is empty, from the
/// environment variable `env` (nullopt when neither is given). Throws InvalidInput when the file
/// cannot be read, or the secret is shorter than 16 bytes or holds blanks or control characters.
std::optional<std::string> read_secret(const std::string& path, const char* env, const std::string& what);

/// Whether every user of the machine may read the file at `path` (a token file should not be:
/// group access is how a package shares one with the service's group, root:rasd 0640).
bool readable_by_all(const std::string& path);

/// Compares without an early exit, so timing does not reveal how much of a guess matched.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace rasd::http
