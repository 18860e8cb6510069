<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Very weak</source>
        <translation>ضعيفة جداً</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>ضعيفة</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>جيدة</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>قوية</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>عبارة المرور:</translation>
    </message>
    <message>
        <source>Passphrase &amp;again:</source>
        <translation>عبارة المرور مرة أخرى:</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>%1 حرفاً على الأقل.</translation>
    </message>
    <message>
        <source>Strength: %1.</source>
        <translation>القوة: %1.</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>حساب جديد</translation>
    </message>
    <message>
        <source>New passphrase for %1</source>
        <translation>عبارة مرور جديدة لـ %1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>الدور:</translation>
    </message>
    <message>
        <source>Give the passphrase to the person in private. A backup is made first.</source>
        <translation>أعطِ عبارة المرور للشخص على انفراد. تُحفظ نسخة احتياطية أولاً.</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>إضافة الحساب</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>تعيين عبارة المرور</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
</context>
<context>
    <name>AccountField</name>
    <message>
        <source>&amp;Account:</source>
        <translation>الحساب:</translation>
    </message>
    <message>
        <source>your name (empty: the only account)</source>
        <translation>اسمك (فارغ: الحساب الوحيد)</translation>
    </message>
    <message>
        <source>Each person signs in with their own account and passphrase.</source>
        <translation>يدخل كل شخص بحسابه وعبارة مروره.</translation>
    </message>
</context>
<context>
    <name>AccountsPanel</name>
    <message>
        <source>Accounts</source>
        <translation>الحسابات</translation>
    </message>
    <message>
        <source>Each person signs in with their own name and passphrase. Removing an account stops its passphrase at once; what that person already copied stays copied.</source>
        <translation>يدخل كل شخص باسمه وعبارة مروره. حذف الحساب يوقف عبارة مروره فوراً؛ أما ما نسخه ذلك الشخص من قبل فيبقى منسوخاً.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>منذ</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>إضافة حساب…</translation>
    </message>
    <message>
        <source>New &amp;passphrase…</source>
        <translation>عبارة مرور جديدة…</translation>
    </message>
    <message>
        <source>&amp;Remove account</source>
        <translation>حذف الحساب</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>حذف الحساب</translation>
    </message>
    <message>
        <source>Remove the account %1? Its passphrase stops opening this database at once. A backup is made first.</source>
        <translation>حذف الحساب %1؟ تتوقف عبارة مروره عن فتح قاعدة البيانات هذه فوراً. تُحفظ نسخة احتياطية أولاً.</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <source>Backups</source>
        <translation>النسخ الاحتياطية</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>مجلد النسخ الاحتياطية:</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>آخر نسخة احتياطية:</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>اختيار المجلد…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>نسخ احتياطي الآن</translation>
    </message>
    <message>
        <source>Personal data of households closed, moved on or returned is removed after (months, 0 = never):</source>
        <translation>تُحذف البيانات الشخصية للأسر المغلقة أو التي انتقلت أو عادت بعد (أشهر، 0 = أبداً):</translation>
    </message>
    <message>
        <source>Counts stay for the charts; names, phone numbers, notes and dates of birth go, on every device that syncs with this one.</source>
        <translation>تبقى الأعداد للرسوم البيانية؛ وتُحذف الأسماء وأرقام الهواتف والملاحظات وتواريخ الميلاد على كل جهاز يتزامن مع هذا الجهاز.</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>عدّ</translation>
    </message>
    <message>
        <source>&amp;Purge now</source>
        <translation>حذف الآن</translation>
    </message>
    <message>
        <source>Emergency: erase this database, its key file and every backup this computer knows of, for good. Type %1 to enable the button.</source>
        <translation>طوارئ: محو قاعدة البيانات هذه وملف مفاتيحها وكل نسخة احتياطية يعرفها هذا الحاسوب، نهائياً. اكتب %1 لتفعيل الزر.</translation>
    </message>
    <message>
        <source>Erase everything</source>
        <translation>محو كل شيء</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>لا توجد بعد</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>عند الطلب</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>يومية</translation>
    </message>
    <message>
        <source>on closing</source>
        <translation>عند الإغلاق</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>قبل الترقية</translation>
    </message>
    <message>
        <source>before an account change</source>
        <translation>قبل تغيير حساب</translation>
    </message>
    <message>
        <source>before a passphrase change</source>
        <translation>قبل تغيير عبارة مرور</translation>
    </message>
    <message>
        <source>before a purge</source>
        <translation>قبل الحذف</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>مستعادة</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>مجلد النسخ الاحتياطية</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>جارٍ النسخ الاحتياطي…</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>كُتبت النسخة الاحتياطية: %1</translation>
    </message>
    <message>
        <source>Set the number of months first.</source>
        <translation>حدّد عدد الأشهر أولاً.</translation>
    </message>
    <message>
        <source>%1 households would lose their personal data (%2 members).</source>
        <translation>ستفقد %1 أسرة بياناتها الشخصية (%2 فرداً).</translation>
    </message>
    <message>
        <source>%1 households lost their personal data (%2 members); a backup was made first.</source>
        <translation>فقدت %1 أسرة بياناتها الشخصية (%2 فرداً)؛ حُفظت نسخة احتياطية أولاً.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Registrar</source>
        <translation>مسجّل</translation>
    </message>
    <message>
        <source>Flow monitor</source>
        <translation>مراقب تدفق</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <source>Information manager</source>
        <translation>مدير معلومات</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>مسؤول النظام</translation>
    </message>
</context>
<context>
    <name>SignedInLabel</name>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>دخلت باسم %1 (%2)</translation>
    </message>
</context>
</TS>
