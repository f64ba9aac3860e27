<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit round %1</source>
        <translation>Đánh giá nội bộ lần %1</translation>
    </message>
    <message>
        <source>New audit round</source>
        <translation>Đợt đánh giá mới</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Từ ngày:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Kính gửi:</translation>
    </message>
    <message>
        <source>Audited by:</source>
        <translation>Đơn vị thực hiện:</translation>
    </message>
    <message>
        <source>Lead auditor:</source>
        <translation>Trưởng đoàn đánh giá:</translation>
    </message>
    <message>
        <source>Auditors:</source>
        <translation>Thành viên đoàn đánh giá:</translation>
    </message>
    <message>
        <source>Scope (departments, procedures):</source>
        <translation>Phạm vi (bộ phận, quy trình):</translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation>Kết luận:</translation>
    </message>
</context>
<context>
    <name>AuditsTab</name>
    <message>
        <source>Programme:</source>
        <translation>Chương trình:</translation>
    </message>
    <message>
        <source>New programme…</source>
        <translation>Chương trình mới…</translation>
    </message>
    <message>
        <source>Edit programme…</source>
        <translation>Sửa chương trình…</translation>
    </message>
    <message>
        <source>Audit rounds</source>
        <translation>Các đợt đánh giá</translation>
    </message>
    <message>
        <source>Add round…</source>
        <translation>Thêm đợt đánh giá…</translation>
    </message>
    <message>
        <source>Edit round…</source>
        <translation>Sửa đợt đánh giá…</translation>
    </message>
    <message>
        <source>Delete round</source>
        <translation>Xóa đợt</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Lần</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Audited by</source>
        <translation>Đơn vị thực hiện</translation>
    </message>
    <message>
        <source>Lead auditor</source>
        <translation>Trưởng đoàn</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Phạm vi</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Phát hiện</translation>
    </message>
    <message>
        <source>Findings of the selected round</source>
        <translation>Các phát hiện của đợt đánh giá đang chọn</translation>
    </message>
    <message>
        <source>Add finding…</source>
        <translation>Thêm phát hiện…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Open a nonconformity</source>
        <translation>Mở phiếu không phù hợp</translation>
    </message>
    <message>
        <source>Show its nonconformity</source>
        <translation>Xem phiếu không phù hợp</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>TT</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Điều khoản</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Bộ phận</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Nội dung phát hiện</translation>
    </message>
    <message>
        <source>Nonconformity</source>
        <translation>Phiếu không phù hợp</translation>
    </message>
    <message>
        <source>No audit programme yet. Start with &quot;New programme…&quot; (one per year).</source>
        <translation>Chưa có chương trình đánh giá nội bộ. Hãy bắt đầu bằng &quot;Chương trình mới…&quot; (mỗi năm một chương trình).</translation>
    </message>
    <message>
        <source>Approved by %1 on %2</source>
        <translation>Người phê duyệt: %1, ngày %2</translation>
    </message>
    <message>
        <source>Delete audit round %1 and its findings?</source>
        <translation>Xóa đợt đánh giá lần %1 cùng các phát hiện?</translation>
    </message>
    <message>
        <source>Delete this finding?</source>
        <translation>Xóa phát hiện này?</translation>
    </message>
    <message>
        <source>Nonconformity %1 was opened. Plan its corrective action in the Nonconformities tab.</source>
        <translation>Đã mở phiếu không phù hợp %1. Hãy lập kế hoạch khắc phục ở thẻ Không phù hợp.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Chọn ngày</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Decision setting up the team</source>
        <translation>Quyết định thành lập, kiện toàn Tổ</translation>
    </message>
    <message>
        <source>Decision number:</source>
        <translation>Số quyết định:</translation>
    </message>
    <message>
        <source>e.g. 112/QĐ-BHXH</source>
        <translation>ví dụ 112/QĐ-BHXH</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>Ngày ký:</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Người ký:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Trích yếu:</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Edit document</source>
        <translation>Sửa tài liệu</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Tài liệu mới</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã tài liệu:</translation>
    </message>
    <message>
        <source>the unit&apos;s own numbering, e.g. QT-TN-01</source>
        <translation>mã riêng của đơn vị, ví dụ QT-TN-01</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <source>Standard:</source>
        <translation>Tiêu chuẩn:</translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation>Phiên bản:</translation>
    </message>
    <message>
        <source>Owning department:</source>
        <translation>Bộ phận chủ trì:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>This version is %1: its code, revision, kind and standard are fixed. Make a new version to change them.</source>
        <translation>Phiên bản này %1: không sửa được mã, phiên bản, loại và tiêu chuẩn. Hãy tạo phiên bản mới để thay đổi.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Search by code, title, department or approver</source>
        <translation>Tìm theo mã, tên, bộ phận hoặc người phê duyệt</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Mọi loại tài liệu</translation>
    </message>
    <message>
        <source>Both standards</source>
        <translation>Cả hai tiêu chuẩn</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Thêm mới…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Phê duyệt…</translation>
    </message>
    <message>
        <source>Put in force…</source>
        <translation>Có hiệu lực…</translation>
    </message>
    <message>
        <source>Make obsolete…</source>
        <translation>Hết hiệu lực…</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Trả về dự thảo</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Phiên bản mới</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Xóa dự thảo</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>Tệp đính kèm…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Lịch sử…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Rev.</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên tài liệu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>ISO 9001</source>
        <translation>ISO 9001</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Ngày phê duyệt</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Ngày hiệu lực</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Bộ phận</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Save Excel template…</source>
        <translation>Lưu tệp Excel mẫu…</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 từ %2</translation>
    </message>
    <message>
        <source>Approved by %1 on %2</source>
        <translation>Người phê duyệt: %1, ngày %2</translation>
    </message>
    <message>
        <source>Showing %1 of %2 versions — in force: %3, draft: %4, approved: %5, obsolete: %6</source>
        <translation>Đang hiện %1/%2 phiên bản — đang hiệu lực: %3, dự thảo: %4, đã phê duyệt: %5, hết hiệu lực: %6</translation>
    </message>
    <message>
        <source>Withdraw the approval of %1 (%2) and make it a draft again?</source>
        <translation>Rút phê duyệt của %1 (phiên bản %2) và trả về dự thảo?</translation>
    </message>
    <message>
        <source>Delete the draft %1 (%2)?</source>
        <translation>Xóa bản dự thảo %1 (phiên bản %2)?</translation>
    </message>
    <message>
        <source>Import the register from Excel</source>
        <translation>Nhập danh mục tài liệu từ Excel</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 older versions made obsolete.</source>
        <translation>Đã nhập: thêm %1, cập nhật %2, %3 phiên bản cũ hết hiệu lực.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Export the register to Excel</source>
        <translation>Xuất danh mục tài liệu ra Excel</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Writing the register…</source>
        <translation>Đang ghi danh mục…</translation>
    </message>
    <message>
        <source>Save the Excel template</source>
        <translation>Lưu tệp Excel mẫu</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Mark as done: %1</source>
        <translation>Hoàn thành: %1</translation>
    </message>
    <message>
        <source>Done on:</source>
        <translation>Ngày hoàn thành:</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Đánh dấu hoàn thành</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence: %1</source>
        <translation>Minh chứng: %1</translation>
    </message>
    <message>
        <source>Show it</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Bỏ gắn</translation>
    </message>
    <message>
        <source>number and date of the minutes</source>
        <translation>số, ngày của biên bản</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Gắn</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>(no longer here)</source>
        <translation>(không còn trong hồ sơ)</translation>
    </message>
</context>
<context>
    <name>FilesDialog</name>
    <message>
        <source>Files of %1 (%2)</source>
        <translation>Tệp đính kèm của %1 (phiên bản %2)</translation>
    </message>
    <message>
        <source>No file attached to this version yet.</source>
        <translation>Phiên bản này chưa có tệp đính kèm.</translation>
    </message>
    <message>
        <source>Press “Attach a file…” to add the signed scan or the Word file.</source>
        <translation>Bấm “Đính kèm tệp…” để thêm bản quét đã ký hoặc tệp Word.</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Lưu bản sao…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Lưu bản sao</translation>
    </message>
    <message>
        <source>Remove this file from the document? The history keeps a record of it.</source>
        <translation>Gỡ tệp này khỏi tài liệu? Lịch sử vẫn lưu lại việc này.</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Finding of round %1</source>
        <translation>Phát hiện của đợt đánh giá lần %1</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <source>Clause of the standard:</source>
        <translation>Điều khoản của tiêu chuẩn:</translation>
    </message>
    <message>
        <source>e.g. 7.5.3</source>
        <translation>ví dụ 7.5.3</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Bộ phận:</translation>
    </message>
    <message>
        <source>What was found:</source>
        <translation>Nội dung phát hiện:</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
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
    <name>HistoryDialog</name>
    <message>
        <source>History of %1 (%2)</source>
        <translation>Lịch sử của %1 (phiên bản %2)</translation>
    </message>
    <message>
        <source>Every change is kept in the audit log and cannot be edited.</source>
        <translation>Mọi thay đổi được lưu trong nhật ký kiểm toán và không thể sửa.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>code</source>
        <translation>mã</translation>
    </message>
    <message>
        <source>title</source>
        <translation>tên</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>loại</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>tiêu chuẩn</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>phiên bản</translation>
    </message>
    <message>
        <source>state</source>
        <translation>trạng thái</translation>
    </message>
    <message>
        <source>approver</source>
        <translation>người phê duyệt</translation>
    </message>
    <message>
        <source>approval date</source>
        <translation>ngày phê duyệt</translation>
    </message>
    <message>
        <source>date in force</source>
        <translation>ngày hiệu lực</translation>
    </message>
    <message>
        <source>date obsolete</source>
        <translation>ngày hết hiệu lực</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>lý do</translation>
    </message>
    <message>
        <source>department</source>
        <translation>bộ phận</translation>
    </message>
    <message>
        <source>note</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Nội dung thay đổi</translation>
    </message>
    <message>
        <source>File attached: %1</source>
        <translation>Đính kèm tệp: %1</translation>
    </message>
    <message>
        <source>File removed: %1</source>
        <translation>Gỡ tệp: %1</translation>
    </message>
    <message>
        <source>Version %1 created as %2</source>
        <translation>Tạo phiên bản %1 (%2)</translation>
    </message>
    <message>
        <source>Draft deleted</source>
        <translation>Đã xóa bản dự thảo</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import preview — %1</source>
        <translation>Xem trước khi nhập — %1</translation>
    </message>
    <message>
        <source>Add: %1 · Update: %2 · Unchanged: %3 · Older versions made obsolete: %4 · Errors: %5</source>
        <translation>Thêm: %1 · Cập nhật: %2 · Không đổi: %3 · Phiên bản cũ hết hiệu lực: %4 · Lỗi: %5</translation>
    </message>
    <message>
        <source>Nothing is imported while a row has an error. Correct the rows marked in red in the Excel file (the row numbers are Excel&apos;s) and import it again.</source>
        <translation>Khi còn dòng lỗi thì không dòng nào được nhập. Hãy sửa các dòng tô đỏ trong tệp Excel (số dòng theo Excel) rồi nhập lại.</translation>
    </message>
    <message>
        <source>%1 cells in an old Vietnamese font encoding (TCVN3 or VNI) were converted to Unicode.</source>
        <translation>%1 ô dùng bảng mã tiếng Việt cũ (TCVN3 hoặc VNI) đã được chuyển sang Unicode.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Việc sẽ làm</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên tài liệu</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Empty row</source>
        <translation>Dòng trống</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Nhập %n dòng</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>IsoLabels</name>
    <message>
        <source>Administrative procedure (TTHC)</source>
        <translation>Quy trình giải quyết TTHC</translation>
    </message>
    <message>
        <source>Internal procedure</source>
        <translation>Quy trình nội bộ</translation>
    </message>
    <message>
        <source>Quality manual</source>
        <translation>Sổ tay chất lượng</translation>
    </message>
    <message>
        <source>Quality policy</source>
        <translation>Chính sách chất lượng</translation>
    </message>
    <message>
        <source>Quality objectives</source>
        <translation>Mục tiêu chất lượng</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Tài liệu khác</translation>
    </message>
    <message>
        <source>TCVN ISO 9001:2008</source>
        <translation>TCVN ISO 9001:2008</translation>
    </message>
    <message>
        <source>TCVN ISO 9001:2015</source>
        <translation>TCVN ISO 9001:2015</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã phê duyệt</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Đang hiệu lực</translation>
    </message>
    <message>
        <source>Obsolete</source>
        <translation>Hết hiệu lực</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Tổ trưởng</translation>
    </message>
    <message>
        <source>Deputy head</source>
        <translation>Tổ phó</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa thực hiện</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Working minutes</source>
        <translation>Biên bản làm việc</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Internal audit</source>
        <translation>Đánh giá nội bộ</translation>
    </message>
    <message>
        <source>Management review</source>
        <translation>Xem xét của lãnh đạo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mới phát hiện</translation>
    </message>
    <message>
        <source>Action planned</source>
        <translation>Đã có kế hoạch khắc phục</translation>
    </message>
    <message>
        <source>Effectiveness checked</source>
        <translation>Đã kiểm tra hiệu lực</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <source>Complaint or feedback</source>
        <translation>Phản ánh, khiếu nại</translation>
    </message>
    <message>
        <source>Process monitoring</source>
        <translation>Theo dõi quá trình</translation>
    </message>
    <message>
        <source>Other source</source>
        <translation>Nguồn khác</translation>
    </message>
    <message>
        <source>The consultant</source>
        <translation>Đơn vị tư vấn</translation>
    </message>
    <message>
        <source>The unit&apos;s own auditors</source>
        <translation>Chuyên gia đánh giá nội bộ</translation>
    </message>
    <message>
        <source>Consultant and own auditors</source>
        <translation>Tư vấn và chuyên gia đánh giá nội bộ</translation>
    </message>
    <message>
        <source>Major nonconformity</source>
        <translation>Không phù hợp nặng</translation>
    </message>
    <message>
        <source>Minor nonconformity</source>
        <translation>Không phù hợp nhẹ</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Điểm lưu ý</translation>
    </message>
    <message>
        <source>Opportunity for improvement</source>
        <translation>Cơ hội cải tiến</translation>
    </message>
    <message>
        <source>Not made yet</source>
        <translation>Chưa lập</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <source>Text only</source>
        <translation>Chỉ có lời văn</translation>
    </message>
    <message>
        <source>QMS building and applying (team, plan, minutes)</source>
        <translation>Xây dựng, áp dụng HTQLCL (Tổ ISO, kế hoạch, biên bản)</translation>
    </message>
    <message>
        <source>Training and awareness tests</source>
        <translation>Đào tạo, kiểm tra nhận thức</translation>
    </message>
    <message>
        <source>Documents and procedures</source>
        <translation>Tài liệu, quy trình</translation>
    </message>
    <message>
        <source>Audits, nonconformities, corrective actions</source>
        <translation>Đánh giá nội bộ, không phù hợp, khắc phục</translation>
    </message>
    <message>
        <source>Status of the decisions of the previous review</source>
        <translation>Kết quả thực hiện các quyết định của lần xem xét trước</translation>
    </message>
    <message>
        <source>Changes in external and internal issues that bear on the system</source>
        <translation>Thay đổi của các vấn đề bên ngoài và nội bộ liên quan đến hệ thống</translation>
    </message>
    <message>
        <source>Satisfaction and feedback of citizens, businesses and other parties</source>
        <translation>Mức hài lòng và ý kiến của người dân, doanh nghiệp, các bên liên quan</translation>
    </message>
    <message>
        <source>How far the quality objectives were met</source>
        <translation>Mức độ đạt mục tiêu chất lượng</translation>
    </message>
    <message>
        <source>How the procedures perform and whether the work results conform</source>
        <translation>Kết quả thực hiện các quy trình, sự phù hợp của kết quả giải quyết công việc</translation>
    </message>
    <message>
        <source>Nonconformities and corrective actions</source>
        <translation>Sự không phù hợp và hành động khắc phục</translation>
    </message>
    <message>
        <source>Monitoring and measurement results</source>
        <translation>Kết quả theo dõi, đo lường</translation>
    </message>
    <message>
        <source>Results of internal and external audits</source>
        <translation>Kết quả đánh giá nội bộ và đánh giá bên ngoài</translation>
    </message>
    <message>
        <source>Performance of outside providers (consultant, outsourced services)</source>
        <translation>Kết quả thực hiện của bên cung cấp bên ngoài (tư vấn, dịch vụ thuê ngoài)</translation>
    </message>
    <message>
        <source>Whether resources are sufficient</source>
        <translation>Sự đầy đủ của nguồn lực</translation>
    </message>
    <message>
        <source>Effectiveness of the actions taken on risks and opportunities</source>
        <translation>Hiệu lực của các hành động giải quyết rủi ro và cơ hội</translation>
    </message>
    <message>
        <source>Opportunities for improvement</source>
        <translation>Các cơ hội cải tiến</translation>
    </message>
</context>
<context>
    <name>IsoRecordsPage</name>
    <message>
        <source>&lt;h2&gt;ISO records&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Hồ sơ ISO&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>ISO team</source>
        <translation>Tổ ISO</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Policy and objectives</source>
        <translation>Chính sách, mục tiêu</translation>
    </message>
    <message>
        <source>Conversion plan</source>
        <translation>Kế hoạch chuyển đổi</translation>
    </message>
    <message>
        <source>Internal audits</source>
        <translation>Đánh giá nội bộ</translation>
    </message>
    <message>
        <source>Nonconformities</source>
        <translation>Không phù hợp</translation>
    </message>
    <message>
        <source>Management reviews</source>
        <translation>Xem xét của lãnh đạo</translation>
    </message>
    <message>
        <source>Yearly report</source>
        <translation>Báo cáo năm</translation>
    </message>
    <message>
        <source>Reminder: the last management review was 12 months ago today; a review is due today. Record it in the &quot;Management reviews&quot; tab.</source>
        <translation>Nhắc việc: cuộc xem xét của lãnh đạo gần nhất cách đây tròn 12 tháng; hôm nay đến hạn họp xem xét. Ghi nhận cuộc họp ở thẻ &quot;Xem xét của lãnh đạo&quot;.</translation>
    </message>
    <message>
        <source>Reminder: no management review was held in the last 12 months. Record one in the &quot;Management reviews&quot; tab.</source>
        <translation>Nhắc việc: 12 tháng qua chưa có cuộc họp xem xét của lãnh đạo. Hãy ghi cuộc họp ở thẻ &quot;Xem xét của lãnh đạo&quot;.</translation>
    </message>
</context>
<context>
    <name>LoadPlanDialog</name>
    <message>
        <source>Load a starting plan</source>
        <translation>Nạp kế hoạch khởi đầu</translation>
    </message>
    <message>
        <source>The milestones of the chosen set are copied into the plan; then set the unit&apos;s own dates and who is responsible.</source>
        <translation>Các mốc của bộ được chọn sẽ được chép vào kế hoạch; sau đó hãy đặt thời hạn và người chịu trách nhiệm của đơn vị.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n milestone(s) (from %3)</source>
        <translation>
            <numerusform>%1 — %n mốc (của %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Milestone set:</source>
        <translation>Bộ mốc kế hoạch:</translation>
    </message>
    <message>
        <source>First milestone due on:</source>
        <translation>Thời hạn mốc đầu tiên:</translation>
    </message>
    <message>
        <source>Leave empty to keep the dates of the set. With a date, the other milestones move with it and keep their gaps.</source>
        <translation>Để trống thì giữ ngày của bộ mốc. Nếu nhập ngày, các mốc khác dời theo và giữ nguyên khoảng cách giữa các mốc.</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Nạp</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit team member</source>
        <translation>Sửa thông tin thành viên</translation>
    </message>
    <message>
        <source>Add a member from outside the unit</source>
        <translation>Thêm thành viên ngoài đơn vị</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Chức danh:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị công tác:</translation>
    </message>
    <message>
        <source>e.g. the consultant&apos;s company</source>
        <translation>ví dụ: công ty tư vấn</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Role in the team:</source>
        <translation>Vai trò trong Tổ:</translation>
    </message>
    <message>
        <source>Duties:</source>
        <translation>Nhiệm vụ:</translation>
    </message>
    <message>
        <source>This member is on the staff roster; &quot;Refresh from roster&quot; copies the roster&apos;s name, position and phone again.</source>
        <translation>Thành viên này có trong danh sách cán bộ; &quot;Cập nhật từ danh sách cán bộ&quot; sẽ chép lại họ tên, chức danh và điện thoại.</translation>
    </message>
</context>
<context>
    <name>NcDialog</name>
    <message>
        <source>Nonconformity %1</source>
        <translation>Điểm không phù hợp %1</translation>
    </message>
    <message>
        <source>New nonconformity</source>
        <translation>Điểm không phù hợp mới</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Nguồn phát hiện:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Round %1 of %2</source>
        <translation>Lần %1 năm %2</translation>
    </message>
    <message>
        <source>Audit round:</source>
        <translation>Đợt đánh giá:</translation>
    </message>
    <message>
        <source>Found on:</source>
        <translation>Ngày phát hiện:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Bộ phận:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Mô tả:</translation>
    </message>
    <message>
        <source>Immediate correction:</source>
        <translation>Khắc phục tức thời:</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>Nguyên nhân:</translation>
    </message>
    <message>
        <source>Corrective action:</source>
        <translation>Hành động khắc phục:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Người chịu trách nhiệm:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Thời hạn:</translation>
    </message>
</context>
<context>
    <name>NcTab</name>
    <message>
        <source>Search by code, description, department or responsible person</source>
        <translation>Tìm theo mã, mô tả, bộ phận hoặc người chịu trách nhiệm</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>Chưa đóng</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Thêm mới…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Next step…</source>
        <translation>Bước tiếp theo…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>Ngày phát hiện</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Bộ phận</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Người chịu trách nhiệm</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Ngày đóng</translation>
    </message>
    <message>
        <source>%1 — overdue</source>
        <translation>%1 — quá hạn</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
    <message>
        <source>Showing %1 of %2 — not closed: %3, overdue: %4</source>
        <translation>Đang hiện %1/%2 — chưa đóng: %3, quá hạn: %4</translation>
    </message>
    <message>
        <source>Revise the plan…</source>
        <translation>Lập lại kế hoạch…</translation>
    </message>
    <message>
        <source>Plan corrective action…</source>
        <translation>Lập kế hoạch khắc phục…</translation>
    </message>
    <message>
        <source>Start the work…</source>
        <translation>Bắt đầu khắc phục…</translation>
    </message>
    <message>
        <source>Check effectiveness…</source>
        <translation>Kiểm tra hiệu lực…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Đóng…</translation>
    </message>
    <message>
        <source>Select a nonconformity to see its details.</source>
        <translation>Chọn một điểm không phù hợp để xem chi tiết.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn phát hiện</translation>
    </message>
    <message>
        <source>Immediate correction</source>
        <translation>Khắc phục tức thời</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Nguyên nhân</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Hành động khắc phục</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Plan made on</source>
        <translation>Ngày lập kế hoạch</translation>
    </message>
    <message>
        <source>Work started on</source>
        <translation>Ngày bắt đầu khắc phục</translation>
    </message>
    <message>
        <source>Effectiveness check</source>
        <translation>Kiểm tra hiệu lực</translation>
    </message>
    <message>
        <source>Checked by / on</source>
        <translation>Người, ngày kiểm tra</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
    <message>
        <source>the action was not effective: revise the plan</source>
        <translation>hành động chưa hiệu quả: hãy lập lại kế hoạch</translation>
    </message>
    <message>
        <source>Plan %1</source>
        <translation>Kế hoạch lần %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>thời hạn %1</translation>
    </message>
    <message>
        <source>planned %1, started %2, checked %3 by %4</source>
        <translation>lập ngày %1, bắt đầu %2, kiểm tra ngày %3 bởi %4</translation>
    </message>
    <message>
        <source>not effective:</source>
        <translation>chưa hiệu quả:</translation>
    </message>
    <message>
        <source>Earlier plans, found not effective</source>
        <translation>Các kế hoạch trước (kiểm tra thấy chưa hiệu quả)</translation>
    </message>
    <message>
        <source>Delete %1? Use this only for an entry made by mistake.</source>
        <translation>Xóa %1? Chỉ xóa khi ghi nhầm.</translation>
    </message>
</context>
<context>
    <name>PlanItemDialog</name>
    <message>
        <source>Edit milestone</source>
        <translation>Sửa mốc kế hoạch</translation>
    </message>
    <message>
        <source>New milestone</source>
        <translation>Mốc kế hoạch mới</translation>
    </message>
    <message>
        <source>next</source>
        <translation>tiếp theo</translation>
    </message>
    <message>
        <source>No.:</source>
        <translation>Số thứ tự:</translation>
    </message>
    <message>
        <source>Milestone:</source>
        <translation>Nội dung công việc:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Mô tả:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Thời hạn:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Người chịu trách nhiệm:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Tình trạng:</translation>
    </message>
    <message>
        <source>Done on:</source>
        <translation>Ngày hoàn thành:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Load starting plan…</source>
        <translation>Nạp kế hoạch khởi đầu…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Mark done…</source>
        <translation>Hoàn thành…</translation>
    </message>
    <message>
        <source>Evidence…</source>
        <translation>Minh chứng…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Send to the units below…</source>
        <translation>Gửi cho đơn vị cấp dưới…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>TT</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Nội dung công việc</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Người chịu trách nhiệm</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Ngày hoàn thành</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message numerus="yes">
        <source>%1 — overdue %n day(s)</source>
        <translation>
            <numerusform>%1 — quá hạn %n ngày</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n milestone(s) done</source>
        <translation>
            <numerusform>Đã hoàn thành %1/%n mốc</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (late)</source>
        <translation>%1 (trễ hạn)</translation>
    </message>
    <message>
        <source>The plan is empty. Load the starting plan of the conversion (appendix III of the VSS plan) or add milestones.</source>
        <translation>Kế hoạch còn trống. Hãy nạp kế hoạch khởi đầu của việc chuyển đổi (Phụ lục III kế hoạch của BHXH Việt Nam) hoặc thêm mốc.</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 mốc quá hạn</translation>
    </message>
    <message>
        <source>The plan was saved as the milestone set %1; the units below receive it with the next sync.</source>
        <translation>Đã lưu kế hoạch thành bộ mốc %1; các đơn vị cấp dưới sẽ nhận được ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Delete the milestone &quot;%1&quot;?</source>
        <translation>Xóa mốc &quot;%1&quot;?</translation>
    </message>
</context>
<context>
    <name>PlanTimeline</name>
    <message>
        <source>No milestones yet: load the starting plan or add milestones.</source>
        <translation>Chưa có mốc nào: hãy nạp kế hoạch khởi đầu hoặc thêm mốc.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Thời hạn: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Tình trạng: %1</translation>
    </message>
    <message>
        <source>Done on: %1</source>
        <translation>Hoàn thành ngày: %1</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Quá hạn %n ngày</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Edit the quality policy / objectives</source>
        <translation>Sửa chính sách / mục tiêu chất lượng</translation>
    </message>
    <message>
        <source>Record a new issue</source>
        <translation>Ghi văn bản mới ban hành</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>not for one year</source>
        <translation>không theo năm</translation>
    </message>
    <message>
        <source>For the year:</source>
        <translation>Áp dụng cho năm:</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>Ngày ban hành:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Người ban hành:</translation>
    </message>
    <message>
        <source>full name and position</source>
        <translation>họ tên và chức vụ</translation>
    </message>
    <message>
        <source>Decision number:</source>
        <translation>Số quyết định:</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <source>Current %1</source>
        <translation>%1 hiện hành</translation>
    </message>
    <message>
        <source>&lt;b&gt;Everything issued&lt;/b&gt;</source>
        <translation>&lt;b&gt;Các văn bản đã ban hành&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Record a new issue…</source>
        <translation>Ghi văn bản mới ban hành…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên tài liệu</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Người ban hành</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Not recorded yet.</source>
        <translation>Chưa ghi nhận.</translation>
    </message>
    <message>
        <source>Issued on %1 by %2</source>
        <translation>Ban hành ngày %1, người ban hành: %2</translation>
    </message>
    <message>
        <source>Delete this entry? Use this only for an entry made by mistake.</source>
        <translation>Xóa mục này? Chỉ xóa khi ghi nhầm.</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Audit programme</source>
        <translation>Chương trình đánh giá nội bộ</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Internal audit programme %1</source>
        <translation>Chương trình đánh giá nội bộ năm %1</translation>
    </message>
    <message>
        <source>Objective and criteria:</source>
        <translation>Mục tiêu, chuẩn mực đánh giá:</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>Người phê duyệt:</translation>
    </message>
    <message>
        <source>Approved on:</source>
        <translation>Ngày phê duyệt:</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Send the plan to the units below</source>
        <translation>Gửi kế hoạch cho các đơn vị cấp dưới</translation>
    </message>
    <message>
        <source>The milestones of this plan become a set the units below can load as their starting plan. Sending again under the same code replaces the set.</source>
        <translation>Các mốc của kế hoạch này trở thành bộ mốc để các đơn vị cấp dưới nạp làm kế hoạch khởi đầu. Gửi lại với cùng mã sẽ thay thế bộ mốc cũ.</translation>
    </message>
    <message>
        <source>Code of the set:</source>
        <translation>Mã bộ mốc:</translation>
    </message>
    <message>
        <source>Name of the set:</source>
        <translation>Tên bộ mốc:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Gửi</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Change the deadline…</source>
        <translation>Đổi hạn nộp…</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Lưu bản nháp</translation>
    </message>
    <message>
        <source>Make final…</source>
        <translation>Hoàn thành báo cáo…</translation>
    </message>
    <message>
        <source>Reopen as draft</source>
        <translation>Mở lại bản nháp</translation>
    </message>
    <message>
        <source>Preview PDF…</source>
        <translation>Xem trước PDF…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>Heading and signature</source>
        <translation>Phần đầu và chữ ký</translation>
    </message>
    <message>
        <source>e.g. 45/BC-BHXH</source>
        <translation>ví dụ 45/BC-BHXH</translation>
    </message>
    <message>
        <source>dated</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Số:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Kính gửi:</translation>
    </message>
    <message>
        <source>Signed by (position, name):</source>
        <translation>Người ký (chức vụ, họ tên):</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sections&lt;/b&gt;</source>
        <translation>&lt;b&gt;Các mục của báo cáo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Xuống</translation>
    </message>
    <message>
        <source>Part of the one above</source>
        <translation>Là phần của mục trên</translation>
    </message>
    <message>
        <source>Figures shown:</source>
        <translation>Số liệu hiển thị:</translation>
    </message>
    <message>
        <source>Use as my default sections</source>
        <translation>Dùng làm các mục mặc định</translation>
    </message>
    <message>
        <source>Restore the default sections</source>
        <translation>Khôi phục các mục mặc định</translation>
    </message>
    <message>
        <source>Figures the program fills for the year:</source>
        <translation>Số liệu chương trình tự điền cho năm:</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Text of the section (written by the unit):</source>
        <translation>Nội dung của mục (đơn vị tự viết):</translation>
    </message>
    <message>
        <source>The report of %1 has changes that are not saved. Leave them?</source>
        <translation>Báo cáo năm %1 có thay đổi chưa lưu. Bỏ các thay đổi đó?</translation>
    </message>
    <message>
        <source>Status: %1 · due before %2</source>
        <translation>Tình trạng: %1 · hạn nộp trước ngày %2</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>còn %n ngày</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>trễ %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>có thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>Deadline of the yearly report</source>
        <translation>Hạn nộp báo cáo năm</translation>
    </message>
    <message>
        <source>The report is due before (day/month, every year):</source>
        <translation>Báo cáo nộp trước ngày (ngày/tháng, hằng năm):</translation>
    </message>
    <message>
        <source>Write the deadline as day/month, e.g. 15/11.</source>
        <translation>Hãy ghi hạn nộp dạng ngày/tháng, ví dụ 15/11.</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>Mục mới</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>Đổi tên mục</translation>
    </message>
    <message>
        <source>Remove the section &quot;%1&quot; and its text?</source>
        <translation>Bỏ mục &quot;%1&quot; cùng nội dung đã viết?</translation>
    </message>
    <message>
        <source>New reports will start with these sections.</source>
        <translation>Các báo cáo mới sẽ bắt đầu với các mục này.</translation>
    </message>
    <message>
        <source>Go back to the program&apos;s default sections for new reports? This report keeps its own sections.</source>
        <translation>Trở về các mục mặc định của chương trình cho các báo cáo mới? Báo cáo này vẫn giữ các mục của nó.</translation>
    </message>
    <message>
        <source>Make the report of %1 final? Its figures are kept as they are today; to change it later, reopen it as a draft.</source>
        <translation>Hoàn thành báo cáo năm %1? Số liệu được giữ nguyên như hôm nay; muốn sửa sau này, hãy mở lại bản nháp.</translation>
    </message>
    <message>
        <source>Reopen the report as a draft? The figures will be computed again.</source>
        <translation>Mở lại báo cáo thành bản nháp? Số liệu sẽ được tính lại.</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Đang ghi báo cáo…</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>Báo cáo năm %1</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Đang chuẩn bị bản xem trước…</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Management review of %1</source>
        <translation>Họp xem xét của lãnh đạo ngày %1</translation>
    </message>
    <message>
        <source>New management review</source>
        <translation>Họp xem xét của lãnh đạo mới</translation>
    </message>
    <message>
        <source>Held on:</source>
        <translation>Ngày họp:</translation>
    </message>
    <message>
        <source>Chaired by:</source>
        <translation>Chủ trì:</translation>
    </message>
    <message>
        <source>Participants (one per line):</source>
        <translation>Thành phần tham dự (mỗi người một dòng):</translation>
    </message>
    <message>
        <source>Add the ISO team members</source>
        <translation>Thêm các thành viên Tổ ISO</translation>
    </message>
    <message>
        <source>Inputs considered (ISO 9001:2015, 9.3.2)</source>
        <translation>Nội dung đầu vào được xem xét (ISO 9001:2015, 9.3.2)</translation>
    </message>
    <message>
        <source>what was said (optional)</source>
        <translation>nội dung đã trao đổi (nếu có)</translation>
    </message>
    <message>
        <source>Decisions and actions:</source>
        <translation>Các quyết định, hành động:</translation>
    </message>
    <message>
        <source>Next review planned for:</source>
        <translation>Dự kiến xem xét lần sau:</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <source>Record a review…</source>
        <translation>Ghi cuộc họp xem xét…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Ngày họp</translation>
    </message>
    <message>
        <source>Chaired by</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Số người dự</translation>
    </message>
    <message>
        <source>Inputs considered</source>
        <translation>Nội dung đầu vào đã xem xét</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Lần xem xét sau</translation>
    </message>
    <message>
        <source>The last review was on %1, 12 months ago today: a management review is due today.</source>
        <translation>Lần xem xét gần nhất là ngày %1, tròn 12 tháng: hôm nay đến hạn họp xem xét của lãnh đạo.</translation>
    </message>
    <message>
        <source>A management review is due: none was held in the last 12 months. The standard asks for one at least once a year.</source>
        <translation>Đã đến hạn họp xem xét của lãnh đạo: trong 12 tháng qua chưa có cuộc họp nào. Tiêu chuẩn yêu cầu xem xét ít nhất mỗi năm một lần.</translation>
    </message>
    <message>
        <source>No management review recorded yet; the first one is due by %1 (the standard asks for one at least once a year).</source>
        <translation>Chưa ghi nhận cuộc họp xem xét của lãnh đạo nào; lần đầu cần tổ chức trước ngày %1 (tiêu chuẩn yêu cầu xem xét ít nhất mỗi năm một lần).</translation>
    </message>
    <message>
        <source>Last review on %1; the next one is due by %2.</source>
        <translation>Lần xem xét gần nhất ngày %1; lần tới cần tổ chức trước ngày %2.</translation>
    </message>
    <message>
        <source>Delete the review of %1? Use this only for an entry made by mistake.</source>
        <translation>Xóa cuộc họp xem xét ngày %1? Chỉ xóa khi ghi nhầm.</translation>
    </message>
</context>
<context>
    <name>RosterMemberDialog</name>
    <message>
        <source>Add a member from the staff roster</source>
        <translation>Thêm thành viên từ danh sách cán bộ</translation>
    </message>
    <message>
        <source>Type to find (accents optional)</source>
        <translation>Gõ để tìm (có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Tìm:</translation>
    </message>
    <message>
        <source>Staff member:</source>
        <translation>Cán bộ:</translation>
    </message>
    <message>
        <source>Role in the team:</source>
        <translation>Vai trò trong Tổ:</translation>
    </message>
    <message>
        <source>Duties:</source>
        <translation>Nhiệm vụ:</translation>
    </message>
    <message>
        <source>Everyone on the roster is already in the team, or the roster is empty (see Staff).</source>
        <translation>Mọi cán bộ trong danh sách đã ở trong Tổ, hoặc danh sách cán bộ còn trống (xem mục Cán bộ).</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Choose a staff member.</source>
        <translation>Hãy chọn một cán bộ.</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Revise the corrective action plan of %1</source>
        <translation>Lập lại kế hoạch khắc phục của %1</translation>
    </message>
    <message>
        <source>Plan the corrective action of %1</source>
        <translation>Lập kế hoạch khắc phục %1</translation>
    </message>
    <message>
        <source>Start the corrective action of %1</source>
        <translation>Bắt đầu khắc phục %1</translation>
    </message>
    <message>
        <source>Check the effectiveness of %1</source>
        <translation>Kiểm tra hiệu lực khắc phục %1</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>Đóng %1</translation>
    </message>
    <message>
        <source>The check of %1 found the action not effective; the plan below is kept in the history. Revise it (or keep what still holds) with a new date.</source>
        <translation>Lần kiểm tra ngày %1 thấy hành động chưa hiệu quả; kế hoạch dưới đây được giữ trong lịch sử. Hãy sửa lại kế hoạch (giữ những gì còn phù hợp) với ngày lập mới.</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>Nguyên nhân:</translation>
    </message>
    <message>
        <source>Corrective action:</source>
        <translation>Hành động khắc phục:</translation>
    </message>
    <message>
        <source>Immediate correction:</source>
        <translation>Khắc phục tức thời:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Người chịu trách nhiệm:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Thời hạn:</translation>
    </message>
    <message>
        <source>Plan made on:</source>
        <translation>Ngày lập kế hoạch:</translation>
    </message>
    <message>
        <source>Work started on:</source>
        <translation>Ngày bắt đầu khắc phục:</translation>
    </message>
    <message>
        <source>Result of the check:</source>
        <translation>Kết quả kiểm tra:</translation>
    </message>
    <message>
        <source>Checked by:</source>
        <translation>Người kiểm tra:</translation>
    </message>
    <message>
        <source>Checked on:</source>
        <translation>Ngày kiểm tra:</translation>
    </message>
    <message>
        <source>The action was effective (untick to plan a new action)</source>
        <translation>Hành động khắc phục có hiệu quả (bỏ chọn để lập kế hoạch mới)</translation>
    </message>
    <message>
        <source>Effectiveness:</source>
        <translation>Hiệu lực:</translation>
    </message>
    <message>
        <source>Closed on:</source>
        <translation>Ngày đóng:</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Record a decision…</source>
        <translation>Ghi quyết định…</translation>
    </message>
    <message>
        <source>Correct it…</source>
        <translation>Sửa quyết định…</translation>
    </message>
    <message>
        <source>Search by name, position or unit</source>
        <translation>Tìm theo họ tên, chức danh hoặc đơn vị</translation>
    </message>
    <message>
        <source>Add from roster…</source>
        <translation>Thêm từ danh sách cán bộ…</translation>
    </message>
    <message>
        <source>Add from outside…</source>
        <translation>Thêm người ngoài đơn vị…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Refresh from roster</source>
        <translation>Cập nhật từ danh sách cán bộ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị công tác</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>As the attachment of the decision</source>
        <translation>Dạng kèm theo quyết định</translation>
    </message>
    <message>
        <source>Printed under “(Kèm theo Quyết định số …)”, without a number, date or signature of its own. Otherwise the list is a document of its own, with its number line, signature and recipients, to send to VSS.</source>
        <translation>In dưới dòng “(Kèm theo Quyết định số …)”, không có số, ngày, chữ ký riêng. Nếu không chọn, danh sách là văn bản riêng có số, chữ ký và nơi nhận để gửi BHXH Việt Nam.</translation>
    </message>
    <message>
        <source>outside the unit</source>
        <translation>ngoài đơn vị</translation>
    </message>
    <message>
        <source>staff roster — no longer working here</source>
        <translation>danh sách cán bộ — đã nghỉ việc</translation>
    </message>
    <message>
        <source>staff roster</source>
        <translation>danh sách cán bộ</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n thành viên</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The list includes %n people who no longer work at the unit: %2. Remove them from the team (and record the decision) before sending the list. Export it anyway?</source>
        <translation>
            <numerusform>Danh sách có %n người không còn công tác tại đơn vị: %2. Hãy bỏ họ khỏi Tổ (và ghi quyết định kiện toàn) trước khi gửi danh sách. Vẫn xuất danh sách?</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview the list…</source>
        <translation>Xem trước danh sách…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>Set up by decision No. %1 of %2</source>
        <translation>Thành lập theo Quyết định số %1 ngày %2</translation>
    </message>
    <message>
        <source>, signed by %1</source>
        <translation>, người ký: %1</translation>
    </message>
    <message>
        <source>No decision setting up the team has been recorded yet.</source>
        <translation>Chưa ghi quyết định thành lập Tổ.</translation>
    </message>
    <message>
        <source>%1 no longer working at the unit</source>
        <translation>%1 người đã nghỉ việc</translation>
    </message>
    <message>
        <source>Remove %1 from the team?</source>
        <translation>Bỏ %1 khỏi Tổ?</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the ISO team list</source>
        <translation>Xuất danh sách Tổ ISO</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>Vẫn xuất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Writing the list…</source>
        <translation>Đang ghi danh sách…</translation>
    </message>
    <message>
        <source>ISO team list</source>
        <translation>Danh sách Tổ ISO</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Approve %1</source>
        <translation>Phê duyệt %1</translation>
    </message>
    <message>
        <source>Put %1 in force</source>
        <translation>Đưa %1 vào hiệu lực</translation>
    </message>
    <message>
        <source>Make %1 obsolete</source>
        <translation>Đưa %1 về hết hiệu lực</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>Người phê duyệt:</translation>
    </message>
    <message>
        <source>full name and position</source>
        <translation>họ tên và chức vụ</translation>
    </message>
    <message>
        <source>Approval date:</source>
        <translation>Ngày phê duyệt:</translation>
    </message>
    <message>
        <source>Older versions of %1 that are in force become obsolete on this date.</source>
        <translation>Các phiên bản cũ đang hiệu lực của %1 sẽ hết hiệu lực từ ngày này.</translation>
    </message>
    <message>
        <source>In force from:</source>
        <translation>Hiệu lực từ ngày:</translation>
    </message>
    <message>
        <source>An obsolete version can never come back in force; to use the document again, make a new version.</source>
        <translation>Phiên bản đã hết hiệu lực không thể có hiệu lực trở lại; muốn dùng lại tài liệu, hãy tạo phiên bản mới.</translation>
    </message>
    <message>
        <source>Obsolete from:</source>
        <translation>Hết hiệu lực từ ngày:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
</context>
</TS>
