import { useEffect, useState } from 'react';

const MINUTE_MS = 60_000;

/**
 * The current time, re-read at the start of every minute while `live` is true, so countdowns
 * change together with the clock on the wall (times are shown to the minute).
 */
export function useNow(live: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const current = Date.now();
      setNow(current);
      timer = setTimeout(schedule, MINUTE_MS - (current % MINUTE_MS) + 50);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [live]);
  return now;
}
