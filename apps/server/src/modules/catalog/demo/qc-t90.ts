/**
 * 启程 T90 2027 / Qicheng T90 2027: a body-on-frame pickup sold as a work truck, a family
 * double cab and an electric pickup. Cab and bed combinations, drivetrains, towing and bed
 * equipment carry most of the rules.
 */
import type { Model, PriceAdjustment, Rule } from '@openc2b/configurator';
import { bundle, family, none, offeredByTrim, option, requires, text, yuan } from './build-model.ts';

const trim = family('trim', '车型版本', 'Trim level', 'packages', [
  option('trim-work', '实用型', 'Work', 0, {
    description: text(
      '钢制轮毂、织物座椅、手动空调，为工地与货运而生',
      'Steel wheels, fabric seats, manual air conditioning: built for work',
    ),
  }),
  option('trim-elite', '精英型', 'Elite', 22000, {
    description: text(
      '10.25英寸中控屏、自动空调、铝合金轮毂、倒车影像',
      '10.25" screen, automatic climate control, alloy wheels, reversing camera',
    ),
  }),
  option('trim-flagship', '旗舰型', 'Flagship', 48000, {
    description: text(
      '12.3英寸大屏、合成皮革座椅（可选真皮）、全景影像、L2 级驾驶辅助',
      '12.3" screen, leatherette (leather optional), surround view, Level 2 driver assistance',
    ),
  }),
]);

const engine = family('engine', '动力', 'Engine', 'powertrain', [
  option('eng-diesel', '2.0T 柴油', '2.0T diesel', 0, {
    description: text('110kW / 375N·m，省油耐用', '110 kW / 375 N·m, frugal and durable'),
  }),
  option('eng-diesel-biturbo', '2.0T 双涡轮柴油', '2.0T twin-turbo diesel', 16000, {
    description: text('160kW / 500N·m，满载爬坡不吃力', '160 kW / 500 N·m for full loads up steep grades'),
  }),
  option('eng-gas', '2.4T 汽油', '2.4T gasoline', 6000, {
    description: text('160kW / 360N·m，安静平顺', '160 kW / 360 N·m, quiet and smooth'),
  }),
  option('eng-ev', '纯电双电机（88.55kWh）', 'Electric, dual motor (88.55 kWh)', 80000, {
    description: text(
      'CLTC 续航 535km，双电机四驱，支持 6.6kW 对外放电',
      '535 km CLTC range, dual-motor AWD, 6.6 kW vehicle-to-load',
    ),
  }),
]);

const transmission = family('transmission', '变速箱', 'Transmission', 'powertrain', [
  option('tx-6mt', '6速手动', '6-speed manual'),
  option('tx-8at', '8速手自一体', '8-speed automatic', 10000),
  option('tx-ev', '单速减速器', 'Single-speed reduction gear'),
]);

const drive = family('drive', '驱动形式', 'Drivetrain', 'powertrain', [
  option('drive-2wd', '后驱', 'Rear-wheel drive'),
  option('drive-4wd', '分时四驱（带低速四驱）', 'Part-time 4WD with low range', 14000),
  option(
    'drive-4wd-lock',
    '分时四驱 + 后桥电子差速锁',
    'Part-time 4WD with rear locking differential',
    17000,
  ),
  option('drive-ev-awd', '双电机智能四驱', 'Dual-motor intelligent AWD'),
]);

const suspension = family('rear-suspension', '后悬架', 'Rear suspension', 'powertrain', [
  option('leaf-standard', '多片式钢板弹簧（舒适调校）', 'Multi-leaf springs, comfort tuned'),
  option('leaf-heavy', '加强型钢板弹簧（额定载质量 1 吨）', 'Heavy-duty leaf springs (1 t payload)', 2000),
]);

const towing = family(
  'towing',
  '拖挂装置',
  'Towing',
  'powertrain',
  [
    option('tow-ball-3t', '拖车球头（牵引 3.0 吨，7芯插座）', 'Tow ball (3.0 t, 7-pin socket)', 2500),
    option(
      'tow-ball-35t',
      '重载拖车钩（牵引 3.5 吨，13芯插座 + 拖车稳定）',
      'Heavy tow hitch (3.5 t, 13-pin, trailer sway control)',
      4500,
    ),
  ],
  true,
);

const winch = family(
  'winch',
  '绞盘',
  'Winch',
  'powertrain',
  [
    option(
      'winch-electric',
      '电动绞盘（拉力 4.5 吨）+ 钢制前杠',
      'Electric winch (4.5 t) with steel front bar',
      6800,
    ),
  ],
  true,
);

const snorkel = family(
  'snorkel',
  '涉水喉',
  'Snorkel',
  'powertrain',
  [option('snorkel-raised', '高位涉水喉（涉水深度 800mm）', 'Raised air intake (800 mm wading)', 2200)],
  true,
);

const cab = family('cab', '驾驶室', 'Cab', 'exterior', [
  option('cab-double', '双排座（5座）', 'Double cab (5 seats)'),
  option('cab-single', '单排座（2座）', 'Single cab (2 seats)', -12000),
]);

const bed = family('bed', '货箱', 'Bed', 'exterior', [
  option('bed-standard', '标准货箱（1485mm）', 'Standard bed (1485 mm)'),
  option('bed-long', '长货箱（1800mm）', 'Long bed (1800 mm)', 5000),
  option('bed-xl', '超长货箱（2300mm）', 'Extra-long bed (2300 mm)', 6000),
]);

const paint = family('paint', '车身颜色', 'Paint', 'exterior', [
  option('paint-glacier-white', '冰川白', 'Glacier White', 0, { swatch: '#f1f2ef' }),
  option('paint-carbon-black', '碳晶黑', 'Carbon Black', 2000, {
    swatch: '#18191b',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-iron-grey', '铁岩灰', 'Iron Grey', 2000, {
    swatch: '#4e5357',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-sky-silver', '天际银', 'Sky Silver', 2000, {
    swatch: '#b5b9bd',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-ocean-blue', '怒海蓝', 'Ocean Blue', 2000, {
    swatch: '#23466e',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-canyon-red', '峡谷红', 'Canyon Red', 3000, {
    swatch: '#9b2d20',
    description: text('个性色', 'Special colour'),
  }),
  option('paint-sand-khaki', '沙丘卡其', 'Dune Khaki', 3000, {
    swatch: '#a89572',
    description: text('个性色', 'Special colour'),
  }),
  option('paint-army-green', '丛林绿', 'Jungle Green', 3000, {
    swatch: '#4a5a3c',
    description: text('个性色', 'Special colour'),
  }),
]);

const bedCover = family(
  'bed-cover',
  '货箱盖',
  'Bed cover',
  'exterior',
  [
    option('cover-soft', '软折叠货箱盖', 'Soft folding tonneau cover', 2800),
    option('cover-roller', '电动卷帘货箱盖', 'Power roller shutter', 7800),
    option('cover-canopy', '高顶货箱盖（带侧窗）', 'Hardtop canopy with side windows', 9800),
  ],
  true,
);

const bedLiner = family(
  'bed-liner',
  '货箱内衬',
  'Bed liner',
  'exterior',
  [
    option('liner-drop-in', 'PE 货箱内衬', 'Drop-in PE bed liner', 1200),
    option('liner-spray', '聚脲喷涂内衬', 'Spray-on polyurea liner', 2800),
  ],
  true,
);

const bedRack = family(
  'bed-rack',
  '货箱架',
  'Bed rack',
  'exterior',
  [
    option('rack-sport-bar', '运动防滚架', 'Sport bar', 2600),
    option('rack-ladder', '货箱梯架（承重 200kg）', 'Ladder rack (200 kg)', 3800),
  ],
  true,
);

const lighting = family('lighting', '灯光', 'Lighting', 'exterior', [
  option('light-halogen', '卤素大灯', 'Halogen headlights'),
  option('light-led', 'LED 大灯 + LED 日间行车灯', 'LED headlights and daytime running lights', 3000),
  option('light-led-bar', 'LED 大灯 + 车顶越野灯排', 'LED headlights and roof light bar', 5200),
]);

const sideSteps = family(
  'side-steps',
  '侧踏板',
  'Side steps',
  'exterior',
  [
    option('step-tube', '圆管侧踏', 'Tubular side steps', 1500),
    option('step-rock-slider', '越野护石杠', 'Rock sliders', 2800),
  ],
  true,
);

const wheels = family('wheels', '轮毂', 'Wheels', 'wheels_tyres', [
  option('wheel-17-steel', '17英寸 钢制轮毂', '17" steel wheels'),
  option('wheel-17-alloy', '17英寸 铝合金轮毂', '17" alloys', 2000),
  option('wheel-18-alloy', '18英寸 双色铝合金轮毂', '18" two-tone alloys', 3500),
  option('wheel-18-beadlock', '18英寸 仿锁圈越野轮毂', '18" beadlock-style off-road wheels', 4800),
  option('wheel-20-alloy', '20英寸 镀铬铝合金轮毂', '20" chrome alloys', 6500),
]);

const tyres = family('tyres', '轮胎', 'Tyres', 'wheels_tyres', [
  option('tyre-ht', '公路轮胎（H/T）', 'Highway tyres (H/T)'),
  option('tyre-at', '全地形轮胎（A/T）', 'All-terrain tyres (A/T)', 2400),
  option('tyre-mt', '泥地轮胎（M/T）', 'Mud-terrain tyres (M/T)', 3600),
]);

const seats = family('seat-material', '座椅', 'Seats', 'seats', [
  option('seat-fabric', '耐磨织物座椅', 'Hard-wearing fabric seats'),
  option('seat-leatherette', '合成皮革座椅', 'Leatherette seats', 2500),
  option('seat-leather', '真皮座椅', 'Leather seats', 6000),
]);

const seatComfort = family(
  'seat-comfort',
  '座椅舒适',
  'Seat comfort',
  'seats',
  [
    option('seat-heat', '前排座椅加热', 'Heated front seats', 1200),
    option('seat-heat-vent', '前排座椅加热 + 通风', 'Heated and ventilated front seats', 3000),
  ],
  true,
);

const screen = family('screen', '中控屏', 'Centre screen', 'technology', [
  option('screen-radio', '收音机 + 蓝牙', 'Radio with Bluetooth'),
  option(
    'screen-1025',
    '10.25英寸 中控屏（CarPlay/CarLife）',
    '10.25" screen with CarPlay and CarLife',
    3000,
  ),
  option('screen-123', '12.3英寸 中控屏 + 全液晶仪表', '12.3" screen and digital cluster', 6000),
]);

const camera = family('camera', '影像', 'Cameras', 'technology', [
  option('cam-none', '倒车雷达', 'Rear parking sensors'),
  option('cam-rear', '倒车雷达 + 倒车影像', 'Rear sensors and reversing camera', 1000),
  option('cam-360', '360° 全景影像 + 货箱监控', '360° surround view with bed camera', 3500),
]);

const adas = family(
  'adas',
  '驾驶辅助',
  'Driver assistance',
  'technology',
  [
    option(
      'adas-aeb',
      '主动刹车 + 车道偏离预警',
      'Automatic emergency braking and lane departure warning',
      3000,
    ),
    option(
      'adas-l2',
      'L2 级驾驶辅助（自适应巡航 + 车道居中）',
      'Level 2 assist (adaptive cruise and lane centring)',
      7000,
    ),
  ],
  true,
);

const climate = family('climate', '空调', 'Air conditioning', 'interior', [
  option('ac-manual', '手动空调', 'Manual air conditioning'),
  option('ac-auto', '自动空调 + 后排出风口', 'Automatic climate control with rear vents', 2500),
]);

const powerOutlet = family(
  'power-outlet',
  '车载电源',
  'Power outlet',
  'technology',
  [
    option('outlet-220v', '货箱 220V 电源（300W）', 'Bed 220 V outlet (300 W)', 800),
    option('outlet-v2l', '6.6kW 对外放电（V2L）', '6.6 kW vehicle-to-load', 2000),
  ],
  true,
);

const offroadPack = family(
  'pack-offroad',
  '越野套装',
  'Off-Road Pack',
  'packages',
  [
    option('pkg-offroad', '越野套装', 'Off-Road Pack', 0, {
      description: text(
        '含分时四驱 + 后桥差速锁、仿锁圈轮毂与 A/T 轮胎、涉水喉、护石杠，组合立省 ¥3,000',
        'Part-time 4WD with locker, beadlock-style wheels with A/T tyres, snorkel, rock sliders; save ¥3,000',
      ),
    }),
  ],
  true,
);

const workPack = family(
  'pack-work',
  '工程作业包',
  'Work Pack',
  'packages',
  [
    option('pkg-work', '工程作业包', 'Work Pack', 0, {
      description: text(
        '含加强型钢板弹簧、喷涂内衬、货箱梯架、3.0 吨拖车球头，组合立省 ¥1,500',
        'Heavy-duty leaf springs, spray-on liner, ladder rack, 3.0 t tow ball; save ¥1,500',
      ),
    }),
  ],
  true,
);

const roofTent = family(
  'roof-tent',
  '车顶帐篷',
  'Roof tent',
  'accessories',
  [option('tent-hardshell', '硬壳车顶帐篷（2 人）', 'Hard-shell roof tent (sleeps 2)', 12800)],
  true,
);

const toolbox = family(
  'toolbox',
  '货箱工具箱',
  'Bed toolbox',
  'accessories',
  [option('toolbox-lockable', '可上锁货箱横置工具箱', 'Lockable cross-bed toolbox', 1800)],
  true,
);

const mats = family(
  'floor-mats',
  '脚垫',
  'Floor mats',
  'accessories',
  [
    option('mats-rubber', '橡胶防水脚垫', 'Rubber all-weather mats', 380),
    option('mats-tpe', 'TPE 全包围脚垫', 'TPE all-weather floor liners', 780),
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
      'warranty-5y',
      '整车延保至 5年/20万公里',
      'Vehicle warranty extended to 5 years / 200,000 km',
      3500,
    ),
    option(
      'warranty-commercial',
      '营运车辆延保（3年不限里程）',
      'Commercial-use warranty (3 years, unlimited km)',
      5800,
    ),
  ],
  true,
);

const families = [
  trim,
  engine,
  transmission,
  drive,
  suspension,
  towing,
  winch,
  snorkel,
  cab,
  bed,
  paint,
  bedCover,
  bedLiner,
  bedRack,
  lighting,
  sideSteps,
  wheels,
  tyres,
  seats,
  seatComfort,
  climate,
  screen,
  camera,
  adas,
  powerOutlet,
  offroadPack,
  workPack,
  roofTent,
  toolbox,
  mats,
  warranty,
];

const W = 'trim-work';
const E = 'trim-elite';
const F = 'trim-flagship';

const byTrim = [
  offeredByTrim(trim, seats, {
    [W]: ['seat-fabric'],
    [E]: ['seat-fabric', 'seat-leatherette'],
    [F]: ['seat-leatherette', 'seat-leather'],
  }),
  offeredByTrim(trim, screen, {
    [W]: ['screen-radio', 'screen-1025'],
    [E]: ['screen-1025', 'screen-123'],
    [F]: ['screen-123'],
  }),
  offeredByTrim(trim, camera, {
    [W]: ['cam-none', 'cam-rear'],
    [E]: ['cam-rear', 'cam-360'],
    [F]: ['cam-360'],
  }),
  offeredByTrim(trim, climate, {
    [W]: ['ac-manual'],
    [E]: ['ac-auto'],
    [F]: ['ac-auto'],
  }),
  offeredByTrim(trim, lighting, {
    [W]: ['light-halogen', 'light-led'],
    [E]: ['light-led', 'light-led-bar'],
    [F]: ['light-led', 'light-led-bar'],
  }),
  offeredByTrim(trim, adas, {
    [W]: [none('adas'), 'adas-aeb'],
    [E]: ['adas-aeb', 'adas-l2'],
    [F]: ['adas-l2'],
  }),
];

const rules: Rule[] = [
  {
    id: 'powertrain-combinations',
    kind: 'table',
    families: ['engine', 'transmission', 'drive'],
    mode: 'allowed',
    rows: [
      ['eng-diesel', 'tx-6mt', 'drive-2wd'],
      ['eng-diesel', 'tx-6mt', 'drive-4wd'],
      ['eng-diesel', 'tx-8at', 'drive-2wd'],
      ['eng-diesel', 'tx-8at', 'drive-4wd'],
      ['eng-diesel-biturbo', 'tx-8at', 'drive-4wd'],
      ['eng-diesel-biturbo', 'tx-8at', 'drive-4wd-lock'],
      ['eng-gas', 'tx-8at', 'drive-2wd'],
      ['eng-gas', 'tx-8at', 'drive-4wd'],
      ['eng-ev', 'tx-ev', 'drive-ev-awd'],
    ],
    message: text(
      '动力组合：2.0T 柴油可选手动或自动、两驱或四驱；双涡轮柴油为 8AT 四驱；汽油为 8AT；纯电为双电机四驱',
      'Powertrains: 2.0T diesel manual or automatic, 2WD or 4WD; twin-turbo diesel 8AT 4WD; gasoline 8AT; electric dual-motor AWD',
    ),
  },
  {
    id: 'flagship-no-manual',
    kind: 'excludes',
    a: F,
    b: 'tx-6mt',
    message: text('旗舰型仅提供自动挡', 'The Flagship trim is automatic only'),
  },
  requires(
    'single-cab-work',
    'cab-single',
    W,
    text('单排座仅提供实用型', 'The single cab comes in the Work trim only'),
  ),
  {
    id: 'cab-bed',
    kind: 'table',
    families: ['cab', 'bed'],
    mode: 'allowed',
    rows: [
      ['cab-double', 'bed-standard'],
      ['cab-double', 'bed-long'],
      ['cab-single', 'bed-long'],
      ['cab-single', 'bed-xl'],
    ],
    message: text(
      '双排座搭配标准或长货箱，单排座搭配长或超长货箱',
      'The double cab takes the standard or long bed; the single cab the long or extra-long bed',
    ),
  },
  requires(
    'ev-double-cab',
    'eng-ev',
    { all: ['cab-double', 'bed-standard'] },
    text(
      '纯电版为双排座标准货箱（电池布置于车架内）',
      'The electric pickup is a double cab with the standard bed (battery in the frame)',
    ),
  ),
  requires(
    'v2l-ev',
    'outlet-v2l',
    'eng-ev',
    text('6.6kW 对外放电仅提供于纯电版', '6.6 kW vehicle-to-load needs the electric drivetrain'),
  ),
  {
    id: 'ev-towing-limit',
    kind: 'excludes',
    a: 'eng-ev',
    b: 'tow-ball-35t',
    message: text('纯电版最大牵引 3.0 吨', 'The electric pickup tows up to 3.0 t'),
  },
  {
    id: 'ev-snorkel',
    kind: 'excludes',
    a: 'eng-ev',
    b: 'snorkel-raised',
    message: text('纯电版无进气系统，无需涉水喉', 'The electric pickup has no air intake, so no snorkel'),
  },
  requires(
    'heavy-tow-hardware',
    'tow-ball-35t',
    { all: ['eng-diesel-biturbo', 'leaf-heavy'] },
    text(
      '3.5 吨重载拖挂需双涡轮柴油与加强型钢板弹簧',
      'The 3.5 t hitch needs the twin-turbo diesel and heavy-duty leaf springs',
    ),
  ),
  requires(
    'winch-4wd',
    'winch-electric',
    { any: ['drive-4wd', 'drive-4wd-lock', 'drive-ev-awd'] },
    text('绞盘仅提供于四驱车型', 'The winch is offered on four-wheel-drive trucks'),
  ),
  requires(
    'twenty-inch-flagship',
    'wheel-20-alloy',
    F,
    text('20英寸镀铬轮毂仅提供于旗舰型', '20" chrome wheels are Flagship only'),
  ),
  requires(
    'steel-wheels-work',
    'wheel-17-steel',
    W,
    text('钢制轮毂仅提供于实用型', 'Steel wheels are on the Work trim only'),
  ),
  {
    id: 'tyres-wheels',
    kind: 'table',
    families: ['wheels', 'tyres'],
    mode: 'forbidden',
    rows: [
      ['wheel-20-alloy', 'tyre-at'],
      ['wheel-20-alloy', 'tyre-mt'],
      ['wheel-17-steel', 'tyre-mt'],
      ['wheel-17-alloy', 'tyre-mt'],
      ['wheel-18-alloy', 'tyre-mt'],
    ],
    message: text(
      '泥地轮胎仅搭配 18英寸越野轮毂；20英寸轮毂仅配公路轮胎',
      'Mud-terrain tyres come on the 18" off-road wheels only; 20" wheels take highway tyres',
    ),
  },
  requires(
    'mud-tyres-4wd',
    'tyre-mt',
    { any: ['drive-4wd', 'drive-4wd-lock'] },
    text('泥地轮胎需搭配分时四驱', 'Mud-terrain tyres need part-time 4WD'),
  ),
  requires(
    'vent-leather',
    'seat-heat-vent',
    'seat-leather',
    text('座椅通风需搭配真皮座椅', 'Seat ventilation needs leather seats'),
  ),
  {
    id: 'cover-or-rack',
    kind: 'table',
    families: ['bed-cover', 'bed-rack'],
    mode: 'forbidden',
    rows: [
      ['cover-canopy', 'rack-sport-bar'],
      ['cover-canopy', 'rack-ladder'],
      ['cover-roller', 'rack-ladder'],
    ],
    message: text(
      '高顶货箱盖与货箱架不能同时安装；电动卷帘与梯架冲突',
      'The canopy cannot be combined with a bed rack; the roller shutter clashes with the ladder rack',
    ),
  },
  {
    id: 'canopy-no-toolbox',
    kind: 'excludes',
    a: 'cover-canopy',
    b: 'toolbox-lockable',
    message: text('高顶货箱盖内无法安装横置工具箱', 'The cross-bed toolbox does not fit under the canopy'),
  },
  requires(
    'roof-tent-mount',
    'tent-hardshell',
    { any: ['cover-canopy', 'rack-ladder'] },
    text('车顶帐篷需安装在高顶货箱盖或货箱梯架上', 'The roof tent mounts on the canopy or the ladder rack'),
  ),
  {
    id: 'light-bar-mount',
    kind: 'excludes',
    a: 'light-led-bar',
    b: 'cover-canopy',
    message: text(
      '越野灯排安装于车顶，与高顶货箱盖的第三刹车灯位置冲突',
      'The roof light bar clashes with the canopy brake light',
    ),
  },
  requires(
    'commercial-warranty-work',
    'warranty-commercial',
    { any: [W, E] },
    text('营运车辆延保适用于实用型与精英型', 'The commercial-use warranty is for the Work and Elite trims'),
  ),
  ...byTrim.map((t) => t.rule),
];

const bundles = [
  bundle(
    'pkg-offroad',
    ['drive-4wd-lock', 'wheel-18-beadlock', 'tyre-at', 'snorkel-raised', 'step-rock-slider'],
    3000,
    '越野套装',
    'Off-Road Pack',
  ),
  bundle(
    'pkg-work',
    ['leaf-heavy', 'liner-spray', 'rack-ladder', 'tow-ball-3t'],
    1500,
    '工程作业包',
    'Work Pack',
  ),
];

const adjustments: PriceAdjustment[] = [
  ...byTrim.flatMap((t) => t.adjustments),
  ...bundles.map((b) => b.adjustment),
];

export const qcT902027: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'qc-t90-2027',
  name: text('启程 T90 皮卡 2027款', 'Qicheng T90 pickup 2027'),
  currency: 'CNY',
  basePrice: yuan(139800),
  families,
  rules: [...rules, ...bundles.map((b) => b.rule)],
  adjustments,
  defaults: {
    trim: E,
    engine: 'eng-diesel',
    transmission: 'tx-8at',
    drive: 'drive-4wd',
    'rear-suspension': 'leaf-standard',
    towing: none('towing'),
    winch: none('winch'),
    snorkel: none('snorkel'),
    cab: 'cab-double',
    bed: 'bed-standard',
    paint: 'paint-iron-grey',
    'bed-cover': 'cover-soft',
    'bed-liner': 'liner-drop-in',
    'bed-rack': none('bed-rack'),
    lighting: 'light-led',
    'side-steps': 'step-tube',
    wheels: 'wheel-18-alloy',
    tyres: 'tyre-ht',
    'seat-material': 'seat-leatherette',
    'seat-comfort': 'seat-heat',
    climate: 'ac-auto',
    screen: 'screen-1025',
    camera: 'cam-rear',
    adas: 'adas-aeb',
    'power-outlet': none('power-outlet'),
    'pack-offroad': none('pack-offroad'),
    'pack-work': none('pack-work'),
    'roof-tent': none('roof-tent'),
    toolbox: none('toolbox'),
    'floor-mats': 'mats-tpe',
    warranty: none('warranty'),
  },
};
