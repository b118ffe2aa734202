#!/usr/bin/env node
'use strict';
// `npx gongwen …`: the command-line tool, under plain Node (no Electron).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('gongwen: the command-line tool is not built yet; run "npm install" (or "npm run build:node") in the GongwenDesk folder first.\n');
  process.exit(2);
}
require(bundle);
