import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useAppState } from '../../app/app-context';
import { navigate } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { RegisterPageLayout, useRegister } from '../../components/RegisterPageLayout';
import { useDispatchYears } from '../dispatches/use-dispatch-years';
import { RegisterFieldsDialog } from './RegisterFieldsDialog';
import { RegisterTable, type RegisterRow } from './RegisterTable';

/** "Sổ văn bản đi": the outgoing register of a year with the decree's ten columns; Excel and print. */
export function RegisterPage() {
  const { info } = useAppState();
  const showToast = useToast();
  const thisYear = Number(info.today.slice(0, 4));
  const years = useDispatchYears(thisYear);
  const [year, setYear] = useState(thisYear);
  const [version, setVersion] = useState(0);
  const { rows, error, request, exporting, exportXlsx, printing, print } = useRegister('outgoing', year, version);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Dispatch | null>(null);

  useKeyboardShortcut('p', print);

  const editFields = async (row: RegisterRow): Promise<void> => {
    try {
      setEditing(await api.call('dispatches.get', { id: row.dispatchId }));
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    }
  };

  return (
    <RegisterPageLayout
      direction="đi"
      yearSelectId="register-year"
      years={years}
      year={year}
      onYearChange={setYear}
      exporting={exporting}
      onExport={() => void exportXlsx()}
      onPrint={print}
      error={error}
      loading={rows === null}
      empty={rows?.length === 0 && <>Năm {year} chưa có văn bản đi nào được ban hành. Văn bản vào sổ khi bấm “Ban hành…” trong trình soạn công văn.</>}
      dialog={
        editing && (
          <RegisterFieldsDialog
            dispatch={editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setVersion((v) => v + 1);
              showToast({ message: 'Đã lưu thông tin sổ văn bản đi.' });
            }}
          />
        )
      }
    >
      <RegisterTable
        rows={rows ?? []}
        onRowsNeeded={request}
        drawAll={printing}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onOpen={(row) => navigate('dispatches', row.dispatchId)}
        onEditFields={(row) => void editFields(row)}
      />
    </RegisterPageLayout>
  );
}
