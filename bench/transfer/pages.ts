/**
 * The two pages of bench/transfer in one Chromium, and the runs measured on them: the bare
 * data-channel baseline, the engine's set-up, and its progress (for the resume cuts).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, WEBRTC_ARGS } from '../../e2e/support/chromium';
import { linkPages } from './harness';
import {
  chromiumTree,
  cpuSeconds,
  findBrowserPid,
  HeapProbe,
  renderers,
  type ProcInfo,
} from './probes';

export const MiB = 1024 * 1024;

export interface BenchPages {
  browser: Browser;
  sender: Page;
  receiver: Page;
  receiverOrigin: string;
  receiverPid: number;
  senderPid: number;
  probe: HeapProbe;
  /** The browser's main process: the root of the tree whose CPU time is measured. */
  rootPid: number;
}

/**
 * Opens the sender and the receiver page (two origins, so two renderers) in a new Chromium and
 * links them; `addCleanup` gets what closes the browser.
 */
export async function openPages(
  port: number,
  addCleanup: (fn: () => Promise<unknown>) => void,
): Promise<BenchPages> {
  // The marker is unknown to Chromium; it names this browser's process tree in /proc.
  const browser = await launchChromium([...WEBRTC_ARGS, `--spotlight-bench=${process.pid}`]);
  addCleanup(() => browser.close());
  const rootPid = await findBrowserPid(`--spotlight-bench=${process.pid}`);
  const senderOrigin = `http://127.0.0.1:${port}`;
  const receiverOrigin = `http://localhost:${port}`;

  const open = async (origin: string) => {
    const context = await browser.newContext();
    await context.grantPermissions(['camera', 'microphone'], { origin });
    return context.newPage();
  };
  const sender = await open(senderOrigin);
  await sender.goto(`${senderOrigin}/index.html`);
  const before = new Set((await renderers(rootPid)).map((p) => p.pid));
  const receiver = await open(receiverOrigin);
  const probe = await HeapProbe.attach(receiver);
  await receiver.goto(`${receiverOrigin}/index.html`);
  // The new tab's initial about:blank renderer may linger a moment after the cross-site
  // navigation; wait until exactly one new renderer remains: the receiver's.
  let after: ProcInfo[] = [];
  for (let i = 0; i < 50; i++) {
    after = (await renderers(rootPid)).filter((p) => !before.has(p.pid));
    if (after.length === 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (after.length !== 1) {
    throw new Error(`Expected one new renderer, found: ${after.map((p) => p.cmd).join('\n')}`);
  }
  const senderRenderers = (await renderers(rootPid)).filter((p) => p.pid !== after[0]!.pid);

  await linkPages(sender, receiver);
  return {
    browser,
    sender,
    receiver,
    receiverOrigin,
    receiverPid: after[0]!.pid,
    senderPid: senderRenderers[0]?.pid ?? 0,
    probe,
    rootPid,
  };
}

export interface RunFigures {
  seconds: number;
  mibps: number;
  cpuSeconds: number;
}

export async function measureCpu<T>(
  rootPid: number,
  fn: () => Promise<T>,
): Promise<{ result: T } & RunFigures & { bytes: number }> {
  const cpu0 = cpuSeconds(await chromiumTree(rootPid));
  const t0 = performance.now();
  const result = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(await chromiumTree(rootPid));
  return { result, seconds, mibps: 0, cpuSeconds: cpu1 - cpu0, bytes: 0 };
}

export async function bareRun(pages: BenchPages, bytes: number): Promise<RunFigures> {
  const { sender, receiver } = pages;
  await Promise.all([
    sender.evaluate(() => window.bench.initBare('sender')),
    receiver.evaluate(() => window.bench.initBare('receiver')),
  ]);
  const run = await measureCpu(pages.rootPid, async () => {
    const received = receiver.evaluate((n) => window.bench.bareReceive(n), bytes);
    await sender.evaluate((n) => window.bench.bareSend(n), bytes);
    return received;
  });
  await Promise.all([
    sender.evaluate(() => window.bench.closeBare()),
    receiver.evaluate(() => window.bench.closeBare()),
  ]);
  return { seconds: run.seconds, mibps: bytes / MiB / run.seconds, cpuSeconds: run.cpuSeconds };
}

export async function initEngine(pages: BenchPages) {
  await Promise.all([
    pages.sender.evaluate(() => window.bench.initEngine('sender')),
    pages.receiver.evaluate(() => window.bench.initEngine('receiver')),
  ]);
}

export async function waitProgress(page: Page, atLeast: number) {
  for (;;) {
    const p = await page.evaluate(() => window.bench.progress());
    if (p && p.bytesMoved >= atLeast) return;
    if (p && ['completed', 'failed', 'cancelled'].includes(p.phase)) {
      throw new Error(`Transfer ended (${p.phase}) before the cut point`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
