/**
 * electron-builder.yml, checked here rather than on release day: validated against the JSON
 * schema shipped inside electron-builder (app-builder-lib/scheme.json, the same one the
 * builder applies), then the settings the offices rely on. Where the app is built, a real
 * `--linux dir` packaging with a stand-in Electron binary shows what goes into app.asar.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const schema = require('app-builder-lib/scheme.json') as object;
// js-yaml comes with electron-builder (it reads this file with it); no type package needed.
const yaml = require('js-yaml') as { load(text: string): unknown; dump(value: unknown): string };
const config = yaml.load(fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // electron-builder's schema uses one custom keyword, for options that may be a function.
  ajv.addKeyword({ keyword: 'typeof', validate: (type: string, data: unknown) => typeof data === type });
  return ajv.compile(schema);
}

const targets = (platform: { target: { target: string; arch: string[] }[] }) =>
  Object.fromEntries(platform.target.map((t) => [t.target, [...t.arch].sort()]));

describe('electron-builder.yml', () => {
  it('is valid against the schema that ships with electron-builder', () => {
    const validate = validator();
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check is real: a misspelt option fails it', () => {
    const validate = validator();
    expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNOde: false } })).toBe(false);
  });

  it('names the app and its artifacts (ASCII file names, Chinese product name)', () => {
    expect(config.appId).toBe('cn.gongwendesk.app');
    expect(config.productName).toBe('公文写作台');
    expect(config.artifactName).toMatch(/^[\x20-\x7e]+$/);
    expect(config.executableName).toMatch(/^[A-Za-z0-9-]+$/);
    expect(config.linux.executableName).toMatch(/^[a-z0-9-]+$/);
  });

  it('packs only the built bundles, with asar, and the templates as resources', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json', '!node_modules']));
    expect(config.files.filter((f: string) => !f.startsWith('!'))).toHaveLength(3);
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'templates', to: 'templates' }), expect.objectContaining({ from: 'docs', to: 'docs' })]);
    expect(config.beforeBuild).toBe('scripts/builder-before-build.cjs');
    const hook = require(path.join(REPO, config.beforeBuild)) as () => Promise<boolean>;
    return expect(hook()).resolves.toBe(false);
  });

  it('builds a Windows x64 assisted NSIS installer, per-user by default, in zh-CN and en-US', () => {
    expect(targets(config.win)).toEqual({ nsis: ['x64'] });
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowElevation: true,
      createStartMenuShortcut: true,
      multiLanguageInstaller: true,
      deleteAppDataOnUninstall: false,
    });
    expect(['always', true]).toContain(config.nsis.createDesktopShortcut);
    expect([...config.nsis.installerLanguages].sort()).toEqual(['en_US', 'zh_CN']);
  });

  it('builds deb and AppImage for x64 and arm64', () => {
    expect(targets(config.linux)).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/); // fpm refuses a deb without one
  });

  it('opens .gwdraft files with their own icon', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'gwdraft', icon: 'gwdraft', mimeType: 'application/x-gwdraft' })]);
  });

  it('uses real icons: a multi-size .ico up to 256 px and PNGs from 16 to 1024 px', () => {
    const assets = path.join(REPO, config.directories.buildResources);
    for (const ico of [config.win.icon, `${config.fileAssociations[0].icon}.ico`, config.nsis.installerIcon]) {
      const bytes = fs.readFileSync(path.join(assets, ico));
      expect(bytes.readUInt16LE(2), ico).toBe(1); // ICO type
      const count = bytes.readUInt16LE(4);
      const sizes = Array.from({ length: count }, (_, i) => bytes.readUInt8(6 + 16 * i) || 256);
      expect(sizes, ico).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    }
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = fs.readFileSync(path.join(assets, config.linux.icon, `${size}x${size}.png`));
      expect(png.readUInt32BE(16), `${size} px`).toBe(size);
      expect(png.length, `${size} px is a drawing, not a flat square`).toBeGreaterThan(size >= 64 ? 1500 : 300);
    }
  });

  it('sets the Electron fuses at packaging', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('downloads nothing at install or run time: no publish provider, no update feed, no web installer', () => {
    expect(config.publish).toBeNull();
    const text = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/nsis-web|electron-updater|https?:\/\//);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('electron-updater');
    expect(pkg.scripts['dist:win']).toBeTruthy();
    expect(pkg.scripts['dist:linux']).toBeTruthy();
  });
});

// Packaging itself, with a stand-in for the Electron binary these machines cannot download.
const built = fs.existsSync(path.join(REPO, 'dist', 'electron', 'main.cjs')) && fs.existsSync(path.join(REPO, 'dist', 'renderer', 'index.html'));
describe.runIf(built)('what electron-builder puts in the package', () => {
  it('app.asar holds the bundles and package.json, no node_modules, no source maps; templates beside it', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-pack-'));
    const fake = path.join(work, 'electron');
    fs.mkdirSync(path.join(fake, 'resources'), { recursive: true });
    fs.writeFileSync(path.join(fake, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    // The fuses need the real binary's sentinel: leave them out of this dry run only.
    const { electronFuses: _fuses, ...rest } = config;
    const cfg = path.join(work, 'builder.yml');
    fs.writeFileSync(cfg, yaml.dump({ ...rest, electronDist: fake, directories: { ...config.directories, output: path.join(work, 'out') } }));
    const run = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), '--linux', 'dir', '--x64', '--publish', 'never', '--config', cfg], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
      timeout: 120_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const resources = path.join(work, 'out', 'linux-unpacked', 'resources');
    const { listPackage } = require('@electron/asar') as { listPackage(p: string): string[] };
    const files = listPackage(path.join(resources, 'app.asar')).map((f) => f.replace(/\\/g, '/'));
    expect(files).toContain('/dist/electron/main.cjs');
    expect(files).toContain('/dist/electron/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files).toContain('/package.json');
    expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts'))).toEqual([]);
    expect(fs.existsSync(path.join(resources, 'templates', 'fazhi-annual'))).toBe(true);
    expect(fs.existsSync(path.join(work, 'out', 'linux-unpacked', config.linux.executableName))).toBe(true);
    fs.rmSync(work, { recursive: true, force: true });
  }, 180_000);
});
