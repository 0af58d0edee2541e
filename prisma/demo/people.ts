// Realistic Vietnamese and English names, organisations and addresses for demo and benchmark data.
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Gia", "Anh", "Hoài"];
const GIVEN = [
  "An",
  "Bình",
  "Chi",
  "Dũng",
  "Giang",
  "Hà",
  "Hải",
  "Hạnh",
  "Hiếu",
  "Hoa",
  "Hùng",
  "Hương",
  "Khánh",
  "Lan",
  "Linh",
  "Long",
  "Mai",
  "Nam",
  "Ngân",
  "Phong",
  "Phương",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
  "Vy",
  "Yến",
  "Đạt",
];
const EN_FIRST = ["Anna", "Ben", "Chloe", "David", "Emma", "Frank", "Grace", "Henry", "Isla", "Jack", "Kate", "Liam", "Mia", "Noah", "Olivia", "Peter"];
const EN_LAST = ["Smith", "Brown", "Taylor", "Wilson", "Clarke", "Walker", "Hughes", "Evans", "Turner", "Hill"];
const ORGS = [
  "Công ty TNHH Minh Phát",
  "Công ty CP Thương mại Sao Việt",
  "Trường THPT Nguyễn Trãi",
  "Công ty TNHH Hoa Sen",
  "Nhà hàng Phố Cổ",
  "Công ty CP Đầu tư An Khang",
  "Blue River Trading Ltd",
  "Green Leaf Studio",
  "Phòng khám Đa khoa Hà Thành",
  "Công ty TNHH Kỹ thuật Bách Khoa",
];
const STREETS = [
  "Trần Duy Hưng",
  "Cầu Giấy",
  "Láng Hạ",
  "Nguyễn Chí Thanh",
  "Phạm Văn Đồng",
  "Lê Văn Lương",
  "Hoàng Quốc Việt",
  "Kim Mã",
  "Xuân Thủy",
  "Nguyễn Trãi",
];
const DISTRICTS = ["Cầu Giấy", "Đống Đa", "Ba Đình", "Thanh Xuân", "Nam Từ Liêm", "Hai Bà Trưng"];

const pick = <T>(list: T[], n: number) => list[Math.abs(n) % list.length];
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();

export type Person = { fullName: string; email: string; phone: string; address: string; organization: string | null; locale: "vi" | "en" };

/** The i-th person of a deterministic sequence (the same i always gives the same person). */
export function person(i: number): Person {
  const english = i % 9 === 4;
  const fullName = english
    ? `${pick(EN_FIRST, i * 7)} ${pick(EN_LAST, i * 3)}`
    : `${pick(FAMILY, i * 7)} ${pick(MIDDLE, i * 5)} ${pick(GIVEN, i * 11 + (i >> 4))}`;
  const local = fold(fullName).replace(/\s+/g, ".");
  const phone = `+849${String(10_000_000 + ((i * 7_919) % 89_999_999)).padStart(8, "0")}`;
  return {
    fullName,
    email: `${local}.${i}@${pick(["gmail.com", "yahoo.com", "outlook.com", "congty.vn"], i)}`,
    phone,
    address: `${(i % 200) + 1} ${pick(STREETS, i * 13)}, ${pick(DISTRICTS, i * 17)}, Hà Nội`,
    organization: i % 3 === 0 ? null : pick(ORGS, i * 19),
    locale: english ? "en" : "vi",
  };
}
