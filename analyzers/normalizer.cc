#include "analyzers/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "analyzers/arabic.h"
#include "error/error.h"
#include "analyzers/utf8.h"

namespace rasd {
namespace {

using namespace arabic;

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Rule 2: marks, tatweel and invisible controls that are deleted outright.
bool is_deleted(char32_t c) {
  return c == kTatweel || in(c, kFathatan, kLastHaraka) || c == kSuperscriptAlef ||
         in(c, kFirstQuranicMark, kLastQuranicMark) || c == kZeroWidthSpace ||
         in(c, kZeroWidthJoiner, kRightToLeftMark) || c == kArabicLetterMark ||
         in(c, kFirstBidiEmbedding, kLastBidiEmbedding) || in(c, kFirstBidiIsolate, kLastBidiIsolate) ||
         c == kByteOrderMark;
}

// Rule 3: letter folds, digits and case; ZWNJ becomes a space so the tokenizer splits there.
char32_t folded(char32_t c) {
  switch (c) {
    case kAlefHamzaAbove: case kAlefHamzaBelow: case kAlefMaddaAbove:
    case kAlefWasla: case kAlefWavyHamzaAbove: case kAlefWavyHamzaBelow:
      return kAlef;
    case kWawHamzaAbove: case kYehHamzaAbove:
      return kHamza;
    case kAlefMaksura: case kFarsiYeh: case kEYeh: case kYehBarree:
      return kYeh;
    case kKeheh: case kSwashKaf:
      return kKaf;
    case kTehMarbuta: case kHehYehAbove: case kHehGoal: case kAe:
      return kHeh;
    case kZeroWidthNonJoiner:
      return U' ';
    case kArabicDecimalSeparator:  // ٫ reads as the decimal point, so ٣٫٥ = 3.5
      return U'.';
    case kArabicThousandsSeparator:  // ٬ reads as the thousands comma, so ١٬٠٠٠ = 1,000
      return U',';
    default:
      break;
  }
  if (in(c, kArabicIndicZero, kArabicIndicZero + 9)) return U'0' + (c - kArabicIndicZero);
  if (in(c, kExtendedArabicIndicZero, kExtendedArabicIndicZero + 9))
    return U'0' + (c - kExtendedArabicIndicZero);
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

// Appends bytes and, when asked, their original offsets.
struct TextSink {
  std::string& out;
  void emit(char32_t c, std::uint32_t) { utf8::append(out, c); }
};
struct MappedSink {
  // Writes through raw pointers into pre-sized buffers (std::string::push_back per byte is
  // not inlined and dominated the normaliser); finish() trims them to what was written.
  NormalizedText& out;
  std::size_t n = 0;
  [[gnu::always_inline]] void emit(char32_t c, std::uint32_t origin) {
    if (n + 4 > out.text.size()) [[unlikely]] {
      out.text.resize(out.text.size() * 2 + 16);
      out.offsets.resize(out.text.size() + 1);
    }
    char* p = out.text.data() + n;
    std::uint32_t* o = out.offsets.data() + n;
    if (c < 0x80) {
      *p = static_cast<char>(c);
      *o = origin;
      n += 1;
      return;
    }
    std::size_t len;
    if (c < 0x800) {
      p[0] = static_cast<char>(0xC0 | (c >> 6));
      p[1] = static_cast<char>(0x80 | (c & 0x3F));
      len = 2;
    } else if (c < 0x10000) {
      p[0] = static_cast<char>(0xE0 | (c >> 12));
      p[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      p[2] = static_cast<char>(0x80 | (c & 0x3F));
      len = 3;
    } else {
      p[0] = static_cast<char>(0xF0 | (c >> 18));
      p[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      p[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      p[3] = static_cast<char>(0x80 | (c & 0x3F));
      len = 4;
    }
    for (std::size_t k = 0; k < len; ++k) o[k] = origin;
    n += len;
  }
  void finish(std::size_t original_size) {
    out.text.resize(n);
    out.offsets.resize(n);
    out.offsets.push_back(static_cast<std::uint32_t>(original_size));
  }
};

}  // namespace

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_ = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw Error(std::string("ICU NFKC is unavailable: ") + u_errorName(status));
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) {
      fold_[c] = kDelete;  // never produced by the decoder
      flags_[c] = kBoundary;
      continue;
    }
    const char32_t f = is_deleted(c) ? kDelete : folded(c);
    fold_[c] = static_cast<char16_t>(f);
    const auto uc = static_cast<UChar32>(c);
    const bool boundary = nfkc_->hasBoundaryBefore(uc);
    const bool stable = nfkc_->quickCheck(icu::UnicodeString(uc), status) == UNORM_YES;
    flags_[c] = static_cast<std::uint8_t>((boundary ? kBoundary : 0) | (boundary && stable ? 0 : kNeedsNfkc));
  }
  if (U_FAILURE(status)) throw Error(std::string("ICU NFKC check failed: ") + u_errorName(status));
}

char32_t Normalizer::fold(char32_t c) const {
  if (c < 0x10000) return fold_[c] == kDelete ? kDelete : fold_[c];
  return is_deleted(c) ? kDelete : folded(c);
}

// Walks the text one NFKC segment at a time: a code point with a normalisation boundary before
// it, plus the code points that cannot start a segment (combining marks). A lone plain code
// point (the common case) is folded through the table; anything else goes through ICU first.
template <class Sink>
void Normalizer::run(std::string_view s, Sink& sink) const {
  auto flags_of = [this](char32_t c) -> std::uint8_t {
    if (c < 0x10000) return flags_[c];
    const auto uc = static_cast<UChar32>(c);
    UErrorCode status = U_ZERO_ERROR;
    const bool boundary = nfkc_->hasBoundaryBefore(uc);
    const bool stable = nfkc_->quickCheck(icu::UnicodeString(uc), status) == UNORM_YES;
    return static_cast<std::uint8_t>((boundary ? kBoundary : 0) | (boundary && stable ? 0 : kNeedsNfkc));
  };
  if (s.empty()) return;
  auto decode = [&s](std::size_t& k) { return utf8::next_fast(s, k); };
  // Each code point is decoded once: the look-ahead that ends a segment is the next one's start.
  std::size_t i = 0, c_end = 0;
  char32_t c = decode(c_end);
  for (;;) {
    const std::size_t seg_start = i;
    bool plain = (flags_of(c) & kNeedsNfkc) == 0;
    std::size_t seg_end = c_end;
    char32_t next = 0;
    std::size_t next_end = seg_end;
    bool more = false;
    while (seg_end < s.size()) {
      next_end = seg_end;
      next = decode(next_end);
      if (flags_of(next) & kBoundary) {
        more = true;
        break;
      }
      plain = false;
      seg_end = next_end;
    }
    const auto origin = static_cast<std::uint32_t>(seg_start);
    if (plain) {
      const char32_t f = fold(c);
      if (f != kDelete) sink.emit(f, origin);
    } else {
      icu::UnicodeString segment;
      for (std::size_t k = seg_start; k < seg_end;) segment.append(static_cast<UChar32>(utf8::next(s, k)));
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString composed = nfkc_->normalize(segment, status);
      const icu::UnicodeString& result = U_SUCCESS(status) ? composed : segment;
      for (int32_t k = 0; k < result.length();) {
        const UChar32 cp = result.char32At(k);
        k += U16_LENGTH(cp);
        const char32_t f = fold(static_cast<char32_t>(cp));
        if (f != kDelete) sink.emit(f, origin);
      }
    }
    if (!more) break;
    i = seg_end;
    c = next;
    c_end = next_end;
  }
}

NormalizedText Normalizer::normalize(std::string_view original) const {
  NormalizedText out;
  out.text.resize(original.size());  // normalising rarely grows text; the sink grows if it does
  out.offsets.resize(original.size() + 1);
  MappedSink sink{out};
  run(original, sink);
  sink.finish(original.size());
  return out;
}

std::string Normalizer::normalize_text(std::string_view original) const {
  std::string out;
  out.reserve(original.size());
  TextSink sink{out};
  run(original, sink);
  return out;
}

}  // namespace rasd
