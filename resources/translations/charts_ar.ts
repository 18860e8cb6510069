<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ChartMonths</name>
    <message>
        <source>Jan</source>
        <translation>كانون الثاني</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>شباط</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>آذار</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>نيسان</translation>
    </message>
    <message>
        <source>May</source>
        <translation>أيار</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>حزيران</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>تموز</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>آب</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>أيلول</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>تشرين الأول</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>تشرين الثاني</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>كانون الأول</translation>
    </message>
</context>
<context>
    <name>ChartWords</name>
    <message>
        <source>People counted per day, by crossing point</source>
        <translation>عدد الأشخاص يومياً حسب نقطة العبور</translation>
    </message>
    <message>
        <source>7-day average (all points)</source>
        <translation>المتوسط لسبعة أيام (كل النقاط)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>أشخاص</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Cumulative people counted</source>
        <translation>العدد التراكمي للأشخاص</translation>
    </message>
    <message>
        <source>From governorate of origin to destination</source>
        <translation>من محافظة المنشأ إلى الوجهة</translation>
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
        <source>People by sex and age</source>
        <translation>الأشخاص حسب الجنس والعمر</translation>
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
        <source>Routes: origin, crossing point, destination</source>
        <translation>المسارات: المنشأ، نقطة العبور، الوجهة</translation>
    </message>
    <message>
        <source>Origin to crossing point</source>
        <translation>من المنشأ إلى نقطة العبور</translation>
    </message>
    <message>
        <source>Crossing point to destination</source>
        <translation>من نقطة العبور إلى الوجهة</translation>
    </message>
    <message>
        <source>Crossing point</source>
        <translation>نقطة عبور</translation>
    </message>
    <message>
        <source>Boundaries: Natural Earth, for orientation only; positions approximate.</source>
        <translation>الحدود من Natural Earth للتوجيه فقط؛ المواقع تقريبية.</translation>
    </message>
    <message>
        <source>{n} people on routes without a known position are not drawn.</source>
        <translation>لم يُرسم {n} شخصاً على مسارات بلا موقع معروف.</translation>
    </message>
    <message>
        <source>No data for these filters</source>
        <translation>لا توجد بيانات لهذه المرشحات</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>0-4</source>
        <translation>0-4</translation>
    </message>
    <message>
        <source>5-11</source>
        <translation>5-11</translation>
    </message>
    <message>
        <source>12-17</source>
        <translation>12-17</translation>
    </message>
    <message>
        <source>18-59</source>
        <translation>18-59</translation>
    </message>
    <message>
        <source>60+</source>
        <translation>60+</translation>
    </message>
    <message>
        <source>Situation report: displacement and border crossings</source>
        <translation>تقرير الوضع: النزوح والعبور الحدودي</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>تاريخ الإعداد</translation>
    </message>
    <message>
        <source>all dates</source>
        <translation>كل التواريخ</translation>
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
        <source>People counted arriving</source>
        <translation>الوافدون المعدودون</translation>
    </message>
    <message>
        <source>People counted leaving</source>
        <translation>المغادرون المعدودون</translation>
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
        <source>Households with specific needs</source>
        <translation>الأسر ذات الاحتياجات الخاصة</translation>
    </message>
    <message>
        <source>Unaccompanied or separated children</source>
        <translation>الأطفال غير المصحوبين أو المنفصلون</translation>
    </message>
    <message>
        <source>Busiest crossing point</source>
        <translation>أكثر نقاط العبور ازدحاماً</translation>
    </message>
    <message>
        <source>Counts from 1 to {k_minus}, and counts the totals beside them would give away, are hidden: “x”, a grey band, an empty bar or a blank day ({n} on this page). Totals shown are exact. Routes under {k} people are not drawn. Threshold: {k}.</source>
        <translation>الأعداد من 1 إلى {k_minus}، والأعداد التي تكشفها المجاميع المجاورة، مخفية: “x” أو شريط رمادي أو عمود فارغ أو يوم فارغ ({n} في هذه الصفحة). المجاميع المعروضة دقيقة. لا تُرسم المسارات التي تقل عن {k} أشخاص. العتبة: {k}.</translation>
    </message>
    <message>
        <source>Hidden (counts under {k} and their complements)</source>
        <translation>مخفي (أعداد أقل من {k} وما يكشفها)</translation>
    </message>
    <message>
        <source>The charts show arrivals only: departures are too few to show.</source>
        <translation>تعرض الرسوم الوافدين فقط: المغادرون أقل من أن يُعرضوا.</translation>
    </message>
    <message>
        <source>The charts show departures only: arrivals are too few to show.</source>
        <translation>تعرض الرسوم المغادرين فقط: الوافدون أقل من أن يُعرضوا.</translation>
    </message>
    <message>
        <source>Crossing counts cover observation hours only; they are not a total of all who crossed.</source>
        <translation>تغطي أعداد العبور ساعات المراقبة فقط، ولا تمثل مجموع كل من عبر.</translation>
    </message>
</context>
</TS>
