// Version 1 of the demo company's privacy policy, in our own words, based on the promises of the
// policy the product was designed around (see ../shared/seed-policy.txt).
export const POLICY_V1_VI = `# Chính sách bảo mật thông tin khách hàng

## 1. Chúng tôi thu thập thông tin gì và bằng cách nào
Chúng tôi nhận thông tin khi bạn điền biểu mẫu đăng ký, liên hệ hoặc khảo sát trên trang chủ, các trang con và các kênh trực tuyến khác của công ty. Thông tin có thể gồm: **họ và tên, số điện thoại, email, địa chỉ và tên tổ chức/công ty**.

## 2. Chúng tôi dùng thông tin để làm gì
- Gửi thông báo về dịch vụ và tài khoản: hướng dẫn quản trị, báo giá, gia hạn, kế hoạch bảo trì hoặc nâng cấp.
- Gửi tin về sự kiện, khuyến mãi và ưu đãi đặc biệt.
- Trả lời câu hỏi và tư vấn dịch vụ.
- Khảo sát ý kiến để nâng cao chất lượng và tìm hiểu nhu cầu mới.
- Liên hệ với bạn khi cần thiết.
- Thực hiện các chiến dịch quảng cáo.

Với mỗi mục đích cần sự đồng ý, bạn tự chọn có đồng ý hay không và có thể rút lại bất cứ lúc nào.

## 3. Lưu giữ trong bao lâu
Thông tin được lưu trong cơ sở dữ liệu của công ty cho đến khi bạn chấm dứt sử dụng dịch vụ. Nếu bạn chỉ để lại thông tin liên hệ mà chưa sử dụng dịch vụ, thông tin được xoá sau 24 tháng kể từ lần liên hệ cuối cùng.

## 4. Nơi lưu trữ
Dữ liệu được lưu trên máy chủ đặt tại trụ sở công ty tại Hà Nội, Việt Nam.

## 5. Chúng tôi không bán dữ liệu
Chúng tôi không bán, không cho thuê thông tin của bạn. Thông tin chỉ được chia sẻ với:
- **Đối tác quảng cáo** được chọn lọc: chỉ họ tên và địa chỉ gửi thư, chỉ khi bạn đồng ý nhận quảng cáo.
- **Đơn vị vận chuyển**: họ tên, số điện thoại và thông tin giao nhận, chỉ để giao hàng hoặc hồ sơ cho bạn.
- **Cơ quan nhà nước có thẩm quyền**: khi có yêu cầu hợp pháp, trong phạm vi pháp luật cho phép.

Chúng tôi có thể giới thiệu hình ảnh, video về sản phẩm và dịch vụ đã bàn giao để quảng bá, nếu bạn đồng ý.

## 6. Quyền của bạn
Bạn có quyền xem, sửa, tải về dữ liệu của mình, rút lại sự đồng ý, yêu cầu ngừng chia sẻ và yêu cầu xoá thông tin khỏi hệ thống bất cứ lúc nào, trên trang “Dữ liệu của tôi” hoặc bằng văn bản gửi công ty.

## 7. Thay đổi chính sách
Mọi thay đổi được thông báo **trước** khi có hiệu lực, trên trang chủ hoặc qua email.

## 8. Chúng tôi bảo vệ dữ liệu như thế nào
- Chỉ nhân viên được phân quyền mới xem được dữ liệu, và chỉ phần cần cho công việc của mình; mỗi lần xem, sửa, chia sẻ đều được ghi vào nhật ký không thể sửa lén.
- Mật khẩu của nhân viên được băm một chiều (scrypt), không ai đọc lại được; quản trị viên có thể bắt buộc xác thực hai bước.
- Dữ liệu đi qua mạng được mã hoá bằng TLS (HTTPS); các tệp lưu trữ (bản quét phiếu đồng ý, thư yêu cầu, gói dữ liệu chia sẻ) được mã hoá.
- Khi bạn yêu cầu xoá, thông tin cá nhân bị xoá khỏi mọi bảng; những giá trị còn nằm trong nhật ký được niêm phong bằng một khoá riêng của bạn, và khoá đó bị huỷ cùng lúc, nên không ai đọc lại được.
- Khi có sự cố liên quan đến dữ liệu, chúng tôi báo cơ quan chức năng trong vòng 72 giờ và thông báo cho những người bị ảnh hưởng.
`;

export const POLICY_V1_EN = `# Customer privacy policy

## 1. What we collect and how
We receive your details when you fill in a registration, contact or survey form on our homepage, its sub-pages or our other online channels. They may include your **full name, phone number, email, address and organisation/company name**.

## 2. What we use them for
- Notices about your services and account: administration guidance, quotes, renewals, maintenance or upgrade plans.
- News about events, promotions and special offers.
- Answering your questions and advising you on our services.
- Surveys that help us improve and understand new needs.
- Contacting you when needed.
- Advertising campaigns.

For every purpose that needs your consent, you decide whether to agree, and you can withdraw at any time.

## 3. How long we keep them
Your details stay in the company's database until you stop using our services. If you only left your contact details and never used our services, they are erased 24 months after we last heard from you.

## 4. Where they are stored
On servers at the company's headquarters in Hanoi, Vietnam.

## 5. We do not sell data
We never sell or rent your details. We share them only with:
- **Selected advertising partners**: your name and mailing address only, and only if you agreed to advertising.
- **Shipping companies**: your name, phone number and delivery details, only to deliver goods or documents to you.
- **Competent authorities**: on a lawful request, within the limits of the law.

With your consent, we may show photos or videos of the products and services we delivered to you, to present our work.

## 6. Your rights
You may see, correct and download your data, withdraw consent, ask us to stop sharing it and ask us to erase it at any time, on the "My data" page or by writing to us.

## 7. Changes to this policy
Every change is announced **before** it takes effect, on our homepage or by email.

## 8. How we protect your data
- Only staff with the right role can see data, and only what their work needs; every view, edit and disclosure goes into an audit log that cannot be changed unnoticed.
- Staff passwords are stored as one-way hashes (scrypt) that nobody can read back; administrators can require two-step sign-in.
- Data travelling over the network is encrypted with TLS (HTTPS); stored files (consent scans, letters, disclosure packages) are encrypted.
- When you ask to be erased, your personal details are removed from every table; values kept in the audit log are sealed with a key of your own, which is destroyed at the same time, so nobody can read them again.
- If an incident involves personal data, we tell the authority within 72 hours and tell the people affected.
`;
