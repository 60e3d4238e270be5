/**
 * Realistic, deterministic content for the scale benchmark: unit names, outgoing công văn and
 * received documents (Vietnamese headers, subjects and text) drawn from a seeded PRNG, so the
 * same seed always gives the same registry. Pure: no database, no clock.
 */
import { seededRandom } from '../support/seeded-random.js';

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const PLACE_SYLLABLES = [
  'Vĩnh', 'Hòa', 'Thạnh', 'Bình', 'Phú', 'Tân', 'An', 'Mỹ', 'Long', 'Đông', 'Tây', 'Hiệp', 'Lợi', 'Thuận', 'Phước', 'Sơn',
  'Giang', 'Hưng', 'Lạc', 'Thới', 'Quới', 'Điền', 'Khánh', 'Minh', 'Định', 'Trung', 'Kiên', 'Hà', 'Đức', 'Thành', 'Xuân',
  'Ninh', 'Hải', 'Lâm', 'Cát', 'Mong', 'Thọ', 'Yên', 'Ngọc', 'Châu', 'Tiến', 'Dương', 'Hội', 'Nghĩa', 'Đạt', 'Lộc',
];
const DISTRICTS = [
  'Kiên Lương', 'Hòn Đất', 'Tân Hiệp', 'Châu Thành', 'Giồng Riềng', 'Gò Quao', 'An Biên', 'An Minh', 'Vĩnh Thuận',
  'U Minh Thượng', 'Giang Thành', 'Kiên Hải', 'Rạch Giá', 'Hà Tiên', 'Phú Quốc',
];
const UNIT_KINDS = [
  (p: string) => `UBND xã ${p}`,
  (p: string) => `UBND phường ${p}`,
  (p: string) => `UBND thị trấn ${p}`,
  (p: string) => `Trường THPT ${p}`,
  (p: string) => `Trường THCS ${p}`,
  (p: string) => `Trạm Y tế xã ${p}`,
  (p: string, d: string) => `Phòng Văn hóa và Thông tin huyện ${d} - ${p}`,
  (p: string) => `Công an xã ${p}`,
  (p: string) => `Hội Nông dân xã ${p}`,
  (p: string) => `Đoàn Thanh niên xã ${p}`,
];

/** The groups the generated units belong to (the demo's own groups stay as they are). */
export const GENERATED_GROUPS = ['UBND các xã, phường, thị trấn', 'Trường học, cơ sở y tế', 'Đoàn thể, đơn vị khác'] as const;

export interface GeneratedUnit {
  name: string;
  /** Index into GENERATED_GROUPS. */
  group: number;
  email: string;
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 40);
}

/** `count` distinct unit names (communes, schools, health stations…) in the province's districts. */
export function generateUnits(rng: Rng, count: number): GeneratedUnit[] {
  const seen = new Set<string>();
  const units: GeneratedUnit[] = [];
  while (units.length < count) {
    const place = `${rng.pick(PLACE_SYLLABLES)} ${rng.pick(PLACE_SYLLABLES)}`;
    const kind = rng.int(0, UNIT_KINDS.length - 1);
    const name = UNIT_KINDS[kind]!(place, rng.pick(DISTRICTS));
    if (seen.has(name) || place.split(' ')[0] === place.split(' ')[1]) continue;
    seen.add(name);
    units.push({ name, group: kind < 3 ? 0 : kind < 6 ? 1 : 2, email: `${asciiSlug(name)}.${units.length}@kiengiang.gov.vn` });
  }
  return units;
}

const TOPICS = [
  'tuyên truyền phòng, chống rác thải nhựa',
  'chuyển đổi số',
  'bảo đảm an toàn thông tin mạng',
  'phòng, chống dịch COVID-19',
  'cải cách hành chính',
  'xây dựng nông thôn mới',
  'phổ biến, giáo dục pháp luật',
  'phòng, chống thiên tai và tìm kiếm cứu nạn',
  'thông tin cơ sở',
  'quản lý nhà nước về báo chí, xuất bản',
  'dịch vụ bưu chính công ích',
  'ứng dụng công nghệ thông tin trong cơ quan nhà nước',
  'sử dụng chữ ký số chuyên dùng',
  'thu gom, xử lý chất thải rắn sinh hoạt',
  'bảo đảm trật tự an toàn giao thông',
  'phòng cháy, chữa cháy',
  'thực hành tiết kiệm, chống lãng phí',
  'thi đua, khen thưởng',
  'quản lý, sử dụng tài sản công',
  'phát triển hạ tầng viễn thông thụ động',
  'tiếp công dân, giải quyết khiếu nại, tố cáo',
  'phòng, chống tham nhũng, tiêu cực',
  'bình đẳng giới và vì sự tiến bộ của phụ nữ',
  'phát triển du lịch biển đảo',
  'bảo vệ môi trường và ứng phó biến đổi khí hậu',
  'giảm nghèo bền vững',
  'vận hành Cổng dịch vụ công trực tuyến',
  'số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'tuyên truyền bầu cử đại biểu Quốc hội và Hội đồng nhân dân',
  'kỷ niệm các ngày lễ lớn của đất nước',
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Lâm', 'Danh', 'Thạch'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hoàng', 'Ngọc', 'Quốc', 'Hữu', 'Thu', 'Kim'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trung', 'Tuấn', 'Vân', 'Xuân'];

export function personName(rng: Rng): string {
  return `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
}

/** Received documents: the type, its symbol code, and how its subject is worded. */
const INCOMING_TYPES: { type: string | null; code: string; weight: number; subject(topic: string, year: number, rng: Rng): string }[] = [
  { type: 'Báo cáo', code: 'BC', weight: 35, subject: (t, y, r) => r.pick([`Kết quả ${t} năm ${y}`, `Tình hình thực hiện công tác ${t} 6 tháng đầu năm ${y}`, `Sơ kết công tác ${t} quý ${r.int(1, 4)} năm ${y}`, `Tổng kết ${t} năm ${y} và phương hướng năm ${y + 1}`]) },
  { type: null, code: 'UBND-VP', weight: 25, subject: (t, y, r) => r.pick([`V/v triển khai ${t}`, `V/v đề nghị phối hợp ${t} năm ${y}`, `V/v góp ý dự thảo kế hoạch ${t}`, `V/v cung cấp thông tin về ${t}`]) },
  { type: 'Kế hoạch', code: 'KH', weight: 12, subject: (t, y, r) => r.pick([`Triển khai ${t} năm ${y}`, `Thực hiện ${t} giai đoạn ${y}-${y + 4}`]) },
  { type: 'Quyết định', code: 'QĐ', weight: 8, subject: (t) => `Về việc thành lập Tổ công tác ${t}` },
  { type: 'Giấy mời', code: 'GM', weight: 8, subject: (t, y) => `Dự hội nghị tổng kết ${t} năm ${y}` },
  { type: 'Thông báo', code: 'TB', weight: 6, subject: (t) => `Kết luận của Chủ tịch Ủy ban nhân dân tại cuộc họp về ${t}` },
  { type: 'Tờ trình', code: 'TTr', weight: 4, subject: (t, y) => `Đề nghị phê duyệt kinh phí ${t} năm ${y}` },
  { type: 'Hướng dẫn', code: 'HD', weight: 2, subject: (t) => `Thực hiện ${t} trên địa bàn` },
];
const TYPE_WEIGHT_TOTAL = INCOMING_TYPES.reduce((s, t) => s + t.weight, 0);

/** Senders outside the registry of units: the province, ministries, departments of other provinces. */
const EXTERNAL_AGENCIES = [
  'Ủy ban nhân dân tỉnh Kiên Giang',
  'Bộ Thông tin và Truyền thông',
  'Cục Báo chí',
  'Cục Thông tin cơ sở',
  'Cục An toàn thông tin',
  'Văn phòng Tỉnh ủy Kiên Giang',
  'Ban Tuyên giáo Tỉnh ủy',
  'Sở Thông tin và Truyền thông tỉnh An Giang',
  'Sở Thông tin và Truyền thông thành phố Cần Thơ',
  'Bưu điện tỉnh Kiên Giang',
  'Viễn thông Kiên Giang',
];

const SENTENCES = [
  (t: string, n: number) => `Trong kỳ, đơn vị đã tổ chức ${n} buổi tuyên truyền về ${t}, thu hút hơn ${n * 37} lượt người tham dự.`,
  (t: string, n: number) => `Đăng tải ${n} tin, bài trên Trang thông tin điện tử của đơn vị và các trang mạng xã hội về ${t}.`,
  (t: string, n: number) => `Phát ${n * 3} lượt tin trên hệ thống loa truyền thanh cơ sở nhằm nâng cao nhận thức của người dân về ${t}.`,
  (t: string) => `Ban hành kế hoạch và văn bản chỉ đạo, hướng dẫn các cơ quan, đơn vị trực thuộc triển khai ${t}.`,
  (t: string) => `Phối hợp với Mặt trận Tổ quốc và các đoàn thể lồng ghép nội dung ${t} vào sinh hoạt định kỳ.`,
  (t: string, n: number) => `Kinh phí thực hiện: ${n * 5} triệu đồng, từ nguồn ngân sách được giao trong năm.`,
  (t: string) => `Khó khăn, vướng mắc: nhân lực làm công tác ${t} còn kiêm nhiệm, kinh phí còn hạn chế.`,
  (t: string) => `Đề xuất, kiến nghị: tiếp tục tổ chức tập huấn, bồi dưỡng nghiệp vụ về ${t} cho cán bộ cơ sở.`,
  () => 'Nhìn chung, các nhiệm vụ đề ra cơ bản được triển khai đúng tiến độ, đạt kết quả tích cực.',
  () => 'Đơn vị kính báo cáo để cấp trên tổng hợp, theo dõi và chỉ đạo.',
  (t: string, n: number) => `Tỷ lệ hồ sơ được giải quyết đúng hạn đạt ${80 + (n % 20)}%, tăng so với cùng kỳ năm trước.`,
  (t: string) => `Tăng cường kiểm tra, giám sát việc thực hiện ${t} tại các cơ quan, đơn vị, địa phương.`,
];

const VN_DATE = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
};
const SHORT_DATE = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
};

export function isoDay(year: number, dayOfYear: number): string {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return d.toISOString().slice(0, 10);
}

export interface GeneratedDispatch {
  subject: string;
  issueDate: string;
  departmentCode: string;
  body: string[];
  references: string[];
  /** Indexes into the list of units given to `generateDispatch`. */
  recipientIndexes: number[];
  /** A yearly report asked for (the tracking module then expects one report a year from each recipient). */
  asksReport: boolean;
  signer: { name: string; title: string; authority: string | null };
}

const DEPARTMENTS = ['VP', 'TTBCBC', 'BCVT', 'CNTT'];

export function generateDispatch(rng: Rng, year: number, dayOfYear: number, unitCount: number): GeneratedDispatch {
  const topic = rng.pick(TOPICS);
  const asksReport = rng.chance(0.35);
  const subject = asksReport ? `báo cáo kết quả ${topic} năm ${year}` : rng.pick([`triển khai ${topic}`, `tăng cường ${topic}`, `hướng dẫn thực hiện ${topic} năm ${year}`]);
  const reference = `Kế hoạch số ${rng.int(10, 400)}/KH-UBND ngày ${SHORT_DATE(isoDay(year, Math.max(0, dayOfYear - rng.int(5, 60))))} của Ủy ban nhân dân tỉnh`;
  const recipients = new Set<number>();
  const wanted = rng.int(2, 12);
  while (recipients.size < Math.min(wanted, unitCount)) recipients.add(rng.int(0, unitCount - 1));
  const body = [
    `Thực hiện ${reference} về ${topic}, Sở Thông tin và Truyền thông đề nghị các cơ quan, đơn vị:`,
    ...Array.from({ length: rng.int(2, 5) }, () => rng.pick(SENTENCES)(topic, rng.int(2, 40))),
    asksReport ? `Báo cáo kết quả thực hiện gửi về Sở Thông tin và Truyền thông trước ngày 15/11/${year} để tổng hợp.` : 'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc đề nghị phản ánh về Sở để được hướng dẫn.',
  ];
  return {
    subject,
    issueDate: isoDay(year, dayOfYear),
    departmentCode: rng.pick(DEPARTMENTS),
    body,
    references: [reference],
    recipientIndexes: [...recipients],
    asksReport,
    signer: rng.chance(0.5) ? { name: 'Lâm Văn Sển', title: 'GIÁM ĐỐC', authority: null } : { name: personName(rng), title: 'PHÓ GIÁM ĐỐC', authority: 'KT. GIÁM ĐỐC' },
  };
}

export interface IssuedReference {
  id: number;
  number: number;
  symbol: string;
  issueDate: string;
  subject: string;
  recipientUnitIds: number[];
}

export interface IncomingContext {
  /** Units that may send documents: id and name. */
  units: { id: number; name: string }[];
  /** Dispatches issued in the document's year (a reply names one of them). */
  dispatches: IssuedReference[];
}

export interface GeneratedIncoming {
  status: 'registered' | 'needs_review';
  source: 'import' | 'paper';
  receivedDate: string;
  reviewReason: string | null;
  agency: string;
  parentAgency: string | null;
  number: number;
  symbol: string;
  docType: string | null;
  docDate: string;
  subject: string;
  signer: string;
  unitId: number | null;
  dispatchId: number | null;
  periodKey: string | null;
  fullText: string;
  fileName: string;
  forwardedTo: string | null;
  notes: string | null;
}

function pickType(rng: Rng) {
  let roll = rng.float() * TYPE_WEIGHT_TOTAL;
  for (const t of INCOMING_TYPES) {
    roll -= t.weight;
    if (roll < 0) return t;
  }
  return INCOMING_TYPES[0]!;
}

function parentOf(agency: string, rng: Rng): string | null {
  if (agency.startsWith('UBND xã') || agency.startsWith('UBND phường') || agency.startsWith('UBND thị trấn')) return `UBND huyện ${rng.pick(DISTRICTS)}`;
  if (agency.startsWith('Sở') || agency.startsWith('Văn phòng Ủy ban')) return 'UBND TỈNH KIÊN GIANG';
  return null;
}

/** One received document of `year`, arriving on `dayOfYear`. */
export function generateIncoming(rng: Rng, year: number, dayOfYear: number, ctx: IncomingContext): GeneratedIncoming {
  const reply = ctx.dispatches.length > 0 && rng.chance(0.25) ? rng.pick(ctx.dispatches) : null;
  const fromUnit = reply ? rng.pick(reply.recipientUnitIds.length ? reply.recipientUnitIds : [ctx.units[0]!.id]) : rng.chance(0.75) ? rng.pick(ctx.units).id : null;
  const unit = fromUnit === null ? null : (ctx.units.find((u) => u.id === fromUnit) ?? null);
  const agency = unit?.name ?? rng.pick(EXTERNAL_AGENCIES);
  const kind = reply ? INCOMING_TYPES[0]! : pickType(rng);
  const topic = reply ? reply.subject.replace(/^báo cáo kết quả /, '').replace(/ năm \d{4}$/, '') : rng.pick(TOPICS);
  const subject = reply ? `Kết quả ${topic} năm ${year}` : kind.subject(topic, year, rng);
  const receivedDate = isoDay(year, dayOfYear);
  const docDate = isoDay(year, Math.max(0, dayOfYear - rng.int(0, 6)));
  const number = rng.int(1, 950);
  const symbol = `${kind.code}${kind.code.includes('-') ? '' : `-${rng.pick(['UBND', 'VP', 'STTTT', 'SGDĐT', 'SYT', 'UBND'])}`}`;
  const signer = personName(rng);
  const needsReview = rng.chance(0.05);
  const paper = rng.chance(0.08);
  const place = rng.chance(0.7) ? 'Kiên Giang' : rng.pick(DISTRICTS);
  const parentAgency = parentOf(agency, rng);
  const lines = [
    (parentAgency ?? '').toLocaleUpperCase('vi'),
    agency.toLocaleUpperCase('vi'),
    `Số: ${number}/${symbol}`,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `${place}, ${VN_DATE(docDate)}`,
    (kind.type ?? '').toLocaleUpperCase('vi'),
    subject,
    ...(reply ? [`Thực hiện Công văn số ${reply.number}/${reply.symbol} ngày ${SHORT_DATE(reply.issueDate)} của Sở Thông tin và Truyền thông về việc ${reply.subject}, ${agency} báo cáo như sau:`] : []),
    ...Array.from({ length: rng.int(3, 9) }, () => rng.pick(SENTENCES)(topic, rng.int(2, 60))),
    'Nơi nhận:',
    '- Như trên;',
    '- Lưu: VT.',
    rng.pick(['KT. CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN', 'GIÁM ĐỐC', 'HIỆU TRƯỞNG', 'TRƯỞNG PHÒNG']),
    signer,
  ].filter(Boolean);
  const slug = asciiSlug(`${kind.code}-${number}-${agency}`).slice(0, 30);
  return {
    status: needsReview ? 'needs_review' : 'registered',
    source: paper ? 'paper' : 'import',
    receivedDate,
    reviewReason: needsReview ? rng.pick(['Chưa nhận ra đơn vị gửi.', 'Không đọc được số, ký hiệu văn bản.', 'Không rõ kỳ báo cáo.']) : null,
    agency,
    parentAgency,
    number,
    symbol,
    docType: kind.type,
    docDate,
    subject,
    signer,
    unitId: needsReview && rng.chance(0.5) ? null : (unit?.id ?? null),
    dispatchId: reply?.id ?? null,
    periodKey: reply ? String(year) : null,
    fullText: paper ? '' : lines.join('\n'),
    fileName: `${slug}.${rng.pick(['pdf', 'pdf', 'docx', 'doc'])}`,
    forwardedTo: rng.chance(0.3) ? rng.pick(['Phòng TTBCBC', 'Phòng CNTT', 'Văn phòng Sở', 'Phòng BCVT', 'Lãnh đạo Sở']) : null,
    notes: rng.chance(0.04) ? 'Bản chính lưu tại Văn phòng' : null,
  };
}
