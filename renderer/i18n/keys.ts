import type { ReasonCode } from '../../shared/i18n/reasons';
import type { zhCN } from './zh-CN';

/** Every reason code must have a message: the zh-CN catalog is checked against this type. */
export type ReasonKey = `reason.${ReasonCode}`;

export type MessageKey = keyof typeof zhCN;

/** The shape every other catalog must have: exactly the keys of zh-CN. */
export type Catalog = Record<MessageKey, string>;
