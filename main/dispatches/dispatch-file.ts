import { z } from 'zod';
import type { BodyParagraph, DispatchContentInput, Recipient, TextRun } from '../../shared/domain/dispatch.js';
import { ReportingRequirement } from '../../shared/domain/dispatch.js';
import { Signer } from '../../shared/domain/organisation.js';
import type { Unit, UnitGroup } from '../../shared/domain/unit.js';
import { nameKey } from '../../shared/vn/fold.js';
import { UserError } from '../api/errors.js';

/**
 * The dispatch file that `vanthu dispatch create FILE.json` reads (docs/cli.md): the same
 * content as the editor, written for people: recipients and expected units by name, body
 * paragraphs as text with **bold** and *italic* as in the seed text.
 */
const FileParagraph = z.union([
  z.string(),
  z.object({ text: z.string(), list: z.enum(['bullet', 'number']).optional() }).strict(),
]);

export const DispatchFile = z
  .object({
    subject: z.string().min(1, 'Thiếu "subject" (trích yếu).'),
    departmentCode: z.string().optional(),
    recipients: z
      .array(
        z.union([
          z.object({ group: z.string() }).strict(),
          z.object({ unit: z.string() }).strict(),
          z.object({ text: z.string() }).strict(),
        ]),
      )
      .min(1, 'Thiếu "recipients" (Kính gửi).'),
    references: z.array(z.string()).optional(),
    body: z.array(FileParagraph).min(1, 'Thiếu "body" (nội dung).'),
    signer: Signer.optional(),
    distribution: z.array(z.string()).optional(),
    urgency: z.enum(['khan', 'thuong_khan', 'hoa_toc']).nullable().optional(),
    confidential: z.boolean().optional(),
    attachmentsNote: z.string().nullable().optional(),
    requirement: ReportingRequirement.nullable().optional(),
    expectedUnits: z.array(z.string()).optional(),
  })
  .strict();
export type DispatchFile = z.infer<typeof DispatchFile>;

/** Splits "a **b** *c*" into runs; unmatched markers stay as text. */
export function parseEmphasis(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    runs.push(m[1] !== undefined ? { text: m[1], bold: true } : { text: m[2]!, italic: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

export interface DispatchFileLookup {
  groups: UnitGroup[];
  units: Unit[];
  defaultSigner: z.infer<typeof Signer> | null;
}

export function dispatchFromFile(raw: unknown, lookup: DispatchFileLookup): DispatchContentInput {
  const parsed = DispatchFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError('invalid_dispatch_file', `Tệp công văn không hợp lệ ở "${issue.path.join('.') || '(gốc)'}": ${issue.message}`);
  }
  const f = parsed.data;
  const unitByName = (name: string): Unit => {
    const key = nameKey(name);
    const unit = lookup.units.find((u) => nameKey(u.name) === key || u.aliases.some((a) => nameKey(a) === key));
    if (!unit) throw new UserError('unknown_unit', `Không có đơn vị "${name}" trong danh sách đơn vị nhận.`);
    return unit;
  };
  const recipients: Recipient[] = f.recipients.map((r) => {
    if ('group' in r) {
      const key = nameKey(r.group);
      const g = lookup.groups.find((x) => nameKey(x.name) === key || nameKey(x.kinhGuiLabel) === key);
      if (!g) throw new UserError('unknown_group', `Không có nhóm đơn vị "${r.group}".`);
      return { kind: 'group', groupId: g.id, label: g.kinhGuiLabel };
    }
    if ('unit' in r) {
      const u = unitByName(r.unit);
      return { kind: 'unit', unitId: u.id, label: u.name };
    }
    return { kind: 'text', label: r.text };
  });
  const body: BodyParagraph[] = f.body.map((p) =>
    typeof p === 'string' ? { runs: parseEmphasis(p), list: null } : { runs: parseEmphasis(p.text), list: p.list ?? null },
  );
  const signer = f.signer ?? lookup.defaultSigner;
  return {
    subject: f.subject,
    departmentCode: f.departmentCode ?? '',
    recipients,
    references: f.references ?? [],
    body,
    signer: signer ? { ...signer, authority: signer.authority ?? null } : null,
    distribution: f.distribution ?? [],
    urgency: f.urgency ?? null,
    confidential: f.confidential ?? false,
    attachmentsNote: f.attachmentsNote ?? null,
    requirement: f.requirement ?? null,
    expectedUnitIds: (f.expectedUnits ?? []).map((n) => unitByName(n).id),
  };
}
