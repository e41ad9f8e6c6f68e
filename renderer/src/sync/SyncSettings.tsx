import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography, message } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../shared/sync/view';
import { rpcKey, useRpcMutation, useRpcQuery } from '../rpc/queries';
import { useSyncStatus } from './useSyncStatus';

/** Settings → Team sync: the server address, this workstation's name, signing in and out. */
export function SyncSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useRpcQuery('sync.settings.get', {});
  const status = useSyncStatus();
  const save = useRpcMutation('sync.settings.set');
  const login = useRpcMutation('sync.login');
  const logout = useRpcMutation('sync.logout');
  const [toast, holder] = message.useMessage();
  const [serverForm] = Form.useForm<{ serverUrl: string; workstationName: string }>();
  const [loginForm] = Form.useForm<{ username: string; password: string }>();

  const data = settings.data;
  useEffect(() => {
    if (data)
      serverForm.setFieldsValue({ serverUrl: data.serverUrl ?? '', workstationName: data.workstationName });
  }, [data, serverForm]);

  const signedIn = (next: SyncStatusView) => {
    queryClient.setQueryData(rpcKey('sync.status', {}), next);
    void queryClient.invalidateQueries({ queryKey: rpcKey('sync.settings.get', {}) });
  };

  const signedInUser = data?.user ?? null;
  return (
    <Card title={t('sync.settings.title')} data-testid="sync-settings" style={{ maxWidth: 640 }}>
      {holder}
      <Typography.Paragraph type="secondary">{t('sync.settings.help')}</Typography.Paragraph>
      <Form
        form={serverForm}
        layout="vertical"
        disabled={!data}
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: (saved) => {
              queryClient.setQueryData(rpcKey('sync.settings.get', {}), saved);
              void toast.success(t('sync.settings.saved'));
            },
          })
        }
      >
        <Form.Item
          name="serverUrl"
          label={t('sync.settings.serverUrl')}
          validateStatus={save.error?.error.details?.fields ? 'error' : undefined}
          help={save.error?.error.details?.fields?.[0]?.message}
        >
          <Input placeholder="https://sync.example.cn" disabled={!!signedInUser} autoComplete="url" />
        </Form.Item>
        <Form.Item
          name="workstationName"
          label={t('sync.settings.workstationName')}
          rules={[{ required: true, whitespace: true, message: t('sync.settings.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {save.error && !save.error.error.details?.fields && (
          <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />
        )}
        <Button htmlType="submit" loading={save.isPending}>
          {t('sync.settings.save')}
        </Button>
      </Form>

      {data?.serverUrl && !signedInUser && (
        <Form
          form={loginForm}
          layout="vertical"
          style={{ marginTop: 24 }}
          aria-label={t('sync.settings.signIn')}
          onFinish={(values) =>
            login.mutate(values, {
              onSuccess: (next) => {
                loginForm.resetFields();
                signedIn(next);
                void toast.success(t('sync.settings.signedIn'));
              },
            })
          }
        >
          <Form.Item
            name="username"
            label={t('sync.settings.username')}
            rules={[{ required: true, whitespace: true, message: t('sync.settings.required') }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('sync.settings.password')}
            rules={[{ required: true, message: t('sync.settings.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {login.error && (
            <Alert
              type="error"
              showIcon
              title={login.error.message}
              style={{ marginBottom: 12 }}
              data-testid="sync-login-error"
            />
          )}
          <Button type="primary" htmlType="submit" loading={login.isPending}>
            {t('sync.settings.signIn')}
          </Button>
        </Form>
      )}

      {signedInUser && (
        <Space style={{ marginTop: 24 }} wrap>
          <span data-testid="sync-signed-in">
            {t('sync.settings.signedInAs', { name: signedInUser.name, username: signedInUser.username })}
          </span>
          {status && <span>· {t(`sync.mode.${status.mode}`)}</span>}
          <Button
            danger
            loading={logout.isPending}
            onClick={() =>
              logout.mutate(
                {},
                {
                  onSuccess: (next) => {
                    signedIn(next);
                    void toast.info(t('sync.settings.signedOut'));
                  },
                },
              )
            }
          >
            {t('sync.settings.signOut')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
