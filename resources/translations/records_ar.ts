<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CountsEditor</name>
    <message>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
</context>
<context>
    <name>CrossingCountsModel</name>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Crossing point</source>
        <translation>نقطة العبور</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>إناث</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>ذكور</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>المنشأ</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>الوجهة</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>وسيلة النقل</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
</context>
<context>
    <name>CrossingsPage</name>
    <message>
        <source>New informal point…</source>
        <translation>نقطة غير رسمية جديدة…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <source>Crossing point</source>
        <translation>نقطة العبور</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>التاريخ والوقت</translation>
    </message>
    <message>
        <source>People in the group (keys 1–5 female, 6–0 male; Ctrl takes away; Backspace undoes)</source>
        <translation>أفراد المجموعة (المفاتيح 1–5 إناث، 6–0 ذكور؛ Ctrl للإنقاص؛ Backspace للتراجع)</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>المنشأ</translation>
    </message>
    <message>
        <source>Intended destination</source>
        <translation>الوجهة المقصودة</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>وسيلة النقل</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Of whom:</source>
        <translation>منهم:</translation>
    </message>
    <message>
        <source>Save group (Enter)</source>
        <translation>حفظ المجموعة (Enter)</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>إلغاء التعديل</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>حذف السجل</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>حفظ التغييرات</translation>
    </message>
    <message>
        <source>Record corrected.</source>
        <translation>تم تصحيح السجل.</translation>
    </message>
    <message>
        <source>Group saved. Ready for the next one.</source>
        <translation>حُفظت المجموعة. جاهز للمجموعة التالية.</translation>
    </message>
    <message>
        <source>Record deleted.</source>
        <translation>تم حذف السجل.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n مجموعة</numerusform>
            <numerusform>مجموعة واحدة</numerusform>
            <numerusform>مجموعتان</numerusform>
            <numerusform>%n مجموعات</numerusform>
            <numerusform>%n مجموعة</numerusform>
            <numerusform>%n مجموعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n شخص</numerusform>
            <numerusform>شخص واحد</numerusform>
            <numerusform>شخصان</numerusform>
            <numerusform>%n أشخاص</numerusform>
            <numerusform>%n شخصًا</numerusform>
            <numerusform>%n شخص</numerusform>
        </translation>
    </message>
    <message>
        <source>Today: %1, %2 (double-click or Enter to correct)</source>
        <translation>اليوم: %1، %2 (انقر مرتين أو اضغط Enter للتصحيح)</translation>
    </message>
</context>
<context>
    <name>DraftBanner</name>
    <message>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <source>This form was not saved last time (%1). Restore what was typed?</source>
        <translation>لم يُحفظ هذا النموذج في المرة السابقة (%1). هل تريد استعادة ما كُتب؟</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Record history</source>
        <translation>سجل التغييرات</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>متى (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>الفرد</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>التغييرات</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>أُنشئ</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>عُدّل</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>حُذف</translation>
    </message>
    <message>
        <source>Upgraded to full</source>
        <translation>رُقّي إلى تسجيل كامل</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>استُعيد</translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <source>Head&apos;s name (Arabic)</source>
        <translation>اسم رب الأسرة (بالعربية)</translation>
    </message>
    <message>
        <source>Head&apos;s name (Latin)</source>
        <translation>اسم رب الأسرة (بالحروف اللاتينية)</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <source>Origin (place in Syria)</source>
        <translation>المنشأ (مكان في سوريا)</translation>
    </message>
    <message>
        <source>Displaced on</source>
        <translation>تاريخ النزوح</translation>
    </message>
    <message>
        <source>Current location</source>
        <translation>الموقع الحالي</translation>
    </message>
    <message>
        <source>Site or address</source>
        <translation>الموقع أو العنوان</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>المأوى</translation>
    </message>
    <message>
        <source>Intention</source>
        <translation>النية</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Agrees that the data may be shared for assistance</source>
        <translation>يوافق على مشاركة البيانات لتقديم المساعدة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>People by sex and age</source>
        <translation>الأفراد حسب الجنس والعمر</translation>
    </message>
    <message>
        <source>Members (Tab on the last cell adds one; Ctrl+Delete removes)</source>
        <translation>أفراد الأسرة (Tab في الخانة الأخيرة يضيف فرداً؛ Ctrl+Delete يحذف)</translation>
    </message>
    <message>
        <source>Add member (Insert)</source>
        <translation>إضافة فرد (Insert)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأفراد</translation>
    </message>
    <message>
        <source>Movement history</source>
        <translation>سجل التنقلات</translation>
    </message>
    <message>
        <source>Upgrade to full registration</source>
        <translation>الترقية إلى تسجيل كامل</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>السجل…</translation>
    </message>
    <message>
        <source>Household: %1 (%2)</source>
        <translation>الأسرة: %1 (%2)</translation>
    </message>
    <message>
        <source>New full registration</source>
        <translation>تسجيل كامل جديد</translation>
    </message>
    <message>
        <source>New pre-registration</source>
        <translation>تسجيل أولي جديد</translation>
    </message>
    <message>
        <source>Member %1: %2 %3</source>
        <translation>الفرد %1: %2 %3</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>تكرار محتمل</translation>
    </message>
    <message>
        <source>A household with the same head&apos;s name and origin is already registered (%1, registered %2).</source>
        <translation>توجد أسرة مسجلة بنفس اسم رب الأسرة والمنشأ (%1، سُجلت في %2).</translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation>فتح الموجودة</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>الحفظ على أي حال</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>Close without saving? What you typed will be lost.</source>
        <translation>الإغلاق دون حفظ؟ سيضيع ما كتبته.</translation>
    </message>
</context>
<context>
    <name>HouseholdsModel</name>
    <message>
        <source>Head of household</source>
        <translation>رب الأسرة</translation>
    </message>
    <message>
        <source>Name (Latin)</source>
        <translation>الاسم (لاتيني)</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>المنشأ</translation>
    </message>
    <message>
        <source>Current location</source>
        <translation>الموقع الحالي</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>التسجيل</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأفراد</translation>
    </message>
    <message>
        <source>Specific needs</source>
        <translation>احتياجات خاصة</translation>
    </message>
    <message>
        <source>Members listed: %1</source>
        <translation>الأفراد المسجلون: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>%1 separated child(ren)</source>
        <translation>%1 طفل منفصل</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>Search names (Arabic or Latin, any spelling)…  Ctrl+F</source>
        <translation>ابحث بالأسماء (عربي أو لاتيني، بأي تهجئة)…  Ctrl+F</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <source>Any needs</source>
        <translation>كل الاحتياجات</translation>
    </message>
    <message>
        <source>With specific needs</source>
        <translation>مع احتياجات خاصة</translation>
    </message>
    <message>
        <source>Without specific needs</source>
        <translation>دون احتياجات خاصة</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>مسجلة من</translation>
    </message>
    <message>
        <source>to (YYYY-MM-DD)</source>
        <translation>إلى (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>New pre-registration</source>
        <translation>تسجيل أولي جديد</translation>
    </message>
    <message>
        <source>New full registration</source>
        <translation>تسجيل كامل جديد</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Any origin</source>
        <translation>كل مناطق المنشأ</translation>
    </message>
    <message>
        <source>Any current location</source>
        <translation>كل المواقع الحالية</translation>
    </message>
    <message>
        <source>More than %1 households match: type more of the name to narrow the list.</source>
        <translation>أكثر من %1 أسرة تطابق البحث: اكتب المزيد من الاسم لتضييق القائمة.</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>لا أسر (%n)</numerusform>
            <numerusform>أسرة واحدة</numerusform>
            <numerusform>أسرتان</numerusform>
            <numerusform>%n أسر</numerusform>
            <numerusform>%n أسرة</numerusform>
            <numerusform>%n أسرة</numerusform>
        </translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>لم يُحذف</translation>
    </message>
    <message>
        <source>Delete household</source>
        <translation>حذف الأسرة</translation>
    </message>
    <message>
        <source>Delete this household and its members? The record is kept in the history and can be audited, but it leaves every list and report.</source>
        <translation>حذف هذه الأسرة وأفرادها؟ يبقى السجل محفوظاً في السجل التاريخي للتدقيق، لكنه يختفي من كل القوائم والتقارير.</translation>
    </message>
</context>
<context>
    <name>InformalPointDialog</name>
    <message>
        <source>New informal crossing point</source>
        <translation>نقطة عبور غير رسمية جديدة</translation>
    </message>
    <message>
        <source>Name (Arabic)</source>
        <translation>الاسم (بالعربية)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>الاسم (بالإنجليزية)</translation>
    </message>
    <message>
        <source>In the area of</source>
        <translation>في منطقة</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>المنطقة</translation>
    </message>
</context>
<context>
    <name>LocationPicker</name>
    <message>
        <source>Place as told (village, town)</source>
        <translation>المكان كما ذُكر (قرية، بلدة)</translation>
    </message>
    <message>
        <source>Unknown / not in the list</source>
        <translation>غير معروف / غير موجود في القائمة</translation>
    </message>
    <message>
        <source>district</source>
        <translation>قضاء</translation>
    </message>
</context>
<context>
    <name>MembersGrid</name>
    <message>
        <source>No difficulty</source>
        <translation>لا صعوبة</translation>
    </message>
    <message>
        <source>Some difficulty</source>
        <translation>بعض الصعوبة</translation>
    </message>
    <message>
        <source>A lot of difficulty</source>
        <translation>صعوبة كبيرة</translation>
    </message>
    <message>
        <source>Cannot do at all</source>
        <translation>لا يستطيع إطلاقًا</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <source>Given name (Latin)</source>
        <translation>الاسم (لاتيني)</translation>
    </message>
    <message>
        <source>Family name (Latin)</source>
        <translation>العائلة (لاتيني)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Born / age</source>
        <translation>الميلاد / العمر</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>صلة القرابة</translation>
    </message>
    <message>
        <source>Specific needs</source>
        <translation>احتياجات خاصة</translation>
    </message>
    <message>
        <source>Separated</source>
        <translation>منفصل</translation>
    </message>
    <message>
        <source>Unaccompanied</source>
        <translation>غير مصحوب</translation>
    </message>
    <message>
        <source>Washington Group question: type 1 to 4 to choose the answer; blank if not asked</source>
        <translation>سؤال مجموعة واشنطن: اكتب من 1 إلى 4 لاختيار الإجابة؛ اتركه فارغًا إن لم يُسأل</translation>
    </message>
    <message>
        <source>Date of birth (YYYY-MM-DD), year of birth (1980) or age in years (34)</source>
        <translation>تاريخ الميلاد (YYYY-MM-DD) أو سنة الميلاد (1980) أو العمر بالسنوات (34)</translation>
    </message>
    <message>
        <source>UNHCR codes, comma separated: </source>
        <translation>رموز المفوضية، مفصولة بفواصل: </translation>
    </message>
</context>
<context>
    <name>MovementsSection</name>
    <message>
        <source>Movement history</source>
        <translation>سجل التنقلات</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Crossing point</source>
        <translation>نقطة العبور</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Add movement</source>
        <translation>إضافة تنقل</translation>
    </message>
</context>
<context>
    <name>TallyGrid</name>
    <message>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <source>Add one (key %1)</source>
        <translation>إضافة واحد (المفتاح %1)</translation>
    </message>
    <message>
        <source>Take one away (Ctrl+%1)</source>
        <translation>إنقاص واحد (Ctrl+%1)</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Pre-registration</source>
        <translation>تسجيل أولي</translation>
    </message>
    <message>
        <source>Full registration</source>
        <translation>تسجيل كامل</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشطة</translation>
    </message>
    <message>
        <source>Moved on</source>
        <translation>انتقلت</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>عادت</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>مغلقة</translation>
    </message>
    <message>
        <source>Collective shelter</source>
        <translation>مأوى جماعي</translation>
    </message>
    <message>
        <source>Host family</source>
        <translation>عائلة مضيفة</translation>
    </message>
    <message>
        <source>Rented</source>
        <translation>مستأجر</translation>
    </message>
    <message>
        <source>Informal settlement</source>
        <translation>تجمع غير رسمي</translation>
    </message>
    <message>
        <source>Open air</source>
        <translation>في العراء</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>البقاء</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>العودة</translation>
    </message>
    <message>
        <source>Move onward</source>
        <translation>الانتقال إلى مكان آخر</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>لم يقرر</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>رب الأسرة</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>زوج/زوجة</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>ابن/ابنة</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>أب/أم</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>أخ/أخت</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>حفيد/حفيدة</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>قريب آخر</translation>
    </message>
    <message>
        <source>Not related</source>
        <translation>ليس قريباً</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <source>0–4</source>
        <translation>0–4</translation>
    </message>
    <message>
        <source>5–11</source>
        <translation>5–11</translation>
    </message>
    <message>
        <source>12–17</source>
        <translation>12–17</translation>
    </message>
    <message>
        <source>18–59</source>
        <translation>18–59</translation>
    </message>
    <message>
        <source>60+</source>
        <translation>60+</translation>
    </message>
    <message>
        <source>Entering</source>
        <translation>دخول</translation>
    </message>
    <message>
        <source>Leaving</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Official crossing</source>
        <translation>معبر رسمي</translation>
    </message>
    <message>
        <source>Informal crossing</source>
        <translation>معبر غير رسمي</translation>
    </message>
    <message>
        <source>On foot</source>
        <translation>سيراً على الأقدام</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>سيارة</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>حافلة</translation>
    </message>
    <message>
        <source>Truck</source>
        <translation>شاحنة</translation>
    </message>
    <message>
        <source>Motorbike</source>
        <translation>دراجة نارية</translation>
    </message>
    <message>
        <source>Boat</source>
        <translation>قارب</translation>
    </message>
    <message>
        <source>Animal</source>
        <translation>دابة</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>النزاع</translation>
    </message>
    <message>
        <source>Insecurity</source>
        <translation>انعدام الأمن</translation>
    </message>
    <message>
        <source>Family reasons</source>
        <translation>أسباب عائلية</translation>
    </message>
    <message>
        <source>Economic</source>
        <translation>أسباب اقتصادية</translation>
    </message>
    <message>
        <source>Access to services</source>
        <translation>الوصول إلى الخدمات</translation>
    </message>
    <message>
        <source>With disability</source>
        <translation>ذوو إعاقة</translation>
    </message>
    <message>
        <source>Serious medical condition</source>
        <translation>حالة طبية خطيرة</translation>
    </message>
    <message>
        <source>Pregnant or lactating</source>
        <translation>حامل أو مرضعة</translation>
    </message>
    <message>
        <source>Unaccompanied or separated children</source>
        <translation>أطفال غير مصحوبين أو منفصلون</translation>
    </message>
    <message>
        <source>Older person alone</source>
        <translation>مسن وحيد</translation>
    </message>
    <message>
        <source>Child at risk</source>
        <translation>طفل معرض للخطر</translation>
    </message>
    <message>
        <source>Unaccompanied or separated child</source>
        <translation>طفل غير مصحوب أو منفصل</translation>
    </message>
    <message>
        <source>Woman at risk</source>
        <translation>امرأة معرضة للخطر</translation>
    </message>
    <message>
        <source>Older person at risk</source>
        <translation>مسن معرض للخطر</translation>
    </message>
    <message>
        <source>Single parent or caregiver</source>
        <translation>معيل وحيد</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>إعاقة</translation>
    </message>
    <message>
        <source>Family unity</source>
        <translation>لم شمل الأسرة</translation>
    </message>
    <message>
        <source>Torture</source>
        <translation>تعذيب</translation>
    </message>
    <message>
        <source>Sexual and gender-based violence</source>
        <translation>عنف جنسي وقائم على النوع الاجتماعي</translation>
    </message>
    <message>
        <source>Specific legal and physical protection needs</source>
        <translation>احتياجات حماية قانونية وجسدية خاصة</translation>
    </message>
    <message>
        <source>Seeing</source>
        <translation>الرؤية</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>السمع</translation>
    </message>
    <message>
        <source>Walking</source>
        <translation>المشي</translation>
    </message>
    <message>
        <source>Remembering</source>
        <translation>التذكر</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>الرعاية الذاتية</translation>
    </message>
    <message>
        <source>Communicating</source>
        <translation>التواصل</translation>
    </message>
</context>
</TS>
