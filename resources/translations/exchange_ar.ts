<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ExportPanel</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>الأسر</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>الأفراد</translation>
    </message>
    <message>
        <source>Crossing counts (flow monitoring)</source>
        <translation>تعدادات العبور (رصد التدفقات)</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>التنقلات</translation>
    </message>
    <message>
        <source>Summary (aggregated)</source>
        <translation>ملخص (بيانات مجمّعة)</translation>
    </message>
    <message>
        <source>Received summaries, consolidated (coordinator)</source>
        <translation>الملخصات المستلمة، مجمّعة (للمنسّق)</translation>
    </message>
    <message>
        <source>Everything (one XLSX workbook)</source>
        <translation>كل البيانات (مصنّف XLSX واحد)</translation>
    </message>
    <message>
        <source>CSV (Excel, UTF-8)</source>
        <translation>CSV (لبرنامج Excel، بترميز UTF-8)</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>مصنّف Excel (XLSX)</translation>
    </message>
    <message>
        <source>Only this period:</source>
        <translation>هذه الفترة فقط:</translation>
    </message>
    <message>
        <source>Include personal data (names, contacts, document numbers, notes)</source>
        <translation>تضمين البيانات الشخصية (الأسماء، وسبل التواصل، وأرقام الوثائق، والملاحظات)</translation>
    </message>
    <message>
        <source>No suppression</source>
        <translation>دون إخفاء الأعداد الصغيرة</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>حسب اليوم</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>حسب الأسبوع</translation>
    </message>
    <message>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>District</source>
        <translation>القضاء</translation>
    </message>
    <message>
        <source>HXL hashtag row under the header</source>
        <translation>سطر وسوم HXL تحت سطر العناوين</translation>
    </message>
    <message>
        <source>Byte-order mark (lets Excel show Arabic)</source>
        <translation>علامة ترتيب البايتات (ليعرض Excel العربية)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>البيانات:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>الفترة:</translation>
    </message>
    <message>
        <source>Hide counts below:</source>
        <translation>إخفاء الأعداد الأقل من:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>الملخص:</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <source>CSV or Excel files (*.csv *.xlsx)</source>
        <translation>ملفات CSV أو Excel (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Export personal data?</source>
        <translation>تصدير البيانات الشخصية؟</translation>
    </message>
    <message>
        <source>This file will hold names, contacts, document numbers and notes of the people recorded. Anyone who gets the file can read them. Keep it encrypted, share it only as agreed, and delete it when done. The export is recorded in the audit log.</source>
        <translation>سيحتوي هذا الملف على أسماء الأشخاص المسجّلين وسبل التواصل معهم وأرقام وثائقهم والملاحظات عنهم. يستطيع كل من يحصل على الملف قراءتها. احفظه مشفّرًا، ولا تشاركه إلا وفق ما اتُّفق عليه، واحذفه عند الانتهاء. يُسجَّل هذا التصدير في سجل التدقيق.</translation>
    </message>
    <message>
        <source>Personal-data export not confirmed; nothing was written.</source>
        <translation>لم يُؤكَّد تصدير البيانات الشخصية؛ لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>صُدّر ⁨%1⁩ إلى ⁨%2⁩.</translation>
    </message>
    <message>
        <source>What it holds (source, period, suppression) is described in %1.</source>
        <translation>ما يحتويه الملف (المصدر، الفترة، الإخفاء) موصوف في %1.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>الأسر</translation>
    </message>
    <message>
        <source>Persons (members)</source>
        <translation>الأفراد (أفراد الأسر)</translation>
    </message>
    <message>
        <source>Crossing counts</source>
        <translation>تعدادات العبور</translation>
    </message>
    <message>
        <source>A partner&apos;s export (Kobo, ODK): households with members</source>
        <translation>تصدير من شريك (Kobo أو ODK): أسر مع أفرادها</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file…</source>
        <translation>اختر ملف CSV أو Excel…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>اختر مجلدًا…</translation>
    </message>
    <message>
        <source>Give every file of the export at once (the submissions, each repeat group, and the partner&apos;s XLSForm if you have it), a ZIP as ODK Central downloads it, a Kobo workbook, or the folder that holds them.</source>
        <translation>اختر كل ملفات التصدير معًا (الاستمارات المرسلة، وكل مجموعة متكررة، واستمارة XLSForm الخاصة بالشريك إن وُجدت)، أو ملف ZIP كما ينزّله ODK Central، أو مصنف Kobo، أو المجلد الذي يحتويها.</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>السجلات:</translation>
    </message>
    <message>
        <source>Choose the export&apos;s files…</source>
        <translation>اختر ملفات التصدير…</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>الاستيراد من</translation>
    </message>
    <message>
        <source>Exports (*.csv *.txt *.tsv *.xlsx *.zip)</source>
        <translation>ملفات التصدير (*.csv *.txt *.tsv *.xlsx *.zip)</translation>
    </message>
    <message>
        <source>Import the tables of a folder</source>
        <translation>استيراد جداول مجلد</translation>
    </message>
    <message>
        <source>CSV or Excel files (*.csv *.txt *.tsv *.xlsx)</source>
        <translation>ملفات CSV أو Excel (*.csv *.txt *.tsv *.xlsx)</translation>
    </message>
    <message>
        <source>Save mapping as profile…</source>
        <translation>حفظ المطابقة كملف تعريف…</translation>
    </message>
    <message>
        <source>All or nothing: import only if every row is valid</source>
        <translation>الكل أو لا شيء: لا يتم الاستيراد إلا إذا كانت كل الصفوف صحيحة</translation>
    </message>
    <message>
        <source>Import the valid rows and list the rejected ones in a report</source>
        <translation>استيراد الصفوف الصحيحة، وإدراج الصفوف المرفوضة في تقرير</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Saved profiles:</source>
        <translation>ملفات التعريف المحفوظة:</translation>
    </message>
    <message>
        <source>Check which field each column fills (first row):</source>
        <translation>تحقّق من الحقل الذي يملؤه كل عمود (الصف الأول):</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>الملف: ⁨%1⁩</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(تجاهل)</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(تلقائي)</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>ما زال مطلوبًا: ⁨%1⁩</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>حفظ المطابقة</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>اسم ملف التعريف:</translation>
    </message>
    <message>
        <source>Save as this form&apos;s profile</source>
        <translation>حفظ كملف تعريف لهذه الاستمارة</translation>
    </message>
    <message>
        <source>Import the valid households (with their members) and list the rejected rows in the report</source>
        <translation>استيراد الأسر الصحيحة (مع أفرادها) وإدراج الصفوف المرفوضة في التقرير</translation>
    </message>
    <message>
        <source>Using the saved profile of this form.</source>
        <translation>يُستخدم ملف التعريف المحفوظ لهذه الاستمارة.</translation>
    </message>
    <message>
        <source>Saved as the profile of form %1.</source>
        <translation>حُفظ كملف تعريف للاستمارة %1.</translation>
    </message>
    <message>
        <source>Rows read: %1. Imported: %2 households, %3 members, %4 movements. Already present (skipped): %5.</source>
        <translation>الصفوف المقروءة: %1. المستورد: %2 أسرة، %3 فردًا، %4 تنقلًا. موجود سابقًا (تم تخطيه): %5.</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct the files, or choose to import the valid rows.</source>
        <translation>لم يُستورد شيء. صحّح الملفات، أو اختر استيراد الصفوف الصحيحة.</translation>
    </message>
    <message>
        <source>%1 warnings (rows imported, worth a look) are in the report.</source>
        <translation>%1 تنبيهًا في التقرير (صفوف استُوردت وتستحق المراجعة).</translation>
    </message>
    <message>
        <source>The report also lists the columns used and ignored and the choices read: %1</source>
        <translation>يذكر التقرير أيضًا الأعمدة المستخدمة والمتجاهلة والخيارات كما قُرئت: %1</translation>
    </message>
    <message>
        <source>Import another file</source>
        <translation>استيراد ملف آخر</translation>
    </message>
    <message>
        <source>Rows read: %1. Imported: %2. Already present (skipped): %3.</source>
        <translation>الصفوف المقروءة: %1. المستوردة: %2. الموجودة مسبقًا (تم تخطيها): %3.</translation>
    </message>
    <message>
        <source>%1 rows were rejected; the reasons are in %2.</source>
        <translation>عدد الصفوف المرفوضة: %1؛ الأسباب مذكورة في ⁨%2⁩.</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct the file, or choose to import the valid rows.</source>
        <translation>لم يُستورد شيء. صحّح الملف، أو اختر استيراد الصفوف الصحيحة.</translation>
    </message>
</context>
<context>
    <name>PartnerPreview</name>
    <message>
        <source>Households (submissions)</source>
        <translation>الأسر (الاستمارات المرسلة)</translation>
    </message>
    <message>
        <source>Members (repeat group)</source>
        <translation>الأفراد (مجموعة متكررة)</translation>
    </message>
    <message>
        <source>Movements (repeat group)</source>
        <translation>التنقلات (مجموعة متكررة)</translation>
    </message>
    <message>
        <source>ODK (Briefcase, Central)</source>
        <translation>ODK (Briefcase أو Central)</translation>
    </message>
    <message>
        <source>KoboToolbox</source>
        <translation>KoboToolbox</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>جدول بيانات</translation>
    </message>
    <message>
        <source>ODK&apos;s link to the repeat-group file</source>
        <translation>رابط ODK إلى ملف المجموعة المتكررة</translation>
    </message>
    <message>
        <source>links the files (used)</source>
        <translation>يربط الملفات (مستخدم)</translation>
    </message>
    <message>
        <source>form metadata</source>
        <translation>بيانات وصفية للاستمارة</translation>
    </message>
    <message>
        <source>one choice of %1 (that column is used)</source>
        <translation>أحد خيارات %1 (يُستخدم ذلك العمود)</translation>
    </message>
    <message>
        <source>no matching field: not imported</source>
        <translation>لا حقل مطابقًا: لا يُستورد</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>يحتوي</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>أُنشئ بواسطة</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>العمود</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Why ignored</source>
        <translation>سبب التجاهل</translation>
    </message>
    <message>
        <source>Partner&apos;s value</source>
        <translation>قيمة الشريك</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>تُقرأ كـ</translation>
    </message>
    <message>
        <source>Columns: which field each one fills, and the ones left out</source>
        <translation>الأعمدة: الحقل الذي يملؤه كل عمود، والأعمدة المتروكة</translation>
    </message>
    <message>
        <source>Choices read as our codes</source>
        <translation>الخيارات كما تُقرأ برموزنا</translation>
    </message>
    <message>
        <source>Partner form: %1</source>
        <translation>استمارة الشريك: %1</translation>
    </message>
    <message>
        <source>XLSForm given: choices and labels are read through it</source>
        <translation>استمارة XLSForm متوفرة: تُقرأ الخيارات والتسميات من خلالها</translation>
    </message>
    <message>
        <source>not a table: not read</source>
        <translation>ليس جدولًا: لم يُقرأ</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>(متجاهل)</translation>
    </message>
    <message>
        <source>no match: rows with it are rejected</source>
        <translation>لا تطابق: تُرفض الصفوف التي تحتويه</translation>
    </message>
    <message>
        <source>%1 columns used, %2 ignored (listed above and in the report).</source>
        <translation>%1 عمودًا مستخدمًا، و%2 متجاهلًا (مذكورة أعلاه وفي التقرير).</translation>
    </message>
</context>
<context>
    <name>_Progress</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
</TS>
