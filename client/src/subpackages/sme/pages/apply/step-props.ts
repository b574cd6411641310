import type { ApplyForm } from '../../lib/apply-form';

export interface StepProps {
  form: ApplyForm;
  update: <K extends keyof ApplyForm>(key: K, value: ApplyForm[K]) => void;
  err: (path: string) => string | undefined;
}

export const digitsOnly = (v: string) => v.replace(/\D/g, '');
export const decimal = (v: string) => v.replace(/[^\d.]/g, '');
