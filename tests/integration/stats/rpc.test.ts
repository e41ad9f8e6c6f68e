import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadChunk, JobProgress } from '../../../shared/stats/dto';
import type { Notice } from '../../../shared/stats/notice';
import type { VolumePreview } from '../../../shared/stats/volumes';
import { startTestApp, value } from '../../support/app';
import { tempDir } from '../../support/temp';
import { buildFixtureStore } from './fixture';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

describe('statistics over RPC: the job worker, exports as jobs, downloads, volume import in two steps', () => {
  const dir = tempDir('desk-stats-rpc-');
  let app: TestApp;

  beforeAll(async () => {
    buildFixtureStore(dir.path, false).db.close();
    app = await startTestApp(dir.path);
  });
  afterAll(async () => {
    await app.close();
    dir.cleanup();
  });

  async function finished(jobId: string): Promise<JobProgress> {
    for (;;) {
      const p = value<JobProgress>(await app.call('jobs.progress', { jobId }));
      if (p.state !== 'running') return p;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function download(jobId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const parts: Buffer[] = [];
    let offset: number | null = 0;
    let fileName = '';
    while (offset !== null) {
      const chunk: DownloadChunk = value<DownloadChunk>(await app.call('jobs.download', { jobId, offset }));
      parts.push(Buffer.from(chunk.base64, 'base64'));
      fileName = chunk.fileName;
      offset = chunk.nextOffset;
    }
    return { fileName, bytes: Buffer.concat(parts) };
  }

  it('the notice, computed in the job worker', async () => {
    const n = value<Notice>(await app.call('stats.notice', { period: '2026-10' }));
    expect(n.overall.total.value).toBe(20);
    expect(n.overall.appealRate).toBeNull(); // no volumes imported yet
    const bad = await app.call('stats.notice', { period: '2026-13' });
    expect(bad.ok).toBe(false);
  });

  it('volumes: a preview writes nothing; commit refuses rejected rows unless accepted', async () => {
    const csv =
      'carrier,period,pieces\nsf,2026-10,4000000\nzto,2026-10,3000000\nchina_post,2026-10,1000000\n,2026-10,5\n';
    const file = { fileName: 'v.csv', contentBase64: Buffer.from(csv).toString('base64') };
    const preview = value<VolumePreview>(await app.call('volumes.preview', file));
    expect(preview.valid).toHaveLength(3);
    expect(preview.rejected.map((r) => r.line)).toEqual([5]);
    expect(
      value<Notice>(await app.call('stats.notice', { period: '2026-10' })).overall.appealRate,
    ).toBeNull();

    const refused = await app.call('volumes.commit', file);
    expect(refused.ok).toBe(false);
    expect(
      value<Notice>(await app.call('stats.notice', { period: '2026-10' })).overall.appealRate,
    ).toBeNull();

    expect(value(await app.call('volumes.commit', { ...file, acceptValid: true }))).toEqual({ imported: 3 });
    expect(value<Notice>(await app.call('stats.notice', { period: '2026-10' })).overall.appealRate).toBe(2.5);
  });

  it('a queue view exported as CSV through a job, then downloaded in chunks', async () => {
    const { jobId } = value<{ jobId: string }>(
      await app.call('jobs.exportCases', {
        source: { kind: 'view', view: 'all' },
        format: 'csv',
        columns: ['caseNo', 'carrier', 'appellantName'],
      }),
    );
    const done = await finished(jobId);
    expect(done).toMatchObject({ state: 'done', total: 47 });
    const { fileName, bytes } = await download(jobId);
    expect(fileName).toBe('申诉案件-all.csv');
    const lines = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('申诉编号,企业,申诉人');
    expect(lines).toHaveLength(48);
    expect(lines.some((l) => l.endsWith(',张**'))).toBe(true);
  });

  it('the notice exported as XLSX through a job', async () => {
    const { jobId } = value<{ jobId: string }>(
      await app.call('jobs.exportNotice', { period: '2026-10', format: 'xlsx' }),
    );
    expect((await finished(jobId)).state).toBe('done');
    const { fileName, bytes } = await download(jobId);
    expect(fileName).toBe('邮政业用户申诉情况-2026-10.xlsx');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('the averaging setting: unweighted by default, changed by an editor, used by the notice', async () => {
    expect(value(await app.call('stats.averaging'))).toEqual({ averaging: 'unweighted' });
    expect(value(await app.call('stats.setAveraging', { averaging: 'volume_weighted' }))).toEqual({
      averaging: 'volume_weighted',
    });
    expect(value(await app.call('stats.averaging'))).toEqual({ averaging: 'volume_weighted' });
    expect(value<Notice>(await app.call('stats.notice', { period: '2026-10' })).averaging).toBe(
      'volume_weighted',
    );
    await app.call('stats.setAveraging', { averaging: 'unweighted' });
  });

  it('a period is locked once; its numbers then come from the snapshot', async () => {
    expect(value(await app.call('stats.lock', { period: '2026-10' }))).toEqual({ locked: true });
    expect((await app.call('stats.lock', { period: '2026-10' })).ok).toBe(false);
    expect(value<Notice>(await app.call('stats.notice', { period: '2026-10' })).locked).toBe(true);
    expect(value(await app.call('stats.differences', { period: '2026-10' }))).toEqual([]);
  });
});
