// Writes the electron-builder config for the smoke-test build: the release config with one
// fuse relaxed. Playwright's _electron attaches through the Node inspector, which the
// shipped app disables (enableNodeCliInspectArguments: false); so the pipeline packs the same
// app.asar a second time, unpacked, with that fuse on, and drives that copy. Everything else
// (asar, integrity check, RunAsNode off, cookie encryption) stays as shipped.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const root = process.cwd();
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
config.electronFuses = { ...config.electronFuses, enableNodeCliInspectArguments: true };
config.directories = { ...config.directories, output: 'release-smoke' };
fs.writeFileSync(path.join(root, 'release-smoke.yml'), yaml.dump(config));
console.log('release-smoke.yml written (enableNodeCliInspectArguments on, output release-smoke/)');
