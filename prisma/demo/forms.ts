// The demo company's forms: the contact form on the homepage and a satisfaction survey.
import type { FormInput } from "@/lib/forms/schemas";

export const DEMO_FORMS: FormInput[] = [
  {
    slug: "lien-he",
    kind: "LEAD",
    status: "PUBLISHED",
    titleVi: "Liên hệ với chúng tôi",
    titleEn: "Get in touch",
    introVi: "Để lại thông tin, chuyên viên tư vấn sẽ gọi lại cho bạn trong một ngày làm việc.",
    introEn: "Leave your details and a consultant will call you back within one working day.",
    fields: { fullName: "required", email: "required", phone: "optional", address: "off", organization: "optional" },
    questions: [{ key: "message", type: "long_text", labelVi: "Bạn cần chúng tôi hỗ trợ gì?", labelEn: "How can we help?", required: false, options: [] }],
    purposeKeys: ["inquiries", "promotions_events", "advertising"],
    thankYouVi: "Cảm ơn bạn! Chúng tôi sẽ liên hệ lại trong một ngày làm việc.",
    thankYouEn: "Thank you! We will get back to you within one working day.",
    redirectUrl: "",
    allowedOrigins: "",
  },
  {
    slug: "khao-sat-hai-long",
    kind: "SURVEY",
    status: "PUBLISHED",
    titleVi: "Khảo sát mức độ hài lòng",
    titleEn: "Customer satisfaction survey",
    introVi: "Hai phút của bạn giúp chúng tôi phục vụ tốt hơn.",
    introEn: "Two minutes of your time help us serve you better.",
    fields: { fullName: "optional", email: "optional", phone: "off", address: "off", organization: "off" },
    questions: [
      { key: "overall", type: "rating", labelVi: "Bạn hài lòng với dịch vụ ở mức nào?", labelEn: "How satisfied are you with our service?", required: true, options: [] },
      {
        key: "service",
        type: "single_choice",
        labelVi: "Bạn dùng dịch vụ nào nhiều nhất?",
        labelEn: "Which service do you use most?",
        required: true,
        options: [
          { key: "web", labelVi: "Thiết kế website", labelEn: "Website design" },
          { key: "hosting", labelVi: "Hosting và tên miền", labelEn: "Hosting and domains" },
          { key: "software", labelVi: "Phần mềm quản lý", labelEn: "Management software" },
        ],
      },
      {
        key: "channels",
        type: "multiple_choice",
        labelVi: "Bạn muốn nhận tin qua kênh nào?",
        labelEn: "How would you like to hear from us?",
        required: false,
        options: [
          { key: "email", labelVi: "Email", labelEn: "Email" },
          { key: "phone", labelVi: "Điện thoại", labelEn: "Phone" },
          { key: "zalo", labelVi: "Zalo", labelEn: "Zalo" },
        ],
      },
      { key: "improve", type: "long_text", labelVi: "Chúng tôi nên cải thiện điều gì?", labelEn: "What should we improve?", required: false, options: [] },
    ],
    purposeKeys: ["surveys"],
    thankYouVi: "Cảm ơn bạn đã dành thời gian góp ý!",
    thankYouEn: "Thank you for your feedback!",
    redirectUrl: "",
    allowedOrigins: "",
  },
];
