#!/usr/bin/env python3
"""Generates analyzers/data/countries.tsv and places.tsv from ICU's CLDR country names and
../shared/corpora/gazetteers (mledoze countries, ArWikiCats nisba forms, world cities).
Run once from the repository root; the output is committed. City names that are common words
are dropped with a hand list and with ANERcorp evidence from the first 80 % of the file only
(tuning part; the last 20 % stays unseen). Usage: scripts/gazetteer/gen_gazetteer.py [CORPORA]"""
import csv, json, os, re, subprocess, sys, tempfile
from collections import Counter, defaultdict

CORPORA = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpora'
GAZ = os.path.join(CORPORA, 'gazetteers')
OUT = 'analyzers/data'
HERE = os.path.dirname(os.path.abspath(__file__))

def norm(s):  # a close approximation of rasd's normaliser, for de-duplication only
    s = re.sub('[\u064b-\u065f\u0670\u0640\u200f\u200e]', '', s)
    for a, b in (('أإآٱ', 'ا'), ('ؤئ', 'ء'), ('ى', 'ي'), ('ة', 'ه')):
        s = re.sub('[' + a + ']', b, s)
    return re.sub(r'[\s\-–]+', ' ', s).strip()

def icu_names():
    exe = os.path.join(tempfile.mkdtemp(), 'icu_names')
    flags = subprocess.check_output(['pkg-config', '--cflags', '--libs', 'icu-uc', 'icu-i18n'], text=True).split()
    subprocess.check_call(['g++', '-O1', os.path.join(HERE, 'icu_country_names.cc'), '-o', exe] + flags)
    rows = {}
    for line in subprocess.check_output([exe], text=True).splitlines():
        iso, en, ar = line.split('\t')
        rows[iso] = (en, ar)
    return rows

# Extra names seen in news text. '?' = ambiguous alone (a common word or two places).
ALIASES = {
    'AE': ['الإمارات', 'دولة الإمارات', 'دولة الإمارات العربية المتحدة', 'الإمارات العربية المتحدة'],
    'US': ['أمريكا', 'أميركا', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية', 'الولايات المتحدة'],
    'SA': ['السعودية', 'المملكة العربية السعودية', 'المملكة السعودية'],
    'GB': ['بريطانيا', 'المملكة المتحدة', 'بريطانيا العظمى'],
    'IL': ['إسرائيل', 'دولة إسرائيل', 'الدولة العبرية'],
    'PS': ['فلسطين', 'دولة فلسطين', 'الأراضي الفلسطينية'],
    'EH': ['الصحراء الغربية', 'الصحراء المغربية'],
    'MA': ['المغرب', 'المملكة المغربية'],
    'BH': ['البحرين', 'مملكة البحرين'],
    'SY': ['سوريا', 'سورية', 'الجمهورية العربية السورية'],
    'RU': ['روسيا', 'روسيا الاتحادية'],
    'IR': ['إيران', 'الجمهورية الإسلامية الإيرانية'],
    'CD': ['الكونغو الديمقراطية', 'جمهورية الكونغو الديمقراطية'],
    'CG': ['الكونغو برازافيل'],
    'CZ': ['التشيك', 'جمهورية التشيك'],
    'EG': ['مصر', 'جمهورية مصر العربية'],
    'JO': ['الأردن', 'المملكة الأردنية الهاشمية'],
    'QA': ['قطر', 'دولة قطر'],
    'KW': ['الكويت', 'دولة الكويت'],
    'OM': ['سلطنة عمان', '?عمان'],
    'ML': ['جمهورية مالي', '?مالي'],
    'BJ': ['جمهورية بنين', '?بنين'],
    'TR': ['تركيا'],
    'NL': ['هولندا'],
    'DE': ['ألمانيا'],
    'KP': ['كوريا الشمالية'],
    'KR': ['كوريا الجنوبية'],
    'SD': ['السودان'],
    'SS': ['جنوب السودان'],
    'MR': ['موريتانيا'],
    'LY': ['ليبيا'],
    'IQ': ['العراق'],
    'YE': ['اليمن'],
}
LABELS = {'US': 'الولايات المتحدة', 'AE': 'الإمارات', 'GB': 'المملكة المتحدة', 'CD': 'الكونغو الديمقراطية',
          'CG': 'الكونغو برازافيل', 'SA': 'السعودية', 'MX': 'المكسيك', 'AO': 'أنغولا', 'RS': 'صربيا',
          'UZ': 'أوزبكستان', 'MD': 'مولدوفا', 'OM': 'سلطنة عمان'}
DROP = {norm('الكونغو')}  # names of two countries: ambiguous alone
# Nisba forms that are common words, or that the data joined to the wrong country.
NO_NISBA = {'ML', 'BJ', 'CG', 'CD', 'GN', 'NE'}
EXTRA_NISBA = {'US': ['أميركي'], 'KR': ['كوري جنوبي'], 'KP': ['كوري شمالي'], 'GB': ['بريطاني'], 'EH': ['صحراوي'],
               'SS': ['جنوب سوداني'], 'CD': ['كونغولي'], 'NE': ['نيجري'], 'GN': ['غيني']}
# City names that are common words (or clash with a better-known place) are dropped.
CITY_STOP = set(norm(w) for w in '''المدينة الخبر العيون الجديدة وجدة جدة صور عدن مأرب الداخلة حماة جنين المنصورة قنا
الوادي الزرقاء صافي الحسيمة المحمدية المهدية الرشيدية اليوسفية البيضاء النصر الشارقة العين الرمادي الكوت الحلة
السلام الفلاح الرياض البدر الأمل النور الحرية الوحدة القدس كربلاء سلا الجبل البلد المنيا البصرة البحيرة الفيوم دمنهور
الموصل النجف الطيبة عرابة مدينة القاهرة الجيزة بنها الأقصر أسوان كركوك الباب الرقة حلب إدلب درعا الحسكة القامشلي
باتنة بجاية تيزي وزو سطيف قسنطينة وهران عنابة تلمسان الشلف البليدة المسيلة الوادي غرداية بسكرة الأغواط ورقلة
سوسة صفاقس القيروان بنزرت قابس أريانة المنستير نابل مدنين قفصة القصرين
الدرب الليث بدر الرس طريف تالا بيلا حجة حائل السادات مطروح ملوي المبرز القرين الحوية الطيبة الباجور السادس من أكتوبر ميدينا
بورصة مشهد الكرم الحمامات كتم'''.split()) - set(norm(w) for w in
'''القدس القاهرة الجيزة الأقصر أسوان البصرة الموصل النجف كربلاء كركوك الرقة حلب إدلب درعا الحسكة القامشلي
باتنة بجاية سطيف قسنطينة وهران عنابة تلمسان الشلف البليدة المسيلة غرداية بسكرة الأغواط ورقلة سوسة صفاقس القيروان بنزرت
قابس أريانة المنستير نابل مدنين قفصة القصرين الرياض الشارقة'''.split())
MENA = set('MA DZ TN LY EG SD MR EH PS IL JO LB SY IQ SA YE OM AE QA BH KW IR TR'.split())

def slug(s):
    s = re.sub(r"[^a-z0-9]+", '-', s.lower()).strip('-')
    return s or 'x'

def anercorp_o_words():
    """Words tagged O more often than LOC in the first 80 % of ANERcorp (the tuning part)."""
    path = os.path.join(CORPORA, 'anercorp', 'ANERCorp.txt')
    if not os.path.exists(path):
        return set()
    lines = open(path, encoding='utf-8').read().split('\n')
    lines = lines[:int(len(lines) * 0.8)]
    o, loc = Counter(), Counter()
    for line in lines:
        parts = line.rsplit(' ', 1)
        if len(parts) != 2:
            continue
        w = norm(parts[0])
        (loc if parts[1].endswith('LOC') else o)[w] += 1
    return {w for w in o if o[w] >= 2 and o[w] > loc[w]}

def main():
    icu = icu_names()
    mledoze = {c['cca2']: c for c in json.load(open(os.path.join(GAZ, 'countries', 'countries.json')))}
    nisba = defaultdict(list)
    with open(os.path.join(GAZ, 'countries_nisba_joined.tsv'), encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            if row['male']:
                nisba[row['iso2']].append(row)
    names = {}  # iso -> ordered list of names
    for iso in sorted(set(icu) | set(mledoze)):
        m = mledoze.get(iso)
        cand = []
        if iso in icu:
            cand.append(icu[iso][1])
        if m:
            t = m['translations'].get('ara', {})
            cand += [t.get('common', ''), t.get('official', '')]
            for lang, nat in m['name'].get('native', {}).items():
                if lang == 'ara':  # Kurdish and Persian native names are not Arabic
                    cand += [nat['common'], nat['official']]
        cand += ALIASES.get(iso, [])
        names[iso] = [c for c in dict.fromkeys(x.strip() for x in cand) if c]
    # A plain name shared by two countries (الكونغو) names neither.
    owners = defaultdict(set)
    for iso, ns in names.items():
        for n in ns:
            owners[norm(n.lstrip('?'))].add(iso)
    rows = []
    for iso, ns in names.items():
        m = mledoze.get(iso)
        en = m['name']['common'] if m else icu[iso][0]
        label_ar = LABELS.get(iso) or (m['translations']['ara']['common'] if m else icu[iso][1])
        ambiguous = {norm(n[1:]) for n in ALIASES.get(iso, []) if n.startswith('?')} | DROP
        plain, seen = [], set()
        for n in ns:
            k = norm(n.lstrip('?'))
            if k in seen or len(owners[k]) != 1 and k not in ambiguous:
                continue
            seen.add(k)
            plain.append('?' + n.lstrip('?') if k in ambiguous else n)
        adj = []
        if iso not in NO_NISBA:
            for r in nisba.get(iso, []):
                adj.append('*' + r['male'])
                if r['males'] and norm(r['males']) != norm(r['male'] + 'ون'):
                    adj.append('+' + r['males'])
        adj += ['*' + a for a in EXTRA_NISBA.get(iso, [])]
        rows.append(('country', iso, label_ar, en, iso, '|'.join(plain + list(dict.fromkeys(adj)))))
    with open(os.path.join(OUT, 'countries.tsv'), 'w', encoding='utf-8') as f:
        f.write('# type\tid\tlabel_ar\tlabel_en\tcountry\tnames (see README.md). Generated by scripts/gazetteer/gen_gazetteer.py\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')
    write_places(mledoze, icu, owners)

def write_places(mledoze, icu, country_names):
    by_en = {}
    for iso, m in mledoze.items():
        for n in [m['name']['common'], m['name']['official']] + m['altSpellings']:
            by_en.setdefault(n.lower(), iso)
    for iso, (en, _) in icu.items():
        by_en.setdefault(en.lower(), iso)
    capitals = {c.lower() for m in mledoze.values() for c in m.get('capital', [])}
    o_words = anercorp_o_words()
    hand = set()  # names of the hand-written regions.tsv win over the city list
    for line in open(os.path.join(OUT, 'regions.tsv'), encoding='utf-8'):
        if not line.startswith('#') and line.strip():
            f = line.rstrip('\n').split('\t')
            hand |= {norm(f[2])} | {norm(n.lstrip('?')) for n in f[5].split('|')}
    cities = defaultdict(list)  # normalised Arabic name -> [(pop, iso, ar, en)]
    with open(os.path.join(GAZ, 'cities', 'world-cities.csv'), encoding='utf-8-sig') as f:
        for row in csv.DictReader(f):
            iso = by_en.get(row['CountryNameEn'].lower())
            if not iso:
                continue
            ar = re.sub('^(ولاية|إقليم|محافظة|مدينة|منطقة|مركز|مديرية|قسم|عزلة) ', '', row['CityNameAr'].strip())
            if re.search('[A-Za-z،,]|جامعة|مستشفى|مستشفي|كلية|فيروسات|مثلث|ضليع|الشرق الأوسط', ar):
                continue  # a mislabelled row (a university, a hospital, a virus)
            pop = int(row['Population'] or 0)
            if not (pop >= 300000 or (iso in MENA and pop >= 40000) or row['CityNameEn'].lower() in capitals):
                continue
            cities[norm(ar)].append((pop, iso, ar, row['CityNameEn']))
    rows = {}
    for key, options in cities.items():
        options.sort(reverse=True)
        if len({o[1] for o in options}) > 1 and options[1][0] * 10 > options[0][0]:
            continue  # two countries' cities of similar size: no safe choice
        pop, iso, ar, en = options[0]
        if key in CITY_STOP or key in hand or key in country_names or len(key.replace(' ', '')) < 3:
            continue
        if ' ' not in key and (key in o_words or (key.startswith('ال') and key[2:] in o_words)):
            continue
        pid = slug(en) + '-' + iso.lower()
        # '!': a capital or a city of a million people needs no place cue before it (entities.cc)
        known = en.lower() in {c.lower() for c in mledoze[iso].get('capital', [])} or pop >= 1000000
        if pid not in rows:
            rows[pid] = ('place', pid, ar, en, iso, ('!' if known else '') + ar)
    with open(os.path.join(OUT, 'places.tsv'), 'w', encoding='utf-8') as f:
        f.write('# type\tid\tlabel_ar\tlabel_en\tcountry\tnames. Generated by scripts/gazetteer/gen_gazetteer.py\n')
        for pid in sorted(rows):
            f.write('\t'.join(rows[pid]) + '\n')

main()
