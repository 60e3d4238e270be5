/**
 * The Content-Security-Policy for the renderer, the same in Electron and browser mode:
 * only the app's own scripts, no eval, no plugins, no framing, no form posts elsewhere.
 * Inline style attributes are allowed because React sets them.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
