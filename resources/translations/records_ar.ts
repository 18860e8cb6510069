<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>CountsEditor</name>
    <message>
        <location filename="../../ui/counts_editor.py" line="29" />
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
</context>
<context>
    <name>CrossingCountsModel</name>
    <message>
        <location filename="../../ui/crossing_counts_model.py" line="45" />
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../ui/crossing_counts_model.py" line="45" />
        <source>Crossing point</source>
        <translation>نقطة العبور</translation>
    </message>
    <message>
        <location filename="../../ui/crossing_counts_model.py" line="45" />
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <location filename="../../ui/crossing_counts_model.py" line="46" />
        <source>Female</source>
        <translation>إناث</translation>
    </message>
    <message>
        <location filename="../../ui/crossing_counts_model.py" line="46" />
        <source>Male</source>
        <translation>ذكور</translation>
    </message>
    <message>
        <location filename="../../ui/crossing_counts_model.py" line="46" />
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location filename="../../ui/crossing_counts_model.py" line="47" />
        <source>Origin</source>
        <translation>المنشأ</translation>
    </message>
    <message>
        <location filename="../../ui/crossing_counts_model.py" line="47" />
        <source>Destination</source>
        <translation>الوجهة</translation>
    </message>
    <message>
        <location filename="../../ui/crossing_counts_model.py" line="48" />
        <source>Transport</source>
        <translation>وسيلة النقل</translation>
    </message>
    <message>
        <location filename="../../ui/crossing_counts_model.py" line="48" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
</context>
<context>
    <name>CrossingsPage</name>
    <message>
        <location filename="../../ui/crossings_page.py" line="47" />
        <source>New informal point…</source>
        <translation>نقطة غير رسمية جديدة…</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="58" />
        <source>Now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="61" />
        <source>Crossing point</source>
        <translation>نقطة العبور</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="66" />
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="71" />
        <source>Date and time</source>
        <translation>التاريخ والوقت</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="84" />
        <source>People in the group (keys 1–5 female, 6–0 male; Ctrl takes away; Backspace undoes)</source>
        <translation>أفراد المجموعة (المفاتيح 1–5 إناث، 6–0 ذكور؛ Ctrl للإنقاص؛ Backspace للتراجع)</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="91" />
        <source>The group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="103" />
        <source>Origin</source>
        <translation>المنشأ</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="104" />
        <source>Intended destination</source>
        <translation>الوجهة المقصودة</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="105" />
        <source>Transport</source>
        <translation>وسيلة النقل</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="105" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="106" />
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="106" />
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="117" />
        <source>Of whom:</source>
        <translation>منهم:</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="132" />
        <location filename="../../ui/crossings_page.py" line="199" />
        <source>Save group (Enter)</source>
        <translation>حفظ المجموعة (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="135" />
        <source>Cancel edit</source>
        <translation>إلغاء التعديل</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="137" />
        <source>Delete record</source>
        <translation>حذف السجل</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="222" />
        <source>Save changes</source>
        <translation>حفظ التغييرات</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="235" />
        <source>Record corrected.</source>
        <translation>تم تصحيح السجل.</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="238" />
        <source>Group saved. Ready for the next one.</source>
        <translation>حُفظت المجموعة. جاهز للمجموعة التالية.</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="268" />
        <source>Record deleted.</source>
        <translation>تم حذف السجل.</translation>
    </message>
    <message>
        <location filename="../../ui/crossings_page.py" line="290" />
        <source>Today: %1 groups, %2 people (double-click or Enter to correct)</source>
        <translation>اليوم: %1 مجموعة، %2 شخص (انقر مرتين أو اضغط Enter للتصحيح)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/history_dialog.py" line="18" />
        <source>Record history</source>
        <translation>سجل التغييرات</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="21" />
        <source>When (UTC)</source>
        <translation>متى (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="21" />
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="21" />
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="22" />
        <source>Member</source>
        <translation>الفرد</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="22" />
        <source>Changes</source>
        <translation>التغييرات</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="26" />
        <location filename="../../ui/history_dialog.py" line="27" />
        <source>Created</source>
        <translation>أُنشئ</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="26" />
        <source>Edited</source>
        <translation>عُدّل</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="26" />
        <source>Deleted</source>
        <translation>حُذف</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="27" />
        <source>Upgraded to full</source>
        <translation>رُقّي إلى تسجيل كامل</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="27" />
        <source>Restored</source>
        <translation>استُعيد</translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <location filename="../../ui/household_form.py" line="73" />
        <source>Head's name (Arabic)</source>
        <translation>اسم رب الأسرة (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="74" />
        <source>Head's name (Latin)</source>
        <translation>اسم رب الأسرة (بالحروف اللاتينية)</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="75" />
        <source>Registration date</source>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="76" />
        <source>Origin (place in Syria)</source>
        <translation>المنشأ (مكان في سوريا)</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="79" />
        <source>Displaced on</source>
        <translation>تاريخ النزوح</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="81" />
        <source>Current location</source>
        <translation>الموقع الحالي</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="84" />
        <source>Site or address</source>
        <translation>الموقع أو العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="85" />
        <source>Shelter</source>
        <translation>المأوى</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="87" />
        <source>Intention</source>
        <translation>النية</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="89" />
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="90" />
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="91" />
        <source>Agrees that the data may be shared for assistance</source>
        <translation>يوافق على مشاركة البيانات لتقديم المساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="92" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="94" />
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="99" />
        <source>People by sex and age</source>
        <translation>الأفراد حسب الجنس والعمر</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="104" />
        <source>Members (Tab on the last cell adds one; Ctrl+Delete removes)</source>
        <translation>أفراد الأسرة (Tab في الخانة الأخيرة يضيف فرداً؛ Ctrl+Delete يحذف)</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="108" />
        <source>Add member</source>
        <translation>إضافة فرد</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="123" />
        <location filename="../../ui/household_form.py" line="217" />
        <source>Upgrade to full registration</source>
        <translation>الترقية إلى تسجيل كامل</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="125" />
        <source>History…</source>
        <translation>السجل…</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="219" />
        <source>Household: %1 (%2)</source>
        <translation>الأسرة: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="223" />
        <source>New full registration</source>
        <translation>تسجيل كامل جديد</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="223" />
        <source>New pre-registration</source>
        <translation>تسجيل أولي جديد</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="340" />
        <source>Member %1: %2 %3</source>
        <translation>الفرد %1: %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="356" />
        <source>Possible duplicate</source>
        <translation>تكرار محتمل</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="357" />
        <source>A household with the same head's name and origin is already registered (%1, registered %2).</source>
        <translation>توجد أسرة مسجلة بنفس اسم رب الأسرة والمنشأ (%1، سُجلت في %2).</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="360" />
        <source>Open existing</source>
        <translation>فتح الموجودة</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="361" />
        <source>Save anyway</source>
        <translation>الحفظ على أي حال</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="368" />
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/household_form.py" line="369" />
        <source>Close without saving? What you typed will be lost.</source>
        <translation>الإغلاق دون حفظ؟ سيضيع ما كتبته.</translation>
    </message>
</context>
<context>
    <name>HouseholdsModel</name>
    <message>
        <location filename="../../ui/households_model.py" line="141" />
        <source>Head of household</source>
        <translation>رب الأسرة</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="141" />
        <source>Name (Latin)</source>
        <translation>الاسم (لاتيني)</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="142" />
        <source>Registered</source>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="142" />
        <source>Origin</source>
        <translation>المنشأ</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="143" />
        <source>Current location</source>
        <translation>الموقع الحالي</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="143" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="143" />
        <source>Registration</source>
        <translation>التسجيل</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="144" />
        <source>People</source>
        <translation>الأفراد</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="144" />
        <source>Specific needs</source>
        <translation>احتياجات خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="169" />
        <source>Members listed: %1</source>
        <translation>الأفراد المسجلون: %1</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="191" />
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../ui/households_model.py" line="193" />
        <source>%1 separated child(ren)</source>
        <translation>%1 طفل منفصل</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../ui/households_page.py" line="49" />
        <source>Search names (Arabic or Latin, any spelling)…  Ctrl+F</source>
        <translation>ابحث بالأسماء (عربي أو لاتيني، بأي تهجئة)…  Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="55" />
        <source>Any status</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="57" />
        <source>Any needs</source>
        <translation>كل الاحتياجات</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="58" />
        <source>With specific needs</source>
        <translation>مع احتياجات خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="59" />
        <source>Without specific needs</source>
        <translation>دون احتياجات خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="62" />
        <source>Registered from</source>
        <translation>مسجلة من</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="62" />
        <source>to (YYYY-MM-DD)</source>
        <translation>إلى (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="75" />
        <source>New pre-registration</source>
        <translation>تسجيل أولي جديد</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="76" />
        <source>New full registration</source>
        <translation>تسجيل كامل جديد</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="78" />
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="80" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="83" />
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="163" />
        <source>Any origin</source>
        <translation>كل مناطق المنشأ</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="164" />
        <source>Any current location</source>
        <translation>كل المواقع الحالية</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="193" />
        <source>More than %1 households match: type more of the name to narrow the list.</source>
        <translation>أكثر من %1 أسرة تطابق البحث: اكتب المزيد من الاسم لتضييق القائمة.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/households_page.py" line="196" />
        <source>%n household(s)</source>
        <translation>
            <numerusform>لا أسر (%n)</numerusform><numerusform>أسرة واحدة</numerusform><numerusform>أسرتان</numerusform><numerusform>%n أسر</numerusform><numerusform>%n أسرة</numerusform><numerusform>%n أسرة</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="226" />
        <source>Not deleted</source>
        <translation>لم يُحذف</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="231" />
        <source>Delete household</source>
        <translation>حذف الأسرة</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="232" />
        <source>Delete this household and its members? The record is kept in the history and can be audited, but it leaves every list and report.</source>
        <translation>حذف هذه الأسرة وأفرادها؟ يبقى السجل محفوظاً في السجل التاريخي للتدقيق، لكنه يختفي من كل القوائم والتقارير.</translation>
    </message>
</context>
<context>
    <name>InformalPointDialog</name>
    <message>
        <location filename="../../ui/informal_point_dialog.py" line="21" />
        <source>New informal crossing point</source>
        <translation>نقطة عبور غير رسمية جديدة</translation>
    </message>
    <message>
        <location filename="../../ui/informal_point_dialog.py" line="29" />
        <source>Name (Arabic)</source>
        <translation>الاسم (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../ui/informal_point_dialog.py" line="30" />
        <source>Name (English)</source>
        <translation>الاسم (بالإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../ui/informal_point_dialog.py" line="31" />
        <source>In the area of</source>
        <translation>في منطقة</translation>
    </message>
    <message>
        <location filename="../../ui/informal_point_dialog.py" line="57" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/informal_point_dialog.py" line="57" />
        <source>Area</source>
        <translation>المنطقة</translation>
    </message>
</context>
<context>
    <name>LocationPicker</name>
    <message>
        <location filename="../../ui/location_picker.py" line="45" />
        <source>Place as told (village, town)</source>
        <translation>المكان كما ذُكر (قرية، بلدة)</translation>
    </message>
    <message>
        <location filename="../../ui/location_picker.py" line="64" />
        <source>Unknown / not in the list</source>
        <translation>غير معروف / غير موجود في القائمة</translation>
    </message>
</context>
<context>
    <name>MembersGrid</name>
    <message>
        <location filename="../../ui/members_grid.py" line="92" />
        <source>Given name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="92" />
        <source>Father's name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="93" />
        <source>Family name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="93" />
        <source>Given name (Latin)</source>
        <translation>الاسم (لاتيني)</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="94" />
        <source>Family name (Latin)</source>
        <translation>العائلة (لاتيني)</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="94" />
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="95" />
        <source>Born / age</source>
        <translation>الميلاد / العمر</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="95" />
        <source>Relationship</source>
        <translation>صلة القرابة</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="96" />
        <source>Specific needs</source>
        <translation>احتياجات خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="96" />
        <source>Separated</source>
        <translation>منفصل</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="97" />
        <source>Unaccompanied</source>
        <translation>غير مصحوب</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="106" />
        <source>Washington Group: 1 no difficulty, 2 some, 3 a lot, 4 cannot do at all; blank if not asked</source>
        <translation>مجموعة واشنطن: 1 لا صعوبة، 2 بعض الصعوبة، 3 صعوبة كبيرة، 4 لا يستطيع إطلاقاً؛ فارغ إن لم يُسأل</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="108" />
        <source>Date of birth (YYYY-MM-DD) or age in years</source>
        <translation>تاريخ الميلاد (YYYY-MM-DD) أو العمر بالسنوات</translation>
    </message>
    <message>
        <location filename="../../ui/members_grid.py" line="110" />
        <source>UNHCR codes, comma separated: </source>
        <translation>رموز المفوضية، مفصولة بفواصل: </translation>
    </message>
</context>
<context>
    <name>MovementsSection</name>
    <message>
        <location filename="../../ui/movements_section.py" line="21" />
        <source>Movement history</source>
        <translation>سجل التنقلات</translation>
    </message>
    <message>
        <location filename="../../ui/movements_section.py" line="25" />
        <location filename="../../ui/movements_section.py" line="46" />
        <location filename="../../ui/movements_section.py" line="92" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/movements_section.py" line="25" />
        <location filename="../../ui/movements_section.py" line="44" />
        <location filename="../../ui/movements_section.py" line="90" />
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../ui/movements_section.py" line="25" />
        <location filename="../../ui/movements_section.py" line="44" />
        <location filename="../../ui/movements_section.py" line="90" />
        <location filename="../../ui/movements_section.py" line="91" />
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../ui/movements_section.py" line="26" />
        <location filename="../../ui/movements_section.py" line="45" />
        <location filename="../../ui/movements_section.py" line="91" />
        <source>Crossing point</source>
        <translation>نقطة العبور</translation>
    </message>
    <message>
        <location filename="../../ui/movements_section.py" line="26" />
        <location filename="../../ui/movements_section.py" line="46" />
        <location filename="../../ui/movements_section.py" line="92" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../ui/movements_section.py" line="37" />
        <source>Add movement</source>
        <translation>إضافة تنقل</translation>
    </message>
</context>
<context>
    <name>TallyGrid</name>
    <message>
        <location filename="../../ui/tally_grid.py" line="56" />
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location filename="../../ui/tally_grid.py" line="76" />
        <source>Add one (key %1)</source>
        <translation>إضافة واحد (المفتاح %1)</translation>
    </message>
    <message>
        <location filename="../../ui/tally_grid.py" line="77" />
        <source>Take one away (Ctrl+%1)</source>
        <translation>إنقاص واحد (Ctrl+%1)</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../ui/record_labels.py" line="20" />
        <source>Pre-registration</source>
        <translation>تسجيل أولي</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="21" />
        <source>Full registration</source>
        <translation>تسجيل كامل</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="22" />
        <source>Active</source>
        <translation>نشطة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="23" />
        <source>Moved on</source>
        <translation>انتقلت</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="24" />
        <source>Returned</source>
        <translation>عادت</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="25" />
        <source>Closed</source>
        <translation>مغلقة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="27" />
        <source>Collective shelter</source>
        <translation>مأوى جماعي</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="28" />
        <source>Host family</source>
        <translation>عائلة مضيفة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="29" />
        <source>Rented</source>
        <translation>مستأجر</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="30" />
        <source>Informal settlement</source>
        <translation>تجمع غير رسمي</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="31" />
        <source>Open air</source>
        <translation>في العراء</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="32" />
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="33" />
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="35" />
        <source>Stay</source>
        <translation>البقاء</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="36" />
        <source>Return</source>
        <translation>العودة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="37" />
        <source>Move onward</source>
        <translation>الانتقال إلى مكان آخر</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="38" />
        <source>Undecided</source>
        <translation>لم يقرر</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="40" />
        <source>Head</source>
        <translation>رب الأسرة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="41" />
        <source>Spouse</source>
        <translation>زوج/زوجة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="42" />
        <source>Child</source>
        <translation>ابن/ابنة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="43" />
        <source>Parent</source>
        <translation>أب/أم</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="44" />
        <source>Sibling</source>
        <translation>أخ/أخت</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="45" />
        <source>Grandchild</source>
        <translation>حفيد/حفيدة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="46" />
        <source>Other relative</source>
        <translation>قريب آخر</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="47" />
        <source>Not related</source>
        <translation>ليس قريباً</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="49" />
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="50" />
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="52" />
        <source>0–4</source>
        <translation>0–4</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="53" />
        <source>5–11</source>
        <translation>5–11</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="54" />
        <source>12–17</source>
        <translation>12–17</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="55" />
        <source>18–59</source>
        <translation>18–59</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="56" />
        <source>60+</source>
        <translation>60+</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="58" />
        <source>Entering</source>
        <translation>دخول</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="59" />
        <source>Leaving</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="60" />
        <source>Official crossing</source>
        <translation>معبر رسمي</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="61" />
        <source>Informal crossing</source>
        <translation>معبر غير رسمي</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="62" />
        <source>On foot</source>
        <translation>سيراً على الأقدام</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="63" />
        <source>Car</source>
        <translation>سيارة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="64" />
        <source>Bus</source>
        <translation>حافلة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="65" />
        <source>Truck</source>
        <translation>شاحنة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="66" />
        <source>Motorbike</source>
        <translation>دراجة نارية</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="67" />
        <source>Boat</source>
        <translation>قارب</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="68" />
        <source>Animal</source>
        <translation>دابة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="69" />
        <source>Conflict</source>
        <translation>النزاع</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="70" />
        <source>Insecurity</source>
        <translation>انعدام الأمن</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="71" />
        <source>Family reasons</source>
        <translation>أسباب عائلية</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="72" />
        <source>Economic</source>
        <translation>أسباب اقتصادية</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="73" />
        <source>Access to services</source>
        <translation>الوصول إلى الخدمات</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="74" />
        <source>With disability</source>
        <translation>ذوو إعاقة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="75" />
        <location filename="../../ui/record_labels.py" line="86" />
        <source>Serious medical condition</source>
        <translation>حالة طبية خطيرة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="76" />
        <source>Pregnant or lactating</source>
        <translation>حامل أو مرضعة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="77" />
        <source>Unaccompanied or separated children</source>
        <translation>أطفال غير مصحوبين أو منفصلون</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="78" />
        <source>Older person alone</source>
        <translation>مسن وحيد</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="80" />
        <source>Child at risk</source>
        <translation>طفل معرض للخطر</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="81" />
        <source>Unaccompanied or separated child</source>
        <translation>طفل غير مصحوب أو منفصل</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="82" />
        <source>Woman at risk</source>
        <translation>امرأة معرضة للخطر</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="83" />
        <source>Older person at risk</source>
        <translation>مسن معرض للخطر</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="84" />
        <source>Single parent or caregiver</source>
        <translation>معيل وحيد</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="85" />
        <source>Disability</source>
        <translation>إعاقة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="87" />
        <source>Family unity</source>
        <translation>لم شمل الأسرة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="88" />
        <source>Torture</source>
        <translation>تعذيب</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="89" />
        <source>Sexual and gender-based violence</source>
        <translation>عنف جنسي وقائم على النوع الاجتماعي</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="90" />
        <source>Specific legal and physical protection needs</source>
        <translation>احتياجات حماية قانونية وجسدية خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="92" />
        <source>Seeing</source>
        <translation>الرؤية</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="93" />
        <source>Hearing</source>
        <translation>السمع</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="94" />
        <source>Walking</source>
        <translation>المشي</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="95" />
        <source>Remembering</source>
        <translation>التذكر</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="96" />
        <source>Self-care</source>
        <translation>الرعاية الذاتية</translation>
    </message>
    <message>
        <location filename="../../ui/record_labels.py" line="97" />
        <source>Communicating</source>
        <translation>التواصل</translation>
    </message>
</context>
</TS>