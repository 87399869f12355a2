// Forms as data for the forms library's client tests, and a fresh fake IndexedDB per test.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BureauDb } from '../../../../renderer/db';
import { sha256HexOf } from '../../../../shared/crypto/sha256';
import type { FormTemplate, FormVersion } from '../../../../shared/domain/forms';

export const MiB = 1024 * 1024;
export const TODAY = '2026-06-15';
export const PDF = 'application/pdf';

let counter = 0;
export function openDb(): BureauDb {
  return new BureauDb(`forms-test-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A fake 64-hex-digit hash, distinct per label (for tests where the bytes do not matter). */
export function fakeSha(label: string): string {
  return sha256HexOf(new TextEncoder().encode(label));
}

let files = 0;
/** A version with a file of its own (a distinct hash for every call). */
export function version(label: string, effectiveOn: string, file: Partial<FormVersion['file']> = {}, note = ''): FormVersion {
  files += 1;
  return {
    version: label,
    effectiveOn,
    file: { sha256: fakeSha(`${label}@${effectiveOn}#${files}`), name: `${label}.pdf`, mediaType: PDF, size: 1024, ...file },
    note,
    publishedAt: `${effectiveOn}T01:00:00.000Z`,
    publishedBy: 'u-lina',
  };
}

export function template(id: string, versions: FormVersion[], patch: Partial<FormTemplate> = {}): FormTemplate {
  return {
    id,
    title: `表格 ${id}`,
    category: '综合事务',
    issuingDepartment: '市政务服务管理局办公室',
    description: '',
    versions,
    archived: false,
    ownerRole: 'meeting_organizer',
    createdAt: '2026-01-05T01:00:00.000Z',
    updatedAt: '2026-01-05T01:00:00.000Z',
    ...patch,
  };
}

/** A Blob of `size` bytes (the cache counts the bytes it holds). */
export function blobOf(size: number): Blob {
  return new Blob([new Uint8Array(size)], { type: PDF });
}

/** The instant `n` minutes into the test day: later calls mean "used more recently". */
export function at(n: number): string {
  return new Date(Date.UTC(2026, 5, 15, 1, n)).toISOString();
}
