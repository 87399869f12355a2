// What every decision dialog (leave, trips, claims) shares: the comment form, the busy state,
// and a refusal shown in the dialog in the user's language instead of closing it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, type FormInstance } from 'antd';
import { MutationRejected } from '../../../shared/mutators';
import { reasonMessage } from '../../i18n/reasons';

export interface DecisionForm {
  form: FormInstance<{ comment: string }>;
  busy: boolean;
  /** Why the last attempt was refused, translated; null when there is nothing to say. */
  error: string | null;
  /** Clears the form and the error, then closes the dialog. */
  close(): void;
  /** Runs the decision; true when it went through (the dialog may close), false when refused. */
  submit(decide: () => Promise<unknown>): Promise<boolean>;
}

export function useDecisionForm(onClose: () => void): DecisionForm {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close(): void {
    setError(null);
    setBusy(false);
    form.resetFields();
    onClose();
  }

  async function submit(decide: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await decide();
      return true;
    } catch (err) {
      setBusy(false);
      setError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
      return false;
    }
  }

  return { form, busy, error, close, submit };
}
