/** The VănThư mark (an envelope on a blue tile), drawn inline so that it needs no request. */
export function AppLogo({ size, className }: { size: number; className?: string }) {
  return (
    <svg className={className} width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#0f5ea8" />
      <path d="M8 9h16v14H8z" fill="#fff" />
      <path d="M8 9l8 7 8-7" fill="none" stroke="#0f5ea8" strokeWidth="2" />
    </svg>
  );
}
