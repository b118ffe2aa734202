import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, importsOf, sourceFiles } from './source-files';

const rel = (f: string) => path.relative(REPO, f);
const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/');

describe('process boundaries (style.md conventions 1 and 7)', () => {
  it("only electron/main and electron/preload import 'electron'", () => {
    const offenders = [...sourceFiles('shared'), ...sourceFiles('renderer'), ...sourceFiles('electron/services'), ...sourceFiles('electron/preview'), ...sourceFiles('templates')]
      .filter((f) => importsOf(f).some(isElectron))
      .map(rel);
    expect(offenders).toEqual([]);
    const cli = sourceFiles('electron').filter((f) => /electron[/\\]cli/.test(rel(f)) && importsOf(f).some(isElectron));
    expect(cli.map(rel)).toEqual([]);
  });

  it('shared/ is pure: no Node file system, DOM framework, Lexical or app folders', () => {
    const forbidden = /^(node:)?(fs|fs\/promises|child_process|http|net|os)$|^react|^lexical|^@lexical\//;
    const offenders = sourceFiles('shared').flatMap((f) =>
      importsOf(f)
        .filter((spec) => forbidden.test(spec) || /(^|\/)\.\.\/(\.\.\/)*(electron|renderer)\//.test(spec))
        .map((spec) => `${rel(f)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('renderer/ and electron/ never import each other', () => {
    const crossing = [
      ...sourceFiles('renderer').flatMap((f) => importsOf(f).filter((s) => /(^|\/)electron\//.test(s) && s.startsWith('.')).map((s) => `${rel(f)} → ${s}`)),
      ...sourceFiles('electron').flatMap((f) => importsOf(f).filter((s) => /(^|\/)renderer\//.test(s)).map((s) => `${rel(f)} → ${s}`)),
    ];
    expect(crossing).toEqual([]);
  });

  it('app code names no remote address (the app never goes online)', async () => {
    const fs = await import('node:fs');
    const remote = /https?:\/\/(?!127\.0\.0\.1|localhost|schemas\.openxmlformats|www\.w3\.org|purl\.org|schemas\.microsoft)[a-z0-9.-]+/i;
    const offenders = [...sourceFiles('shared'), ...sourceFiles('renderer'), ...sourceFiles('electron')]
      .filter((f) => remote.test(fs.readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});
