// renderer/sync is the only place that imports socket.io-client.
export { SyncEngine, type SyncEngineOptions } from './engine';
export { initialSyncStatus, type SyncConnection, type SyncProblem, type SyncStatus } from './status';
