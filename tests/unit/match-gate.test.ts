import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { emlBytes } from '../support/intake-samples.js';
import { DATE_STYLES, LAYOUTS, NUMBER_STYLES, renderMessy, type CleanHeader } from '../fixtures/messy-headers.js';
import type { Unit } from '../../shared/domain/unit.js';

/**
 * The precision gate (issue 4): on a generated messy set — flattened headers, stray spaces and
 * dashes, missing "Số:", sender addresses that belong to another unit, near-identical unit
 * names, same-named agencies of another province — no match is both confident and wrong.
 */

let app: ReturnType<typeof openTempApp>;
beforeAll(() => {
  app = openTempApp();
  app.loadDemoData();
});
afterAll(() => app.cleanup());

interface Case {
  header: CleanHeader;
  sender: string | null;
  /** The unit that really sent it; null when it is none of ours. */
  truth: number | null;
  label: string;
}

function header(unit: Pick<Unit, 'name'>, agency: string[], parent: string[], n: number): CleanHeader {
  return {
    id: `${unit.name}-${n}`,
    parent,
    agency,
    number: 100 + n,
    symbol: 'BC-UBND',
    place: 'Kiên Giang',
    date: '2021-11-10',
    type: 'Báo cáo',
    subject: ['Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021'],
    recipients: ['Sở Thông tin và Truyền thông tỉnh Kiên Giang'],
    body: 'Thực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông, đơn vị báo cáo như sau.',
    capacity: ['CHỦ TỊCH'],
    signer: 'Nguyễn Văn An',
  };
}

function cases(units: Unit[]): Case[] {
  const districts = units.filter((u) => u.name.startsWith('UBND huyện') || u.name.startsWith('UBND thành phố'));
  const out: Case[] = [];
  let n = 0;
  for (const [i, u] of districts.entries()) {
    const [kind, ...rest] = u.name.replace(/^UBND /, '').split(' ');
    const agency = ['ỦY BAN NHÂN DÂN', `${kind!.toLocaleUpperCase('vi')} ${rest.join(' ').toLocaleUpperCase('vi')}`];
    const other = districts[(i + 1) % districts.length]!;
    out.push({ header: header(u, agency, [], n++), sender: u.emails[0]!, truth: u.id, label: 'đúng địa chỉ, đúng tên' });
    out.push({ header: header(u, agency, [], n++), sender: other.emails[0]!, truth: u.id, label: 'địa chỉ của đơn vị khác' });
    out.push({ header: header(u, agency, [], n++), sender: null, truth: u.id, label: 'không có thư' });
    out.push({ header: header(u, ['ỦY BAN NHÂN DÂN', `HUYỆN ${rest.join(' ').toLocaleUpperCase('vi')} MỚI`], [], n++), sender: null, truth: null, label: 'tên gần giống' });
    out.push({ header: header(u, agency, ['UBND TỈNH CÀ MAU'], n++), sender: null, truth: null, label: 'cùng tên, tỉnh khác' });
  }
  for (const name of ['Sở Y tế', 'Sở Tài chính', 'Sở Nội vụ', 'Sở Tư pháp']) {
    const u = units.find((x) => x.name === name)!;
    const agency = [name.toLocaleUpperCase('vi')];
    out.push({ header: header(u, agency, ['UBND TỈNH KIÊN GIANG'], n++), sender: null, truth: u.id, label: 'sở của tỉnh' });
    out.push({ header: header(u, agency, ['UBND TỈNH AN GIANG'], n++), sender: null, truth: null, label: 'sở cùng tên, tỉnh khác' });
    out.push({ header: header(u, agency, ['UBND TỈNH KIÊN GIANG'], n++), sender: 'vanthu@baochi.example.vn', truth: u.id, label: 'địa chỉ lạ' });
  }
  return out;
}

describe('precision gate on a generated messy set', () => {
  it('never registers a document on the wrong unit or the wrong dispatch', async () => {
    const units = app.units.list({ includeInactive: true });
    const cv864 = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
    const all = cases(units);
    const wrong: string[] = [];
    let registered = 0;
    let reviewed = 0;
    for (const [i, c] of all.entries()) {
      const text = renderMessy(c.header, LAYOUTS[i % LAYOUTS.length]!, NUMBER_STYLES[i % NUMBER_STYLES.length]!, DATE_STYLES[i % DATE_STYLES.length]!, i);
      const bytes = Buffer.from(text, 'utf8');
      const input = c.sender
        ? { name: `${i}.eml`, bytes: await emlBytes({ from: c.sender, to: 'stttt@kiengiang.gov.vn', subject: 'Báo cáo', date: new Date('2021-11-10T08:00:00+07:00'), messageId: `<gate-${i}@test>`, attachments: [{ filename: `${i}.txt`, content: bytes }] }) }
        : { name: `${i}.txt`, bytes };
      const [r] = await app.imports.importInputs([input], { receivedDate: '2021-11-10' });
      if (r!.status === 'registered') {
        registered++;
        if (r!.unit!.id !== c.truth) wrong.push(`#${i} ${c.label}: vào sổ cho ${r!.unit!.name}, đúng ra là ${c.truth === null ? 'không đơn vị nào' : units.find((u) => u.id === c.truth)!.name}`);
        if (r!.dispatch!.id !== null && r!.dispatch!.id !== cv864.id) wrong.push(`#${i}: sai công văn ${r!.dispatch!.number}`);
      } else reviewed++;
    }
    console.log(`[match-gate] ${all.length} văn bản: ${registered} vào sổ, ${reviewed} chờ xác nhận, ${wrong.length} khớp sai mà chắc chắn.`);
    expect(wrong).toEqual([]);
    // Not a recall target, but the gate must not pass by refusing everything.
    expect(registered).toBeGreaterThan(all.length / 3);
  });
});
