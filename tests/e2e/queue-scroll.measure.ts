/**
 * `npx tsx tests/e2e/queue-scroll.measure.ts --data-dir D [--seconds S] [--speed PX_PER_S]`: scrolls the
 * queue's "all" view of a (large) store in Chromium through the built web host and measures,
 * per animation frame, how long the frame took and whether any row in the viewport was blank
 * (the "loading" placeholder shown while the next keyset page is fetched). Build first
 * (`npx electron-vite build`). Prints the ARCHITECTURE §8 JSON as its last line.
 */
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { startWeb, stopWeb } from './fixtures';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    seconds: { type: 'string', default: '15' },
    speed: { type: 'string', default: '3000' },
  },
});
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('--data-dir is required (a seeded store)');
const seconds = Number(values.seconds);
const speed = Number(values.speed);

interface FrameStats {
  frames: number[];
  blankFrames: number;
  longestBlankRun: number;
  rowsScrolled: number;
}

/** Runs in the page: scroll steadily for `seconds`, one step per animation frame. */
const MEASURE = `(seconds, speed) => new Promise((resolve) => {
  const el = document.querySelector('.queue-scroll');
  const frames = [];
  let blankFrames = 0, run = 0, longestBlankRun = 0;
  const start = performance.now();
  let last = start;
  const tick = (t) => {
    frames.push(t - last);
    el.scrollTop += (speed * (t - last)) / 1000;
    last = t;
    const view = el.getBoundingClientRect();
    const blank = [...el.querySelectorAll('.queue-loader')].some((r) => {
      const b = r.getBoundingClientRect();
      return b.bottom > view.top && b.top < view.bottom;
    });
    run = blank ? run + 1 : 0;
    if (blank) blankFrames++;
    longestBlankRun = Math.max(longestBlankRun, run);
    if (t - start < seconds * 1000) requestAnimationFrame(tick);
    else resolve({ frames: frames.slice(1), blankFrames, longestBlankRun, rowsScrolled: Math.round(el.scrollTop / 40) });
  };
  requestAnimationFrame(tick);
})`;

const web = await startWeb(dataDir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(web.url);
  await page.getByRole('tab', { name: /^全部/ }).click();
  await page.getByTestId('queue-row').first().waitFor();
  // Sent as source text: tsx would otherwise wrap the function in helpers the page lacks.
  const stats = (await page.evaluate(`(${MEASURE})(${seconds}, ${speed})`)) as FrameStats;
  const sorted = [...stats.frames].sort((a, b) => a - b);
  const q = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100;
  console.log(
    `${stats.frames.length} frames in ${seconds} s at ${speed} px/s (${stats.rowsScrolled} rows scrolled): ` +
      `frame p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms; frames with a blank row ${stats.blankFrames}, longest run ${stats.longestBlankRun}`,
  );
  console.log(
    JSON.stringify({
      bench: 'queue-scroll',
      params: { dataDir, seconds, speed_px_s: speed },
      metrics: [
        { name: 'scroll.frame', unit: 'ms', p50: q(0.5), p95: q(0.95), value: q(1) },
        { name: 'scroll.blank_frames', unit: 'frames', value: stats.blankFrames },
        { name: 'scroll.longest_blank_run', unit: 'frames', value: stats.longestBlankRun },
        { name: 'scroll.rows', unit: 'rows', value: stats.rowsScrolled },
      ],
    }),
  );
} finally {
  await browser.close();
  await stopWeb(web.child);
}
