// renderer/db is the only place that imports Dexie. Everything else uses these exports.
export { BureauDb, SCHEMA_V1, databaseName, type OutboxEntry, type RejectionNotice } from './database';
export { LocalStore, type PullPage } from './localStore';
export { randomId } from './randomId';
export * from './hooks';
export * from './hooks/leaveData';
export * from './hooks/balances';
export * from './hooks/team';
export * from './hooks/hr';
export * from './hooks/admin';
export * from './hooks/delegation';
export * from './hooks/notifications';
export * from './hooks/notificationsTravel';
export * from './hooks/notificationsMeetings';
export * from './hooks/travel';
export * from './hooks/claims';
export * from './hooks/finance';
export * from './hooks/forms';
export * from './hooks/meetings';
