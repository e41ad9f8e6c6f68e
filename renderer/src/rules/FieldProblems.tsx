import { Typography } from 'antd';
import type { FieldProblem } from '../forms/fieldErrors';
import { problemText } from '../forms/fieldErrors';
import { useTranslator } from '../i18n/hooks';

/** Main's problems with one field, in the UI language, under the field's control. */
export function FieldProblems({ problems, testId }: { problems: readonly FieldProblem[]; testId?: string }) {
  const translator = useTranslator();
  if (problems.length === 0) return null;
  return (
    <div data-testid={testId}>
      {problems.map((p) => (
        <Typography.Text key={`${p.path}:${p.key}`} type="danger" className="field-problem">
          {problemText(p, translator)}
        </Typography.Text>
      ))}
    </div>
  );
}

/** Problems with fields the screen does not show, with their paths. */
export function OtherProblems({ problems }: { problems: readonly FieldProblem[] }) {
  const translator = useTranslator();
  if (problems.length === 0) return null;
  return (
    <ul className="other-problems" data-testid="other-problems">
      {problems.map((p) => (
        <li key={`${p.path}:${p.key}`}>
          <Typography.Text type="danger">
            {p.path ? `${p.path}: ` : ''}
            {problemText(p, translator)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
