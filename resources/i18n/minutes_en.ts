<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>PreviewDialog</name>
    <message numerus="yes">
        <source>%n page(s) (%2 per copy).</source>
        <translation>
            <numerusform>%n page (%2 per copy).</numerusform>
            <numerusform>%n pages (%2 per copy).</numerusform>
        </translation>
    </message>
</context>
</TS>
