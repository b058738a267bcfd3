// Cleaning scraped article text before analysis: boilerplate lines of news pages (comment
// prompts and counts, share and print bars, tag lists, breadcrumbs, "read also" blocks) are
// dropped and paragraphs repeated within a document are kept once. It also reads the date a page
// prints on a line of its own (date_line.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/word_set.h"

namespace rasd {

class Normalizer;
class DateLineReader;

/// What a line of a page is, for cleaning.
enum class LineKind { Content, Boilerplate, Tail };  // Tail: boilerplate that ends the article

/// Boilerplate detection and paragraph de-duplication; built once, shared by reader threads.
class Cleaner {
 public:
  Cleaner();
  ~Cleaner();
  Cleaner(const Cleaner&) = delete;
  Cleaner& operator=(const Cleaner&) = delete;

  /// Classifies one trimmed line of a page.
  LineKind classify(std::string_view line) const;

  /// The day ("YYYY-MM-DD") when one trimmed line is a page's date line (DateLineReader).
  std::optional<std::string> date_of_line(std::string_view line) const;

  /// The body's content lines, trimmed, in order: boilerplate gone, everything after a tail
  /// marker (tag list, comment section) gone, repeats and copies of `title` gone.
  std::vector<std::string_view> content_lines(std::string_view body, std::string_view title) const;

  /// content_lines() joined by '\n'.
  std::string clean_body(std::string_view body, std::string_view title) const;

  /// A title without bullets, hashes and runs of white space.
  static std::string clean_title(std::string_view title);

  /// `line` without leading and trailing white space (ASCII, NBSP, ideographic space).
  static std::string_view trim(std::string_view line);

 private:
  std::string key(std::string_view line) const;  // normalised words joined by one space

  std::unique_ptr<Normalizer> normalizer_;
  std::unique_ptr<DateLineReader> date_lines_;
  WordSet exact_;     // keys of whole boilerplate lines
  WordSet tail_;      // keys of lines after which only boilerplate follows
  std::vector<std::string> prefixes_;  // keys that make a short line boilerplate when they start it
};

}  // namespace rasd
