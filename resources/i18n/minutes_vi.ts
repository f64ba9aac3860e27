<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AdminCheckDialog</name>
    <message>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>Only an administrator can create an account. The administrator types their username and password:</source>
        <translation>Chỉ quản trị mới tạo được tài khoản. Người quản trị nhập tên đăng nhập và mật khẩu của mình:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>This account is not an administrator.</source>
        <translation>Tài khoản này không phải quản trị.</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>SHA-256 (start)</source>
        <translation>SHA-256 (đầu mã)</translation>
    </message>
</context>
<context>
    <name>MinutesEditor</name>
    <message>
        <source>Revision:</source>
        <translation>Bản sửa đổi:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Pre&amp;view and print…</source>
        <translation>&amp;Xem trước và in…</translation>
    </message>
    <message>
        <source>S&amp;ign…</source>
        <translation>&amp;Ký…</translation>
    </message>
    <message>
        <source>Make a &amp;new revision…</source>
        <translation>Tạo bản &amp;sửa đổi mới…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Con&amp;firm…</source>
        <translation>&amp;Xác nhận…</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>nháp</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>đã ký</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>đã xác nhận</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Signed, awaiting confirmation</source>
        <translation>Đã ký, chờ xác nhận</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>(no number yet)</source>
        <translation>(chưa có số)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Minutes %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Biên bản số %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Minutes %1 — %2</source>
        <translation>Biên bản số %1 — %2</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(chưa có trích yếu)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recovered typing.&lt;/b&gt; The program closed before these changes (typed at %1) were saved; they are shown here. Save to keep them.</source>
        <translation>&lt;b&gt;Đã khôi phục phần đang gõ.&lt;/b&gt; Chương trình bị đóng trước khi kịp lưu các thay đổi này (gõ lúc %1); chúng được hiện lại ở đây. Hãy bấm Lưu để giữ.</translation>
    </message>
    <message>
        <source>Discard recovered changes</source>
        <translation>Bỏ phần đã khôi phục</translation>
    </message>
    <message>
        <source>An older draft, kept for the record.</source>
        <translation>Bản nháp cũ, được giữ lại để tra cứu.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This copy was altered after signing.&lt;/b&gt; The signatures no longer match what is stored: </source>
        <translation>&lt;b&gt;Bản này đã bị thay đổi sau khi ký.&lt;/b&gt; Chữ ký không còn khớp với nội dung đang lưu: </translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed and locked.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Đã ký, đã khóa.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;A newer revision exists; this one stays readable as it was signed.</source>
        <translation>&lt;br&gt;Đã có bản sửa đổi mới hơn; bản này được giữ nguyên như khi ký để tra cứu.</translation>
    </message>
    <message>
        <source>&lt;br&gt;To change it, make a new revision: it will need signing again.</source>
        <translation>&lt;br&gt;Muốn thay đổi, hãy tạo bản sửa đổi mới: bản mới cần được ký lại.</translation>
    </message>
    <message>
        <source>Typing…</source>
        <translation>Đang gõ…</translation>
    </message>
    <message>
        <source>Could not keep a recovery copy: %1</source>
        <translation>Không lưu được bản khôi phục: %1</translation>
    </message>
    <message>
        <source>Recovery copy kept at %1 — not saved yet</source>
        <translation>Đã giữ bản dự phòng lúc %1 — chưa lưu</translation>
    </message>
    <message>
        <source>Ready to sign, but “…” is still left to fill in: %1</source>
        <translation>Có thể ký, nhưng còn chỗ “…” chưa điền: %1</translation>
    </message>
    <message>
        <source>Ready to sign.</source>
        <translation>Đủ thông tin, có thể ký.</translation>
    </message>
    <message>
        <source>Before signing, complete: %1</source>
        <translation>Trước khi ký, cần điền: %1</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red. Your typing is kept.</source>
        <translation>Chưa lưu được: hãy sửa các ô đánh dấu đỏ. Những gì bạn đã gõ vẫn được giữ.</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Đã lưu lúc %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>The minutes could not be saved (see the fields marked in red). What you typed is kept as a recovery copy and will be offered when you open this minutes again.</source>
        <translation>Chưa lưu được biên bản (xem các mục báo đỏ). Phần đã gõ được giữ làm bản dự phòng và sẽ hiện lại khi mở biên bản này.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Sửa tiếp</translation>
    </message>
    <message>
        <source>ISO team</source>
        <translation>Tổ triển khai ISO</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message>
        <source>Select a file in the list first.</source>
        <translation>Hãy chọn một tệp trong danh sách trước.</translation>
    </message>
    <message>
        <source>Save a copy of the file</source>
        <translation>Lưu một bản của tệp</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <source>The minutes can&apos;t be signed yet. Complete the fields marked in red:
</source>
        <translation>Biên bản chưa ký được. Hãy điền các mục báo đỏ:
</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Bản sửa đổi mới</translation>
    </message>
    <message>
        <source>Minutes %1 is signed. A new revision copies it as a draft; it must be signed again. The signed revision stays as it is.

Reason for the change:</source>
        <translation>Biên bản số %1 đã ký. Bản sửa đổi mới được chép thành bản nháp và phải ký lại; bản đã ký vẫn giữ nguyên.

Lý do sửa đổi:</translation>
    </message>
</context>
<context>
    <name>MinutesForm</name>
    <message>
        <source>&amp;General</source>
        <translation>Thông tin &amp;chung</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Thành phần tham dự</translation>
    </message>
    <message>
        <source>C&amp;ontent</source>
        <translation>&amp;Nội dung</translation>
    </message>
    <message>
        <source>&amp;Action items</source>
        <translation>&amp;Công việc cần làm</translation>
    </message>
    <message>
        <source>A&amp;ttachments</source>
        <translation>Tài liệu &amp;kèm theo</translation>
    </message>
    <message>
        <source>Copies and &amp;recipients</source>
        <translation>Số bản và nơi &amp;nhận</translation>
    </message>
    <message>
        <source>Automatic, e.g. 05/BB-BHXH…</source>
        <translation>Tự động, ví dụ 05/BB-BHXH…</translation>
    </message>
    <message>
        <source>What the working session was about</source>
        <translation>Nội dung buổi làm việc</translation>
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
        <source>e.g. Meeting room of the office</source>
        <translation>ví dụ: Phòng họp cơ quan</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số biên bản:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Trích yếu:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày họp:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Thời gian:</translation>
    </message>
    <message>
        <source>Pl&amp;ace:</source>
        <translation>Địa &amp;điểm:</translation>
    </message>
    <message>
        <source>C&amp;hair:</source>
        <translation>Chủ &amp;trì:</translation>
    </message>
    <message>
        <source>Secretar&amp;y (who records):</source>
        <translation>Thư &amp;ký (người ghi biên bản):</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>&lt;b&gt;Representatives of the unit&lt;/b&gt;</source>
        <translation>&lt;b&gt;Đại diện đơn vị&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add from the &amp;roster…</source>
        <translation>Chọn từ &amp;danh sách cán bộ…</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Thêm một người</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Nobody yet: add people from the roster or type them in.</source>
        <translation>Chưa có ai: thêm người từ danh sách cán bộ hoặc gõ vào.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The consultant: organisation and experts&lt;/b&gt; (type them in)</source>
        <translation>&lt;b&gt;Đơn vị tư vấn: tổ chức và chuyên gia&lt;/b&gt; (gõ tên vào)</translation>
    </message>
    <message>
        <source>Add an expert</source>
        <translation>Thêm chuyên gia</translation>
    </message>
    <message>
        <source>No expert yet: press “Add an expert”.</source>
        <translation>Chưa có chuyên gia nào: bấm “Thêm chuyên gia”.</translation>
    </message>
    <message>
        <source>• Bullet list</source>
        <translation>• Gạch đầu dòng</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>→ Indent</source>
        <translation>→ Thụt vào</translation>
    </message>
    <message>
        <source>Ctrl+]</source>
        <translation>Ctrl+]</translation>
    </message>
    <message>
        <source>← Outdent</source>
        <translation>← Lùi ra</translation>
    </message>
    <message>
        <source>Ctrl+[</source>
        <translation>Ctrl+[</translation>
    </message>
    <message>
        <source>One paragraph per line. A line starting with &quot;- &quot; is a bullet; indent it for a sub-item. Enter continues a list.</source>
        <translation>Mỗi dòng một đoạn. Dòng bắt đầu bằng &quot;- &quot; là một gạch đầu dòng; thụt vào để thành ý nhỏ. Nhấn Enter để viết tiếp danh sách.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Content&lt;/b&gt; (what was done and discussed)</source>
        <translation>&lt;b&gt;Nội dung&lt;/b&gt; (diễn biến, các việc đã làm và trao đổi)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Results and conclusions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kết quả, kết luận&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung công việc</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>By when (dd/mm/yyyy)</source>
        <translation>Thời hạn (ngày/tháng/năm)</translation>
    </message>
    <message>
        <source>Add an action item</source>
        <translation>Thêm công việc</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Lưu một bản…</translation>
    </message>
    <message>
        <source>No attached file. Press “Attach a file…” to add one, for example a scanned list of signatures.</source>
        <translation>Chưa có tệp đính kèm. Bấm “Đính kèm tệp…” để thêm, ví dụ bản quét danh sách ký tên.</translation>
    </message>
    <message>
        <source>Attached files are kept with the minutes and covered by the signatures by their SHA-256 fingerprint.</source>
        <translation>Tệp đính kèm được lưu cùng biên bản; chữ ký bao gồm cả tệp (theo mã SHA-256 của tệp).</translation>
    </message>
    <message>
        <source>Use the usual three copies</source>
        <translation>Dùng 03 bản như thường lệ</translation>
    </message>
    <message>
        <source>Number of &amp;copies:</source>
        <translation>Số &amp;bản:</translation>
    </message>
    <message>
        <source>Where each copy goes
(one line per copy):</source>
        <translation>Nơi nhận từng bản
(mỗi bản một dòng):</translation>
    </message>
</context>
<context>
    <name>MinutesPage</name>
    <message>
        <source>&lt;h2&gt;Working minutes&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Biên bản làm việc&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Search by number, subject or person (accents optional)</source>
        <translation>Tìm theo số, trích yếu hoặc người (gõ có dấu hay không dấu đều được)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>Chờ xác nhận</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>New minutes</source>
        <translation>Lập biên bản mới</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Sign / confirm…</source>
        <translation>Ký / xác nhận…</translation>
    </message>
    <message>
        <source>Check signatures</source>
        <translation>Kiểm tra chữ ký</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Xem trước và in…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Xóa bản nháp</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
    <message>
        <source>unsaved text from %1</source>
        <translation>có phần chưa lưu, gõ lúc %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2 minutes</source>
        <translation>Đang hiện %1/%2 biên bản</translation>
    </message>
    <message>
        <source>%1 ALTERED after signing</source>
        <translation>%1 biên bản BỊ SỬA SAU KHI KÝ</translation>
    </message>
    <message>
        <source>a new minutes not saved yet (%1): New minutes → %2 brings its text back</source>
        <translation>có biên bản mới chưa lưu (gõ lúc %1): bấm Lập biên bản mới → %2 để viết tiếp</translation>
    </message>
    <message>
        <source>Select a minutes to see its revisions and signatures.</source>
        <translation>Chọn một biên bản để xem các bản sửa đổi và chữ ký.</translation>
    </message>
    <message>
        <source>Discard draft revision %1 of minutes %2? The signed revision before it stays.</source>
        <translation>Bỏ bản nháp sửa đổi %1 của biên bản số %2? Bản đã ký trước đó vẫn được giữ.</translation>
    </message>
    <message>
        <source>Delete the draft minutes %2? It was never signed.</source>
        <translation>Xóa bản nháp biên bản số %2? Biên bản này chưa được ký.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <source>Export the register to Excel</source>
        <translation>Xuất sổ biên bản ra Excel</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved %1 (%2 minutes).</source>
        <translation>Đã lưu %1 (%2 biên bản).</translation>
    </message>
</context>
<context>
    <name>MinutesTableModel</name>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Rev.</source>
        <translation>Bản sửa đổi</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Người lập</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>Người xác nhận</translation>
    </message>
    <message>
        <source>Signature check</source>
        <translation>Kiểm tra chữ ký</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Signed, awaiting confirmation</source>
        <translation>Đã ký, chờ xác nhận</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source> (unsaved typing kept)</source>
        <translation> (còn phần đang gõ chưa lưu)</translation>
    </message>
    <message>
        <source>ALTERED after signing</source>
        <translation>BỊ SỬA SAU KHI KÝ</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Hợp lệ</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Chưa ký</translation>
    </message>
</context>
<context>
    <name>NewMinutesEditor</name>
    <message>
        <source>Not saved yet</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(chưa có trích yếu)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;New minutes&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Biên bản mới&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Not saved yet: it gets its number and its place in the register when you save it.</source>
        <translation>Chưa lưu: biên bản được cấp số và vào sổ biên bản khi bạn lưu.</translation>
    </message>
    <message>
        <source>New minutes — %1</source>
        <translation>Biên bản mới — %1</translation>
    </message>
    <message>
        <source>Could not keep a recovery copy: %1</source>
        <translation>Không lưu được bản khôi phục: %1</translation>
    </message>
    <message>
        <source>Recovery copy kept — not saved yet</source>
        <translation>Đã giữ bản khôi phục — chưa lưu</translation>
    </message>
    <message>
        <source>Saved as minutes %1</source>
        <translation>Đã lưu thành biên bản số %1</translation>
    </message>
    <message>
        <source>Save the new minutes?</source>
        <translation>Lưu biên bản mới?</translation>
    </message>
    <message>
        <source>This new minutes has not been saved: it has no number and is not in the register. Save it?</source>
        <translation>Biên bản mới này chưa được lưu: chưa có số và chưa có trong sổ biên bản. Lưu biên bản?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Keep writing</source>
        <translation>Tiếp tục soạn</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Minutes %1 — preview</source>
        <translation>Biên bản số %1 — xem trước</translation>
    </message>
    <message>
        <source>All %1 copies</source>
        <translation>Cả %1 bản</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Đang dựng văn bản…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) (%2 per copy).</source>
        <translation>
            <numerusform>%n trang (mỗi bản %2 trang).</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft: printed with a “BẢN NHÁP” watermark.</source>
        <translation>Bản nháp: khi in có chữ chìm “BẢN NHÁP”.</translation>
    </message>
    <message>
        <source>Revision %1 replaced this one: every page says so.</source>
        <translation>Bản sửa đổi %1 đã thay thế bản này: mỗi trang in đều ghi rõ.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This copy was altered after signing.&lt;/b&gt; </source>
        <translation>&lt;b&gt;Bản này đã bị thay đổi sau khi ký.&lt;/b&gt; </translation>
    </message>
    <message>
        <source>The document could not be prepared. Close this window and try again; if it happens again, tell the administrator.</source>
        <translation>Không chuẩn bị được văn bản để xem và in. Hãy đóng cửa sổ này rồi thử lại; nếu vẫn lỗi, hãy báo quản trị hệ thống.</translation>
    </message>
    <message>
        <source>Print minutes %1</source>
        <translation>In biên bản số %1</translation>
    </message>
</context>
<context>
    <name>PrintedCheckBox</name>
    <message>
        <source>Check a printed copy:</source>
        <translation>Kiểm tra bản in:</translation>
    </message>
    <message>
        <source>content code XXXX-XXXX-XXXX-XXXX, full hash, or scan the QR code</source>
        <translation>mã nội dung XXXX-XXXX-XXXX-XXXX, mã băm đầy đủ, hoặc quét mã QR</translation>
    </message>
    <message>
        <source>Type the “Mã nội dung” printed under the QR code of a paper copy, or scan the QR code with a barcode scanner, then press Enter.</source>
        <translation>Nhập “Mã nội dung” in dưới mã QR của bản giấy, hoặc quét mã QR bằng máy quét mã, rồi nhấn Enter.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
</context>
<context>
    <name>PrintedCheckDialog</name>
    <message>
        <source>Printed copy check</source>
        <translation>Kiểm tra bản in</translation>
    </message>
    <message>
        <source>Show in the register</source>
        <translation>Xem trong sổ biên bản</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>This is not a code printed on a minutes.</source>
        <translation>Đây không phải mã in trên biên bản.</translation>
    </message>
    <message>
        <source>No minutes here has the content of this printed copy.</source>
        <translation>Không có biên bản nào ở đây có nội dung của bản in này.</translation>
    </message>
    <message>
        <source>Several revisions start with this code: type all 16 characters.</source>
        <translation>Có nhiều bản sửa đổi có mã bắt đầu như vậy: hãy nhập đủ 16 ký tự.</translation>
    </message>
    <message>
        <source>Minutes %1, revision %2: the record here does not check.</source>
        <translation>Biên bản %1, bản sửa đổi %2: bản lưu ở đây không còn như lúc ký.</translation>
    </message>
    <message>
        <source>Minutes %1, revision %2: a draft, not signed.</source>
        <translation>Biên bản %1, bản sửa đổi %2: bản nháp, chưa ký.</translation>
    </message>
    <message>
        <source>Minutes %1, revision %2: replaced by revision %3.</source>
        <translation>Biên bản %1, bản sửa đổi %2: đã được thay thế bởi bản sửa đổi %3.</translation>
    </message>
    <message>
        <source>Minutes %1, revision %2: current, signatures valid.</source>
        <translation>Biên bản %1, bản sửa đổi %2: bản hiện hành, chữ ký hợp lệ.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>khóa</translation>
    </message>
    <message>
        <source>Content code:</source>
        <translation>Mã nội dung:</translation>
    </message>
    <message>
        <source>Content hash (SHA-256):</source>
        <translation>Mã băm nội dung (SHA-256):</translation>
    </message>
    <message>
        <source>Minutes id:</source>
        <translation>Mã biên bản:</translation>
    </message>
</context>
<context>
    <name>RevisionsModel</name>
    <message>
        <source>Revision</source>
        <translation>Bản sửa đổi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Người lập</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>Người xác nhận</translation>
    </message>
    <message>
        <source>Signature check</source>
        <translation>Kiểm tra chữ ký</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Signed, awaiting confirmation</source>
        <translation>Đã ký, chờ xác nhận</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Hợp lệ</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Chưa ký</translation>
    </message>
    <message>
        <source>ALTERED after signing</source>
        <translation>BỊ SỬA SAU KHI KÝ</translation>
    </message>
</context>
<context>
    <name>RosterPicker</name>
    <message>
        <source>Add participants of the unit</source>
        <translation>Thêm người tham dự của đơn vị</translation>
    </message>
    <message>
        <source>Select one or more people (Ctrl or Shift + click), then press Add. Type to search; accents are optional.</source>
        <translation>Chọn một hoặc nhiều người (giữ Ctrl hoặc Shift rồi bấm), sau đó bấm Thêm. Gõ để tìm, có dấu hay không dấu đều được.</translation>
    </message>
    <message>
        <source>Search by name, position or department</source>
        <translation>Tìm theo tên, chức vụ hoặc bộ phận</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Electronic signature — minutes %1</source>
        <translation>Ký điện tử — biên bản số %1</translation>
    </message>
    <message>
        <source>Step 1 of 2: the person who recorded the minutes signs.</source>
        <translation>Bước 1/2: người lập biên bản ký.</translation>
    </message>
    <message>
        <source>Step 2 of 2: the representative confirms the minutes signed by its author.</source>
        <translation>Bước 2/2: người đại diện xác nhận biên bản mà người lập đã ký.</translation>
    </message>
    <message>
        <source>Signing as: %1</source>
        <translation>Ký với tư cách: %1</translation>
    </message>
    <message>
        <source>What is being signed</source>
        <translation>Văn bản được ký</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>bản sửa đổi %1</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Số:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Trích yếu:</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Buổi làm việc:</translation>
    </message>
    <message>
        <source>Content fingerprint:</source>
        <translation>Dấu vân tay nội dung:</translation>
    </message>
    <message>
        <source>(changes if anything in the minutes or its attached files changes)</source>
        <translation>(sẽ khác đi nếu bất cứ nội dung nào của biên bản hay tệp đính kèm bị thay đổi)</translation>
    </message>
    <message>
        <source>SHA-256 of every field and attached file: %1</source>
        <translation>Mã SHA-256 của mọi mục và mọi tệp đính kèm: %1</translation>
    </message>
    <message>
        <source>Recorded and signed by:</source>
        <translation>Người lập đã ký:</translation>
    </message>
    <message>
        <source>Who signs (type your own username and password)</source>
        <translation>Người ký (tự nhập tên đăng nhập và mật khẩu của mình)</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Tên đăng &amp;nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Representative of %1</source>
        <translation>Đại diện %1</translation>
    </message>
    <message>
        <source>Confirming &amp;as:</source>
        <translation>&amp;Xác nhận với tư cách:</translation>
    </message>
    <message>
        <source>I &amp;agree with this statement</source>
        <translation>Tôi đồng ý với lời xác nhận trên</translation>
    </message>
    <message>
        <source>The consultant has no account yet? Create one (administrator)…</source>
        <translation>Chuyên gia tư vấn chưa có tài khoản? Tạo tài khoản (quản trị)…</translation>
    </message>
    <message>
        <source>Sign as “%1”</source>
        <translation>Ký với tư cách “%1”</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>No account with this username.</source>
        <translation>Không có tài khoản với tên đăng nhập này.</translation>
    </message>
    <message>
        <source>the signer</source>
        <translation>người ký</translation>
    </message>
    <message>
        <source>I, %1, have read minutes %2 (revision %3, content hash %4) and sign it as “%5”.</source>
        <translation>Tôi, %1, đã đọc biên bản số %2 (bản sửa đổi %3, mã nội dung %4) và ký với tư cách “%5”.</translation>
    </message>
    <message>
        <source>the subject</source>
        <translation>trích yếu</translation>
    </message>
    <message>
        <source>the content</source>
        <translation>nội dung</translation>
    </message>
    <message>
        <source>the conclusions</source>
        <translation>kết luận</translation>
    </message>
    <message>
        <source>%1 still contains “…” left from the template (for example “lần thứ … năm …”). A signed minutes cannot be changed. Sign anyway?</source>
        <translation>%1 vẫn còn dấu “…” của mẫu (ví dụ “lần thứ … năm …”). Biên bản đã ký thì không sửa được nữa. Vẫn ký?</translation>
    </message>
    <message>
        <source>Sign anyway</source>
        <translation>Vẫn ký</translation>
    </message>
    <message>
        <source>Go back and fill in</source>
        <translation>Quay lại điền tiếp</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Đang ký…</translation>
    </message>
    <message>
        <source>The minutes is not complete: </source>
        <translation>Biên bản chưa đủ thông tin: </translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Signature check — minutes %1</source>
        <translation>Kiểm tra chữ ký — biên bản số %1</translation>
    </message>
    <message>
        <source>Valid: nothing was changed after signing.</source>
        <translation>Hợp lệ: không có gì bị thay đổi sau khi ký.</translation>
    </message>
    <message>
        <source>This copy was altered after signing.</source>
        <translation>Bản này đã bị thay đổi sau khi ký.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>khóa</translation>
    </message>
    <message>
        <source>Revision %1: content code %2</source>
        <translation>Bản sửa đổi %1: mã nội dung %2</translation>
    </message>
    <message>
        <source>Content hash (SHA-256):</source>
        <translation>Mã băm nội dung (SHA-256):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>_PeopleModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng/Bộ phận</translation>
    </message>
</context>
</TS>
