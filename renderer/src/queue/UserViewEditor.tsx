import { Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../shared/domain/categories';
import { CHANNELS } from '../../../shared/domain/channel';
import { PROVINCES } from '../../../shared/domain/regions';
import { CASE_STATUSES } from '../../../shared/domain/status';
import {
  CLOCK_FILTERS,
  SORT_COLUMNS,
  type UserView,
  type ViewDefinition,
  type ViewFilters,
} from '../../../shared/domain/views';
import { carrierName, localName } from '../format/names';
import { errorText } from '../forms/errorText';
import { useLocale, useTranslator } from '../i18n/hooks';
import type { RpcCallError } from '../rpc/client';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';

/** Header labels of the sortable columns (the queue's own column titles). */
export const SORT_LABEL_KEYS: Record<(typeof SORT_COLUMNS)[number], string> = {
  receivedAt: 'queue.col.receivedAt',
  caseNo: 'queue.col.caseNo',
  status: 'queue.col.status',
  channel: 'queue.col.channel',
  carrierId: 'queue.col.carrier',
  waybillNo: 'queue.col.waybill',
  category: 'queue.col.category',
  assigneeId: 'queue.col.assignee',
  priority: 'queue.col.priority',
};

interface FormValues {
  name: string;
  status?: ViewFilters['status'];
  carrierId?: string[];
  category?: string[];
  province?: string[];
  channel?: ViewFilters['channel'];
  assignee?: string;
  clock?: ViewFilters['clock'];
  receivedFrom?: string;
  receivedTo?: string;
  sortColumn: ViewDefinition['sort']['column'];
  sortDirection: ViewDefinition['sort']['direction'];
}

/** Empty filters are left out: a view stores only what narrows it. */
function toDefinition(v: FormValues): ViewDefinition {
  const filters: ViewFilters = {};
  for (const key of ['status', 'carrierId', 'category', 'province', 'channel'] as const) {
    const values = v[key];
    if (values?.length) Object.assign(filters, { [key]: values });
  }
  if (v.assignee) filters.assignee = v.assignee;
  if (v.clock) filters.clock = v.clock;
  if (v.receivedFrom) filters.receivedFrom = v.receivedFrom;
  if (v.receivedTo) filters.receivedTo = v.receivedTo;
  return { name: v.name, filters, sort: { column: v.sortColumn, direction: v.sortDirection } };
}

/** Creating or editing one of the handler's own views: filters, sort and name. */
export function UserViewEditor({
  view,
  onClose,
}: {
  view: UserView | null;
  onClose(saved: UserView | null): void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const locale = useLocale();
  const reference = useRpcQuery('reference.get', {}).data;
  const create = useRpcMutation('queue.views.create');
  const update = useRpcMutation('queue.views.update');
  const [form] = Form.useForm<FormValues>();
  const saving = create.isPending || update.isPending;
  const error = (create.error ?? update.error) as RpcCallError | null;

  const initial: FormValues = view
    ? { name: view.name, ...view.filters, sortColumn: view.sort.column, sortDirection: view.sort.direction }
    : { name: '', sortColumn: 'receivedAt', sortDirection: 'desc' };

  const save = async () => {
    const definition = toDefinition(await form.validateFields());
    const saved = view
      ? await update.mutateAsync({ id: view.id, definition })
      : await create.mutateAsync(definition);
    onClose(saved);
  };

  const multi = {
    mode: 'multiple' as const,
    allowClear: true,
    placeholder: t('queue.userViews.any'),
    optionFilterProp: 'label',
  };
  return (
    <Modal
      open
      title={t(view ? 'queue.userViews.edit' : 'queue.userViews.new')}
      okText={t('queue.userViews.save')}
      cancelText={t('queue.userViews.cancel')}
      confirmLoading={saving}
      onOk={() => void save().catch(() => undefined)}
      onCancel={() => onClose(null)}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('queue.userViews.name')}
          rules={[{ required: true, whitespace: true, max: 40, message: t('validation.required') }]}
        >
          <Input autoFocus maxLength={40} data-testid="view-name" />
        </Form.Item>
        <Form.Item name="status" label={t('queue.userViews.filter.status')}>
          <Select
            {...multi}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`lifecycle.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="carrierId" label={t('queue.userViews.filter.carrier')}>
          <Select
            {...multi}
            options={(reference?.carriers ?? []).map((c) => ({ value: c.id, label: carrierName(c, locale) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('queue.userViews.filter.category')}>
          <Select
            {...multi}
            options={CATEGORIES.map((c) => ({ value: c.code, label: localName(c, locale) }))}
          />
        </Form.Item>
        <Form.Item name="province" label={t('queue.userViews.filter.province')}>
          <Select
            {...multi}
            options={PROVINCES.map((p) => ({ value: p.code, label: localName(p, locale) }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('queue.userViews.filter.channel')}>
          <Select {...multi} options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="assignee" label={t('queue.userViews.filter.assignee')}>
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('queue.userViews.any')}
              options={[
                { value: 'me', label: t('queue.userViews.assignee.me') },
                { value: 'none', label: t('queue.userViews.assignee.none') },
                ...(reference?.staff ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
          </Form.Item>
          <Form.Item name="clock" label={t('queue.userViews.filter.clock')}>
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('queue.userViews.any')}
              options={CLOCK_FILTERS.map((c) => ({ value: c, label: t(`queue.userViews.clock.${c}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('queue.userViews.filter.received')}>
            <Space>
              <Form.Item name="receivedFrom" noStyle>
                <Input type="date" aria-label={`${t('queue.userViews.filter.received')} 1`} />
              </Form.Item>
              <Form.Item name="receivedTo" noStyle>
                <Input type="date" aria-label={`${t('queue.userViews.filter.received')} 2`} />
              </Form.Item>
            </Space>
          </Form.Item>
        </Space>
        <Space size="large" wrap>
          <Form.Item name="sortColumn" label={t('queue.userViews.sort')}>
            <Select
              style={{ width: 200 }}
              options={SORT_COLUMNS.map((c) => ({ value: c, label: t(SORT_LABEL_KEYS[c]) }))}
            />
          </Form.Item>
          <Form.Item name="sortDirection" label=" ">
            <Radio.Group
              options={[
                { value: 'asc', label: t('queue.userViews.asc') },
                { value: 'desc', label: t('queue.userViews.desc') },
              ]}
            />
          </Form.Item>
        </Space>
        {error && <div className="ant-form-item-explain-error">{errorText(error, translator)}</div>}
      </Form>
    </Modal>
  );
}
