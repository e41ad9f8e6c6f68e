import type { SyncDb } from './db';

/**
 * Wakes long-poll pulls. NOTIFY is only a hint (lost across restarts, never replayed), so every
 * waiter also re-reads the counter on a timer and never trusts a notification alone.
 */
export class SpaceNotifier {
  private readonly waiters = new Set<() => void>();
  private stop: (() => Promise<void>) | null = null;

  constructor(private readonly pollMs = 1000) {}

  async start(db: SyncDb): Promise<void> {
    this.stop = await db.listen('sync_space', () => this.wakeAll());
  }

  /** Resolves when `ready()` is true, or after `waitMs`. */
  async waitFor(ready: () => Promise<boolean>, waitMs: number, signal?: AbortSignal): Promise<void> {
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline && !signal?.aborted) {
      if (await ready()) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(this.pollMs, Math.max(0, deadline - Date.now())));
        this.waiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }

  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  async close(): Promise<void> {
    this.wakeAll();
    await this.stop?.();
  }
}
