import { type DemoPart, part } from './build-bom.ts';

/** Parts more than one model line uses (same part number on every BOM that lists it). */
export const sharedParts: DemoPart[] = [
  part('QC-PNT-ECOAT', '阴极电泳底漆及中涂', 'Cathodic e-coat and primer surfacer', 'SUP-PAINT', 7, 'l'),
  part('QC-PNT-CLEAR-GLOSS', '双组分高光清漆', 'Two-component gloss clear coat', 'SUP-PAINT', 7, 'l'),
  part('QC-PNT-CLEAR-MATTE', '双组分哑光清漆', 'Two-component matte clear coat', 'SUP-PAINT', 10, 'l'),
  part(
    'QC-ENG-20T-GAS',
    '2.0T 涡轮增压汽油发动机总成',
    '2.0T turbo gasoline engine assembly',
    'SUP-POWER',
    21,
  ),
  part('QC-ENG-20T-DSL', '2.0T 柴油发动机总成', '2.0T diesel engine assembly', 'SUP-POWER', 21),
  part('QC-TX-8AT', '8 速自动变速箱', '8-speed automatic transmission', 'SUP-POWER', 28),
  part('QC-TX-6MT', '6 速手动变速箱', '6-speed manual transmission', 'SUP-POWER', 21),
  part('QC-BAT-12V-AGM', '12V AGM 蓄电池（70 Ah）', '12 V AGM battery (70 Ah)', 'SUP-ELEC', 10),
];
