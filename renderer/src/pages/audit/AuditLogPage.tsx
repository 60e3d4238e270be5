import { useEffect, useState } from 'react';
import type { AuditKind, AuditPage } from '../../../../shared/domain/audit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { formatDateTime, parseDate } from '../../formatting/dates';

const KIND_LABELS: Record<AuditKind, string> = {
  issue: 'Ban hành (cấp số)',
  void: 'Hủy văn bản',
  renumber: 'Sửa số văn bản',
  dispatch: 'Văn bản đi (khác)',
  import: 'Nhập văn bản, nhập Excel',
  incoming: 'Văn bản đến (xác nhận, chuyển…)',
  exemption: 'Miễn báo cáo',
  unit: 'Đơn vị nhận',
  settings: 'Cài đặt',
  backup: 'Sao lưu, khôi phục',
  other: 'Khác',
};

const PAGE_SIZE = 50;

/** A typed day for the filter: ISO when it is a real date, null when blank or not (yet) a date. */
const dayOf = (text: string): string | null => parseDate(text) ?? null;

/** "Nhật ký thao tác": who (Windows user, machine) did what and when, newest first, by kind and date. */
export function AuditLogPage() {
  const [kind, setKind] = useState<AuditKind | null>(null);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AuditPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const from = dayOf(fromText);
  const to = dayOf(toText);

  useEffect(() => {
    let stale = false;
    api.call('audit.list', { kind, from, to, page, pageSize: PAGE_SIZE }).then(
      (loaded) => {
        if (stale) return;
        setData(loaded);
        setError(null);
      },
      (e: unknown) => {
        if (!stale) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [kind, from, to, page]);

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filter = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };
  const badDate = (text: string) => (text.trim() && parseDate(text) === undefined ? 'Ngày dạng dd/mm/yyyy.' : null);

  return (
    <div className="page page-fixed-header audit-page">
      <header className="page-header">
        <h1 className="page-title">Nhật ký thao tác</h1>
      </header>
      <div className="audit-filters">
        <Field label="Loại thao tác">
          {(control) => (
            <select {...control} className="input" value={kind ?? ''} onChange={(e) => filter(setKind)((e.target.value || null) as AuditKind | null)}>
              <option value="">Tất cả</option>
              {(Object.keys(KIND_LABELS) as AuditKind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Từ ngày" error={badDate(fromText)}>
          {(control) => <DateInput control={control} value={fromText} onChange={filter(setFromText)} />}
        </Field>
        <Field label="Đến ngày" error={badDate(toText)}>
          {(control) => <DateInput control={control} value={toText} onChange={filter(setToText)} />}
        </Field>
        <p className="audit-note">Người thực hiện là tài khoản Windows và tên máy tính đã dùng VănThư (VănThư không có tài khoản riêng).</p>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="table-scroll audit-table-scroll">
        <table className="data-table audit-table" aria-label="Nhật ký thao tác" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col" className="audit-col-time">Thời gian</th>
              <th scope="col" className="audit-col-who">Người thực hiện</th>
              <th scope="col" className="audit-col-kind">Loại</th>
              <th scope="col" className="audit-col-target">Đối tượng</th>
              <th scope="col">Nội dung</th>
            </tr>
          </thead>
          <tbody>
            {data?.entries.length === 0 && (
              <tr>
                <td colSpan={5} className="table-empty">
                  Không có thao tác nào {kind || from || to ? 'khớp bộ lọc' : 'được ghi lại'}.
                </td>
              </tr>
            )}
            {data?.entries.map((e) => (
              <tr key={e.id}>
                <td className="audit-time">{formatDateTime(e.at)}</td>
                <td>
                  <div>{e.user}</div>
                  <div className="audit-machine">{e.machine}</div>
                </td>
                <td>{KIND_LABELS[e.kind]}</td>
                <td>{e.target ?? '—'}</td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="audit-pager" aria-label="Trang của nhật ký">
        <button type="button" className="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
          ‹ Mới hơn
        </button>
        <span>{data ? `Trang ${page}/${pages} · ${data.total.toLocaleString('vi-VN')} thao tác` : 'Đang tải…'}</span>
        <button type="button" className="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
          Cũ hơn ›
        </button>
      </nav>
    </div>
  );
}
