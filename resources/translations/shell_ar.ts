<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Errors</name>
    <message>
        <source>is required</source>
        <translation>مطلوب</translation>
    </message>
    <message>
        <source>cannot be in the future</source>
        <translation>لا يمكن أن يكون في المستقبل</translation>
    </message>
    <message>
        <source>is not a valid date (YYYY-MM-DD)</source>
        <translation>ليس تاريخًا صحيحًا (سنة-شهر-يوم)</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>يجب أن يكون عددًا صحيحًا</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>لا يمكن أن يكون سالبًا</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>خارج النطاق المسموح</translation>
    </message>
    <message>
        <source>is not a known place code</source>
        <translation>ليس رمز مكان معروفًا</translation>
    </message>
    <message>
        <source>is not the right kind of place</source>
        <translation>ليس من نوع المكان المطلوب</translation>
    </message>
    <message>
        <source>gives an impossible age</source>
        <translation>يعطي عمرًا غير ممكن</translation>
    </message>
    <message>
        <source>does not agree with the other counts</source>
        <translation>لا يتطابق مع الأعداد الأخرى</translation>
    </message>
    <message>
        <source>is not one of the allowed values</source>
        <translation>ليس من القيم المسموح بها</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>طويل جدًا</translation>
    </message>
    <message>
        <source>count at least one person</source>
        <translation>يجب عدّ شخص واحد على الأقل</translation>
    </message>
    <message>
        <source>exactly one member must be the head of household</source>
        <translation>يجب أن يكون فرد واحد فقط ربّ الأسرة</translation>
    </message>
    <message>
        <source>is after the registration date</source>
        <translation>بعد تاريخ التسجيل</translation>
    </message>
    <message>
        <source>is before the displacement date</source>
        <translation>قبل تاريخ النزوح</translation>
    </message>
    <message>
        <source>may hold only digits, spaces, + ( ) -</source>
        <translation>يجب أن يحتوي على أرقام ومسافات و + ( ) - فقط</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>يجب أن يكون رقمًا</translation>
    </message>
    <message>
        <source>this household is already fully registered</source>
        <translation>هذه الأسرة مسجلة تسجيلًا كاملًا من قبل</translation>
    </message>
    <message>
        <source>is a pre-registration: upgrade it to a full registration first</source>
        <translation>تسجيل أولي: رقّه إلى تسجيل كامل أولًا</translation>
    </message>
    <message>
        <source>cannot be changed (a shipped gazetteer entry)</source>
        <translation>لا يمكن تغييره (مكان من القائمة المرفقة بالبرنامج)</translation>
    </message>
    <message>
        <source>is not in the area given beside it</source>
        <translation>ليس ضمن المنطقة المذكورة بجانبه</translation>
    </message>
    <message>
        <source>is not a place code of the right level</source>
        <translation>ليس رمز مكان من المستوى الصحيح</translation>
    </message>
    <message>
        <source>does not agree with the counts by sex and age</source>
        <translation>لا يتفق مع الأعداد حسب الجنس والعمر</translation>
    </message>
    <message>
        <source>does not agree with the members listed</source>
        <translation>لا يتفق مع الأفراد المدرجين</translation>
    </message>
    <message>
        <source>holds control characters, which are not allowed</source>
        <translation>يحتوي على محارف تحكم غير مسموح بها</translation>
    </message>
    <message>
        <source>is not a Displacement Tracker record id</source>
        <translation>ليس معرّف سجل في متتبّع النزوح</translation>
    </message>
    <message>
        <source>matches no household in the database</source>
        <translation>لا يطابق أي أسرة في قاعدة البيانات</translation>
    </message>
    <message>
        <source>is repeated</source>
        <translation>مكرر</translation>
    </message>
    <message>
        <source>already exists</source>
        <translation>موجود من قبل</translation>
    </message>
    <message>
        <source>is too weak: use a few more words</source>
        <translation>ضعيفة جدًا: أضف بضع كلمات</translation>
    </message>
    <message>
        <source>has a different number of cells than the header</source>
        <translation>عدد خاناته يختلف عن عدد خانات العنوان</translation>
    </message>
    <message>
        <source>belongs to a household that was rejected</source>
        <translation>ينتمي إلى أسرة رُفضت</translation>
    </message>
    <message>
        <source>is the same submission as an earlier row; the copy is skipped</source>
        <translation>هو الإرسال نفسه في صف سابق؛ تم تخطي النسخة</translation>
    </message>
    <message>
        <source>these two were decided not to be the same; undo that first</source>
        <translation>تقرّر سابقًا أن هذين ليسا الشخص نفسه؛ ألغِ ذلك القرار أولًا</translation>
    </message>
    <message>
        <source>The bundle is damaged: its line %1 cannot be read. Nothing was imported; ask the sender for a new copy.</source>
        <translation>الحزمة تالفة: لا يمكن قراءة السطر %1 منها. لم يُستورد شيء؛ اطلب من المرسِل نسخة جديدة.</translation>
    </message>
    <message>
        <source>The summary is damaged: its count cell %1 is not valid. Nothing was imported; ask the sender for a new copy.</source>
        <translation>الملخص تالف: خانة العدد %1 فيه غير صالحة. لم يُستورد شيء؛ اطلب من المرسِل نسخة جديدة.</translation>
    </message>
    <message>
        <source>%1 is damaged, incomplete or not a Displacement Tracker bundle. Nothing was imported; copy it again from the sender.</source>
        <translation>الملف ⁨%1⁩ تالف أو ناقص، أو ليس حزمة من متتبّع النزوح. لم يُستورد شيء؛ انسخه من جديد من المرسِل.</translation>
    </message>
    <message>
        <source>The bundle is damaged or incomplete. Nothing was imported; copy it again from the sender.</source>
        <translation>الحزمة تالفة أو ناقصة. لم يُستورد شيء؛ انسخها من جديد من المرسِل.</translation>
    </message>
    <message>
        <source>This file comes from a device this database does not trust: %1 (%2), fingerprint %3. Compare the fingerprint with that office by phone, then import the file again and choose to trust the device.</source>
        <translation>هذا الملف صادر عن جهاز لا تثق به قاعدة البيانات هذه: ⁨%1⁩ (⁨%2⁩)، البصمة ⁨%3⁩. قارن البصمة مع ذلك المكتب عبر الهاتف، ثم استورد الملف من جديد واختر الوثوق بالجهاز.</translation>
    </message>
    <message>
        <source>This file comes from a device this database does not trust (device %1), fingerprint %2. Nothing in it was read. Compare the fingerprint with that office by phone, then import the file again and choose to trust the device.</source>
        <translation>هذا الملف من جهاز لا تثق به قاعدة البيانات هذه (الجهاز %1)، بصمته %2. لم يُقرأ منه شيء. قارن البصمة مع ذلك المكتب بالهاتف، ثم استورد الملف مرة أخرى واختر الثقة بالجهاز.</translation>
    </message>
    <message>
        <source>This file claims to come from a trusted device but is signed with another key. It was not imported; check with that office.</source>
        <translation>يدّعي هذا الملف أنه صادر عن جهاز موثوق، لكنه موقّع بمفتاح آخر. لم يُستورد؛ تحقّق من الأمر مع ذلك المكتب.</translation>
    </message>
    <message>
        <source>This bundle was made for another device (%1), not for this one. Ask the sender to export it for this device.</source>
        <translation>أُعدّت هذه الحزمة لجهاز آخر (⁨%1⁩)، لا لهذا الجهاز. اطلب من المرسِل تصديرها لهذا الجهاز.</translation>
    </message>
    <message>
        <source>This bundle cannot be decrypted with this device&apos;s key. Ask the sender to export it again for this device.</source>
        <translation>لا يمكن فكّ تشفير هذه الحزمة بمفتاح هذا الجهاز. اطلب من المرسِل تصديرها من جديد لهذا الجهاز.</translation>
    </message>
    <message>
        <source>This file was already imported. Nothing changed.</source>
        <translation>سبق استيراد هذا الملف. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Displacement Tracker. Update the app to import it.</source>
        <translation>كُتب الملف ⁨%1⁩ بإصدار أحدث من متتبّع النزوح. حدّث التطبيق لاستيراده.</translation>
    </message>
    <message>
        <source>This bundle was written by a newer version of Displacement Tracker. Update the app to import it.</source>
        <translation>كُتبت هذه الحزمة بإصدار أحدث من متتبّع النزوح. حدّث التطبيق لاستيرادها.</translation>
    </message>
    <message>
        <source>%1 was written by an older version of Displacement Tracker, whose changes are not signed by the devices that made them. Ask the sender to update the app and export again.</source>
        <translation>كُتب %1 بإصدار أقدم من متتبع النزوح لا تحمل تغييراته توقيع الأجهزة التي أجرتها. اطلب من المرسل تحديث التطبيق والتصدير مرة أخرى.</translation>
    </message>
    <message>
        <source>This bundle was written by an older version of Displacement Tracker. Ask the sender to update the app and export again.</source>
        <translation>كُتبت هذه الحزمة بإصدار أقدم من متتبع النزوح. اطلب من المرسل تحديث التطبيق والتصدير مرة أخرى.</translation>
    </message>
    <message>
        <source>This file unpacks to far more than any bundle could hold: it was not written by Displacement Tracker. Nothing was imported.</source>
        <translation>يتمدد هذا الملف إلى حجم يفوق بكثير ما يمكن أن تحمله أي حزمة: لم يكتبه متتبع النزوح. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Changes in this bundle (%1) are dated more than a day ahead of this laptop&apos;s clock. Nothing was imported: check the date and time of the sending device and of this one, then export again.</source>
        <translation>تحمل تغييرات في هذه الحزمة (%1) تاريخًا يسبق ساعة هذا الحاسوب بأكثر من يوم. لم يُستورد شيء: تحقق من تاريخ ووقت الجهاز المرسل وهذا الجهاز، ثم صدّر مرة أخرى.</translation>
    </message>
    <message>
        <source>This bundle holds changes dated more than a day ahead of this laptop&apos;s clock. Nothing was imported: check the date and time of both devices.</source>
        <translation>تحمل هذه الحزمة تغييرات بتاريخ يسبق ساعة هذا الحاسوب بأكثر من يوم. لم يُستورد شيء: تحقق من تاريخ ووقت الجهازين.</translation>
    </message>
    <message>
        <source>This bundle carries changes that are not signed by the device that made them, or are signed with another key. Nothing was imported: tell the office that sent it.</source>
        <translation>تحمل هذه الحزمة تغييرات غير موقّعة من الجهاز الذي أجراها، أو موقّعة بمفتاح آخر. لم يُستورد شيء: أبلغ المكتب الذي أرسلها.</translation>
    </message>
    <message>
        <source>%1 is not a usable identity file: it is damaged, was changed after it was made, or comes from another version. Ask the other office to save its identity file again.</source>
        <translation>الملف ⁨%1⁩ ليس ملف هوية صالحًا للاستخدام: فهو تالف، أو عُدّل بعد إنشائه، أو صادر عن إصدار آخر. اطلب من المكتب الآخر حفظ ملف هويته من جديد.</translation>
    </message>
    <message>
        <source>The device %1 is already trusted with another key, or is no longer a peer. If it was re-installed, remove it, then add its new identity file.</source>
        <translation>الجهاز ⁨%1⁩ موثوق مسبقًا بمفتاح آخر، أو لم يعد جهازًا شريكًا. إن أُعيد تثبيته فأزِله، ثم أضف ملف هويته الجديد.</translation>
    </message>
    <message>
        <source>No single trusted peer matches %1, or its key is damaged. Check the list of peers.</source>
        <translation>لا يطابق ⁨%1⁩ جهازًا شريكًا موثوقًا واحدًا، أو أن مفتاحه تالف. راجع قائمة الأجهزة الشريكة.</translation>
    </message>
    <message>
        <source>No usable peer: add the other office&apos;s identity file under Peers (not this device&apos;s own file), then try again.</source>
        <translation>لا يوجد جهاز شريك صالح: أضف ملف هوية المكتب الآخر في «الأجهزة الشريكة» (لا ملف هذا الجهاز نفسه)، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>%1 is not a date like 2025-03-08.</source>
        <translation>⁨%1⁩ ليس تاريخًا بصيغة 2025-03-08.</translation>
    </message>
    <message>
        <source>The sync could not be done. Nothing was changed.</source>
        <translation>تعذّرت المزامنة. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>The bundle was refused: at line %1, %2 %3 (value %4); invalid values in all: %5. Nothing was imported. Tell the office that sent it: its program may need updating.</source>
        <translation>رُفضت الحزمة: في السطر %1، الحقل ⁨%2⁩ %3 (القيمة ⁨%4⁩)؛ مجموع القيم غير الصالحة: %5. لم يُستورد شيء. أبلغ المكتب الذي أرسلها: قد يحتاج برنامجه إلى تحديث.</translation>
    </message>
    <message>
        <source>The bundle holds values that break the rules. Nothing was imported. Tell the office that sent it: its program may need updating.</source>
        <translation>تحتوي الحزمة على قيم تخالف القواعد. لم يُستورد شيء. أبلغ المكتب الذي أرسلها: قد يحتاج برنامجه إلى تحديث.</translation>
    </message>
    <message>
        <source>An export with personal data (names, contacts, document numbers, notes) must be confirmed first. Nothing was written.</source>
        <translation>يجب تأكيد التصدير الذي يتضمّن بيانات شخصية (الأسماء، وسبل التواصل، وأرقام الوثائق، والملاحظات) أولًا. لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a CSV or Excel table. Nothing was imported.</source>
        <translation>تعذّرت قراءة الملف ⁨%1⁩ كجدول CSV أو Excel. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The file cannot be read as a CSV or Excel table. Nothing was imported.</source>
        <translation>تعذّرت قراءة الملف كجدول CSV أو Excel. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The column mapping cannot be used. Nothing was imported.</source>
        <translation>لا يمكن استخدام مطابقة الأعمدة. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The export was written, but its metadata file %1 is open in another program and still describes the previous export: close it there, then export again.</source>
        <translation>كُتب التصدير، لكن ملف بياناته الوصفية ⁨%1⁩ مفتوح في برنامج آخر وما زال يصف التصدير السابق: أغلقه هناك، ثم صدّر مرة أخرى.</translation>
    </message>
    <message>
        <source>%1 is open in another program, so it cannot be replaced. Close it there (Excel or a PDF viewer, for example) or choose another name, then try again. Nothing was changed.</source>
        <translation>الملف ⁨%1⁩ مفتوح في برنامج آخر، لذا لا يمكن استبداله. أغلقه هناك (في Excel أو في عارض PDF مثلًا) أو اختر اسمًا آخر، ثم أعد المحاولة. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>A file is open in another program, so it cannot be replaced. Close it there, then try again. Nothing was changed.</source>
        <translation>ملف مفتوح في برنامج آخر، لذا لا يمكن استبداله. أغلقه هناك، ثم أعد المحاولة. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>التفاصيل: ⁨%1⁩</translation>
    </message>
    <message>
        <source>Wrong passphrase or not a Displacement Tracker database.</source>
        <translation>عبارة المرور خاطئة، أو أن الملف ليس قاعدة بيانات لمتتبّع النزوح.</translation>
    </message>
    <message>
        <source>row %1, </source>
        <translation>السطر %1، </translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>لا توجد قاعدة بيانات في ⁨%1⁩.</translation>
    </message>
    <message>
        <source>A file already exists at %1. Choose another name.</source>
        <translation>يوجد ملف بالفعل في ⁨%1⁩. اختر اسمًا آخر.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Displacement Tracker. Update the app to open it.</source>
        <translation>كُتبت قاعدة البيانات هذه بإصدار أحدث من متتبّع النزوح. حدّث التطبيق لفتحها.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>أُلغيت العملية. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Could not use the file: %1</source>
        <translation>تعذّر استخدام الملف: ⁨%1⁩</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>خطأ غير متوقع: ⁨%1⁩</translation>
    </message>
</context>
<context>
    <name>ExchangeHost</name>
    <message>
        <source>Import and export</source>
        <translation>الاستيراد والتصدير</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>المزامنة</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Create a new database</source>
        <translation>إنشاء قاعدة بيانات جديدة</translation>
    </message>
    <message>
        <source>&amp;Create database</source>
        <translation>إنشاء قاعدة البيانات</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>GazetteerPanel</name>
    <message>
        <source>Places added on devices</source>
        <translation>أماكن أُضيفت على الأجهزة</translation>
    </message>
    <message>
        <source>None yet. Places you add appear here and reach other devices when you sync.</source>
        <translation>لا شيء بعد. تظهر هنا الأماكن التي تضيفها، وتصل إلى الأجهزة الأخرى عند المزامنة.</translation>
    </message>
    <message>
        <source>Lebanon</source>
        <translation>لبنان</translation>
    </message>
    <message>
        <source>Syria</source>
        <translation>سوريا</translation>
    </message>
    <message>
        <source>optional, e.g. 34.63</source>
        <translation>اختياري، مثال: 34.63</translation>
    </message>
    <message>
        <source>optional, e.g. 35.98</source>
        <translation>اختياري، مثال: 35.98</translation>
    </message>
    <message>
        <source>Name in &amp;English:</source>
        <translation>الاسم بالإنكليزية:</translation>
    </message>
    <message>
        <source>Name in &amp;Arabic:</source>
        <translation>الاسم بالعربية:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>النوع:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>البلد:</translation>
    </message>
    <message>
        <source>In &amp;area:</source>
        <translation>ضمن المنطقة:</translation>
    </message>
    <message>
        <source>La&amp;titude:</source>
        <translation>خط العرض:</translation>
    </message>
    <message>
        <source>Lo&amp;ngitude:</source>
        <translation>خط الطول:</translation>
    </message>
    <message>
        <source>&amp;Add place</source>
        <translation>إضافة المكان</translation>
    </message>
    <message>
        <source>Add an informal crossing point or site</source>
        <translation>إضافة نقطة عبور غير رسمية أو موقع</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— اختر —</translation>
    </message>
    <message>
        <source>Added %1 (code %2).</source>
        <translation>أُضيف %1 (الرمز %2).</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>يرجى تصحيح الحقول المشار إليها.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About Displacement Tracker</source>
        <translation>&amp;حول متتبّع النزوح</translation>
    </message>
    <message>
        <source>Displacement Tracker %1</source>
        <translation>متتبّع النزوح %1</translation>
    </message>
    <message>
        <source>Offline registration of displaced households and border-crossing flows.</source>
        <translation>تسجيل الأسر النازحة وحركة العبور عبر الحدود دون اتصال بالإنترنت.</translation>
    </message>
    <message>
        <source>Licence: GPL 3.0 or later. Arabic font: Noto Sans Arabic (SIL Open Font Licence).</source>
        <translation>الترخيص: GPL 3.0 أو أحدث. الخط العربي: Noto Sans Arabic (رخصة SIL للخطوط المفتوحة).</translation>
    </message>
    <message>
        <source>About Displacement Tracker</source>
        <translation>حول متتبّع النزوح</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المعلومات</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>الأسر</translation>
    </message>
    <message>
        <source>Crossings</source>
        <translation>العبور</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>حركة التنقل</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>تبادل البيانات</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>المطابقة</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>انتقال</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>القفل الآن</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>%1 — Displacement Tracker</source>
        <translation>%1 — متتبّع النزوح</translation>
    </message>
    <message>
        <source>%1 — Displacement Tracker — DEMO DATA (made-up people)</source>
        <translation>%1 — متتبّع النزوح — بيانات تجريبية (أشخاص وهميون)</translation>
    </message>
    <message>
        <source>Counting records…</source>
        <translation>جارٍ عدّ السجلات…</translation>
    </message>
    <message>
        <source>Households: %1 · People: %2 · Crossing counts: %3</source>
        <translation>الأسر: %1 · الأفراد: %2 · تعدادات العبور: %3</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>آخر مزامنة: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>لم تتم بعد</translation>
    </message>
    <message>
        <source>Search in this page</source>
        <translation>البحث في هذه الصفحة</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Your office</source>
        <translation>مكتبك</translation>
    </message>
    <message>
        <source>These names appear on exports and on other devices when you sync.</source>
        <translation>تظهر هذه الأسماء في الملفات المصدّرة وعلى الأجهزة الأخرى عند المزامنة.</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>المنظمة:</translation>
    </message>
    <message>
        <source>Office or &amp;device name:</source>
        <translation>اسم المكتب أو الجهاز:</translation>
    </message>
    <message>
        <source>&amp;Country of operation:</source>
        <translation>بلد العمل:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <source>Database &amp;file:</source>
        <translation>ملف قاعدة البيانات:</translation>
    </message>
    <message>
        <source>e.g. Akkar Relief Network</source>
        <translation>مثال: شبكة الإغاثة في عكار</translation>
    </message>
    <message>
        <source>Lebanon</source>
        <translation>لبنان</translation>
    </message>
    <message>
        <source>Syria</source>
        <translation>سوريا</translation>
    </message>
    <message>
        <source>Jordan</source>
        <translation>الأردن</translation>
    </message>
    <message>
        <source>Türkiye</source>
        <translation>تركيا</translation>
    </message>
    <message>
        <source>Iraq</source>
        <translation>العراق</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>A file already exists there. Choose another name: nothing is ever overwritten.</source>
        <translation>يوجد ملف بهذا الاسم. اختر اسمًا آخر: لا يُكتب فوق أي ملف أبدًا.</translation>
    </message>
    <message>
        <source>The folder for this file is not a folder.</source>
        <translation>المسار المختار للمجلد ليس مجلدًا.</translation>
    </message>
    <message>
        <source>New database file</source>
        <translation>ملف قاعدة بيانات جديد</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>تغيير عبارة المرور</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>عبارة المرور الحالية:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>عبارة المرور الجديدة:</translation>
    </message>
    <message>
        <source>New passphrase again:</source>
        <translation>أعد كتابة عبارة المرور الجديدة:</translation>
    </message>
    <message>
        <source>Change and lock</source>
        <translation>التغيير والقفل</translation>
    </message>
    <message>
        <source>The app locks afterwards: unlock it with the new passphrase. Tell everyone who uses this database.</source>
        <translation>سيُقفل التطبيق بعد ذلك: افتحه بعبارة المرور الجديدة. أبلغ كل من يستخدم قاعدة البيانات هذه.</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>ضعيفة جدًا</translation>
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
        <source>At least %1 characters.</source>
        <translation>الحد الأدنى لعدد الأحرف: %1.</translation>
    </message>
    <message>
        <source>Strength: %1.</source>
        <translation>القوة: %1.</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>عبارتا المرور الجديدتان مختلفتان.</translation>
    </message>
    <message>
        <source>The current passphrase is not right. Nothing was changed.</source>
        <translation>عبارة المرور الحالية غير صحيحة. لم يتغيّر شيء.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>The passphrase encrypts every record. A few ordinary words are strong and easy to remember.</source>
        <translation>عبارة المرور تشفّر كل السجلات. بضع كلمات عادية تكون قوية وسهلة التذكّر.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>عبارة المرور:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>أعد كتابتها:</translation>
    </message>
    <message>
        <source>Write it down and keep it somewhere safe. If it is lost, nobody can open the data, not even us.</source>
        <translation>اكتبها واحفظها في مكان آمن. إن ضاعت فلن يستطيع أحد فتح البيانات، ولا نحن.</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>على الأقل %n حرف.</numerusform>
            <numerusform>على الأقل حرف واحد.</numerusform>
            <numerusform>على الأقل حرفان.</numerusform>
            <numerusform>على الأقل %n أحرف.</numerusform>
            <numerusform>على الأقل %n حرفًا.</numerusform>
            <numerusform>على الأقل %n حرف.</numerusform>
        </translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>ضعيفة جدًا</translation>
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
        <source> Add another word or two.</source>
        <translation> أضف كلمة أو كلمتين.</translation>
    </message>
    <message>
        <source>Strength: %1.</source>
        <translation>القوة: %1.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>This part could not be opened: %1</source>
        <translation>تعذّر فتح هذا القسم: ⁨%1⁩</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>Informal crossing point</source>
        <translation>نقطة عبور غير رسمية</translation>
    </message>
    <message>
        <source>Official crossing</source>
        <translation>معبر رسمي</translation>
    </message>
    <message>
        <source>Site (shelter, settlement)</source>
        <translation>موقع (مأوى، تجمّع)</translation>
    </message>
    <message>
        <source>Administrative area</source>
        <translation>منطقة إدارية</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>إعادة تعيين</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>إ&amp;نهاء</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>تأكيد</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <source>Check the details, then create the database.</source>
        <translation>راجع التفاصيل، ثم أنشئ قاعدة البيانات.</translation>
    </message>
    <message>
        <source>Organisation: %1
Office or device: %2
Country of operation: %3
File: %4</source>
        <translation>المنظمة: %1
المكتب أو الجهاز: %2
بلد العمل: %3
الملف: %4</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>This computer</source>
        <translation>هذا الحاسوب</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>Lock the database after this many minutes without use (0 = never). Locking hides every record until the passphrase is typed again.</source>
        <translation>اقفل قاعدة البيانات بعد هذا العدد من الدقائق دون استخدام (0 = أبدًا). القفل يخفي كل السجلات إلى أن تُكتب عبارة المرور من جديد.</translation>
    </message>
    <message>
        <source>&amp;Idle lock:</source>
        <translation>القفل عند الخمول:</translation>
    </message>
    <message>
        <source>host=… dbname=… user=…</source>
        <translation>host=… dbname=… user=…</translation>
    </message>
    <message>
        <source>Optional. The Dashboard&apos;s received summaries are then read from this coordinator hub. The password goes in the PostgreSQL password file, never here.</source>
        <translation>اختياري. تُقرأ عندئذٍ الملخصات المستلمة في لوحة المعلومات من خادم التنسيق هذا. توضع كلمة المرور في ملف كلمات مرور PostgreSQL، وليس هنا أبدًا.</translation>
    </message>
    <message>
        <source>Coordinator &amp;hub:</source>
        <translation>خادم التنسيق:</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>قاعدة البيانات هذه</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>الملف:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>المنظمة:</translation>
    </message>
    <message>
        <source>Office or device:</source>
        <translation>المكتب أو الجهاز:</translation>
    </message>
    <message>
        <source>Country of operation:</source>
        <translation>بلد العمل:</translation>
    </message>
    <message>
        <source>Device id:</source>
        <translation>معرّف الجهاز:</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>تغيير عبارة المرور…</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Locked. Type the passphrase to continue.</source>
        <translation>مقفل. اكتب عبارة المرور للمتابعة.</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without use. Type the passphrase to continue.</source>
        <translation>
            <numerusform>قُفل بعد %n دقيقة دون استخدام. اكتب عبارة المرور للمتابعة.</numerusform>
            <numerusform>قُفل بعد دقيقة واحدة دون استخدام. اكتب عبارة المرور للمتابعة.</numerusform>
            <numerusform>قُفل بعد دقيقتين دون استخدام. اكتب عبارة المرور للمتابعة.</numerusform>
            <numerusform>قُفل بعد %n دقائق دون استخدام. اكتب عبارة المرور للمتابعة.</numerusform>
            <numerusform>قُفل بعد %n دقيقة دون استخدام. اكتب عبارة المرور للمتابعة.</numerusform>
            <numerusform>قُفل بعد %n دقيقة دون استخدام. اكتب عبارة المرور للمتابعة.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Displacement Tracker: open a database</source>
        <translation>متتبّع النزوح: فتح قاعدة بيانات</translation>
    </message>
    <message>
        <source>Displacement Tracker</source>
        <translation>متتبّع النزوح</translation>
    </message>
    <message>
        <source>Records are encrypted on this computer. Choose a database and type its passphrase to unlock it.</source>
        <translation>السجلات مشفّرة على هذا الحاسوب. اختر قاعدة بيانات واكتب عبارة مرورها لفتحها.</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>قاعدة البيانات:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>عبارة المرور:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <source>New here? Create a database for your office, or try the app on made-up data.</source>
        <translation>جديد هنا؟ أنشئ قاعدة بيانات لمكتبك، أو جرّب التطبيق على بيانات وهمية.</translation>
    </message>
    <message>
        <source>&amp;Create new database…</source>
        <translation>إنشاء قاعدة بيانات جديدة…</translation>
    </message>
    <message>
        <source>Open &amp;demo database</source>
        <translation>فتح قاعدة البيانات التجريبية</translation>
    </message>
    <message>
        <source>Demo data (made-up people), passphrase: demo</source>
        <translation>بيانات تجريبية (أشخاص وهميون)، عبارة المرور: demo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Demo database (%1)</source>
        <translation>قاعدة البيانات التجريبية (%1)</translation>
    </message>
    <message>
        <source>Made-up data for trying the app. Passphrase: demo</source>
        <translation>بيانات وهمية لتجربة التطبيق. عبارة المرور: demo</translation>
    </message>
    <message>
        <source>No database here yet. Create a new one, or open the demo.</source>
        <translation>لا توجد قاعدة بيانات هنا بعد. أنشئ واحدة جديدة، أو افتح القاعدة التجريبية.</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>فتح قاعدة بيانات</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>لا توجد قاعدة بيانات في ⁨%1⁩.</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>اكتب عبارة المرور أولًا.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>جارٍ فتح القفل…</translation>
    </message>
    <message>
        <source>Making the demo database: %p%</source>
        <translation>جارٍ إنشاء القاعدة التجريبية: %p%</translation>
    </message>
    <message>
        <source>Creating the database…</source>
        <translation>جارٍ إنشاء قاعدة البيانات…</translation>
    </message>
    <message>
        <source>Wait a moment before trying again.</source>
        <translation>انتظر لحظة قبل المحاولة مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>UserLocationsModel</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>In area</source>
        <translation>ضمن المنطقة</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
</context>
</TS>
