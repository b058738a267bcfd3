// Date extraction (ARABIC.md §4): month names of the three Gregorian naming systems and their
// paired forms, Hijri dates with هـ, numeric and ISO dates, "عام 2018", "في 1987", Hijri years
// ("عام 1325 هـ"), and relative forms that
// resolve against the publication date only when it is known.
#include "analyzers/dates/dates.h"

#include <charconv>
#include <cstdio>

#include "analyzers/dates/date_words.h"
#include "analyzers/name_forms.h"
#include "analyzers/utf8.h"

namespace rasd {
namespace {

constexpr int kMinYear = 1900, kMaxYear = 2100;          // Gregorian years a bare number may be
constexpr int kMinHijriYear = 1300, kMaxHijriYear = 1600;
constexpr std::string_view kHehUtf8 = "\u0647";          // هـ after a Hijri year, once normalised
constexpr std::string_view kFromUtf8 = "\u0645\u0646";    // من: شهر أيلول من عام 2019

/// A calendar day, or a month or a year when the finer parts are 0.
struct Ymd {
  int y = 0, m = 0, d = 0;
};

/// What every step reads.
struct Scan {
  const DateWords& words;
  std::string_view text;
  const std::vector<Token>& tokens;
  std::optional<Ymd> published;
  const ProcliticForms* forms = nullptr;  // of the token the scan stands on, when computed

  /// A phrase of `index` at token i, reusing the forms computed for it.
  std::optional<PhraseHit> phrase(const PhraseIndex& index, std::size_t i, std::size_t current) const {
    return forms && i == current ? phrase_at(index, text, tokens, i, *forms) : phrase_at(index, text, tokens, i);
  }

  std::string_view gap(std::size_t a) const { return text.substr(tokens[a].end, tokens[a + 1].start - tokens[a].end); }
  bool joined(std::size_t a) const { return a + 1 < tokens.size() && name_gap(gap(a)); }
  /// Two month names of a pair (كانون الأول/ديسمبر, يوليو/ تموز) sit around a slash.
  bool slashed(std::size_t a) const {
    if (a + 1 >= tokens.size()) return false;
    const std::string_view g = gap(a);
    return g.find('/') != std::string_view::npos && g.size() <= 4;
  }
};

std::optional<int> number(std::string_view s) {
  int v = 0;
  if (s.empty() || s.size() > 4) return std::nullopt;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

int days_in_month(int y, int m) {
  return static_cast<int>(days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - days_from_civil(y, m, 1));
}

bool valid(const Ymd& v) {
  if (v.y < kMinYear || v.y > kMaxYear) return false;
  if (v.m == 0) return v.d == 0;
  return v.m >= 1 && v.m <= 12 && v.d >= 0 && v.d <= days_in_month(v.y, v.m);
}

std::optional<Ymd> parse_published(const std::optional<std::string>& s) {
  if (!s || s->size() != 10 || (*s)[4] != '-' || (*s)[7] != '-') return std::nullopt;
  const auto y = number(s->substr(0, 4)), m = number(s->substr(5, 2)), d = number(s->substr(8, 2));
  if (!y || !m || !d || *d == 0) return std::nullopt;
  const Ymd v{*y, *m, *d};
  return valid(v) ? std::optional<Ymd>(v) : std::nullopt;
}

DateMention mention(const Scan& s, std::size_t first, std::size_t last, const Ymd& v) {
  DateMention out;
  char buf[16];
  if (v.d) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
    out.precision = DatePrecision::Day;
  } else if (v.m) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", v.y, v.m);
    out.precision = DatePrecision::Month;
  } else {
    std::snprintf(buf, sizeof buf, "%04d", v.y);
    out.precision = DatePrecision::Year;
  }
  out.value = buf;
  out.start = s.tokens[first].start;
  out.end = s.tokens[last].end;
  return out;
}

/// The separator of a numeric date's gap: '-' or '/', alone or with a space either side
/// (26 / 4 / 1948); 0 for any other gap.
char numeric_separator(std::string_view gap) {
  if (gap.size() > 3) return 0;
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  return gap == "-" || gap == "/" ? gap.front() : 0;
}

/// 2019-02-14, 14/02/2019, 14.02.2019, 26 / 4 / 1948 (day first, as Arabic text writes it).
std::optional<DateMention> numeric_date(const Scan& s, std::size_t i, std::size_t& last) {
  std::string_view parts[3];
  const std::string& t = s.tokens[i].norm;
  const std::size_t dot1 = t.find('.'), dot2 = dot1 == std::string::npos ? dot1 : t.find('.', dot1 + 1);
  if (dot2 != std::string::npos && t.find('.', dot2 + 1) == std::string::npos) {
    parts[0] = std::string_view(t).substr(0, dot1);
    parts[1] = std::string_view(t).substr(dot1 + 1, dot2 - dot1 - 1);
    parts[2] = std::string_view(t).substr(dot2 + 1);
    last = i;
  } else if (i + 2 < s.tokens.size() && numeric_separator(s.gap(i)) && numeric_separator(s.gap(i)) == numeric_separator(s.gap(i + 1))) {
    for (int k = 0; k < 3; ++k) parts[k] = s.tokens[i + k].norm;
    last = i + 2;
  } else {
    return std::nullopt;
  }
  const auto a = number(parts[0]), b = number(parts[1]), c = number(parts[2]);
  if (!a || !b || !c) return std::nullopt;
  Ymd v = parts[0].size() == 4 ? Ymd{*a, *b, *c} : parts[2].size() == 4 ? Ymd{*c, *b, *a} : Ymd{};
  if (v.d == 0 || !valid(v)) return std::nullopt;
  return mention(s, i, last, v);
}

/// The year after a month name: 2020, or 1445 هـ / 1445هـ for Hijri months.
std::optional<int> year_after(const Scan& s, std::size_t& last, bool hijri) {
  std::size_t k = last + 1;
  for (int skipped = 0; k < s.tokens.size() && skipped < 3 && s.joined(k - 1); ++skipped, ++k) {
    const std::string& w = s.tokens[k].norm;
    if (!(s.words.past.count(w) || s.words.next.count(w) || s.words.year_cue.count(w) || w == kFromUtf8)) break;
  }
  if (k >= s.tokens.size() || !s.joined(k - 1)) return std::nullopt;
  std::string_view w = s.tokens[k].norm;
  const bool era_suffix = hijri && w.size() > kHehUtf8.size() && w.substr(w.size() - kHehUtf8.size()) == kHehUtf8;
  if (era_suffix) w.remove_suffix(kHehUtf8.size());
  const auto y = number(w);
  if (!y) return std::nullopt;
  if (!hijri) {
    if (*y < kMinYear || *y > kMaxYear) return std::nullopt;
    last = k;
    return y;
  }
  if (*y < kMinHijriYear || *y > kMaxHijriYear) return std::nullopt;
  if (!era_suffix) {
    if (k + 1 >= s.tokens.size() || !s.joined(k) || !s.words.era.count(s.tokens[k + 1].norm)) return std::nullopt;
    ++k;
  }
  last = k;
  return y;
}

/// A word before a month named alone that makes it a date (في شهر مايو, نهاية مارس).
bool month_cue_before(const Scan& s, std::size_t first) {
  if (first == 0 || !s.joined(first - 1)) return false;
  const ProcliticForms prev(s.tokens[first - 1].norm);
  for (std::size_t f = 0; f < prev.size(); ++f)
    if (s.words.month_cue.count(prev[f])) return true;
  return false;
}

/// [day] month[/month] [year]: 14 فبراير 2019, كانون الأول/ديسمبر 2020, 3 رمضان 1445 هـ.
std::optional<DateMention> month_date(const Scan& s, std::size_t i, std::size_t& last) {
  std::size_t first = i, at = i;
  int day = 0;
  if (const auto d = number(s.tokens[i].norm); d && *d >= 1 && *d <= 31 && s.joined(i)) {
    day = *d;
    at = i + 1;
  }
  bool hijri = false;
  std::optional<PhraseHit> m = s.phrase(s.words.months, at, i);
  if (!m) {
    m = s.phrase(s.words.hijri, at, i);
    hijri = m.has_value();
  }
  if (!m) return std::nullopt;
  last = m->last;
  if (!hijri && s.slashed(last)) {  // the paired spelling of the same month
    const std::optional<PhraseHit> pair = phrase_at(s.words.months, s.text, s.tokens, last + 1);
    if (pair && pair->phrase->value == m->phrase->value) last = pair->last;
  }
  const int month = m->phrase->value;
  std::optional<int> year = year_after(s, last, hijri);
  if (hijri) {
    int gy = 0, gm = 0, gd = 0;
    if (!year || !hijri_to_gregorian(*year, month, day ? day : 1, gy, gm, gd)) return std::nullopt;
    return mention(s, first, last, Ymd{gy, gm, day ? gd : 0});
  }
  if (!year) {  // no year written: the publication year, or the one before for a later month
    if (!s.published) return std::nullopt;
    const bool paired = last > m->last;
    if (!day && !paired && !month_cue_before(s, first)) return std::nullopt;  // تيريزا ماي
    year = s.published->y - (month > s.published->m + 1 ? 1 : 0);
  }
  const Ymd v{*year, month, day};
  if (!valid(v)) return std::nullopt;
  return mention(s, first, last, v);
}

/// The Gregorian year of the Hijri year `hy` written at token k (its era mark joined, 1325هـ,
/// or the next word, 1325 هـ): the year that holds the Hijri year's middle (1 Rajab), since a
/// Hijri year of 354 days straddles two. `last` moves to the era mark.
std::optional<int> hijri_year_at(const Scan& s, std::size_t k, std::size_t& last) {
  std::string_view w = s.tokens[k].norm;
  const bool era_suffix = w.size() > kHehUtf8.size() && w.substr(w.size() - kHehUtf8.size()) == kHehUtf8;
  if (era_suffix) w.remove_suffix(kHehUtf8.size());
  const auto y = number(w);
  if (!y || *y < kMinHijriYear || *y > kMaxHijriYear) return std::nullopt;
  std::size_t end = k;
  if (!era_suffix) {
    if (k + 1 >= s.tokens.size() || !s.joined(k) || !s.words.era.count(s.tokens[k + 1].norm)) return std::nullopt;
    end = k + 1;
  }
  constexpr int kRajab = 7;
  int gy = 0, gm = 0, gd = 0;
  if (!hijri_to_gregorian(*y, kRajab, 1, gy, gm, gd)) return std::nullopt;
  last = end;
  return gy;
}

/// عام 2018, العام 2018, لعام 2018, سنة 2019; a Hijri year with its era mark (عام 1325 هـ).
std::optional<DateMention> year_date(const Scan& s, std::size_t i, std::size_t& last) {
  if (!s.forms) return std::nullopt;
  const ProcliticForms& forms = *s.forms;
  bool cue = false;
  for (std::size_t f = 0; f < forms.size() && !cue; ++f) cue = s.words.year_cue.count(forms[f]) > 0;
  if (!cue || !s.joined(i)) return std::nullopt;
  if (const auto hy = hijri_year_at(s, i + 1, last)) return mention(s, i, last, Ymd{*hy, 0, 0});
  const auto y = number(s.tokens[i + 1].norm);
  if (!y || *y < kMinYear || *y > kMaxYear) return std::nullopt;
  last = i + 1;
  return mention(s, i, last, Ymd{*y, 0, 0});
}

/// A four-digit year right after a preposition (في 1987, منذ 2011): the preposition is part of
/// the date. Found from the number, since في is far too frequent to open every date look-up;
/// `first` moves to the preposition.
std::optional<DateMention> year_after_preposition(const Scan& s, std::size_t i, std::size_t& first) {
  const std::string& w = s.tokens[i].norm;
  if (i == 0 || w.size() != 4 || !s.joined(i - 1) || !s.words.year_preposition.count(s.tokens[i - 1].norm))
    return std::nullopt;
  const auto y = number(w);
  if (!y || *y < kMinYear || *y > kMaxYear) return std::nullopt;
  // في 2000 قرية: a number followed by a counted word is no year; a year ends the phrase or
  // comes before punctuation, a month-less cue word or a stop word
  if (i + 1 < s.tokens.size() && s.joined(i) && !s.tokens[i + 1].stop) return std::nullopt;
  first = i - 1;
  return mention(s, first, i, Ymd{*y, 0, 0});
}

Ymd shift(const Ymd& p, char unit, int offset) {
  int y = p.y, m = p.m, d = p.d;
  switch (unit) {
    case 'd': civil_from_days(days_from_civil(p.y, p.m, p.d) + offset, y, m, d); return {y, m, d};
    case 'w': civil_from_days(days_from_civil(p.y, p.m, p.d) + 7L * offset, y, m, d); return {y, m, 0};
    case 'm': {
      const int months = p.y * 12 + (p.m - 1) + offset;
      return {months / 12, months % 12 + 1, 0};
    }
    default: return {p.y + offset, 0, 0};
  }
}

int iso_weekday(const Ymd& v) {
  const long days = days_from_civil(v.y, v.m, v.d);
  return static_cast<int>(((days % 7) + 7 + 3) % 7 + 1);  // 1970-01-01 was a Thursday
}

/// أمس (الثلاثاء), الأسبوع الماضي, الشهر الجاري, الخميس الماضي, اليوم الأحد.
std::optional<DateMention> relative_date(const Scan& s, std::size_t i, std::size_t& last) {
  if (!s.published) return std::nullopt;
  const Ymd& p = *s.published;
  if (const auto r = s.phrase(s.words.relative, i, i)) {
    last = r->last;
    if (r->phrase->unit == 'd' && s.joined(last) && phrase_at(s.words.weekdays, s.text, s.tokens, last + 1))
      last = phrase_at(s.words.weekdays, s.text, s.tokens, last + 1)->last;  // أمس الثلاثاء
    return mention(s, i, last, shift(p, r->phrase->unit, r->phrase->value));
  }
  const bool today = s.words.today.count(s.tokens[i].norm) > 0;
  const std::size_t at = today && s.joined(i) ? i + 1 : i;
  const auto wd = s.phrase(s.words.weekdays, at, i);
  if (!wd) return std::nullopt;
  last = wd->last;
  if (today) return mention(s, i, last, p);
  if (!s.joined(last)) return std::nullopt;
  const std::string& after = s.tokens[last + 1].norm;
  const int gap = wd->phrase->value - iso_weekday(p);
  int offset = 0;
  if (s.words.past.count(after)) {
    offset = gap < 0 ? gap : gap - 7;
  } else if (s.words.next.count(after)) {
    offset = gap > 0 ? gap : gap + 7;
  } else {
    return std::nullopt;  // a weekday alone may be before or after publication
  }
  last += 1;
  return mention(s, i, last, shift(p, 'd', offset));
}

}  // namespace

DateExtractor::DateExtractor() : words_(std::make_unique<const DateWords>(DateWords::load())) {}
DateExtractor::~DateExtractor() = default;

std::vector<DateMention> DateExtractor::extract(std::string_view text, const std::vector<Token>& tokens,
                                                const std::optional<std::string>& published) const {
  Scan s{*words_, text, tokens, parse_published(published)};
  std::vector<DateMention> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].norm;
    const bool digit = !w.empty() && w.front() >= '0' && w.front() <= '9';
    if (!digit && !words_->starts.may_contain_forms_of(w)) continue;  // most words start no date
    const ProcliticForms forms(w);
    s.forms = &forms;
    std::size_t last = i;
    std::optional<DateMention> d = numeric_date(s, i, last);
    if (!d && digit && i > 0 && (out.empty() || out.back().end <= tokens[i - 1].start)) {
      std::size_t first = i;  // the preposition before it belongs to no earlier date
      d = year_after_preposition(s, i, first);
    }
    if (!d) d = month_date(s, i, last);
    if (!d) d = year_date(s, i, last);
    if (!d) d = relative_date(s, i, last);
    if (!d) continue;
    out.push_back(std::move(*d));
    i = last;
  }
  return out;
}

}  // namespace rasd
