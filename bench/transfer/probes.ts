/**
 * Memory and CPU probes for a receiving Chromium page, shared by bench/transfer and the e2e
 * transfer tests: JS heap + ArrayBuffer backing store over CDP (page and its dedicated
 * workers), and the resident memory and CPU time of Chromium's processes from /proc.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';

const MiB = 1024 * 1024;

export interface ProcInfo {
  pid: number;
  ppid: number;
  cmd: string;
  cpuTicks: number;
  rssBytes: number;
}

export async function procInfo(pid: number): Promise<ProcInfo | null> {
  try {
    const statText = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
    const cmd = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return {
      pid,
      ppid: Number(fields[1]),
      cmd,
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      rssBytes: rssKb * 1024,
    };
  } catch {
    return null;
  }
}

/** Every process under the browser's, with CPU time and RSS. */
export async function chromiumTree(rootPid: number): Promise<ProcInfo[]> {
  const all = (
    await Promise.all(
      (await readdir('/proc')).filter((d) => /^\d+$/.test(d)).map((d) => procInfo(Number(d))),
    )
  ).filter((p): p is ProcInfo => p !== null);
  const inTree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => inTree.has(p.pid));
}

/** Renderers of web pages (not Chromium's own WebUI). */
export const renderers = async (rootPid: number) =>
  (await chromiumTree(rootPid)).filter(
    (p) => p.cmd.includes('--type=renderer') && !p.cmd.includes('--top-chrome-webui'),
  );

const CLK_TCK = 100;
export const cpuSeconds = (tree: ProcInfo[]) => tree.reduce((s, p) => s + p.cpuTicks, 0) / CLK_TCK;

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

/** JS heap + ArrayBuffer backing store of a page, and of its dedicated workers. */
export class HeapProbe {
  private workerSessions = new Set<string>();
  private nextId = 1;
  private pending = new Map<number, (result: HeapUsage | null) => void>();

  constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<HeapProbe> {
    const cdp = await page.context().newCDPSession(page);
    const probe = new HeapProbe(cdp);
    cdp.on(
      'Target.attachedToTarget',
      (event: { sessionId: string; targetInfo: { type: string } }) => {
        if (event.targetInfo.type === 'worker') probe.workerSessions.add(event.sessionId);
      },
    );
    cdp.on('Target.detachedFromTarget', (event: { sessionId: string }) => {
      probe.workerSessions.delete(event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const reply = JSON.parse(event.message) as { id: number; result?: HeapUsage };
      probe.pending.get(reply.id)?.(reply.result ?? null);
      probe.pending.delete(reply.id);
    });
    await cdp
      .send('Target.setAutoAttach', {
        autoAttach: true,
        waitForDebuggerOnStart: false,
        flatten: false,
      })
      .catch(() => undefined);
    return probe;
  }

  get workers(): number {
    return this.workerSessions.size;
  }

  /** Full garbage collection in the page and its workers. */
  async gc(): Promise<void> {
    await this.cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    for (const sessionId of this.workerSessions) {
      const message = JSON.stringify({ id: this.nextId++, method: 'HeapProfiler.collectGarbage' });
      await this.cdp
        .send('Target.sendMessageToTarget', { sessionId, message })
        .catch(() => undefined);
    }
  }

  /** Bytes: page heap used + backing store, plus the same for each worker. */
  async sample(): Promise<number> {
    const { page, workers } = await this.sampleParts();
    return page + workers.reduce((a, b) => a + b, 0);
  }

  /** The same, per target: the page, and each dedicated worker. */
  async sampleParts(): Promise<{ page: number; workers: number[] }> {
    const usage = (await this.cdp.send('Runtime.getHeapUsage')) as HeapUsage;
    const page = usage.usedSize + (usage.backingStorageSize ?? 0);
    const workers: number[] = [];
    for (const sessionId of this.workerSessions) {
      const id = this.nextId++;
      const result = await Promise.race([
        new Promise<HeapUsage | null>((r) => {
          this.pending.set(id, r);
          void this.cdp
            .send('Target.sendMessageToTarget', {
              sessionId,
              message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
            })
            .catch(() => r(null));
        }),
        new Promise<null>((r) => setTimeout(() => r(null), 1000)),
      ]);
      if (result) workers.push(result.usedSize + (result.backingStorageSize ?? 0));
    }
    return { page, workers };
  }
}

/** Samples the receiver's memory every 250 ms while a transfer runs. */
export function sampleMemory(probe: HeapProbe, rssOf: () => Promise<number>) {
  let heapPeak = 0;
  let rssPeak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const [parts, rss] = await Promise.all([
        probe.sampleParts().catch(() => ({ page: 0, workers: [] })),
        rssOf(),
      ]);
      const heap = parts.page + parts.workers.reduce((a, b) => a + b, 0);
      heapPeak = Math.max(heapPeak, heap);
      rssPeak = Math.max(rssPeak, rss);
      if (process.env.BENCH_TRACE) {
        const part = (n: number) => (n / MiB).toFixed(1);
        console.log(
          `  heap ${part(heap)} MiB (page ${part(parts.page)}, workers ${parts.workers.map(part).join('/')})  rss ${part(rss)} MiB`,
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { heapPeak, rssPeak };
  };
}

/** The browser process launched with `marker` (a flag Chromium ignores) among its arguments. */
export async function findBrowserPid(marker: string): Promise<number> {
  const pids = (await readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(Number);
  for (const pid of pids) {
    const p = await procInfo(pid);
    if (p && p.cmd.includes(marker) && !p.cmd.includes('--type=')) return pid;
  }
  throw new Error('Cannot find the browser process');
}

/** Writes `bytes` of random data to `path`; returns its SHA-256 (hex). */
export async function generateFile(path: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let done = 0; done < bytes;) {
    const piece = randomBytes(Math.min(4 * MiB, bytes - done));
    hash.update(piece);
    if (!out.write(piece)) await new Promise<void>((r) => out.once('drain', () => r()));
    done += piece.byteLength;
  }
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
  return hash.digest('hex');
}

/** SHA-256 (hex) of a file on disk, streamed. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path)) hash.update(piece as Buffer);
  return hash.digest('hex');
}
