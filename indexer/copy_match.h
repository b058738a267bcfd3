// Whether two reports are copies of one report: the shorter's shingles contained in the
// longer's (template wording weighing little), published within a fortnight, and agreeing on
// the numbers, dates and entities where their wording differs. A pure function of the two
// signatures, symmetric, so that clusters do not depend on the order documents arrive in.
#pragma once

#include <cstdint>
#include <vector>

#include "indexer/copy_signature.h"

namespace rasd {

/// What a comparison measured.
struct CopyEvidence {
  bool exact = false;        // the same compared words
  bool close_in_time = true;  // published within kCopyWindowDays (or a date unknown)
  float containment = 0;     // share of the shorter's shingles in the longer
  float weighted = 0;        // the same, common shingles weighing kCommonWeight
  std::uint16_t matched = 0;    // shingles of the shorter found in the longer
  std::uint16_t conflicts = 0;  // slots where both texts hold a number, date or entity the other lacks
  std::uint16_t slots = 0;      // slots (a few differing words between shared ones) examined
  std::uint8_t span_own_short = 0;  // kinds (bit per SalientKind) the shorter holds, between its
  std::uint8_t span_own_long = 0;   // first and last shared shingle, that the other text lacks
  float span = 0;                   // share of the shorter between its first and last shared shingle
  std::uint32_t long_from = 0;      // word of the longer where the first shared shingle starts
  std::uint32_t long_words = 0, short_words = 0;
};

/// Copies are published within this many days of each other.
inline constexpr int kCopyWindowDays = 14;
/// The weight of a common shingle against 1 for any other.
inline constexpr float kCommonWeight = 0.0f;

/// A slot the alignment examined, by word positions of the shorter and the longer text.
struct CopySlot {
  int short_from, short_to, long_from, long_to;
  bool conflict;
};

/// `slots`, when given, receives the slots examined (for diagnosis: bench/copy_eval --errors).
CopyEvidence compare_copies(const CopySignature& a, const CopySignature& b, std::vector<CopySlot>* slots = nullptr);

/// The decision on the evidence.
bool is_copy(const CopyEvidence& e);

/// True when is_copy(compare_copies(a, b)) is surely false, found without aligning the texts
/// (most candidates an anchor finds share a phrase, not a report): a cheap test first.
bool surely_not_copies(const CopySignature& a, const CopySignature& b);

}  // namespace rasd
