import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder that holds our package.json, found by walking up from `startDir`. Works from
 * the TypeScript sources (tests), from the esbuild bundles in dist/ and from an asar.
 */
export function findPackageRoot(startDir: string): string {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'gongwendesk') return dir;
    } catch {
      // not here; keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package root of gongwendesk not found above ${startDir}`);
    dir = parent;
  }
}

export function packageVersion(root: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
