// EXAMPLE travel standards, shipped so that the travel screens can be tried before finance
// imports the agency's own. The figures are modelled on the central state organs' lodging
// standards (财行〔2016〕71号 style: caps per city and rank band) and allowances (伙食补助费
// 100 yuan a day, 120 in Tibet, Qinghai and Xinjiang; 市内交通费 80 yuan a day), rounded and
// simplified: they are NOT any agency's real standards, and `example: true` makes the UI say so.
// The demo agency sits in a Guangdong city, hence the Guangdong regions.
//
// Trips abroad (因公临时出国, and to Hong Kong and Macao, which count as 境外 for approval) are
// paid under other rules (财行〔2013〕516号 style): a lodging cap per city in local currency,
// the same for every rank below minister, and per day 伙食费 and 公杂费. The example turns
// rounded figures of that order into yuan: the lodging cap for both bands, 伙食费 as the meal
// allowance and 公杂费 (local transport, calls, sundries) as the local-transport allowance.
import type { TravelStandards } from '../domain/travelStandards';

const yuan = (n: number): number => n * 100;

/** Lodging caps by band: 司局级 ('senior') and 其他人员 ('other'). */
const caps = (senior: number, other: number) => ({ senior: yuan(senior), other: yuan(other) });

const MEALS = yuan(100);
/** Tibet, Qinghai and Xinjiang: the higher meal allowance of the central rules. */
const MEALS_HIGH = yuan(120);
const LOCAL = yuan(80);

/** Abroad: one lodging cap for both bands, in yuan. */
const capsAbroad = (lodging: number) => caps(lodging, lodging);

export const EXAMPLE_TRAVEL_STANDARDS_ID = 'travel-standards-example';

export const EXAMPLE_TRAVEL_STANDARDS: TravelStandards = {
  id: EXAMPLE_TRAVEL_STANDARDS_ID,
  name: '差旅住宿费标准示例（仅供演示）',
  example: true,
  homeProvince: 'CN-GD',
  effectiveFrom: '2026-01-01',
  rankBands: [
    { id: 'senior', name: '司局级', minRank: 12, maxRank: 30 },
    { id: 'other', name: '其他人员', minRank: 1, maxRank: 11 },
  ],
  regions: [
    { id: 'beijing', name: '北京', province: 'CN-BJ', abroad: false, cities: ['北京'], lodgingCapFen: caps(650, 500), mealFenPerDay: MEALS, localTransportFenPerDay: LOCAL },
    { id: 'shanghai', name: '上海', province: 'CN-SH', abroad: false, cities: ['上海'], lodgingCapFen: caps(600, 500), mealFenPerDay: MEALS, localTransportFenPerDay: LOCAL },
    { id: 'tianjin', name: '天津', province: 'CN-TJ', abroad: false, cities: ['天津'], lodgingCapFen: caps(480, 380), mealFenPerDay: MEALS, localTransportFenPerDay: LOCAL },
    { id: 'guangzhou', name: '广州', province: 'CN-GD', abroad: false, cities: ['广州'], lodgingCapFen: caps(550, 450), mealFenPerDay: MEALS, localTransportFenPerDay: LOCAL },
    { id: 'shenzhen', name: '深圳', province: 'CN-GD', abroad: false, cities: ['深圳'], lodgingCapFen: caps(550, 450), mealFenPerDay: MEALS, localTransportFenPerDay: LOCAL },
    {
      id: 'guangdong_other',
      name: '广东省其他城市',
      province: 'CN-GD',
      abroad: false,
      // Every other prefecture-level city, so that a trip within the province counts as one.
      cities: ['珠海', '汕头', '佛山', '韶关', '湛江', '肇庆', '江门', '茂名', '惠州', '梅州', '汕尾', '河源', '阳江', '清远', '东莞', '中山', '潮州', '揭阳', '云浮'],
      lodgingCapFen: caps(450, 350),
      mealFenPerDay: MEALS,
      localTransportFenPerDay: LOCAL,
    },
    { id: 'hangzhou', name: '杭州', province: 'CN-ZJ', abroad: false, cities: ['杭州'], lodgingCapFen: caps(500, 400), mealFenPerDay: MEALS, localTransportFenPerDay: LOCAL },
    { id: 'chengdu', name: '成都', province: 'CN-SC', abroad: false, cities: ['成都'], lodgingCapFen: caps(470, 350), mealFenPerDay: MEALS, localTransportFenPerDay: LOCAL },
    {
      id: 'xizang',
      name: '西藏（拉萨等）',
      province: 'CN-XZ',
      abroad: false,
      cities: ['拉萨', '日喀则', '昌都', '林芝', '山南', '那曲', '阿里'],
      lodgingCapFen: caps(500, 350),
      mealFenPerDay: MEALS_HIGH,
      localTransportFenPerDay: LOCAL,
    },
    {
      id: 'qinghai',
      name: '青海（西宁等）',
      province: 'CN-QH',
      abroad: false,
      cities: ['西宁', '海东', '格尔木', '德令哈', '玉树', '果洛'],
      lodgingCapFen: caps(500, 350),
      mealFenPerDay: MEALS_HIGH,
      localTransportFenPerDay: LOCAL,
    },
    {
      id: 'xinjiang',
      name: '新疆（乌鲁木齐等）',
      province: 'CN-XJ',
      abroad: false,
      cities: ['乌鲁木齐', '克拉玛依', '吐鲁番', '哈密', '喀什', '和田', '阿克苏', '库尔勒', '伊宁', '石河子'],
      lodgingCapFen: caps(480, 340),
      mealFenPerDay: MEALS_HIGH,
      localTransportFenPerDay: LOCAL,
    },
    // Hong Kong and Macao: 境外 for approval, each its own region with its own figures.
    { id: 'hongkong', name: '香港', province: 'HK', abroad: true, cities: ['香港'], lodgingCapFen: capsAbroad(900), mealFenPerDay: yuan(300), localTransportFenPerDay: yuan(200) },
    { id: 'macao', name: '澳门', province: 'MO', abroad: true, cities: ['澳门'], lodgingCapFen: capsAbroad(800), mealFenPerDay: yuan(280), localTransportFenPerDay: yuan(180) },
    {
      id: 'abroad',
      name: '境外（东京、新加坡、巴黎等）',
      // Several countries in one example region: 'ZZ' is ISO 3166's code for "unspecified".
      province: 'ZZ',
      abroad: true,
      cities: ['东京', '大阪', '首尔', '新加坡', '曼谷', '吉隆坡', '巴黎', '伦敦', '柏林', '罗马', '马德里', '纽约', '华盛顿', '悉尼'],
      lodgingCapFen: capsAbroad(1200),
      mealFenPerDay: yuan(400),
      localTransportFenPerDay: yuan(300),
    },
    // Any city no region lists. 'CN' is no province, so such a trip counts as out of province.
    { id: 'other', name: '其他地区', province: 'CN', abroad: false, cities: [], lodgingCapFen: caps(400, 300), mealFenPerDay: MEALS, localTransportFenPerDay: LOCAL },
  ],
  transportClasses: {
    senior: { train: 'first', plane: 'economy', ship: 'second', car: 'standard', bus: 'standard' },
    other: { train: 'second', plane: 'economy', ship: 'third', car: 'standard', bus: 'standard' },
  },
  defaultRegionId: 'other',
  active: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: null,
};
