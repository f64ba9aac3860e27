<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>FirstStepsPanel</name>
    <message>
        <source>Import the staff list</source>
        <translation>Nhập danh sách cán bộ</translation>
    </message>
    <message>
        <source>The office&apos;s staff from its Excel list (a template is there to fill in); the test, the team and the minutes use it.</source>
        <translation>Cán bộ của đơn vị lấy từ danh sách Excel (có sẵn tệp mẫu để điền); bài kiểm tra, Tổ triển khai ISO và biên bản đều dùng danh sách này.</translation>
    </message>
    <message>
        <source>Staff list…</source>
        <translation>Danh sách cán bộ…</translation>
    </message>
    <message>
        <source>Set up the %1</source>
        <translation>Thành lập %1</translation>
    </message>
    <message>
        <source>Who is in the %1, their roles, and the decision that set it up.</source>
        <translation>Thành viên %1, nhiệm vụ của từng người và quyết định thành lập.</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Load or receive the conversion plan</source>
        <translation>Nạp hoặc nhận kế hoạch chuyển đổi</translation>
    </message>
    <message>
        <source>The milestones of the move to TCVN ISO 9001:2015: the standard plan, or the one the province sends.</source>
        <translation>Các mốc chuyển đổi sang TCVN ISO 9001:2015: kế hoạch mẫu, hoặc kế hoạch BHXH tỉnh gửi về.</translation>
    </message>
    <message>
        <source>Conversion plan…</source>
        <translation>Kế hoạch chuyển đổi…</translation>
    </message>
    <message>
        <source>Enrol with the province</source>
        <translation>Đăng ký với BHXH tỉnh</translation>
    </message>
    <message>
        <source>Import the province&apos;s profile file (.isoprofile) so that this office can send its records to the province.</source>
        <translation>Nhập tệp hồ sơ tỉnh (.isoprofile) để đơn vị gửi được hồ sơ lên BHXH tỉnh.</translation>
    </message>
    <message>
        <source>Enrolment…</source>
        <translation>Đăng ký…</translation>
    </message>
    <message>
        <source>Add the districts</source>
        <translation>Thêm các huyện</translation>
    </message>
    <message>
        <source>Each district of the province, then give them the province&apos;s profile file.</source>
        <translation>Khai báo từng huyện của tỉnh, rồi gửi cho các huyện tệp hồ sơ tỉnh.</translation>
    </message>
    <message>
        <source>Districts…</source>
        <translation>Các huyện…</translation>
    </message>
    <message>
        <source>Plan the training day</source>
        <translation>Lên kế hoạch buổi tập huấn</translation>
    </message>
    <message>
        <source>The awareness training with its attendance list; the test is then taken on the kiosk or on paper.</source>
        <translation>Buổi tập huấn nhận thức và danh sách tham dự; sau đó kiểm tra trên máy kiểm tra hoặc trên giấy.</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Tập huấn…</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>%1 of %2 steps done. Each step is ticked as soon as it is done.</source>
        <translation>Đã xong %1/%2 bước. Mỗi bước được đánh dấu ngay khi làm xong.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Chưa làm</translation>
    </message>
    <message>
        <source>done</source>
        <translation>đã xong</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <source>Search (accents optional)</source>
        <translation>Tìm (có dấu hoặc không dấu)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n mục</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n item(s)</source>
        <translation>
            <numerusform>%1/%n mục</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Awareness test of the staff subject to it</source>
        <translation>Kiểm tra nhận thức của cán bộ thuộc diện kiểm tra</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Tested, not passed</source>
        <translation>Đã kiểm tra, chưa đạt</translation>
    </message>
    <message>
        <source>Not tested yet</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <source>Nothing to show yet: the chart fills in once the staff list is imported and the test has been taken.</source>
        <translation>Chưa có số liệu: biểu đồ sẽ hiện khi đã nhập danh sách cán bộ và tổ chức kiểm tra.</translation>
    </message>
    <message>
        <source>Documents by state</source>
        <translation>Tài liệu theo trạng thái</translation>
    </message>
    <message>
        <source>No document in the register yet: add them or import the list under ISO records → Documents.</source>
        <translation>Chưa có tài liệu nào trong danh mục: hãy thêm hoặc nhập danh mục ở Hồ sơ ISO → Tài liệu.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>số liệu đến ngày %1</translation>
    </message>
    <message>
        <source>Training coverage</source>
        <translation>Tỷ lệ cán bộ đạt kiểm tra</translation>
    </message>
    <message>
        <source>nobody on the roster is subject to the test</source>
        <translation>không có cán bộ nào thuộc diện kiểm tra</translation>
    </message>
    <message>
        <source>no staff on the roster yet</source>
        <translation>chưa có cán bộ trong danh sách</translation>
    </message>
    <message>
        <source>import the staff list first</source>
        <translation>hãy nhập danh sách cán bộ trước</translation>
    </message>
    <message>
        <source>%1 of %2 staff subject to the test passed the awareness test</source>
        <translation>%1/%2 cán bộ thuộc diện kiểm tra đã đạt bài kiểm tra nhận thức</translation>
    </message>
    <message>
        <source>(%1 not subject to it)</source>
        <translation>(%1 người không thuộc diện kiểm tra)</translation>
    </message>
    <message>
        <source>no training session yet</source>
        <translation>chưa tổ chức buổi tập huấn nào</translation>
    </message>
    <message>
        <source>%1 not passed yet</source>
        <translation>%1 người chưa đạt</translation>
    </message>
    <message>
        <source>Everyone has passed</source>
        <translation>Tất cả đã đạt</translation>
    </message>
    <message>
        <source>Open nonconformities</source>
        <translation>Không phù hợp chưa đóng</translation>
    </message>
    <message>
        <source>%1 closed</source>
        <translation>đã đóng %1</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 quá hạn</translation>
    </message>
    <message>
        <source>none overdue</source>
        <translation>không có điểm quá hạn</translation>
    </message>
    <message>
        <source>Conversion milestones done</source>
        <translation>Mốc chuyển đổi đã hoàn thành</translation>
    </message>
    <message>
        <source>milestones of the 2008 → 2015 conversion plan</source>
        <translation>mốc của kế hoạch chuyển đổi 2008 → 2015</translation>
    </message>
    <message numerus="yes">
        <source>%n milestone(s) overdue</source>
        <translation>
            <numerusform>%n mốc quá hạn</numerusform>
        </translation>
    </message>
    <message>
        <source>no milestone overdue</source>
        <translation>không có mốc quá hạn</translation>
    </message>
    <message>
        <source>no conversion plan yet</source>
        <translation>chưa có kế hoạch chuyển đổi</translation>
    </message>
    <message>
        <source>Documents in force</source>
        <translation>Tài liệu đang hiệu lực</translation>
    </message>
    <message>
        <source>draft %1 · approved %2 · obsolete %3</source>
        <translation>dự thảo %1 · đã duyệt %2 · hết hiệu lực %3</translation>
    </message>
    <message>
        <source>Yearly report</source>
        <translation>Báo cáo năm</translation>
    </message>
    <message>
        <source>report of %1 is final (due %2)</source>
        <translation>báo cáo năm %1 đã hoàn thành (hạn %2)</translation>
    </message>
    <message>
        <source>days until the deadline %1</source>
        <translation>ngày nữa đến hạn nộp %1</translation>
    </message>
    <message>
        <source>days late: the report was due on %1</source>
        <translation>ngày trễ hạn: báo cáo phải nộp trước ngày %1</translation>
    </message>
    <message>
        <source>Management review</source>
        <translation>Xem xét của lãnh đạo</translation>
    </message>
    <message>
        <source>no management review recorded yet</source>
        <translation>chưa ghi nhận cuộc họp xem xét nào</translation>
    </message>
    <message>
        <source>the first one is due by %1</source>
        <translation>lần đầu cần họp trước ngày %1</translation>
    </message>
    <message>
        <source>last management review</source>
        <translation>lần xem xét của lãnh đạo gần nhất</translation>
    </message>
    <message>
        <source>no management review recorded</source>
        <translation>chưa ghi cuộc họp xem xét nào</translation>
    </message>
    <message>
        <source>a review is due (none in 12 months)</source>
        <translation>đến hạn xem xét (12 tháng chưa họp)</translation>
    </message>
    <message>
        <source>held within the last 12 months</source>
        <translation>đã họp trong 12 tháng qua</translation>
    </message>
    <message>
        <source>12 months ago today: a review is due today</source>
        <translation>tròn 12 tháng: hôm nay đến hạn họp xem xét</translation>
    </message>
    <message>
        <source>Minutes awaiting confirmation</source>
        <translation>Biên bản chờ xác nhận</translation>
    </message>
    <message>
        <source>%1 minutes in all, %2 confirmed</source>
        <translation>tổng %1 biên bản, đã xác nhận %2</translation>
    </message>
    <message>
        <source>%1 being written</source>
        <translation>%1 biên bản đang soạn</translation>
    </message>
    <message>
        <source>Active staff</source>
        <translation>Cán bộ đang làm việc</translation>
    </message>
    <message>
        <source>%1 on the roster, %2 inactive</source>
        <translation>%1 người trong danh sách, %2 người đã nghỉ</translation>
    </message>
    <message>
        <source>Active staff who have not passed the awareness test</source>
        <translation>Cán bộ đang làm việc chưa đạt bài kiểm tra nhận thức</translation>
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
        <translation>Bộ phận</translation>
    </message>
    <message>
        <source>Open Training</source>
        <translation>Mở mục Đào tạo</translation>
    </message>
    <message>
        <source>Everyone has passed.</source>
        <translation>Tất cả đã đạt.</translation>
    </message>
    <message>
        <source>Overdue nonconformities</source>
        <translation>Không phù hợp quá hạn</translation>
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
        <source>Open in ISO records</source>
        <translation>Mở trong Hồ sơ ISO</translation>
    </message>
    <message>
        <source>Conversion plan milestones</source>
        <translation>Các mốc kế hoạch chuyển đổi</translation>
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
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Ngày hoàn thành</translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation>Tài liệu: %1</translation>
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
        <source>In force from</source>
        <translation>Ngày hiệu lực</translation>
    </message>
</context>
<context>
    <name>ProvinceOverviewPage</name>
    <message>
        <source>Districts sending data</source>
        <translation>Huyện gửi dữ liệu đúng hạn</translation>
    </message>
    <message>
        <source>Training coverage of the districts</source>
        <translation>Tỷ lệ cán bộ các huyện đạt kiểm tra</translation>
    </message>
    <message>
        <source>Open nonconformities in the districts</source>
        <translation>Không phù hợp chưa đóng ở các huyện</translation>
    </message>
    <message>
        <source>Conversion milestones done</source>
        <translation>Mốc chuyển đổi đã hoàn thành</translation>
    </message>
    <message>
        <source>Yearly reports final</source>
        <translation>Báo cáo năm đã hoàn thành</translation>
    </message>
    <message>
        <source>Minutes awaiting confirmation</source>
        <translation>Biên bản chờ xác nhận</translation>
    </message>
    <message>
        <source>Awareness test of the districts&apos; staff</source>
        <translation>Kiểm tra nhận thức của cán bộ các huyện</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Tested, not passed</source>
        <translation>Đã kiểm tra, chưa đạt</translation>
    </message>
    <message>
        <source>Not tested yet</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <source>The districts&apos; documents by state</source>
        <translation>Tài liệu của các huyện theo trạng thái</translation>
    </message>
    <message>
        <source>&lt;b&gt;The districts side by side&lt;/b&gt; (as in Sync → Districts side by side)</source>
        <translation>&lt;b&gt;Tổng hợp các huyện&lt;/b&gt; (như ở Đồng bộ → Tổng hợp các huyện)</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>số liệu đến ngày %1</translation>
    </message>
    <message>
        <source>year %1</source>
        <translation>năm %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>%1 districts</source>
        <translation>%1 huyện</translation>
    </message>
    <message>
        <source>districts whose data came in time</source>
        <translation>huyện có dữ liệu gửi về đúng hạn</translation>
    </message>
    <message>
        <source>%1 late or never sent</source>
        <translation>%1 huyện gửi trễ hoặc chưa gửi</translation>
    </message>
    <message>
        <source>none late</source>
        <translation>không huyện nào trễ</translation>
    </message>
    <message>
        <source>no district yet</source>
        <translation>chưa có huyện nào</translation>
    </message>
    <message>
        <source>%1 of %2 staff subject to the test passed</source>
        <translation>%1/%2 cán bộ thuộc diện kiểm tra đã đạt</translation>
    </message>
    <message>
        <source>%1 districts not all tested yet</source>
        <translation>%1 huyện còn cán bộ chưa kiểm tra</translation>
    </message>
    <message>
        <source>open in all districts</source>
        <translation>đang mở ở các huyện</translation>
    </message>
    <message>
        <source>%1 overdue, in %2 districts</source>
        <translation>%1 quá hạn, ở %2 huyện</translation>
    </message>
    <message>
        <source>none overdue</source>
        <translation>không có điểm quá hạn</translation>
    </message>
    <message>
        <source>milestones of the districts&apos; plans</source>
        <translation>mốc trong kế hoạch của các huyện</translation>
    </message>
    <message>
        <source>districts whose yearly report is final</source>
        <translation>huyện đã hoàn thành báo cáo năm</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>%1 huyện trễ hạn</translation>
    </message>
    <message>
        <source>%1 confirmed</source>
        <translation>%1 đã xác nhận</translation>
    </message>
</context>
</TS>
