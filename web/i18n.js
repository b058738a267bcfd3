// Interface strings in Arabic (the default) and English; the page never shows raw keys.
const STRINGS = {
  ar: {
    search: 'بحث', searchPlaceholder: 'ابحث في التقارير…', syntaxHelp: 'صيغة البحث',
    filters: 'المرشحات', pages: 'الصفحات', otherLang: 'English',
    country: 'الدولة', org: 'المنظمة', person: 'الشخص', place: 'المكان', source: 'المصدر',
    modelFound: (p) => `تعرّف آلي، ثقة ${Math.round(p * 100).toLocaleString('ar')}٪`,
    dates: 'التاريخ', from: 'من', to: 'إلى',
    results: (n, exact) => `${exact ? '' : 'حوالي '}${n.toLocaleString('ar')} نتيجة`,
    noResults: 'لا نتائج. جرّب كلمات أخرى أو أزل بعض المرشحات.',
    partial: (shards) => `نتائج ناقصة: لم تُجب أجزاء من الفهرس (${shards})، فتقاريرها غير محسوبة.`,
    copies: (n) => `${n.toLocaleString('ar')} نسخ`,
    prev: 'السابق', next: 'التالي', back: '→ العودة إلى النتائج',
    sortRelevance: 'الأكثر صلة', sortDate: 'الأحدث', original: 'المصدر الأصلي',
    entities: 'الكيانات', removeFilter: 'إزالة المرشح', clearDates: 'إزالة نطاق التاريخ',
    histogramHint: 'انقر على شهر أو اسحب لتحديد فترة',
    error: 'تعذّر إكمال الطلب: ', loading: 'جارٍ البحث…', published: 'نُشر',
    help: [
      ['كلمتان', 'كل الكلمات مطلوبة'],
      ['"عبارة كاملة"', 'عبارة بالترتيب'],
      ['داعش OR القاعدة', 'إحدى الكلمتين'],
      ['-سوريا', 'استبعاد كلمة'],
      ['اغتيا*', 'كلمات تبدأ بـ'],
      ['(أ OR ب) ج', 'تجميع'],
    ],
  },
  en: {
    search: 'Search', searchPlaceholder: 'Search the reports…', syntaxHelp: 'Query syntax',
    filters: 'Filters', pages: 'Pages', otherLang: 'العربية',
    country: 'Country', org: 'Organisation', person: 'Person', place: 'Place', source: 'Source',
    modelFound: (p) => `found by the recognizer, ${Math.round(p * 100)}% sure`,
    dates: 'Date', from: 'from', to: 'to',
    results: (n, exact) => `${exact ? '' : 'about '}${n.toLocaleString('en')} results`,
    noResults: 'No results. Try other words or remove some filters.',
    partial: (shards) => `Partial results: parts of the index did not answer (${shards}); their reports are missing.`,
    copies: (n) => `${n} copies`,
    prev: 'Previous', next: 'Next', back: '← Back to results',
    sortRelevance: 'Most relevant', sortDate: 'Newest', original: 'Original source',
    entities: 'Entities', removeFilter: 'Remove filter', clearDates: 'Clear date range',
    histogramHint: 'Click a month or drag to pick a period',
    error: 'The request failed: ', loading: 'Searching…', published: 'Published',
    help: [
      ['two words', 'all words required'],
      ['"exact phrase"', 'words in order'],
      ['isis OR qaeda', 'either word'],
      ['-syria', 'exclude a word'],
      ['assassin*', 'words starting with'],
      ['(a OR b) c', 'grouping'],
    ],
  },
};

export function strings(lang) {
  return STRINGS[lang] || STRINGS.ar;
}

/** Fills every data-i18n* attribute under `root` and sets the page direction. */
export function applyLanguage(root, lang) {
  const t = strings(lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'ar';
  document.documentElement.dir = lang === 'en' ? 'ltr' : 'rtl';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t[el.dataset.i18n];
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t[el.dataset.i18nPlaceholder];
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t[el.dataset.i18nTitle];
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t[el.dataset.i18nAriaLabel]);
}

/** The label of an entity or facet value in the interface language. */
export function label(value, lang) {
  if (lang === 'en') return value.label_en || value.label_ar || value.id;
  return value.label_ar || value.label_en || value.id;
}
