import type { ApplyForm } from '../../lib/apply-form';
import type { TextKey } from './fields';

export interface StepProps {
  form: ApplyForm;
  update: <K extends keyof ApplyForm>(key: K, value: ApplyForm[K]) => void;
  err: (path: string) => string | undefined;
}

/** The props that bind TextFields to the application form. */
export const bound = ({ form, update, err }: StepProps) => ({
  values: form,
  onChange: (key: TextKey<ApplyForm>, value: string) => update(key, value),
  errorOf: err,
});
