import type { ReactNode } from 'react';

interface NoticeProps {
  tone: 'error' | 'info';
  children: ReactNode;
  action?: ReactNode;
}

/** A sentence that stays on screen: an error at the top of a form, a prompt at the top of a page. */
export function Notice({ tone, children, action }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice-text">{children}</div>
      {action && <div className="notice-action">{action}</div>}
    </div>
  );
}
