<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>BankPanel</name>
    <message>
        <source>Search the questions (accents optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import / export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import questions (GIFT, Aiken, Moodle XML, Excel)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Excel template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the missing default questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 questions (%3 in use for new papers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic %1 · clause %2 · version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a topic first (Topics…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete question %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 questions imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIFT (*.gift);;Moodle XML (*.xml);;Excel (*.xlsx);;Aiken (*.aiken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 questions written to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written in this format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Excel template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 questions and %2 topics added (%3 were already there).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverWindow</name>
    <message>
        <source>This PC is being used for the awareness test.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended, not tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not trained yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <source>Search by name, code or department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never passed a test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not trained yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended but not tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tested but not passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active staff · trained: %2 · tested: %3 · passed: %4 (%5% of those tested) · never passed: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnteredModel</name>
    <message>
        <source>Staff code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Answers of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1: %2 of %3 right (%4%) — %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1: not submitted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On paper, variant %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the kiosk %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper seed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question as shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import questions — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format: %1 · encoding: %2 · to import: %3 · refused: %4 · already in the bank: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New topics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To import (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused or skipped (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the %1 good questions and leave out the refused ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has refused items, so nothing will be imported unless you tick the box below. You can also correct the file (the line numbers are above) and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1 questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemStatsModel</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrimination %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discriminative efficiency %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative discrimination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low discrimination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wrong option nobody chose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer than 30 attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Awareness test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program was closed before %1 finished the test (question %2, %3 answered). The proctor enters the PIN to continue the same test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask the proctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test has %1 questions. You pass with %2% right answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have %1 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each answer is saved as soon as you choose it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is this you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, start the test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After submitting you cannot change your answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 questions are not answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit your test?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time is up, the test was submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proctor: pause the test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the proctor&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN five times: the exit is locked. Wait %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can try the PIN again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 people on the list. This PC: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person to the attendance list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only people on the staff roster can be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow one more attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added to the attendance list and can take the test now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may take the test once more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <source>Enter answers from paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the staff code, choose the variant printed on the paper, then the letters ticked in the answer grid, one per question (&quot;-&quot; for a blank, (AC) for several). Enter saves and grades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered in this window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a CSV file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paper variants yet: print them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not on the roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 questions typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers from paper (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows are wrong and nothing was entered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 good rows now and leave out the wrong ones?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the good rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 papers entered and graded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Preview — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1 (%2 pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the PDF reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickPersonScreen</name>
    <message>
        <source>Name or staff code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickStaffDialog</name>
    <message>
        <source>Name or staff code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Proctor&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN lets the proctor leave the test mode, resume an interrupted test and add people at the kiosk. Keep it to yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN (4–8 digits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlannedModel</name>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(new)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already there, skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProctorMenuScreen</name>
    <message>
        <source>Proctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished tests on this PC (choose one to resume):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person to the attendance list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow a person to take the test again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the test mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back to the welcome screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProctorView</name>
    <message>
        <source>Start the test kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person to the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow a retake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark present / absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results list (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results (Excel)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result slips (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print paper variants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter answers from paper…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk PCs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the proctor&apos;s PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare another kiosk PC…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a kiosk PC&apos;s results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this PC&apos;s results (kiosk PC)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Choose a training session&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DVD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consultant&apos;s guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultant: %1. Parts done: %2. Status: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on the list · %2 not started · %3 taking the test · %4 submitted · %5 passed · %6 not passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole roster: %1 active staff, %2 have passed a test; never passed (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is closed. Reopen it to run the test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person to the attendance list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let %1 take the test once more?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not taken the test yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the results list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the results in Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the result slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the paper variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the paper variants first: the answers are keyed in against the variant printed on each paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN was set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare a kiosk PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of that PC (for example: Máy 2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the file for the kiosk PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk setup files (*.isokiosk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1. On the kiosk PC, open ISO Desk (same unit), go to Training &amp; quiz and choose &quot;Open a kiosk setup file&quot;. Key fingerprint: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results file of a kiosk PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results files (*.isoresults)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file was imported before: nothing was merged again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 new attempts, %3 updated, %4 already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC was not prepared as a kiosk PC of this session (no kiosk setup file was opened here), so it has no key to sign a results file. On the main PC, results are already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the results file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 attempts to %2. Bring the file to the main PC and import it there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Edit question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This question has already been on a paper. Saving a change makes version %1; attempts keep the version they showed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example 7.3 a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 — easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 — medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 — hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficulty:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options (tick every right one; in your own words, never the standard&apos;s text):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <source>%v of %m answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: 1–4 or A–D choose, ↑ ↓ move, Enter goes to the next question, ← → previous / next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review and submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose ALL the right options (more than one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: 1–%1 or %2 choose, ↑ ↓ move, Enter goes to the next question, ← → previous / next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚑ Flagged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionsModel</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 right (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT PASSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer: %1 — %2. Right answer: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Review your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a number to go back to that question. Blue: answered; white: not answered; ⚑: flagged for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back to the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit my test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered %1 of %2 questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 flagged for review.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Attends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Edit training session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New training session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 9001:2015 awareness training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. The VSS DVD was shown (general awareness, the framework model, the sector&apos;s procedures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. The consultant&apos;s guidance and questions and answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. The awareness test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultant&apos;s organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO team representative:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts done:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, code or department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick all shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People have already taken this test, so its settings can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffle the order of the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffle the order of the options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score, the right answers and the explanations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions per paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass mark:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts allowed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After submitting, show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proctor&apos;s PIN (4–8 digits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blueprint: how many questions of each topic (0 = drawn from the other topics in proportion to their size).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 questions in the bank):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting hall of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 people attend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1 h %2 min is less than half a day; the training should last at least 4 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by topic: %1 of %2 questions; the rest is drawn from the other topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN has 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awareness training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsPanel</name>
    <message>
        <source>New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a kiosk setup file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a kiosk PC: load the session prepared on the main PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this session? Nobody can take its test any more (it can be reopened).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the session of %1? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk setup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk setup files (*.isokiosk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC is ready as &quot;%1&quot;. Start the test kiosk from the session on the right; afterwards export this PC&apos;s results from the Kiosk PCs menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffListModel</name>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Statistics of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility and discriminative efficiency per question (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility: the share of people who answered right. Discrimination: how well the question separates those who know the subject from those who don&apos;t (below 20% is weak, negative means the question is probably wrong or misleading). Only first attempts count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sessions of the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statistics could not be calculated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submitted attempts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First attempts: %1 · mean score %2 of %3 (%4%) · standard deviation %5 · KR-20 %6 · standard error of measurement %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fewer than 30 attempts: read the figures with care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discriminative efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a question to see which options its answers went to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody chose it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code, e.g. CSCL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire / restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopicsModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>&lt;h2&gt;Training and the awareness test&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions and results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster coverage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VariantsDialog</name>
    <message>
        <source>Print paper variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each variant has the questions and options in its own order, an answer grid and its code. Variants printed before are printed again exactly the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also save the answer key (a separate PDF, for the proctor only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of variants:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>ISO 9001:2015 AWARENESS TEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your name or your staff code, then choose your name in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: nguyen van an, or CB001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the proctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not on the list: ask the proctor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter or click your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No name matches. Check the spelling, or ask the proctor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
