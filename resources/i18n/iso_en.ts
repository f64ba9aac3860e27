<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Import %n row</numerusform>
            <numerusform>Import %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoadPlanDialog</name>
    <message numerus="yes">
        <source>%1 — %n milestone(s) (from %3)</source>
        <translation>
            <numerusform>%1 — %n milestone (from %3)</numerusform>
            <numerusform>%1 — %n milestones (from %3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message numerus="yes">
        <source>%1 — overdue %n day(s)</source>
        <translation>
            <numerusform>%1 — overdue %n day</numerusform>
            <numerusform>%1 — overdue %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n milestone(s) done</source>
        <translation>
            <numerusform>%1 of %n milestone done</numerusform>
            <numerusform>%1 of %n milestones done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanTimeline</name>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The list includes %n people who no longer work at the unit: %2. Remove them from the team (and record the decision) before sending the list. Export it anyway?</source>
        <translation>
            <numerusform>The list includes %n person who no longer works at the unit: %2. Remove them from the team (and record the decision) before sending the list. Export it anyway?</numerusform>
            <numerusform>The list includes %n people who no longer work at the unit: %2. Remove them from the team (and record the decision) before sending the list. Export it anyway?</numerusform>
        </translation>
    </message>
</context>
</TS>
