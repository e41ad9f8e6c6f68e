import type { SyncEffects, SyncEngine, SyncStatus } from './engine';
import { SyncHttpError } from './transport';

export interface LoopEvents {
  status(status: SyncStatus): void;
  changed(effects: SyncEffects): void;
  /** 401: main must sign in again or refresh; the loop keeps retrying with backoff meanwhile. */
  authRequired(): void;
}

export const BACKOFF_MIN_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;

/** `min(60 s, 1 s·2ⁿ)` with ±30 % jitter, so a restarted server is not hit by every workstation at once. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** failures);
  return Math.round(base * (0.7 + 0.6 * random()));
}

/**
 * Drives the engine: sync, then long-poll, forever; after a failure, retry on a backoff timer.
 * `nudge()` (a local write, network up, resume) syncs at once and resets the backoff. Only one
 * round runs at a time; a nudge during a round makes another round follow it, so nothing waits
 * for the next local write.
 */
export class SyncLoop {
  private running = false;
  private inRound = false;
  private dirty = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private poll: AbortController | null = null;
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly engine: SyncEngine,
    private readonly events: LoopEvents,
    private readonly longPollMs = 25_000,
  ) {}

  start(): void {
    this.running = true;
    this.kick();
  }

  /** Resolves once the round in flight has finished: only then may the database be closed. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.poll?.abort();
    await this.current;
  }

  private kick(): void {
    if (!this.inRound) this.current = this.round();
  }

  nudge(): void {
    this.failures = 0;
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.poll?.abort();
    this.kick();
  }

  private async round(): Promise<void> {
    if (!this.running || this.inRound) return;
    this.inRound = true;
    this.dirty = false;
    try {
      this.emit(await this.engine.syncOnce());
      this.failures = 0;
      // Now, not after the long-poll: the status bar must not show pushed work as pending for 25 s.
      if (this.running) this.events.status(this.engine.status());
      if (!this.dirty && this.running) {
        this.poll = new AbortController();
        this.emit(await this.engine.waitForChanges(this.longPollMs, this.poll.signal));
      }
      this.schedule(0);
    } catch (error) {
      if (error instanceof SyncHttpError && error.status === 401) this.events.authRequired();
      const aborted = this.poll?.signal.aborted ?? false;
      this.schedule(aborted ? 0 : backoffMs(this.failures++));
    } finally {
      this.poll = null;
      this.inRound = false;
      if (this.running) this.events.status(this.engine.status());
    }
  }

  private emit(effects: SyncEffects): void {
    if (effects.caseIds.length > 0 || effects.conflictsAdded > 0) this.events.changed(effects);
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => this.kick(), ms);
  }
}
