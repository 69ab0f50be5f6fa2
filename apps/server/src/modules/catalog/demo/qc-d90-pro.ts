/**
 * 启程 D90 Pro 2027 / Qicheng D90 Pro 2027: the flagship 7-seat body-on-frame SUV of the demo
 * brand and the showcase of the configurator: 60 families, about 200 configurable items and
 * trillions of buildable variants. Equipment follows the trim level the way a Chinese spec sheet
 * does (standard / optional / not offered, see `offeredByTrim`); everything else is free choice
 * within engineering rules.
 */
import type { Model, PriceAdjustment, Rule } from '@openc2b/configurator';
import { bundle, family, none, offeredByTrim, option, requires, text, yuan } from './build-model.ts';

// --- packages: trim level first, it decides most of the equipment ------------------------------

const trim = family('trim', '车型版本', 'Trim level', 'packages', [
  option('trim-elite', '精英型', 'Elite', 0, {
    description: text(
      '12.3英寸双联屏、L2 级驾驶辅助、LED 大灯、双区自动空调',
      '12.3-inch dual screens, Level 2 driver assistance, LED headlights, dual-zone climate',
    ),
  }),
  option('trim-luxury', '豪华型', 'Luxury', 30000, {
    description: text(
      '在精英型基础上增加合成皮革座椅、主副驾电动座椅、前排座椅加热、电动尾门、隐私玻璃',
      'Adds leatherette, power front seats, heated front seats, power tailgate and privacy glass',
    ),
  }),
  option('trim-flagship', '旗舰型', 'Flagship', 70000, {
    description: text(
      '真皮座椅、CDC 电磁减振、数字像素大灯、三区空调、自动泊车、高速领航辅助等全面标配',
      'Leather, adaptive dampers, digital pixel headlights, tri-zone climate, automated parking, highway NOA and more as standard',
    ),
  }),
]);

// --- powertrain --------------------------------------------------------------------------------

const engine = family('engine', '动力', 'Engine', 'powertrain', [
  option('eng-gas', '2.0T 汽油涡轮增压', '2.0T turbo gasoline', 0, {
    description: text('最大功率 171kW，峰值扭矩 380N·m，国六B 排放', '171 kW, 380 N·m, China 6b emissions'),
  }),
  option('eng-diesel', '2.0T 双涡轮柴油', '2.0T twin-turbo diesel', 12000, {
    description: text(
      '最大功率 160kW，峰值扭矩 500N·m，低转大扭矩，适合越野与拖挂',
      '160 kW, 500 N·m from low revs, made for off-road driving and towing',
    ),
  }),
  option('eng-phev', '2.0T 插电式混合动力', '2.0T plug-in hybrid', 38000, {
    description: text(
      '系统综合功率 300kW，CLTC 纯电续航 120km，可上绿牌',
      '300 kW combined, 120 km CLTC electric range, eligible for green plates',
    ),
  }),
]);

const transmission = family('transmission', '变速箱', 'Transmission', 'powertrain', [
  option('tx-8at', '8速手自一体', '8-speed automatic'),
  option('tx-6mt', '6速手动', '6-speed manual', -8000),
  option('tx-dht', '混动专用 DHT 变速箱', 'Dedicated hybrid transmission (DHT)'),
]);

const drive = family('drive', '驱动形式', 'Drivetrain', 'powertrain', [
  option('drive-2wd', '两驱', '2WD'),
  option('drive-4wd', '分时四驱（带低速四驱）', 'Part-time 4WD with low range', 15000),
  option(
    'drive-4wd-lock',
    '分时四驱 + 后桥电子差速锁',
    'Part-time 4WD with rear locking differential',
    18000,
    {
      description: text(
        '低速四驱与后桥 100% 锁止，应对泥地、沙地与交叉轴',
        'Low range plus a fully locking rear axle for mud, sand and axle twisters',
      ),
    },
  ),
  option('drive-awd', '智能四驱', 'Intelligent AWD', 16000, {
    description: text(
      '多片离合器按需分配前后扭矩，雨雪路面更稳',
      'A multi-plate clutch splits torque on demand for rain and snow',
    ),
  }),
]);

const suspension = family('suspension', '悬架', 'Suspension', 'powertrain', [
  option('susp-comfort', '舒适型悬架', 'Comfort suspension'),
  option('susp-cdc', 'CDC 电磁减振悬架', 'Adaptive dampers (CDC)', 8000),
  option('susp-air', '空气悬架（车身高度可调）', 'Air suspension with height adjustment', 22000, {
    description: text(
      '五档车身高度，越野时升高 40mm，高速时自动降低',
      'Five ride heights: up 40 mm off-road, lowered automatically at speed',
    ),
  }),
]);

const cooling = family(
  'cooling',
  '重载散热',
  'Heavy-duty cooling',
  'powertrain',
  [
    option('cooling-hd', '重载散热系统', 'Heavy-duty cooling system', 1500, {
      description: text(
        '加大散热器与变速箱油冷器，拖挂和高温爬坡必备',
        'Larger radiator and transmission oil cooler for towing and hot hill climbs',
      ),
    }),
  ],
  true,
);

const towing = family(
  'towing',
  '拖挂装置',
  'Towing',
  'powertrain',
  [
    option('tow-fixed', '固定式拖车钩（牵引 2.5 吨）', 'Fixed tow bar (2.5 t)', 2800),
    option(
      'tow-detachable',
      '可拆卸拖车钩（牵引 3.0 吨，13芯插座）',
      'Detachable tow bar (3.0 t, 13-pin socket)',
      4800,
    ),
  ],
  true,
);

// --- exterior ----------------------------------------------------------------------------------

const paint = family('paint', '车身颜色', 'Paint', 'exterior', [
  option('paint-polar-white', '极地白', 'Polar White', 0, { swatch: '#f2f3f0' }),
  option('paint-obsidian-black', '曜石黑', 'Obsidian Black', 3000, {
    swatch: '#141517',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-galaxy-silver', '星河银', 'Galaxy Silver', 3000, {
    swatch: '#b8bcc1',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-titanium-grey', '钛金灰', 'Titanium Grey', 3000, {
    swatch: '#5c6167',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-deep-sea-blue', '深海蓝', 'Deep Sea Blue', 3000, {
    swatch: '#1f3a5f',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-mist-blue', '雾霭蓝', 'Mist Blue', 3000, {
    swatch: '#7f98ad',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-forest-green', '松林绿', 'Forest Green', 3000, {
    swatch: '#2f4f43',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-burgundy-red', '勃艮第红', 'Burgundy Red', 3000, {
    swatch: '#6b1f2b',
    description: text('金属漆', 'Metallic'),
  }),
  option('paint-pearl-white', '珠光白', 'Pearl White', 6000, {
    swatch: '#f6f2e8',
    description: text('三涂层珠光漆', 'Three-coat pearl'),
  }),
  option('paint-desert-gold', '大漠金', 'Desert Gold', 6000, {
    swatch: '#b39463',
    description: text('珠光漆', 'Pearl'),
  }),
  option('paint-glacier-blue', '冰川蓝', 'Glacier Blue', 5000, {
    swatch: '#9fc3d6',
    description: text('个性特殊色', 'Special colour'),
  }),
  option('paint-lava-orange', '熔岩橙', 'Lava Orange', 5000, {
    swatch: '#cf5b27',
    description: text('个性特殊色', 'Special colour'),
  }),
  option('paint-matte-grey', '暮光哑光灰', 'Dusk Matte Grey', 15000, {
    swatch: '#6d6e6b',
    description: text('哑光漆，需使用哑光专用洗护', 'Matte finish; needs matte-safe washing'),
  }),
]);

const roofColour = family('roof-colour', '车顶颜色', 'Roof colour', 'exterior', [
  option('roof-body', '同色车顶', 'Body-colour roof'),
  option('roof-black', '曜石黑悬浮车顶', 'Obsidian Black floating roof', 3000, { swatch: '#141517' }),
  option('roof-white', '极地白双色车顶', 'Polar White two-tone roof', 3000, { swatch: '#f2f3f0' }),
]);

const headlights = family('headlights', '大灯', 'Headlights', 'exterior', [
  option('lamp-led', 'LED 大灯', 'LED headlights'),
  option('lamp-matrix', 'LED 矩阵式智能远光大灯', 'Matrix LED adaptive high beam', 4500),
  option('lamp-dlp', '数字像素大灯（DLP 地面投影）', 'Digital pixel headlights (DLP projection)', 9800, {
    description: text(
      '130 万像素，可投射迎宾动画与行车提示',
      '1.3 million pixels: welcome animations and road projections',
    ),
  }),
]);

const styling = family(
  'styling',
  '外观套件',
  'Styling kit',
  'exterior',
  [
    option('style-offroad', '越野风格套件', 'Off-road styling kit', 6800, {
      description: text(
        '黑色宽体轮眉、前后护杠与发动机底护板',
        'Black wheel-arch extensions, front and rear guards, engine skid plate',
      ),
    }),
    option('style-chrome', '尊享镀铬套件', 'Chrome prestige kit', 3800),
    option('style-dark', '暗夜黑化套件', 'Night black kit', 4200, {
      description: text('黑化格栅、车标、窗框与后视镜', 'Black grille, badges, window surrounds and mirrors'),
    }),
  ],
  true,
);

const sideSteps = family(
  'side-steps',
  '侧踏板',
  'Side steps',
  'exterior',
  [
    option('step-fixed', '固定式侧踏板', 'Fixed side steps', 1800),
    option('step-power', '电动迎宾踏板', 'Power-deploying side steps', 6800),
  ],
  true,
);

const roofRack = family(
  'roof-rack',
  '车顶架',
  'Roof rack',
  'exterior',
  [
    option('rack-crossbar', '行李架横杆（承重 75kg）', 'Roof crossbars (75 kg)', 1200),
    option('rack-platform', '越野车顶平台（承重 150kg）', 'Expedition roof platform (150 kg)', 4800),
  ],
  true,
);

const sunroof = family(
  'sunroof',
  '天窗',
  'Sunroof',
  'exterior',
  [
    option('sunroof-electric', '电动天窗', 'Electric sunroof', 5000),
    option('sunroof-panoramic', '全景天窗（电动遮阳帘）', 'Panoramic glass roof with power shade', 9800),
  ],
  true,
);

const privacyGlass = family(
  'privacy-glass',
  '隐私玻璃',
  'Privacy glass',
  'exterior',
  [option('privacy-glass-rear', '后排隐私玻璃', 'Rear privacy glass', 1200)],
  true,
);

const tailgate = family('tailgate', '尾门', 'Tailgate', 'exterior', [
  option('tailgate-manual', '手动尾门', 'Manual tailgate'),
  option('tailgate-power', '电动尾门（高度记忆）', 'Power tailgate with height memory', 3000),
  option('tailgate-kick', '感应式电动尾门（脚踢开启）', 'Hands-free power tailgate (kick sensor)', 4500),
]);

// --- wheels and tyres --------------------------------------------------------------------------

const wheels = family('wheels', '轮毂', 'Wheels', 'wheels_tyres', [
  option('wheel-18-classic', '18英寸 五辐铝合金轮毂', '18" five-spoke alloys'),
  option('wheel-18-aero', '18英寸 低风阻轮毂', '18" aero alloys', 800),
  option('wheel-18-rugged', '18英寸 越野哑黑轮毂', '18" matte black off-road alloys', 1500),
  option('wheel-19-spoke', '19英寸 多辐轮毂', '19" multi-spoke alloys', 3000),
  option('wheel-19-diamond', '19英寸 双色切削轮毂', '19" diamond-cut two-tone alloys', 3800),
  option('wheel-19-rugged', '19英寸 越野双色轮毂', '19" two-tone off-road alloys', 3500),
  option('wheel-20-blade', '20英寸 刀锋轮毂', '20" blade alloys', 6000),
  option('wheel-20-diamond', '20英寸 双色切削轮毂', '20" diamond-cut two-tone alloys', 6500),
  option('wheel-20-black', '20英寸 黑武士轮毂', '20" gloss black alloys', 6800),
  option('wheel-21-forged', '21英寸 锻造轮毂', '21" forged alloys', 12000, {
    description: text('锻造铝合金，单只减重约 3kg', 'Forged aluminium, about 3 kg lighter per wheel'),
  }),
  option('wheel-21-turbine', '21英寸 涡轮式轮毂', '21" turbine alloys', 10800),
]);

const wheels18 = ['wheel-18-classic', 'wheel-18-aero', 'wheel-18-rugged'];
const wheels20 = ['wheel-20-blade', 'wheel-20-diamond', 'wheel-20-black'];
const wheels21 = ['wheel-21-forged', 'wheel-21-turbine'];

const tyres = family('tyres', '轮胎', 'Tyres', 'wheels_tyres', [
  option('tyre-touring', '四季舒适轮胎', 'All-season touring tyres'),
  option('tyre-at', '全地形轮胎（A/T）', 'All-terrain tyres (A/T)', 2400),
  option('tyre-quiet', '静音棉降噪轮胎', 'Noise-reducing tyres with acoustic foam', 1800),
]);

const spare = family('spare', '备胎', 'Spare wheel', 'wheels_tyres', [
  option('spare-compact', '非全尺寸备胎', 'Space-saver spare'),
  option('spare-full', '全尺寸备胎（同款轮毂）', 'Full-size spare on a matching wheel', 800),
]);

// --- seats -------------------------------------------------------------------------------------

const seatLayout = family('seat-layout', '座椅布局', 'Seat layout', 'seats', [
  option('seats-7', '7座（2+3+2）', '7 seats (2+3+2)'),
  option('seats-5', '5座（2+3，超大后备厢）', '5 seats (2+3, large boot)', -4000),
  option('seats-6', '6座（2+2+2 二排独立座椅）', '6 seats (2+2+2 captain chairs)', 6000),
  option('seats-6-exec', '6座行政版（二排零重力座椅）', '6-seat Executive (zero-gravity second row)', 16000, {
    description: text(
      '二排电动零重力座椅，带腿托与独立扶手',
      'Power zero-gravity second-row seats with leg rests and own armrests',
    ),
  }),
]);

const threeRowLayouts = ['seats-7', 'seats-6', 'seats-6-exec'];
const captainLayouts = ['seats-6', 'seats-6-exec'];

const seatMaterial = family('seat-material', '座椅材质', 'Seat material', 'seats', [
  option('mat-fabric', '透气织物座椅', 'Breathable fabric'),
  option('mat-leatherette', '合成皮革座椅', 'Leatherette', 3000),
  option('mat-leather', '打孔真皮座椅', 'Perforated leather', 8000),
  option('mat-nappa', 'Nappa 真皮座椅', 'Nappa leather', 15000),
]);

const leathers = ['mat-leather', 'mat-nappa'];

const interiorColour = family('interior-colour', '内饰颜色', 'Interior colour', 'seats', [
  option('int-black', '曜石黑', 'Obsidian Black', 0, { swatch: '#1d1d1f' }),
  option('int-grey', '雾岩灰', 'Stone Grey', 0, { swatch: '#8a8a86' }),
  option('int-tan', '马鞍棕', 'Saddle Tan', 0, { swatch: '#8b5a3c' }),
  option('int-ivory', '象牙白', 'Ivory', 1000, { swatch: '#e8e0cc' }),
  option('int-burgundy', '勃艮第红', 'Burgundy', 2000, { swatch: '#5b1f27' }),
]);

const frontSeats = family('front-seats', '前排座椅调节', 'Front seat adjustment', 'seats', [
  option('fseat-driver', '主驾 6 向电动调节', 'Power driver seat (6-way)'),
  option('fseat-both', '主副驾电动调节', 'Power driver and passenger seats', 2000),
  option('fseat-memory', '主副驾电动调节 + 主驾记忆', 'Power front seats with driver memory', 3500),
]);

const frontComfort = family(
  'front-comfort',
  '前排座椅舒适',
  'Front seat comfort',
  'seats',
  [
    option('fcomfort-heat', '前排座椅加热', 'Heated front seats', 1500),
    option('fcomfort-vent', '前排座椅加热 + 通风', 'Heated and ventilated front seats', 3500),
    option(
      'fcomfort-massage',
      '前排座椅加热 + 通风 + 按摩',
      'Heated, ventilated and massaging front seats',
      6500,
    ),
  ],
  true,
);

const secondRow = family(
  'second-row-comfort',
  '二排座椅舒适',
  'Second-row seat comfort',
  'seats',
  [
    option('r2-heat', '二排座椅加热', 'Heated second-row seats', 1500),
    option('r2-vent', '二排座椅加热 + 通风', 'Heated and ventilated second-row seats', 3500),
    option(
      'r2-massage',
      '二排座椅加热 + 通风 + 按摩',
      'Heated, ventilated and massaging second-row seats',
      6000,
    ),
  ],
  true,
);

const thirdRow = family(
  'third-row-comfort',
  '第三排舒适',
  'Third-row comfort',
  'seats',
  [
    option('r3-vents', '第三排空调出风口', 'Third-row air vents', 800),
    option('r3-vents-heat', '第三排出风口 + 座椅加热', 'Third-row air vents and heated seats', 2000),
    option('r3-ac', '第三排独立空调（独立温控）', 'Third-row independent air conditioning', 3500),
    option(
      'r3-ac-heat',
      '第三排独立空调 + 座椅加热',
      'Third-row independent air conditioning and heated seats',
      4700,
    ),
  ],
  true,
);

const steering = family('steering-wheel', '方向盘', 'Steering wheel', 'seats', [
  option('steer-leather', '真皮多功能方向盘', 'Leather multifunction steering wheel'),
  option('steer-heated', '真皮加热方向盘', 'Heated leather steering wheel', 1200),
  option('steer-suede', '翻毛皮运动方向盘（带加热）', 'Heated suede sport steering wheel', 2500),
]);

// --- interior ----------------------------------------------------------------------------------

const inlay = family('inlay', '内饰饰板', 'Interior inlays', 'interior', [
  option('inlay-piano', '钢琴黑饰板', 'Piano black inlays'),
  option('inlay-walnut', '开放漆胡桃木饰板', 'Open-pore walnut inlays', 2500),
  option('inlay-carbon', '碳纤维纹饰板', 'Carbon-fibre-look inlays', 3000),
]);

const climate = family('climate', '空调', 'Climate control', 'interior', [
  option('ac-dual', '双区自动空调', 'Dual-zone automatic climate control'),
  option('ac-tri', '三区自动空调（后排独立控制）', 'Tri-zone automatic climate control', 3000),
]);

const ambient = family(
  'ambient-light',
  '氛围灯',
  'Ambient lighting',
  'interior',
  [
    option('ambient-64', '64色氛围灯', '64-colour ambient lighting', 1500),
    option('ambient-rhythm', '256色音乐律动氛围灯', '256-colour music-synced ambient lighting', 3000),
  ],
  true,
);

const purifier = family(
  'air-purifier',
  '空气净化',
  'Air purifier',
  'interior',
  [
    option('purifier-pm25', 'PM2.5 空气净化 + 负离子', 'PM2.5 air purifier with ioniser', 1800, {
      description: text('CN95 级滤芯，实时显示车内 PM2.5', 'CN95 filter with live cabin PM2.5 readout'),
    }),
  ],
  true,
);

const fridge = family(
  'fridge',
  '车载冰箱',
  'Fridge',
  'interior',
  [
    option('fridge-console', '前排扶手冷暖箱（8L）', 'Front armrest cool/warm box (8 L)', 2800),
    option('fridge-rear', '二排中岛压缩机冰箱（12L）', 'Second-row centre compressor fridge (12 L)', 6800),
  ],
  true,
);

const sunshade = family(
  'sunshade',
  '遮阳帘',
  'Sunshades',
  'interior',
  [option('sunshade-rear', '二排电动遮阳帘', 'Power second-row sunshades', 1500)],
  true,
);

const softClose = family(
  'soft-close',
  '电吸门',
  'Soft-close doors',
  'interior',
  [option('softclose-doors', '四门电吸门', 'Soft-close doors (all four)', 4800)],
  true,
);

// --- technology --------------------------------------------------------------------------------

const screens = family('screens', '智能座舱屏幕', 'Cockpit screens', 'technology', [
  option('screen-dual', '12.3英寸 双联屏', '12.3" dual screens'),
  option(
    'screen-large',
    '15.6英寸 2.5K 中控屏 + 12.3英寸 仪表',
    '15.6" 2.5K centre screen and 12.3" cluster',
    5000,
  ),
  option(
    'screen-triple',
    '三联屏（含 12.3英寸 副驾娱乐屏）',
    'Triple screens with 12.3" passenger display',
    9000,
  ),
]);

const hud = family(
  'hud',
  '抬头显示',
  'Head-up display',
  'technology',
  [
    option('hud-w', 'W-HUD 抬头显示', 'Windscreen head-up display', 2500),
    option('hud-ar', 'AR-HUD 增强现实抬头显示', 'Augmented-reality head-up display', 6800, {
      description: text(
        '导航与领航信息贴合路面显示，等效 70 英寸画面',
        'Navigation and NOA cues on the road, 70" virtual image',
      ),
    }),
  ],
  true,
);

const audio = family('audio', '音响', 'Audio', 'technology', [
  option('audio-8', '8扬声器音响', '8-speaker audio'),
  option('audio-12', '启声 12扬声器音响', 'Qisound 12-speaker audio', 4800),
  option(
    'audio-20',
    '启声 Hi-Fi 20扬声器音响（含头枕扬声器）',
    'Qisound Hi-Fi 20 speakers with headrest speakers',
    12000,
  ),
]);

const adas = family('adas', '智能驾驶', 'Driver assistance', 'technology', [
  option(
    'adas-l2',
    'L2 级驾驶辅助（全速域自适应巡航 + 车道居中）',
    'Level 2 assist (full-speed ACC and lane centring)',
  ),
  option('adas-noa', '高速领航辅助 NOA', 'Highway navigate-on-autopilot (NOA)', 8000, {
    description: text(
      '高速与城市快速路自动上下匝道、自主变道',
      'Takes ramps and changes lanes on highways and ring roads',
    ),
  }),
  option('adas-city', '城市领航辅助（激光雷达）', 'Urban NOA with lidar', 25000, {
    description: text(
      '车顶激光雷达 + 双 Orin-X 芯片，覆盖城市道路',
      'Roof lidar and twin Orin-X chips for city streets',
    ),
  }),
]);

const parking = family('parking', '泊车辅助', 'Parking assistance', 'technology', [
  option('park-radar', '前后雷达 + 倒车影像', 'Front and rear sensors with reversing camera'),
  option('park-360', '540° 透明底盘全景影像', '540° surround view with see-through bonnet', 3000),
  option(
    'park-apa',
    '全景影像 + 融合自动泊车 + 记忆泊车',
    'Surround view with automated and memory parking',
    6000,
  ),
]);

const rearEntertainment = family(
  'rear-entertainment',
  '后排娱乐',
  'Rear entertainment',
  'technology',
  [
    option('rse-ceiling', '15.6英寸 后排吸顶屏', '15.6" ceiling-mounted rear screen', 8800),
    option('rse-headrest', '双 11.6英寸 头枕娱乐屏', 'Twin 11.6" headrest screens', 6000),
  ],
  true,
);

const wirelessCharging = family(
  'wireless-charging',
  '无线充电',
  'Wireless charging',
  'technology',
  [
    option('qi-front', '前排 50W 手机无线充电', 'Front 50 W wireless phone charging', 1000),
    option('qi-all', '前排 + 二排手机无线充电', 'Front and second-row wireless charging', 2200),
  ],
  true,
);

const v2l = family(
  'v2l',
  '对外放电',
  'Vehicle-to-load',
  'technology',
  [
    option('v2l-6kw', '6.6kW 对外放电（V2L）', '6.6 kW vehicle-to-load power outlet', 1500, {
      description: text(
        '露营可带电磁炉、咖啡机等大功率电器',
        'Runs an induction hob or coffee machine at the campsite',
      ),
    }),
  ],
  true,
);

const nightVision = family(
  'night-vision',
  '夜视系统',
  'Night vision',
  'technology',
  [
    option(
      'night-vision-ir',
      '红外夜视系统（行人与动物识别）',
      'Infrared night vision with pedestrian and animal detection',
      8000,
    ),
  ],
  true,
);

// --- packages ----------------------------------------------------------------------------------

const comfortPack = family(
  'pack-comfort',
  '舒享座舱包',
  'Comfort Pack',
  'packages',
  [
    option('pkg-comfort', '舒享座舱包', 'Comfort Pack', 0, {
      description: text(
        '含主驾记忆座椅、前排加热通风按摩、加热方向盘、64色氛围灯，组合立省 ¥2,000',
        'Driver memory, heated/ventilated/massaging front seats, heated wheel, ambient lighting; save ¥2,000',
      ),
    }),
  ],
  true,
);

const offroadPack = family(
  'pack-offroad',
  '硬派越野包',
  'Off-Road Pack',
  'packages',
  [
    option('pkg-offroad', '硬派越野包', 'Off-Road Pack', 0, {
      description: text(
        '含分时四驱 + 后桥差速锁、全地形轮胎、全尺寸备胎、越野风格套件，组合立省 ¥3,000',
        'Part-time 4WD with locker, all-terrain tyres, full-size spare, off-road styling; save ¥3,000',
      ),
    }),
  ],
  true,
);

const techPack = family(
  'pack-tech',
  '智驾科技包',
  'Smart Driving Pack',
  'packages',
  [
    option('pkg-tech', '智驾科技包', 'Smart Driving Pack', 0, {
      description: text(
        '含高速领航辅助 NOA、自动泊车与记忆泊车、AR-HUD，组合立省 ¥4,000',
        'Highway NOA, automated and memory parking, AR head-up display; save ¥4,000',
      ),
    }),
  ],
  true,
);

const familyPack = family(
  'pack-family',
  '家庭出行包',
  'Family Travel Pack',
  'packages',
  [
    option('pkg-family', '家庭出行包', 'Family Travel Pack', 0, {
      description: text(
        '含后排娱乐屏、第三排独立空调、二排电动遮阳帘、车载冰箱，组合立省 ¥3,000',
        'Rear entertainment, third-row air conditioning, power sunshades and a fridge; save ¥3,000',
      ),
    }),
  ],
  true,
);

const winterPack = family(
  'pack-winter',
  '冰雪包',
  'Winter Pack',
  'packages',
  [
    option('pkg-winter', '冰雪包', 'Winter Pack', 0, {
      description: text(
        '含四驱、前排与二排座椅加热、加热方向盘，组合立省 ¥1,500',
        'Four-wheel drive, heated front and second-row seats, heated steering wheel; save ¥1,500',
      ),
    }),
  ],
  true,
);

const towPack = family(
  'pack-tow',
  '拖挂专业包',
  'Towing Pack',
  'packages',
  [
    option('pkg-tow', '拖挂专业包', 'Towing Pack', 0, {
      description: text(
        '含 3.0 吨可拆卸拖车钩、重载散热系统、全尺寸备胎，组合立省 ¥1,000',
        '3.0 t detachable tow bar, heavy-duty cooling, full-size spare; save ¥1,000',
      ),
    }),
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
      3800,
    ),
    option(
      'warranty-8y',
      '整车延保至 8年/20万公里',
      'Vehicle warranty extended to 8 years / 200,000 km',
      6800,
    ),
    option(
      'warranty-lifetime',
      '首任车主发动机与变速箱终身质保',
      'Lifetime engine and transmission warranty for the first owner',
      4800,
    ),
  ],
  true,
);

const maintenance = family(
  'maintenance',
  '保养套餐',
  'Maintenance plan',
  'packages',
  [
    option('maint-3y', '3年6次基础保养', '3 years, 6 services', 2800),
    option('maint-5y', '5年10次基础保养', '5 years, 10 services', 4500),
    option('maint-8y', '8年16次全面保养', '8 years, 16 services', 7800),
  ],
  true,
);

// --- accessories -------------------------------------------------------------------------------

const floorMats = family(
  'floor-mats',
  '脚垫',
  'Floor mats',
  'accessories',
  [
    option('mats-tpe', 'TPE 全包围脚垫', 'TPE all-weather floor liners', 880),
    option('mats-carpet', '航空绒地毯脚垫', 'Velour carpet mats', 1280),
    option('mats-premium', '皮革 + 丝圈双层脚垫', 'Leather and coil two-layer mats', 1580),
  ],
  true,
);

const dashcam = family(
  'dashcam',
  '行车记录仪',
  'Dash cam',
  'accessories',
  [
    option('dashcam-front', '前视 4K 行车记录仪', '4K front dash cam', 699),
    option('dashcam-dual', '前后双录行车记录仪', 'Front and rear dash cam', 1099),
  ],
  true,
);

const roofBox = family(
  'roof-box',
  '车顶行李箱',
  'Roof box',
  'accessories',
  [
    option('roofbox-450', '450L 车顶行李箱', '450 L roof box', 2980),
    option('roofbox-600', '600L 车顶行李箱', '600 L roof box', 3980),
  ],
  true,
);

const bikeCarrier = family(
  'bike-carrier',
  '自行车架',
  'Bike carrier',
  'accessories',
  [
    option('bike-roof', '车顶自行车架（2 辆）', 'Roof bike carrier (2 bikes)', 1280),
    option('bike-tow', '拖钩式自行车架（3 辆）', 'Tow-bar bike carrier (3 bikes)', 2580),
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

const paintFilm = family(
  'paint-film',
  '隐形车衣',
  'Paint protection film',
  'accessories',
  [
    option('ppf-front', '前脸局部隐形车衣', 'Front-end paint protection film', 3800),
    option('ppf-full', '全车 TPU 隐形车衣', 'Full-body TPU paint protection film', 12800),
    option('ppf-matte', '全车哑光 TPU 车衣', 'Full-body matte TPU film', 14800),
  ],
  true,
);

const childSeat = family(
  'child-seat',
  '儿童安全座椅',
  'Child seat',
  'accessories',
  [
    option(
      'child-infant',
      'ISOFIX 婴幼儿安全座椅（0–4 岁）',
      'ISOFIX infant and toddler seat (0–4 years)',
      2680,
    ),
    option('child-booster', 'ISOFIX 儿童增高座椅（4–12 岁）', 'ISOFIX booster seat (4–12 years)', 1280),
  ],
  true,
);

const camping = family(
  'camping',
  '露营装备',
  'Camping gear',
  'accessories',
  [
    option('camp-awning', '车侧遮阳天幕', 'Side awning', 3280),
    option('camp-tailgate-tent', '尾门帐篷', 'Tailgate tent', 1680),
    option('camp-kit', '露营桌椅套装', 'Camping table and chairs', 980),
  ],
  true,
);

const charger = family(
  'home-charger',
  '充电设备',
  'Charging equipment',
  'accessories',
  [
    option(
      'charger-wallbox',
      '7kW 家用充电桩（含基础安装）',
      '7 kW home wallbox with basic installation',
      2999,
    ),
    option('charger-portable', '便携式充电枪（3.5kW）', 'Portable charging cable (3.5 kW)', 1299),
  ],
  true,
);

const families = [
  trim,
  engine,
  transmission,
  drive,
  suspension,
  cooling,
  towing,
  paint,
  roofColour,
  headlights,
  styling,
  sideSteps,
  roofRack,
  sunroof,
  privacyGlass,
  tailgate,
  wheels,
  tyres,
  spare,
  seatLayout,
  seatMaterial,
  interiorColour,
  frontSeats,
  frontComfort,
  secondRow,
  thirdRow,
  steering,
  inlay,
  climate,
  ambient,
  purifier,
  fridge,
  sunshade,
  softClose,
  screens,
  hud,
  audio,
  adas,
  parking,
  rearEntertainment,
  wirelessCharging,
  v2l,
  nightVision,
  comfortPack,
  offroadPack,
  techPack,
  familyPack,
  winterPack,
  towPack,
  warranty,
  maintenance,
  floorMats,
  dashcam,
  roofBox,
  bikeCarrier,
  roofTent,
  paintFilm,
  childSeat,
  camping,
  charger,
];

// --- trim-dependent equipment (the spec sheet) -------------------------------------------------

const E = 'trim-elite';
const L = 'trim-luxury';
const F = 'trim-flagship';

const byTrim = [
  offeredByTrim(trim, suspension, {
    [E]: ['susp-comfort'],
    [L]: ['susp-comfort', 'susp-cdc'],
    [F]: ['susp-cdc', 'susp-air'],
  }),
  offeredByTrim(trim, roofColour, {
    [E]: ['roof-body'],
    [L]: ['roof-body', 'roof-black'],
    [F]: ['roof-body', 'roof-black', 'roof-white'],
  }),
  offeredByTrim(trim, headlights, {
    [E]: ['lamp-led'],
    [L]: ['lamp-matrix'],
    [F]: ['lamp-dlp'],
  }),
  offeredByTrim(trim, sideSteps, {
    [E]: [none('side-steps'), 'step-fixed'],
    [L]: ['step-fixed'],
    [F]: ['step-power'],
  }),
  offeredByTrim(trim, sunroof, {
    [E]: [none('sunroof'), 'sunroof-electric'],
    [L]: ['sunroof-electric', 'sunroof-panoramic'],
    [F]: ['sunroof-electric', 'sunroof-panoramic'],
  }),
  offeredByTrim(trim, privacyGlass, {
    [E]: [none('privacy-glass'), 'privacy-glass-rear'],
    [L]: ['privacy-glass-rear'],
    [F]: ['privacy-glass-rear'],
  }),
  offeredByTrim(trim, tailgate, {
    [E]: ['tailgate-manual'],
    [L]: ['tailgate-power'],
    [F]: ['tailgate-kick'],
  }),
  offeredByTrim(trim, seatLayout, {
    [E]: ['seats-7', 'seats-5'],
    [L]: ['seats-7', 'seats-5', 'seats-6'],
    [F]: ['seats-7', 'seats-6', 'seats-6-exec'],
  }),
  offeredByTrim(trim, seatMaterial, {
    [E]: ['mat-fabric', 'mat-leatherette'],
    [L]: ['mat-leatherette', 'mat-leather'],
    [F]: ['mat-leather', 'mat-nappa'],
  }),
  offeredByTrim(trim, frontSeats, {
    [E]: ['fseat-driver'],
    [L]: ['fseat-both', 'fseat-memory'],
    [F]: ['fseat-memory'],
  }),
  offeredByTrim(trim, frontComfort, {
    [E]: [none('front-comfort'), 'fcomfort-heat'],
    [L]: ['fcomfort-heat', 'fcomfort-vent', 'fcomfort-massage'],
    [F]: ['fcomfort-massage'],
  }),
  offeredByTrim(trim, secondRow, {
    [E]: [none('second-row-comfort')],
    [L]: [none('second-row-comfort'), 'r2-heat'],
    [F]: ['r2-heat', 'r2-vent', 'r2-massage'],
  }),
  offeredByTrim(trim, thirdRow, {
    [E]: [none('third-row-comfort'), 'r3-vents', 'r3-vents-heat'],
    [L]: [none('third-row-comfort'), 'r3-vents', 'r3-ac'],
    [F]: ['r3-ac-heat'],
  }),
  offeredByTrim(trim, steering, {
    [E]: ['steer-leather'],
    [L]: ['steer-leather', 'steer-heated', 'steer-suede'],
    [F]: ['steer-heated', 'steer-suede'],
  }),
  offeredByTrim(trim, inlay, {
    [E]: ['inlay-piano'],
    [L]: ['inlay-walnut'],
    [F]: ['inlay-walnut', 'inlay-carbon'],
  }),
  offeredByTrim(trim, climate, {
    [E]: ['ac-dual'],
    [L]: ['ac-dual', 'ac-tri'],
    [F]: ['ac-tri'],
  }),
  offeredByTrim(trim, ambient, {
    [E]: [none('ambient-light')],
    [L]: [none('ambient-light'), 'ambient-64'],
    [F]: ['ambient-rhythm'],
  }),
  offeredByTrim(trim, sunshade, {
    [E]: [none('sunshade')],
    [L]: [none('sunshade'), 'sunshade-rear'],
    [F]: ['sunshade-rear'],
  }),
  offeredByTrim(trim, softClose, {
    [E]: [none('soft-close')],
    [L]: [none('soft-close')],
    [F]: ['softclose-doors'],
  }),
  offeredByTrim(trim, screens, {
    [E]: ['screen-dual'],
    [L]: ['screen-large'],
    [F]: ['screen-triple'],
  }),
  offeredByTrim(trim, hud, {
    [E]: [none('hud')],
    [L]: [none('hud'), 'hud-w', 'hud-ar'],
    [F]: ['hud-ar'],
  }),
  offeredByTrim(trim, audio, {
    [E]: ['audio-8'],
    [L]: ['audio-12'],
    [F]: ['audio-20'],
  }),
  offeredByTrim(trim, adas, {
    [E]: ['adas-l2'],
    [L]: ['adas-l2', 'adas-noa'],
    [F]: ['adas-noa', 'adas-city'],
  }),
  offeredByTrim(trim, parking, {
    [E]: ['park-radar'],
    [L]: ['park-360', 'park-apa'],
    [F]: ['park-apa'],
  }),
  offeredByTrim(trim, rearEntertainment, {
    [E]: [none('rear-entertainment')],
    [L]: [none('rear-entertainment'), 'rse-headrest'],
    [F]: [none('rear-entertainment'), 'rse-ceiling', 'rse-headrest'],
  }),
  offeredByTrim(trim, wirelessCharging, {
    [E]: [none('wireless-charging'), 'qi-front'],
    [L]: ['qi-front'],
    [F]: ['qi-all'],
  }),
  offeredByTrim(trim, nightVision, {
    [E]: [none('night-vision')],
    [L]: [none('night-vision')],
    [F]: [none('night-vision'), 'night-vision-ir'],
  }),
  offeredByTrim(trim, purifier, {
    [E]: [none('air-purifier'), 'purifier-pm25'],
    [L]: ['purifier-pm25'],
    [F]: ['purifier-pm25'],
  }),
  offeredByTrim(trim, fridge, {
    [E]: [none('fridge')],
    [L]: [none('fridge'), 'fridge-console'],
    [F]: [none('fridge'), 'fridge-console', 'fridge-rear'],
  }),
  // Flagship buyers get premium mats and a dual dash cam with the car.
  offeredByTrim(trim, floorMats, {
    [E]: [none('floor-mats'), 'mats-tpe', 'mats-carpet', 'mats-premium'],
    [L]: [none('floor-mats'), 'mats-tpe', 'mats-carpet', 'mats-premium'],
    [F]: ['mats-premium'],
  }),
  offeredByTrim(trim, dashcam, {
    [E]: [none('dashcam'), 'dashcam-front', 'dashcam-dual'],
    [L]: [none('dashcam'), 'dashcam-front', 'dashcam-dual'],
    [F]: ['dashcam-dual'],
  }),
  offeredByTrim(trim, maintenance, {
    [E]: [none('maintenance'), 'maint-3y', 'maint-5y', 'maint-8y'],
    [L]: [none('maintenance'), 'maint-3y', 'maint-5y', 'maint-8y'],
    [F]: ['maint-3y', 'maint-5y', 'maint-8y'],
  }),
  // The Luxury trim's upgrades come in packs; Flagship has their contents as standard.
  offeredByTrim(trim, comfortPack, {
    [E]: [none('pack-comfort')],
    [L]: [none('pack-comfort'), 'pkg-comfort'],
    [F]: [none('pack-comfort')],
  }),
  offeredByTrim(trim, techPack, {
    [E]: [none('pack-tech')],
    [L]: [none('pack-tech'), 'pkg-tech'],
    [F]: [none('pack-tech')],
  }),
  offeredByTrim(trim, familyPack, {
    [E]: [none('pack-family')],
    [L]: [none('pack-family'), 'pkg-family'],
    [F]: [none('pack-family')],
  }),
  offeredByTrim(trim, winterPack, {
    [E]: [none('pack-winter')],
    [L]: [none('pack-winter'), 'pkg-winter'],
    [F]: [none('pack-winter')],
  }),
];

/** On the Luxury trim these upgrades are sold only inside their pack. */
const luxuryPackOnly: Rule[] = [
  requires(
    'luxury-comfort-via-pack',
    { all: [L, { any: ['fseat-memory', 'fcomfort-massage', 'steer-suede', 'ambient-64'] }] },
    'pkg-comfort',
    text(
      '豪华型的记忆座椅、按摩座椅、翻毛皮方向盘与氛围灯通过舒享座舱包选装',
      'On the Luxury trim, memory and massage seats, the suede wheel and ambient lighting come with the Comfort Pack',
    ),
  ),
  requires(
    'luxury-heated-wheel-via-pack',
    { all: [L, 'steer-heated'] },
    { any: ['pkg-comfort', 'pkg-winter'] },
    text(
      '豪华型的加热方向盘通过舒享座舱包或冰雪包选装',
      'On the Luxury trim, the heated steering wheel comes with the Comfort Pack or the Winter Pack',
    ),
  ),
  requires(
    'luxury-second-row-heat-via-pack',
    { all: [L, 'r2-heat'] },
    'pkg-winter',
    text(
      '豪华型的二排座椅加热通过冰雪包选装',
      'On the Luxury trim, heated second-row seats come with the Winter Pack',
    ),
  ),
  requires(
    'luxury-tech-via-pack',
    { all: [L, { any: ['adas-noa', 'park-apa', 'hud-ar'] }] },
    'pkg-tech',
    text(
      '豪华型的高速领航、自动泊车与 AR-HUD 通过智驾科技包选装',
      'On the Luxury trim, highway NOA, automated parking and the AR-HUD come with the Smart Driving Pack',
    ),
  ),
  requires(
    'luxury-family-via-pack',
    { all: [L, { any: ['rse-headrest', 'r3-ac', 'ac-tri', 'sunshade-rear'] }] },
    'pkg-family',
    text(
      '豪华型的后排娱乐屏、第三排独立空调、三区空调与遮阳帘通过家庭出行包选装',
      'On the Luxury trim, rear screens, third-row and tri-zone air conditioning and sunshades come with the Family Travel Pack',
    ),
  ),
];

// --- packages: contents and bundle discounts ---------------------------------------------------

const bundles = [
  bundle(
    'pkg-comfort',
    ['fseat-memory', 'fcomfort-massage', { any: ['steer-heated', 'steer-suede'] }, 'ambient-64'],
    2000,
    '舒享座舱包',
    'Comfort Pack',
  ),
  bundle(
    'pkg-offroad',
    ['drive-4wd-lock', 'tyre-at', 'spare-full', 'style-offroad'],
    3000,
    '硬派越野包',
    'Off-Road Pack',
  ),
  bundle('pkg-tech', ['adas-noa', 'park-apa', 'hud-ar'], 4000, '智驾科技包', 'Smart Driving Pack'),
  bundle(
    'pkg-family',
    [
      { any: ['rse-ceiling', 'rse-headrest'] },
      'r3-ac',
      'ac-tri',
      'sunshade-rear',
      { any: ['fridge-console', 'fridge-rear'] },
    ],
    3000,
    '家庭出行包',
    'Family Travel Pack',
  ),
  bundle(
    'pkg-winter',
    [
      { any: ['drive-4wd', 'drive-4wd-lock', 'drive-awd'] },
      { not: none('front-comfort') },
      { not: none('second-row-comfort') },
      { any: ['steer-heated', 'steer-suede'] },
    ],
    1500,
    '冰雪包',
    'Winter Pack',
  ),
  bundle('pkg-tow', ['tow-detachable', 'cooling-hd', 'spare-full'], 1000, '拖挂专业包', 'Towing Pack'),
];

/** The colour matrix: interior colours offered with each paint. */
const interiorsByPaint: Record<string, string[]> = {
  'paint-polar-white': ['int-black', 'int-grey', 'int-tan', 'int-ivory'],
  'paint-obsidian-black': ['int-black', 'int-tan', 'int-ivory', 'int-burgundy'],
  'paint-galaxy-silver': ['int-black', 'int-grey'],
  'paint-titanium-grey': ['int-black', 'int-tan'],
  'paint-deep-sea-blue': ['int-black', 'int-grey', 'int-ivory'],
  'paint-mist-blue': ['int-black', 'int-grey'],
  'paint-forest-green': ['int-black', 'int-tan'],
  'paint-burgundy-red': ['int-black', 'int-ivory'],
  'paint-pearl-white': ['int-black', 'int-tan', 'int-ivory', 'int-burgundy'],
  'paint-desert-gold': ['int-black', 'int-tan'],
  'paint-glacier-blue': ['int-black', 'int-grey'],
  'paint-lava-orange': ['int-black', 'int-grey'],
  'paint-matte-grey': ['int-black', 'int-burgundy'],
};

const fourWheelDrive = ['drive-4wd', 'drive-4wd-lock', 'drive-awd'];

const rules: Rule[] = [
  // Powertrain
  {
    id: 'engine-transmission',
    kind: 'table',
    families: ['engine', 'transmission'],
    mode: 'allowed',
    rows: [
      ['eng-gas', 'tx-8at'],
      ['eng-diesel', 'tx-8at'],
      ['eng-diesel', 'tx-6mt'],
      ['eng-phev', 'tx-dht'],
    ],
    message: text(
      '汽油版搭配 8AT，柴油版可选 8AT 或 6MT，插混版搭配 DHT 混动变速箱',
      'The gasoline engine comes with the 8AT, the diesel with the 8AT or 6MT, the PHEV with its DHT',
    ),
  },
  requires(
    'manual-elite-only',
    'tx-6mt',
    'trim-elite',
    text('6速手动变速箱仅提供于精英型', 'The 6-speed manual is offered on the Elite trim only'),
  ),
  {
    id: 'manual-no-awd',
    kind: 'excludes',
    a: 'tx-6mt',
    b: 'drive-awd',
    message: text('智能四驱需搭配自动变速箱', 'Intelligent AWD needs an automatic transmission'),
  },
  requires(
    'four-wd-engine',
    { any: fourWheelDrive },
    { any: ['eng-gas', 'eng-diesel'] },
    text(
      '四驱仅搭配 2.0T 汽油或柴油发动机，插混版为两驱',
      'Four-wheel drive comes with the 2.0T gasoline or diesel engine; the plug-in hybrid is 2WD only',
    ),
  ),
  requires(
    'towing-cooling',
    { not: none('towing') },
    'cooling-hd',
    text('加装拖车钩需同时选装重载散热系统', 'A tow bar requires the heavy-duty cooling system'),
  ),
  {
    id: 'phev-towing-limit',
    kind: 'excludes',
    a: 'eng-phev',
    b: 'tow-detachable',
    message: text(
      '插混版最大牵引质量 2.5 吨，不提供 3.0 吨拖车钩',
      'The plug-in hybrid tows up to 2.5 t; the 3.0 t tow bar is not offered',
    ),
  },
  // Exterior
  {
    id: 'paint-by-trim',
    kind: 'table',
    families: ['trim', 'paint'],
    mode: 'forbidden',
    rows: [
      [E, 'paint-pearl-white'],
      [E, 'paint-desert-gold'],
      [E, 'paint-glacier-blue'],
      [E, 'paint-lava-orange'],
      [E, 'paint-matte-grey'],
      [L, 'paint-matte-grey'],
      [F, 'paint-mist-blue'],
      [F, 'paint-forest-green'],
      [F, 'paint-glacier-blue'],
      [F, 'paint-lava-orange'],
    ],
    message: text(
      '珠光漆与个性特殊色不提供于精英型，哑光漆仅限旗舰型；旗舰型不提供雾霭蓝、松林绿等年轻化颜色',
      'Pearl and special colours are not offered on the Elite trim; matte paint is Flagship only; the Flagship palette has no youthful colours',
    ),
  },
  {
    id: 'two-tone-contrast',
    kind: 'table',
    families: ['paint', 'roof-colour'],
    mode: 'forbidden',
    rows: [
      ['paint-obsidian-black', 'roof-black'],
      ['paint-polar-white', 'roof-white'],
      ['paint-pearl-white', 'roof-white'],
      ['paint-galaxy-silver', 'roof-white'],
      ['paint-desert-gold', 'roof-white'],
      ['paint-matte-grey', 'roof-black'],
      ['paint-matte-grey', 'roof-white'],
    ],
    message: text(
      '双色车顶需与车身颜色形成对比（白色车顶搭配深色车身）；哑光漆仅提供同色车顶',
      'A two-tone roof must contrast with the body colour (the white roof goes on darker paints); matte paint comes with a body-colour roof',
    ),
  },
  {
    id: 'panoramic-no-rack',
    kind: 'excludes',
    a: 'sunroof-panoramic',
    b: { not: none('roof-rack') },
    message: text(
      '全景天窗与车顶行李架/车顶平台无法同时安装',
      'The panoramic roof cannot be combined with roof crossbars or a roof platform',
    ),
  },
  {
    id: 'matte-paint-film',
    kind: 'excludes',
    a: 'paint-matte-grey',
    b: { any: ['ppf-front', 'ppf-full'] },
    message: text(
      '哑光漆需使用哑光车衣，亮面车衣会改变漆面质感',
      'Matte paint needs matte film; gloss film would change its finish',
    ),
  },
  {
    id: 'colour-matrix',
    kind: 'table',
    families: ['paint', 'interior-colour'],
    mode: 'allowed',
    rows: Object.entries(interiorsByPaint).flatMap(([p, ints]) => ints.map((i) => [p, i])),
    message: text(
      '内饰颜色按外观颜色搭配提供，请参考颜色搭配表',
      'Interior colours are offered per paint colour, as in the colour matrix',
    ),
  },
  {
    id: 'styling-wheels',
    kind: 'table',
    families: ['styling', 'wheels'],
    mode: 'allowed',
    rows: [
      [none('styling'), '*'],
      ['style-offroad', 'wheel-18-rugged'],
      ['style-offroad', 'wheel-19-rugged'],
      ['style-chrome', 'wheel-19-diamond'],
      ['style-chrome', 'wheel-20-diamond'],
      ['style-chrome', 'wheel-21-forged'],
      ['style-dark', 'wheel-18-rugged'],
      ['style-dark', 'wheel-20-black'],
    ],
    message: text(
      '外观套件含配套轮毂：越野套件配越野轮毂，镀铬套件配切削或锻造轮毂，黑化套件配黑色轮毂',
      'Each styling kit has matching wheels: off-road wheels, diamond-cut or forged wheels, or black wheels',
    ),
  },
  // Wheels and tyres
  requires(
    'wheels-21-flagship',
    { any: wheels21 },
    F,
    text('21英寸轮毂仅提供于旗舰型', '21" wheels are offered on the Flagship trim only'),
  ),
  requires(
    'wheels-20-trim',
    { any: wheels20 },
    { any: [L, F] },
    text('20英寸轮毂需豪华型及以上', '20" wheels need the Luxury trim or above'),
  ),
  requires(
    'wheels-18-trim',
    { any: [...wheels18, 'wheel-19-spoke'] },
    { any: [E, L] },
    text(
      '旗舰型提供 19 英寸切削/越野轮毂及更大尺寸',
      'The Flagship trim comes with 19" diamond-cut or off-road wheels and larger',
    ),
  ),
  {
    id: 'tyre-sizes',
    kind: 'table',
    families: ['wheels', 'tyres'],
    mode: 'forbidden',
    rows: [
      ...[...wheels20, ...wheels21].map((w) => [w, 'tyre-at']),
      ...wheels18.map((w) => [w, 'tyre-quiet']),
    ],
    message: text(
      '全地形轮胎仅有 18/19 英寸规格；静音棉轮胎 19 英寸起',
      'All-terrain tyres come in 18" and 19" only; noise-reducing tyres start at 19"',
    ),
  },
  {
    id: 'phev-spare',
    kind: 'excludes',
    a: 'eng-phev',
    b: 'spare-full',
    message: text(
      '插混版电池包占用备胎位，仅提供非全尺寸备胎',
      'The plug-in hybrid battery takes the spare-wheel well: space-saver spare only',
    ),
  },
  requires(
    'at-tyres-full-spare',
    'tyre-at',
    'spare-full',
    text('全地形轮胎需配全尺寸备胎', 'All-terrain tyres come with a full-size spare'),
    'implies',
  ),
  // Seats
  requires(
    'executive-nappa',
    'seats-6-exec',
    'mat-nappa',
    text('6座行政版仅提供 Nappa 真皮', 'The 6-seat Executive comes in Nappa leather only'),
  ),
  {
    id: 'interior-colour-material',
    kind: 'table',
    families: ['seat-material', 'interior-colour'],
    mode: 'forbidden',
    rows: [
      ['mat-fabric', 'int-tan'],
      ['mat-fabric', 'int-ivory'],
      ['mat-fabric', 'int-burgundy'],
      ['mat-leatherette', 'int-burgundy'],
      ['mat-leather', 'int-burgundy'],
    ],
    message: text(
      '织物座椅提供黑、灰两色；勃艮第红内饰仅提供 Nappa 真皮',
      'Fabric comes in black or grey; the burgundy interior is Nappa only',
    ),
  },
  requires(
    'ventilation-leather',
    { any: ['fcomfort-vent', 'r2-vent'] },
    { any: leathers },
    text('座椅通风需搭配打孔真皮或 Nappa 真皮', 'Seat ventilation needs perforated leather or Nappa'),
  ),
  requires(
    'massage-leather',
    { any: ['fcomfort-massage', 'r2-massage'] },
    { any: leathers },
    text('按摩座椅需搭配真皮或 Nappa 真皮', 'Massage seats need leather or Nappa'),
  ),
  requires(
    'second-row-captain',
    { any: ['r2-vent', 'r2-massage'] },
    { any: captainLayouts },
    text('二排通风与按摩仅提供于二排独立座椅', 'Second-row ventilation and massage need captain chairs'),
  ),
  requires(
    'no-third-row-in-five-seater',
    'seats-5',
    none('third-row-comfort'),
    text('5座版没有第三排座椅', 'The 5-seat layout has no third row'),
  ),
  requires(
    'third-row-vents',
    { any: threeRowLayouts },
    { not: none('third-row-comfort') },
    text('6座和7座版需配置第三排空调出风口', 'The 6- and 7-seat layouts need third-row air vents'),
  ),
  requires(
    'third-row-ac-tri-zone',
    { any: ['r3-ac', 'r3-ac-heat'] },
    'ac-tri',
    text('第三排独立空调需搭配三区自动空调', 'Third-row air conditioning needs tri-zone climate control'),
  ),
  // Interior and technology
  requires(
    'rear-fridge-aisle',
    'fridge-rear',
    { any: captainLayouts },
    text('二排中岛冰箱安装在独立座椅中间通道', 'The centre fridge sits between second-row captain chairs'),
  ),
  requires(
    'rear-entertainment-layout',
    { not: none('rear-entertainment') },
    { any: threeRowLayouts },
    text('后排娱乐屏需选择 6座或 7座布局', 'Rear entertainment needs the 6- or 7-seat layout'),
  ),
  {
    id: 'ceiling-screen-roof',
    kind: 'excludes',
    a: 'rse-ceiling',
    b: 'sunroof-panoramic',
    message: text(
      '吸顶屏安装于车顶内衬，与全景天窗无法同时选装',
      'The ceiling screen mounts in the headliner: not with the panoramic roof',
    ),
  },
  requires(
    'ar-hud-navigation',
    'hud-ar',
    { any: ['adas-noa', 'adas-city'] },
    text('AR-HUD 需搭配领航辅助', 'The AR head-up display needs navigate-on-autopilot'),
  ),
  requires(
    'auto-parking-sensors',
    'park-apa',
    { any: ['adas-noa', 'adas-city'] },
    text('自动泊车需搭配领航辅助的传感器套件', 'Automated parking uses the NOA sensor suite'),
  ),
  requires(
    'v2l-phev',
    'v2l-6kw',
    'eng-phev',
    text('对外放电仅提供于插混版', 'Vehicle-to-load needs the plug-in hybrid'),
  ),
  // Accessories
  {
    id: 'phev-lifetime-warranty',
    kind: 'excludes',
    a: 'eng-phev',
    b: 'warranty-lifetime',
    message: text(
      '插混版已标配三电系统终身质保，不再提供发动机与变速箱终身质保',
      'The plug-in hybrid already has a lifetime battery and e-drive warranty; the engine and transmission lifetime warranty is not offered',
    ),
  },
  requires(
    'warranty-maintenance',
    { not: none('warranty') },
    { not: none('maintenance') },
    text(
      '延长质保需搭配保养套餐，在授权服务站按期保养',
      'An extended warranty needs a maintenance plan with scheduled services at authorised dealers',
    ),
  ),
  requires(
    'long-warranty-maintenance',
    'warranty-8y',
    { any: ['maint-5y', 'maint-8y'] },
    text(
      '8年延保需搭配 5年及以上保养套餐，以保证按期保养',
      'The 8-year warranty needs a maintenance plan of 5 years or more',
    ),
  ),
  requires(
    'roof-load-needs-rack',
    { any: ['roofbox-450', 'roofbox-600', 'bike-roof', 'camp-awning'] },
    { not: none('roof-rack') },
    text(
      '车顶行李箱、车顶自行车架与侧天幕需安装在行李架横杆或车顶平台上',
      'Roof boxes, roof bike carriers and the awning mount on crossbars or the roof platform',
    ),
  ),
  requires(
    'roof-tent-platform',
    'roof-tent-hardshell',
    'rack-platform',
    text('车顶帐篷需安装在越野车顶平台上', 'The roof tent needs the expedition roof platform'),
  ),
  {
    id: 'one-roof-load',
    kind: 'atMost',
    n: 1,
    of: [{ any: ['roofbox-450', 'roofbox-600'] }, 'bike-roof', 'roof-tent-hardshell'],
    message: text(
      '车顶只能安装一件载物装备：行李箱、自行车架或帐篷',
      'One roof load at a time: roof box, bike carrier or tent',
    ),
  },
  requires(
    'tow-bike-carrier',
    'bike-tow',
    { not: none('towing') },
    text('拖钩式自行车架需选装拖车钩', 'The tow-bar bike carrier needs a tow bar'),
  ),
  requires(
    'charger-phev',
    { not: none('home-charger') },
    'eng-phev',
    text('充电设备仅适用于插混版', 'Charging equipment is for the plug-in hybrid'),
  ),
  {
    id: 'child-seat-captain',
    kind: 'excludes',
    a: 'child-infant',
    b: 'seats-6-exec',
    message: text(
      '零重力座椅不带 ISOFIX 接口，婴幼儿座椅请选择其他座椅布局',
      'The zero-gravity seats have no ISOFIX: choose another layout for the infant seat',
    ),
  },
  ...byTrim.map((t) => t.rule),
  ...luxuryPackOnly,
  ...bundles.map((b) => b.rule),
];

const adjustments: PriceAdjustment[] = [
  ...byTrim.flatMap((t) => t.adjustments),
  ...bundles.map((b) => b.adjustment),
];

export const qcD90Pro2027: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'qc-d90-pro-2027',
  name: text('启程 D90 Pro 2027款', 'Qicheng D90 Pro 2027'),
  currency: 'CNY',
  basePrice: yuan(229800),
  families,
  rules,
  adjustments,
  defaults: {
    trim: L,
    engine: 'eng-gas',
    transmission: 'tx-8at',
    drive: 'drive-awd',
    suspension: 'susp-comfort',
    cooling: none('cooling'),
    towing: none('towing'),
    paint: 'paint-deep-sea-blue',
    'roof-colour': 'roof-body',
    headlights: 'lamp-matrix',
    styling: none('styling'),
    'side-steps': 'step-fixed',
    'roof-rack': none('roof-rack'),
    sunroof: 'sunroof-panoramic',
    'privacy-glass': 'privacy-glass-rear',
    tailgate: 'tailgate-power',
    wheels: 'wheel-19-spoke',
    tyres: 'tyre-touring',
    spare: 'spare-compact',
    'seat-layout': 'seats-7',
    'seat-material': 'mat-leatherette',
    'interior-colour': 'int-black',
    'front-seats': 'fseat-both',
    'front-comfort': 'fcomfort-heat',
    'second-row-comfort': none('second-row-comfort'),
    'third-row-comfort': 'r3-vents',
    'steering-wheel': 'steer-leather',
    inlay: 'inlay-walnut',
    climate: 'ac-dual',
    'ambient-light': none('ambient-light'),
    'air-purifier': 'purifier-pm25',
    fridge: none('fridge'),
    sunshade: none('sunshade'),
    'soft-close': none('soft-close'),
    screens: 'screen-large',
    hud: none('hud'),
    audio: 'audio-12',
    adas: 'adas-l2',
    parking: 'park-360',
    'rear-entertainment': none('rear-entertainment'),
    'wireless-charging': 'qi-front',
    v2l: none('v2l'),
    'night-vision': none('night-vision'),
    'pack-comfort': none('pack-comfort'),
    'pack-offroad': none('pack-offroad'),
    'pack-tech': none('pack-tech'),
    'pack-family': none('pack-family'),
    'pack-winter': none('pack-winter'),
    'pack-tow': none('pack-tow'),
    warranty: none('warranty'),
    maintenance: none('maintenance'),
    'floor-mats': none('floor-mats'),
    dashcam: none('dashcam'),
    'roof-box': none('roof-box'),
    'bike-carrier': none('bike-carrier'),
    'roof-tent': none('roof-tent'),
    'paint-film': none('paint-film'),
    'child-seat': none('child-seat'),
    camping: none('camping'),
    'home-charger': none('home-charger'),
  },
};
