/**
 * 启程 D90 Pro 2027 super-BOM: body in white by roof, paint per colour, powertrain per engine,
 * transmission and drive, wheels per wheel option and tyres per type and rim size, seats per
 * layout, adjustment and material, interior trim per colour, the customer-specific wiring
 * harness, and electronics per option. Conditions use the catalogue's option codes.
 */
import { all, any, bom, type DemoPart, jis, not, part, perOption } from './build-bom.ts';

const r18 = any('wheel-18-classic', 'wheel-18-aero', 'wheel-18-rugged');
const r19 = any('wheel-19-spoke', 'wheel-19-diamond', 'wheel-19-rugged');
const r20 = any('wheel-20-blade', 'wheel-20-diamond', 'wheel-20-black');
const r21 = any('wheel-21-forged', 'wheel-21-turbine');

const PAINTS: [code: string, zh: string, en: string][] = [
  ['polar-white', '极地白', 'Polar White'],
  ['obsidian-black', '曜石黑', 'Obsidian Black'],
  ['galaxy-silver', '星河银', 'Galaxy Silver'],
  ['titanium-grey', '钛金灰', 'Titanium Grey'],
  ['deep-sea-blue', '深海蓝', 'Deep Sea Blue'],
  ['mist-blue', '雾霾蓝', 'Mist Blue'],
  ['forest-green', '森林绿', 'Forest Green'],
  ['burgundy-red', '勃艮第红', 'Burgundy Red'],
  ['pearl-white', '珍珠白', 'Pearl White'],
  ['desert-gold', '沙漠金', 'Desert Gold'],
  ['glacier-blue', '冰川蓝', 'Glacier Blue'],
  ['lava-orange', '熔岩橙', 'Lava Orange'],
  ['matte-grey', '暮光哑光灰', 'Dusk Matte Grey'],
];

const WHEELS: [code: string, zh: string, en: string][] = [
  ['18-classic', '18英寸五辐铝合金轮毂', '18" five-spoke alloy wheel'],
  ['18-aero', '18英寸低风阻轮毂', '18" aero alloy wheel'],
  ['18-rugged', '18英寸越野哑黑轮毂', '18" matte black off-road wheel'],
  ['19-spoke', '19英寸多辐轮毂', '19" multi-spoke alloy wheel'],
  ['19-diamond', '19英寸双色切削轮毂', '19" diamond-cut two-tone wheel'],
  ['19-rugged', '19英寸越野双色轮毂', '19" two-tone off-road wheel'],
  ['20-blade', '20英寸刀锋轮毂', '20" blade alloy wheel'],
  ['20-diamond', '20英寸双色切削轮毂', '20" diamond-cut two-tone wheel'],
  ['20-black', '20英寸黑武士轮毂', '20" gloss black alloy wheel'],
  ['21-forged', '21英寸锻造轮毂', '21" forged alloy wheel'],
  ['21-turbine', '21英寸涡轮式轮毂', '21" turbine alloy wheel'],
];

const INTERIORS: [code: string, zh: string, en: string][] = [
  ['black', '曜石黑', 'Obsidian Black'],
  ['grey', '岩石灰', 'Stone Grey'],
  ['tan', '马鞍棕', 'Saddle Tan'],
  ['ivory', '象牙白', 'Ivory'],
  ['burgundy', '勃艮第红', 'Burgundy'],
];

export const d90Parts: DemoPart[] = [
  part(
    'D90-STP-SIDE',
    'D90 侧围外板（左右）',
    'D90 body side outer panels, left and right',
    'SUP-STEEL',
    5,
    'pair',
  ),
  part('D90-STP-ROOF-SOLID', 'D90 整体式顶盖', 'D90 solid roof panel', 'SUP-STEEL', 5),
  part('D90-STP-ROOF-SUN', 'D90 天窗开口顶盖', 'D90 roof panel with sunroof aperture', 'SUP-STEEL', 5),
  part('D90-STP-ROOF-PANO', 'D90 全景天幕顶盖框架', 'D90 panoramic roof frame', 'SUP-STEEL', 7),
  part(
    'D90-BIW-UNDERBODY',
    'D90 下车体及前舱总成',
    'D90 underbody and front structure',
    'SUP-STEEL',
    7,
    'set',
  ),
  ...PAINTS.map(([code, zh, en]) =>
    part(
      `D90-PNT-${code.toUpperCase()}`,
      `${zh}色漆`,
      `${en} base coat`,
      'SUP-PAINT',
      code === 'matte-grey' ? 14 : 7,
      'l',
    ),
  ),
  part('D90-PNT-ROOF-BLACK', '曜石黑车顶色漆', 'Obsidian Black roof base coat', 'SUP-PAINT', 7, 'l'),
  part('D90-PNT-ROOF-WHITE', '极地白车顶色漆', 'Polar White roof base coat', 'SUP-PAINT', 7, 'l'),
  part(
    'D90-ENG-20T-PHEV',
    'D90 2.0T 插电混动发动机及电机总成',
    'D90 2.0T plug-in hybrid engine and motor',
    'SUP-POWER',
    28,
  ),
  part(
    'D90-BAT-PHEV-35',
    'D90 插混动力电池包（35 kWh）',
    'D90 PHEV traction battery (35 kWh)',
    'SUP-POWER',
    35,
  ),
  part('D90-TX-DHT', 'D90 混动专用变速箱（DHT）', 'D90 dedicated hybrid transmission (DHT)', 'SUP-POWER', 28),
  part('D90-AXL-2WD', 'D90 两驱后桥', 'D90 2WD rear axle', 'SUP-POWER', 14),
  part(
    'D90-TC-4WD',
    'D90 分时四驱分动箱（带低速挡）',
    'D90 part-time 4WD transfer case with low range',
    'SUP-POWER',
    21,
  ),
  part(
    'D90-TC-4WD-LOCK',
    'D90 分时四驱分动箱及后差速锁',
    'D90 part-time 4WD transfer case and rear locker',
    'SUP-POWER',
    28,
  ),
  part(
    'D90-AWD-COUPLING',
    'D90 智能四驱多片离合器',
    'D90 intelligent AWD multi-plate coupling',
    'SUP-POWER',
    21,
  ),
  part('D90-SUSP-COMFORT', 'D90 舒适型悬架套件', 'D90 comfort suspension kit', 'SUP-POWER', 10, 'set'),
  part(
    'D90-SUSP-CDC',
    'D90 CDC 电磁减振悬架套件',
    'D90 adaptive damper (CDC) suspension kit',
    'SUP-POWER',
    21,
    'set',
  ),
  part('D90-SUSP-AIR', 'D90 空气悬架套件', 'D90 air suspension kit', 'SUP-POWER', 30, 'set'),
  ...WHEELS.map(([code, zh, en]) => part(`D90-WHL-${code.toUpperCase()}`, zh, en, 'SUP-TYRE', 14)),
  part('QC-TYRE-TOUR-18', '四季舒适轮胎 255/60 R18', 'All-season touring tyre 255/60 R18', 'SUP-TYRE', 10),
  part('QC-TYRE-TOUR-19', '四季舒适轮胎 255/55 R19', 'All-season touring tyre 255/55 R19', 'SUP-TYRE', 10),
  part('QC-TYRE-TOUR-20', '四季舒适轮胎 265/50 R20', 'All-season touring tyre 265/50 R20', 'SUP-TYRE', 10),
  part('QC-TYRE-TOUR-21', '四季舒适轮胎 275/45 R21', 'All-season touring tyre 275/45 R21', 'SUP-TYRE', 12),
  part('QC-TYRE-AT-18', '全地形轮胎 265/65 R18', 'All-terrain tyre 265/65 R18', 'SUP-TYRE', 12),
  part('QC-TYRE-AT-19', '全地形轮胎 265/60 R19', 'All-terrain tyre 265/60 R19', 'SUP-TYRE', 12),
  part('QC-TYRE-QUIET-19', '静音棉轮胎 255/55 R19', 'Acoustic-foam tyre 255/55 R19', 'SUP-TYRE', 12),
  part('QC-TYRE-QUIET-20', '静音棉轮胎 265/50 R20', 'Acoustic-foam tyre 265/50 R20', 'SUP-TYRE', 12),
  part('QC-TYRE-QUIET-21', '静音棉轮胎 275/45 R21', 'Acoustic-foam tyre 275/45 R21', 'SUP-TYRE', 14),
  jis(
    'D90-SEAT-F-6WAY',
    'D90 前排座椅骨架（主驾六向电动）',
    'D90 front seat frames, 6-way power driver',
    'SUP-SEAT',
    2,
  ),
  jis(
    'D90-SEAT-F-POWER',
    'D90 前排座椅骨架（双电动）',
    'D90 front seat frames, power driver and passenger',
    'SUP-SEAT',
    2,
  ),
  jis(
    'D90-SEAT-F-MEMORY',
    'D90 前排座椅骨架（电动带记忆）',
    'D90 front seat frames, power with driver memory',
    'SUP-SEAT',
    3,
  ),
  jis('D90-SEAT-R-7', 'D90 二三排座椅（2+3+2 七座）', 'D90 rear seats, 7-seat (2+3+2)', 'SUP-SEAT', 2),
  jis('D90-SEAT-R-5', 'D90 二排座椅（五座）', 'D90 rear seat, 5-seat', 'SUP-SEAT', 2),
  jis(
    'D90-SEAT-R-6',
    'D90 二三排座椅（2+2+2 独立座椅）',
    'D90 rear seats, 6-seat captain chairs',
    'SUP-SEAT',
    3,
  ),
  jis(
    'D90-SEAT-R-6EXEC',
    'D90 二排零重力座椅及三排座椅',
    'D90 rear seats, zero-gravity second row',
    'SUP-SEAT',
    5,
  ),
  jis('D90-COVER-FABRIC', 'D90 透气织物座椅面套', 'D90 breathable fabric seat covers', 'SUP-SEAT', 2),
  jis('D90-COVER-LEATHERETTE', 'D90 仿皮座椅面套', 'D90 leatherette seat covers', 'SUP-SEAT', 2),
  jis('D90-COVER-LEATHER', 'D90 打孔真皮座椅面套', 'D90 perforated leather seat covers', 'SUP-SEAT', 3),
  jis('D90-COVER-NAPPA', 'D90 Nappa 真皮座椅面套', 'D90 Nappa leather seat covers', 'SUP-SEAT', 4),
  ...INTERIORS.map(([code, zh, en]) =>
    jis(
      `D90-INT-${code.toUpperCase()}`,
      `D90 仪表板及门板饰件（${zh}）`,
      `D90 instrument panel and door trim, ${en}`,
      'SUP-SEAT',
      3,
    ),
  ),
  jis(
    'D90-HARNESS-MAIN',
    'D90 客户定制主线束',
    'D90 customer-specific main wiring harness',
    'SUP-HARNESS',
    3,
    'pc',
  ),
  part('D90-LAMP-LED', 'D90 LED 前大灯（左右）', 'D90 LED headlamps, left and right', 'SUP-ELEC', 14, 'pair'),
  part(
    'D90-LAMP-MATRIX',
    'D90 矩阵式自适应远光大灯（左右）',
    'D90 matrix LED headlamps, left and right',
    'SUP-ELEC',
    21,
    'pair',
  ),
  part(
    'D90-LAMP-DLP',
    'D90 DLP 数字像素大灯（左右）',
    'D90 DLP digital pixel headlamps, left and right',
    'SUP-ELEC',
    30,
    'pair',
  ),
  part(
    'D90-ADAS-L2',
    'D90 L2 驾驶辅助控制器及前视摄像头',
    'D90 L2 assist controller and front camera',
    'SUP-ELEC',
    21,
  ),
  part(
    'D90-ADAS-NOA',
    'D90 高速领航域控制器及毫米波雷达组',
    'D90 highway NOA domain controller and radar set',
    'SUP-ELEC',
    28,
  ),
  part(
    'D90-ADAS-LIDAR',
    'D90 城市领航域控制器及激光雷达',
    'D90 urban NOA domain controller with lidar',
    'SUP-ELEC',
    45,
  ),
];

export const d90Bom = bom('qc-d90-pro', [
  // stamping
  { part: 'D90-STP-SIDE', station: 'stamping' },
  ...perOption('roof-panel', 'stamping', [
    ['sunroof:none', 'D90-STP-ROOF-SOLID'],
    ['sunroof-electric', 'D90-STP-ROOF-SUN'],
    ['sunroof-panoramic', 'D90-STP-ROOF-PANO'],
  ]),
  // body in white
  { part: 'D90-BIW-UNDERBODY', station: 'body' },
  // paint: primer, colour per car, clear coat (matte for the matte colour), contrast roofs
  { part: 'QC-PNT-ECOAT', station: 'paint', qty: 9 },
  ...perOption(
    'paint',
    'paint',
    PAINTS.map(([code]) => [`paint-${code}`, `D90-PNT-${code.toUpperCase()}`]),
    5,
  ),
  ...perOption(
    'clear-coat',
    'paint',
    [
      [not('paint-matte-grey'), 'QC-PNT-CLEAR-GLOSS'],
      ['paint-matte-grey', 'QC-PNT-CLEAR-MATTE'],
    ],
    4,
  ),
  { part: 'D90-PNT-ROOF-BLACK', station: 'paint', when: 'roof-black' },
  { part: 'D90-PNT-ROOF-WHITE', station: 'paint', when: 'roof-white' },
  // powertrain and chassis
  ...perOption('engine', 'assembly', [
    ['eng-gas', 'QC-ENG-20T-GAS'],
    ['eng-diesel', 'QC-ENG-20T-DSL'],
    ['eng-phev', 'D90-ENG-20T-PHEV'],
  ]),
  { part: 'D90-BAT-PHEV-35', station: 'assembly', when: 'eng-phev' },
  ...perOption('transmission', 'assembly', [
    ['tx-8at', 'QC-TX-8AT'],
    ['tx-6mt', 'QC-TX-6MT'],
    ['tx-dht', 'D90-TX-DHT'],
  ]),
  ...perOption('drive', 'assembly', [
    ['drive-2wd', 'D90-AXL-2WD'],
    ['drive-4wd', 'D90-TC-4WD'],
    ['drive-4wd-lock', 'D90-TC-4WD-LOCK'],
    ['drive-awd', 'D90-AWD-COUPLING'],
  ]),
  ...perOption('suspension', 'assembly', [
    ['susp-comfort', 'D90-SUSP-COMFORT'],
    ['susp-cdc', 'D90-SUSP-CDC'],
    ['susp-air', 'D90-SUSP-AIR'],
  ]),
  // wheels and tyres: four per car
  ...perOption(
    'wheels',
    'assembly',
    WHEELS.map(([code]) => [`wheel-${code}`, `D90-WHL-${code.toUpperCase()}`]),
    4,
  ),
  ...perOption(
    'tyres',
    'assembly',
    [
      [all('tyre-touring', r18), 'QC-TYRE-TOUR-18'],
      [all('tyre-touring', r19), 'QC-TYRE-TOUR-19'],
      [all('tyre-touring', r20), 'QC-TYRE-TOUR-20'],
      [all('tyre-touring', r21), 'QC-TYRE-TOUR-21'],
      [all('tyre-at', r18), 'QC-TYRE-AT-18'],
      [all('tyre-at', r19), 'QC-TYRE-AT-19'],
      [all('tyre-quiet', r19), 'QC-TYRE-QUIET-19'],
      [all('tyre-quiet', r20), 'QC-TYRE-QUIET-20'],
      [all('tyre-quiet', r21), 'QC-TYRE-QUIET-21'],
    ],
    4,
  ),
  // seats and interior, in sequence
  ...perOption('front-seats', 'assembly', [
    ['fseat-driver', 'D90-SEAT-F-6WAY'],
    ['fseat-both', 'D90-SEAT-F-POWER'],
    ['fseat-memory', 'D90-SEAT-F-MEMORY'],
  ]),
  ...perOption('rear-seats', 'assembly', [
    ['seats-7', 'D90-SEAT-R-7'],
    ['seats-5', 'D90-SEAT-R-5'],
    ['seats-6', 'D90-SEAT-R-6'],
    ['seats-6-exec', 'D90-SEAT-R-6EXEC'],
  ]),
  ...perOption('seat-covers', 'assembly', [
    ['mat-fabric', 'D90-COVER-FABRIC'],
    ['mat-leatherette', 'D90-COVER-LEATHERETTE'],
    ['mat-leather', 'D90-COVER-LEATHER'],
    ['mat-nappa', 'D90-COVER-NAPPA'],
  ]),
  ...perOption(
    'interior-trim',
    'assembly',
    INTERIORS.map(([code]) => [`int-${code}`, `D90-INT-${code.toUpperCase()}`]),
  ),
  // the car's own wiring harness: one per vehicle, built to its options
  { part: 'D90-HARNESS-MAIN', station: 'assembly' },
  // electronics
  ...perOption('headlights', 'assembly', [
    ['lamp-led', 'D90-LAMP-LED'],
    ['lamp-matrix', 'D90-LAMP-MATRIX'],
    ['lamp-dlp', 'D90-LAMP-DLP'],
  ]),
  ...perOption('adas', 'assembly', [
    ['adas-l2', 'D90-ADAS-L2'],
    ['adas-noa', 'D90-ADAS-NOA'],
    ['adas-city', 'D90-ADAS-LIDAR'],
  ]),
]);
