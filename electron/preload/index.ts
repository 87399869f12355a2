// The whole bridge between the sandboxed renderer and the main process. ipcRenderer itself
// is never exposed, so a compromised page can reach only the channels of the shared map, and
// the main process checks the sender and validates every argument. This entry exports
// nothing: a sandboxed preload is a plain script.
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopApi } from './api';

contextBridge.exposeInMainWorld(
  'bureau',
  createDesktopApi((channel, arg) => ipcRenderer.invoke(channel, arg)),
);
