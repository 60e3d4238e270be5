import type { Dispatch, DispatchContentInput, Recipient } from '../../shared/domain/dispatch.js';
import type { OrganisationProfile } from '../../shared/domain/organisation.js';
import type { TrackingPeriod } from '../../shared/domain/tracking.js';
import type { UnitGroup } from '../../shared/domain/unit.js';
import { agencyNameInSentence } from '../../shared/vn/agency-name.js';
import { formatDocumentNumber } from '../../shared/nd30/number-symbol.js';
import { formatShortDate } from '../../shared/nd30/date-line.js';
import { describeDeadline } from '../../shared/tracking/periods.js';

/**
 * The reminder (công văn đôn đốc) to exactly the units still missing for a period: it cites
 * the original dispatch by number, date and subject, lists who has not reported, and sets a
 * new deadline. It is an ordinary dispatch: numbered and registered like any other.
 */


function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A whole group prints as its label when every one of its expected units is missing; otherwise each unit by name. */
export function reminderRecipients(tracking: TrackingPeriod, groups: UnitGroup[]): Recipient[] {
  const missing = tracking.rows.filter((r) => r.status === 'missing');
  const recipients: Recipient[] = [];
  const done = new Set<number>();
  for (const row of missing) {
    const groupId = row.unit.groupId;
    if (groupId !== null && !done.has(groupId)) {
      const inGroup = tracking.rows.filter((r) => r.unit.groupId === groupId && r.status !== 'exempt');
      const group = groups.find((g) => g.id === groupId);
      if (group && inGroup.length > 1 && inGroup.every((r) => r.status === 'missing')) {
        recipients.push({ kind: 'group', groupId, label: group.kinhGuiLabel });
        done.add(groupId);
        continue;
      }
    }
    if (groupId === null || !done.has(groupId)) recipients.push({ kind: 'unit', unitId: row.unit.id, label: row.unit.name });
  }
  return recipients;
}

export function reminderContent(original: Dispatch, tracking: TrackingPeriod, groups: UnitGroup[], profile: OrganisationProfile, today: string): DispatchContentInput {
  const missing = tracking.rows.filter((r) => r.status === 'missing');
  const reference = `Công văn số ${original.number === null ? '…' : formatDocumentNumber(original.number)}/${original.symbol}${original.issueDate ? ` ngày ${formatShortDate(original.issueDate)}` : ''}`;
  const agency = profile.agencyName ? agencyNameInSentence(profile.agencyName) : 'cơ quan';
  const newDeadline = addDays(today, 7);
  const period = tracking.period.label.toLocaleLowerCase('vi');
  return {
    subject: `đôn đốc báo cáo ${period} theo ${reference.replace(/ ngày .*/, '')}`,
    departmentCode: original.departmentCode,
    recipients: reminderRecipients(tracking, groups),
    references: [`${reference} của ${agency}`],
    body: [
      {
        runs: [
          {
            text: `Ngày ${original.issueDate ? formatShortDate(original.issueDate) : '…'}, ${agency} ban hành ${reference.replace(/ ngày .*/, '')} về việc ${original.subject}, đề nghị các cơ quan, đơn vị báo cáo kết quả thực hiện${original.requirement ? ` (${describeDeadline(original.requirement).replace(/ \(hạn cuối.*\)$/, '').toLocaleLowerCase('vi')})` : ''}.`,
          },
        ],
        list: null,
      },
      { runs: [{ text: `Đến ngày ${formatShortDate(today)}, các cơ quan, đơn vị sau chưa gửi báo cáo ${period}:` }], list: null },
      ...missing.map((r, i) => ({ runs: [{ text: `${r.unit.name}${i === missing.length - 1 ? '.' : ';'}` }], list: 'bullet' as const })),
      {
        runs: [
          { text: `${agency} đề nghị các cơ quan, đơn vị khẩn trương gửi báo cáo ` },
          { text: `chậm nhất ngày ${formatShortDate(newDeadline)}`, bold: true },
          { text: ` để tổng hợp, báo cáo cấp trên theo quy định.` },
        ],
        list: null,
      },
    ],
    signer: original.signer,
    distribution: [],
    requirement: null,
    expectedUnitIds: missing.map((r) => r.unit.id),
  };
}
