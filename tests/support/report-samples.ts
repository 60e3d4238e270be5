import { docxBytes, emlBytes, wp, wtable } from './intake-samples.js';
import { buildCongVan } from '../../shared/documents/templates/cong-van.js';
import type { OfficialDocument } from '../../shared/documents/model.js';
import type { OrganisationProfile } from '../../shared/domain/organisation.js';
import { parseEmphasis } from '../../main/dispatches/dispatch-file.js';

/** A unit's report answering công văn 864, as a .docx with the decree's two-column header. */
export function reportDocx(options: { agency?: string[]; number: number; symbol: string; place: string; date: [number, number, number]; title: string; year: number }): Buffer {
  const [d, m, y] = options.date;
  const agency = options.agency ?? ['ỦY BAN NHÂN DÂN', 'HUYỆN KIÊN LƯƠNG'];
  return docxBytes(
    wtable([
      [agency.join(' '), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      [`Số: ${options.number}/${options.symbol}`, 'Độc lập - Tự do - Hạnh phúc'],
      ['', `${options.place}, ngày ${d} tháng ${m} năm ${y}`],
    ]) +
      wp('BÁO CÁO') +
      wp(options.title) +
      wp('Kính gửi: Sở Thông tin và Truyền thông tỉnh Kiên Giang.') +
      wp(
        `Thực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông về đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa, ${agency.join(' ').toLocaleLowerCase('vi')} báo cáo kết quả năm ${options.year} như sau:`,
      ) +
      wp('1. Đã đăng 25 tin, bài trên trang thông tin điện tử.') +
      wp('Nơi nhận:') +
      wp('CHỦ TỊCH') +
      wp('Nguyễn Văn Bình'),
  );
}

/** The e-mail a unit sends with its report attached. */
export function reportEml(options: { from: string; date: string; messageId: string; attachments: { filename: string; content: Buffer }[] }): Promise<Buffer> {
  return emlBytes({
    from: options.from,
    to: 'stttt@kiengiang.gov.vn',
    subject: 'Báo cáo kết quả tuyên truyền phòng, chống rác thải nhựa',
    text: 'Kính gửi Sở TT&TT. Gửi kèm báo cáo.',
    date: new Date(options.date),
    messageId: options.messageId,
    attachments: options.attachments,
  });
}

const KIEN_LUONG: OrganisationProfile = {
  parentAgency: 'UBND TỈNH KIÊN GIANG',
  agencyName: 'ỦY BAN NHÂN DÂN HUYỆN KIÊN LƯƠNG',
  symbol: 'UBND',
  placeName: 'Kiên Lương',
  address: null,
  phone: null,
  email: null,
  website: null,
  departments: [],
  signers: [],
};

/** The subject UBND huyện Kiên Lương's answer to công văn 864 carries for a year. */
export const answerSubject = (year: number): string => `báo cáo kết quả tuyên truyền phòng, chống rác thải nhựa năm ${year}`;

/** UBND huyện Kiên Lương's answer to công văn 864, as a công văn of our own document model. */
export function kienLuongAnswer(number: number, year: number): OfficialDocument {
  return buildCongVan(
    {
      documentType: 'cong_van',
      reportSource: null,
      number,
      symbol: 'UBND-VHTT',
      issueDate: `${year}-11-08`,
      subject: answerSubject(year),
      departmentCode: 'VHTT',
      recipients: [{ kind: 'text', label: 'Sở Thông tin và Truyền thông tỉnh Kiên Giang' }],
      body: [
        {
          runs: parseEmphasis(
            `Thực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông về đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa, Ủy ban nhân dân huyện Kiên Lương báo cáo kết quả thực hiện năm ${year} như sau:`,
          ),
          list: null,
        },
        { runs: [{ text: 'Đã đăng 25 tin, bài; tổ chức 4 buổi tuyên truyền với 620 người tham dự.' }], list: null },
      ],
      references: [],
      signer: { name: 'Nguyễn Văn Bình', title: 'PHÓ CHỦ TỊCH', authority: 'KT. CHỦ TỊCH' },
      distribution: [],
      urgency: null,
      confidential: false,
      attachmentsNote: null,
      requirement: null,
      expectedUnitIds: [],
      copies: null,
      fileKeeper: null,
      notes: null,
    },
    KIEN_LUONG,
  );
}
