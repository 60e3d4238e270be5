import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

interface ToastAction {
  label: string;
  run(): void;
}

interface ToastRequest {
  message: string;
  tone?: 'success' | 'error';
  action?: ToastAction;
}

interface Toast extends ToastRequest {
  id: number;
}

type ShowToast = (toast: ToastRequest) => void;

const ToastContext = createContext<ShowToast | null>(null);

const PLAIN_TOAST_MS = 5000;
const ACTION_TOAST_MS = 9000;

/** Short messages at the bottom of the window, with an optional action such as "Hoàn tác". */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((t) => t.id !== id));
  }, []);

  const show = useCallback<ShowToast>(
    (request) => {
      const id = nextId.current++;
      setToasts((current) => [...current.slice(-2), { ...request, id }]);
      window.setTimeout(() => dismiss(id), request.action ? ACTION_TOAST_MS : PLAIN_TOAST_MS);
    },
    [dismiss],
  );

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone ?? 'success'}`}>
            <span className="toast-message">{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.run();
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="toast-close" aria-label="Đóng thông báo" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast() dùng ngoài <ToastProvider>.');
  return show;
}
