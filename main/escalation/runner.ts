import { EventEmitter } from 'node:events';
import type { EscalationRaised } from '../../shared/escalation/dto';
import type { StoreHost } from '../store/host';
import type { Raised } from './engine';

/** Push at most this many items per event; `count` still says how many there were. */
const MAX_ITEMS = 20;

/**
 * Runs the engine in main: one case at a time after a change to it, and a full pass on a timer
 * (clocks run out without any change). Changes the engine itself made are not fed back.
 * Emits `raised` for L2/L3 escalations so the shell can show a desktop notification.
 */
export class EscalationRunner extends EventEmitter<{ raised: [EscalationRaised]; error: [unknown] }> {
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: StoreHost,
    private readonly intervalMs = 5 * 60_000,
  ) {
    super();
  }

  start(): this {
    this.store.on('changed', (change) => {
      if (change.tables.includes('escalations') || !change.caseIds?.length) return;
      for (const caseId of change.caseIds)
        this.enqueue(() => this.store.call('escalation', 'evaluateCase', caseId));
    });
    this.timer = setInterval(
      () => this.enqueue(() => this.store.call('escalation', 'evaluateAll')),
      this.intervalMs,
    );
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Passes run one after another, so a timer pass and a change never race. */
  private enqueue(pass: () => Promise<{ raised: Raised[]; climbed: Raised[] }>): void {
    this.queue = this.queue
      .then(pass)
      .then(({ raised, climbed }) => {
        const high = [...raised, ...climbed].filter((r) => r.level >= 2);
        if (high.length > 0) this.emit('raised', { count: high.length, items: high.slice(0, MAX_ITEMS) });
      })
      .catch((error: unknown) => void this.emit('error', error));
  }
}
