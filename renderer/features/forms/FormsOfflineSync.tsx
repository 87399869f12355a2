// Mounted once in the signed-in shell: keeps the categories pinned "available offline" downloaded
// whatever page is open (the library page runs the same hook; overlapping runs are merged).
import { useFormsOfflineSync } from './useFormFiles';

export function FormsOfflineSync(): null {
  useFormsOfflineSync();
  return null;
}
