import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createFontService, cssChain, decodeConsole, judgeFonts, parseFcList, parseRegistryFonts } from '../../../electron/services/font-service';

// What `reg query` prints on a Chinese Windows 10 office PC that has the Windows fonts only.
const REG_HKLM = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts',
  '    Arial (TrueType)    REG_SZ    arial.ttf',
  '    SimSun & NSimSun (TrueType)    REG_SZ    simsun.ttc',
  '    SimHei (TrueType)    REG_SZ    simhei.ttf',
  '    FangSong (TrueType)    REG_SZ    simfang.ttf',
  '    KaiTi (TrueType)    REG_SZ    simkai.ttf',
  '    Microsoft YaHei & Microsoft YaHei UI (TrueType)    REG_SZ    msyh.ttc',
  '',
].join('\r\n');
// A per-user install of 方正小标宋简体 (Windows 10 1809+ installs there without admin rights).
const REG_HKCU = '\r\nHKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts\r\n    方正小标宋简体 (TrueType)    REG_SZ    C:\\Users\\clerk\\AppData\\Local\\Microsoft\\Windows\\Fonts\\FZXBSJW.TTF\r\n';

describe('reading the installed fonts', () => {
  it('reads the registry list: display names split at &, suffixes dropped, file names too', () => {
    const names = parseRegistryFonts(REG_HKLM + REG_HKCU);
    expect(names).toEqual(expect.arrayContaining(['SimSun', 'NSimSun', 'SimHei', 'FangSong', 'simfang', 'Microsoft YaHei UI', '方正小标宋简体', 'FZXBSJW']));
    expect(names).not.toContain('SimSun & NSimSun (TrueType)');
  });

  it('decodes reg.exe output in the GBK console code page', () => {
    const gbk = Buffer.from([0x20, 0x20, 0x20, 0x20, 0xb7, 0xc2, 0xcb, 0xce, 0x5f, 0x47, 0x42, 0x32, 0x33, 0x31, 0x32]); // "    仿宋_GB2312"
    expect(decodeConsole(gbk).trim()).toBe('仿宋_GB2312');
    expect(decodeConsole(Buffer.from('  楷体_GB2312', 'utf8')).trim()).toBe('楷体_GB2312');
  });

  it('reads fc-list, localised names included', () => {
    expect(parseFcList('Noto Serif CJK SC,Noto Serif CJK SC Bold\nAR PL UKai CN\n文泉驿正黑,WenQuanYi Zen Hei\n')).toEqual(['Noto Serif CJK SC', 'Noto Serif CJK SC Bold', 'AR PL UKai CN', '文泉驿正黑', 'WenQuanYi Zen Hei']);
  });
});

describe('the verdict per standard font', () => {
  it('a Windows PC with only the Windows fonts: 仿宋/楷体 are the same design, 小标宋 falls back to 宋体', () => {
    const fonts = judgeFonts(parseRegistryFonts(REG_HKLM));
    const by = Object.fromEntries(fonts.map((f) => [f.key, f]));
    expect(by.heiti).toMatchObject({ standard: '黑体', installed: true, fallback: null });
    expect(by.fangsong).toMatchObject({ standard: '仿宋_GB2312', installed: false, fallback: 'FangSong', equivalent: true });
    expect(by.kaiti).toMatchObject({ standard: '楷体_GB2312', installed: false, fallback: 'KaiTi', equivalent: true });
    expect(by.xiaobiaosong).toMatchObject({ standard: '方正小标宋简体', installed: false, fallback: 'SimSun', equivalent: false });
  });

  it('a font found only as a file name counts as installed', () => {
    const fonts = judgeFonts(['FZXBSJW', 'FS_GB2312', 'KAI_GB2312', 'simhei']);
    expect(fonts.every((f) => f.installed)).toBe(true);
  });

  it('with no Chinese font at all, the fallback is the generic family of the chain', () => {
    const fonts = judgeFonts(['Arial']);
    expect(fonts.find((f) => f.key === 'heiti')!.fallback).toBe('sans-serif');
    expect(fonts.find((f) => f.key === 'fangsong')!.fallback).toBe('serif');
  });

  it('the fallback chains are the page’s own (shared/page), standard font first', () => {
    expect(cssChain('xiaobiaosong')[0]).toBe('方正小标宋简体');
    expect(cssChain('fangsong')[0]).toBe('仿宋_GB2312');
  });
});

describe('the service', () => {
  it('on Windows reads both fonts folders and both registry lists', async () => {
    const dirs: string[] = [];
    const queried: string[] = [];
    const service = createFontService({
      platform: 'win32',
      env: { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local' },
      readdir: (dir) => {
        dirs.push(dir);
        return dir.startsWith('C:\\Users') ? ['KAI_GB2312.ttf'] : ['simhei.ttf', 'simfang.ttf'];
      },
      run: async (file, args) => {
        queried.push(`${file} ${args.join(' ')}`);
        return Buffer.from(args[1]!.startsWith('HKCU') ? REG_HKCU : REG_HKLM);
      },
    });
    const status = await service.status();
    expect(dirs).toEqual(['C:\\Windows\\Fonts', 'C:\\Users\\clerk\\AppData\\Local\\Microsoft\\Windows\\Fonts']);
    expect(queried).toEqual(['reg query HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts', 'reg query HKCU\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts']);
    expect(status.source).toBe('windows');
    expect(status.fonts.filter((f) => !f.installed).map((f) => f.key)).toEqual(['fangsong']);
    expect(status.missing).toBe(1);
  });

  it('says "unknown" rather than "missing" when it cannot look', async () => {
    const service = createFontService({ platform: 'linux', run: async () => Promise.reject(new Error('ENOENT fc-list')) });
    expect(await service.status()).toEqual({ source: 'unknown', fonts: [], missing: 0 });
  });

  const hasFcList = (() => {
    try {
      execFileSync('fc-list', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.runIf(hasFcList)('on this Linux machine asks fontconfig and names a stand-in for every missing font', async () => {
    const status = await createFontService().status();
    expect(status.source).toBe('fontconfig');
    expect(status.fonts).toHaveLength(4);
    for (const font of status.fonts.filter((f) => !f.installed)) expect(font.fallback).toBeTruthy();
  });
});
