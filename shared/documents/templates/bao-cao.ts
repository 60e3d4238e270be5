/**
 * Mẫu 1.4 for a Báo cáo (nd30 §6): the header without "V/v", "BÁO CÁO" and its subject as the
 * title (14 bold, centred, a short line under the subject), "Kính gửi" when the report goes up
 * to a superior body, the body with its section headings and tables ending "./.", then the
 * signature beside "Nơi nhận". Mẫu 1.4's "Nơi nhận" has no "- Như trên;": the report names
 * every recipient itself ("- UBND tỉnh (báo cáo);").
 */
import type { OrganisationProfile } from '../../domain/organisation.js';
import type { OfficialDocument } from '../model.js';
import { commonDocumentParts, type CongVanInput, type CongVanOptions } from './cong-van.js';

export const BAO_CAO_TYPE_NAME = 'Báo cáo';

export function buildBaoCao(report: CongVanInput, profile: OrganisationProfile, options: CongVanOptions = {}): OfficialDocument {
  const common = commonDocumentParts(report, profile, options, BAO_CAO_TYPE_NAME);
  const subject = report.subject.trim();
  return { ...common, title: { type: BAO_CAO_TYPE_NAME.toLocaleUpperCase('vi'), subject } };
}
