<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>DuplicateScan</name>
    <message>
        <source>Looking for duplicates…</source>
        <translation>جارٍ البحث عن التكرارات…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop looking for duplicates (Matching › Find duplicates does it later)</source>
        <translation>إيقاف البحث عن التكرارات (يمكن إجراؤه لاحقًا من المطابقة › البحث عن التكرارات)</translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate pair(s) to review in Matching (Ctrl+7).</source>
        <translation>
            <numerusform>%n زوج محتمل من التكرارات للمراجعة في المطابقة (Ctrl+7).</numerusform>
            <numerusform>زوج واحد محتمل من التكرارات للمراجعة في المطابقة (Ctrl+7).</numerusform>
            <numerusform>زوجان محتملان من التكرارات للمراجعة في المطابقة (Ctrl+7).</numerusform>
            <numerusform>%n أزواج محتملة من التكرارات للمراجعة في المطابقة (Ctrl+7).</numerusform>
            <numerusform>%n زوجًا محتملًا من التكرارات للمراجعة في المطابقة (Ctrl+7).</numerusform>
            <numerusform>%n زوج محتمل من التكرارات للمراجعة في المطابقة (Ctrl+7).</numerusform>
        </translation>
    </message>
    <message>
        <source>The duplicate search stopped: %1</source>
        <translation>توقف البحث عن التكرارات: %1</translation>
    </message>
</context>
<context>
    <name>EntryWarning</name>
    <message>
        <source>Possible duplicate: the household of %1, registered %2 (%3 % alike): %4</source>
        <translation>تكرار محتمل: أسرة %1، المسجلة في %2 (تشابه %3 %): %4</translation>
    </message>
    <message>
        <source>%1 may already be registered as %2 in the household of %3 (%4 % alike): %5</source>
        <translation>قد يكون %1 مسجلاً من قبل باسم %2 في أسرة %3 (تشابه %4 %): %5</translation>
    </message>
</context>
<context>
    <name>MatchingPage</name>
    <message>
        <source>Duplicates</source>
        <translation>التكرارات</translation>
    </message>
    <message>
        <source>Tracing</source>
        <translation>البحث عن المفقودين</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>given name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>father&apos;s name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <source>grandfather&apos;s name</source>
        <translation>اسم الجد</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>الكنية</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>birth year</source>
        <translation>سنة الولادة</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>مكان الأصل</translation>
    </message>
    <message>
        <source>household members</source>
        <translation>أفراد الأسرة</translation>
    </message>
    <message>
        <source>same</source>
        <translation>متطابق</translation>
    </message>
    <message>
        <source>same but spelt differently</source>
        <translation>متطابق بتهجئة مختلفة</translation>
    </message>
    <message>
        <source>same in the other script</source>
        <translation>متطابق بالحرف الآخر</translation>
    </message>
    <message>
        <source>nearly the same</source>
        <translation>متقارب جداً</translation>
    </message>
    <message>
        <source>same date</source>
        <translation>التاريخ نفسه</translation>
    </message>
    <message>
        <source>same year</source>
        <translation>السنة نفسها</translation>
    </message>
    <message>
        <source>a year apart</source>
        <translation>بفارق سنة</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>مشتركون</translation>
    </message>
    <message>
        <source>one shared</source>
        <translation>واحد مشترك</translation>
    </message>
    <message>
        <source>different</source>
        <translation>مختلف</translation>
    </message>
    <message>
        <source>far apart</source>
        <translation>متباعدة كثيراً</translation>
    </message>
    <message>
        <source>years apart</source>
        <translation>بفارق سنوات</translation>
    </message>
    <message>
        <source>a few years apart</source>
        <translation>بفارق بضع سنوات</translation>
    </message>
    <message>
        <source>another district</source>
        <translation>منطقة أخرى</translation>
    </message>
    <message>
        <source>none shared</source>
        <translation>لا أحد مشترك</translation>
    </message>
    <message>
        <source>but: %1</source>
        <translation>لكن: %1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report a missing member</source>
        <translation>الإبلاغ عن فرد مفقود</translation>
    </message>
    <message>
        <source>Head of household&apos;s name</source>
        <translation>اسم رب الأسرة</translation>
    </message>
    <message>
        <source>child</source>
        <translation>ابن/ابنة</translation>
    </message>
    <message>
        <source>spouse</source>
        <translation>زوج/زوجة</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>أب/أم</translation>
    </message>
    <message>
        <source>sibling</source>
        <translation>أخ/أخت</translation>
    </message>
    <message>
        <source>grandchild</source>
        <translation>حفيد/حفيدة</translation>
    </message>
    <message>
        <source>other relative</source>
        <translation>قريب آخر</translation>
    </message>
    <message>
        <source>female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <source>male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>الأسرة</translation>
    </message>
    <message>
        <source>Name (Arabic)</source>
        <translation>الاسم (بالعربية)</translation>
    </message>
    <message>
        <source>Name (Latin)</source>
        <translation>الاسم (بالأحرف اللاتينية)</translation>
    </message>
    <message>
        <source>Relationship to the head</source>
        <translation>صلة القرابة برب الأسرة</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Last seen where</source>
        <translation>مكان آخر مشاهدة</translation>
    </message>
    <message>
        <source>Last seen on</source>
        <translation>تاريخ آخر مشاهدة</translation>
    </message>
    <message>
        <source>Find the household first: type its head&apos;s name.</source>
        <translation>ابحث عن الأسرة أولاً: اكتب اسم رب الأسرة.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Households</source>
        <translation>الأسر</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>الأفراد</translation>
    </message>
    <message>
        <source>Find duplicates</source>
        <translation>البحث عن التكرارات</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>السجلات:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Record A</source>
        <translation>السجل أ</translation>
    </message>
    <message>
        <source>Record B</source>
        <translation>السجل ب</translation>
    </message>
    <message>
        <source>&amp;Same</source>
        <translation>&amp;الشخص نفسه</translation>
    </message>
    <message>
        <source>&amp;Not the same</source>
        <translation>&amp;ليس الشخص نفسه</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;لاحقاً</translation>
    </message>
    <message>
        <source>%1 % alike</source>
        <translation>تشابه %1 %</translation>
    </message>
    <message>
        <source>later</source>
        <translation>لاحقاً</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) to review</source>
        <translation>
            <numerusform>%n زوج للمراجعة</numerusform>
            <numerusform>زوج واحد للمراجعة</numerusform>
            <numerusform>زوجان للمراجعة</numerusform>
            <numerusform>%n أزواج للمراجعة</numerusform>
            <numerusform>%n زوجاً للمراجعة</numerusform>
            <numerusform>%n زوج للمراجعة</numerusform>
        </translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>السبب: %1</translation>
    </message>
    <message>
        <source>Given name (Arabic)</source>
        <translation>الاسم (بالعربية)</translation>
    </message>
    <message>
        <source>Father&apos;s name (Arabic)</source>
        <translation>اسم الأب (بالعربية)</translation>
    </message>
    <message>
        <source>Grandfather&apos;s name (Arabic)</source>
        <translation>اسم الجد (بالعربية)</translation>
    </message>
    <message>
        <source>Family name (Arabic)</source>
        <translation>الكنية (بالعربية)</translation>
    </message>
    <message>
        <source>Given name (Latin)</source>
        <translation>الاسم (بالأحرف اللاتينية)</translation>
    </message>
    <message>
        <source>Father&apos;s name (Latin)</source>
        <translation>اسم الأب (بالأحرف اللاتينية)</translation>
    </message>
    <message>
        <source>Grandfather&apos;s name (Latin)</source>
        <translation>اسم الجد (بالأحرف اللاتينية)</translation>
    </message>
    <message>
        <source>Family name (Latin)</source>
        <translation>الكنية (بالأحرف اللاتينية)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاريخ الولادة</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>صلة القرابة</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>مكان الأصل</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <source>Household of</source>
        <translation>أسرة</translation>
    </message>
    <message>
        <source>Head (Arabic)</source>
        <translation>رب الأسرة (بالعربية)</translation>
    </message>
    <message>
        <source>Head (Latin)</source>
        <translation>رب الأسرة (بالأحرف اللاتينية)</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>القرية</translation>
    </message>
    <message>
        <source>Now in</source>
        <translation>المكان الحالي</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <source>People</source>
        <translation>عدد الأشخاص</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>الأفراد</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>جارٍ البحث عن التكرارات…</translation>
    </message>
</context>
<context>
    <name>TracingPage</name>
    <message>
        <source>Reported missing / candidate</source>
        <translation>المُبلَّغ عن فقده / المرشح</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Last seen / household</source>
        <translation>آخر مرة شوهد / الأسرة</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>درجة التشابه</translation>
    </message>
    <message>
        <source>Report a &amp;missing member…</source>
        <translation>الإبلاغ عن فرد &amp;مفقود…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تحديث</translation>
    </message>
    <message>
        <source>&amp;Confirm this link</source>
        <translation>&amp;تأكيد هذا الربط</translation>
    </message>
    <message>
        <source>Members that households reported missing or separated, and the people registered elsewhere who may be them.</source>
        <translation>أفراد أبلغت أسرهم عن فقدهم أو انفصالهم، والأشخاص المسجلون في مكان آخر الذين قد يكونون هم.</translation>
    </message>
    <message>
        <source>child</source>
        <translation>ابن/ابنة</translation>
    </message>
    <message>
        <source>spouse</source>
        <translation>زوج/زوجة</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>أب/أم</translation>
    </message>
    <message>
        <source>sibling</source>
        <translation>أخ/أخت</translation>
    </message>
    <message>
        <source>grandchild</source>
        <translation>حفيد/حفيدة</translation>
    </message>
    <message>
        <source>other relative</source>
        <translation>قريب آخر</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 %3)</translation>
    </message>
    <message>
        <source>separated child</source>
        <translation>طفل منفصل عن ذويه</translation>
    </message>
    <message>
        <source>household of %1</source>
        <translation>أسرة %1</translation>
    </message>
    <message>
        <source>no candidate yet</source>
        <translation>لا يوجد مرشح بعد</translation>
    </message>
    <message numerus="yes">
        <source>%n open report(s)</source>
        <translation>
            <numerusform>%n بلاغ مفتوح</numerusform>
            <numerusform>بلاغ واحد مفتوح</numerusform>
            <numerusform>بلاغان مفتوحان</numerusform>
            <numerusform>%n بلاغات مفتوحة</numerusform>
            <numerusform>%n بلاغاً مفتوحاً</numerusform>
            <numerusform>%n بلاغ مفتوح</numerusform>
        </translation>
    </message>
</context>
</TS>
