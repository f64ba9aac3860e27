<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AcceptKeyDialog</name>
    <message>
        <source>Changed key of %1</source>
        <translation>Khóa mới của %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;The packages of &lt;b&gt;%1&lt;/b&gt; are now signed with a different key (a new computer or a reinstall?). Old fingerprint: %2.&lt;/p&gt;&lt;p&gt;Call the district, ask them to read their new fingerprint, and type it here. It is accepted only if it matches the key received.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Các gói của &lt;b&gt;%1&lt;/b&gt; nay được ký bằng khóa khác (máy mới hoặc cài lại?). Mã khóa cũ: %2.&lt;/p&gt;&lt;p&gt;Hãy gọi điện cho huyện, đề nghị đọc mã khóa mới và nhập vào đây. Chỉ chấp nhận khi khớp với khóa đã nhận.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>New fingerprint:</source>
        <translation>Mã khóa mới:</translation>
    </message>
    <message>
        <source>Accept the new key</source>
        <translation>Chấp nhận khóa mới</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>DistrictDataDialog</name>
    <message>
        <source>%1 — data received (read-only)</source>
        <translation>%1 — dữ liệu đã nhận (chỉ xem)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2). Copies received from the district cannot be changed here.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2). Bản sao nhận từ huyện không sửa được ở đây.</translation>
    </message>
    <message>
        <source>Search (accents optional)</source>
        <translation>Tìm kiếm (gõ có dấu hay không đều được)</translation>
    </message>
    <message>
        <source>Nothing received from this district yet.</source>
        <translation>Chưa nhận dữ liệu nào từ huyện này.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>DistrictDialog</name>
    <message>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <source>Add a district</source>
        <translation>Thêm huyện</translation>
    </message>
    <message>
        <source>Unit code:</source>
        <translation>Mã đơn vị:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>The key is trusted: a new key is accepted in the list of districts.</source>
        <translation>Khóa đã được tin cậy: khóa mới (nếu huyện đổi khóa) được chấp nhận ở danh sách huyện.</translation>
    </message>
    <message>
        <source>Optional: the fingerprint the district reads from its Sync → Enrolment tab. Its first package then goes in without a key check when its key matches.</source>
        <translation>Không bắt buộc: mã khóa huyện đọc từ thẻ Đồng bộ → Đăng ký của huyện. Khi đó gói đầu tiên có khóa khớp mã này được nhập ngay, không cần đối chiếu lại.</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>Mã khóa:</translation>
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
    <name>DistrictsPanel</name>
    <message>
        <source>Search by code or name (accents optional)</source>
        <translation>Tìm theo mã hoặc tên (gõ có dấu hay không đều được)</translation>
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
        <source>Accept new key…</source>
        <translation>Chấp nhận khóa mới…</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Bỏ khỏi danh sách</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Mã khóa</translation>
    </message>
    <message>
        <source>Imported up to No.</source>
        <translation>Đã nhập đến gói số</translation>
    </message>
    <message>
        <source>Last package received</source>
        <translation>Nhận gói gần nhất</translation>
    </message>
    <message>
        <source>Province mailbox for packages:</source>
        <translation>Hộp thư nhận gói của tỉnh:</translation>
    </message>
    <message>
        <source>Export province profile…</source>
        <translation>Xuất hồ sơ tỉnh…</translation>
    </message>
    <message>
        <source>Give each district the profile file (USB or e-mail): it holds the province's keys and the list of districts. Export it again after adding districts.</source>
        <translation>Gửi tệp hồ sơ cho từng huyện (USB hoặc email): tệp chứa khóa của tỉnh và danh sách huyện. Xuất lại sau khi thêm huyện.</translation>
    </message>
    <message>
        <source>Key fingerprint of this province: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Mã khóa của tỉnh: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Remove %1 from the list? Its packages will be refused; the records already received are kept.</source>
        <translation>Bỏ %1 khỏi danh sách? Các gói của đơn vị sẽ bị từ chối; dữ liệu đã nhận vẫn được giữ.</translation>
    </message>
    <message>
        <source>Save the province profile</source>
        <translation>Lưu hồ sơ tỉnh</translation>
    </message>
    <message>
        <source>Province profile (*.isoprofile)</source>
        <translation>Hồ sơ tỉnh (*.isoprofile)</translation>
    </message>
    <message>
        <source>Saved %1. Key fingerprint to compare by phone: %2</source>
        <translation>Đã lưu %1. Mã khóa để đối chiếu qua điện thoại: %2</translation>
    </message>
</context>
<context>
    <name>EmailPanel</name>
    <message>
        <source>Sending e-mail (SMTP)</source>
        <translation>Gửi email (SMTP)</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (cổng 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (cổng 465)</translation>
    </message>
    <message>
        <source>None (inside the office network only)</source>
        <translation>Không (chỉ trong mạng nội bộ)</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(giữ nguyên)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Máy chủ:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Cổng:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Bảo mật:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Địa chỉ gửi:</translation>
    </message>
    <message>
        <source>The password is kept on this computer only, protected by the Windows account. Packages are encrypted: the mail server cannot read them.</source>
        <translation>Mật khẩu chỉ lưu trên máy này, được bảo vệ theo tài khoản Windows. Các gói đã được mã hóa: máy chủ thư không đọc được.</translation>
    </message>
    <message>
        <source>The password is kept on this computer only, encrypted with a key file of the data folder that backups do not contain. Packages are encrypted: the mail server cannot read them.</source>
        <translation>Mật khẩu chỉ lưu trên máy này, được mã hóa bằng một tệp khóa trong thư mục dữ liệu (các bản sao lưu không chứa tệp này). Các gói đã được mã hóa: máy chủ thư không đọc được.</translation>
    </message>
    <message>
        <source>Save e-mail settings</source>
        <translation>Lưu cài đặt email</translation>
    </message>
    <message>
        <source>The e-mail settings were saved.</source>
        <translation>Đã lưu cài đặt email.</translation>
    </message>
</context>
<context>
    <name>EnrolPanel</name>
    <message>
        <source>Import the province profile…</source>
        <translation>Nhập hồ sơ tỉnh…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 (%2)&lt;/h3&gt;&lt;p&gt;Key fingerprint of the province: &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;Mailbox for packages: %4&lt;br&gt;Enrolled on %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 (%2)&lt;/h3&gt;&lt;p&gt;Mã khóa của tỉnh: &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;Hộp thư nhận gói: %4&lt;br&gt;Đăng ký ngày %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Not enrolled&lt;/h3&gt;&lt;p&gt;Ask the province for its profile file (.isoprofile) and import it here. Compare the key fingerprint it shows with the province by phone.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chưa đăng ký&lt;/h3&gt;&lt;p&gt;Hãy xin BHXH tỉnh tệp hồ sơ tỉnh (.isoprofile) rồi nhập ở đây. Đối chiếu mã khóa hiện ra với tỉnh qua điện thoại.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This unit's key fingerprint (read it to the province when they receive your first package): &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Mã khóa của đơn vị (đọc cho tỉnh khi tỉnh nhận gói đầu tiên): &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Province profile</source>
        <translation>Hồ sơ tỉnh</translation>
    </message>
    <message>
        <source>Province profile (*.isoprofile)</source>
        <translation>Hồ sơ tỉnh (*.isoprofile)</translation>
    </message>
    <message>
        <source>This profile has a different key (new fingerprint %1, old %2). Accept it only after checking the new fingerprint with the province by phone. Accept the new key?</source>
        <translation>Hồ sơ này có khóa khác (mã mới %1, mã cũ %2). Chỉ chấp nhận sau khi đã đối chiếu mã mới với tỉnh qua điện thoại. Chấp nhận khóa mới?</translation>
    </message>
    <message>
        <source>Enrolled with %1. Check this key fingerprint with the province by phone: %2</source>
        <translation>Đã đăng ký với %1. Hãy đối chiếu mã khóa này với tỉnh qua điện thoại: %2</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Choose the packages (.isosync) and e-mail parts (.isopart) of your districts — a whole folder or USB drive at once. Preview first, then import: each package goes in completely or not at all.</source>
        <translation>Chọn các gói (.isosync) và phần email (.isopart) của các huyện — có thể chọn cả thư mục hoặc ổ USB. Xem trước rồi mới nhập: mỗi gói được nhập trọn vẹn hoặc không nhập gì.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <source>Add folder or drive…</source>
        <translation>Thêm thư mục hoặc ổ USB…</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Xóa danh sách</translation>
    </message>
    <message>
        <source>Preview (dry run)</source>
        <translation>Xem trước (chưa ghi)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Check the keys of new districts…</source>
        <translation>Đối chiếu khóa các huyện mới…</translation>
    </message>
    <message>
        <source>Write acknowledgements…</source>
        <translation>Ghi giấy báo nhận…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Select a package to see what it brought.</source>
        <translation>Chọn một gói để xem gói mang đến những gì.</translation>
    </message>
    <message>
        <source>Packages held because an earlier one is missing</source>
        <translation>Các gói đang giữ vì thiếu gói trước</translation>
    </message>
    <message>
        <source>Needs from No.</source>
        <translation>Cần từ gói số</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận ngày</translation>
    </message>
    <message>
        <source>Accept the gap and import the held packages…</source>
        <translation>Chấp nhận khoảng trống và nhập các gói đang giữ…</translation>
    </message>
    <message>
        <source>The file %1 is no longer in the list: add it again, then import.</source>
        <translation>Tệp %1 không còn trong danh sách: hãy thêm lại tệp rồi nhập.</translation>
    </message>
    <message>
        <source>Import the held packages of %1 (%2) without packages No. %3? The records of the missing packages will not be here until the district sends them again.</source>
        <translation>Nhập các gói đang giữ của %1 (%2) khi thiếu gói số %3? Các bản ghi của gói còn thiếu sẽ chưa có ở đây cho đến khi huyện gửi lại.</translation>
    </message>
    <message>
        <source>Stopped: %1 of %2 acknowledgements written to %3, each of them whole. Write the acknowledgements again to write the rest.</source>
        <translation>Đã dừng: đã ghi %1 trên %2 giấy báo nhận vào %3, mỗi tệp đều trọn vẹn. Hãy ghi giấy báo nhận lần nữa để ghi các giấy còn lại.</translation>
    </message>
    <message>
        <source>Writing the acknowledgements…</source>
        <translation>Đang ghi giấy báo nhận…</translation>
    </message>
    <message>
        <source>Packages from the districts</source>
        <translation>Các gói của huyện</translation>
    </message>
    <message>
        <source>Goes through the new districts one after the other: compare each key by phone with the district.</source>
        <translation>Lần lượt từng huyện mới: gọi điện đối chiếu mã khóa với huyện.</translation>
    </message>
    <message>
        <source>Sync packages and parts (*.isosync *.isopart)</source>
        <translation>Gói và phần gói đồng bộ (*.isosync *.isopart)</translation>
    </message>
    <message>
        <source>Folder or USB drive with the packages</source>
        <translation>Thư mục hoặc ổ USB chứa các gói</translation>
    </message>
    <message>
        <source>Add the package files or a folder first.</source>
        <translation>Hãy thêm tệp gói hoặc thư mục trước.</translation>
    </message>
    <message>
        <source>Checking the packages…</source>
        <translation>Đang kiểm tra các gói…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Missing packages %1 to %2 of %3</source>
        <translation>Thiếu các gói số %1 đến %2 của %3</translation>
    </message>
    <message>
        <source>Where to write the acknowledgements</source>
        <translation>Nơi ghi giấy báo nhận</translation>
    </message>
    <message>
        <source>%1 acknowledgements written to %2. Send each district its file.</source>
        <translation>Đã ghi %1 giấy báo nhận vào %2. Hãy gửi cho mỗi huyện tệp của huyện đó.</translation>
    </message>
</context>
<context>
    <name>ImportResults</name>
    <message>
        <source>can be imported</source>
        <translation>nhập được</translation>
    </message>
    <message>
        <source>can be imported, with warnings</source>
        <translation>nhập được, có cảnh báo</translation>
    </message>
    <message>
        <source>key to check</source>
        <translation>cần đối chiếu khóa</translation>
    </message>
    <message>
        <source>key does not match</source>
        <translation>khóa không khớp</translation>
    </message>
    <message>
        <source>would be held (earlier package missing)</source>
        <translation>sẽ được giữ lại (thiếu gói trước)</translation>
    </message>
    <message>
        <source>imported before</source>
        <translation>đã nhập trước đó</translation>
    </message>
    <message>
        <source>would be refused</source>
        <translation>sẽ bị từ chối</translation>
    </message>
    <message>
        <source>Preview — %1</source>
        <translation>Xem trước — %1</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>Imported, with warnings</source>
        <translation>Đã nhập, có cảnh báo</translation>
    </message>
    <message>
        <source>Key to check</source>
        <translation>Cần đối chiếu khóa</translation>
    </message>
    <message>
        <source>Key does not match</source>
        <translation>Khóa không khớp</translation>
    </message>
    <message>
        <source>Held (earlier package missing)</source>
        <translation>Đang giữ (thiếu gói trước)</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>Đã nhập trước đó</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>%1 can be imported</source>
        <translation>%1 nhập được</translation>
    </message>
    <message>
        <source>%1 with warnings</source>
        <translation>%1 có cảnh báo</translation>
    </message>
    <message>
        <source>%1 with a key to check</source>
        <translation>%1 cần đối chiếu khóa</translation>
    </message>
    <message>
        <source>%1 key does not match</source>
        <translation>%1 khóa không khớp</translation>
    </message>
    <message>
        <source>%1 would be held</source>
        <translation>%1 sẽ được giữ lại</translation>
    </message>
    <message>
        <source>%1 imported before</source>
        <translation>%1 đã nhập trước đó</translation>
    </message>
    <message>
        <source>%1 would be refused</source>
        <translation>%1 sẽ bị từ chối</translation>
    </message>
    <message>
        <source>%1 imported</source>
        <translation>%1 đã nhập</translation>
    </message>
    <message>
        <source>%1 held</source>
        <translation>%1 đang giữ</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1 bị từ chối</translation>
    </message>
    <message>
        <source>Preview — nothing written. </source>
        <translation>Xem trước — chưa ghi gì. </translation>
    </message>
    <message>
        <source>Would add %1 records, update %2, quarantine %3.</source>
        <translation>Sẽ thêm %1 bản ghi, cập nhật %2, cách ly %3.</translation>
    </message>
    <message>
        <source>%1 records added, %2 updated, %3 quarantined.</source>
        <translation>Thêm %1 bản ghi, cập nhật %2, cách ly %3.</translation>
    </message>
    <message>
        <source>%1 packages: %2.</source>
        <translation>%1 gói: %2.</translation>
    </message>
    <message>
        <source>Contents: %1</source>
        <translation>Nội dung gói: %1</translation>
    </message>
    <message>
        <source>unknown (file name: %1)</source>
        <translation>không rõ (tên tệp ghi %1)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Search a district (accents optional)</source>
        <translation>Tìm huyện (gõ có dấu hay không đều được)</translation>
    </message>
    <message>
        <source>Open district data…</source>
        <translation>Xem dữ liệu huyện…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <source>Red: late (no package for too long, overdue actions, report past 15/11, changed key). Yellow: to watch (held packages, quarantined records, staff not yet tested, report due soon).</source>
        <translation>Đỏ: chậm (lâu không gửi gói, việc quá hạn, báo cáo quá 15/11, khóa bị đổi). Vàng: cần theo dõi (gói đang giữ, bản ghi bị cách ly, còn cán bộ chưa kiểm tra, sắp đến hạn báo cáo).</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <source>Pkg</source>
        <translation>Gói</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận ngày</translation>
    </message>
    <message>
        <source>Days ago</source>
        <translation>Số ngày trước</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Số ngày</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Đang giữ</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <source>Quar.</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Training coverage</source>
        <translation>Tỷ lệ đã kiểm tra</translation>
    </message>
    <message>
        <source>Tested</source>
        <translation>Đã KT</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Tỷ lệ đạt</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Minutes confirmed</source>
        <translation>Biên bản đã xác nhận</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>BB đã XN</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>Chờ xác nhận</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>Chờ XN</translation>
    </message>
    <message>
        <source>Open NCs</source>
        <translation>SKPH đang mở</translation>
    </message>
    <message>
        <source>NCs open</source>
        <translation>SKPH mở</translation>
    </message>
    <message>
        <source>Overdue NCs</source>
        <translation>SKPH quá hạn</translation>
    </message>
    <message>
        <source>NCs late</source>
        <translation>SKPH trễ</translation>
    </message>
    <message>
        <source>Conversion progress</source>
        <translation>Tiến độ chuyển đổi</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Overdue plan steps</source>
        <translation>Việc quá hạn</translation>
    </message>
    <message>
        <source>Steps late</source>
        <translation>Việc trễ</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Select a district in the table first.</source>
        <translation>Hãy chọn một huyện trong bảng trước.</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Xuất ra Excel</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Districts of %1 — year %2</source>
        <translation>Các huyện của %1 — năm %2</translation>
    </message>
    <message>
        <source>Made on %1</source>
        <translation>Lập ngày %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>QuarantinePanel</name>
    <message>
        <source>Show resolved ones too</source>
        <translation>Hiện cả bản ghi đã xử lý</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận ngày</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Đã xử lý</translation>
    </message>
    <message>
        <source>A quarantined record did not go in; the rest of its package did. The acknowledgement tells the district, which corrects the record and sends it again.</source>
        <translation>Bản ghi bị cách ly chưa được nhập; phần còn lại của gói đã nhập. Giấy báo nhận sẽ báo cho huyện để sửa bản ghi và gửi lại.</translation>
    </message>
</context>
<context>
    <name>RecordStatesPanel</name>
    <message>
        <source>Search (accents optional)</source>
        <translation>Tìm kiếm (gõ có dấu hay không đều được)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa lúc</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Trạng thái đồng bộ</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Gói</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n record(s)</source>
        <translation>
            <numerusform>%1 trên %n bản ghi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <source>Send the changes to the province</source>
        <translation>Gửi các thay đổi lên tỉnh</translation>
    </message>
    <message>
        <source>USB drive or folder:</source>
        <translation>Ổ USB hoặc thư mục:</translation>
    </message>
    <message>
        <source>Refresh drives</source>
        <translation>Tìm lại ổ</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <source>Full package (everything again, when the province asks)</source>
        <translation>Gói đầy đủ (gửi lại toàn bộ, khi tỉnh đề nghị)</translation>
    </message>
    <message>
        <source>Write package to the drive</source>
        <translation>Ghi gói vào ổ</translation>
    </message>
    <message>
        <source>Save as e-mail (.eml)…</source>
        <translation>Lưu thành thư (.eml)…</translation>
    </message>
    <message>
        <source>Send by e-mail now</source>
        <translation>Gửi email ngay</translation>
    </message>
    <message>
        <source>Import acknowledgement…</source>
        <translation>Nhập giấy báo nhận…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Tạo lúc</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Gửi bằng</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp kèm</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Số lần thử</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Thử lại lúc</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Lỗi gần nhất</translation>
    </message>
    <message>
        <source>&lt;b&gt;Packages made&lt;/b&gt;</source>
        <translation>&lt;b&gt;Các gói đã tạo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Copy the selected package again to the drive</source>
        <translation>Chép lại gói đang chọn vào ổ</translation>
    </message>
    <message>
        <source>&lt;b&gt;E-mail outbox&lt;/b&gt; (tried again automatically)</source>
        <translation>&lt;b&gt;Hộp thư đi&lt;/b&gt; (tự động gửi lại)</translation>
    </message>
    <message>
        <source>Try sending now</source>
        <translation>Gửi lại ngay</translation>
    </message>
    <message>
        <source>Enrol with the province…</source>
        <translation>Đăng ký với BHXH tỉnh…</translation>
    </message>
    <message>
        <source>Set up the mail server…</source>
        <translation>Khai báo máy chủ thư…</translation>
    </message>
    <message>
        <source>Packages go to &lt;b&gt;%1&lt;/b&gt; (%2), key fingerprint %3. Mailbox: %4.</source>
        <translation>Gói gửi đến &lt;b&gt;%1&lt;/b&gt; (%2), mã khóa %3. Hộp thư: %4.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not enrolled yet.&lt;/b&gt; Import the province profile file in the “Enrolment” tab first.</source>
        <translation>&lt;b&gt;Chưa đăng ký với tỉnh.&lt;/b&gt; Hãy nhập tệp hồ sơ tỉnh ở thẻ “Đăng ký” trước.</translation>
    </message>
    <message>
        <source>No package made yet. Write the changes to a USB drive or save them as an e-mail with the buttons above; each package is listed here until the province acknowledges it.</source>
        <translation>Chưa tạo gói nào. Hãy ghi các thay đổi vào ổ USB hoặc lưu thành thư bằng các nút phía trên; mỗi gói được liệt kê ở đây cho tới khi BHXH tỉnh báo đã nhận.</translation>
    </message>
    <message>
        <source>No package made yet: packages go to the province once this unit is enrolled with it (the province's profile file, .isoprofile).</source>
        <translation>Chưa tạo gói nào: chỉ gửi được gói lên BHXH tỉnh sau khi đơn vị đã đăng ký với tỉnh (bằng tệp hồ sơ tỉnh, .isoprofile).</translation>
    </message>
    <message>
        <source>Nothing waiting to be sent by e-mail. A package sent with “Send by e-mail now” waits here until the mail server has taken it, and is tried again by itself.</source>
        <translation>Không có thư nào chờ gửi. Gói gửi bằng nút “Gửi email ngay” nằm ở đây cho tới khi máy chủ thư nhận, và được tự động gửi lại.</translation>
    </message>
    <message>
        <source>Nothing waiting to be sent by e-mail. To send packages by e-mail from here, set up the mail server first (or save a package as an e-mail and send it with your mail program).</source>
        <translation>Không có thư nào chờ gửi. Muốn gửi gói bằng email từ đây, hãy khai báo máy chủ thư trước (hoặc lưu gói thành thư rồi gửi bằng chương trình email của bạn).</translation>
    </message>
    <message>
        <source>Records: %1 not sent, %2 sent and waiting for the acknowledgement, %3 received by the province, %4 refused.</source>
        <translation>Bản ghi: %1 chưa gửi, %2 đã gửi đang chờ báo nhận, %3 tỉnh đã nhận, %4 bị từ chối.</translation>
    </message>
    <message>
        <source>Set up the mail server in the “E-mail” tab first, or save the package as an e-mail (.eml) to send it with your mail program.</source>
        <translation>Hãy cài đặt máy chủ gửi thư ở thẻ “Email” trước, hoặc lưu gói thành thư (.eml) để gửi bằng chương trình thư.</translation>
    </message>
    <message>
        <source>Choose the drive or folder</source>
        <translation>Chọn ổ hoặc thư mục</translation>
    </message>
    <message>
        <source>Done: %1 written and read back (records: %2, files: %3, %4 kB). You can remove the drive.</source>
        <translation>Xong: đã ghi và đọc lại %1 (%2 bản ghi, %3 tệp, %4 kB). Có thể rút ổ USB.</translation>
    </message>
    <message>
        <source>Plug in a USB drive and press “Refresh drives”, or choose a folder.</source>
        <translation>Hãy cắm ổ USB rồi bấm “Tìm lại ổ”, hoặc chọn một thư mục.</translation>
    </message>
    <message>
        <source>No USB drive found</source>
        <translation>Không thấy ổ USB</translation>
    </message>
    <message>
        <source>Plug in a USB drive, then press “Refresh drives”; or choose a folder.</source>
        <translation>Cắm ổ USB rồi bấm “Tìm lại ổ”; hoặc chọn một thư mục.</translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>Không có gì mới</translation>
    </message>
    <message>
        <source>Nothing changed since package No. %1 (made %2): a new package would hold the same records. Use package No. %1 again?</source>
        <translation>Không có gì thay đổi kể từ gói số %1 (tạo lúc %2): gói mới cũng chứa đúng các bản ghi đó. Dùng lại gói số %1?</translation>
    </message>
    <message>
        <source>Use package No. %1 again</source>
        <translation>Dùng lại gói số %1</translation>
    </message>
    <message>
        <source>Make a new package anyway</source>
        <translation>Vẫn tạo gói mới</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Writing the package and checking it…</source>
        <translation>Đang ghi gói và kiểm tra lại…</translation>
    </message>
    <message>
        <source>Making the package…</source>
        <translation>Đang tạo gói…</translation>
    </message>
    <message>
        <source>Where to save the e-mail</source>
        <translation>Nơi lưu thư</translation>
    </message>
    <message>
        <source>Saved %1. Open it with your mail program and press Send.</source>
        <translation>Đã lưu %1. Hãy mở bằng chương trình thư và bấm Gửi.</translation>
    </message>
    <message>
        <source>Not sent yet: %1 It will be tried again automatically.</source>
        <translation>Chưa gửi được: %1 Chương trình sẽ tự gửi lại.</translation>
    </message>
    <message>
        <source>E-mail: %1 sent, %2 waiting.</source>
        <translation>Email: đã gửi %1, còn chờ %2.</translation>
    </message>
    <message>
        <source>Sending e-mail…</source>
        <translation>Đang gửi email…</translation>
    </message>
    <message>
        <source>Copied again: %1</source>
        <translation>Đã chép lại: %1</translation>
    </message>
    <message>
        <source>Acknowledgement from the province</source>
        <translation>Giấy báo nhận của tỉnh</translation>
    </message>
    <message>
        <source>Sync files (*.isosync)</source>
        <translation>Tệp đồng bộ (*.isosync)</translation>
    </message>
</context>
<context>
    <name>SyncCommon</name>
    <message>
        <source>%1 (%2) — %3 GB free</source>
        <translation>%1 (%2) — còn trống %3 GB</translation>
    </message>
    <message>
        <source>Made, not delivered yet</source>
        <translation>Đã tạo, chưa chuyển đi</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Received by the province</source>
        <translation>Tỉnh đã nhận</translation>
    </message>
    <message>
        <source>Held (gap)</source>
        <translation>Đang giữ (thiếu gói trước)</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Chưa gửi</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Đã tin cậy</translation>
    </message>
    <message>
        <source>Waiting for the first package</source>
        <translation>Chờ gói đầu tiên</translation>
    </message>
    <message>
        <source>Key changed — to confirm</source>
        <translation>Khóa đã đổi — cần xác nhận</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>&lt;h2&gt;Sync with the districts&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Đồng bộ với các huyện&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Sync with the province&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Đồng bộ với BHXH tỉnh&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Districts side by side</source>
        <translation>Tổng hợp các huyện</translation>
    </message>
    <message>
        <source>Import packages</source>
        <translation>Nhập gói</translation>
    </message>
    <message>
        <source>Districts and keys</source>
        <translation>Các huyện và khóa</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Gửi đi</translation>
    </message>
    <message>
        <source>Record status</source>
        <translation>Trạng thái bản ghi</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Demo: the demo district (Sông Trà) sends its packages here. Start it with “isodesk demo” (from the source: “python dev.py demo”), write a package to a folder there, then import that folder in “Import packages”.</source>
        <translation>Dữ liệu mẫu: huyện mẫu (Sông Trà) gửi gói về đây. Hãy mở huyện mẫu bằng lệnh “isodesk demo” (từ mã nguồn: “python dev.py demo”), ghi một gói vào một thư mục, rồi nhập thư mục đó ở thẻ “Nhập gói”.</translation>
    </message>
    <message>
        <source>Demo: this district is enrolled with the demo province (%1), whose data is in %2. Write a package to a folder here (“Choose folder…”), then open the province with “isodesk demo --province” (from the source: “python dev.py demo --province”) and import it there.</source>
        <translation>Dữ liệu mẫu: huyện này đã đăng ký với tỉnh mẫu (%1), dữ liệu của tỉnh ở %2. Hãy ghi một gói vào một thư mục ở đây (nút “Chọn thư mục…”), rồi mở tỉnh bằng lệnh “isodesk demo --province” (từ mã nguồn: “python dev.py demo --province”) và nhập gói ở đó.</translation>
    </message>
</context>
<context>
    <name>TrustKeyDialog</name>
    <message>
        <source>New district key</source>
        <translation>Khóa mới của huyện</translation>
    </message>
    <message>
        <source>District %1/%2 with a new key</source>
        <translation>Huyện %1/%2 có khóa mới</translation>
    </message>
    <message>
        <source>&lt;p&gt;This is the first package of &lt;b&gt;%1&lt;/b&gt; (%2). Before trusting it, call the district and ask them to read the key fingerprint shown in their Sync → Enrolment tab. It must be exactly:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Đây là gói đầu tiên của &lt;b&gt;%1&lt;/b&gt; (%2). Trước khi tin cậy, hãy gọi điện cho huyện, đề nghị đọc mã khóa ở thẻ Đồng bộ → Đăng ký. Mã phải đúng là:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>It matches — trust</source>
        <translation>Khớp — tin cậy</translation>
    </message>
    <message>
        <source>It does not match</source>
        <translation>Không khớp</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
</context>
</TS>
