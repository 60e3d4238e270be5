import { call, printJson, usage, withCore, type Context } from '../context.js';

const KIND: Record<'incoming' | 'dispatch' | 'unit', string> = { incoming: 'Văn bản đến', dispatch: 'Văn bản đi', unit: 'Đơn vị' };

/** `vanthu search QUERY`: words without diacritics find words with them; "quoted words" are a phrase. */
export async function runSearch(ctx: Context, args: string[]): Promise<void> {
  const query = args.join(' ').trim();
  if (!query) throw usage('Cách dùng: vanthu search TỪ_KHÓA (ví dụ: vanthu search "rac thai nhua").');
  await withCore(ctx, async (core) => {
    const hits = await call(core, 'search.query', { query, limit: 50 });
    if (ctx.json) return printJson(ctx, hits);
    if (hits.length === 0) return ctx.out(`Không tìm thấy "${query}".`);
    for (const h of hits) {
      ctx.out(`[${KIND[h.kind]}] ${h.title}\n    ${h.subtitle}${h.snippet ? `\n    ${h.snippet.text}` : ''}`);
    }
    ctx.out(`\n${hits.length} kết quả.`);
  });
}
