import type { DispatchContentInput } from '../../shared/domain/dispatch.js';
import type { openTempApp } from './temp-app.js';

/** A draft like công văn 864, addressed to the demo's first group; `extra` overrides any field. */
export function draft864(app: ReturnType<typeof openTempApp>, extra: Partial<DispatchContentInput> = {}) {
  const group = app.units.listGroups()[0]!;
  return app.dispatches.createDraft({
    subject: 'đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa',
    departmentCode: 'TTBCBC',
    recipients: [{ kind: 'group', groupId: group.id, label: group.kinhGuiLabel }],
    body: [{ runs: [{ text: 'Đề nghị các cơ quan, đơn vị báo cáo.' }] }],
    signer: { name: 'Lâm Văn Sển', title: 'GIÁM ĐỐC', authority: null },
    ...extra,
  });
}
