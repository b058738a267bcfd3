#include "alerts/feed.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "error/error.h"

namespace rasd::alerts {

namespace {

// tag: URIs (RFC 4151) give entries ids that never change, whatever the feed's address.
constexpr std::string_view kTagAuthority = "tag:rasd.local,2026:";

std::string feed_id(const Alert& a) { return std::string(kTagAuthority) + "alert/" + std::to_string(a.id); }

std::string entry_id(const Alert& a, const Notification& n) {
  return feed_id(a) + "/doc/" + percent_encode(n.hit.id);
}

// Atom dates are RFC 3339 date-times; a bare publication day becomes midnight UTC.
std::string rfc3339(const std::string& published) {
  if (published.size() == 10) return published + "T00:00:00Z";
  if (published.size() >= 20 && published[10] == 'T') return published;
  return {};
}

void element(std::string& out, std::string_view name, std::string_view text) {
  out.append("<").append(name).append(">").append(xml_escape(text)).append("</").append(name).append(">\n");
}

void link(std::string& out, std::string_view rel, const std::string& href, std::string_view type = {}) {
  out.append("<link rel=\"").append(rel).append("\" href=\"").append(xml_escape(href)).append("\"");
  if (!type.empty()) out.append(" type=\"").append(type).append("\"");
  out.append("/>\n");
}

// Copies that arrived in later runs, attached to the entry of the report they copy.
using LateCopies = std::unordered_map<std::string, std::vector<const Notification*>>;

std::string summary(const Hit& hit, const std::vector<const Notification*>& late) {
  std::string text = hit.snippet.text;
  if (!hit.copy_list.empty() || !late.empty()) {
    text += text.empty() ? "" : "\n";
    text += "Also published by:";
    for (const Copy& c : hit.copy_list) text += " " + (c.source.empty() ? c.id : c.source + " (" + c.id + ")");
    for (const Notification* c : late) {
      const Hit& h = c->hit;
      text += " " + (h.source.empty() ? h.id : h.source + " (" + h.id + ")");
      for (const Copy& more : h.copy_list) text += " " + (more.source.empty() ? more.id : more.source + " (" + more.id + ")");
    }
  }
  return text;
}

void entry(std::string& out, const Alert& a, const Notification& n, const FeedLinks& links, const LateCopies& late_copies) {
  static const std::vector<const Notification*> kNone;
  const auto it = late_copies.find(n.hit.id);
  const std::vector<const Notification*>& late = it == late_copies.end() ? kNone : it->second;
  UnixTime updated = n.found;  // a later copy updates the entry
  for (const Notification* c : late) updated = std::max(updated, c->found);
  out += "<entry>\n";
  element(out, "id", entry_id(a, n));
  element(out, "title", n.hit.title.empty() ? n.hit.id : n.hit.title);
  element(out, "updated", format_time(updated));
  if (const std::string p = rfc3339(n.hit.published); !p.empty()) element(out, "published", p);
  link(out, "alternate", links.base_url + links.document_path + percent_encode(n.hit.id), "text/html");
  if (!n.hit.url.empty()) link(out, "related", n.hit.url);
  for (const EntityRef& e : n.hit.entities) {
    const std::string& label = e.label_ar.empty() ? e.label_en : e.label_ar;
    out.append("<category term=\"").append(xml_escape(e.type + ":" + e.id)).append("\" label=\"");
    out.append(xml_escape(label)).append("\"/>\n");
  }
  element(out, "summary", summary(n.hit, late));
  out += "</entry>\n";
}

bool xml_allowed(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&apos;"; continue;
      default: break;
    }
    // ASCII control characters other than tab and newlines make a document ill-formed.
    if (c < 0x80) {
      if (xml_allowed(c)) out += static_cast<char>(c);
      continue;
    }
    out += static_cast<char>(c);  // UTF-8 continuation and lead bytes pass through unchanged
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string atom_feed(const Alert& a, const std::vector<Notification>& notifications, const FeedLinks& links) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  element(out, "id", feed_id(a));
  element(out, "title", "rasd alert: " + a.spec.name);
  element(out, "subtitle", a.spec.query);
  UnixTime updated = std::max(a.created, a.last_run);
  for (const Notification& n : notifications) updated = std::max(updated, n.found);
  element(out, "updated", format_time(updated));
  out += "<author><name>rasd</name></author>\n";
  out += "<generator>rasd</generator>\n";
  const std::string self = links.self_path.empty() ? "/api/alerts/" + std::to_string(a.id) + "/feed.atom" : links.self_path;
  link(out, "self", links.base_url + self, "application/atom+xml");
  link(out, "alternate", links.base_url + "/", "text/html");
  LateCopies late;
  std::unordered_set<std::string> listed;
  for (const Notification& n : notifications)
    if (!n.copy_of) listed.insert(n.hit.id);
  for (const Notification& n : notifications)
    if (n.copy_of && listed.count(*n.copy_of)) late[*n.copy_of].push_back(&n);
  for (const Notification& n : notifications)
    // a copy whose report left the feed's window stands alone
    if (!n.copy_of || !listed.count(*n.copy_of)) entry(out, a, n, links, late);
  out += "</feed>\n";
  return out;
}

void append_jsonl(const std::string& path, const std::vector<Notification>& notifications, const std::string& alert_name) {
  if (notifications.empty()) return;
  std::string lines;
  for (const Notification& n : notifications) lines += to_json(n, alert_name).dump() + "\n";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw IndexError("cannot open alert output " + path + ": " + std::strerror(errno));
  std::size_t written = 0;
  while (written < lines.size()) {
    const ssize_t n = ::write(fd, lines.data() + written, lines.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      throw IndexError("cannot write alert output " + path + ": " + std::strerror(err));
    }
    written += static_cast<std::size_t>(n);
  }
  // On disk before the notifications are marked done, so a crash can repeat a line but not lose it.
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) throw IndexError("cannot flush alert output " + path + ": " + std::strerror(errno));
}

}  // namespace rasd::alerts
