const LAST_DEPARTMENT_KEY = 'vanthu.lastDepartment';

/** The department the clerk chose last: a new draft starts with it. */
export function lastDepartment(): string {
  return localStorage.getItem(LAST_DEPARTMENT_KEY) ?? '';
}

export function rememberDepartment(code: string): void {
  localStorage.setItem(LAST_DEPARTMENT_KEY, code);
}
