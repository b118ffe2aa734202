/**
 * Child process of data-lock.test.ts (bundled with esbuild, run with plain node): tries to take
 * the data folder's lock and prints `won <pid>`, `in-use <holder pid>` or `unheld <code>`.
 * mode `hold`: keeps it until stdin closes, then releases; mode `exit`: process.exit(0) at
 * once, without calling release (the exit hook must still free the folder).
 */
import { acquireDataFolderLock, DataFolderInUseError } from '../../../electron/services/data-lock';

const [dataDir, mode] = process.argv.slice(2);
try {
  const lock = acquireDataFolderLock(dataDir!, 'preview');
  process.stdout.write(lock.held ? `won ${process.pid}\n` : `unheld ${lock.problem}\n`);
  if (mode === 'exit') process.exit(0);
  process.stdin.resume();
  process.stdin.on('end', () => {
    lock.release();
    process.exit(0);
  });
} catch (error) {
  if (!(error instanceof DataFolderInUseError)) throw error;
  process.stdout.write(`in-use ${error.owner?.pid ?? 'starting'}\n`);
  process.exit(0);
}
