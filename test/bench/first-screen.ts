/**
 * First screen (part of `npm run bench`): the H5 catalogue showing real data (the first demand card of the seeded
 * catalogue) in headless Chromium at a phone viewport, against the local stack on localhost. Each run is a fresh
 * browser context (empty cache), timed from navigation to the first visible card; one warm-up run first, since the
 * very first request also loads the catalogue function in serverless-offline (a local cold start, not the page's).
 */
import { launchBrowser, phoneContext } from '../e2e/browser';

const RUNS = Number(process.env.BENCH_FIRST_SCREEN_RUNS ?? 7);

export async function firstScreen(webUrl: string) {
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(webUrl);
      await page.locator('.demand-card').first().waitFor({ state: 'visible', timeout: 30_000 });
      const ms = performance.now() - started;
      await context.close();
      if (i > 0) times.push(ms); // run 0 warms up
    }
    times.sort((a, b) => a - b);
    const r0 = (x: number) => Math.round(x);
    return {
      runs: RUNS,
      medianMs: r0(times[Math.floor(times.length / 2)]!),
      worstMs: r0(times[times.length - 1]!),
      barMs: 2000,
    };
  } finally {
    await browser.close();
  }
}
