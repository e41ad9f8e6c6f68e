import { useCallback, useEffect, useState } from 'react';
import type { DownloadChunk, JobProgress } from '../../../shared/stats/dto';
import { useRpc } from '../rpc/RpcProvider';

/** Saves bytes as a download in either host (the browser's download, Electron's will-download). */
export function saveAs(fileName: string, parts: BlobPart[]): void {
  const url = URL.createObjectURL(new Blob(parts));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Runs an export job: progress arrives as `jobs.progress` events, cancel asks main to stop it,
 * and a finished file is fetched in chunks and saved.
 */
export function useExportJob() {
  const rpc = useRpc();
  const [progress, setProgress] = useState<JobProgress | null>(null);

  useEffect(
    () =>
      rpc.on('jobs.progress', (p) => {
        setProgress((current) => (current && current.jobId === p.jobId ? p : current));
      }),
    [rpc],
  );

  const jobId = progress?.jobId;
  const state = progress?.state;

  // Events carry the progress; a short poll covers an event missed before the job id was known.
  useEffect(() => {
    if (!jobId || state !== 'running') return;
    const timer = setInterval(() => {
      void rpc
        .call('jobs.progress', { jobId })
        .then((p) => setProgress((c) => (c?.jobId === p.jobId ? p : c)));
    }, 500);
    return () => clearInterval(timer);
  }, [rpc, jobId, state]);
  useEffect(() => {
    if (!jobId || state !== 'done') return;
    let cancelled = false;
    void (async () => {
      const parts: BlobPart[] = [];
      let offset: number | null = 0;
      let fileName = 'export';
      while (offset !== null && !cancelled) {
        const chunk: DownloadChunk = await rpc.call('jobs.download', { jobId, offset });
        const bytes = Uint8Array.from(atob(chunk.base64), (c) => c.charCodeAt(0));
        parts.push(bytes);
        fileName = chunk.fileName;
        offset = chunk.nextOffset;
      }
      if (!cancelled) saveAs(fileName, parts);
    })();
    return () => {
      cancelled = true;
    };
  }, [rpc, jobId, state]);

  const start = useCallback((begin: () => Promise<{ jobId: string }>) => {
    void begin().then(({ jobId: id }) => setProgress({ jobId: id, state: 'running', done: 0, total: 0 }));
  }, []);
  const cancel = useCallback(() => {
    if (jobId) void rpc.call('jobs.cancel', { jobId });
  }, [rpc, jobId]);
  const dismiss = useCallback(() => setProgress(null), []);
  return { progress, start, cancel, dismiss };
}
