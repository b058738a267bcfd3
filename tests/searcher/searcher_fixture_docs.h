// The eight reports of the searcher tests: two near-duplicates, clitics, entities, dates.
#pragma once

#include <vector>

#include "tests/support/fixture_index.h"
#include "tests/support/temp_dir.h"

namespace rasd::test {

inline std::vector<FixtureDoc> searcher_docs() {
  const FixtureEntity iq{'C', "country", "IQ", "العراق", "Iraq"}, ma{'C', "country", "MA", "المغرب", "Morocco"},
      dz{'C', "country", "DZ", "الجزائر", "Algeria"}, lb{'C', "country", "LB", "لبنان", "Lebanon"},
      il{'C', "country", "IL", "إسرائيل", "Israel"}, sy{'C', "country", "SY", "سوريا", "Syria"},
      isis{'O', "org", "isis", "داعش", "ISIS"}, hez{'O', "org", "hezbollah", "حزب الله", "Hezbollah"},
      baghdad{'L', "place", "baghdad", "بغداد", "Baghdad"}, tangier{'L', "place", "tangier", "طنجة", "Tangier"};
  return {
      {"d1", "هجوم انتحاري في بغداد", "قتل عشرة أشخاص في هجوم انتحاري استهدف سوقا في بغداد وتبنى تنظيم داعش الهجوم.",
       "aawsat", "2019-03-10", "c1", {iq, isis, baghdad}},
      {"d2", "هجوم انتحاري في بغداد", "قتل عشرة أشخاص في هجوم انتحاري استهدف سوقا في بغداد وتبنى تنظيم داعش الهجوم.",
       "bbc", "2019-03-11", "c1", {iq, isis, baghdad}},
      {"d3", "غارات على جنوب لبنان", "شنت طائرات تابعة للقوات الإسرائيليه غارات على مواقع لحزب الله في جنوب لبنان.",
       "bbc", "2020-06-01", "", {lb, il, hez}},
      {"d4", "تعاون أمني بين المغرب والجزائر", "اتفق المغرب والجزائر على تعزيز التعاون الأمني لمكافحة الإرهاب على الحدود.",
       "hespress", "2021-11-20", "", {ma, dz}},
      {"d5", "المغرب يفكك خلية", "أعلنت السلطات المغربية تفكيك خلية إرهابية موالية لتنظيم داعش في مدينة طنجة.",
       "hespress", "2021-02-05", "", {ma, isis, tangier}},
      {"d6", "الجزائر تعزز حدودها", "عززت الجزائر انتشار قواتها على الحدود الجنوبية لمواجهة تهريب الأسلحة.", "aps",
       "2018-07-15", "", {dz}},
      {"d7", "معارك في إدلب", "تدور معارك عنيفة في إدلب بين قوات النظام السوري والفصائل المسلحة، وقال مسؤول إن القوات تقدمت.",
       "aljazeera", "2019-12-01", "", {sy}},
      {"d8", "بيان <b>عاجل</b>", "نص البيان: \"التهريب\" <script> & الأسلحة.", "aps", "2018-01-02", "", {dz}},
  };
}

}  // namespace rasd::test
