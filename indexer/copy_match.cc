#include "indexer/copy_match.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <tuple>
#include <utility>

namespace rasd {
namespace {

// A slot: the words between two shared shingles, on both sides no longer than this. Longer
// gaps are inserted or rewritten passages, not a name or a figure put in a template's place.
constexpr int kMaxSlotWords = 12;
// How far into a longer text a shorter one's copy may start: an outlet's own lead sentence or
// an unstripped byline before the release it reprints.
constexpr std::uint32_t kLeadWords = 40;

struct Shingle {
  std::uint32_t hash;
  std::uint16_t pos;
};

std::vector<Shingle> at_level(const CopySignature& s, std::uint8_t level) {
  std::vector<Shingle> out;
  out.reserve(s.shingles.size());
  const std::uint32_t mask = (1u << level) - 1;
  for (std::size_t i = 0; i < s.shingles.size(); ++i)
    if (((s.shingles[i] >> 1) & mask) == 0) out.push_back({s.shingles[i], s.positions[i]});
  return out;
}

float weight(std::uint32_t shingle) { return (shingle & 1u) ? kCommonWeight : 1.0f; }

std::uint64_t key(const Salient& x) { return (static_cast<std::uint64_t>(x.kind) << 32) | x.value; }

std::vector<std::uint64_t> salient_values(const CopySignature& s) {
  std::vector<std::uint64_t> v;
  for (const Salient& x : s.salient) v.push_back(key(x));
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::uint32_t pow10(std::uint8_t digits) {
  std::uint32_t p = 1;
  for (std::uint8_t i = 0; i < digits; ++i) p *= 10;
  return p;
}

// What one side of a slot holds of each kind that the other text lacks, and its numbers' digits
// run together ("7.30" and "7 30" are one figure).
struct SlotSide {
  std::uint8_t own_kinds = 0;  // bit per SalientKind
  std::uint32_t digits = 0;
  bool has_number = false;
  int own_rare = 0;
};

// A name the gazetteer lacks is two rare words or more on one side (ماجد بن فهد بن فهيد
// السبيعي against الشامري); one rare word against one is as often a spelling (ابو ثنين,
// ابوثنين) or a typo.
constexpr int kMinRareWords = 2;

SlotSide slot_side(const CopySignature& side, int from, int to, const std::vector<std::uint64_t>& other) {
  SlotSide out;
  const auto first = std::lower_bound(side.salient.begin(), side.salient.end(), from,
                                      [](const Salient& s, int p) { return s.pos < p; });
  for (auto it = first; it != side.salient.end() && it->pos < to; ++it) {
    if (it->kind == SalientKind::Number) {
      out.has_number = true;
      out.digits = out.digits * pow10(it->digits) + it->value;
    }
    if (std::binary_search(other.begin(), other.end(), key(*it))) continue;
    if (it->in_date) continue;  // a date's own figures: the date itself agrees or not
    if (it->kind == SalientKind::Rare) ++out.own_rare;
    else out.own_kinds |= 1u << static_cast<int>(it->kind);
  }
  return out;
}

// Both sides hold a value of one kind that the other text lacks: different names, places,
// figures or dates in the same place of the same wording.
bool conflicting(const SlotSide& s, const SlotSide& l) {
  std::uint8_t both = s.own_kinds & l.own_kinds;
  if (s.has_number && l.has_number && s.digits == l.digits) both &= ~(1u << static_cast<int>(SalientKind::Number));
  const bool names = std::min(s.own_rare, l.own_rare) >= 1 && std::max(s.own_rare, l.own_rare) >= kMinRareWords;
  return both != 0 || names;
}

// The shorter's shingles at `level`, each once, found in the longer's: a merge of the two
// signatures' shingles sorted by hash, in ascending hash order (so that every caller sums the
// weights alike).
struct Containment {
  std::size_t unique = 0, matched = 0;
  float mass = 0, matched_mass = 0;
  float weighted() const { return mass > 0 ? matched_mass / mass : 0; }
};

Containment contained(const CopySignature& s, const CopySignature& l, std::uint8_t level) {
  Containment c;
  const std::uint32_t mask = (1u << level) - 1;
  auto in_long = l.by_hash.begin();
  std::uint64_t previous = UINT64_MAX;
  for (std::uint64_t x : s.by_hash) {
    const auto h = static_cast<std::uint32_t>(x >> 16);
    if (((h >> 1) & mask) != 0 || h == previous) continue;
    previous = h;
    ++c.unique;
    c.mass += weight(h);
    while (in_long != l.by_hash.end() && (*in_long >> 16) < h) ++in_long;
    if (in_long != l.by_hash.end() && (*in_long >> 16) == h) {
      ++c.matched;
      c.matched_mass += weight(h);
    }
  }
  return c;
}

// The shorter is measured against the longer; ties broken by hash so that (a, b) and (b, a)
// measure alike.
std::pair<const CopySignature&, const CopySignature&> shorter_first(const CopySignature& a, const CopySignature& b) {
  if (std::tie(a.words, a.text_hash) <= std::tie(b.words, b.text_hash)) return {a, b};
  return {b, a};
}

bool far_apart(const CopySignature& a, const CopySignature& b) {
  return a.day != kUnknownDay && b.day != kUnknownDay && std::abs(a.day - b.day) > kCopyWindowDays;
}

// A copy shares at least this share of the shorter's (uncommon) shingles.
constexpr float kMinWeighted = 0.42f;

}  // namespace

bool surely_not_copies(const CopySignature& a, const CopySignature& b) {
  if (!a.comparable() || !b.comparable()) return true;
  if (a.text_hash == b.text_hash) return false;
  if (far_apart(a, b)) return true;
  const auto [s, l] = shorter_first(a, b);
  return contained(s, l, std::max(s.level, l.level)).weighted() < kMinWeighted;
}

CopyEvidence compare_copies(const CopySignature& a, const CopySignature& b, std::vector<CopySlot>* slots) {
  CopyEvidence e;
  if (!a.comparable() || !b.comparable()) return e;
  if (far_apart(a, b)) e.close_in_time = false;
  e.exact = a.text_hash == b.text_hash;
  const auto [s, l] = shorter_first(a, b);
  const std::uint8_t level = std::max(s.level, l.level);
  const std::vector<Shingle> short_seq = at_level(s, level);
  // The longer's shingles at the level, by hash then position (as its signature keeps them).
  std::vector<Shingle> long_sorted;
  long_sorted.reserve(l.by_hash.size());
  const std::uint32_t mask = (1u << level) - 1;
  for (std::uint64_t x : l.by_hash) {
    const auto h = static_cast<std::uint32_t>(x >> 16);
    if (((h >> 1) & mask) == 0) long_sorted.push_back({h, static_cast<std::uint16_t>(x & 0xffffu)});
  }
  const auto in_long = [&](std::uint32_t h) {
    auto lo = std::lower_bound(long_sorted.begin(), long_sorted.end(), h,
                               [](const Shingle& y, std::uint32_t v) { return y.hash < v; });
    return lo;
  };
  // Containment: each shingle of the shorter once.
  const Containment c = contained(s, l, level);
  // Alignment: slots between shared shingles, in the order of both texts.
  const std::vector<std::uint64_t> short_values = salient_values(s), long_values = salient_values(l);
  int prev_s = -1, prev_l = -1;
  for (const Shingle& x : short_seq) {
    const auto lo = in_long(x.hash);
    const bool found = lo != long_sorted.end() && lo->hash == x.hash;
    if (!found) continue;
    // Aligned in order: the first occurrence in the longer text after the previous one.
    auto it = lo;
    while (it != long_sorted.end() && it->hash == x.hash && it->pos <= prev_l) ++it;
    if (it == long_sorted.end() || it->hash != x.hash) {
      prev_s = -1;  // a moved passage: start aligning afresh
      prev_l = -1;
      continue;
    }
    if (level == 0 && prev_s >= 0) {
      const int gap_s = x.pos - prev_s - 3, gap_l = it->pos - prev_l - 3;
      if (gap_s > 0 && gap_l > 0 && gap_s <= kMaxSlotWords && gap_l <= kMaxSlotWords) {
        ++e.slots;
        const bool conflict = conflicting(slot_side(s, prev_s + 3, x.pos, long_values), slot_side(l, prev_l + 3, it->pos, short_values));
        e.conflicts += conflict;
        if (slots) slots->push_back({prev_s + 3, x.pos, prev_l + 3, it->pos, conflict});
      }
    }
    prev_s = x.pos;
    prev_l = it->pos;
  }
  // What each text holds of its own between its first and last shared shingle; and where in
  // the longer the shared text starts: at its second shared uncommon shingle (template wording
  // and one stray match say little about where a quoted report begins).
  int first_s = -1, last_s = -1, first_l = INT32_MAX, last_l = -1;
  std::vector<int> uncommon_l;
  for (const Shingle& x : short_seq) {
    const auto lo = in_long(x.hash);
    if (lo == long_sorted.end() || lo->hash != x.hash) continue;
    if (first_s < 0) first_s = x.pos;
    last_s = x.pos;
    for (auto it = lo; it != long_sorted.end() && it->hash == x.hash; ++it) {
      first_l = std::min<int>(first_l, it->pos);
      last_l = std::max<int>(last_l, it->pos);
    }
    if (!(x.hash & 1u)) uncommon_l.push_back(lo->pos);
  }
  std::sort(uncommon_l.begin(), uncommon_l.end());
  const int shared_from = uncommon_l.size() >= 2 ? uncommon_l[1] : uncommon_l.empty() ? first_l : uncommon_l[0];
  e.short_words = s.words;
  e.long_words = l.words;
  if (first_s >= 0) {
    e.long_from = static_cast<std::uint32_t>(std::max(0, shared_from));
    e.span_own_short = slot_side(s, first_s, last_s + 3, long_values).own_kinds;
    e.span_own_long = slot_side(l, first_l, last_l + 3, short_values).own_kinds;
    e.span = s.words > 2 ? static_cast<float>(last_s + 3 - first_s) / static_cast<float>(s.words) : 0;
  }
  e.matched = static_cast<std::uint16_t>(std::min<std::size_t>(c.matched, UINT16_MAX));
  e.containment = c.unique ? static_cast<float>(c.matched) / static_cast<float>(c.unique) : 0;
  e.weighted = c.weighted();
  return e;
}

bool is_copy(const CopyEvidence& e) {
  if (e.exact) return true;
  if (!e.close_in_time || e.conflicts > 0) return false;
  // A text well under the other's length is a copy of its opening (the paragraphs a paper keeps
  // when it cuts), not of a passage further on: that is a roundup or a page of several releases
  // quoting it, which would otherwise tie every report it quotes into one cluster.
  if (5 * e.short_words < 3 * e.long_words && e.long_from > std::max<std::uint32_t>(kLeadWords, e.long_words / 10))
    return false;
  return e.weighted >= kMinWeighted;
}

}  // namespace rasd
