import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface DialogProps {
  title: string;
  /** Called for "Đóng", Esc and the close button; the owner removes the dialog. */
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom, right-aligned; `footerStart` goes on the left (e.g. destructive actions). */
  footer?: ReactNode;
  footerStart?: ReactNode;
  /** When given, body and footer form one <form>: Enter in a field submits it. */
  onSubmit?(): void;
  onKeyDown?(event: KeyboardEvent<HTMLElement>): void;
  /** 'wide': a table the clerk edits row by row (a data form). */
  size?: 'small' | 'medium' | 'large' | 'wide';
  testId?: string;
}

/**
 * A modal dialog on the native <dialog> element: focus stays inside, Esc closes it, and
 * dialogs opened from a dialog stack correctly. The element marked `data-autofocus`
 * receives the focus when it opens. It is placed at the end of <body>, so a dialog opened from
 * a dialog's form (the unit checklist from "Sửa yêu cầu báo cáo…") is not a form inside a form.
 */
export function Dialog({ title, onClose, children, footer, footerStart, onSubmit, onKeyDown, size = 'medium', testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    // React passes a nested dialog's submit up the component tree too: it is not this form's.
    event.stopPropagation();
    onSubmit?.();
  };

  const footerBar = (footer || footerStart) && (
    <div className="dialog-footer">
      <div className="dialog-footer-start">{footerStart}</div>
      <div className="dialog-footer-end">{footer}</div>
    </div>
  );

  return createPortal(
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={(event) => {
        // React passes a nested dialog's close event up the component tree: ignore it here.
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label="Đóng" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {onSubmit ? (
        <form className="dialog-form" noValidate onSubmit={submit}>
          <div className="dialog-body">{children}</div>
          {footerBar}
        </form>
      ) : (
        <>
          <div className="dialog-body">{children}</div>
          {footerBar}
        </>
      )}
    </dialog>,
    document.body,
  );
}
