/**
 * Which of the four fonts GB/T 9704 names are installed on this PC, and what the screen and
 * print use instead when one is missing. Offices often lack 方正小标宋简体 and the _GB2312
 * fonts; the clerk should know before printing, not after.
 *
 * Windows: the file names in %WINDIR%\Fonts and the per-user %LOCALAPPDATA%\Microsoft\Windows\Fonts,
 * and the value names of the registry's font lists (HKLM and HKCU ...\Windows NT\CurrentVersion\Fonts).
 * Linux: fontconfig (`fc-list :lang=zh family`). Node only, no 'electron' import: the preview
 * backend runs it too (on the same PC as the browser, since it serves loopback only).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FontCheck, FontStatus, StandardFontKey } from '../../shared/ipc/contract';
import { FONTS } from '../../shared/page/geometry';

const STANDARD_KEYS: readonly StandardFontKey[] = ['xiaobiaosong', 'fangsong', 'kaiti', 'heiti'];

/**
 * Names under which the standard font itself shows up: family names (Chinese and English)
 * and the file names the usual installers use.
 */
const ALIASES: Record<StandardFontKey, readonly string[]> = {
  xiaobiaosong: ['方正小标宋简体', '方正小标宋_GBK', '方正小标宋简', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', 'FZXBSJW', 'FZXBSK'],
  fangsong: ['仿宋_GB2312', 'FangSong_GB2312', 'FS_GB2312', 'FSGB2312'],
  kaiti: ['楷体_GB2312', 'KaiTi_GB2312', 'KAI_GB2312', 'KTGB2312'],
  heiti: ['黑体', 'SimHei'],
};

/** The same design under another name: Windows' 仿宋 and 楷体 are the GBK versions of the _GB2312 fonts. */
const EQUIVALENTS: Record<StandardFontKey, readonly string[]> = {
  xiaobiaosong: [],
  fangsong: ['仿宋', 'FangSong', 'simfang'],
  kaiti: ['楷体', 'KaiTi', 'simkai'],
  heiti: [],
};

const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui']);

export type RunCommand = (file: string, args: readonly string[]) => Promise<Buffer>;

export interface FontServiceOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  run?: RunCommand;
  readdir?: (dir: string) => string[];
}

export interface FontService {
  status(): Promise<FontStatus>;
}

const normalise = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** The page's CSS font-family chain for a font, as a list of names. */
export function cssChain(key: StandardFontKey): string[] {
  return FONTS[key].css.split(',').map((n) => n.trim().replace(/^"|"$/g, '')).filter(Boolean);
}

/** `reg query` prints the console code page (GBK on Chinese Windows): UTF-8 first, GBK when that fails. */
export function decodeConsole(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  if (!utf8.includes('\uFFFD')) return utf8;
  try {
    return new TextDecoder('gbk').decode(bytes);
  } catch {
    return utf8;
  }
}

/** Value names of `reg query …\Fonts`: "SimSun & NSimSun (TrueType)    REG_SZ    simsun.ttc" → SimSun, NSimSun. */
export function parseRegistryFonts(output: string): string[] {
  const names: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^\s+(.+?)\s{2,}REG_(?:SZ|EXPAND_SZ)\s{2,}(.*)$/.exec(line);
    if (!m) continue;
    const display = m[1]!.replace(/\s*\((?:TrueType|OpenType|All res|VGA res|\d+[^)]*)\)\s*$/i, '');
    for (const part of display.split(/\s*&\s*/)) if (part) names.push(part);
    const file = m[2]!.trim();
    if (file) names.push(path.win32.basename(file).replace(/\.(ttf|ttc|otf|fon)$/i, ''));
  }
  return names;
}

/** `fc-list :lang=zh family`: one font per line, its names (localised ones too) separated by commas. */
export function parseFcList(output: string): string[] {
  return output
    .split(/\r?\n/)
    .flatMap((line) => line.split(/(?<!\\),/))
    .map((n) => n.replace(/\\,/g, ',').trim())
    .filter(Boolean);
}

/** From the names found on the PC, the verdict for each standard font. */
export function judgeFonts(installedNames: Iterable<string>): FontCheck[] {
  const installed = new Set([...installedNames].map(normalise));
  const has = (name: string) => installed.has(normalise(name));
  return STANDARD_KEYS.map((key) => {
    const standard = FONTS[key].docx;
    if (ALIASES[key].some(has)) return { key, standard, installed: true, fallback: null, equivalent: false };
    const equivalent = EQUIVALENTS[key].find(has);
    if (equivalent) {
      // Report the family name the page's chain uses, not a file name.
      const display = cssChain(key).find((n) => EQUIVALENTS[key].some((e) => normalise(e) === normalise(n)) && has(n)) ?? equivalent;
      return { key, standard, installed: false, fallback: display, equivalent: true };
    }
    const chain = cssChain(key).filter((n) => !ALIASES[key].some((a) => normalise(a) === normalise(n)));
    const fallback = chain.find((n) => !GENERIC.has(n) && has(n)) ?? chain.find((n) => GENERIC.has(n)) ?? 'serif';
    return { key, standard, installed: false, fallback, equivalent: false };
  });
}

const defaultRun: RunCommand = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { encoding: 'buffer', timeout: 8_000, windowsHide: true, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });

function safeReaddir(readdir: (dir: string) => string[], dir: string | undefined): string[] {
  if (!dir) return [];
  try {
    return readdir(dir);
  } catch {
    return [];
  }
}

export function createFontService(options: FontServiceOptions = {}): FontService {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const run = options.run ?? defaultRun;
  const readdir = options.readdir ?? ((dir: string) => fs.readdirSync(dir));

  async function windowsNames(): Promise<string[] | null> {
    const windir = env.WINDIR ?? env.SystemRoot;
    const dirs = [windir ? path.win32.join(windir, 'Fonts') : undefined, env.LOCALAPPDATA ? path.win32.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts') : undefined];
    const files = dirs.flatMap((dir) => safeReaddir(readdir, dir)).map((f) => f.replace(/\.(ttf|ttc|otf|fon)$/i, ''));
    const keys = ['HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts', 'HKCU\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts'];
    const registry = await Promise.all(keys.map((key) => run('reg', ['query', key]).then((out) => parseRegistryFonts(decodeConsole(out)), () => [] as string[])));
    const names = [...files, ...registry.flat()];
    return names.length > 0 ? names : null;
  }

  async function fontconfigNames(): Promise<string[] | null> {
    try {
      return parseFcList((await run('fc-list', [':lang=zh', 'family'])).toString('utf8'));
    } catch {
      return null;
    }
  }

  return {
    async status() {
      const names = platform === 'win32' ? await windowsNames() : await fontconfigNames();
      if (!names) return { source: 'unknown', fonts: [], missing: 0 };
      const fonts = judgeFonts(names);
      return { source: platform === 'win32' ? 'windows' : 'fontconfig', fonts, missing: fonts.filter((f) => !f.installed).length };
    },
  };
}
