/**
 * Browser tests use Debian's Chromium (Playwright cannot download its own browsers here). Make sure it is
 * installed: install it with apt-get when we may, else stop with the exact command to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A font with Chinese glyphs: without one, screenshots show empty boxes instead of text. */
const CJK_FONT_PACKAGE = 'fonts-wqy-microhei';
const hasCjkFont = () =>
  spawnSync('sh', ['-c', 'fc-list :lang=zh family | grep -q .'], { stdio: 'ignore' }).status === 0;

export function ensureChromium(): string {
  const missing = [...(existsSync(CHROMIUM_PATH) ? [] : ['chromium']), ...(hasCjkFont() ? [] : [CJK_FONT_PACKAGE])];
  if (missing.length === 0) return CHROMIUM_PATH;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log(`[test] installing Debian packages for the browser tests: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
    if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  }
  throw new Error(
    `Browser tests need Debian's ${missing.join(' and ')} (Chromium expected at ${CHROMIUM_PATH}).\n` +
      `Install with:\n\n    sudo apt-get update && sudo apt-get install -y chromium ${CJK_FONT_PACKAGE}\n\n` +
      '(or set CHROMIUM_PATH to a Chromium binary)',
  );
}
