/**
 * Child process of kill.test.ts (bundled with esbuild, run with plain node): takes the data
 * folder's lock as the real backends do (the previous child was SIGKILLed holding it: prints
 * `lock took-over` or `lock fresh`), then saves the
 * drafts in a loop with the real drafts service until it is killed. Prints `ready` once the
 * service has started, `saving <d> <run> <i>` before each write and `saved …`/`journal …`
 * after it resolved.
 */
import { createDraftService } from '../../../electron/services/drafts-service';
import { acquireDataFolderLock } from '../../../electron/services/data-lock';
import { KILL_DRAFT_IDS, versionDocument } from './kill-versions';

async function main(): Promise<void> {
  const [dataDir, runArg, seedArg] = process.argv.slice(2);
  const run = Number(runArg);
  const seed = Number(seedArg);
  // a refusal throws DataFolderInUseError: the child exits by itself, which fails the test
  const lock = acquireDataFolderLock(dataDir!, 'preview');
  if (!lock.held) throw new Error(`unlocked: ${lock.problem}`);
  process.stdout.write(`lock ${lock.tookOver ? 'took-over' : 'fresh'}\n`);
  // single writer: the previous child is dead, its temp files may go at once
  const service = createDraftService({ dataDir: dataDir!, staleTempAgeMs: 0 });
  await service.ready();
  const listed = await service.list();
  if (!listed.ok) throw new Error(JSON.stringify(listed.error));
  process.stdout.write(`ready ${listed.value.drafts.length} ${listed.value.setAside.length}\n`);
  for (let i = 0; ; i++) {
    const d = (i + run) % KILL_DRAFT_IDS.length; // rotate so every draft gets saves even in short runs
    const doc = versionDocument(seed, d, run, i);
    process.stdout.write(`saving ${d} ${run} ${i}\n`);
    if (i % 4 === 3) {
      const j = await service.journal(KILL_DRAFT_IDS[d]!, doc);
      if (!j.ok) throw new Error(JSON.stringify(j.error));
      process.stdout.write(`journal ${d} ${run} ${i}\n`);
    } else {
      const r = await service.save(KILL_DRAFT_IDS[d]!, doc);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      process.stdout.write(`saved ${d} ${run} ${i}\n`);
    }
  }
}

main().catch((error) => {
  process.stderr.write(`child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
});
