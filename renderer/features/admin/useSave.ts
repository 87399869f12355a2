// One way for the admin pages to run a mutation: applied locally at once, a local refusal
// returned in the user's words for the form to show, success said in a toast that tells an
// offline user the change is kept on this computer until the server is reachable.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { MutationRejected, type MutatorArgs, type MutatorName } from '../../../shared/mutators';
import { useStore } from '../../db';
import { useAppSelector } from '../../app/hooks';
import { selectSyncStatus } from '../../app/syncSlice';
import { reasonMessage } from '../../i18n/reasons';

/** Runs one or more mutations in order; resolves to null on success or the reason it failed. */
export type Save = (steps: ReadonlyArray<SaveStep>, success: string) => Promise<string | null>;

export type SaveStep = { [N in MutatorName]: { name: N; args: MutatorArgs<N> } }[MutatorName];

export function useSave(): Save {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const { connection } = useAppSelector(selectSyncStatus);
  return useCallback(
    async (steps, success) => {
      try {
        // One at a time: each is validated against what the ones before it wrote.
        for (const step of steps) await store.mutate(step.name, step.args as MutatorArgs<typeof step.name>);
      } catch (err) {
        return err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError');
      }
      void message.success(connection === 'online' ? success : t('admin.savedOffline', { action: success }));
      return null;
    },
    [store, t, message, connection],
  );
}
