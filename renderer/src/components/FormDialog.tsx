import { useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../api/error-message';
import { Dialog } from './Dialog';
import { Notice } from './Notice';

interface FormDialogProps {
  title: string;
  /** 'wide': a table the clerk edits row by row (a data form). */
  size?: 'small' | 'medium' | 'large' | 'wide';
  testId?: string;
  /** The submit button's label, e.g. "Lưu". */
  submitLabel: string;
  /** `danger` for an action that cannot be undone (e.g. "Hủy văn bản"). */
  submitTone?: 'primary' | 'danger';
  /** Disables the submit button, e.g. while reference data is loading. */
  submitDisabled?: boolean;
  /** Gives the submit button the focus when the dialog opens (when no field should have it). */
  submitAutofocus?: boolean;
  /** The label of the button that closes the dialog: "Hủy" unless that would read as the action itself. */
  cancelLabel?: string;
  onClose(): void;
  /**
   * Runs on the submit button and on Enter in a field, with the form locked. Return without doing anything
   * when field validation failed; throw to show the error (`errorMessage(e)`) at the top of the form.
   */
  onSubmit(): Promise<void>;
  children: ReactNode;
}

/** A dialog that is one form: the fields, an error notice at the top, and the submit + "Hủy" buttons. */
export function FormDialog({
  title,
  size = 'small',
  testId,
  submitLabel,
  submitTone = 'primary',
  submitDisabled,
  submitAutofocus,
  cancelLabel = 'Hủy',
  onClose,
  onSubmit,
  children,
}: FormDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The state above only changes on the next render: this stops a second Enter from submitting twice.
  const running = useRef(false);

  const submit = async (): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      size={size}
      testId={testId}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button
            type="submit"
            className={`button ${submitTone === 'danger' ? 'button-danger' : 'button-primary'}`}
            disabled={busy || submitDisabled}
            aria-busy={busy}
            data-autofocus={submitAutofocus || undefined}
          >
            {submitLabel}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {cancelLabel}
          </button>
        </>
      }
    >
      {error && <Notice tone="error">{error}</Notice>}
      {children}
    </Dialog>
  );
}
