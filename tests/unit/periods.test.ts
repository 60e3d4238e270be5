import { describe, expect, it } from 'vitest';
import { describeDeadline, reportingPeriods } from '../../shared/tracking/periods.js';

describe('reporting periods', () => {
  it('gives five yearly periods for "trước ngày 15/11 hàng năm" 2021–2025, each ending on 14/11', () => {
    const periods = reportingPeriods({ frequency: 'yearly', dueDay: 15, dueMonth: 11, fromYear: 2021, toYear: 2025, deadline: 'before' });
    expect(periods.map((p) => p.key)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(periods[0]).toMatchObject({ namedDate: '2021-11-15', lastDay: '2021-11-14' });
  });

  it('reads "chậm nhất ngày" as including the day itself', () => {
    const [p] = reportingPeriods({ frequency: 'yearly', dueDay: 15, dueMonth: 11, fromYear: 2021, toYear: 2021, deadline: 'by' });
    expect(p!.lastDay).toBe('2021-11-15');
  });

  it('crosses month and year boundaries for "before" on the 1st', () => {
    expect(reportingPeriods({ frequency: 'once', dueDate: '2022-01-01', deadline: 'before' })[0]!.lastDay).toBe('2021-12-31');
    expect(reportingPeriods({ frequency: 'once', dueDate: '2024-03-01', deadline: 'before' })[0]!.lastDay).toBe('2024-02-29');
  });

  it('makes monthly and quarterly keys, with the report due the month after', () => {
    const monthly = reportingPeriods({ frequency: 'monthly', dueDay: 5, from: '2023-11', to: '2024-01', deadline: 'by' });
    expect(monthly.map((p) => [p.key, p.lastDay])).toEqual([['2023-11', '2023-12-05'], ['2023-12', '2024-01-05'], ['2024-01', '2024-02-05']]);
    const quarterly = reportingPeriods({ frequency: 'quarterly', dueDay: 10, from: '2023-07', to: '2023-12', deadline: 'before' });
    expect(quarterly.map((p) => [p.key, p.lastDay, p.label])).toEqual([['2023-Q3', '2023-10-09', 'Quý III/2023'], ['2023-Q4', '2024-01-09', 'Quý IV/2023']]);
  });

  it('clamps day 31 to the end of a shorter month', () => {
    expect(reportingPeriods({ frequency: 'monthly', dueDay: 31, from: '2023-03', to: '2023-03', deadline: 'by' })[0]!.lastDay).toBe('2023-04-30');
  });

  it('states the computed last day in words', () => {
    expect(describeDeadline({ frequency: 'yearly', dueDay: 15, dueMonth: 11, fromYear: 2021, toYear: 2025, deadline: 'before' })).toBe(
      'Hằng năm trước ngày 15/11, 2021–2025 (hạn cuối 14/11 hằng năm)',
    );
  });
});
