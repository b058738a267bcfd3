#include "analyzers/name_forms.h"

#include <algorithm>
#include <cstring>

#include "analyzers/utf8.h"

namespace rasd {
namespace {
// A remainder must keep two Arabic letters (four bytes) to be a name.
constexpr std::size_t kMinRemainderBytes = 4;
}  // namespace

ProcliticForms::ProcliticForms(std::string_view word) {
  add(word, 0);
  std::string_view conj_free = word;
  if ((starts_with(word, kWawUtf8) || starts_with(word, kFehUtf8)) && word.size() >= 2 + kMinRemainderBytes) {
    conj_free = word.substr(2);
    add(conj_free, 2);
    add_preposition_forms(conj_free, 2);
  }
  add_preposition_forms(word, 0);
}

void ProcliticForms::add(std::string_view form, std::size_t stripped) {
  if (count_ < forms_.size()) {
    forms_[count_] = form;
    stripped_[count_] = stripped;
    ++count_;
  }
}

void ProcliticForms::add_preposition_forms(std::string_view base, std::size_t stripped) {
  if (starts_with(base, kLamLamUtf8) && base.size() >= 2 + kMinRemainderBytes) {
    // للمغرب = ل + المغرب: rebuild the article the spelling dropped.
    const std::string_view rest = base.substr(kLamUtf8.size());
    const std::size_t need = kAlUtf8.size() + rest.size() - kLamUtf8.size();
    if (buffer_used_ + need <= buffer_.size()) {
      char* out = buffer_.data() + buffer_used_;
      std::memcpy(out, kAlUtf8.data(), kAlUtf8.size());
      std::memcpy(out + kAlUtf8.size(), rest.data() + kLamUtf8.size(), rest.size() - kLamUtf8.size());
      buffer_used_ += need;
      add(std::string_view(out, need), stripped + kLamUtf8.size());
    }
  }
  // ك (as, like) comes off only before the article: كالمغرب, but كنيس is a synagogue, not Nice.
  const bool kaf = starts_with(base, kKafUtf8) && starts_with(base.substr(kKafUtf8.size()), kAlUtf8);
  if ((starts_with(base, kBehUtf8) || starts_with(base, kLamUtf8) || kaf) && base.size() >= 2 + kMinRemainderBytes)
    add(base.substr(2), stripped + 2);
}

void WordFilter::add(std::string_view word) {
  const std::uint64_t h = mix(word);
  bits_[(h >> 6) & mask_] |= std::uint64_t{1} << (h & 63);
}

namespace {

template <class Filter>
void add_with_lam(Filter& filter, std::string_view word) {
  filter.add(word);
  if (starts_with(word, kAlUtf8) && word.size() > kAlUtf8.size())  // المغرب -> لمغرب, as in للمغرب
    filter.add(std::string(kLamUtf8) + std::string(word.substr(kAlUtf8.size())));
}

}  // namespace

void WordFilter::add_with_lam_forms(std::string_view word) { add_with_lam(*this, word); }

void NameFilter::add(std::string_view word) {
  const std::uint64_t h = WordFilter::mix(word);
  bits_[(h >> 6) & mask_] |= (std::uint64_t{1} << (h & 63)) | (std::uint64_t{1} << (h >> 58));
}
void NameFilter::add_with_lam_forms(std::string_view word) { add_with_lam(*this, word); }

bool name_gap(std::string_view gap) {
  if (gap.size() == 1) return gap[0] == ' ' || gap[0] == '-';  // the usual gap: one space
  std::size_t i = 0;
  while (i < gap.size()) {
    const char32_t c = utf8::next(gap, i);
    if (c != U' ' && c != U'-' && c != U'\u00A0' && c != U'\u2013' && c != U'\u200C') return false;
  }
  return true;
}

}  // namespace rasd
