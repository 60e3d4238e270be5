import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { ObligationStatus, TrackingPeriod, TrackingRow } from '../../../../shared/domain/tracking';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useAppState } from '../../app/app-context';
import { navigate, routeHref } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { downloadFile } from '../../components/download-file';
import { DocumentIcon, ExportIcon, PrintIcon, SendIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../formatting/dates';
import { dispatchReference } from '../dispatches/dispatch-text';
import { requirementSummary } from '../dispatches/requirement-text';
import { arrivalLabel } from '../incoming/incoming-text';
import { UnlinkDispatchDialog, type UnlinkTarget } from '../incoming/UnlinkDispatchDialog';
import type { CellTarget } from './cell-target';
import { ConsolidationPanel } from './ConsolidationPanel';
import { ExemptDialog } from './ExemptDialog';
import { ObligationPanel } from './ObligationPanel';
import { ReminderDialog } from './ReminderDialog';
import { ReportDialog } from './ReportDialog';
import { StatusFilter } from './StatusFilter';
import { TrackingFilterBar } from './TrackingFilterBar';
import { TrackingMatrix, type CellKey } from './TrackingMatrix';
import { ALL_GROUPS, buildMatrix, countStatuses, filterRows, matrixGroups, type GroupFilter } from './tracking-matrix';
import { dispatchTitle, periodPhrase } from './tracking-text';
import { useTrackableDispatches } from './use-trackable-dispatches';
import { useTracking } from './use-tracking';

type TrackingDialog = 'exempt' | 'withdraw' | 'reminder' | 'report';

interface TrackingPageProps {
  /** The dispatch in the address; null shows the most recent one that asks for reports. */
  dispatchId: number | null;
  /** The period in the address ("?ky=2021"); null shows every period. */
  periodKey: string | null;
}

/** "Theo dõi báo cáo": who has reported, for one dispatch, unit by unit and period by period. */
export function TrackingPage({ dispatchId, periodKey }: TrackingPageProps) {
  const trackable = useTrackableDispatches();
  const dispatches = trackable.state === 'ready' ? trackable.dispatches : [];
  const currentId = dispatchId ?? dispatches[0]?.id ?? null;

  return (
    <div className="page page-fixed-header tracking-page">
      <header className="page-header">
        <h1 className="page-title">Theo dõi báo cáo</h1>
      </header>
      {trackable.state === 'failed' ? (
        <Notice tone="error">{trackable.message}</Notice>
      ) : trackable.state === 'loading' ? (
        <p className="empty-state">Đang tải danh sách công văn…</p>
      ) : currentId === null ? (
        <NoTrackableDispatch />
      ) : (
        <TrackingView key={currentId} dispatchId={currentId} periodKey={periodKey} dispatches={dispatches} />
      )}
    </div>
  );
}

function NoTrackableDispatch() {
  return (
    <div className="empty-state">
      <p>
        Chưa có công văn nào đã ban hành mà có yêu cầu báo cáo. Khi soạn công văn, điền mục “Yêu cầu báo cáo” (hạn báo cáo, các đơn vị phải báo cáo) rồi ban hành:
        VănThư sẽ theo dõi đơn vị nào đã báo cáo, đúng hạn hay trễ hạn.
      </p>
      <p className="empty-state-action">
        <a className="button" href={routeHref('dispatches')}>
          Mở danh sách công văn đi
        </a>
      </p>
    </div>
  );
}

interface TrackingViewProps {
  dispatchId: number;
  periodKey: string | null;
  dispatches: Dispatch[];
}

function TrackingView({ dispatchId, periodKey, dispatches }: TrackingViewProps) {
  const { info, profile } = useAppState();
  const showToast = useToast();
  const { periods, error, reload } = useTracking(dispatchId);
  const [group, setGroup] = useState<GroupFilter>(ALL_GROUPS);
  const [status, setStatus] = useState<ObligationStatus | null>(null);
  const [selected, setSelected] = useState<CellKey | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [dialog, setDialog] = useState<TrackingDialog | null>(null);
  const [unlinking, setUnlinking] = useState<UnlinkTarget | null>(null);
  const [busy, setBusy] = useState(false);
  const workspaceRef = useRef<HTMLDivElement>(null);

  const dispatch = dispatches.find((d) => d.id === dispatchId) ?? null;
  // A dispatch opened by its address that is not in the list (voided since): offer it too, as the tracking names it.
  const choices = dispatch || !periods?.[0] ? dispatches : [periods[0].dispatch, ...dispatches];
  const shownKey = periods?.some((p) => p.period.key === periodKey) ? periodKey : null;
  const shown = useMemo(() => (periods ?? []).filter((p) => shownKey === null || p.period.key === shownKey), [periods, shownKey]);
  const matrix = useMemo(() => buildMatrix(shown), [shown]);
  const groups = useMemo(() => matrixGroups(matrix), [matrix]);
  const inGroup = filterRows(matrix, group, null);
  const rows = filterRows(inGroup, ALL_GROUPS, status);
  const overduePeriods = (periods ?? []).filter((p) => p.counts.missing > 0);

  const current = selectedCell(shown, selected);
  const target: CellTarget | null = current && { dispatchId, period: current.period, unit: current.row.unit };

  const exportXlsx = async (): Promise<void> => {
    setBusy(true);
    try {
      const file = await api.call('tracking.exportXlsx', { dispatchId, periodKey: shownKey });
      downloadFile(file);
      showToast({ message: `Đã xuất bảng theo dõi ra tệp ${file.fileName}.` });
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const withdrawExemption = async (): Promise<void> => {
    if (!target) return;
    setBusy(true);
    try {
      await api.call('tracking.withdrawExemption', { dispatchId, unitId: target.unit.id, periodKey: target.period.key });
      showToast({ message: `Đã bỏ miễn báo cáo cho ${target.unit.name}, kỳ ${periodPhrase(target.period.label)}.` });
      reload();
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    } finally {
      setBusy(false);
      setDialog(null);
    }
  };

  const openCell = (cell: CellKey): void => {
    setSelected(cell);
    setPanelOpen(true);
  };

  const closePanel = (): void => {
    setPanelOpen(false);
    workspaceRef.current?.querySelector<HTMLElement>('td[aria-selected="true"]')?.focus();
  };

  const onWorkspaceKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape' && panelOpen) {
      event.preventDefault();
      closePanel();
    }
  };

  const changePeriod = (key: string | null): void => navigate('tracking', dispatchId, key ? { ky: key } : {});

  const noDialog = dialog === null && unlinking === null;
  useKeyboardShortcut('p', () => window.print(), noDialog);
  useKeyboardShortcut('e', () => void exportXlsx(), noDialog && periods !== null);

  return (
    <>
      <div className="tracking-heading">
        <div className="tracking-dispatch-summary">
          {dispatch ? (
            <>
              <a href={routeHref('dispatches', dispatch.id)} title="Mở công văn trong trình soạn">
                {dispatchTitle(dispatch)}
              </a>{' '}
              <span className="tracking-dispatch-subject">— V/v {dispatch.subject}</span>
              {dispatch.requirement && <span className="tracking-requirement">{requirementSummary(dispatch.requirement)}</span>}
            </>
          ) : (
            periods?.[0] && <span>{dispatchTitle(periods[0].dispatch)}</span>
          )}
        </div>
        <div className="toolbar">
          <button
            type="button"
            className="button button-primary"
            disabled={overduePeriods.length === 0}
            title={
              overduePeriods.length === 0
                ? 'Không có kỳ nào đã quá hạn mà còn đơn vị chưa báo cáo'
                : 'Soạn công văn đôn đốc gửi đúng các đơn vị chưa báo cáo (đã quá hạn)'
            }
            onClick={() => setDialog('reminder')}
          >
            <SendIcon />
            Đôn đốc các đơn vị chưa báo cáo…
          </button>
          <button
            type="button"
            className="button"
            disabled={periods === null || periods.length === 0}
            title="Soạn báo cáo gửi cơ quan cấp trên: tình hình báo cáo của các đơn vị và số liệu tổng hợp từ biểu mẫu"
            onClick={() => setDialog('report')}
          >
            <DocumentIcon />
            Lập báo cáo tổng hợp…
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || periods === null}
            aria-busy={busy}
            title={`Tải bảng theo dõi ${shownKey ? 'kỳ này' : 'mọi kỳ (mỗi kỳ một trang tính)'} dạng Excel (Ctrl+E)`}
            onClick={() => void exportXlsx()}
          >
            <ExportIcon />
            Xuất Excel
          </button>
          <button type="button" className="button" title="In bảng theo dõi khổ A4 ngang (Ctrl+P)" onClick={() => window.print()}>
            <PrintIcon />
            In
          </button>
        </div>
      </div>

      <TrackingFilterBar
        dispatches={choices}
        dispatchId={dispatchId}
        onDispatchChange={(id) => navigate('tracking', id)}
        periods={periods ?? []}
        periodKey={shownKey}
        onPeriodChange={changePeriod}
        groups={groups}
        group={group}
        onGroupChange={setGroup}
      />
      <div className="tracking-legend-bar">
        <StatusFilter counts={countStatuses(inGroup)} value={status} onChange={setStatus} />
        {(group !== ALL_GROUPS || status !== null) && <span className="tracking-filter-note">Số liệu cuối bảng tính cho mọi đơn vị của kỳ.</span>}
      </div>

      {error && <Notice tone="error">{error}</Notice>}

      <div className="tracking-print-heading" aria-hidden="true">
        <p>{profile?.agencyName.toLocaleUpperCase('vi')}</p>
        <h2>BẢNG THEO DÕI BÁO CÁO</h2>
        {periods?.[0] && (
          <p>
            {dispatchTitle(periods[0].dispatch)} — V/v {periods[0].dispatch.subject}
          </p>
        )}
        <p>Tính đến ngày {formatDate(info.today)}</p>
      </div>

      <div className="tracking-workspace" ref={workspaceRef} onKeyDown={onWorkspaceKeyDown}>
        <div className="table-scroll tracking-scroll">
          {periods === null ? (
            !error && <p className="empty-state">Đang tính tình hình báo cáo…</p>
          ) : rows.length === 0 ? (
            <div className="empty-state">
              <p>{matrix.length === 0 ? 'Công văn này chưa có đơn vị nào phải báo cáo. Hãy chọn các đơn vị phải báo cáo trong mục “Yêu cầu báo cáo” của công văn.' : 'Không có đơn vị nào khớp bộ lọc.'}</p>
              {matrix.length > 0 && (
                <p className="empty-state-action">
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setGroup(ALL_GROUPS);
                      setStatus(null);
                    }}
                  >
                    Bỏ lọc
                  </button>
                </p>
              )}
            </div>
          ) : (
            <TrackingMatrix periods={shown} rows={rows} today={info.today} selected={selected} onSelect={setSelected} onOpen={openCell} />
          )}
        </div>
        {!(panelOpen && current) && shownKey && shown[0] && (
          <ConsolidationPanel dispatchId={dispatchId} period={shown[0].period} expected={shown[0].counts.expected} />
        )}
        {panelOpen && current && (
          <ObligationPanel
            period={current.period}
            row={current.row}
            onClose={closePanel}
            onExempt={() => setDialog('exempt')}
            onWithdrawExemption={() => setDialog('withdraw')}
            onUnlink={(doc) =>
              setUnlinking({
                id: doc.entryId,
                arrival: arrivalLabel(doc.arrivalNumber, doc.arrivalYear),
                dispatchReference: periods?.[0] ? dispatchReference(periods[0].dispatch) : null,
                unitName: current.row.unit.name,
                period: periodPhrase(current.period.label),
              })
            }
          />
        )}
      </div>

      {dialog === 'exempt' && target && (
        <ExemptDialog
          target={target}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            showToast({ message: `Đã miễn báo cáo cho ${target.unit.name}, kỳ ${periodPhrase(target.period.label)}.` });
            reload();
          }}
        />
      )}
      {dialog === 'withdraw' && target && (
        <ConfirmDialog title="Bỏ miễn báo cáo" confirmLabel="Bỏ miễn" busy={busy} onConfirm={() => void withdrawExemption()} onCancel={() => setDialog(null)}>
          <p>
            Bỏ miễn báo cáo cho {target.unit.name}, kỳ {periodPhrase(target.period.label)}? Đơn vị lại được tính là phải báo cáo; lý do miễn không còn hiệu lực.
          </p>
        </ConfirmDialog>
      )}
      {unlinking && (
        <UnlinkDispatchDialog
          target={unlinking}
          onClose={() => setUnlinking(null)}
          onDone={() => {
            setUnlinking(null);
            reload();
          }}
        />
      )}
      {dialog === 'report' && periods && (
        <ReportDialog
          dispatchId={dispatchId}
          periods={periods}
          initialKey={shownKey}
          today={info.today}
          onClose={() => setDialog(null)}
          onDone={(draft, period) => {
            showToast({ message: `Đã lập dự thảo báo cáo tổng hợp ${periodPhrase(period.period.label)}. Viết phần đánh giá, đề xuất rồi ban hành.` });
            navigate('dispatches', draft.id);
          }}
        />
      )}
      {dialog === 'reminder' && (
        <ReminderDialog
          dispatchId={dispatchId}
          periods={overduePeriods}
          initialKey={shownKey}
          onClose={() => setDialog(null)}
          onDone={(draft, period) => {
            showToast({
              message: `Đã soạn dự thảo công văn đôn đốc gửi ${period.counts.missing} đơn vị chưa báo cáo ${periodPhrase(period.period.label)}. Xem lại rồi ban hành, tải .docx hoặc tạo email.`,
            });
            navigate('dispatches', draft.id);
          }}
        />
      )}
    </>
  );
}

/** The selected cell's period and row; null when it is not in the table shown. */
function selectedCell(shown: TrackingPeriod[], selected: CellKey | null): { period: TrackingPeriod['period']; row: TrackingRow } | null {
  if (!selected) return null;
  const period = shown.find((p) => p.period.key === selected.periodKey);
  const row = period?.rows.find((r) => r.unit.id === selected.unitId);
  return period && row ? { period: period.period, row } : null;
}
