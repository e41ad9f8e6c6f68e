import { describe, expect, it } from 'vitest';
import { TRANSITION_NAMES, TRANSITIONS } from '../../../shared/lifecycle';
import { choicePrefix, fieldsOf, formPath } from '../../../renderer/src/case/transitionFields';
import { createI18n, LOCALES } from '../../../renderer/src/i18n';

describe('transition forms generated from the lifecycle schemas', () => {
  it('derive the carrier-reply form of DOMAIN §1.7 with kinds and required flags', () => {
    const fields = fieldsOf(TRANSITIONS.record_carrier_reply.schema);
    expect(fields.map((f) => [f.path.join('.'), f.kind, f.required])).toEqual([
      ['investigationResult', 'longText', true],
      ['carrierResponsible', 'yesNo', true],
      ['responsibleUnit', 'text', false],
      ['settlement', 'longText', false],
      ['compensationYuan', 'yuan', true],
      ['apologyOrExplanation', 'longText', false],
      ['userSatisfied', 'yesNo', true],
      ['handlerName', 'text', true],
      ['handlerPhone', 'text', true],
    ]);
  });

  it('flatten nested groups (close: satisfaction with carrier and administration)', () => {
    const paths = fieldsOf(TRANSITIONS.close.schema).map((f) => f.path.join('.'));
    expect(paths).toContain('satisfaction.carrier');
    expect(paths).toContain('satisfaction.administration');
  });

  it.each(LOCALES)('label every field and every choice of every transition in %s', (locale) => {
    const i18n = createI18n(locale);
    for (const name of TRANSITION_NAMES) {
      for (const field of fieldsOf(TRANSITIONS[name].schema)) {
        const key = `casework.field.${field.path.join('.')}`;
        expect(i18n.exists(key), `${locale} ${name} ${key}`).toBe(true);
        if (field.kind === 'choice') {
          expect(
            choicePrefix(field.options, (k) => i18n.exists(k)),
            `${name} ${key}`,
          ).not.toBeNull();
        }
      }
    }
  });

  it('place main’s `data.<field>` errors under the form’s fields', () => {
    expect(formPath('data.responsibleUnit')).toBe('responsibleUnit');
    expect(formPath('data.satisfaction.carrier')).toBe('satisfaction.carrier');
    expect(formPath('data')).toBe('');
  });
});

describe('the timeline names the handler actions', () => {
  const types = [
    'case.claimed',
    'case.released',
    'case.assigned',
    'note.added',
    'contact.logged',
    'pii.revealed',
    'tag.added',
    'case.linked',
  ];
  it.each(LOCALES)('in %s', (locale) => {
    const i18n = createI18n(locale);
    for (const type of types) expect(i18n.exists(`case.event.${type}`), `${locale} ${type}`).toBe(true);
  });
});
