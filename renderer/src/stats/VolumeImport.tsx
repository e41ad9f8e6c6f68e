import { Alert, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { carrierLabel } from '../../../shared/stats/labels';
import type {
  RejectedVolumeRow,
  VolumePreview,
  VolumeProblem,
  VolumeRow,
} from '../../../shared/stats/volumes';
import type { RpcCallError } from '../rpc/client';
import { useRpcMutation } from '../rpc/queries';

interface Upload {
  fileName: string;
  contentBase64: string;
}

async function readUpload(file: File): Promise<Upload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { fileName: file.name, contentBase64: btoa(binary) };
}

/**
 * A volume import in two steps: the file is checked row by row (nothing written), the user sees
 * every rejected row with its reasons and then imports (only the valid rows, when some were
 * rejected) or cancels, and nothing is imported.
 */
export function VolumeImport() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const preview = useRpcMutation('volumes.preview');
  const commit = useRpcMutation('volumes.commit');
  const result: VolumePreview | undefined = preview.data;
  const problem = (p: VolumeProblem) => t(p.key, p.params);
  const error = (preview.error ?? commit.error) as RpcCallError | null;

  const close = () => {
    setOpen(false);
    setUpload(null);
    preview.reset();
    commit.reset();
  };
  const choose = async (file: File) => {
    const next = await readUpload(file);
    setUpload(next);
    setImported(null);
    commit.reset();
    preview.mutate(next);
  };
  const accept = async () => {
    if (!upload || !result) return;
    const done = await commit.mutateAsync({ ...upload, acceptValid: result.rejected.length > 0 });
    setImported(done.imported);
    close();
  };
  const importable = result && !result.fileProblem && result.valid.length > 0;

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('statsVolumes.open')}</Button>
      {imported !== null && (
        <Alert
          type="success"
          closable
          onClose={() => setImported(null)}
          title={t('statsVolumes.imported', { count: imported })}
        />
      )}
      <Modal
        open={open}
        title={t('statsVolumes.title')}
        width={860}
        onCancel={close}
        footer={
          <Flex justify="end" gap={8}>
            <Button onClick={close}>{t('statsVolumes.cancel')}</Button>
            <Button type="primary" disabled={!importable} loading={commit.isPending} onClick={accept}>
              {result && result.rejected.length > 0
                ? t('statsVolumes.importValid', { count: result.valid.length })
                : t('statsVolumes.importAll', { count: result?.valid.length ?? 0 })}
            </Button>
          </Flex>
        }
      >
        <Flex vertical gap={12} data-testid="volume-import">
          <Typography.Text type="secondary">{t('statsVolumes.hint')}</Typography.Text>
          <Upload
            accept=".csv,.xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void choose(file);
              return false;
            }}
          >
            <Button loading={preview.isPending}>{t('statsVolumes.choose')}</Button>
          </Upload>
          {error && <Alert type="error" title={error.error.message || t(error.error.key)} />}
          {result?.fileProblem && <Alert type="error" title={problem(result.fileProblem)} />}
          {result && upload && !result.fileProblem && (
            <>
              <Alert
                type={result.rejected.length > 0 ? 'warning' : 'success'}
                title={t('statsVolumes.summary', {
                  file: upload.fileName,
                  valid: result.valid.length,
                  rejected: result.rejected.length,
                })}
              />
              {result.rejected.length > 0 && (
                <Table<RejectedVolumeRow>
                  size="small"
                  data-testid="volume-rejected"
                  title={() => t('statsVolumes.rejectedTitle')}
                  rowKey="line"
                  pagination={false}
                  dataSource={result.rejected}
                  columns={[
                    { title: t('statsVolumes.col.line'), dataIndex: 'line', width: 70 },
                    {
                      title: t('statsVolumes.col.values'),
                      render: (_, r) => r.values.join(' | '),
                    },
                    {
                      title: t('statsVolumes.col.reasons'),
                      render: (_, r) => r.problems.map(problem).join('；'),
                    },
                  ]}
                />
              )}
              <Table<VolumeRow>
                size="small"
                data-testid="volume-valid"
                title={() => t('statsVolumes.validTitle')}
                rowKey="line"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={result.valid}
                columns={[
                  { title: t('statsVolumes.col.line'), dataIndex: 'line', width: 70 },
                  {
                    title: t('statsVolumes.col.carrier'),
                    dataIndex: 'carrierId',
                    render: (v: string) => carrierLabel(v),
                  },
                  { title: t('statsVolumes.col.period'), dataIndex: 'period' },
                  {
                    title: t('statsVolumes.col.pieces'),
                    dataIndex: 'pieces',
                    align: 'right',
                    render: (v: number) => v.toLocaleString('zh-CN'),
                  },
                ]}
              />
            </>
          )}
        </Flex>
      </Modal>
    </>
  );
}
