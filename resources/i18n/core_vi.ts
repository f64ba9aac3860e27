<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name />
    <message>
        <source>The data file is damaged</source>
        <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>Khôi phục bản sao lưu gần nhất</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Đã khôi phục</translation>
    </message>
    <message>
        <source>Opening what can be read</source>
        <translation>Mở phần còn đọc được</translation>
    </message>
    <message>
        <source>The damaged journal was kept as %1. Check the latest work and enter again what is missing.</source>
        <translation>Nhật ký ghi bị hỏng được giữ lại thành tệp %1. Hãy kiểm tra những việc làm gần nhất và nhập lại phần bị thiếu.</translation>
    </message>
    <message>
        <source>The backup %1 was restored. The damaged file was kept as %2.</source>
        <translation>Đã khôi phục bản sao lưu %1. Tệp bị hỏng được giữ lại với tên %2.</translation>
    </message>
    <message>
        <source>The backup %1 was restored.</source>
        <translation>Đã khôi phục bản sao lưu %1.</translation>
    </message>
    <message>
        <source>The data is missing</source>
        <translation>Không thấy dữ liệu</translation>
    </message>
    <message>
        <source>Open what can be read</source>
        <translation>Mở phần còn đọc được</translation>
    </message>
    <message>
        <source>An unexpected error occurred; the details were written to %1. Your saved work is safe.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến; chi tiết được ghi vào %1. Những gì đã lưu vẫn an toàn.</translation>
    </message>
    <message>
        <source>Opening the data file…</source>
        <translation>Đang mở tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Demo province. Accounts: admin (administrator), iso (ISO team); password: %1</source>
        <translation>BHXH tỉnh mẫu. Tài khoản: admin (quản trị), iso (Ban Chỉ đạo ISO); mật khẩu: %1</translation>
    </message>
    <message>
        <source>Demo data. Accounts: admin (administrator), iso (ISO team), tuvan (consultant), giamthi (proctor); password: %1</source>
        <translation>Dữ liệu mẫu. Tài khoản: admin (quản trị), iso (Tổ triển khai ISO), tuvan (chuyên gia tư vấn), giamthi (giám sát kiểm tra); mật khẩu: %1</translation>
    </message>
    <message>
        <source>Cannot use the file or folder %1: %2.</source>
        <translation>Không dùng được tệp hoặc thư mục %1: %2.</translation>
    </message>
    <message>
        <source>A file could not be read or written: %2.</source>
        <translation>Không đọc hoặc ghi được tệp: %2.</translation>
    </message>
    <message>
        <source>Check that the folder exists and the USB drive is still plugged in, not write-protected and not full, then try again. Nothing was changed by this step.</source>
        <translation>Hãy kiểm tra thư mục có tồn tại, ổ USB vẫn cắm, không gạt khóa chống ghi và còn chỗ trống, rồi làm lại. Bước này chưa thay đổi gì.</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Nothing was saved by this step; please try again, and if it happens again, send this message to the administrator.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến. Bước này chưa lưu gì; hãy thử lại, nếu vẫn lỗi hãy gửi thông báo này cho người quản trị.</translation>
    </message>
    <message>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Xin xác nhận</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Vui lòng chờ</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>ISO team</source>
        <translation>Tổ triển khai ISO</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Chuyên gia tư vấn</translation>
    </message>
    <message>
        <source>Proctor</source>
        <translation>Giám sát kiểm tra</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Hệ thống</translation>
    </message>
    <message>
        <source>System (demo data)</source>
        <translation>Hệ thống (dữ liệu mẫu)</translation>
    </message>
    <message>
        <source>ISO 9001 records of the unit, the awareness test, the minutes</source>
        <translation>Hồ sơ ISO 9001 của đơn vị, kiểm tra nhận thức, biên bản làm việc</translation>
    </message>
    <message>
        <source>Preparing the data folder…</source>
        <translation>Đang chuẩn bị thư mục dữ liệu…</translation>
    </message>
    <message>
        <source>Making the demo district: the staff…</source>
        <translation>Đang tạo dữ liệu mẫu: danh sách cán bộ…</translation>
    </message>
    <message>
        <source>Making the demo district: the minutes…</source>
        <translation>Đang tạo dữ liệu mẫu: biên bản làm việc…</translation>
    </message>
    <message>
        <source>Making the demo district: the ISO records…</source>
        <translation>Đang tạo dữ liệu mẫu: hồ sơ ISO…</translation>
    </message>
    <message>
        <source>Making the demo district: the training day and its test…</source>
        <translation>Đang tạo dữ liệu mẫu: buổi tập huấn và bài kiểm tra…</translation>
    </message>
    <message>
        <source>Making the demo province and enrolling the district…</source>
        <translation>Đang tạo BHXH tỉnh mẫu và đăng ký huyện với tỉnh…</translation>
    </message>
    <message>
        <source>ISO Desk closed unexpectedly the last time it ran (started at %1). What was saved before is kept. What is known about it was written to:
%2</source>
        <translation>Lần chạy trước (mở lúc %1), ISO Desk đã đóng bất thường. Những gì đã lưu trước đó vẫn còn nguyên. Thông tin về sự cố đã được ghi vào tệp:
%2</translation>
    </message>
    <message>
        <source>This happened %1 times since the program last started normally.</source>
        <translation>Sự cố này đã xảy ra %1 lần kể từ lần cuối chương trình khởi động bình thường.</translation>
    </message>
    <message>
        <source>If it happens again, send that file to the administrator.</source>
        <translation>Nếu sự cố lặp lại, hãy gửi tệp này cho người quản trị.</translation>
    </message>
    <message>
        <source>ISO Desk closed unexpectedly</source>
        <translation>ISO Desk đã đóng bất thường</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>About ISO Desk</source>
        <translation>Giới thiệu ISO Desk</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>ISO Desk</source>
        <translation>ISO Desk</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Xây dựng trên</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Hệ điều hành</translation>
    </message>
    <message>
        <source>The ISO 9001 quality-system records of a Vietnam Social Security office, kept on this computer: staff, the ISO team, documents, the conversion plan, audits, nonconformities, reviews, the yearly report, the awareness test and the working minutes; packages to the province.</source>
        <translation>Hồ sơ hệ thống quản lý chất lượng ISO 9001 của cơ quan Bảo hiểm xã hội, lưu ngay trên máy này: cán bộ, Tổ triển khai ISO, tài liệu, kế hoạch chuyển đổi, đánh giá nội bộ, sự không phù hợp, xem xét của lãnh đạo, báo cáo năm, kiểm tra nhận thức và biên bản làm việc; các gói dữ liệu gửi lên tỉnh.</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <source>ISO Desk is built from these components; each keeps its own licence. Choose one to read its licence.</source>
        <translation>ISO Desk được xây dựng từ các thành phần dưới đây; mỗi thành phần giữ giấy phép riêng. Chọn một thành phần để đọc giấy phép của nó.</translation>
    </message>
    <message>
        <source>Reading the list of components…</source>
        <translation>Đang đọc danh sách các thành phần…</translation>
    </message>
    <message>
        <source>The licence text is at the address above.</source>
        <translation>Toàn văn giấy phép ở địa chỉ trên.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>Tài khoản quản trị</translation>
    </message>
    <message>
        <source>The administrator adds the other accounts (ISO team, consultant, proctor) and resets forgotten passwords.</source>
        <translation>Người quản trị thêm các tài khoản khác (Tổ triển khai ISO, chuyên gia tư vấn, giám sát kiểm tra) và đặt lại mật khẩu khi có người quên.</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Chức vụ:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>Keep this password safe: it also protects your electronic signature key.</source>
        <translation>Hãy giữ kín mật khẩu này: nó còn bảo vệ khóa chữ ký điện tử của bạn.</translation>
    </message>
</context>
<context>
    <name>BadRowsGate</name>
    <message>
        <source>The file has %1 refused questions, so nothing will be imported unless you tick the box below. You can also correct the file (the line numbers are listed) and import it again.</source>
        <translation>Tệp có %1 câu lỗi nên sẽ KHÔNG nhập gì, trừ khi bạn đánh dấu ô dưới đây. Bạn cũng có thể sửa tệp (số dòng đã liệt kê) rồi nhập lại.</translation>
    </message>
    <message>
        <source>Import the %1 good questions and leave out the %2 refused ones</source>
        <translation>Nhập %1 câu tốt, bỏ %2 câu lỗi</translation>
    </message>
    <message>
        <source>The file has %1 refused rows, so nothing will be imported unless you tick the box below. You can also correct the file (the row numbers are listed) and import it again.</source>
        <translation>Tệp có %1 dòng lỗi nên sẽ KHÔNG nhập gì, trừ khi bạn đánh dấu ô dưới đây. Bạn cũng có thể sửa tệp (số dòng đã liệt kê) rồi nhập lại.</translation>
    </message>
    <message>
        <source>Import the %1 good rows and leave out the %2 refused ones</source>
        <translation>Nhập %1 dòng tốt, bỏ %2 dòng lỗi</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Check the data file</source>
        <translation>Kiểm tra tệp dữ liệu</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>Data file: %1
Backups: %2 in %3 (latest: %4). A backup is made at every normal exit; the last 10 are kept.</source>
        <translation>Tệp dữ liệu: %1
Bản sao lưu: %2 bản trong %3 (mới nhất: %4). Mỗi lần thoát chương trình bình thường đều sao lưu; giữ 10 bản gần nhất.</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Đã sao lưu: %1</translation>
    </message>
    <message>
        <source>The data file is sound. %1</source>
        <translation>Tệp dữ liệu tốt. %1</translation>
    </message>
    <message>
        <source>Checking the data file…</source>
        <translation>Đang kiểm tra tệp dữ liệu…</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation (%1). Install ISO Desk again.</source>
        <translation>Bản cài đặt này thiếu tài liệu hướng dẫn (%1). Hãy cài lại ISO Desk.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import preview — %1</source>
        <translation>Xem trước khi nhập — %1</translation>
    </message>
    <message>
        <source>Add: %1 · Update: %2 · Unchanged or empty: %3 · Refused: %4</source>
        <translation>Thêm mới: %1 · Cập nhật: %2 · Không đổi hoặc dòng trống: %3 · Bị từ chối: %4</translation>
    </message>
    <message>
        <source>%1 cells were written in an old Vietnamese font encoding (TCVN3 or VNI) and have been converted to Unicode: %2</source>
        <translation>%1 ô được gõ bằng bảng mã tiếng Việt cũ (TCVN3 hoặc VNI) và đã được chuyển sang Unicode: %2</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Sẽ làm gì</translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation>Mã cán bộ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng/Bộ phận</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm mới</translation>
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
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Từ chối</translation>
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
    <message>
        <source>Sheet read:</source>
        <translation>Trang tính đọc:</translation>
    </message>
    <message>
        <source>header on row %1</source>
        <translation>tiêu đề ở dòng %1</translation>
    </message>
    <message>
        <source>Other visible sheets have a list too: pick one above to read it instead.</source>
        <translation>Các trang tính khác cũng có danh sách: chọn trang ở trên để đọc trang đó.</translation>
    </message>
    <message>
        <source>Hidden sheets not read: %1.</source>
        <translation>Trang ẩn không đọc: %1.</translation>
    </message>
    <message>
        <source>Columns not used: %1.</source>
        <translation>Các cột không dùng: %1.</translation>
    </message>
    <message>
        <source>Rows that are not people: %1.</source>
        <translation>Các dòng không phải cán bộ: %1.</translation>
    </message>
</context>
<context>
    <name>LicenceModel</name>
    <message>
        <source>Component</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Giấy phép</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Hãy nhập tên đăng nhập.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> (demo data)</source>
        <translation> (dữ liệu mẫu)</translation>
    </message>
    <message>
        <source>Demo data: a fictional province</source>
        <translation>Dữ liệu mẫu: một tỉnh giả định</translation>
    </message>
    <message>
        <source>Demo data: a fictional district</source>
        <translation>Dữ liệu mẫu: một huyện giả định</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <source>— choose a role —</source>
        <translation>— chọn vai trò —</translation>
    </message>
    <message>
        <source>At least %1 characters; no space at the start or the end.</source>
        <translation>Ít nhất %1 ký tự; không có dấu cách ở đầu hay cuối.</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Chức vụ:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Choose the role of this account.</source>
        <translation>Hãy chọn vai trò của tài khoản này.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Hai mật khẩu không giống nhau. Hãy gõ cùng một mật khẩu hai lần.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều ngang</translation>
    </message>
    <message>
        <source>Open in the PDF reader</source>
        <translation>Mở bằng trình đọc PDF</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Lưu thành tệp &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message numerus="yes">
        <source>Saved as %1 (%n page(s)).</source>
        <translation>
            <numerusform>Đã lưu thành %1 (%n trang).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n trang</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Lưu tệp PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>Đang in trang %1/%2…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Đã gửi %n trang tới máy in.</numerusform>
        </translation>
    </message>
    <message>
        <source>the document could not be read for printing</source>
        <translation>không đọc được văn bản để in</translation>
    </message>
    <message>
        <source>the printer could not be opened</source>
        <translation>không mở được máy in</translation>
    </message>
    <message>
        <source>an unexpected error occurred</source>
        <translation>đã có lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Printing failed: %1. Check that the printer is on and has paper, then try again.</source>
        <translation>In không được: %1. Hãy kiểm tra máy in đã bật và còn giấy rồi thử lại.</translation>
    </message>
    <message>
        <source>The window closes when printing is finished.</source>
        <translation>Cửa sổ sẽ đóng khi in xong.</translation>
    </message>
    <message>
        <source>Preview — %1</source>
        <translation>Xem trước — %1</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;&lt;p&gt;This part of ISO Desk is not available in this version yet. The other sections work as usual.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;&lt;p&gt;Phần này của ISO Desk chưa có trong phiên bản hiện tại. Các mục khác vẫn dùng bình thường.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PreferencesPanel</name>
    <message>
        <source>Language:</source>
        <translation>Ngôn ngữ:</translation>
    </message>
    <message>
        <source>My password</source>
        <translation>Mật khẩu của tôi</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Mật khẩu hiện tại:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>Nhập lại mật khẩu mới:</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Hai mật khẩu không giống nhau. Hãy gõ cùng một mật khẩu hai lần.</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Đã đổi mật khẩu của bạn.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Nhân sự</translation>
    </message>
    <message>
        <source>Training &amp; quiz</source>
        <translation>Đào tạo &amp; kiểm tra</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>ISO records</source>
        <translation>Hồ sơ ISO</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Cài đặt&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Language and password</source>
        <translation>Ngôn ngữ và mật khẩu</translation>
    </message>
    <message>
        <source>Data and backups</source>
        <translation>Dữ liệu và sao lưu</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>First start</source>
        <translation>Khởi tạo lần đầu</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Hai mật khẩu không giống nhau. Hãy gõ cùng một mật khẩu hai lần.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Edit staff member</source>
        <translation>Sửa thông tin cán bộ</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>Thêm cán bộ</translation>
    </message>
    <message>
        <source>Staff code:</source>
        <translation>Mã cán bộ:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Chức vụ:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Phòng/Bộ phận:</translation>
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
        <source>Currently working here</source>
        <translation>Đang làm việc tại đơn vị</translation>
    </message>
    <message>
        <source>Not subject to the awareness test (not counted in the training coverage)</source>
        <translation>Không thuộc diện kiểm tra nhận thức (không tính vào tỷ lệ bao phủ tập huấn)</translation>
    </message>
    <message>
        <source>Reason, for example: contract guard</source>
        <translation>Lý do, ví dụ: bảo vệ hợp đồng</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
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
    <name>StaffPage</name>
    <message>
        <source>&lt;h2&gt;Staff&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Nhân sự&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Search by name, code or department (accents optional)</source>
        <translation>Tìm theo tên, mã hoặc bộ phận (gõ có dấu hay không dấu đều được)</translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation>Hiện cả người đã nghỉ</translation>
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
        <source>Deactivate</source>
        <translation>Ngừng hoạt động</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <source>Save Excel template…</source>
        <translation>Lưu tệp Excel mẫu…</translation>
    </message>
    <message>
        <source>No staff on the list yet. Import the office's staff list from Excel ("Save Excel template…" gives a sheet to fill in), or add people one by one with "Add…".</source>
        <translation>Chưa có cán bộ nào trong danh sách. Hãy nhập danh sách cán bộ của đơn vị từ tệp Excel (nút "Lưu tệp Excel mẫu…" cho sẵn mẫu để điền), hoặc thêm từng người bằng nút "Thêm…".</translation>
    </message>
    <message>
        <source>Import the staff list from Excel…</source>
        <translation>Nhập danh sách cán bộ từ Excel…</translation>
    </message>
    <message>
        <source>No staff on the list yet: an administrator imports the staff list.</source>
        <translation>Chưa có cán bộ nào trong danh sách: người quản trị sẽ nhập danh sách cán bộ.</translation>
    </message>
    <message>
        <source>Showing %1 of %2 staff (%3 active)</source>
        <translation>Đang hiện %1 trên %2 cán bộ (%3 đang làm việc)</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Hoạt động trở lại</translation>
    </message>
    <message>
        <source>Import staff from Excel</source>
        <translation>Nhập danh sách cán bộ từ Excel</translation>
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
        <source>Imported: %1 added, %2 updated. Rows refused: %3.</source>
        <translation>Đã nhập: thêm %1, cập nhật %2. Số dòng bị từ chối: %3.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Export staff to Excel</source>
        <translation>Xuất danh sách cán bộ ra Excel</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Writing the staff list…</source>
        <translation>Đang ghi danh sách cán bộ…</translation>
    </message>
    <message>
        <source>Save the Excel template</source>
        <translation>Lưu tệp Excel mẫu</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <source>Staff code</source>
        <translation>Mã cán bộ</translation>
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
        <source>Department</source>
        <translation>Phòng/Bộ phận</translation>
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
        <source>Grade / title</source>
        <translation>Ngạch/chức danh</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Working, not subject to the test</source>
        <translation>Đang làm việc, không thuộc diện kiểm tra</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Not subject to the awareness test: %1</source>
        <translation>Không thuộc diện kiểm tra nhận thức: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Đang làm việc</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Đã nghỉ</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>Your unit</source>
        <translation>Đơn vị của bạn</translation>
    </message>
    <message>
        <source>Which office does this computer keep the ISO records of? The unit code appears in minutes numbers and sync packages and cannot be changed once records exist.</source>
        <translation>Máy tính này lưu hồ sơ ISO của đơn vị nào? Mã đơn vị xuất hiện trong số biên bản và gói đồng bộ, không đổi được khi đã có dữ liệu.</translation>
    </message>
    <message>
        <source>District office (BHXH huyện / cơ sở)</source>
        <translation>Cấp huyện (BHXH huyện / cơ sở)</translation>
    </message>
    <message>
        <source>Province office (BHXH tỉnh / khu vực)</source>
        <translation>Cấp tỉnh (BHXH tỉnh / khu vực)</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Cấp đơn vị:</translation>
    </message>
    <message>
        <source>Unit code:</source>
        <translation>Mã đơn vị:</translation>
    </message>
    <message>
        <source>Unit name:</source>
        <translation>Tên đơn vị:</translation>
    </message>
    <message>
        <source>Parent unit code:</source>
        <translation>Mã đơn vị cấp trên:</translation>
    </message>
    <message>
        <source>Parent unit name:</source>
        <translation>Tên đơn vị cấp trên:</translation>
    </message>
    <message>
        <source>Place (for the date line):</source>
        <translation>Địa danh (ghi ở dòng ngày tháng):</translation>
    </message>
</context>
<context>
    <name>UnitPanel</name>
    <message>
        <source>Unit code:</source>
        <translation>Mã đơn vị:</translation>
    </message>
    <message>
        <source>Unit name:</source>
        <translation>Tên đơn vị:</translation>
    </message>
    <message>
        <source>Parent unit code:</source>
        <translation>Mã đơn vị cấp trên:</translation>
    </message>
    <message>
        <source>Parent unit name:</source>
        <translation>Tên đơn vị cấp trên:</translation>
    </message>
    <message>
        <source>Place (for the date line):</source>
        <translation>Địa danh (ghi ở dòng ngày tháng):</translation>
    </message>
    <message>
        <source>Names of the levels (units were reorganised in 2025)</source>
        <translation>Tên gọi các cấp (các đơn vị đã được sắp xếp lại năm 2025)</translation>
    </message>
    <message>
        <source>District level:</source>
        <translation>Cấp huyện:</translation>
    </message>
    <message>
        <source>Province level:</source>
        <translation>Cấp tỉnh:</translation>
    </message>
    <message>
        <source>National agency:</source>
        <translation>Cơ quan trung ương:</translation>
    </message>
    <message>
        <source>District ISO team:</source>
        <translation>Tổ triển khai ISO cấp huyện:</translation>
    </message>
    <message>
        <source>Province ISO steering committee:</source>
        <translation>Ban Chỉ đạo ISO cấp tỉnh:</translation>
    </message>
    <message>
        <source>Save unit details</source>
        <translation>Lưu thông tin đơn vị</translation>
    </message>
    <message>
        <source>The unit details were saved.</source>
        <translation>Đã lưu thông tin đơn vị.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Bị khóa đến %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>New account…</source>
        <translation>Thêm tài khoản…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <source>Clear the wrong-password lock</source>
        <translation>Gỡ khóa đăng nhập sai</translation>
    </message>
    <message>
        <source>Stop / allow the account again</source>
        <translation>Ngừng / cho dùng lại tài khoản</translation>
    </message>
    <message>
        <source>After several wrong passwords an account is locked for a few minutes; this lets the person sign in again at once.</source>
        <translation>Sau nhiều lần nhập sai mật khẩu, tài khoản bị khóa vài phút; nút này cho người đó đăng nhập lại ngay.</translation>
    </message>
    <message>
        <source>A stopped account can no longer sign in (for someone who left); its history stays. Press again to allow it again.</source>
        <translation>Tài khoản đã ngừng thì không đăng nhập được nữa (dùng khi người đó chuyển công tác); lịch sử vẫn được giữ. Bấm lần nữa để cho dùng lại.</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Hãy chọn một tài khoản trước.</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>Mật khẩu mới cho %1</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Đặt mật khẩu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Hai mật khẩu không giống nhau. Hãy gõ cùng một mật khẩu hai lần.</translation>
    </message>
    <message>
        <source>The password of %1 was reset. A new signature key was made; signatures made with the old key stay valid.</source>
        <translation>Đã đặt lại mật khẩu của %1. Đã tạo khóa chữ ký mới; các chữ ký đã ký bằng khóa cũ vẫn có giá trị.</translation>
    </message>
    <message>
        <source>Disable the account %1? It can be enabled again later.</source>
        <translation>Khóa tài khoản %1? Có thể mở lại sau.</translation>
    </message>
</context>
</TS>
