import type { TrackingCounts as Counts, TrackingPeriod } from '../../../../shared/domain/tracking';
import { percent } from './tracking-text';

const LINES: { label: string; title?: string; value(c: Counts): string; emphasis?: boolean }[] = [
  { label: 'Phải báo cáo', title: 'Số đơn vị phải báo cáo (không tính đơn vị được miễn)', value: (c) => String(c.expected) },
  { label: 'Đã nhận', title: 'Đúng hạn và trễ hạn', value: (c) => String(c.received) },
  { label: 'Đúng hạn', value: (c) => String(c.onTime) },
  { label: 'Trễ hạn', value: (c) => String(c.late) },
  { label: 'Chưa báo cáo', title: 'Đã quá hạn mà chưa nhận được', value: (c) => String(c.missing) },
  { label: 'Đang xem xét', title: 'Đã nhận, văn bản còn chờ xác nhận', value: (c) => String(c.inReview) },
  { label: 'Miễn', value: (c) => String(c.exempt) },
  { label: 'Tỷ lệ báo cáo', title: 'Đã nhận / phải báo cáo', value: (c) => percent(c.received, c.expected), emphasis: true },
  { label: 'Tỷ lệ đúng hạn', title: 'Đúng hạn / phải báo cáo', value: (c) => percent(c.onTime, c.expected), emphasis: true },
];

/** Under the matrix: for each period, how many units were expected, reported, on time, late…, and the rates. */
export function TrackingCounts({ periods }: { periods: TrackingPeriod[] }) {
  return (
    <tfoot className="tracking-counts" data-testid="tracking-counts">
      {LINES.map((line) => (
        <tr key={line.label} className={line.emphasis ? 'tracking-counts-rate' : undefined}>
          <th scope="row" title={line.title}>
            {line.label}
          </th>
          {periods.map((p) => (
            <td key={p.period.key} data-period={p.period.key}>
              {line.value(p.counts)}
            </td>
          ))}
        </tr>
      ))}
    </tfoot>
  );
}
