import type { Dispatch, DispatchContent } from '../../../../shared/domain/dispatch';
import type { OrganisationProfile } from '../../../../shared/domain/organisation';
import { layoutDocument } from '../../../../shared/documents/layout';
import type { OfficialDocument } from '../../../../shared/documents/model';
import { pageCss, renderHtml } from '../../../../shared/documents/render-html';
import { buildOfficialDocument, documentSymbol } from '../../../../shared/documents/templates/official-document';

/**
 * The document (công văn or báo cáo) as its template prints it, from what the editor holds: a
 * draft gets the symbol its type and chosen department would give and a blank number and date
 * (the year filled in).
 */
export function buildDocument(content: DispatchContent, dispatch: Dispatch, profile: OrganisationProfile, today: string): OfficialDocument {
  const draft = dispatch.status === 'draft';
  return buildOfficialDocument(
    {
      ...content,
      number: draft ? null : dispatch.number,
      symbol: draft ? documentSymbol(content.documentType, profile.symbol, content.departmentCode) : dispatch.symbol,
      issueDate: draft ? null : dispatch.issueDate,
    },
    profile,
    { blankYear: Number((dispatch.issueDate ?? today).slice(0, 4)) },
  );
}

const ALLOWED_ELEMENTS = new Set(['DIV', 'P', 'SPAN', 'BR', 'TABLE', 'COLGROUP', 'COL', 'THEAD', 'TBODY', 'TR', 'TD']);
const ALLOWED_ATTRIBUTES = new Set(['class', 'style', 'lang']);

/**
 * The template's HTML with anything but its own plain elements and attributes removed. The
 * renderer escapes all text already; this keeps a future change there from ever putting a
 * script, a link or an event handler into the window.
 */
export function sanitiseDocumentHtml(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_ELEMENT);
  const doomed: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    if (!ALLOWED_ELEMENTS.has(element.tagName)) {
      doomed.push(element);
      continue;
    }
    for (const attribute of [...element.attributes]) {
      if (!ALLOWED_ATTRIBUTES.has(attribute.name)) element.removeAttribute(attribute.name);
    }
  }
  for (const element of doomed) element.remove();
  return template.innerHTML;
}

/** The document as a safe HTML fragment (one `.vt-sheet`) for the preview and for printing. */
export function documentHtml(doc: OfficialDocument): string {
  return sanitiseDocumentHtml(renderHtml(doc));
}

/** Page rules for printing the preview from the window, the same as the standalone HTML's. */
export function printPageCss(doc: OfficialDocument): string {
  return pageCss(layoutDocument(doc));
}
