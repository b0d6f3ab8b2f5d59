// Benchmark driver: bundle sizes and navigation-to-mounted times in headless Chromium.
// Called by scripts/bench after a release build; writes the table into README.md.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { DIST_DIR, REPO_ROOT, launchBrowser, newContext } from '../tests/e2e/lib/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const RUNS = Number(opt('--runs', '7'));
const workspaceFiles = args.flatMap((a, i) => (a === '--workspace' && args[i + 1] ? [args[i + 1]] : []));

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function sizes() {
  // One row per kind: all stylesheets together, the JS glue, the wasm, and the service
  // worker (loaded on its own, not part of the app's start-up).
  const rows = new Map();
  for (const f of await fs.readdir(DIST_DIR)) {
    if (!/\.(wasm|js|css)$/.test(f)) continue;
    const buf = await fs.readFile(path.join(DIST_DIR, f));
    const br = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const gz = zlib.gzipSync(buf, { level: 9 }).length;
    const kind = f === 'sw.js' ? 'sw' : f.split('.').pop();
    const row = rows.get(kind) ?? { kind, raw: 0, br: 0, gz: 0, files: 0 };
    rows.set(kind, { kind, raw: row.raw + buf.length, br: row.br + br, gz: row.gz + gz, files: row.files + 1 });
  }
  const order = ['css', 'js', 'wasm', 'sw'];
  return [...rows.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Milliseconds from navigation start to the app's `cultivate-mounted` mark. */
async function mountTimes(browser, url, storedText) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await newContext(browser);
    if (storedText) {
      await context.addInitScript((text) => {
        if (!sessionStorage.getItem('bench-seeded')) {
          localStorage.setItem('cultivate.workspace', text);
          sessionStorage.setItem('bench-seeded', '1');
        }
      }, storedText);
    }
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.appReady === '1', null, { timeout: 60_000 });
    const t = await page.evaluate(() => {
      const m = performance.getEntriesByName('cultivate-mounted')[0];
      return m ? m.startTime : NaN;
    });
    const shown = storedText ? await page.locator('.app-shell').count() : 1;
    if (!shown) throw new Error('the generated workspace did not open');
    times.push(t);
    await context.close();
  }
  return times;
}

const server = await startServer({ root: DIST_DIR });
const browser = await launchBrowser();
try {
  const sz = await sizes();
  const total = sz.filter((r) => r.kind === 'wasm' || r.kind === 'js').reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br, gz: a.gz + r.gz }), { raw: 0, br: 0, gz: 0 });
  const empty = await mountTimes(browser, server.url, null);
  const generated = [];
  for (const file of workspaceFiles) {
    const text = await fs.readFile(file, 'utf8');
    const times = await mountTimes(browser, server.url, text);
    const data = JSON.parse(text).data;
    const count = (f) => data.communities.reduce((n, c) => n + f(c), 0).toLocaleString('en');
    const info = `${data.people.length.toLocaleString('en')} people, ${data.communities.length} communities, ${count((c) => c.memberships.length)} memberships, ${count((c) => c.facilitation?.meetings?.length ?? 0)} meetings, ${count((c) => c.evaluation?.stories?.length ?? 0)} stories; ${kb(text.length)} of JSON`;
    generated.push({ info, times });
  }
  const chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `Measured ${date} by \`scripts/bench\` on ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}), ${chromium}, headless; median of ${RUNS} runs, each in a fresh browser context.`,
    '',
    '| What | Raw | Brotli (q11) | Gzip (-9) |',
    '|---|---:|---:|---:|',
    ...sz.map((r) => `| ${{ wasm: 'WebAssembly', js: 'JS glue', css: `CSS (${r.files} files)`, sw: 'Service worker (loaded separately)' }[r.kind]} | ${kb(r.raw)} | ${kb(r.br)} | ${kb(r.gz)} |`),
    `| **App (wasm + JS)** | **${kb(total.raw)}** | **${kb(total.br)}** | **${kb(total.gz)}** |`,
    '',
    '| Start-up: navigation to app mounted | Median | Min | Max |',
    '|---|---:|---:|---:|',
    `| Empty browser (welcome screen) | ${median(empty).toFixed(0)} ms | ${Math.min(...empty).toFixed(0)} ms | ${Math.max(...empty).toFixed(0)} ms |`,
    ...generated.map(({ info, times }) => `| Generated workspace (${info}) | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms |`),
  ];
  const table = lines.join('\n');
  console.log(table);
  const readmePath = path.join(REPO_ROOT, 'README.md');
  const readme = await fs.readFile(readmePath, 'utf8').catch(() => '');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (readme.includes(start) && readme.includes(end)) {
    const next = readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`);
    await fs.writeFile(readmePath, next);
    console.log('README.md updated');
  } else {
    console.log('README.md has no bench markers; table not written');
  }
} finally {
  await browser.close();
  await server.close();
}
