import { useEffect, useState } from 'react';
import type { IncomingDocument } from '../../../../shared/domain/incoming';
import { useAppState } from '../../app/app-context';
import { navigate } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { PlusIcon } from '../../components/icons';
import { RegisterPageLayout, useRegister } from '../../components/RegisterPageLayout';
import { useReviewCount } from '../intake/ImportSessionProvider';
import { arrivalLabel } from './incoming-text';
import { IncomingRegisterTable } from './IncomingRegisterTable';
import { PaperDocumentDialog } from './PaperDocumentDialog';
import { rememberedRegisterYear, rememberRegisterYear, useIncomingYears } from './use-incoming-years';

/** "Sổ văn bản đến": the incoming register of a year with the decree's ten columns; Excel, print, and documents received on paper. */
export function IncomingRegisterPage() {
  const { info } = useAppState();
  const showToast = useToast();
  const { refresh: refreshReviewCount } = useReviewCount();
  const thisYear = Number(info.today.slice(0, 4));
  const [version, setVersion] = useState(0);
  const years = useIncomingYears(thisYear, version);
  const [year, setYear] = useState(() => rememberedRegisterYear() ?? thisYear);
  const { rows, error, request, exporting, exportXlsx, printing, print } = useRegister('incoming', year, version);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [addingPaper, setAddingPaper] = useState(false);

  useEffect(() => rememberRegisterYear(year), [year]);

  useKeyboardShortcut('p', print, !addingPaper);
  useKeyboardShortcut('n', () => setAddingPaper(true), !addingPaper);

  const onPaperRegistered = (document: IncomingDocument): void => {
    setAddingPaper(false);
    setYear(document.arrivalYear);
    setSelectedId(document.id);
    setVersion((v) => v + 1);
    refreshReviewCount();
    showToast({ message: `Đã vào sổ văn bản đến số ${arrivalLabel(document.arrivalNumber, document.arrivalYear)}.` });
  };

  return (
    <RegisterPageLayout
      direction="đến"
      className="incoming-register-page"
      yearSelectId="incoming-register-year"
      years={years}
      year={year}
      onYearChange={setYear}
      toolbarStart={
        <button type="button" className="button" title="Vào sổ một văn bản nhận bản giấy (Ctrl+N)" onClick={() => setAddingPaper(true)}>
          <PlusIcon />
          Nhập văn bản giấy…
        </button>
      }
      exporting={exporting}
      onExport={() => void exportXlsx()}
      onPrint={print}
      error={error}
      loading={rows === null}
      empty={
        rows?.length === 0 && (
          <>
            Năm {year} chưa có văn bản đến nào. Văn bản vào sổ khi được nhập ở màn hình “Nhập văn bản đến” (hoặc kéo thả tệp vào cửa sổ); văn bản nhận
            bản giấy thì bấm “Nhập văn bản giấy…”.
          </>
        )
      }
      dialog={addingPaper && <PaperDocumentDialog onClose={() => setAddingPaper(false)} onRegistered={onPaperRegistered} />}
    >
      <IncomingRegisterTable
        rows={rows ?? []}
        onRowsNeeded={request}
        drawAll={printing}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onOpen={(row) => navigate('incoming', row.documentId)}
      />
    </RegisterPageLayout>
  );
}
