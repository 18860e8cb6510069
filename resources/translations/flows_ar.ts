<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ChartView</name>
    <message>
        <source>Save chart…</source>
        <translation>حفظ المخطط…</translation>
    </message>
    <message>
        <source>Right-click to save this chart as PNG, SVG or PDF</source>
        <translation>انقر بالزر الأيمن لحفظ هذا المخطط بصيغة PNG أو SVG أو PDF</translation>
    </message>
    <message>
        <source>Save this chart as PNG, SVG or PDF</source>
        <translation>حفظ هذا المخطط بصيغة PNG أو SVG أو PDF</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>صورة PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>رسم SVG (*.svg)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>حفظ المخطط</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Situation report (PDF)…</source>
        <translation>تقرير الوضع (PDF)…</translation>
    </message>
    <message>
        <source>Households registered</source>
        <translation>الأسر المسجلة</translation>
    </message>
    <message>
        <source>People in registered households</source>
        <translation>الأفراد في الأسر المسجلة</translation>
    </message>
    <message>
        <source>Arrivals today</source>
        <translation>الوافدون اليوم</translation>
    </message>
    <message>
        <source>Arrivals, last 7 days</source>
        <translation>الوافدون في آخر 7 أيام</translation>
    </message>
    <message>
        <source>Arrivals in the period</source>
        <translation>الوافدون في الفترة</translation>
    </message>
    <message>
        <source>Departures in the period</source>
        <translation>المغادرون في الفترة</translation>
    </message>
    <message>
        <source>Households with specific needs</source>
        <translation>الأسر ذات الاحتياجات الخاصة</translation>
    </message>
    <message>
        <source>Unaccompanied or separated children</source>
        <translation>الأطفال غير المصحوبين أو المنفصلون</translation>
    </message>
    <message>
        <source>Devices reporting</source>
        <translation>الأجهزة المُبلِّغة</translation>
    </message>
    <message>
        <source>Organisations reporting</source>
        <translation>المنظمات المُبلِّغة</translation>
    </message>
    <message>
        <source>Share of the households registered member by member</source>
        <translation>النسبة من الأسر المسجلة فرداً فرداً</translation>
    </message>
    <message>
        <source>Devices whose summaries this database has received</source>
        <translation>الأجهزة التي استلمت قاعدة البيانات هذه ملخصاتها</translation>
    </message>
    <message>
        <source>Origin to destination is not in the received summaries (they carry no destinations). Choose &quot;This office&apos;s records&quot; to see it.</source>
        <translation>مخطط المنشأ إلى الوجهة غير متاح في الملخصات المستلمة (لا تتضمن الوجهات). اختر «سجلات هذا المكتب» لعرضه.</translation>
    </message>
    <message>
        <source>The report is written from this office&apos;s records</source>
        <translation>يُعَدّ التقرير من سجلات هذا المكتب</translation>
    </message>
    <message>
        <source>Busiest crossing points: %1</source>
        <translation>أكثر نقاط العبور ازدحاماً: %1</translation>
    </message>
    <message>
        <source>Save situation report</source>
        <translation>حفظ تقرير الوضع</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>جارٍ إعداد التقرير…</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>تم حفظ التقرير: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All dates</source>
        <translation>كل التواريخ</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>آخر 30 يوماً</translation>
    </message>
    <message>
        <source>Between dates</source>
        <translation>بين تاريخين</translation>
    </message>
    <message>
        <source>All crossing points</source>
        <translation>كل نقاط العبور</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>الاتجاهان</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>الوافدون</translation>
    </message>
    <message>
        <source>Departures</source>
        <translation>المغادرون</translation>
    </message>
    <message>
        <source>All governorates of origin</source>
        <translation>كل محافظات المنشأ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
</context>
<context>
    <name>FlowsPage</name>
    <message>
        <source>Daily crossings by point</source>
        <translation>العبور اليومي حسب النقطة</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>تراكمي</translation>
    </message>
    <message>
        <source>Origin to destination</source>
        <translation>من المنشأ إلى الوجهة</translation>
    </message>
    <message>
        <source>Sex and age</source>
        <translation>الجنس والعمر</translation>
    </message>
    <message>
        <source>Flow map</source>
        <translation>خريطة التدفقات</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <source>The chart could not be drawn: %1</source>
        <translation>تعذّر رسم المخطط: %1</translation>
    </message>
</context>
<context>
    <name>SourceSwitch</name>
    <message>
        <source>This office&apos;s records</source>
        <translation>سجلات هذا المكتب</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>العرض:</translation>
    </message>
    <message>
        <source>Received summaries (%1 devices)</source>
        <translation>الملخصات المستلمة (عدد الأجهزة: %1)</translation>
    </message>
    <message>
        <source>%1: %2 to %3</source>
        <translation>%1: من %2 إلى %3</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>وغيرها: %1</translation>
    </message>
    <message>
        <source>Covering: %1</source>
        <translation>التغطية: %1</translation>
    </message>
</context>
</TS>
