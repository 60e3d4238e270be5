import path from 'node:path';
import { spawn } from 'node:child_process';
import { it } from 'vitest';
import { buildCli, checkFolder, exactlyOnceProblems, sampleFolders, tempDir, writeCorpus } from '../../support/crash-campaign.js';
import { seededRandom } from '../../support/scan-samples.js';
it('loop', async () => {
  const cli = buildCli();
  const work = tempDir('loop');
  const corpus = await writeCorpus(path.join(work, 'in'), 200);
  const ref = path.join(work, 'ref'); const data = path.join(work, 'data');
  sampleFolders(ref, data);
  cli.run(ref, ['import', corpus.dir]);
  const reference = checkFolder(ref).state;
  console.log('ref', reference.documents);
  const random = seededRandom(7);
  const entry = (cli as unknown as { entry?: string }).entry;
  for (let k = 0; k < 25; k++) {
    const delay = Math.round(random() * 5000);
    const r = await cli.runAndKill(data, ['import', corpus.dir], delay);
    cli.run(data, ['init']);
    const st = checkFolder(data);
    const line = `k=${k} delay=${delay} killed=${r.killed} docs=${st.state.documents} rec=${st.state.recovered} probs=${st.problems.length}`;
    console.log(line);
    if (!r.killed) {
      const p = exactlyOnceProblems(st.state, reference, corpus);
      if (p.length) { console.log('COMPLETED RUN PROBLEMS', p.slice(0, 10)); 
        const again = cli.run(data, ['import', corpus.dir]);
        const res = JSON.parse(again.stdout) as { file: string; attachment: string | null; status: string; reason: string | null }[];
        console.log(res.filter((x) => x.status !== 'duplicate').map((x) => `${x.file} ${x.attachment} ${x.status} ${x.reason}`).join('\n'));
        console.log('after another run', checkFolder(data).state.documents);
        break; }
    }
  }
  void entry; void spawn;
  cli.cleanup();
}, 900_000);
