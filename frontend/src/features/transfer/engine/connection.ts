import { DC_CHANNEL_ID, DC_LABEL } from '@spotlight/contracts';
import { fromDataChannel, type TransferChannel } from './channel';
import { Observable } from './observable';
import type { SignalingChannel, SignalMessage } from './signaling';
import type { ConnectionPath } from './telemetry';

export type ConnectionPhase =
  | 'idle'
  | 'connecting'
  | 'connected'
  /** Was connected; ICE is restarting or a new peer connection is being negotiated. */
  | 'reconnecting'
  | 'closed';

export interface ConnectionState {
  phase: ConnectionPhase;
  /** `direct` (host or server-reflexive candidates) or `relay` (through TURN). */
  path: ConnectionPath;
  /** No connection within the timeout: the UI should offer the link fallback. */
  fallbackSuggested: boolean;
  /** ICE restarts and peer-connection replacements so far. */
  restarts: number;
}

export interface ConnectionOptions {
  signaling: SignalingChannel;
  /** Exactly one of the two peers is polite (e.g. the one with the lower user id). */
  polite: boolean;
  /** Called for each new peer connection, so expiring TURN credentials stay fresh. */
  iceServers: () => Promise<RTCIceServer[]>;
  /** Suggest the link fallback when not connected after this long. */
  connectTimeoutMs?: number;
  /** `disconnected` often heals by itself; restart ICE if it lasts longer than this. */
  disconnectGraceMs?: number;
  /** Re-send an unanswered offer this often (the partner may not have been listening yet). */
  offerRetryMs?: number;
  /**
   * The polite peer leaves a new peer connection's first offer to the impolite one, and makes
   * it itself only when no offer came within this long.
   */
  politeOfferDelayMs?: number;
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
}

/** A queued signal that takes longer than this is given up, so the ones behind it run. */
const SIGNAL_STEP_TIMEOUT_MS = 15_000;

const withTimeout = (work: Promise<void>, ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });

const sessionIdOf = (sdp: string) => /^o=\S+ (\d+) /m.exec(sdp)?.[1] ?? null;

/**
 * One RTCPeerConnection with the partner, kept alive: "perfect negotiation" (either side may
 * start or restart), `restartIce()` when ICE drops, and a new peer connection when the data
 * channel dies (the partner reloaded). Each time the transfer channel opens it is handed to
 * `onChannel`, which a TransferSession attaches.
 */
export class PeerConnectionManager {
  readonly state = new Observable<ConnectionState>({
    phase: 'idle',
    path: 'unknown',
    fallbackSuggested: false,
    restarts: 0,
  });
  private pc: RTCPeerConnection | null = null;
  private makingOffer = false;
  private ignoreOffer = false;
  private remoteSession: string | null = null;
  private readonly deadSessions = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private offSignaling: (() => void) | null = null;
  private connectTimer: ReturnType<typeof setTimeout> | null = null;
  private graceTimer: ReturnType<typeof setTimeout> | null = null;
  private offerTimer: ReturnType<typeof setTimeout> | null = null;
  private channelListeners = new Set<(channel: TransferChannel) => void>();
  /**
   * Settles when the current peer connection is replaced. An operation still queued on a
   * closed RTCPeerConnection never settles (the spec aborts it), and the signals behind it in
   * the queue would wait forever (seen after a phone slept 30 s mid-transfer): every await on
   * the peer connection races this.
   */
  private abandon: () => void = () => undefined;
  private abandoned: Promise<void> = new Promise((resolve) => (this.abandon = resolve));
  private closed = false;
  private everConnected = false;

  constructor(private readonly options: ConnectionOptions) {}

  /** Each transfer channel that opens (the first, and one after every reconnect). */
  onChannel(listener: (channel: TransferChannel) => void): () => void {
    this.channelListeners.add(listener);
    return () => this.channelListeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.pc || this.closed) return;
    this.offSignaling = this.options.signaling.onMessage((message) => {
      this.queue = this.queue
        .then(() => withTimeout(this.handleSignal(message), SIGNAL_STEP_TIMEOUT_MS))
        .catch(() => undefined);
    });
    await this.replacePeerConnection();
  }

  /** Drops the current peer connection and negotiates a new one (also a "retry" button). */
  async reconnect(): Promise<void> {
    if (this.closed) return;
    await this.replacePeerConnection();
  }

  close(): void {
    this.closed = true;
    this.offSignaling?.();
    this.clearTimers();
    this.pc?.close();
    this.pc = null;
    this.patch({ phase: 'closed' });
  }

  private patch(next: Partial<ConnectionState>): void {
    this.state.set({ ...this.state.getSnapshot(), ...next });
  }

  private clearTimers(): void {
    if (this.connectTimer) clearTimeout(this.connectTimer);
    if (this.graceTimer) clearTimeout(this.graceTimer);
    if (this.offerTimer) clearTimeout(this.offerTimer);
    this.connectTimer = this.graceTimer = this.offerTimer = null;
  }

  /**
   * Signaling is not stored: an offer sent before the partner listened is lost, and perfect
   * negotiation never re-sends. While our offer stays unanswered, send it again (with the
   * candidates gathered since, which the SDP now carries).
   */
  private retryOffer(pc: RTCPeerConnection): void {
    if (this.offerTimer) clearTimeout(this.offerTimer);
    this.offerTimer = setTimeout(() => {
      this.offerTimer = null;
      const local = pc.localDescription;
      if (this.pc !== pc || pc.signalingState !== 'have-local-offer' || !local) return;
      this.options.signaling.send({
        kind: 'description',
        description: { type: 'offer', sdp: local.sdp },
      });
      this.retryOffer(pc);
    }, this.options.offerRetryMs ?? 3_000);
  }

  /** `restart: false` for a peer connection that never connected: it counts as no restart. */
  private async replacePeerConnection({ restart = true } = {}): Promise<void> {
    const old = this.pc;
    if (old) {
      if (this.remoteSession) this.deadSessions.add(this.remoteSession);
      this.pc = null;
      old.close();
      this.abandon();
      this.abandoned = new Promise((resolve) => (this.abandon = resolve));
      if (restart) this.patch({ restarts: this.state.getSnapshot().restarts + 1 });
    }
    this.remoteSession = null;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.clearTimers();
    this.patch({ phase: this.everConnected ? 'reconnecting' : 'connecting', path: 'unknown' });
    this.connectTimer = setTimeout(
      () => this.patch({ fallbackSuggested: true }),
      this.options.connectTimeoutMs ?? 20_000,
    );
    const iceServers = await this.options.iceServers().catch(() => []);
    if (this.closed) return;
    const create = this.options.createPeerConnection ?? ((c) => new RTCPeerConnection(c));
    const pc = create({ iceServers });
    this.pc = pc;
    this.wire(pc);
    // Both peers create the same pre-negotiated channel, so either one may offer.
    const dc = pc.createDataChannel(DC_LABEL, {
      negotiated: true,
      id: DC_CHANNEL_ID,
      ordered: true,
    });
    dc.binaryType = 'arraybuffer';
    dc.addEventListener('open', () => {
      if (this.pc !== pc) return;
      const channel = fromDataChannel(dc, pc);
      this.channelListeners.forEach((listener) => listener(channel));
    });
    dc.addEventListener('close', () => {
      // The SCTP association is gone (the partner closed or reloaded): start over.
      if (this.pc === pc && !this.closed) void this.replacePeerConnection();
    });
  }

  private wire(pc: RTCPeerConnection): void {
    const send = (message: SignalMessage) => {
      if (this.pc === pc) this.options.signaling.send(message);
    };
    const offer = async () => {
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        const local = pc.localDescription;
        if (local && (local.type === 'offer' || local.type === 'answer')) {
          send({ kind: 'description', description: { type: local.type, sdp: local.sdp } });
          if (local.type === 'offer') this.retryOffer(pc);
        }
      } catch {
        // Superseded by the partner's offer; perfect negotiation sorts it out.
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onnegotiationneeded = () => {
      // Both peers open the pre-negotiated channel at once, so both would offer, and the polite
      // one would roll its offer back. Chromium then sometimes gathers no candidates at all
      // for the answer (seen 1 run in 8 with TURN only: no connection ever). So the polite
      // peer waits for the other's first offer, and offers only when none came.
      if (this.options.polite && !pc.remoteDescription) {
        setTimeout(() => {
          if (this.pc === pc && !pc.remoteDescription && pc.signalingState === 'stable') {
            void offer();
          }
        }, this.options.politeOfferDelayMs ?? 4_000);
        return;
      }
      void offer();
    };
    pc.onicecandidate = ({ candidate }) =>
      send({ kind: 'candidate', candidate: candidate?.toJSON() ?? null });
    pc.oniceconnectionstatechange = () => {
      if (this.pc !== pc) return;
      const ice = pc.iceConnectionState;
      if (ice === 'failed') {
        this.patch({ phase: 'reconnecting', restarts: this.state.getSnapshot().restarts + 1 });
        pc.restartIce();
      } else if (ice === 'disconnected') {
        if (this.graceTimer) clearTimeout(this.graceTimer);
        this.graceTimer = setTimeout(() => {
          if (this.pc !== pc || pc.iceConnectionState !== 'disconnected') return;
          this.patch({ phase: 'reconnecting', restarts: this.state.getSnapshot().restarts + 1 });
          pc.restartIce();
        }, this.options.disconnectGraceMs ?? 3_000);
      }
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return;
      if (pc.connectionState === 'connected') {
        this.everConnected = true;
        this.clearTimers();
        this.patch({ phase: 'connected', fallbackSuggested: false });
        void this.readPath(pc);
      } else if (pc.connectionState === 'disconnected' || pc.connectionState === 'failed') {
        this.patch({ phase: 'reconnecting' });
        this.connectTimer ??= setTimeout(
          () => this.patch({ fallbackSuggested: true }),
          this.options.connectTimeoutMs ?? 20_000,
        );
      }
    };
  }

  private async handleSignal(message: SignalMessage): Promise<void> {
    if (this.closed) return;
    if (message.kind === 'candidate') {
      const pc = this.pc;
      if (!pc) return;
      try {
        await Promise.race([pc.addIceCandidate(message.candidate ?? undefined), this.abandoned]);
      } catch {
        // A candidate for an offer we ignored, or for a peer connection since replaced.
      }
      return;
    }
    const { description } = message;
    const session = sessionIdOf(description.sdp);
    if (session && this.deadSessions.has(session)) return;
    if (
      description.type === 'offer' &&
      session &&
      this.remoteSession &&
      session !== this.remoteSession
    ) {
      // The partner started a new peer connection (reload, or its own reconnect): follow it.
      await this.replacePeerConnection();
    }
    let pc = this.pc;
    if (!pc) return;
    const collision =
      description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
    this.ignoreOffer = !this.options.polite && collision;
    if (this.ignoreOffer) return;
    if (collision && !pc.remoteDescription) {
      // Polite, with a first offer of our own out: rather than roll it back (after which
      // Chromium may gather no candidates), answer on a fresh peer connection.
      await this.replacePeerConnection({ restart: false });
      pc = this.pc;
      if (!pc) return;
    }
    const abandoned = this.abandoned;
    try {
      await Promise.race([pc.setRemoteDescription(description), abandoned]);
    } catch {
      return; // e.g. an answer to an offer this side already rolled back
    }
    if (this.pc !== pc) return;
    this.remoteSession = session;
    if (description.type === 'offer') {
      await Promise.race([pc.setLocalDescription(), abandoned]);
      const local = pc.localDescription;
      if (local && this.pc === pc) {
        this.options.signaling.send({
          kind: 'description',
          description: { type: 'answer', sdp: local.sdp },
        });
      }
    }
  }

  /** Direct or relayed? From the selected candidate pair's candidate types. */
  private async readPath(pc: RTCPeerConnection): Promise<void> {
    try {
      interface StatsEntry {
        id: string;
        type: string;
        selectedCandidatePairId?: string;
        localCandidateId?: string;
        remoteCandidateId?: string;
        candidateType?: string;
      }
      const byId = new Map<string, StatsEntry>();
      (await pc.getStats()).forEach((report: StatsEntry) => byId.set(report.id, report));
      const transport = [...byId.values()].find(
        (r) => r.type === 'transport' && r.selectedCandidatePairId,
      );
      const pair = transport ? byId.get(transport.selectedCandidatePairId!) : undefined;
      const typeOf = (id?: string) => (id ? byId.get(id)?.candidateType : undefined);
      const types = [typeOf(pair?.localCandidateId), typeOf(pair?.remoteCandidateId)];
      if (types.every((t) => t === undefined)) return;
      if (this.pc === pc) this.patch({ path: types.includes('relay') ? 'relay' : 'direct' });
    } catch {
      // Stats are a nicety; the path stays unknown.
    }
  }
}
