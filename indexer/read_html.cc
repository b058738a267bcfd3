// Scraped news pages, parsed with gumbo (an HTML5 parser: real pages are rarely well formed).
// The body comes from the article element when the page marks one; navigation, scripts,
// styles, forms, comments and share widgets are dropped.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include <nlohmann/json.hpp>

#include "indexer/iso_date.h"
#include "indexer/readers.h"

namespace rasd {
namespace {

constexpr std::array<GumboTag, 14> kDroppedTags = {
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_NAV,    GUMBO_TAG_HEADER,
    GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE, GUMBO_TAG_FORM,     GUMBO_TAG_IFRAME, GUMBO_TAG_SVG,
    GUMBO_TAG_BUTTON, GUMBO_TAG_SELECT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_FIGURE};

// Class or id fragments of page furniture.
constexpr const char* kDroppedMarks[] = {"share",   "social",  "comment",  "related",    "breadcrumb",
                                         "sidebar", "menu",    "newsletter", "advert",   "tags",
                                         "print",   "subscribe", "cookie",  "popup",     "widget"};

constexpr std::array<GumboTag, 20> kBlockTags = {
    GUMBO_TAG_P,  GUMBO_TAG_DIV, GUMBO_TAG_BR, GUMBO_TAG_H1,  GUMBO_TAG_H2,         GUMBO_TAG_H3,      GUMBO_TAG_H4,
    GUMBO_TAG_H5, GUMBO_TAG_H6,  GUMBO_TAG_LI, GUMBO_TAG_TR,  GUMBO_TAG_SECTION,    GUMBO_TAG_ARTICLE, GUMBO_TAG_BLOCKQUOTE,
    GUMBO_TAG_UL, GUMBO_TAG_OL,  GUMBO_TAG_TABLE, GUMBO_TAG_PRE, GUMBO_TAG_MAIN, GUMBO_TAG_HR};

std::string attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : "";
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool is_furniture(const GumboNode* n) {
  const GumboTag tag = n->v.element.tag;
  if (std::find(kDroppedTags.begin(), kDroppedTags.end(), tag) != kDroppedTags.end()) return true;
  const std::string marks = lower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "role"));
  if (marks.find("navigation") != std::string::npos) return true;
  for (const char* m : kDroppedMarks)
    if (marks.find(m) != std::string::npos) return true;
  return false;
}

bool is_block(GumboTag tag) { return std::find(kBlockTags.begin(), kBlockTags.end(), tag) != kBlockTags.end(); }

void collect_text(const GumboNode* n, std::string& out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
    out.append(n->v.text.text);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT || is_furniture(n)) return;  // comments are their own node type
  const bool block = is_block(n->v.element.tag);
  if (block) out.push_back('\n');
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) collect_text(static_cast<const GumboNode*>(children.data[i]), out);
  if (block) out.push_back('\n');
}

// What the page says about itself, gathered in one walk.
struct PageMeta {
  std::string title_tag, og_title, h1, site_name, url, published, time_datetime, jsonld_date;
  const GumboNode* article = nullptr;   // itemprop=articleBody, else <article>, else <main>
  int article_rank = 0;
  const GumboNode* body = nullptr;
};

std::string find_date_published(const nlohmann::json& j) {
  if (j.is_object()) {
    if (auto it = j.find("datePublished"); it != j.end() && it->is_string()) return it->get<std::string>();
    for (const auto& [k, v] : j.items()) {
      std::string d = find_date_published(v);
      if (!d.empty()) return d;
    }
  } else if (j.is_array()) {
    for (const auto& v : j) {
      std::string d = find_date_published(v);
      if (!d.empty()) return d;
    }
  }
  return {};
}

std::string inner_text(const GumboNode* n) {
  std::string out;
  collect_text(n, out);
  return out;
}

void consider_article(PageMeta& m, const GumboNode* n, int rank) {
  if (rank > m.article_rank) {
    m.article = n;
    m.article_rank = rank;
  }
}

void walk_meta(const GumboNode* n, PageMeta& m) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = n->v.element.tag;
  const std::string prop = lower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"));
  if (tag == GUMBO_TAG_META) {
    const std::string content = attr(n, "content");
    if (prop == "og:title") m.og_title = content;
    else if (prop == "og:site_name") m.site_name = content;
    else if (prop == "og:url" && m.url.empty()) m.url = content;
    else if ((prop == "article:published_time" || prop == "datepublished" || prop == "pubdate") && m.published.empty())
      m.published = content;
  } else if (tag == GUMBO_TAG_LINK && lower(attr(n, "rel")) == "canonical") {
    m.url = attr(n, "href");
  } else if (tag == GUMBO_TAG_TITLE && m.title_tag.empty()) {
    m.title_tag = inner_text(n);
  } else if (tag == GUMBO_TAG_SCRIPT && lower(attr(n, "type")) == "application/ld+json") {
    if (n->v.element.children.length > 0) {
      const auto* t = static_cast<const GumboNode*>(n->v.element.children.data[0]);
      if (t->type == GUMBO_NODE_TEXT && m.jsonld_date.empty())
        m.jsonld_date = find_date_published(nlohmann::json::parse(t->v.text.text, nullptr, false));
    }
  } else if (tag == GUMBO_TAG_TIME && m.time_datetime.empty()) {
    m.time_datetime = attr(n, "datetime");
  } else if (tag == GUMBO_TAG_H1 && m.h1.empty()) {
    m.h1 = inner_text(n);
  } else if (tag == GUMBO_TAG_BODY) {
    m.body = n;
  }
  if (lower(attr(n, "itemprop")) == "articlebody") consider_article(m, n, 3);
  else if (tag == GUMBO_TAG_ARTICLE) consider_article(m, n, 2);
  else if (tag == GUMBO_TAG_MAIN) consider_article(m, n, 1);
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) walk_meta(static_cast<const GumboNode*>(children.data[i]), m);
}

std::optional<std::string> first_date(std::initializer_list<const std::string*> candidates) {
  for (const std::string* c : candidates)
    if (auto d = canonical_date(*c)) return d;
  return std::nullopt;
}

std::string trimmed(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

void read_html(const InputFile& file, std::string_view text, ReadOutcome& out) {
  GumboOutput* page = gumbo_parse_with_options(&kGumboDefaultOptions, text.data(), text.size());
  PageMeta m;
  walk_meta(page->root, m);
  Report r;
  r.origin = file.path;
  r.title = trimmed(!m.og_title.empty() ? m.og_title : !m.h1.empty() ? m.h1 : m.title_tag);
  r.url = m.url;
  r.source = lower(trimmed(m.site_name));
  r.published = first_date({&m.published, &m.jsonld_date, &m.time_datetime});
  const GumboNode* root = m.article ? m.article : m.body ? m.body : page->root;
  r.body = inner_text(root);
  gumbo_destroy_output(&kGumboDefaultOptions, page);
  out.reports.push_back(std::move(r));
}

}  // namespace rasd
