#include "analyzers/dates/date_words.h"

#include <memory>

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include "analyzers/dates/dates.h"
#include "analyzers/embedded.h"
#include "error/error.h"
#include "analyzers/name_forms.h"
#include "analyzers/normalizer.h"
#include "analyzers/tokenizer.h"

namespace rasd {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const std::size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

}  // namespace

DateWords DateWords::load() {
  DateWords w;
  const Normalizer normalizer;
  const Tokenizer tokenizer;
  std::size_t line_no = 0;
  for (std::string_view line : split(embedded_file("date_words.tsv"), '\n')) {
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> f = split(line, '\t');
    if (f.size() != 3) throw Error("analyzers/data/date_words.tsv:" + std::to_string(line_no) + ": expected 3 fields");
    const std::string kind(f[0]);
    DatePhrase base;
    if (kind == "relative") {  // unit:offset
      base.unit = f[1].front();
      base.value = std::stoi(std::string(f[1].substr(f[1].find(':') + 1)));
    } else if (f[1] != "-") {
      base.value = std::stoi(std::string(f[1]));
    }
    for (std::string_view phrase : split(f[2], '|')) {
      DatePhrase p = base;
      for (Token& t : tokenizer.tokenize(normalizer.normalize(phrase))) p.words.push_back(std::move(t.norm));
      if (p.words.empty()) continue;
      // era, past, next and month_cue words only ever follow or precede a date's first word:
      // kept out of the filter, the common ones (في, بعد, خلال) skip the look-ups.
      if (kind != "era" && kind != "past" && kind != "next" && kind != "month_cue" && kind != "year_preposition")
        w.starts.add_with_lam_forms(p.words.front());
      PhraseIndex* index = kind == "month" ? &w.months : kind == "hijri" ? &w.hijri
                         : kind == "relative" ? &w.relative : kind == "weekday" ? &w.weekdays : nullptr;
      if (index) {
        index->add(std::move(p));
        continue;
      }
      DateWordSet* set = kind == "era" ? &w.era : kind == "year_cue" ? &w.year_cue
                   : kind == "year_preposition" ? &w.year_preposition : kind == "past" ? &w.past
                   : kind == "next" ? &w.next : kind == "month_cue" ? &w.month_cue : &w.today;
      set->insert(p.words.front());
    }
  }
  return w;
}

std::optional<PhraseHit> phrase_at(const PhraseIndex& index, std::string_view text, const std::vector<Token>& tokens,
                                   std::size_t i) {
  const ProcliticForms forms(tokens[i].norm);
  return phrase_at(index, text, tokens, i, forms);
}

std::optional<PhraseHit> phrase_at(const PhraseIndex& index, std::string_view text, const std::vector<Token>& tokens,
                                   std::size_t i, const ProcliticForms& forms) {
  std::optional<PhraseHit> best;
  for (std::size_t f = 0; f < forms.size(); ++f) {
    const std::vector<DatePhrase>* phrases = index.find(forms[f]);
    if (!phrases) continue;
    for (const DatePhrase& p : *phrases) {
      if (i + p.words.size() > tokens.size()) continue;
      bool ok = true;
      for (std::size_t k = 1; k < p.words.size() && ok; ++k) {
        const std::string_view gap = text.substr(tokens[i + k - 1].end, tokens[i + k].start - tokens[i + k - 1].end);
        ok = name_gap(gap) && tokens[i + k].norm == p.words[k];
      }
      if (ok && (!best || i + p.words.size() - 1 > best->last)) best = PhraseHit{i + p.words.size() - 1, &p};
    }
    if (best) break;  // the least stripped form that names a phrase wins
  }
  return best;
}

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(long z, int& y, int& m, int& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

bool hijri_to_gregorian(int year, int month, int day, int& gy, int& gm, int& gd) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> hijri(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale("ar@calendar=islamic-umalqura"), status));
  if (U_FAILURE(status)) return false;
  hijri->clear();
  hijri->set(year, month - 1, day);
  const UDate when = hijri->getTime(status);
  if (U_FAILURE(status)) return false;
  icu::GregorianCalendar gregorian(*icu::TimeZone::getGMT(), status);
  if (U_FAILURE(status)) return false;
  gregorian.setTime(when, status);
  gy = gregorian.get(UCAL_YEAR, status);
  gm = gregorian.get(UCAL_MONTH, status) + 1;
  gd = gregorian.get(UCAL_DATE, status);
  return U_SUCCESS(status);
}

}  // namespace rasd
