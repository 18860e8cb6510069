<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English needs a catalogue only for the plural forms of %n ("1 group", "2 groups").
     Kept by hand: tests/ui/test_plurals.py fails when a %n message of the code is missing here. -->
<TS version="2.1" language="en_GB">
<context>
    <name>DuplicateScan</name>
    <message numerus="yes">
        <source>%n possible duplicate pair(s) to review in Matching (Ctrl+7).</source>
        <translation>
            <numerusform>%n possible duplicate pair to review in Matching (Ctrl+7).</numerusform>
            <numerusform>%n possible duplicate pairs to review in Matching (Ctrl+7).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrossingsPage</name>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>At least %n character.</numerusform>
            <numerusform>At least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message numerus="yes">
        <source>Locked after %n minute(s) without use. Type the passphrase to continue.</source>
        <translation>
            <numerusform>Locked after %n minute without use. Type the passphrase to continue.</numerusform>
            <numerusform>Locked after %n minutes without use. Type the passphrase to continue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <source>%n pair(s) to review</source>
        <translation>
            <numerusform>%n pair to review</numerusform>
            <numerusform>%n pairs to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TracingPage</name>
    <message numerus="yes">
        <source>%n open report(s)</source>
        <translation>
            <numerusform>%n open report</numerusform>
            <numerusform>%n open reports</numerusform>
        </translation>
    </message>
</context>
</TS>
