// Deliveries that write text: an alert's Atom 1.0 feed and the JSONL file it appends to.
#pragma once

#include <string>
#include <vector>

#include "alerts/alert.h"

namespace rasd::alerts {

/// Where the feed's links point. `base_url` has no trailing slash ("" = relative links).
struct FeedLinks {
  std::string base_url;
  std::string document_path = "/#/doc/";  // + percent-encoded document id: the page's document view
  std::string self_path{};                 // the feed's own address; "" = /api/alerts/ID/feed.atom
};

/// An Atom 1.0 feed of the alert's notifications (newest first), every value XML-escaped.
std::string atom_feed(const Alert& alert, const std::vector<Notification>& notifications, const FeedLinks& links);

/// Escapes &, <, >, " and ' and drops characters XML 1.0 forbids.
std::string xml_escape(std::string_view text);

/// Percent-encodes everything but unreserved URI characters.
std::string percent_encode(std::string_view text);

/// Appends one JSON line per notification to `path` and flushes it to disk; throws
/// IndexError naming the file when it cannot be written.
void append_jsonl(const std::string& path, const std::vector<Notification>& notifications, const std::string& alert_name);

}  // namespace rasd::alerts
