/**
 * 启程 G20 2027 / Qicheng G20 2027: a large MPV that doubles as a factory camper base
 * (房车底盘). The business trims are about seating and comfort; the Voyager trim opens the
 * camper conversion: kitchenette, pop-top or roof tent, awning, power station, water and
 * parking climate, each bound by space, roof and power rules.
 */
import type { Model, PriceAdjustment, Rule } from '@openc2b/configurator';
import { bundle, family, none, offeredByTrim, option, requires, text, yuan } from './build-model.ts';

const trim = family('trim', '车型版本', 'Trim level', 'packages', [
  option('trim-comfort', '舒适型', 'Comfort', 0, {
    description: text(
      '双侧滑门、三区空调、10.1英寸中控屏',
      'Two sliding doors, tri-zone climate, 10.1" screen',
    ),
  }),
  option('trim-luxury', '豪华型', 'Luxury', 30000, {
    description: text(
      '双侧电动滑门、合成皮革座椅、12.3英寸双联屏、L2 级驾驶辅助',
      'Power sliding doors, leatherette, 12.3" dual screens, Level 2 assist',
    ),
  }),
  option('trim-voyager', '旅居型', 'Voyager', 38000, {
    description: text(
      '房车底盘：加强车顶、第二电瓶、外接市电接口、前排旋转座椅预留，开放旅居改装选项',
      'Camper base: reinforced roof, second battery, shore-power inlet, swivel-seat mounts; opens the camper options',
    ),
  }),
]);

const engine = family('engine', '动力', 'Engine', 'powertrain', [
  option('eng-gas', '2.0T 汽油 + 8AT', '2.0T gasoline, 8-speed automatic', 0, {
    description: text('165kW / 350N·m', '165 kW / 350 N·m'),
  }),
  option('eng-diesel', '2.0T 柴油 + 8AT', '2.0T diesel, 8-speed automatic', 10000, {
    description: text('110kW / 375N·m，长途旅行油耗低', '110 kW / 375 N·m, economical on long trips'),
  }),
  option('eng-ev', '纯电（102kWh）', 'Electric (102 kWh)', 58000, {
    description: text('CLTC 续航 550km，支持 6.6kW 对外放电', '550 km CLTC range, 6.6 kW vehicle-to-load'),
  }),
]);

const drive = family('drive', '驱动形式', 'Drivetrain', 'powertrain', [
  option('drive-rwd', '后驱', 'Rear-wheel drive'),
  option('drive-awd', '适时四驱', 'On-demand AWD', 15000),
]);

const body = family('body', '车身', 'Body', 'exterior', [
  option('body-swb', '标准轴距（车长 5.2m）', 'Standard wheelbase (5.2 m long)'),
  option('body-lwb', '长轴距（车长 5.7m）', 'Long wheelbase (5.7 m long)', 12000),
  option(
    'body-lwb-high',
    '长轴高顶（车内站立高度 1.9m）',
    'Long wheelbase, high roof (1.9 m standing height)',
    22000,
  ),
]);

const longBodies = ['body-lwb', 'body-lwb-high'];

const paint = family('paint', '车身颜色', 'Paint', 'exterior', [
  option('paint-pearl-white', '珍珠白', 'Pearl White', 0, { swatch: '#f4f2ec' }),
  option('paint-aurora-silver', '极光银', 'Aurora Silver', 2500, {
    swatch: '#c0c4c8',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-graphite-grey', '石墨灰', 'Graphite Grey', 2500, {
    swatch: '#4a4d50',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-night-black', '曜夜黑', 'Night Black', 2500, {
    swatch: '#151618',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-deep-blue', '深海蓝', 'Deep Blue', 2500, {
    swatch: '#203a5c',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-pine-green', '雾松绿', 'Misty Pine Green', 4000, {
    swatch: '#5d7263',
    description: text('旅行特别色', 'Travel special colour'),
  }),
  option('paint-camel', '沙漠驼', 'Desert Camel', 4000, {
    swatch: '#b49a76',
    description: text('旅行特别色', 'Travel special colour'),
  }),
  option('paint-sun-yellow', '暖阳黄', 'Sunrise Yellow', 4000, {
    swatch: '#e0b33a',
    description: text('旅行特别色', 'Travel special colour'),
  }),
]);

const doors = family('sliding-doors', '侧滑门', 'Sliding doors', 'exterior', [
  option('door-manual', '双侧手动滑门', 'Two manual sliding doors'),
  option('door-power', '双侧电动滑门（感应开启）', 'Two power sliding doors with hands-free opening', 4000),
]);

const wheels = family('wheels', '轮毂', 'Wheels', 'wheels_tyres', [
  option('wheel-17-alloy', '17英寸 铝合金轮毂', '17" alloys'),
  option('wheel-17-rugged', '17英寸 越野轮毂', '17" rugged alloys', 1500),
  option('wheel-18-alloy', '18英寸 双色切削轮毂', '18" diamond-cut alloys', 3000),
]);

const tyres = family('tyres', '轮胎', 'Tyres', 'wheels_tyres', [
  option('tyre-touring', '舒适静音轮胎', 'Quiet touring tyres'),
  option('tyre-at', '全地形轮胎（A/T）', 'All-terrain tyres (A/T)', 2000),
]);

const seating = family('seating', '座椅布局', 'Seating', 'seats', [
  option('seats-7', '7座（2+2+3）', '7 seats (2+2+3)'),
  option('seats-8', '8座（2+3+3）', '8 seats (2+3+3)', 2000),
  option('seats-9', '9座（2+2+2+3）', '9 seats (2+2+2+3)', 4000),
  option('seats-6-captain', '6座（2+2+2 航空座椅）', '6 seats (2+2+2 first-class captain chairs)', 15000, {
    description: text(
      '二排电动航空座椅，带腿托与小桌板',
      'Power first-class second-row seats with leg rests and tray tables',
    ),
  }),
  option(
    'seats-4-camper',
    '4座旅居布局（前排旋转座椅 + 二排沙发床）',
    '4-seat camper layout (swivel front seats, sofa bed)',
    8000,
    {
      description: text(
        '前排可旋转 180° 围坐用餐，二排沙发可放平为 1.2m 双人床',
        'Front seats swivel to face the cabin; the sofa folds into a 1.2 m double bed',
      ),
    },
  ),
]);

const material = family('seat-material', '座椅材质', 'Seat material', 'seats', [
  option('seat-fabric', '织物座椅', 'Fabric seats'),
  option('seat-leatherette', '合成皮革座椅（防水易清洁）', 'Wipe-clean leatherette seats', 3000),
  option('seat-leather', 'Nappa 真皮座椅', 'Nappa leather seats', 9000),
]);

const secondRow = family(
  'second-row-comfort',
  '二排座椅舒适',
  'Second-row comfort',
  'seats',
  [
    option('r2-heat', '二排座椅加热', 'Heated second-row seats', 1500),
    option(
      'r2-massage',
      '二排座椅加热 + 通风 + 按摩',
      'Heated, ventilated and massaging second-row seats',
      6000,
    ),
  ],
  true,
);

const kitchen = family(
  'kitchenette',
  '厨房模块',
  'Kitchenette',
  'interior',
  [
    option(
      'kitchen-compact',
      '简易厨房（单头电磁炉 + 水槽 + 20L 冰箱）',
      'Compact kitchen (induction hob, sink, 20 L fridge)',
      12800,
    ),
    option(
      'kitchen-full',
      '全功能厨房（双头电磁炉 + 水槽 + 60L 压缩机冰箱 + 橱柜）',
      'Full kitchen (two-zone hob, sink, 60 L compressor fridge, cabinets)',
      26800,
    ),
  ],
  true,
);

const popTop = family(
  'pop-top',
  '电动升顶',
  'Pop-top roof',
  'exterior',
  [
    option(
      'roof-poptop',
      '电动升顶（上层 1.3m 双人床）',
      'Power pop-top with 1.3 m upper double bed',
      38000,
      {
        description: text(
          '升起后车内站立高度 2.1m，带三面透气纱窗',
          '2.1 m standing height when raised, mesh windows on three sides',
        ),
      },
    ),
  ],
  true,
);

const roofTent = family(
  'roof-tent',
  '车顶帐篷',
  'Roof tent',
  'accessories',
  [option('roof-tent-hardshell', '硬壳车顶帐篷（2 人）', 'Hard-shell roof tent (sleeps 2)', 12800)],
  true,
);

const roofRack = family(
  'roof-rack',
  '车顶行李架',
  'Roof rack',
  'exterior',
  [option('rack-roof', '全尺寸车顶平台（承重 150kg）', 'Full-length roof platform (150 kg)', 4800)],
  true,
);

const awning = family(
  'awning',
  '侧天幕',
  'Awning',
  'accessories',
  [
    option('awning-manual', '2.5m 手摇侧天幕', '2.5 m wind-out awning', 3800),
    option('awning-power', '3.5m 电动侧天幕（带 LED 灯带）', '3.5 m power awning with LED strip', 8800),
  ],
  true,
);

const powerStation = family(
  'power-station',
  '储能电源',
  'Power station',
  'interior',
  [
    option('power-2kwh', '2kWh 磷酸铁锂储能 + 2000W 逆变器', '2 kWh LFP battery with 2000 W inverter', 8800),
    option('power-5kwh', '5kWh 磷酸铁锂储能 + 3000W 逆变器', '5 kWh LFP battery with 3000 W inverter', 16800),
    option(
      'power-10kwh',
      '10kWh 磷酸铁锂储能 + 3000W 逆变器',
      '10 kWh LFP battery with 3000 W inverter',
      29800,
      {
        description: text('可支持驻车空调整夜运行', 'Runs the parking air conditioner through the night'),
      },
    ),
  ],
  true,
);

const solar = family(
  'solar',
  '太阳能板',
  'Solar panels',
  'accessories',
  [
    option('solar-200', '200W 柔性太阳能板', '200 W flexible solar panel', 3800),
    option('solar-400', '400W 太阳能板（铝框）', '400 W framed solar panels', 6800),
  ],
  true,
);

const water = family(
  'water',
  '水路系统',
  'Water system',
  'interior',
  [
    option('water-40', '40L 清水箱 + 灰水箱', '40 L fresh and grey water tanks', 2800),
    option(
      'water-80-shower',
      '80L 清水箱 + 热水器 + 车外淋浴',
      '80 L fresh water, water heater and outdoor shower',
      7800,
    ),
  ],
  true,
);

const parkingClimate = family(
  'parking-climate',
  '驻车温控',
  'Parking climate',
  'interior',
  [
    option('heater-fuel', '燃油驻车加热器（2kW）', 'Fuel-fired parking heater (2 kW)', 4800),
    option('parking-ac', '驻车空调（独立电动压缩机）', 'Parking air conditioner (electric compressor)', 9800),
  ],
  true,
);

const toilet = family(
  'toilet',
  '卫浴',
  'Toilet',
  'interior',
  [option('toilet-cassette', '卡式马桶（带隐藏式储物柜）', 'Cassette toilet in a hidden cabinet', 3800)],
  true,
);

const rearBed = family(
  'rear-bed',
  '车尾固定床',
  'Rear fixed bed',
  'interior',
  [
    option(
      'rear-bed-fixed',
      '车尾横置固定床（1.9m × 1.3m，床下储物）',
      'Rear transverse fixed bed (1.9 × 1.3 m) with storage below',
      6800,
    ),
  ],
  true,
);

const curtains = family(
  'blackout',
  '遮光隔热',
  'Blackout and insulation',
  'interior',
  [option('blackout-kit', '全车遮光帘 + 隔热棉', 'Full blackout blinds and insulation', 2800)],
  true,
);

const screen = family('screen', '智能座舱屏幕', 'Cockpit screens', 'technology', [
  option('screen-101', '10.1英寸 中控屏', '10.1" centre screen'),
  option('screen-dual', '12.3英寸 双联屏', '12.3" dual screens', 4000),
]);

const adas = family('adas', '驾驶辅助', 'Driver assistance', 'technology', [
  option('adas-basic', '主动刹车 + 车道偏离预警', 'Emergency braking and lane departure warning'),
  option('adas-l2', 'L2 级驾驶辅助', 'Level 2 driver assistance', 5000),
  option('adas-l2-360', 'L2 级驾驶辅助 + 360° 全景影像', 'Level 2 assist with 360° camera', 8000),
]);

const rearScreen = family(
  'rear-entertainment',
  '后排娱乐',
  'Rear entertainment',
  'technology',
  [option('rse-ceiling', '17.3英寸 后排吸顶屏', '17.3" ceiling-mounted rear screen', 8800)],
  true,
);

const towBar = family(
  'tow-bar',
  '拖车钩',
  'Tow bar',
  'accessories',
  [option('tow-bar-2t', '可拆卸拖车钩（牵引 2.0 吨）', 'Detachable tow bar (2.0 t)', 3500)],
  true,
);

const bikeCarrier = family(
  'bike-carrier',
  '自行车架',
  'Bike carrier',
  'accessories',
  [
    option('bike-rear-door', '尾门自行车架（2 辆）', 'Rear-door bike carrier (2 bikes)', 1800),
    option('bike-tow', '拖钩自行车架（4 辆，可倾倒）', 'Tilting tow-bar bike carrier (4 bikes)', 3600),
  ],
  true,
);

const ladder = family(
  'rear-ladder',
  '车尾爬梯',
  'Rear ladder',
  'accessories',
  [option('ladder-rear', '车尾不锈钢爬梯', 'Stainless rear ladder', 1600)],
  true,
);

const camperPack = family(
  'pack-camper',
  '旅居基础包',
  'Camper Starter Pack',
  'packages',
  [
    option('pkg-camper', '旅居基础包', 'Camper Starter Pack', 0, {
      description: text(
        '含简易厨房、40L 水路、2kWh 储能、手摇侧天幕与遮光隔热，组合立省 ¥5,000',
        'Compact kitchen, 40 L water, 2 kWh power station, wind-out awning and blackout kit; save ¥5,000',
      ),
    }),
  ],
  true,
);

const offGridPack = family(
  'pack-offgrid',
  '离网露营包',
  'Off-Grid Pack',
  'packages',
  [
    option('pkg-offgrid', '离网露营包', 'Off-Grid Pack', 0, {
      description: text(
        '含 10kWh 储能、400W 太阳能板、驻车空调，组合立省 ¥6,000',
        '10 kWh power station, 400 W solar and parking air conditioning; save ¥6,000',
      ),
    }),
  ],
  true,
);

const businessPack = family(
  'pack-business',
  '商务接待包',
  'Executive Shuttle Pack',
  'packages',
  [
    option('pkg-business', '商务接待包', 'Executive Shuttle Pack', 0, {
      description: text(
        '含 6座航空座椅、Nappa 真皮、二排按摩、后排吸顶屏，组合立省 ¥6,000',
        'Six first-class seats, Nappa leather, second-row massage and the ceiling screen; save ¥6,000',
      ),
    }),
  ],
  true,
);

const mats = family(
  'floor-mats',
  '地板与脚垫',
  'Floor and mats',
  'accessories',
  [
    option('mats-tpe', 'TPE 全包围脚垫', 'TPE floor liners', 980),
    option('mats-wood', '游艇木纹地板', 'Yacht-style wood-look floor', 4800),
  ],
  true,
);

const warranty = family(
  'warranty',
  '延长质保',
  'Extended warranty',
  'packages',
  [
    option(
      'warranty-6y',
      '整车延保至 6年/15万公里',
      'Vehicle warranty extended to 6 years / 150,000 km',
      4200,
    ),
    option(
      'warranty-camper',
      '整车延保 + 旅居上装 3年质保',
      'Extended warranty plus 3 years on the camper fit-out',
      6800,
    ),
  ],
  true,
);

const families = [
  trim,
  engine,
  drive,
  body,
  paint,
  doors,
  wheels,
  tyres,
  seating,
  material,
  secondRow,
  kitchen,
  popTop,
  roofTent,
  roofRack,
  awning,
  powerStation,
  solar,
  water,
  parkingClimate,
  toilet,
  rearBed,
  curtains,
  screen,
  adas,
  rearScreen,
  towBar,
  bikeCarrier,
  ladder,
  camperPack,
  offGridPack,
  businessPack,
  mats,
  warranty,
];

const C = 'trim-comfort';
const L = 'trim-luxury';
const V = 'trim-voyager';

const byTrim = [
  offeredByTrim(trim, seating, {
    [C]: ['seats-7', 'seats-8', 'seats-9'],
    [L]: ['seats-7', 'seats-6-captain'],
    [V]: ['seats-7', 'seats-4-camper'],
  }),
  offeredByTrim(trim, material, {
    [C]: ['seat-fabric', 'seat-leatherette'],
    [L]: ['seat-leatherette', 'seat-leather'],
    [V]: ['seat-leatherette', 'seat-leather'],
  }),
  offeredByTrim(trim, doors, {
    [C]: ['door-manual', 'door-power'],
    [L]: ['door-power'],
    [V]: ['door-manual', 'door-power'],
  }),
  offeredByTrim(trim, screen, {
    [C]: ['screen-101'],
    [L]: ['screen-dual'],
    [V]: ['screen-101', 'screen-dual'],
  }),
  offeredByTrim(trim, adas, {
    [C]: ['adas-basic', 'adas-l2'],
    [L]: ['adas-l2', 'adas-l2-360'],
    [V]: ['adas-l2', 'adas-l2-360'],
  }),
  offeredByTrim(trim, camperPack, {
    [C]: [none('pack-camper')],
    [L]: [none('pack-camper')],
    [V]: [none('pack-camper'), 'pkg-camper'],
  }),
  offeredByTrim(trim, businessPack, {
    [C]: [none('pack-business')],
    [L]: [none('pack-business'), 'pkg-business'],
    [V]: [none('pack-business')],
  }),
];

const camperItems = [
  'kitchen-compact',
  'kitchen-full',
  'roof-poptop',
  'water-40',
  'water-80-shower',
  'rear-bed-fixed',
];

const rules: Rule[] = [
  requires(
    'awd-diesel',
    'drive-awd',
    'eng-diesel',
    text('适时四驱仅搭配 2.0T 柴油', 'On-demand AWD comes with the 2.0T diesel only'),
  ),
  requires(
    'nine-seats-long',
    'seats-9',
    { any: longBodies },
    text('9座布局需长轴距车身', 'Nine seats need the long wheelbase'),
  ),
  {
    id: 'camper-roof',
    // Pop-top, roof tent and high roof are Voyager equipment, and a Voyager has exactly one of
    // them: {not: V} counts as the one for the other trims, so they get none of the three.
    kind: 'exactly',
    n: 1,
    of: [{ not: V }, 'roof-poptop', 'roof-tent-hardshell', 'body-lwb-high'],
    message: text(
      '旅居型需在电动升顶、车顶帐篷与高顶车身中选择一项（三者仅限旅居型，且不能同时安装）',
      'A Voyager takes exactly one of pop-top, roof tent or high roof (all three are Voyager-only and exclude each other)',
    ),
  },
  requires(
    'camper-interior-voyager',
    { any: camperItems },
    V,
    text('旅居改装选项仅提供于旅居型', 'The camper fit-out is offered on the Voyager trim only'),
  ),
  requires(
    'kitchen-layout',
    { not: none('kitchenette') },
    'seats-4-camper',
    text('厨房模块需选择 4座旅居布局', 'The kitchenette needs the 4-seat camper layout'),
  ),
  requires(
    'full-kitchen-long',
    'kitchen-full',
    { any: longBodies },
    text('全功能厨房需长轴距车身', 'The full kitchen needs the long wheelbase'),
  ),
  requires(
    'water-needs-sink',
    { not: none('water') },
    { not: none('kitchenette') },
    text('水路系统需搭配带水槽的厨房模块', 'The water system needs a kitchenette with a sink'),
  ),
  requires(
    'shower-long',
    'water-80-shower',
    { any: longBodies },
    text('80L 水路与淋浴需长轴距车身', 'The 80 L water system with shower needs the long wheelbase'),
  ),
  requires(
    'rear-bed-space',
    'rear-bed-fixed',
    { all: ['seats-4-camper', { any: longBodies }] },
    text(
      '车尾固定床需 4座旅居布局与长轴距车身',
      'The rear fixed bed needs the camper layout and the long wheelbase',
    ),
  ),
  {
    id: 'rear-bed-tanks',
    kind: 'excludes',
    a: 'rear-bed-fixed',
    b: 'water-80-shower',
    message: text('固定床下空间放不下 80L 水箱', 'The 80 L tank does not fit under the fixed bed'),
  },
  requires(
    'toilet-long',
    'toilet-cassette',
    { all: [V, { any: longBodies }] },
    text('卡式马桶需旅居型长轴距车身', 'The cassette toilet needs a long-wheelbase Voyager'),
  ),
  {
    id: 'pop-top-no-rack',
    kind: 'excludes',
    a: 'roof-poptop',
    b: 'rack-roof',
    message: text('电动升顶占用车顶，无法安装车顶平台', 'The pop-top takes the roof: no roof platform'),
  },
  requires(
    'roof-tent-rack',
    'roof-tent-hardshell',
    'rack-roof',
    text('车顶帐篷需安装在车顶平台上', 'The roof tent mounts on the roof platform'),
  ),
  {
    id: 'solar-roof-space',
    kind: 'table',
    families: ['solar', 'pop-top', 'roof-tent'],
    mode: 'forbidden',
    rows: [
      ['solar-400', 'roof-poptop', '*'],
      ['solar-200', '*', 'roof-tent-hardshell'],
      ['solar-400', '*', 'roof-tent-hardshell'],
    ],
    message: text(
      '车顶面积有限：升顶只能配 200W 柔性板，车顶帐篷不能再装太阳能板',
      'Roof space: the pop-top takes only the 200 W flexible panel; the roof tent leaves no room for panels',
    ),
  },
  requires(
    'solar-needs-storage',
    { not: none('solar') },
    { not: none('power-station') },
    text('太阳能板需搭配储能电源', 'Solar panels need a power station'),
  ),
  requires(
    'big-battery-long',
    'power-10kwh',
    { any: longBodies },
    text('10kWh 储能需长轴距车身', 'The 10 kWh power station needs the long wheelbase'),
  ),
  {
    id: 'fuel-heater-engine',
    kind: 'excludes',
    a: 'heater-fuel',
    b: 'eng-ev',
    message: text('燃油驻车加热器不提供于纯电版', 'The fuel-fired heater is not offered on the electric G20'),
  },
  requires(
    'parking-ac-power',
    'parking-ac',
    { any: ['power-5kwh', 'power-10kwh', 'eng-ev'] },
    text(
      '驻车空调需 5kWh 及以上储能或纯电版',
      'The parking air conditioner needs 5 kWh or more of storage, or the electric G20',
    ),
  ),
  {
    id: 'ceiling-screen-roof',
    kind: 'excludes',
    a: 'rse-ceiling',
    b: { any: ['roof-poptop', 'seats-4-camper'] },
    message: text(
      '吸顶屏与电动升顶、4座旅居布局冲突',
      'The ceiling screen cannot be combined with the pop-top or the camper layout',
    ),
  },
  requires(
    'massage-captain',
    'r2-massage',
    { all: ['seats-6-captain', 'seat-leather'] },
    text(
      '二排按摩需 6座航空座椅与 Nappa 真皮',
      'Second-row massage needs the captain chairs and Nappa leather',
    ),
  ),
  {
    id: 'special-colours',
    kind: 'table',
    families: ['trim', 'paint'],
    mode: 'forbidden',
    rows: [
      [C, 'paint-pine-green'],
      [C, 'paint-camel'],
      [C, 'paint-sun-yellow'],
      [L, 'paint-sun-yellow'],
    ],
    message: text(
      '旅行特别色不提供于舒适型；暖阳黄仅限旅居型',
      'Travel special colours are not offered on the Comfort trim; Sunrise Yellow is Voyager only',
    ),
  },
  requires(
    'at-tyres-wheels',
    'tyre-at',
    'wheel-17-rugged',
    text('全地形轮胎搭配 17英寸越野轮毂', 'All-terrain tyres come on the 17" rugged wheels'),
  ),
  requires(
    'ladder-roof',
    'ladder-rear',
    'rack-roof',
    text('车尾爬梯用于上下车顶平台', 'The rear ladder serves the roof platform'),
  ),
  requires(
    'bike-tow-bar',
    'bike-tow',
    'tow-bar-2t',
    text('拖钩自行车架需选装拖车钩', 'The tow-bar bike carrier needs the tow bar'),
  ),
  {
    id: 'one-rear-door-mount',
    kind: 'atMost',
    n: 1,
    of: ['ladder-rear', 'bike-rear-door'],
    message: text(
      '尾门只能安装爬梯或自行车架其中一件',
      'The rear doors carry either the ladder or the bike carrier',
    ),
  },
  requires(
    'camper-warranty',
    'warranty-camper',
    { any: [...camperItems, 'roof-tent-hardshell'] },
    text('旅居上装质保适用于选装旅居改装的车辆', 'The fit-out warranty needs camper equipment'),
  ),
  ...byTrim.map((t) => t.rule),
];

const bundles = [
  bundle(
    'pkg-camper',
    ['kitchen-compact', 'water-40', 'power-2kwh', 'awning-manual', 'blackout-kit'],
    5000,
    '旅居基础包',
    'Camper Starter Pack',
  ),
  bundle('pkg-offgrid', ['power-10kwh', 'solar-400', 'parking-ac'], 6000, '离网露营包', 'Off-Grid Pack'),
  bundle(
    'pkg-business',
    ['seats-6-captain', 'seat-leather', 'r2-massage', 'rse-ceiling'],
    6000,
    '商务接待包',
    'Executive Shuttle Pack',
  ),
];

const adjustments: PriceAdjustment[] = [
  ...byTrim.flatMap((t) => t.adjustments),
  ...bundles.map((b) => b.adjustment),
];

export const qcG202027: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'qc-g20-2027',
  name: text('启程 G20 2027款', 'Qicheng G20 2027'),
  currency: 'CNY',
  basePrice: yuan(199800),
  families,
  rules: [...rules, ...bundles.map((b) => b.rule)],
  adjustments,
  defaults: {
    trim: V,
    engine: 'eng-diesel',
    drive: 'drive-rwd',
    body: 'body-lwb',
    paint: 'paint-pine-green',
    'sliding-doors': 'door-power',
    wheels: 'wheel-17-alloy',
    tyres: 'tyre-touring',
    seating: 'seats-4-camper',
    'seat-material': 'seat-leatherette',
    'second-row-comfort': none('second-row-comfort'),
    kitchenette: 'kitchen-compact',
    'pop-top': 'roof-poptop',
    'roof-tent': none('roof-tent'),
    'roof-rack': none('roof-rack'),
    awning: 'awning-manual',
    'power-station': 'power-2kwh',
    solar: 'solar-200',
    water: 'water-40',
    'parking-climate': 'heater-fuel',
    toilet: none('toilet'),
    'rear-bed': none('rear-bed'),
    blackout: 'blackout-kit',
    screen: 'screen-dual',
    adas: 'adas-l2',
    'rear-entertainment': none('rear-entertainment'),
    'tow-bar': none('tow-bar'),
    'bike-carrier': 'bike-rear-door',
    'rear-ladder': none('rear-ladder'),
    'pack-camper': 'pkg-camper',
    'pack-offgrid': none('pack-offgrid'),
    'pack-business': none('pack-business'),
    'floor-mats': 'mats-tpe',
    warranty: 'warranty-camper',
  },
};
