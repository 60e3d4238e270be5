/** `2025-07-01` → `01/07/2025`, the way dates are written in Vietnamese administration. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}
