// The forms library's side effects in React: downloading files with the session's token, keeping
// pinned categories available offline in the background, and "save a copy" with its messages.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { agencyDate } from '../../../shared/calendar/dates';
import type { FormTemplate, FormVersion } from '../../../shared/domain/forms';
import { useAppSelector } from '../../app/hooks';
import { useRuntime, useSessionController } from '../../app/sessionContext';
import { selectSyncStatus } from '../../app/syncSlice';
import { useFormCache, useFormTemplates, useStore } from '../../db';
import { platform } from '../../platform';
import { BlobUploader } from '../../sync/blobUploader';
import { downloadPinnedForms, missingPinnedVersions, type FormDownloader } from './cache';
import { saveFormCopy } from './saveCopy';
import { estimateStorage, storageCap } from './storage';

const todayNow = () => agencyDate(new Date().toISOString());

/**
 * Downloads a blob with the current session's token (read at every request: it is renewed), the
 * bytes checked against their hash. Null when nobody is signed in.
 */
export function useFormDownloader(): FormDownloader | null {
  const controller = useSessionController();
  const runtime = useRuntime();
  const runtimeKey = runtime?.key ?? null;
  return useMemo(() => {
    const saved = runtimeKey === null ? null : controller.getSaved();
    if (!saved) return null;
    const uploader = new BlobUploader({ serverUrl: saved.serverUrl, getToken: () => controller.getSaved()?.token ?? null });
    return (sha256: string) => uploader.download(sha256);
  }, [controller, runtimeKey]);
}

/**
 * While online, fetches the current versions of pinned categories that this device lacks: when
 * the connection comes back, when a category is pinned, when a new version takes over. Safe to
 * mount in several places: overlapping runs are merged.
 */
export function useFormsOfflineSync(): void {
  const store = useStore();
  const download = useFormDownloader();
  const online = useAppSelector(selectSyncStatus).connection === 'online';
  const templates = useFormTemplates();
  const cache = useFormCache();
  const wanted =
    templates && cache
      ? missingPinnedVersions(templates, cache.pinnedCategories, cache.bySha, todayNow())
          .map((m) => m.version.file.sha256)
          .join(',')
      : '';
  useEffect(() => {
    if (!online || !download || wanted === '') return;
    // A failure is retried on the next change (reconnection, new version): nothing to tell the
    // user now; the library shows each form's offline state.
    void downloadPinnedForms(store.db, download, todayNow()).catch(() => undefined);
  }, [store, download, online, wanted]);
}

/**
 * The most the offline copies may take in this browser (./storage.ts), asked again whenever what
 * they take changes; null while unknown or where the browser does not say.
 */
export function useStorageCap(usedBytes: number | undefined): number | null {
  const [cap, setCap] = useState<number | null>(null);
  useEffect(() => {
    if (usedBytes === undefined) return;
    let live = true;
    void estimateStorage().then((estimate) => {
      if (live) setCap(storageCap(estimate, usedBytes));
    });
    return () => {
      live = false;
    };
  }, [usedBytes]);
  return cap;
}

/** "Save a copy", with the outcome told in a message. `saving` is the file being saved. */
export function useSaveCopy(): { saveCopy: (template: FormTemplate, version: FormVersion) => Promise<boolean>; saving: string | null } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const download = useFormDownloader();
  const [saving, setSaving] = useState<string | null>(null);

  const saveCopy = useCallback(
    async (template: FormTemplate, version: FormVersion): Promise<boolean> => {
      setSaving(version.file.sha256);
      try {
        const outcome = await saveFormCopy({ db: store.db, download, saveFile: (request) => platform.file.save(request), today: todayNow() }, template, version);
        switch (outcome.status) {
          case 'saved':
            void message.success(t('forms.save.savedTo', { name: outcome.fileName }));
            return true;
          case 'downloaded':
            void message.success(t('forms.save.downloaded', { name: outcome.fileName }));
            return true;
          case 'cancelled':
            return false;
          case 'unavailable':
            void message.error({ content: t(`forms.save.unavailable.${outcome.why}`), duration: 6 });
            return false;
          case 'failed':
            void message.error(t(outcome.error === 'ipc.invalid_argument' ? 'forms.save.refused' : 'forms.save.failed'));
            return false;
        }
      } catch {
        void message.error(t('common.unexpectedError'));
        return false;
      } finally {
        setSaving(null);
      }
    },
    [store, download, message, t],
  );
  return { saveCopy, saving };
}
