// The standards engine over the shipped example: rank bands, regions by city name, the scope of
// a destination, lodging caps, transport classes, and the over-standard check of a lodging line.
import { describe, expect, it } from 'vitest';
import { travelStandardsSchema } from '../../../../shared/domain/travelStandards';
import { EXAMPLE_TRAVEL_STANDARDS as STD } from '../../../../shared/travel/exampleStandards';
import {
  allowedClass,
  checkLine,
  checkStandards,
  cityKey,
  classAllowed,
  destinationScope,
  lodgingCapFen,
  rankBandOf,
  regionOfCity,
  type StandardsData,
} from '../../../../shared/travel/standards';

const yuan = (n: number) => n * 100;
const copy = (): StandardsData => structuredClone(STD);

describe('the example standards', () => {
  it('are a valid, consistent document marked as an example', () => {
    expect(travelStandardsSchema.parse(STD)).toEqual(STD);
    expect(checkStandards(STD)).toBeNull();
    expect(STD.example).toBe(true);
    expect(STD.name).toBe('差旅住宿费标准示例（仅供演示）');
    expect(STD.homeProvince).toBe('CN-GD');
    expect(STD.regions.length).toBeGreaterThanOrEqual(8);
    expect(STD.regions.length).toBeLessThanOrEqual(16);
    expect(regionOfCity(STD, '不存在的城市')?.name).toBe('其他地区');
  });

  it('pay 120 yuan for meals in Tibet, Qinghai and Xinjiang and 100 elsewhere in China, 80 for local transport', () => {
    for (const r of STD.regions.filter((x) => !x.abroad)) {
      expect(r.mealFenPerDay, r.id).toBe(['CN-XZ', 'CN-QH', 'CN-XJ'].includes(r.province) ? yuan(120) : yuan(100));
      expect(r.localTransportFenPerDay).toBe(yuan(80));
    }
  });
});

describe('rankBandOf', () => {
  it('finds the band a rank is in', () => {
    expect(rankBandOf(STD, 12)?.id).toBe('senior');
    expect(rankBandOf(STD, 30)?.id).toBe('senior');
    expect(rankBandOf(STD, 11)?.id).toBe('other');
    expect(rankBandOf(STD, 1)?.id).toBe('other');
    expect(rankBandOf(STD, 0)).toBeNull();
    expect(rankBandOf(STD, 31)).toBeNull();
  });
});

describe('regionOfCity', () => {
  it('matches a city exactly after trimming and dropping a trailing 市', () => {
    expect(regionOfCity(STD, '北京')?.id).toBe('beijing');
    expect(regionOfCity(STD, '北京市')?.id).toBe('beijing');
    expect(regionOfCity(STD, ' 广州市 ')?.id).toBe('guangzhou');
    expect(regionOfCity(STD, '\u3000东莞市')?.id).toBe('guangdong_other');
    expect(regionOfCity(STD, '拉萨')?.id).toBe('xizang');
    expect(cityKey('市')).toBe('市');
  });

  it('gives the default region for anything else, guessing nothing', () => {
    for (const city of ['广州南站', '北京市朝阳区', '兰州', '', '  ', '市']) expect(regionOfCity(STD, city)?.id, city).toBe('other');
  });

  it('matches cities listed with 市 too', () => {
    const std = copy();
    std.regions[0]!.cities = ['北京市'];
    expect(regionOfCity(std, '北京')?.id).toBe('beijing');
  });

  it('is null only when the default region is missing', () => {
    const std = { ...copy(), defaultRegionId: 'nowhere' };
    expect(regionOfCity(std, '兰州')).toBeNull();
    expect(regionOfCity(std, '北京')?.id).toBe('beijing');
    expect(lodgingCapFen(std, '兰州', 5)).toBeNull();
  });
});

describe('destinationScope', () => {
  it('tells the home province, the rest of China, and abroad apart', () => {
    expect(destinationScope(STD, '深圳')).toBe('in_province');
    expect(destinationScope(STD, '湛江市')).toBe('in_province');
    expect(destinationScope(STD, '北京')).toBe('out_of_province');
    expect(destinationScope(STD, '兰州')).toBe('out_of_province');
    const std = copy();
    std.regions.push({ id: 'japan', name: '日本', province: 'JP', abroad: true, cities: ['东京'], lodgingCapFen: { senior: 0, other: 0 }, mealFenPerDay: 0, localTransportFenPerDay: 0 });
    expect(destinationScope(std, '东京')).toBe('abroad');
  });

  it('counts Tokyo, Hong Kong and Macao as abroad in the example, with their own figures', () => {
    expect(destinationScope(STD, '东京')).toBe('abroad');
    expect(destinationScope(STD, '东京市')).toBe('abroad');
    expect(destinationScope(STD, '巴黎')).toBe('abroad');
    expect(destinationScope(STD, '香港')).toBe('abroad');
    expect(regionOfCity(STD, '澳门')?.id).toBe('macao');
    // Abroad, the lodging cap is one per city whatever the rank, and above any city at home.
    expect(lodgingCapFen(STD, '东京', 5)).toBe(lodgingCapFen(STD, '东京', 20));
    expect(lodgingCapFen(STD, '新加坡', 5)).toBeGreaterThan(lodgingCapFen(STD, '北京', 20) ?? Infinity);
    expect(regionOfCity(STD, '东京')?.mealFenPerDay).toBeGreaterThan(yuan(120));
  });
});

describe('lodgingCapFen', () => {
  it('reads the cap by region and rank band', () => {
    expect(lodgingCapFen(STD, '北京', 12)).toBe(yuan(650));
    expect(lodgingCapFen(STD, '北京', 11)).toBe(yuan(500));
    expect(lodgingCapFen(STD, '上海市', 15)).toBe(yuan(600));
    expect(lodgingCapFen(STD, '深圳', 3)).toBe(yuan(450));
    expect(lodgingCapFen(STD, '湛江', 3)).toBe(yuan(350));
    expect(lodgingCapFen(STD, '拉萨', 20)).toBe(yuan(500));
    expect(lodgingCapFen(STD, '兰州', 20)).toBe(yuan(400));
    expect(lodgingCapFen(STD, '北京', 31)).toBeNull();
  });
});

describe('transport classes', () => {
  it('gives the highest class per band and mode', () => {
    expect(allowedClass(STD, 12, 'train')).toBe('first');
    expect(allowedClass(STD, 5, 'train')).toBe('second');
    expect(allowedClass(STD, 5, 'plane')).toBe('economy');
    expect(allowedClass(STD, 20, 'ship')).toBe('second');
    expect(allowedClass(STD, 5, 'ship')).toBe('third');
    expect(allowedClass(STD, 0, 'train')).toBeNull();
  });

  it('allows the class and those below it on the mode ladder', () => {
    expect(classAllowed(STD, 12, 'train', 'first')).toBe(true);
    expect(classAllowed(STD, 12, 'train', 'second')).toBe(true);
    expect(classAllowed(STD, 12, 'train', 'business')).toBe(false);
    expect(classAllowed(STD, 5, 'train', 'first')).toBe(false);
    expect(classAllowed(STD, 5, 'train', 'second')).toBe(true);
    expect(classAllowed(STD, 30, 'plane', 'economy')).toBe(true);
    expect(classAllowed(STD, 30, 'plane', 'business')).toBe(false);
    expect(classAllowed(STD, 12, 'ship', 'third')).toBe(true);
    expect(classAllowed(STD, 12, 'ship', 'first')).toBe(false);
    expect(classAllowed(STD, 5, 'ship', 'second')).toBe(false);
    expect(classAllowed(STD, 5, 'bus', 'standard')).toBe(true);
    // A class of another mode is never allowed.
    expect(classAllowed(STD, 12, 'plane', 'second')).toBe(false);
    expect(classAllowed(STD, 0, 'bus', 'standard')).toBe(false);
  });
});

describe('checkLine', () => {
  const traveller = { rank: 5 };
  it('flags a lodging line over cap × nights, with the limit', () => {
    expect(checkLine(STD, { kind: 'lodging', city: '北京', nights: 3, amountFen: yuan(1500) }, traveller)).toBeNull();
    expect(checkLine(STD, { kind: 'lodging', city: '北京', nights: 3, amountFen: yuan(1500) + 1 }, traveller)).toEqual({ code: 'claim.over_standard', limitFen: yuan(1500) });
    // One dear night beside cheap ones is within the standard: the stay is compared.
    expect(checkLine(STD, { kind: 'lodging', city: '北京', nights: 2, amountFen: yuan(600 + 300) }, traveller)).toBeNull();
    expect(checkLine(STD, { kind: 'lodging', city: '北京', nights: 3, amountFen: yuan(1900) }, { rank: 12 })).toBeNull();
    expect(checkLine(STD, { kind: 'lodging', city: '北京', nights: 0, amountFen: 1 }, traveller)).toEqual({ code: 'claim.over_standard', limitFen: 0 });
  });

  it('leaves other lines and ranks without a standard alone', () => {
    expect(checkLine(STD, { kind: 'meals', amountFen: yuan(100000) }, traveller)).toBeNull();
    expect(checkLine(STD, { kind: 'other', amountFen: yuan(100000) }, traveller)).toBeNull();
    expect(checkLine(STD, { kind: 'lodging', city: '北京', nights: 1, amountFen: yuan(100000) }, { rank: 31 })).toBeNull();
  });
});

describe('checkStandards', () => {
  it('finds what the schema cannot see', () => {
    const overlapping = copy();
    overlapping.rankBands[1]!.maxRank = 12;
    expect(checkStandards(overlapping)).toEqual({ field: 'rankBands.1' });

    const inverted = copy();
    inverted.rankBands[0]!.minRank = 31;
    expect(checkStandards(inverted)).toEqual({ field: 'rankBands.0' });

    expect(checkStandards({ ...copy(), defaultRegionId: 'nowhere' })).toEqual({ field: 'defaultRegionId' });

    const twice = copy();
    twice.regions[1]!.cities.push('北京市');
    expect(checkStandards(twice)).toEqual({ field: 'cities', regionIndex: 1 });

    const sameId = copy();
    sameId.regions[2]!.id = 'beijing';
    expect(checkStandards(sameId)).toEqual({ field: 'id', regionIndex: 2 });

    const noCap = copy();
    delete noCap.regions[3]!.lodgingCapFen.other;
    expect(checkStandards(noCap)).toEqual({ field: 'lodgingCapFen', regionIndex: 3 });

    const strayCap = copy();
    strayCap.regions[3]!.lodgingCapFen.minister = 1;
    expect(checkStandards(strayCap)).toEqual({ field: 'lodgingCapFen', regionIndex: 3 });

    const offLadder = copy();
    offLadder.transportClasses.other!.plane = 'second';
    expect(checkStandards(offLadder)).toEqual({ field: 'transportClasses.other.plane' });

    const noClasses = copy();
    delete noClasses.transportClasses.senior;
    expect(checkStandards(noClasses)).toEqual({ field: 'transportClasses.senior' });
  });
});
