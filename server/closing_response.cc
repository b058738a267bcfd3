#include "server/closing_response.h"

#include <cctype>

namespace rasd::http {
namespace {

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 421: return "Misdirected Request";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
  }
}

}  // namespace

HttpResponse refusal_response(int status, const std::string& detail,
                              const std::vector<std::pair<std::string, std::string>>& headers) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/problem+json";
  std::string slug = reason(status);
  for (char& c : slug) c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string escaped;
  for (const char c : detail) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  // Fixed keys and an escaped sentence of our own: a JSON library is not needed for this one.
  r.body = "{\"type\":\"urn:rasd:problem:" + slug + "\",\"title\":\"" + reason(status) + "\",\"status\":" +
           std::to_string(status) + ",\"detail\":\"" + escaped + "\"}";
  if (status == 503 || status == 429) r.headers.emplace_back("Retry-After", "1");
  for (const auto& h : headers) r.headers.push_back(h);
  return r;
}

std::string closing_response_bytes(const HttpResponse& response) {
  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + reason(response.status) + "\r\n";
  out += "Content-Type: " + response.content_type + "\r\n";
  out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  out += "Connection: close\r\n";
  for (const auto& [k, v] : response.headers) out += k + ": " + v + "\r\n";
  out += "\r\n";
  out += response.body;
  return out;
}

}  // namespace rasd::http
