/**
 * Debian's Chromium, headless, with the flags that work on these machines (SPEC §2). Shared by
 * the e2e suites and bench/transfer, so it depends on nothing but playwright-core.
 */
import { chromium, type Browser } from 'playwright-core';

/**
 * For two WebRTC peers on one machine: loopback candidates allowed, plain IPs instead of mDNS
 * names, and no spare renderer (so each page's renderer process can be found and measured).
 */
export const WEBRTC_ARGS = [
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns,SpareRendererForSitePerProcess',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The headless flags that work here, for every launcher (playwright-core, chrome-launcher). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs` for WebRTC tests (WEBRTC_ARGS) or a marker that names the process tree. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
}
