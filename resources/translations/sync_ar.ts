<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>القيمة المعتمدة</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>القيمة الأخرى</translation>
    </message>
    <message>
        <source>Value before</source>
        <translation>القيمة السابقة</translation>
    </message>
    <message>
        <source>Kept from</source>
        <translation>المعتمدة من</translation>
    </message>
    <message>
        <source>Other from</source>
        <translation>الأخرى من</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Show settled conflicts</source>
        <translation>إظهار التعارضات المحسومة</translation>
    </message>
    <message>
        <source>Keep the kept value</source>
        <translation>الإبقاء على القيمة المعتمدة</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>اعتماد القيمة الأخرى</translation>
    </message>
    <message>
        <source>When the same field was changed on two devices before they synced, every device keeps the same value (the later change) and lists the other here. Your choice is saved as an ordinary edit and reaches the other devices with the next sync.</source>
        <translation>إذا عُدّل الحقل نفسه على جهازين قبل مزامنتهما، يعتمد كل جهاز القيمة نفسها (التعديل الأحدث) ويعرض القيمة الأخرى هنا. يُحفظ اختيارك كتعديل عادي ويصل إلى الأجهزة الأخرى مع المزامنة التالية.</translation>
    </message>
    <message>
        <source>settled %1</source>
        <translation>حُسم في %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>لا توجد تعارضات مفتوحة.</translation>
    </message>
    <message>
        <source>Open conflicts: %1</source>
        <translation>التعارضات المفتوحة: %1</translation>
    </message>
    <message>
        <source>Saved: %1 of %2. It reaches the other devices with the next sync.</source>
        <translation>حُفظ الحقل ⁨%1⁩ في ⁨%2⁩. سيصل إلى الأجهزة الأخرى مع المزامنة التالية.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Send and receive</source>
        <translation>الإرسال والاستلام</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>الأجهزة الشريكة</translation>
    </message>
    <message>
        <source>When</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>التغييرات</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>History</source>
        <translation>سجل الحزم</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>التعارضات</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>الإرسال</translation>
    </message>
    <message>
        <source>Changes the recipient does not have yet</source>
        <translation>التغييرات التي لم تصل إلى المستلم بعد</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>كل البيانات</translation>
    </message>
    <message>
        <source>Changes since a date</source>
        <translation>التغييرات منذ تاريخ معيّن</translation>
    </message>
    <message>
        <source>Export bundle to a folder or USB stick…</source>
        <translation>تصدير حزمة إلى مجلد أو ذاكرة USB…</translation>
    </message>
    <message>
        <source>Export a summary for a coordinator (counts only)…</source>
        <translation>تصدير ملخص للمنسّق (أعداد فقط)…</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>إلى:</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>المحتوى:</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>منذ:</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>الاستلام</translation>
    </message>
    <message>
        <source>Import a bundle or summary…</source>
        <translation>استيراد حزمة أو ملخص…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>معرّف الجهاز</translation>
    </message>
    <message>
        <source>Changes acknowledged</source>
        <translation>التغييرات المؤكَّد استلامها</translation>
    </message>
    <message>
        <source>Add a peer from its identity file…</source>
        <translation>إضافة جهاز شريك من ملف هويته…</translation>
    </message>
    <message>
        <source>Remove peer</source>
        <translation>إزالة الجهاز الشريك</translation>
    </message>
    <message>
        <source>Save this device&apos;s identity file…</source>
        <translation>حفظ ملف هوية هذا الجهاز…</translation>
    </message>
    <message>
        <source>Before trusting a device, read its fingerprint out over the phone and check that both sides see the same digits.</source>
        <translation>قبل الوثوق بجهاز، اقرأ بصمته بصوت عالٍ عبر الهاتف وتأكّد أن الطرفين يريان الأرقام نفسها.</translation>
    </message>
    <message>
        <source>Folder or USB stick to write to</source>
        <translation>المجلد أو ذاكرة USB للكتابة عليها</translation>
    </message>
    <message>
        <source>Save identity file</source>
        <translation>حفظ ملف الهوية</translation>
    </message>
    <message>
        <source>Identity files (*.dtid)</source>
        <translation>ملفات الهوية (*.dtid)</translation>
    </message>
    <message>
        <source>This device: %1 (%2). Fingerprint: %3</source>
        <translation>هذا الجهاز: ⁨%1⁩ (⁨%2⁩). البصمة: ⁨%3⁩</translation>
    </message>
    <message>
        <source>Every trusted peer of my organisation</source>
        <translation>كل الأجهزة الشريكة الموثوقة في منظمتي</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>مُرسَلة</translation>
    </message>
    <message>
        <source>received</source>
        <translation>مُستلَمة</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>ملخص</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>تغييرات</translation>
    </message>
    <message>
        <source>%1 new of %2</source>
        <translation>%1 جديدة من أصل %2</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>التعارضات (%1)</translation>
    </message>
    <message>
        <source>Wrote %1: %2 changes for %3, encrypted and signed.</source>
        <translation>كُتب الملف ⁨%1⁩: عدد التغييرات %2، إلى ⁨%3⁩، مشفّرًا وموقّعًا.</translation>
    </message>
    <message>
        <source>Wrote %1: %2 count cells, signed and encrypted.</source>
        <translation>كُتب الملف ⁨%1⁩: عدد خانات الأعداد %2، موقّعًا ومشفّرًا.</translation>
    </message>
    <message>
        <source>Wrote %1: %2 count cells, signed (choose a coordinator under &apos;For&apos; to encrypt it).</source>
        <translation>كُتب الملف ⁨%1⁩: عدد خانات الأعداد %2، موقّعًا (اختر منسّقًا في خانة «إلى» لتشفيره).</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>استيراد حزمة</translation>
    </message>
    <message>
        <source>Bundles (*.dtb);;All files (*)</source>
        <translation>الحزم (*.dtb);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Checking and importing…</source>
        <translation>جارٍ التحقّق والاستيراد…</translation>
    </message>
    <message>
        <source>This file comes from a device you have not trusted yet:

%1 (%2)
Fingerprint: %3

Call that office and check that they read out the same fingerprint. Trust this device and import the file?</source>
        <translation>هذا الملف صادر عن جهاز لم تثق به بعد:

⁨%1⁩ (⁨%2⁩)
البصمة: ⁨%3⁩

اتصل بذلك المكتب وتأكّد أنهم يقرؤون البصمة نفسها. هل تثق بهذا الجهاز وتستورد الملف؟</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>جهاز غير معروف</translation>
    </message>
    <message>
        <source>Imported a summary from %1: %2 count cells, %3 older values replaced.</source>
        <translation>استُورد ملخص من ⁨%1⁩: عدد خانات الأعداد %2، والقيم الأقدم المستبدلة: %3.</translation>
    </message>
    <message>
        <source>Imported from %1: %2 new of %3 changes; %4 records created, %5 updated.</source>
        <translation>استُورد من ⁨%1⁩: التغييرات الجديدة %2 من أصل %3؛ السجلات المُنشأة: %4، والمحدَّثة: %5.</translation>
    </message>
    <message>
        <source>New conflicts to review: %1.</source>
        <translation>تعارضات جديدة للمراجعة: %1.</translation>
    </message>
    <message>
        <source>Identity file of the other device</source>
        <translation>ملف هوية الجهاز الآخر</translation>
    </message>
    <message>
        <source>Identity files (*.dtid *.json);;All files (*)</source>
        <translation>ملفات الهوية (*.dtid *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Trust %1 (%2)?

Fingerprint: %3

Compare it with the other office by phone first.</source>
        <translation>هل تثق بالجهاز ⁨%1⁩ (⁨%2⁩)؟

البصمة: ⁨%3⁩

قارنها أولًا مع المكتب الآخر عبر الهاتف.</translation>
    </message>
    <message>
        <source>Add peer</source>
        <translation>إضافة جهاز شريك</translation>
    </message>
    <message>
        <source>%1 is now a trusted peer.</source>
        <translation>أصبح ⁨%1⁩ جهازًا شريكًا موثوقًا.</translation>
    </message>
    <message>
        <source>Choose a peer in the list first.</source>
        <translation>اختر جهازًا شريكًا من القائمة أولًا.</translation>
    </message>
    <message>
        <source>Stop trusting %1? Its bundles will be refused.</source>
        <translation>إيقاف الثقة بالجهاز ⁨%1⁩؟ ستُرفض الحزم الصادرة عنه.</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>أُزيل الجهاز ⁨%1⁩.</translation>
    </message>
    <message>
        <source>Saved %1. Fingerprint: %2</source>
        <translation>حُفظ ⁨%1⁩. البصمة: ⁨%2⁩</translation>
    </message>
</context>
</TS>
