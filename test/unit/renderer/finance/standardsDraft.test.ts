// Editing the travel standards field by field: the draft round-trips the standards in force,
// a typo or a contradiction is refused at the field it is in (with the same checks the save
// mutation runs), a region's scope decides where its cities count, and what finance saves
// through travelStandards.save is its own, no longer the example.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStore } from '../../../../renderer/db';
import { MutationRejected } from '../../../../shared/mutators';
import { STANDARDS_ID } from '../../../../shared/mutators/travel';
import { EXAMPLE_TRAVEL_STANDARDS } from '../../../../shared/travel/exampleStandards';
import { destinationScope, lodgingCapFen, regionOfCity } from '../../../../shared/travel/standards';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { standardsData } from '../../../../renderer/features/finance/standardsFile';
import {
  addRegion,
  draftToData,
  problemAt,
  provinceForScope,
  removeRegion,
  toDraft,
  updateClass,
  updateRegion,
  type StandardsDraft,
} from '../../../../renderer/features/finance/standards/standardsDraft';
import { DEMO_DEPARTMENTS, DEMO_USERS } from '../../../../server/seed/demo';

const base = standardsData(EXAMPLE_TRAVEL_STANDARDS);
const keyOf = (draft: StandardsDraft, id: string): string => {
  const key = draft.regions.find((r) => r.id === id)?.key;
  if (key === undefined) throw new Error(`no region ${id}`);
  return key;
};
const indexOf = (draft: StandardsDraft, id: string) => draft.regions.findIndex((r) => r.id === id);

function saved(draft: StandardsDraft) {
  const result = draftToData(draft, base);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return result.data;
}

describe('the standards draft', () => {
  it('saves the standards unchanged, except that they are no longer the example', () => {
    expect(saved(toDraft(base))).toEqual({ ...base, example: false });
  });

  it('shows amounts in yuan and takes yuan as typed', () => {
    const draft = toDraft(base);
    const beijing = draft.regions[indexOf(draft, 'beijing')];
    expect(beijing?.lodging).toEqual({ senior: '650', other: '500' });
    expect(beijing?.meals).toBe('100');
    const edited = updateRegion(draft, keyOf(draft, 'beijing'), { lodging: { senior: '700', other: '５２０.５' }, local: '¥90' });
    const data = saved(edited);
    expect(lodgingCapFen(data, '北京', 5)).toBe(52_050);
    expect(lodgingCapFen(data, '北京', 20)).toBe(70_000);
    expect(regionOfCity(data, '北京')?.localTransportFenPerDay).toBe(9_000);
  });

  it('refuses an amount that is not yuan, or none, at its field', () => {
    const draft = toDraft(base);
    const row = indexOf(draft, 'shanghai');
    const typo = draftToData(updateRegion(draft, keyOf(draft, 'shanghai'), { lodging: { senior: '600', other: '5OO' } }), base);
    expect(typo).toEqual({ ok: false, problem: { place: { at: 'region', index: row, field: 'lodging', band: 'other' }, code: 'amount' } });
    if (typo.ok) return;
    expect(problemAt(typo.problem, row, 'lodging', 'other')).toBe(true);
    expect(problemAt(typo.problem, row, 'lodging', 'senior')).toBe(false);
    expect(problemAt(typo.problem, row, 'meals')).toBe(false);
    const empty = draftToData(updateRegion(draft, keyOf(draft, 'shanghai'), { meals: ' ' }), base);
    expect(empty).toEqual({ ok: false, problem: { place: { at: 'region', index: row, field: 'meals' }, code: 'required' } });
    const tooMuch = draftToData(updateRegion(draft, keyOf(draft, 'shanghai'), { local: '100000001' }), base);
    expect(tooMuch.ok || tooMuch.problem.code).toBe('amount');
  });

  it('refuses a city listed in two regions, naming the city and the region that has it', () => {
    const draft = toDraft(base);
    const result = draftToData(updateRegion(draft, keyOf(draft, 'shanghai'), { cities: ['上海', '北京市'] }), base);
    expect(result).toEqual({ ok: false, problem: { place: { at: 'region', index: indexOf(draft, 'shanghai'), field: 'cities' }, code: 'cityTwice', params: { city: '北京市', region: '北京' } } });
    if (result.ok) return;
    const { t } = createI18n('zh-CN');
    expect(t(`finance.standards.problem.${result.problem.code}`, result.problem.params)).toBe('“北京市”已列在“北京”中，一个城市只能属于一个地区');
    const en = createI18n('en').t;
    expect(en(`finance.standards.problem.${result.problem.code}`, result.problem.params)).toBe('“北京市” is already listed in “北京”; a city belongs to one region only');
  });

  it('refuses an empty name for the standards or a region', () => {
    const draft = toDraft(base);
    expect(draftToData({ ...draft, name: '  ' }, base)).toEqual({ ok: false, problem: { place: { at: 'name' }, code: 'required' } });
    expect(draftToData({ ...draft, effectiveFrom: '' }, base)).toEqual({ ok: false, problem: { place: { at: 'effectiveFrom' }, code: 'date' } });
    const unnamed = draftToData(updateRegion(draft, keyOf(draft, 'tianjin'), { name: '' }), base);
    expect(unnamed).toEqual({ ok: false, problem: { place: { at: 'region', index: indexOf(draft, 'tianjin'), field: 'name' }, code: 'required' } });
  });

  it('adds a region with the default region’s figures, to be named and given cities', () => {
    const draft = addRegion(toDraft(base), base);
    const added = draft.regions.at(-1);
    expect(added).toMatchObject({ name: '', scope: 'out_of_province', cities: [], lodging: { senior: '400', other: '300' }, meals: '100', local: '80' });
    expect(draftToData(draft, base)).toEqual({ ok: false, problem: { place: { at: 'region', index: draft.regions.length - 1, field: 'name' }, code: 'required' } });
    if (!added) return;
    const named = updateRegion(draft, added.key, { name: '甘肃', cities: ['兰州', '天水'], lodging: { senior: '450', other: '330' } });
    const data = saved(named);
    expect(regionOfCity(data, '兰州')?.name).toBe('甘肃');
    expect(lodgingCapFen(data, '天水', 5)).toBe(33_000);
    expect(destinationScope(data, '兰州')).toBe('out_of_province');
    // A second new region gets an id of its own.
    const twice = addRegion(named, base);
    expect(new Set(twice.regions.map((r) => r.id)).size).toBe(twice.regions.length);
  });

  it('decides by the scope where a region’s cities count', () => {
    const draft = toDraft(base);
    expect(draft.regions.find((r) => r.id === 'guangzhou')?.scope).toBe('in_province');
    expect(draft.regions.find((r) => r.id === 'abroad')?.scope).toBe('abroad');
    const data = saved(updateRegion(updateRegion(draft, keyOf(draft, 'beijing'), { scope: 'in_province' }), keyOf(draft, 'guangzhou'), { scope: 'out_of_province' }));
    expect(destinationScope(data, '北京')).toBe('in_province');
    expect(destinationScope(data, '广州')).toBe('out_of_province');
    expect(data.regions.find((r) => r.id === 'beijing')?.province).toBe('CN-GD');
    const abroad = saved(updateRegion(draft, keyOf(draft, 'hangzhou'), { scope: 'abroad' }));
    expect(destinationScope(abroad, '杭州')).toBe('abroad');
  });

  it('keeps a region’s own code where its scope allows it', () => {
    expect(provinceForScope('out_of_province', 'CN-BJ', 'CN-GD')).toBe('CN-BJ');
    expect(provinceForScope('out_of_province', 'CN-GD', 'CN-GD')).toBe('CN');
    expect(provinceForScope('in_province', 'CN-BJ', 'CN-GD')).toBe('CN-GD');
    expect(provinceForScope('abroad', 'JP', 'CN-GD')).toBe('JP');
    expect(provinceForScope('abroad', 'CN-GD', 'CN-GD')).toBe('ZZ');
    expect(provinceForScope('abroad', 'CN', 'CN-GD')).toBe('ZZ');
  });

  it('removes a region, but never the default one', () => {
    const draft = toDraft(base);
    const without = removeRegion(draft, keyOf(draft, 'beijing'), base.defaultRegionId);
    expect(regionOfCity(saved(without), '北京')?.id).toBe('other');
    expect(removeRegion(draft, keyOf(draft, 'other'), base.defaultRegionId).regions).toHaveLength(draft.regions.length);
  });

  it('edits the highest class a band may use', () => {
    const data = saved(updateClass(toDraft(base), 'other', 'train', 'first'));
    expect(data.transportClasses.other?.train).toBe('first');
    expect(data.transportClasses.senior).toEqual(base.transportClasses.senior);
  });
});

describe('saving an edit through travelStandards.save', () => {
  const open: LocalStore[] = [];
  let counter = 0;
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });

  async function storeFor(userId: string): Promise<LocalStore> {
    const store = LocalStore.open(`standards-draft-${++counter}`, userId, { indexedDB: new IDBFactory(), IDBKeyRange });
    open.push(store);
    await store.db.users.bulkPut([...DEMO_USERS]);
    await store.db.departments.bulkPut([...DEMO_DEPARTMENTS]);
    await store.db.travelStandards.put({ ...EXAMPLE_TRAVEL_STANDARDS, id: STANDARDS_ID });
    return store;
  }

  it('puts finance’s edit in force, no longer marked as the example', async () => {
    const store = await storeFor('yangfan');
    const draft = toDraft(base);
    const data = saved(updateRegion(draft, keyOf(draft, 'abroad'), { lodging: { senior: '1300', other: '1300' } }));
    await store.mutate('travelStandards.save', data, '2026-05-11T01:00:00.000Z');
    const stored = await store.db.travelStandards.get(STANDARDS_ID);
    expect(stored?.example).toBe(false);
    expect(stored && lodgingCapFen(stored, '东京', 5)).toBe(130_000);
    expect(stored?.updatedBy).toBe('yangfan');
  });

  it('is refused for someone who is not in finance, and nothing changes', async () => {
    const store = await storeFor('wangqiang');
    const data = saved(toDraft(base));
    await expect(store.mutate('travelStandards.save', data, '2026-05-11T01:00:00.000Z')).rejects.toSatisfy((err) => err instanceof MutationRejected && err.code === 'auth.forbidden');
    expect((await store.db.travelStandards.get(STANDARDS_ID))?.example).toBe(true);
  });
});
