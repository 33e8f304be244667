// End-to-end test of the packaged extension in a real VS Code: installs the .vsix into
// code-server, serves it on loopback, opens a draft in headless Chromium and asserts the
// squiggles, the Problems rows, a hover card and the status bar. Keeps a screenshot in
// tests/artifacts/.
//
// Environment:
//   CODE_SERVER          code-server executable (required; run it with node 24 on PATH)
//   COPYDESK_VSIX        the packaged extension (default editors/vscode/copydesk.vsix)
//   COPYDESK_SERVER_CMD  server command; its first word becomes copydesk.server.path
//                        (default target/release/copydesk)
//   CHROMIUM             browser executable (default /usr/bin/chromium)

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const artifacts = join(repo, 'tests/artifacts');
const codeServer = process.env.CODE_SERVER;
const vsix = resolve(process.env.COPYDESK_VSIX || join(repo, 'editors/vscode/copydesk.vsix'));
const serverPath = (process.env.COPYDESK_SERVER_CMD || join(repo, 'target/release/copydesk')).trim().split(/\s+/)[0];
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.COPYDESK_TEST_TIMEOUT || 60000);

let passed = 0;
let failed = 0;
let currentPage;

async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}`);
    const shot = join(artifacts, `vscode-failure-${failed}.png`);
    if (currentPage && (await currentPage.screenshot({ path: shot }).then(() => true, () => false))) {
      console.log(`#   screenshot: ${shot}`);
    }
    for (const line of String(error?.stack || error).split('\n').slice(0, 8)) {
      console.log(`#   ${line}`);
    }
  }
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** A fresh workspace, user data and extensions directory, with the extension installed. */
function prepare() {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-vscode-'));
  const workspace = join(root, 'workspace');
  const userData = join(root, 'user-data');
  const extensions = join(root, 'extensions');
  for (const dir of [workspace, join(userData, 'User'), extensions]) {
    mkdirSync(dir, { recursive: true });
  }
  copyFileSync(join(repo, 'tests/editors/fixtures/draft.md'), join(workspace, 'draft.md'));
  writeFileSync(
    join(userData, 'User/settings.json'),
    JSON.stringify(
      {
        'copydesk.server.path': serverPath,
        // Reaches the server as its configuration: the lone quote becomes an error.
        'copydesk.checks': { 'unattributed-quote': 'error' },
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'chat.disableAIFeatures': true,
        'editor.hover.delay': 100,
        'editor.minimap.enabled': false,
        'window.restoreWindows': 'none',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );
  const install = spawnSync(
    codeServer,
    ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix, '--force'],
    { encoding: 'utf8', timeout: 120000 },
  );
  if (install.status !== 0) {
    throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
  }
  return { root, workspace, userData, extensions };
}

function startCodeServer(dirs, port) {
  const child = spawn(
    codeServer,
    [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      dirs.workspace,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  const ready = new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`code-server did not start:\n${log}`)), TIMEOUT);
    const onData = (chunk) => {
      log += chunk;
      if (/HTTP server listening/.test(log)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`code-server exited (${code}):\n${log}`));
    });
  });
  return { child, ready, log: () => log };
}

async function launchBrowser() {
  return chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      // Loopback only: nothing the page or the browser asks for may leave the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--disable-sync',
      '--no-first-run',
      '--no-pings',
      '--metrics-recording-only',
    ],
  });
}

/** 1-based line and UTF-16 column of `needle` in the fixture, as VS Code counts them. */
function lineColumn(needle) {
  const lines = readFileSync(join(repo, 'tests/editors/fixtures/draft.md'), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const at = lines[i].indexOf(needle);
    if (at >= 0) {
      return { line: i + 1, column: at + 1 };
    }
  }
  throw new Error(`not in the fixture: ${needle}`);
}

async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

async function main() {
  assert(codeServer, 'CODE_SERVER is not set');
  mkdirSync(artifacts, { recursive: true });
  for (const old of readdirSync(artifacts).filter((f) => f.startsWith('vscode-failure-'))) {
    rmSync(join(artifacts, old));
  }
  const dirs = prepare();
  const port = await freePort();
  const server = startCodeServer(dirs, port);
  let browser;
  try {
    await server.ready;
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(TIMEOUT);
    currentPage = page;
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: TIMEOUT });
    // Open the draft with Quick Open.
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('draft.md');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { state: 'visible' });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines');

    await check('squiggles mark the unattributed quote (an error by setting) and the name variant', async () => {
      await page.waitForFunction(
        () =>
          document.querySelectorAll('.monaco-editor .squiggly-error').length >= 1 &&
          document.querySelectorAll('.monaco-editor .squiggly-warning').length >= 1,
        null,
        { timeout: TIMEOUT },
      );
    });

    await check('the Problems panel lists the findings with code and position', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.waitForFunction(
        () => {
          const text = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent).join('\n');
          return text.includes('name-variant') && text.includes('unattributed-quote');
        },
        null,
        { timeout: TIMEOUT },
      );
      const rows = await page.locator('.markers-panel .monaco-list-row').allTextContents();
      const quote = lineColumn('“It’s the right call');
      const variant = lineColumn('Vasques');
      const quoteRow = rows.find((r) => r.includes('unattributed-quote'));
      const variantRow = rows.find((r) => r.includes('name-variant'));
      assert(quoteRow.includes('copydesk'), `source in row: ${quoteRow}`);
      const quoteIcon = await page
        .locator('.markers-panel .monaco-list-row')
        .filter({ hasText: 'unattributed-quote' })
        .first()
        .evaluate((row) => row.innerHTML.includes('codicon-error'));
      assert(quoteIcon, 'the unattributed-quote row is an error, as copydesk.checks says');
      assert(new RegExp(`Ln ${quote.line}, Col (${quote.column}|${quote.column + 1})\\b`).test(quoteRow), `quote row position: ${quoteRow}`);
      assert(variantRow.includes(`Ln ${variant.line}, Col ${variant.column}]`) || variantRow.includes(`Ln ${variant.line}, Col ${variant.column} `) || new RegExp(`Ln ${variant.line}, Col ${variant.column}\\b`).test(variantRow), `variant row position: ${variantRow}`);
      assert(variantRow.includes('Vasquez'), `variant row names the dominant spelling: ${variantRow}`);
      console.log(`#   Problems: ${rows.join(' | ')}`);
    });

    await check('hover on a name shows the entity card', async () => {
      const at = lineColumn('Vasquez said the plan');
      await page.locator('.monaco-editor .view-lines').first().click();
      await goTo(page, at.line, at.column + 2);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover:not(.hidden)').first();
      await hover.waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.waitForFunction(
        () => [...document.querySelectorAll('.monaco-hover')].some((h) => (h.textContent || '').includes('Mayor')),
        null,
        { timeout: TIMEOUT },
      );
      const text = await hover.textContent();
      assert(text.includes('Elena Vasquez'), `hover card: ${text}`);
      console.log(`#   hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
      await page.screenshot({ path: join(artifacts, 'vscode-hover.png') });
      await page.keyboard.press('Escape');
    });

    await check('the status bar shows the server running with the draft counts', async () => {
      await page.waitForFunction(
        () => [...document.querySelectorAll('.statusbar-item')].some((i) => /copydesk: \d+ quotes/.test(i.textContent || '')),
        null,
        { timeout: TIMEOUT },
      );
      const items = await page.locator('.statusbar-item').allTextContents();
      const item = items.find((t) => t.includes('copydesk'));
      // The draft holds two quotes, one without a speaker (copydesk/status).
      assert(item.includes('2 quotes (1 unattributed)'), `status: ${item}`);
      console.log(`#   status bar: ${item}`);
    });

    await page.screenshot({ path: join(artifacts, 'vscode.png') });

    await check('the quick fix for the name variant rewrites the word in the editor', async () => {
      const at = lineColumn('Vasques');
      await page.locator('.monaco-editor .view-lines').first().click();
      await goTo(page, at.line, at.column + 1);
      await page.keyboard.press('Control+.');
      const row = page
        .locator('.action-widget .monaco-list-row')
        .filter({ hasText: 'Vasquez' })
        .filter({ hasNotText: /every|all/i })
        .first();
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      const menu = await page.locator('.action-widget .monaco-list-row').allTextContents();
      console.log(`#   quick fixes: ${menu.join(' | ')}`);
      await row.click();
      // Monaco renders spaces as U+00A0, which \s matches.
      await page.waitForFunction(
        () => {
          const text = [...document.querySelectorAll('.monaco-editor .view-line')].map((l) => l.textContent || '').join('\n');
          return /—\sVasquez\stold/.test(text) && !text.includes('Vasques');
        },
        null,
        { timeout: TIMEOUT },
      );
      await page.waitForFunction(
        () => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) => (r.textContent || '').includes('name-variant')),
        null,
        { timeout: TIMEOUT },
      );
    });

    await check('"copydesk: Show source sheet" lists the people and the quotes with speakers', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('copydesk: Show source sheet');
      await page.waitForSelector('.quick-input-list .monaco-list-row', { state: 'visible' });
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => [...document.querySelectorAll('.tab')].some((t) => (t.textContent || '').includes('Sources - draft')),
        null,
        { timeout: TIMEOUT },
      );
      // The preview is a webview: read its text from the frames.
      const deadline = Date.now() + TIMEOUT;
      let sheet = '';
      while (Date.now() < deadline) {
        for (const frame of page.frames()) {
          const text = await frame.evaluate(() => document.body?.innerText || '').catch(() => '');
          if (text.includes('Sources:') && text.includes('Quotes')) {
            sheet = text;
          }
        }
        if (sheet) {
          break;
        }
        await new Promise((ok) => setTimeout(ok, 250));
      }
      assert(sheet, 'the source sheet preview shows its text');
      const people = sheet.slice(sheet.indexOf('People'), sheet.indexOf('Places'));
      assert(people.includes('Elena Vasquez') && people.includes('Mayor'), `people: ${people}`);
      const quotes = sheet.slice(sheet.indexOf('Quotes'));
      assert(/no speaker: “?It’s the right call/.test(quotes), `unattributed quote: ${quotes}`);
      assert(/Vasquez: “?We listened/.test(quotes), `attributed quote: ${quotes}`);
      await page.screenshot({ path: join(artifacts, 'vscode-source-sheet.png') });
    });
  } catch (error) {
    failed += 1;
    console.log(`not ok - the workbench came up and opened the draft`);
    console.log(`#   ${String(error?.stack || error).split('\n').slice(0, 6).join('\n#   ')}`);
    console.log(`#   code-server log: ${server.log().slice(-1500).replace(/\n/g, '\n#   ')}`);
  } finally {
    if (browser) {
      await browser.close().catch(() => undefined);
    }
    try {
      process.kill(-server.child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(dirs.root, { recursive: true, force: true });
  }
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main();
