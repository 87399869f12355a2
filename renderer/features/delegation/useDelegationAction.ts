// Runs a delegation mutation: applied locally at once (pending items re-route on this client
// too), a local refusal returned in the user's words, success in a toast that tells an offline
// user the change waits on this computer for the server.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { MutationRejected, type MutatorArgs } from '../../../shared/mutators';
import { useStore } from '../../db';
import { useAppSelector } from '../../app/hooks';
import { selectSyncStatus } from '../../app/syncSlice';
import { reasonMessage } from '../../i18n/reasons';

export type DelegationAction = { name: 'delegation.set'; args: MutatorArgs<'delegation.set'> } | { name: 'delegation.end'; args: MutatorArgs<'delegation.end'> };

/** Resolves to null on success, or why it was refused. */
export function useDelegationAction(): (action: DelegationAction, success: string) => Promise<string | null> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const { connection } = useAppSelector(selectSyncStatus);
  return useCallback(
    async (action, success) => {
      try {
        if (action.name === 'delegation.set') await store.mutate('delegation.set', action.args);
        else await store.mutate('delegation.end', action.args);
      } catch (err) {
        return err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError');
      }
      void message.success(connection === 'online' ? success : t('delegation.savedOffline', { action: success }));
      return null;
    },
    [store, t, message, connection],
  );
}
