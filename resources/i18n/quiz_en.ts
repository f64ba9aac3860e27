<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BankPanel</name>
    <message numerus="yes">
        <source>Showing %1 of %n question(s) (%3 in use for new papers).</source>
        <translation>
            <numerusform>Showing %1 of %n question (%3 in use for new papers).</numerusform>
            <numerusform>Showing %1 of %n questions (%3 in use for new papers).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) imported.</source>
        <translation>
            <numerusform>%n question imported.</numerusform>
            <numerusform>%n questions imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) written to %2.</source>
        <translation>
            <numerusform>%n question written to %2.</numerusform>
            <numerusform>%n questions written to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n question(s) lose something this program can&apos;t keep (see the &quot;Left out&quot; column).</source>
        <translation>
            <numerusform>%n question loses something this program can&apos;t keep (see the &quot;Left out&quot; column).</numerusform>
            <numerusform>%n questions lose something this program can&apos;t keep (see the &quot;Left out&quot; column).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n question(s)</source>
        <translation>
            <numerusform>Import %n question</numerusform>
            <numerusform>Import %n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message numerus="yes">
        <source>%1 of %n question(s) typed</source>
        <translation>
            <numerusform>%1 of %n question typed</numerusform>
            <numerusform>%1 of %n questions typed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are wrong and nothing was entered:</source>
        <translation>
            <numerusform>%n row is wrong and nothing was entered:</numerusform>
            <numerusform>%n rows are wrong and nothing was entered:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s) entered and graded.</source>
        <translation>
            <numerusform>%n paper entered and graded.</numerusform>
            <numerusform>%n papers entered and graded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProctorView</name>
    <message numerus="yes">
        <source>%1: nothing new; the %n attempt(s) in the file are already here. Nothing was merged.</source>
        <translation>
            <numerusform>%1: nothing new; the %n attempt in the file is already here. Nothing was merged.</numerusform>
            <numerusform>%1: nothing new; the %n attempts in the file are already here. Nothing was merged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n attempt(s) to %2. Bring the file to the main PC and import it there.</source>
        <translation>
            <numerusform>Saved %n attempt to %2. Bring the file to the main PC and import it there.</numerusform>
            <numerusform>Saved %n attempts to %2. Bring the file to the main PC and import it there.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message numerus="yes">
        <source>%1 (%n question(s) in the bank):</source>
        <translation>
            <numerusform>%1 (%n question in the bank):</numerusform>
            <numerusform>%1 (%n questions in the bank):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n people attend.</source>
        <translation>
            <numerusform>%1 of %n person attends.</numerusform>
            <numerusform>%1 of %n people attend.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set by topic: %1 of %n question(s); the rest is drawn from the other topics.</source>
        <translation>
            <numerusform>Set by topic: %1 of %n question; the rest is drawn from the other topics.</numerusform>
            <numerusform>Set by topic: %1 of %n questions; the rest is drawn from the other topics.</numerusform>
        </translation>
    </message>
</context>
</TS>
