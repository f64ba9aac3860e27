<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name></name>
    <message>
        <source>One right answer</source>
        <translation>Một đáp án đúng</translation>
    </message>
    <message>
        <source>Tick all that apply</source>
        <translation>Chọn tất cả đáp án đúng</translation>
    </message>
    <message>
        <source>One of several right answers</source>
        <translation>Một trong các đáp án đúng</translation>
    </message>
    <message>
        <source>True / false</source>
        <translation>Đúng / Sai</translation>
    </message>
    <message>
        <source>One of several right answers (choosing one is enough)</source>
        <translation>Một trong các đáp án đúng (chọn một là đủ)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>BankPanel</name>
    <message>
        <source>Search the questions (accents optional)</source>
        <translation>Tìm câu hỏi (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation>Hiện cả câu ngừng dùng</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Thêm câu hỏi…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Ngừng dùng</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>Các phiên bản…</translation>
    </message>
    <message>
        <source>Topics…</source>
        <translation>Chủ đề…</translation>
    </message>
    <message>
        <source>Import / export</source>
        <translation>Nhập / xuất tệp</translation>
    </message>
    <message>
        <source>Import questions (GIFT, Aiken, Moodle XML, Excel)…</source>
        <translation>Nhập câu hỏi (GIFT, Aiken, Moodle XML, Excel)…</translation>
    </message>
    <message>
        <source>Export the bank…</source>
        <translation>Xuất ngân hàng câu hỏi…</translation>
    </message>
    <message>
        <source>Save the Excel template…</source>
        <translation>Lưu tệp Excel mẫu…</translation>
    </message>
    <message>
        <source>Add the missing default questions</source>
        <translation>Thêm các câu còn thiếu của ngân hàng mặc định</translation>
    </message>
    <message>
        <source>The question bank is empty. Add the program&apos;s default questions, or import your own (GIFT, Aiken, Moodle XML, Excel) with &quot;Import / export&quot;.</source>
        <translation>Ngân hàng câu hỏi đang trống. Hãy nạp bộ câu hỏi mặc định của chương trình, hoặc nhập câu hỏi của đơn vị (GIFT, Aiken, Moodle XML, Excel) bằng nút &quot;Nhập / xuất tệp&quot;.</translation>
    </message>
    <message>
        <source>Add the default questions</source>
        <translation>Nạp bộ câu hỏi mặc định</translation>
    </message>
    <message>
        <source>The question bank is empty: the ISO team loads the questions.</source>
        <translation>Ngân hàng câu hỏi đang trống: Tổ triển khai ISO sẽ nạp câu hỏi.</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Tất cả chủ đề</translation>
    </message>
    <message>
        <source>Topic code: %1</source>
        <translation>Mã chủ đề: %1</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n question(s) (%3 in use for new papers).</source>
        <translation>
            <numerusform>Đang hiện %1/%n câu hỏi (%3 câu đang dùng để ra đề).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) imported.</source>
        <translation>
            <numerusform>Đã nhập %n câu hỏi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing the questions…</source>
        <translation>Đang nhập câu hỏi…</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) written to %2.</source>
        <translation>
            <numerusform>Đã xuất %n câu hỏi ra %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Questions added: %1; topics added: %2; already there: %3.</source>
        <translation>Đã thêm %1 câu hỏi và %2 chủ đề (%3 câu đã có từ trước).</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Dùng lại</translation>
    </message>
    <message>
        <source>Topic %1 · clause %2 · version %3</source>
        <translation>Chủ đề %1 · điều khoản %2 · phiên bản %3</translation>
    </message>
    <message>
        <source>Historical question: new papers leave it out unless the training session includes historical questions.</source>
        <translation>Câu hỏi mang tính lịch sử: đề mới không lấy câu này, trừ khi buổi tập huấn chọn ra đề cả câu hỏi lịch sử.</translation>
    </message>
    <message>
        <source>Unit names are filled in from the unit profile (Settings).</source>
        <translation>Tên đơn vị được điền theo hồ sơ đơn vị (Cài đặt).</translation>
    </message>
    <message>
        <source>Add a topic first (Topics…).</source>
        <translation>Hãy thêm chủ đề trước (nút Chủ đề…).</translation>
    </message>
    <message>
        <source>Delete question %1?</source>
        <translation>Xóa câu hỏi %1?</translation>
    </message>
    <message>
        <source>Import questions</source>
        <translation>Nhập câu hỏi</translation>
    </message>
    <message>
        <source>Question files</source>
        <translation>Tệp câu hỏi</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <source>Export the bank</source>
        <translation>Xuất ngân hàng câu hỏi</translation>
    </message>
    <message>
        <source>GIFT (*.gift);;Moodle XML (*.xml);;Excel (*.xlsx);;Aiken (*.aiken);;ISO Desk (*.json)</source>
        <translation>GIFT (*.gift);;Moodle XML (*.xml);;Excel (*.xlsx);;Aiken (*.aiken);;Ngân hàng ISO Desk (*.json)</translation>
    </message>
    <message>
        <source>%1 could not be written in this format.</source>
        <translation>%1 câu không ghi được theo định dạng này.</translation>
    </message>
    <message>
        <source>Save the Excel template</source>
        <translation>Lưu tệp Excel mẫu</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <source>The test has %1 questions. You pass with %2% right answers.</source>
        <translation>Bài kiểm tra có %1 câu. Bạn đạt khi trả lời đúng từ %2% số câu.</translation>
    </message>
    <message>
        <source>You have %1 minutes.</source>
        <translation>Thời gian làm bài: %1 phút.</translation>
    </message>
    <message>
        <source>Each answer is saved as soon as you choose it.</source>
        <translation>Mỗi câu trả lời được lưu ngay khi bạn chọn.</translation>
    </message>
    <message>
        <source>Staff code: %1</source>
        <translation>Mã cán bộ: %1</translation>
    </message>
    <message>
        <source>Is this you?</source>
        <translation>Có phải bạn không?</translation>
    </message>
    <message>
        <source>Yes, start the test</source>
        <translation>Đúng, bắt đầu làm bài</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>Không phải, quay lại</translation>
    </message>
</context>
<context>
    <name>CoverWindow</name>
    <message>
        <source>This PC is being used for the awareness test.</source>
        <translation>Máy này đang dùng để kiểm tra nhận thức.</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation>Mã cán bộ</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng/Bộ phận</translation>
    </message>
    <message>
        <source>Sessions attended</source>
        <translation>Số buổi đã dự</translation>
    </message>
    <message>
        <source>Tests taken</source>
        <translation>Số lần kiểm tra</translation>
    </message>
    <message>
        <source>Best %</source>
        <translation>Cao nhất (%)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Buổi gần nhất</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <source>Attended, not tested</source>
        <translation>Đã dự, chưa kiểm tra</translation>
    </message>
    <message>
        <source>Not trained yet</source>
        <translation>Chưa dự tập huấn</translation>
    </message>
    <message>
        <source>Not subject to the test</source>
        <translation>Không thuộc diện kiểm tra</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <source>Search by name, code or department</source>
        <translation>Tìm theo tên, mã hoặc phòng/bộ phận</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Never passed a test</source>
        <translation>Chưa đạt bài kiểm tra nào</translation>
    </message>
    <message>
        <source>Not trained yet</source>
        <translation>Chưa dự tập huấn</translation>
    </message>
    <message>
        <source>Attended but not tested</source>
        <translation>Đã dự nhưng chưa kiểm tra</translation>
    </message>
    <message>
        <source>Tested but not passed</source>
        <translation>Đã kiểm tra nhưng chưa đạt</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not subject to the test</source>
        <translation>Không thuộc diện kiểm tra</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <source>%1 staff subject to the test · trained: %2 · tested: %3 · passed: %4 (%5% of those tested) · never passed: %6</source>
        <translation>%1 cán bộ thuộc diện kiểm tra · đã tập huấn: %2 · đã kiểm tra: %3 · đạt: %4 (%5% số đã kiểm tra) · chưa đạt lần nào: %6</translation>
    </message>
    <message>
        <source>%1 not subject to the test (not counted)</source>
        <translation>%1 người không thuộc diện kiểm tra (không tính)</translation>
    </message>
    <message>
        <source>Export the coverage</source>
        <translation>Xuất tình hình tập huấn</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>EnteredModel</name>
    <message>
        <source>Staff code</source>
        <translation>Mã cán bộ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Mã đề</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Số câu đúng</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Chưa đạt</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Answers of %1</source>
        <translation>Bài làm của %1</translation>
    </message>
    <message>
        <source>Attempt %1: %2 of %3 right (%4%) — %5.</source>
        <translation>Lần làm bài %1: đúng %2/%3 câu (%4%) — %5.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>đạt</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <source>Attempt %1: not submitted yet.</source>
        <translation>Lần làm bài %1: chưa nộp.</translation>
    </message>
    <message>
        <source>On paper, variant %1.</source>
        <translation>Làm trên giấy, mã đề %1.</translation>
    </message>
    <message>
        <source>Over the office network: %1.</source>
        <translation>Qua mạng nội bộ: %1.</translation>
    </message>
    <message>
        <source>On %1.</source>
        <translation>Làm trên %1.</translation>
    </message>
    <message>
        <source>On the kiosk %1.</source>
        <translation>Làm trên máy %1.</translation>
    </message>
    <message>
        <source>Paper seed: %1.</source>
        <translation>Số khởi tạo đề: %1.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>[%1 pictures]</source>
        <translation>[%1 hình]</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>No.</source>
        <translation>Câu</translation>
    </message>
    <message>
        <source>Question as shown</source>
        <translation>Câu hỏi như đã hiển thị</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Đã chọn</translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation>Đáp án đúng</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Đúng</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>Sai</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import questions — %1</source>
        <translation>Nhập câu hỏi — %1</translation>
    </message>
    <message>
        <source>Format: %1 · encoding: %2 · to import: %3 · refused: %4 · skipped (already in the bank or repeated in the file): %5</source>
        <translation>Định dạng: %1 · bảng mã: %2 · sẽ nhập: %3 · bị từ chối: %4 · bỏ qua (đã có trong ngân hàng hoặc lặp lại trong tệp): %5</translation>
    </message>
    <message>
        <source>New topics: %1</source>
        <translation>Chủ đề mới: %1</translation>
    </message>
    <message>
        <source>To import (%1)</source>
        <translation>Sẽ nhập (%1)</translation>
    </message>
    <message>
        <source>Refused or skipped (%1)</source>
        <translation>Bị từ chối hoặc bỏ qua (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) lose something this program can&apos;t keep (see the &quot;Left out&quot; column).</source>
        <translation>
            <numerusform>%n câu có phần chương trình không giữ được (xem cột &quot;Bỏ ra&quot;).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n question(s)</source>
        <translation>
            <numerusform>Nhập %n câu hỏi</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ItemStatsModel</name>
    <message>
        <source>Question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Số lần làm</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Mã câu</translation>
    </message>
    <message>
        <source>Facility %</source>
        <translation>Độ dễ (%)</translation>
    </message>
    <message>
        <source>Discrimination %</source>
        <translation>Độ phân biệt (%)</translation>
    </message>
    <message>
        <source>Discriminative efficiency %</source>
        <translation>Hiệu quả phân biệt (%)</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Negative discrimination</source>
        <translation>Độ phân biệt âm</translation>
    </message>
    <message>
        <source>Low discrimination</source>
        <translation>Độ phân biệt thấp</translation>
    </message>
    <message>
        <source>A wrong option nobody chose</source>
        <translation>Có phương án sai không ai chọn</translation>
    </message>
    <message>
        <source>Fewer than 30 attempts</source>
        <translation>Chưa đủ 30 bài làm</translation>
    </message>
    <message>
        <source>Topic code: %1</source>
        <translation>Mã chủ đề: %1</translation>
    </message>
</context>
<context>
    <name>JoinScreen</name>
    <message>
        <source>Join the test</source>
        <translation>Tham gia bài kiểm tra</translation>
    </message>
    <message>
        <source>On your phone or computer, connected to the office network (Wi-Fi), open the browser and type:</source>
        <translation>Trên điện thoại hoặc máy tính đã nối mạng nội bộ (Wi-Fi) của cơ quan, mở trình duyệt và gõ:</translation>
    </message>
    <message>
        <source>or scan the code. Then type your staff code or your name, and wait until the proctor lets you in.</source>
        <translation>hoặc quét mã. Sau đó nhập mã cán bộ hoặc họ tên của bạn, rồi chờ người giám sát cho vào.</translation>
    </message>
    <message>
        <source>Close this page (the test goes on)</source>
        <translation>Đóng trang này (bài kiểm tra vẫn tiếp tục)</translation>
    </message>
    <message>
        <source>Waiting to be let in: %1 · Taking the test: %2 · Submitted: %3</source>
        <translation>Đang chờ vào: %1 · Đang làm bài: %2 · Đã nộp: %3</translation>
    </message>
</context>
<context>
    <name>KioskChecks</name>
    <message>
        <source>The test kiosk was not opened: the keyboard of this PC could not be locked, so Alt+Tab, the Windows key and Ctrl+Esc would still work during the test. Restart the PC and open the kiosk again. If it happens again, ask the administrator: antivirus software or a Windows policy may be blocking it. The details are in the program&apos;s log.</source>
        <translation>Chưa mở máy kiểm tra: không khóa được bàn phím của máy này, nên trong giờ kiểm tra người dự vẫn bấm được Alt+Tab, phím Windows và Ctrl+Esc. Hãy khởi động lại máy rồi mở lại máy kiểm tra. Nếu vẫn không được, hãy báo quản trị: có thể phần mềm diệt virus hoặc chính sách của Windows đang chặn. Chi tiết đã ghi trong nhật ký của chương trình.</translation>
    </message>
    <message>
        <source>Windows on this PC locks the screen after %1 minutes without a key press or a mouse move (a setting of this PC or the office&apos;s policy); the program cannot prevent that. A person who reads a question for long would see the screen lock and need the Windows password. Ask the administrator to switch it off for the test day, or stay near to unlock it. Open the kiosk anyway?</source>
        <translation>Windows trên máy này sẽ khóa màn hình sau %1 phút không bấm phím hay di chuột (do cài đặt của máy hoặc chính sách của cơ quan); chương trình không ngăn được. Người dự đọc một câu hỏi lâu sẽ thấy màn hình bị khóa và cần mật khẩu Windows để mở. Hãy nhờ quản trị tắt chế độ này trong ngày kiểm tra, hoặc giám thị ở gần để mở khóa. Vẫn mở máy kiểm tra?</translation>
    </message>
    <message>
        <source>The PC can&apos;t be locked</source>
        <translation>Không khóa được máy</translation>
    </message>
    <message>
        <source>Windows locks the screen</source>
        <translation>Windows sẽ khóa màn hình</translation>
    </message>
    <message>
        <source>Open the kiosk</source>
        <translation>Mở máy kiểm tra</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Awareness test</source>
        <translation>Kiểm tra nhận thức</translation>
    </message>
    <message>
        <source>Please ask the proctor</source>
        <translation>Hãy báo người giám sát</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>The answer was not saved</source>
        <translation>Câu trả lời chưa được lưu</translation>
    </message>
</context>
<context>
    <name>LanPanel</name>
    <message>
        <source>Test over the office network…</source>
        <translation>Kiểm tra qua mạng nội bộ…</translation>
    </message>
    <message>
        <source>Stop serving browsers</source>
        <translation>Dừng kiểm tra qua mạng</translation>
    </message>
    <message>
        <source>Join page (projector)</source>
        <translation>Trang tham gia (máy chiếu)</translation>
    </message>
    <message>
        <source>End the test for everyone…</source>
        <translation>Kết thúc bài kiểm tra cho mọi người…</translation>
    </message>
    <message>
        <source>Let in / move here</source>
        <translation>Cho vào / chuyển sang đây</translation>
    </message>
    <message>
        <source>Let in everyone waiting</source>
        <translation>Cho tất cả người đang chờ vào</translation>
    </message>
    <message>
        <source>Let in everyone on the list</source>
        <translation>Tự cho vào người có tên trong danh sách</translation>
    </message>
    <message>
        <source>Browsers open: %1</source>
        <translation>Mở trên trình duyệt: %1</translation>
    </message>
    <message>
        <source>This session is closed. Reopen it to run the test.</source>
        <translation>Buổi tập huấn này đã đóng. Hãy mở lại để tổ chức kiểm tra.</translation>
    </message>
    <message>
        <source>The port %1 could not be opened (%2). Choose another port, or close the program that uses it.</source>
        <translation>Không mở được cổng %1 (%2). Hãy chọn cổng khác, hoặc đóng chương trình đang dùng cổng này.</translation>
    </message>
    <message>
        <source>The session was closed: the browsers are no longer served.</source>
        <translation>Buổi tập huấn đã đóng: ngừng kiểm tra qua mạng.</translation>
    </message>
    <message>
        <source>Choose a person whose device is waiting to be let in.</source>
        <translation>Hãy chọn một người có thiết bị đang chờ vào phòng thi.</translation>
    </message>
    <message>
        <source>End the test for everyone now? Every test not submitted yet is submitted as it stands, as when the time is up.</source>
        <translation>Kết thúc bài kiểm tra cho mọi người ngay bây giờ? Mọi bài chưa nộp sẽ được nộp như hiện có, như khi hết giờ.</translation>
    </message>
    <message>
        <source>The test was ended: %1 tests were submitted.</source>
        <translation>Đã kết thúc bài kiểm tra: %1 bài đã được nộp.</translation>
    </message>
</context>
<context>
    <name>LanStartDialog</name>
    <message>
        <source>Test over the office network</source>
        <translation>Kiểm tra qua mạng nội bộ</translation>
    </message>
    <message>
        <source>Everyone takes the test at the same time in the browser of their phone or computer, on the office network. Nothing is installed on their devices and no internet is needed.</source>
        <translation>Mọi người cùng làm bài một lúc trên trình duyệt của điện thoại hoặc máy tính, qua mạng nội bộ của cơ quan. Không cần cài gì lên các thiết bị đó và không cần Internet.</translation>
    </message>
    <message>
        <source>Address of this PC:</source>
        <translation>Địa chỉ của máy này:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Cổng:</translation>
    </message>
    <message>
        <source>Let everyone on the attendance list in without asking me</source>
        <translation>Cho mọi người có tên trong danh sách dự vào ngay, không cần hỏi tôi</translation>
    </message>
    <message>
        <source>This PC has no office network address now: only this PC could open the test. Connect it to the office network first.</source>
        <translation>Máy này hiện không có địa chỉ trong mạng nội bộ: chỉ chính máy này mở được bài kiểm tra. Hãy nối máy vào mạng nội bộ trước.</translation>
    </message>
    <message>
        <source>On Windows, the first time, a &quot;Windows Security Alert&quot; may ask whether ISO Desk may receive connections: tick &quot;Private networks&quot; (the office network), leave &quot;Public networks&quot; unticked, and click &quot;Allow access&quot;. If it was cancelled, ask the administrator to allow isodesk.exe in Windows Defender Firewall.</source>
        <translation>Trên Windows, lần đầu tiên có thể hiện hộp thoại &quot;Windows Security Alert&quot; (Tường lửa Windows hỏi có cho ISO Desk nhận kết nối không): hãy đánh dấu &quot;Private networks&quot; (mạng riêng, tức mạng nội bộ của cơ quan), bỏ chọn &quot;Public networks&quot; rồi bấm &quot;Allow access&quot;. Nếu đã lỡ bấm &quot;Cancel&quot;, hãy nhờ người quản trị cho phép isodesk.exe trong Windows Defender Firewall.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <source>Enter answers from paper</source>
        <translation>Nhập bài làm trên giấy</translation>
    </message>
    <message>
        <source>Type the staff code, choose the variant printed on the paper, then the letters ticked in the answer grid, one per question (&quot;-&quot; for a blank, (AC) for several). Enter saves and grades.</source>
        <translation>Gõ mã cán bộ, chọn mã đề in trên bài, rồi gõ các chữ cái đã đánh dấu trong bảng trả lời, mỗi câu một chữ (&quot;-&quot; nếu bỏ trống, (AC) nếu chọn nhiều). Bấm Enter để lưu và chấm.</translation>
    </message>
    <message>
        <source>Variant %1</source>
        <translation>Mã đề %1</translation>
    </message>
    <message>
        <source>Staff code:</source>
        <translation>Mã cán bộ:</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>Mã đề:</translation>
    </message>
    <message>
        <source>Answers:</source>
        <translation>Câu trả lời:</translation>
    </message>
    <message>
        <source>Entered in this window:</source>
        <translation>Đã nhập trong cửa sổ này:</translation>
    </message>
    <message>
        <source>Import a CSV file…</source>
        <translation>Nhập từ tệp CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>No paper variants yet: print them first.</source>
        <translation>Chưa có mã đề giấy nào: hãy in đề trước.</translation>
    </message>
    <message>
        <source>not on the roster</source>
        <translation>không có trong danh sách cán bộ</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n question(s) typed</source>
        <translation>
            <numerusform>Đã gõ %1/%n câu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are wrong and nothing was entered:</source>
        <translation>
            <numerusform>Có %n dòng sai nên chưa nhập bài nào:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s) entered and graded.</source>
        <translation>
            <numerusform>Đã nhập và chấm %n bài làm trên giấy.</numerusform>
        </translation>
    </message>
    <message>
        <source>Answers from paper (CSV)</source>
        <translation>Bài làm trên giấy (CSV)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Tệp CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
    <message>
        <source>Enter the %1 good rows now and leave out the wrong ones?</source>
        <translation>Nhập ngay %1 dòng đúng và bỏ qua các dòng sai?</translation>
    </message>
    <message>
        <source>Enter the good rows</source>
        <translation>Nhập các dòng đúng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation>Mã cán bộ</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng/Bộ phận</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Số câu đúng</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Số lần làm</translation>
    </message>
    <message>
        <source>Device · last answer</source>
        <translation>Thiết bị · lần trả lời cuối</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa làm bài</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang làm bài</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã nộp bài</translation>
    </message>
    <message>
        <source>Waiting to be let in</source>
        <translation>Chờ cho vào</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Đang làm bài</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <source>another device waits to take over</source>
        <translation>thiết bị khác đang chờ làm tiếp</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Chưa đạt</translation>
    </message>
</context>
<context>
    <name>PickPersonScreen</name>
    <message>
        <source>Name or staff code</source>
        <translation>Họ tên hoặc mã cán bộ</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
</context>
<context>
    <name>PickStaffDialog</name>
    <message>
        <source>Name or staff code</source>
        <translation>Họ tên hoặc mã cán bộ</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Chọn</translation>
    </message>
</context>
<context>
    <name>PictureStrip</name>
    <message>
        <source>[picture missing: %1]</source>
        <translation>[thiếu hình: %1]</translation>
    </message>
</context>
<context>
    <name>PicturesEditor</name>
    <message>
        <source>Put a picture on:</source>
        <translation>Đặt hình vào:</translation>
    </message>
    <message>
        <source>Add picture…</source>
        <translation>Thêm hình…</translation>
    </message>
    <message>
        <source>Remove the last picture</source>
        <translation>Bỏ hình cuối</translation>
    </message>
    <message>
        <source>the question</source>
        <translation>câu hỏi</translation>
    </message>
    <message>
        <source>option %1</source>
        <translation>phương án %1</translation>
    </message>
    <message>
        <source>No pictures.</source>
        <translation>Không có hình.</translation>
    </message>
    <message>
        <source>Add a picture</source>
        <translation>Thêm hình</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</source>
        <translation>Hình ảnh (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Không đọc được tệp: %1</translation>
    </message>
    <message>
        <source>%1 is not a picture this program can show (PNG, JPEG, GIF, WebP or BMP, at most %2 KB).</source>
        <translation>%1 không phải hình chương trình hiển thị được (PNG, JPEG, GIF, WebP hoặc BMP, tối đa %2 KB).</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Proctor&apos;s PIN</source>
        <translation>Mã PIN giám sát</translation>
    </message>
    <message>
        <source>The PIN lets the proctor leave the test mode, resume an interrupted test and add people at the kiosk. Keep it to yourself.</source>
        <translation>Mã PIN dùng để thoát chế độ kiểm tra, tiếp tục bài làm bị gián đoạn và thêm người tại máy kiểm tra. Hãy giữ kín mã này.</translation>
    </message>
    <message>
        <source>PIN (4–8 digits):</source>
        <translation>Mã PIN (4–8 chữ số):</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Nhập lại:</translation>
    </message>
    <message>
        <source>Set the PIN</source>
        <translation>Đặt mã PIN</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>Hai lần nhập mã PIN không giống nhau.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
    <message>
        <source>Demo data: the PIN is %1.</source>
        <translation>Dữ liệu mẫu: mã PIN là %1.</translation>
    </message>
</context>
<context>
    <name>PlannedModel</name>
    <message>
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Mã câu</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Số phương án</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Đúng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại câu</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Hình</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Bỏ ra</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(mới)</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại câu</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>ProctorDesk</name>
    <message>
        <source>The program was closed before %1 finished the test (question %2, %3 answered). The proctor enters the PIN to continue the same test.</source>
        <translation>Chương trình bị tắt khi %1 chưa làm xong bài (đang ở câu %2, đã trả lời %3). Người giám sát nhập mã PIN để tiếp tục đúng bài làm đó.</translation>
    </message>
    <message>
        <source>Time left: %1.</source>
        <translation>Thời gian còn lại: %1.</translation>
    </message>
    <message>
        <source>Resume the test</source>
        <translation>Tiếp tục bài làm</translation>
    </message>
    <message>
        <source>Proctor</source>
        <translation>Người giám sát</translation>
    </message>
    <message>
        <source>Proctor: pause the test</source>
        <translation>Người giám sát: tạm dừng bài làm</translation>
    </message>
    <message>
        <source>Enter the proctor&apos;s PIN.</source>
        <translation>Nhập mã PIN của người giám sát.</translation>
    </message>
    <message>
        <source>Wrong PIN five times: the exit is locked. Wait %1 seconds.</source>
        <translation>Nhập sai mã PIN 5 lần: tạm khóa chức năng thoát. Hãy chờ %1 giây.</translation>
    </message>
    <message>
        <source>You can try the PIN again.</source>
        <translation>Có thể nhập lại mã PIN.</translation>
    </message>
    <message>
        <source>%1 — %2 people on the list. This PC: %3.</source>
        <translation>%1 — %2 người trong danh sách. Máy này: %3.</translation>
    </message>
    <message>
        <source>Add a person to the attendance list</source>
        <translation>Thêm người vào danh sách dự</translation>
    </message>
    <message>
        <source>Only people on the staff roster can be added.</source>
        <translation>Chỉ thêm được người có trong danh sách cán bộ.</translation>
    </message>
    <message>
        <source>Allow one more attempt</source>
        <translation>Cho làm thêm một lần</translation>
    </message>
    <message>
        <source>%1 was added to the attendance list and can take the test now.</source>
        <translation>Đã thêm %1 vào danh sách dự; người này có thể làm bài ngay.</translation>
    </message>
    <message>
        <source>%1 may take the test once more.</source>
        <translation>%1 được làm bài thêm một lần.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Chưa làm được</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>ProctorMenuScreen</name>
    <message>
        <source>Proctor</source>
        <translation>Người giám sát</translation>
    </message>
    <message>
        <source>Unfinished tests on this PC (choose one to resume):</source>
        <translation>Bài làm dở trên máy này (chọn để tiếp tục):</translation>
    </message>
    <message>
        <source>Add a person to the attendance list…</source>
        <translation>Thêm người vào danh sách dự…</translation>
    </message>
    <message>
        <source>Allow a person to take the test again…</source>
        <translation>Cho một người làm bài lại…</translation>
    </message>
    <message>
        <source>Leave the test mode</source>
        <translation>Thoát chế độ kiểm tra</translation>
    </message>
    <message>
        <source>← Back to the welcome screen</source>
        <translation>← Về màn hình đầu</translation>
    </message>
    <message>
        <source>Resume: %1 (%2)</source>
        <translation>Tiếp tục: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ProctorView</name>
    <message>
        <source>Start the test kiosk</source>
        <translation>Mở chế độ kiểm tra</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Người dự</translation>
    </message>
    <message>
        <source>Add a person to the list…</source>
        <translation>Thêm người vào danh sách…</translation>
    </message>
    <message>
        <source>Allow a retake</source>
        <translation>Cho làm bài lại</translation>
    </message>
    <message>
        <source>Mark present / absent</source>
        <translation>Đánh dấu có mặt / vắng mặt</translation>
    </message>
    <message>
        <source>Show the answers…</source>
        <translation>Xem bài làm…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Results list (PDF)…</source>
        <translation>Danh sách kết quả (PDF)…</translation>
    </message>
    <message>
        <source>Results (Excel)…</source>
        <translation>Kết quả (Excel)…</translation>
    </message>
    <message>
        <source>Result slips (PDF)…</source>
        <translation>Phiếu kết quả từng người (PDF)…</translation>
    </message>
    <message>
        <source>Paper test</source>
        <translation>Kiểm tra trên giấy</translation>
    </message>
    <message>
        <source>Print paper variants…</source>
        <translation>In đề kiểm tra trên giấy…</translation>
    </message>
    <message>
        <source>Enter answers from paper…</source>
        <translation>Nhập bài làm trên giấy…</translation>
    </message>
    <message>
        <source>Kiosk PCs</source>
        <translation>Máy kiểm tra</translation>
    </message>
    <message>
        <source>Set the proctor&apos;s PIN…</source>
        <translation>Đặt mã PIN giám sát…</translation>
    </message>
    <message>
        <source>Prepare another kiosk PC…</source>
        <translation>Chuẩn bị thêm một máy kiểm tra…</translation>
    </message>
    <message>
        <source>Import a kiosk PC&apos;s results…</source>
        <translation>Nhập kết quả của máy kiểm tra…</translation>
    </message>
    <message>
        <source>Export this PC&apos;s results (kiosk PC)…</source>
        <translation>Xuất kết quả của máy này (máy kiểm tra)…</translation>
    </message>
    <message>
        <source>Search a name</source>
        <translation>Tìm tên</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Choose a training session&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Chọn một buổi tập huấn&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>DVD</source>
        <translation>trình chiếu DVD</translation>
    </message>
    <message>
        <source>consultant&apos;s guidance</source>
        <translation>hướng dẫn của chuyên gia</translation>
    </message>
    <message>
        <source>test</source>
        <translation>kiểm tra</translation>
    </message>
    <message>
        <source>Consultant: %1. Parts done: %2. Status: %3.</source>
        <translation>Chuyên gia tư vấn: %1. Các phần đã làm: %2. Trạng thái: %3.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>đang mở</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã đóng</translation>
    </message>
    <message>
        <source>Demo data: the proctor&apos;s PIN is %1.</source>
        <translation>Dữ liệu mẫu: mã PIN của người giám sát là %1.</translation>
    </message>
    <message>
        <source>%1 on the list · %2 not started · %3 taking the test · %4 submitted · %5 passed · %6 not passed</source>
        <translation>%1 người trong danh sách · %2 chưa làm · %3 đang làm · %4 đã nộp · %5 đạt · %6 chưa đạt</translation>
    </message>
    <message>
        <source>Whole roster: %1 staff subject to the test, %2 have passed a test; never passed (%3): %4</source>
        <translation>Toàn bộ danh sách: %1 cán bộ thuộc diện kiểm tra, %2 người đã đạt; chưa đạt lần nào (%3): %4</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>không có ai</translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>Hãy chọn một người trong danh sách trước.</translation>
    </message>
    <message>
        <source>This session is closed. Reopen it to run the test.</source>
        <translation>Buổi tập huấn này đã đóng. Hãy mở lại để tổ chức kiểm tra.</translation>
    </message>
    <message>
        <source>Add a person to the attendance list</source>
        <translation>Thêm người vào danh sách dự</translation>
    </message>
    <message>
        <source>Let %1 take the test once more?</source>
        <translation>Cho %1 làm bài thêm một lần?</translation>
    </message>
    <message>
        <source>%1 has not taken the test yet.</source>
        <translation>%1 chưa làm bài kiểm tra.</translation>
    </message>
    <message>
        <source>Save the results list</source>
        <translation>Lưu danh sách kết quả</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the results list…</source>
        <translation>Đang ghi danh sách kết quả…</translation>
    </message>
    <message>
        <source>Save the results in Excel</source>
        <translation>Lưu kết quả ra Excel</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the results in Excel…</source>
        <translation>Đang ghi kết quả ra Excel…</translation>
    </message>
    <message>
        <source>Save the result slips</source>
        <translation>Lưu phiếu kết quả</translation>
    </message>
    <message>
        <source>Writing the result slips…</source>
        <translation>Đang ghi phiếu kết quả…</translation>
    </message>
    <message>
        <source>Save the paper variants</source>
        <translation>Lưu đề kiểm tra trên giấy</translation>
    </message>
    <message>
        <source>Writing the paper variants…</source>
        <translation>Đang ghi các mã đề…</translation>
    </message>
    <message>
        <source>Print the paper variants first: the answers are keyed in against the variant printed on each paper.</source>
        <translation>Hãy in đề giấy trước: câu trả lời được nhập theo mã đề in trên từng bài.</translation>
    </message>
    <message>
        <source>The PIN was set.</source>
        <translation>Đã đặt mã PIN.</translation>
    </message>
    <message>
        <source>Prepare a kiosk PC</source>
        <translation>Chuẩn bị máy kiểm tra</translation>
    </message>
    <message>
        <source>Name of that PC (for example: Máy 2):</source>
        <translation>Tên của máy đó (ví dụ: Máy 2):</translation>
    </message>
    <message>
        <source>Save the file for the kiosk PC</source>
        <translation>Lưu tệp cho máy kiểm tra</translation>
    </message>
    <message>
        <source>Kiosk setup files (*.isokiosk)</source>
        <translation>Tệp chuẩn bị máy kiểm tra (*.isokiosk)</translation>
    </message>
    <message>
        <source>Saved %1. On the kiosk PC, open ISO Desk (same unit), go to Training &amp; quiz and choose &quot;Open a kiosk setup file&quot;. Key fingerprint: %2.</source>
        <translation>Đã lưu %1. Trên máy kiểm tra, mở ISO Desk (cùng đơn vị), vào mục Tập huấn &amp; kiểm tra và chọn &quot;Mở tệp chuẩn bị máy kiểm tra&quot;. Dấu nhận dạng khóa: %2.</translation>
    </message>
    <message>
        <source>Results file of a kiosk PC</source>
        <translation>Tệp kết quả của máy kiểm tra</translation>
    </message>
    <message>
        <source>Results files (*.isoresults)</source>
        <translation>Tệp kết quả (*.isoresults)</translation>
    </message>
    <message>
        <source>This file was imported before: nothing was merged again.</source>
        <translation>Tệp này đã được nhập trước đây: không nhập lại gì.</translation>
    </message>
    <message numerus="yes">
        <source>%1: nothing new; the %n attempt(s) in the file are already here. Nothing was merged.</source>
        <translation>
            <numerusform>%1: không có gì mới; %n bài làm trong tệp đã có ở máy này. Không nhập thêm gì.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 new attempts, %3 updated, %4 already here.</source>
        <translation>%1: %2 bài làm mới, %3 bài cập nhật, %4 bài đã có.</translation>
    </message>
    <message>
        <source>This PC was not prepared as a kiosk PC of this session (no kiosk setup file was opened here), so it has no key to sign a results file. On the main PC, results are already here.</source>
        <translation>Máy này chưa được chuẩn bị làm máy kiểm tra của buổi này (chưa mở tệp chuẩn bị), nên không có khóa để ký tệp kết quả. Trên máy chính, kết quả đã có sẵn.</translation>
    </message>
    <message>
        <source>Save the results file</source>
        <translation>Lưu tệp kết quả</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n attempt(s) to %2. Bring the file to the main PC and import it there.</source>
        <translation>
            <numerusform>Đã lưu %n bài làm vào %2. Hãy mang tệp sang máy chính và nhập ở đó.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Edit question %1</source>
        <translation>Sửa câu hỏi %1</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Câu hỏi mới</translation>
    </message>
    <message>
        <source>This question has already been on a paper. Saving a change makes version %1; attempts keep the version they showed.</source>
        <translation>Câu hỏi này đã có trong đề. Lưu thay đổi sẽ tạo phiên bản %1; các bài làm cũ giữ nguyên phiên bản đã hiển thị.</translation>
    </message>
    <message>
        <source>Topic code: %1</source>
        <translation>Mã chủ đề: %1</translation>
    </message>
    <message>
        <source>for example 7.3 a</source>
        <translation>ví dụ 7.3 a</translation>
    </message>
    <message>
        <source>1 — easy</source>
        <translation>1 — dễ</translation>
    </message>
    <message>
        <source>2 — medium</source>
        <translation>2 — trung bình</translation>
    </message>
    <message>
        <source>3 — hard</source>
        <translation>3 — khó</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Chủ đề:</translation>
    </message>
    <message>
        <source>Clause:</source>
        <translation>Điều khoản:</translation>
    </message>
    <message>
        <source>Difficulty:</source>
        <translation>Độ khó:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Loại câu:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Câu hỏi:</translation>
    </message>
    <message>
        <source>Unit names: write %1 or %2 (and %3, %4 for the ISO teams); they are shown as this unit&apos;s level names, now “%5” and “%6”.</source>
        <translation>Tên đơn vị: viết %1 hoặc %2 (và %3, %4 cho tổ, ban ISO); khi hiển thị sẽ thay bằng tên cấp của đơn vị, hiện là “%5” và “%6”.</translation>
    </message>
    <message>
        <source>Options (tick every right one; in your own words, never the standard&apos;s text):</source>
        <translation>Các phương án (đánh dấu mọi phương án đúng; dùng lời của mình, không chép nguyên văn tiêu chuẩn):</translation>
    </message>
    <message>
        <source>right</source>
        <translation>đúng</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Giải thích:</translation>
    </message>
    <message>
        <source>Historical question (about a plan that is over): new papers leave it out unless the session includes historical questions</source>
        <translation>Câu hỏi mang tính lịch sử (về kế hoạch đã kết thúc): đề mới không lấy câu này, trừ khi buổi tập huấn chọn ra đề cả câu hỏi lịch sử</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <source>%v of %m answered</source>
        <translation>Đã trả lời %v/%m câu</translation>
    </message>
    <message>
        <source>Keys: 1–4 or A–D choose, ↑ ↓ move, Enter goes to the next question, ← → previous / next.</source>
        <translation>Phím: 1–4 hoặc A–D để chọn, ↑ ↓ để di chuyển, Enter sang câu tiếp, ← → câu trước / câu sau.</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Câu trước</translation>
    </message>
    <message>
        <source>Flag for review</source>
        <translation>Đánh dấu để xem lại</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Câu tiếp →</translation>
    </message>
    <message>
        <source>Review and submit</source>
        <translation>Xem lại và nộp bài</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Câu %1/%2</translation>
    </message>
    <message>
        <source>Choose ALL the right options (more than one).</source>
        <translation>Chọn TẤT CẢ các phương án đúng (nhiều hơn một).</translation>
    </message>
    <message>
        <source>Choose one option.</source>
        <translation>Chọn một phương án.</translation>
    </message>
    <message>
        <source>Keys: 1–%1 or %2 choose, ↑ ↓ move, Enter goes to the next question, ← → previous / next.</source>
        <translation>Phím: 1–%1 hoặc %2 để chọn, ↑ ↓ để di chuyển, Enter sang câu tiếp, ← → câu trước / câu sau.</translation>
    </message>
    <message>
        <source>Review →</source>
        <translation>Xem lại →</translation>
    </message>
    <message>
        <source>Remove the flag</source>
        <translation>Bỏ đánh dấu</translation>
    </message>
    <message>
        <source>⚑ Flagged</source>
        <translation>⚑ Đã đánh dấu</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>Còn %1 giây</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>Còn %1 phút</translation>
    </message>
</context>
<context>
    <name>QuestionsModel</name>
    <message>
        <source>Key</source>
        <translation>Mã câu</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Điều khoản</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>Độ khó</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Dễ</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>Khó</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Ngừng dùng</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>Chưa dùng</translation>
    </message>
    <message>
        <source>Historical</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Topic code: %1</source>
        <translation>Mã chủ đề: %1</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Finish</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>time is up, the test was submitted.</source>
        <translation>hết giờ, bài đã được nộp.</translation>
    </message>
    <message>
        <source>the proctor ended the test, it was submitted.</source>
        <translation>người giám sát đã kết thúc bài kiểm tra, bài đã được nộp.</translation>
    </message>
    <message>
        <source>%1 of %2 right (%3%)</source>
        <translation>Đúng %1/%2 câu (%3%)</translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation>ĐẠT</translation>
    </message>
    <message>
        <source>NOT PASSED</source>
        <translation>CHƯA ĐẠT</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Đúng</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>Sai</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>không trả lời</translation>
    </message>
    <message>
        <source>Your answer: %1 — %2. Right answer: %3</source>
        <translation>Bạn chọn: %1 — %2. Đáp án đúng: %3</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Review your answers</source>
        <translation>Xem lại bài làm</translation>
    </message>
    <message>
        <source>Click a number to go back to that question. Blue: answered; white: not answered; ⚑: flagged for review.</source>
        <translation>Bấm vào số để quay lại câu đó. Màu xanh: đã trả lời; màu trắng: chưa trả lời; ⚑: đã đánh dấu để xem lại.</translation>
    </message>
    <message>
        <source>← Back to the questions</source>
        <translation>← Quay lại làm bài</translation>
    </message>
    <message>
        <source>Submit my test</source>
        <translation>Nộp bài</translation>
    </message>
    <message>
        <source>Answered %1 of %2 questions.</source>
        <translation>Đã trả lời %1/%2 câu.</translation>
    </message>
    <message>
        <source>%1 not answered yet.</source>
        <translation>Còn %1 câu chưa trả lời.</translation>
    </message>
    <message>
        <source>%1 flagged for review.</source>
        <translation>%1 câu đánh dấu để xem lại.</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Attends</source>
        <translation>Dự</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation>Mã cán bộ</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng/Bộ phận</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Edit training session</source>
        <translation>Sửa buổi tập huấn</translation>
    </message>
    <message>
        <source>New training session</source>
        <translation>Buổi tập huấn mới</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Buổi tập huấn</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Danh sách dự</translation>
    </message>
    <message>
        <source>Test settings</source>
        <translation>Cách ra đề</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n question(s) in the bank):</source>
        <translation>
            <numerusform>%1 (ngân hàng có %n câu):</numerusform>
        </translation>
    </message>
    <message>
        <source>ISO 9001:2015 awareness training</source>
        <translation>Tập huấn nhận thức ISO 9001:2015</translation>
    </message>
    <message>
        <source>from</source>
        <translation>từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>1. The VSS DVD was shown (general awareness, the framework model, the sector&apos;s procedures)</source>
        <translation>1. Đã trình chiếu đĩa DVD của BHXH Việt Nam (nhận thức chung, mô hình khung, bộ quy trình của Ngành)</translation>
    </message>
    <message>
        <source>2. The consultant&apos;s guidance and questions and answers</source>
        <translation>2. Chuyên gia tư vấn hướng dẫn và giải đáp thắc mắc</translation>
    </message>
    <message>
        <source>3. The awareness test</source>
        <translation>3. Kiểm tra nhận thức</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tên buổi:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Địa điểm:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Thời gian:</translation>
    </message>
    <message>
        <source>Consultant:</source>
        <translation>Chuyên gia tư vấn:</translation>
    </message>
    <message>
        <source>Consultant&apos;s organisation:</source>
        <translation>Đơn vị tư vấn:</translation>
    </message>
    <message>
        <source>ISO team representative:</source>
        <translation>Đại diện Tổ triển khai ISO:</translation>
    </message>
    <message>
        <source>Parts done:</source>
        <translation>Các phần đã làm:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Search by name, code or department</source>
        <translation>Tìm theo tên, mã hoặc phòng/bộ phận</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>Chọn tất cả người đang hiện</translation>
    </message>
    <message>
        <source>Untick all shown</source>
        <translation>Bỏ chọn tất cả người đang hiện</translation>
    </message>
    <message>
        <source>People have already taken this test, so its settings can no longer change.</source>
        <translation>Đã có người làm bài kiểm tra này nên không đổi được cách ra đề nữa.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>Shuffle the order of the questions</source>
        <translation>Xáo trộn thứ tự câu hỏi</translation>
    </message>
    <message>
        <source>Shuffle the order of the options</source>
        <translation>Xáo trộn thứ tự phương án</translation>
    </message>
    <message>
        <source>Also draw historical questions (about the 2020 conversion plan)</source>
        <translation>Ra đề cả câu hỏi mang tính lịch sử (về kế hoạch chuyển đổi năm 2020)</translation>
    </message>
    <message>
        <source>The score only</source>
        <translation>Chỉ số câu đúng</translation>
    </message>
    <message>
        <source>The score, the right answers and the explanations</source>
        <translation>Số câu đúng, đáp án đúng và lời giải thích</translation>
    </message>
    <message>
        <source>Questions per paper:</source>
        <translation>Số câu của đề:</translation>
    </message>
    <message>
        <source>Pass mark:</source>
        <translation>Điểm đạt:</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Thời gian làm bài:</translation>
    </message>
    <message>
        <source>Attempts allowed:</source>
        <translation>Số lần được làm bài:</translation>
    </message>
    <message>
        <source>After submitting, show:</source>
        <translation>Sau khi nộp bài, cho xem:</translation>
    </message>
    <message>
        <source>Proctor&apos;s PIN (4–8 digits):</source>
        <translation>Mã PIN giám sát (4–8 chữ số):</translation>
    </message>
    <message>
        <source>Blueprint: how many questions of each topic (0 = drawn from the other topics in proportion to their size).</source>
        <translation>Cơ cấu đề: số câu của từng chủ đề (0 = lấy từ các chủ đề khác theo tỷ lệ số câu của mỗi chủ đề).</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n people attend.</source>
        <translation>
            <numerusform>%1/%n người dự.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set by topic: %1 of %n question(s); the rest is drawn from the other topics.</source>
        <translation>
            <numerusform>Đã định theo chủ đề: %1/%n câu; số còn lại lấy từ các chủ đề khác.</numerusform>
        </translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>giữ nguyên</translation>
    </message>
    <message>
        <source>Meeting hall of %1</source>
        <translation>Hội trường %1</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>Giờ kết thúc phải sau giờ bắt đầu.</translation>
    </message>
    <message>
        <source>Warning: %1 h %2 min is less than half a day; the training should last at least 4 hours.</source>
        <translation>Lưu ý: %1 giờ %2 phút là chưa đủ nửa ngày; buổi tập huấn cần ít nhất 4 giờ.</translation>
    </message>
    <message>
        <source>%1 h %2 min.</source>
        <translation>%1 giờ %2 phút.</translation>
    </message>
    <message>
        <source>Give the session a title, for example “ISO 9001:2015 awareness training”.</source>
        <translation>Hãy đặt tên cho buổi tập huấn, ví dụ “Tập huấn nhận thức ISO 9001:2015”.</translation>
    </message>
    <message>
        <source>The PIN has 4 to 8 digits.</source>
        <translation>Mã PIN gồm 4 đến 8 chữ số.</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Buổi tập huấn</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Tested</source>
        <translation>Đã kiểm tra</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Awareness training</source>
        <translation>Tập huấn nhận thức</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Đang mở</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã đóng</translation>
    </message>
</context>
<context>
    <name>SessionsPanel</name>
    <message>
        <source>New session…</source>
        <translation>Buổi tập huấn mới…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>No training session yet. Plan the training day: its date, place and who attends; the test is then taken on the kiosk or on paper.</source>
        <translation>Chưa có buổi tập huấn nào. Hãy lên kế hoạch buổi tập huấn: ngày, địa điểm và người tham dự; sau đó kiểm tra trên máy kiểm tra hoặc trên giấy.</translation>
    </message>
    <message>
        <source>Plan the training day…</source>
        <translation>Lên kế hoạch buổi tập huấn…</translation>
    </message>
    <message>
        <source>No training session yet: the ISO team plans it.</source>
        <translation>Chưa có buổi tập huấn nào: Tổ triển khai ISO sẽ lên kế hoạch.</translation>
    </message>
    <message>
        <source>Open a kiosk setup file…</source>
        <translation>Mở tệp chuẩn bị máy kiểm tra…</translation>
    </message>
    <message>
        <source>On a kiosk PC: load the session prepared on the main PC</source>
        <translation>Trên máy kiểm tra: mở buổi tập huấn đã chuẩn bị trên máy chính</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Close this session? Nobody can take its test any more (it can be reopened).</source>
        <translation>Đóng buổi tập huấn này? Sẽ không ai làm bài kiểm tra của buổi này được nữa (có thể mở lại).</translation>
    </message>
    <message>
        <source>Delete the session of %1? This cannot be undone.</source>
        <translation>Xóa buổi tập huấn ngày %1? Không thể hoàn tác.</translation>
    </message>
    <message>
        <source>Kiosk setup file</source>
        <translation>Tệp chuẩn bị máy kiểm tra</translation>
    </message>
    <message>
        <source>Kiosk setup files (*.isokiosk)</source>
        <translation>Tệp chuẩn bị máy kiểm tra (*.isokiosk)</translation>
    </message>
    <message>
        <source>This PC is ready as &quot;%1&quot;. Start the test kiosk from the session below; afterwards export this PC&apos;s results from the Kiosk PCs menu.</source>
        <translation>Máy này đã sẵn sàng làm &quot;%1&quot;. Mở chế độ kiểm tra từ buổi tập huấn ở phía dưới; làm xong thì xuất kết quả của máy này từ trình đơn Máy kiểm tra.</translation>
    </message>
</context>
<context>
    <name>StaffListModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation>Mã cán bộ</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng/Bộ phận</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Statistics of:</source>
        <translation>Thống kê của:</translation>
    </message>
    <message>
        <source>Calculate</source>
        <translation>Tính lại</translation>
    </message>
    <message>
        <source>Search a question</source>
        <translation>Tìm câu hỏi</translation>
    </message>
    <message>
        <source>Reliability of the test (KR-20): from 0 to 1, how consistently the test measures what people know; 0.7 or more is good, below 0.5 the scores say little.
Standard error of measurement: by about how many questions a person&apos;s score may be off by chance; a score this close to the pass mark is not a clear result.</source>
        <translation>Độ tin cậy của đề (KR-20): từ 0 đến 1, cho biết đề đo hiểu biết của mọi người có ổn định không; từ 0,7 trở lên là tốt, dưới 0,5 thì điểm số ít ý nghĩa.
Sai số chuẩn đo lường: điểm của một người có thể lệch khoảng bấy nhiêu câu do ngẫu nhiên; điểm gần điểm đạt trong khoảng này thì chưa phải kết quả rõ ràng.</translation>
    </message>
    <message>
        <source>Facility and discriminative efficiency per question (%)</source>
        <translation>Độ dễ và hiệu quả phân biệt của từng câu (%)</translation>
    </message>
    <message>
        <source>The chart shows the first rows of the table: sort or search the table to choose them. Facility: the share of people who answered right. Discrimination: how well the question separates those who know the subject from those who don&apos;t (below 20% is weak, negative means the question is probably wrong or misleading). Only first attempts count.</source>
        <translation>Biểu đồ vẽ các dòng đầu của bảng: sắp xếp hoặc tìm kiếm trong bảng để chọn câu cần xem. Độ dễ: tỷ lệ người trả lời đúng. Độ phân biệt: câu hỏi phân biệt người nắm vững với người chưa nắm vững tốt đến đâu (dưới 20% là yếu; âm thì câu hỏi có thể sai đáp án hoặc gây hiểu nhầm). Chỉ tính bài làm lần đầu.</translation>
    </message>
    <message>
        <source>All sessions of the unit</source>
        <translation>Mọi buổi tập huấn của đơn vị</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>The statistics could not be calculated: %1</source>
        <translation>Không tính được thống kê: %1</translation>
    </message>
    <message>
        <source>No submitted attempts yet.</source>
        <translation>Chưa có bài làm nào được nộp.</translation>
    </message>
    <message>
        <source>First attempts: %1 · mean score %2 of %3 (%4%) · standard deviation %5 · reliability of the test (KR-20) %6 · standard error of measurement %7 questions</source>
        <translation>Bài làm lần đầu: %1 · điểm trung bình %2/%3 (%4%) · độ lệch chuẩn %5 · độ tin cậy của đề (KR-20) %6 · sai số chuẩn đo lường %7 câu</translation>
    </message>
    <message>
        <source>fewer than 30 attempts: read the figures with care.</source>
        <translation>chưa đủ 30 bài làm: cần thận trọng khi đọc số liệu.</translation>
    </message>
    <message>
        <source>rows 1–%1 of %2</source>
        <translation>dòng 1–%1 trong %2 dòng</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Độ dễ</translation>
    </message>
    <message>
        <source>Discriminative efficiency</source>
        <translation>Hiệu quả phân biệt</translation>
    </message>
    <message>
        <source>Choose a question to see which options its answers went to.</source>
        <translation>Chọn một câu hỏi để xem số người chọn từng phương án.</translation>
    </message>
    <message>
        <source>nobody chose it</source>
        <translation>không ai chọn</translation>
    </message>
    <message>
        <source>One of several right answers: choosing any ✔ option is right.</source>
        <translation>Một trong các đáp án đúng: chọn bất kỳ phương án ✔ nào đều đúng.</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Không trả lời</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Cảnh báo</translation>
    </message>
</context>
<context>
    <name>SubmitCheckScreen</name>
    <message>
        <source>After submitting you cannot change your answers.</source>
        <translation>Sau khi nộp bài, bạn không sửa được câu trả lời nữa.</translation>
    </message>
    <message>
        <source>%1 questions are not answered yet.</source>
        <translation>Còn %1 câu chưa trả lời.</translation>
    </message>
    <message>
        <source>Submit your test?</source>
        <translation>Nộp bài?</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Nộp bài</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message>
        <source>Topics</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Name of the topic</source>
        <translation>Tên chủ đề</translation>
    </message>
    <message>
        <source>Short code, no accents</source>
        <translation>Mã ngắn, không dấu</translation>
    </message>
    <message>
        <source>A short code without accents or spaces (for example CSCL), used in question files; it cannot change later.</source>
        <translation>Mã ngắn, không dấu, không có dấu cách (ví dụ CSCL), dùng trong tệp câu hỏi; sau này không đổi được.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <source>Retire / restore</source>
        <translation>Ngừng dùng / dùng lại</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Rename the topic</source>
        <translation>Đổi tên chủ đề</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
</context>
<context>
    <name>TopicsModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Active questions</source>
        <translation>Số câu đang dùng</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Ngừng dùng</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang dùng</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>&lt;h2&gt;Training and the awareness test&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Tập huấn và kiểm tra nhận thức&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Sessions and results</source>
        <translation>Buổi tập huấn và kết quả</translation>
    </message>
    <message>
        <source>Question bank</source>
        <translation>Ngân hàng câu hỏi</translation>
    </message>
    <message>
        <source>Item analysis</source>
        <translation>Phân tích câu hỏi</translation>
    </message>
    <message>
        <source>Roster coverage</source>
        <translation>Tình hình toàn đơn vị</translation>
    </message>
</context>
<context>
    <name>VariantsDialog</name>
    <message>
        <source>Print paper variants</source>
        <translation>In đề kiểm tra trên giấy</translation>
    </message>
    <message>
        <source>Each variant has the questions and options in its own order, an answer grid and its code. Variants printed before are printed again exactly the same.</source>
        <translation>Mỗi mã đề có thứ tự câu hỏi và phương án riêng, một bảng trả lời và mã đề. Các mã đề đã in trước đây được in lại y hệt.</translation>
    </message>
    <message>
        <source>Also save the answer key (a separate PDF, for the proctor only)</source>
        <translation>Lưu cả đáp án (một tệp PDF riêng, chỉ người giám sát giữ)</translation>
    </message>
    <message>
        <source>Number of variants:</source>
        <translation>Số mã đề:</translation>
    </message>
    <message>
        <source>Save the PDF…</source>
        <translation>Lưu tệp PDF…</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions of %1</source>
        <translation>Các phiên bản của %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation>Đáp án đúng</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>ISO 9001:2015 AWARENESS TEST</source>
        <translation>KIỂM TRA NHẬN THỨC ISO 9001:2015</translation>
    </message>
    <message>
        <source>Type your name or your staff code, then choose your name in the list.</source>
        <translation>Gõ họ tên hoặc mã cán bộ của bạn, rồi chọn tên của bạn trong danh sách.</translation>
    </message>
    <message>
        <source>Your name (accents not needed) or your staff code</source>
        <translation>Họ tên (gõ không dấu cũng được) hoặc mã cán bộ</translation>
    </message>
    <message>
        <source>For the proctor</source>
        <translation>Dành cho người giám sát</translation>
    </message>
    <message>
        <source>(not on the list: ask the proctor)</source>
        <translation>(chưa có trong danh sách: hãy báo người giám sát)</translation>
    </message>
    <message>
        <source>Press Enter or click your name.</source>
        <translation>Bấm Enter hoặc bấm vào tên của bạn.</translation>
    </message>
    <message>
        <source>No name matches. Check the spelling, or ask the proctor.</source>
        <translation>Không có tên nào khớp. Hãy kiểm tra lại cách gõ, hoặc báo người giám sát.</translation>
    </message>
</context>
</TS>
