/**
 * bench/transfer: a generated file (1 GiB by default) between two headless Chromium pages through
 * the real engine (OPFS worker receiver, real hashing), against a bare data-channel sender
 * measured in the same run; then the resume checks (connection cut and receiver reload at ~40%).
 *
 *   npm run bench:transfer                      # 1 GiB, baseline, resume checks
 *   npm run bench:transfer -- --size 256        # MiB
 *   npm run bench:transfer -- --smoke           # 32 MiB everywhere, quick
 *   options: --resume-size MiB (64) · --no-bare · --no-resume · --timeout-min N (25)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBenchPage, serve } from './harness';
import {
  bareRun,
  initEngine,
  measureCpu,
  MiB,
  openPages,
  waitProgress,
  type RunFigures,
} from './pages';
import { generateFile, procInfo, sampleMemory } from './probes';

// ---- options -----------------------------------------------------------------------------

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const smoke = flag('smoke');
const sizeMiB = option('size', smoke ? 32 : 1024);
const resumeMiB = option('resume-size', smoke ? 32 : 64);
const withBare = !flag('no-bare');
const withResume = !flag('no-resume');
const timeoutMin = option('timeout-min', 25);

/** Must match DEFAULT_BLOCK_SIZE and DEFAULT_SEND_WINDOW.maxUnacked of the engine. */
const BLOCK = 4 * MiB;
const MAX_UNACKED = 12 * MiB;

// ---- helpers -----------------------------------------------------------------------------

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanup() {
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
}
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${timeoutMin} minutes`);
  void cleanup().finally(() => process.exit(2));
}, timeoutMin * 60_000);

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mib = (bytes: number) => fmt(bytes / MiB);

// ---- the run -----------------------------------------------------------------------------
async function main() {
  const work = await mkdtemp(join(tmpdir(), 'spotlight-bench-'));
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  const dist = join(work, 'dist');
  console.log(`bench/transfer: building the bench page…`);
  await buildBenchPage(dist);
  const server = await serve(dist);
  cleanups.push(() => server.close());

  const bytes = sizeMiB * MiB;
  const filePath = join(work, `heat-${sizeMiB}MiB.mp4`);
  console.log(`bench/transfer: generating ${sizeMiB} MiB of random data…`);
  const sha256 = await generateFile(filePath, bytes);

  const pages = await openPages(server.port, (fn) => cleanups.push(fn));
  const storeKind = await pages.receiver.evaluate(() => window.bench.storeKind());
  console.log(`bench/transfer: Chromium ${pages.browser.version()}, receiver store: ${storeKind}`);
  if (storeKind !== 'opfs') throw new Error('The receiver has no OPFS: the bench must measure it');

  const bareRuns: RunFigures[] = [];
  if (withBare) {
    console.log('bench/transfer: bare data channel…');
    bareRuns.push(await bareRun(pages, bytes));
  }

  console.log('bench/transfer: engine…');
  await initEngine(pages);
  await pages.sender.locator('#file').setInputFiles(filePath);
  const rssOf = async () => (await procInfo(pages.receiverPid))?.rssBytes ?? 0;
  await pages.probe.gc();
  await new Promise((r) => setTimeout(r, 500));
  const heapBase = await pages.probe.sample();
  const rssBase = await rssOf();
  const stopSampling = sampleMemory(pages.probe, rssOf);
  const engine = await measureCpu(pages.rootPid, async () => {
    await pages.sender.evaluate(() => window.bench.sendChosenFile());
    return pages.sender.evaluate(() => window.bench.finished());
  });
  const memory = await stopSampling();
  await pages.probe.gc();
  await new Promise((r) => setTimeout(r, 500));
  const heapAfterGc = await pages.probe.sample();
  const rssAfter = await rssOf();
  const receiverSnap = await pages.receiver.evaluate(() => window.bench.finished());
  const path = await pages.sender.evaluate(() => window.bench.connectionPath());
  const received = await pages.receiver.evaluate(() => window.bench.receivedSha256());
  const engineMiBps = bytes / MiB / engine.seconds;

  // A second baseline after the engine run, so drift over the run shows.
  if (withBare) {
    console.log('bench/transfer: bare data channel again…');
    bareRuns.push(await bareRun(pages, bytes));
  }

  const checks: { name: string; ok: boolean; detail: string }[] = [];
  checks.push({
    name: 'engine transfer completed',
    ok: engine.result.phase === 'completed' && receiverSnap.phase === 'completed',
    detail: `sender ${engine.result.phase}, receiver ${receiverSnap.phase}`,
  });
  checks.push({
    name: 'received file SHA-256 = sent file SHA-256',
    ok: received.sha256 === sha256 && received.size === bytes,
    detail: `${received.sha256.slice(0, 16)}… vs ${sha256.slice(0, 16)}…, ${received.size} bytes`,
  });
  checks.push({
    name: "engine's whole-file hash = sent file SHA-256",
    ok: receiverSnap.files[0]?.sha256 === sha256,
    detail: `${receiverSnap.files[0]?.sha256?.slice(0, 16)}…`,
  });

  const resumeFigures: string[] = [];
  if (withResume) {
    for (const mode of ['cut', 'reload'] as const) {
      console.log(`bench/transfer: resume after a ${mode} at ~40%…`);
      const rBytes = resumeMiB * MiB;
      const rPath = join(work, `resume-${mode}.mp4`);
      const rSha = await generateFile(rPath, rBytes);
      await pages.sender.locator('#file').setInputFiles(rPath);
      const t0 = performance.now();
      await pages.sender.evaluate(() => window.bench.sendChosenFile());
      await waitProgress(pages.sender, rBytes * 0.4);
      if (mode === 'cut') {
        await pages.sender.evaluate(() => window.bench.cut());
      } else {
        await pages.receiver.reload();
        const { restored } = await pages.receiver.evaluate(() =>
          window.bench.initEngine('receiver'),
        );
        if (!restored) throw new Error('The reloaded receiver did not restore its manifest');
      }
      const s = await pages.sender.evaluate(() => window.bench.finished());
      const r = await pages.receiver.evaluate(() => window.bench.finished());
      const got = await pages.receiver.evaluate(() => window.bench.receivedSha256());
      const bound = BLOCK + MAX_UNACKED;
      checks.push({
        name: `${mode} at 40%: completes SHA-256 identical`,
        ok: s.phase === 'completed' && r.phase === 'completed' && got.sha256 === rSha,
        detail: `${s.phase}/${r.phase}, resumes ${s.resumes}`,
      });
      checks.push({
        name: `${mode} at 40%: re-sent ≤ one block + in-flight cap (${mib(bound)} MiB)`,
        ok: s.bytesResent <= bound && s.resumes >= 1,
        detail: `${mib(s.bytesResent)} MiB re-sent`,
      });
      resumeFigures.push(
        `${mode.padEnd(6)} ${resumeMiB} MiB: ${fmt((performance.now() - t0) / 1000)} s, ` +
          `re-sent ${mib(s.bytesResent)} MiB (bound ${mib(bound)}), resumes ${s.resumes}`,
      );
    }
  }

  // ---- report ------------------------------------------------------------------------------
  const bareMean = bareRuns.length
    ? bareRuns.reduce((s, r) => s + r.mibps, 0) / bareRuns.length
    : null;
  const ratio = bareMean ? engineMiBps / bareMean : null;
  const heapGrowth = memory.heapPeak - heapBase;
  const rssGrowth = memory.rssPeak - rssBase;
  const lines = [
    '',
    `=== bench/transfer: ${sizeMiB} MiB, Chromium ${pages.browser.version()}, ${path} path, 2 pages on one machine`,
    ...bareRuns.map(
      (r, i) =>
        `bare #${i + 1}    ${fmt(r.mibps).padStart(6)} MiB/s  ${fmt(r.seconds).padStart(6)} s   CPU ${fmt(r.cpuSeconds)} s (${fmt((100 * r.cpuSeconds) / r.seconds, 0)}% of one core)`,
    ),
    `engine     ${fmt(engineMiBps).padStart(6)} MiB/s  ${fmt(engine.seconds).padStart(6)} s   CPU ${fmt(engine.cpuSeconds)} s (${fmt((100 * engine.cpuSeconds) / engine.seconds, 0)}% of one core)`,
    ratio === null
      ? 'ratio      (no baseline)'
      : `ratio      ${fmt(ratio, 2)} of bare (mean of ${bareRuns.length})   target ≥ 0.85: ${ratio >= 0.85 ? 'met' : 'MISSED'}`,
    `receiver heap+ArrayBuffers (page + ${pages.probe.workers} worker): base ${mib(heapBase)} MiB, peak ${mib(memory.heapPeak)} MiB, growth ${mib(heapGrowth)} MiB   target < 64: ${heapGrowth < 64 * MiB ? 'met' : 'MISSED'}`,
    `receiver heap+ArrayBuffers after the transfer and a full GC: ${mib(heapAfterGc)} MiB (base ${mib(heapBase)})`,
    `receiver renderer RSS: base ${mib(rssBase)} MiB, peak ${mib(memory.rssPeak)} MiB, growth ${mib(rssGrowth)} MiB, after ${mib(rssAfter)} MiB`,
    ...resumeFigures,
    ...checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name} — ${c.detail}`),
  ];
  console.log(lines.join('\n'));
  console.log(
    'JSON ' +
      JSON.stringify({
        sizeMiB,
        bare: bareRuns,
        engine: { mibps: engineMiBps, seconds: engine.seconds, cpuSeconds: engine.cpuSeconds },
        ratio,
        heap: { base: heapBase, peak: memory.heapPeak, growth: heapGrowth, afterGc: heapAfterGc },
        rss: { base: rssBase, peak: memory.rssPeak, growth: rssGrowth },
        checks,
      }),
  );
  return checks.every((c) => c.ok);
}

main()
  .then(async (ok) => {
    clearTimeout(watchdog);
    await cleanup();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    clearTimeout(watchdog);
    await cleanup();
    process.exit(1);
  });
