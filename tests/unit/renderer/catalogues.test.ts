import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPELLANT_ROLES, CHANNELS, DEMANDS, SERVICE_TYPES } from '../../../shared/domain/channel';
import { ROLES } from '../../../shared/domain/roles';
import { CASE_STATUSES } from '../../../shared/domain/status';
import { QUEUE_VIEWS } from '../../../shared/domain/views';
import { PREREQUISITE_WARNINGS } from './support/warnings';
import { translate } from '../../../shared/i18n/translate';
import { catalogues, createI18n, LOCALES } from '../../../renderer/src/i18n';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';
import { SECTIONS } from '../../../renderer/src/shell/shellStore';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('renderer catalogues', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('use the same {{placeholders}} for a key in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('have no empty strings', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(catalogues[locale]))
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('translate every code the UI builds a key from', () => {
    const built = [
      ...CASE_STATUSES.map((s) => `lifecycle.status.${s}`),
      ...CHANNELS.map((c) => `channel.${c}`),
      ...APPELLANT_ROLES.map((r) => `appellantRole.${r}`),
      ...SERVICE_TYPES.map((s) => `serviceType.${s}`),
      ...DEMANDS.map((d) => `demand.${d}`),
      ...ROLES.map((r) => `role.${r}`),
      ...QUEUE_VIEWS.map((v) => `queue.view.${v}`),
      ...SECTIONS.map((s) => `nav.${s}`),
      ...SECTIONS.filter((s) => s !== 'queue').map((s) => `notBuilt.${s}`),
      ...LOCALES.map((l) => `lang.${l}`),
      ...PREREQUISITE_WARNINGS.map((w) => `warnings.${w}`),
      ...['connecting', 'online', 'reconnecting', 'unauthorized'].map((s) => `connection.${s}`),
    ];
    for (const locale of LOCALES) {
      for (const key of built) expect(catalogues[locale][key], `${locale} ${key}`).toBeDefined();
    }
  });

  it('translate the shared lifecycle messages the way main does, nesting included', () => {
    const zh = createI18n('zh-CN');
    const params = { status: 'closed', transition: 'accept' };
    expect(zh.t('lifecycle.refused.fromStatus', params)).toBe(
      translate('zh-CN', 'lifecycle.refused.fromStatus', params),
    );
    expect(zh.t('lifecycle.refused.fromStatus', params)).toContain('已结案');
  });

  it('contain every literal key the renderer source asks for', () => {
    const root = join(import.meta.dirname, '../../../renderer/src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const used = new Set<string>();
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const locale of LOCALES) {
      for (const key of used) expect(catalogues[locale][key], `${locale} ${key}`).toBeDefined();
    }
  });
});
