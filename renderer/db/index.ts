// renderer/db is the only place that imports Dexie. Everything else uses these exports.
export { BureauDb, SCHEMA_V1, databaseName, type OutboxEntry, type RejectionNotice } from './database';
export { LocalStore, type PullPage } from './localStore';
export { randomId } from './randomId';
export * from './hooks';
