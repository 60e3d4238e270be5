/**
 * PDF by printing a document's standalone HTML (shared/documents/render-html.ts) in Chromium,
 * so the PDF is the preview. Uses the system's Chromium (Debian's, or `CHROMIUM_PATH`); no
 * browser is downloaded. Electron will print with its own `printToPDF` instead.
 */
import { chromium } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** Prints `html` (a whole page with its own @page rules) to an A4 PDF. */
export async function renderPdf(html: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    // The documents have no scripts, and nothing may be fetched: offline first (DESIGN §2).
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route(/^(?!data:|about:)/, (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
