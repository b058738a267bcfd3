// Prints "ISO2<TAB>English<TAB>Arabic" for every ISO 3166 country from ICU's CLDR display names.
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <iostream>
#include <string>
int main() {
  const char* const* c = icu::Locale::getISOCountries();
  icu::Locale ar("ar"), en("en");
  for (; *c; ++c) {
    icu::UnicodeString a, e; std::string sa, se;
    icu::Locale l("", *c);
    l.getDisplayCountry(ar, a); l.getDisplayCountry(en, e);
    a.toUTF8String(sa); e.toUTF8String(se);
    std::cout << *c << '\t' << se << '\t' << sa << '\n';
  }
}
