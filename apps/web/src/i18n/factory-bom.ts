// Texts of the super-BOM (server module `bom`, routes under /factory): problem codes people can
// see, finding kinds of the publish check, stations and units. Merged into catalogue.ts.
// `en` is typed by the zh-CN keys, so a key missing in either language fails tsc.

const zhCN = {
  'bom.station.stamping': '冲压',
  'bom.station.body': '焊装',
  'bom.station.paint': '涂装',
  'bom.station.assembly': '总装',

  'bom.unit.pc': '件',
  'bom.unit.set': '套',
  'bom.unit.pair': '对',
  'bom.unit.kg': '千克',
  'bom.unit.l': '升',
  'bom.unit.m': '米',

  'bom.finding.empty_bom': 'BOM 没有任何行。',
  'bom.finding.unknown_option': '第 {line} 行的条件引用了配置模型中不存在的选项：{options}。',
  'bom.finding.inactive_part': '第 {line} 行使用的零件 {partNumber} 已停用。',
  'bom.finding.dead_line': '第 {line} 行的条件在任何有效配置下都不成立。',
  'bom.finding.overlap': '替代组 {group} 中第 {lines} 行可能同时生效（{count} 种配置），例如配置 {code}。',
  'bom.finding.gap': '替代组 {group} 对 {count} 种配置没有任何一行生效，例如配置 {code}。',

  'problem.bom.publish_refused': '发布被拒绝：检查发现问题，当前生效的 BOM 版本保持不变。',
  'problem.bom.invalid_lines': 'BOM 行填写有误，未保存。',
  'problem.bom.invalid_part_number': '零件号只能包含大写字母、数字、“-”和“.”（2–40 位）。',
  'problem.bom.invalid_lead_time': '交货期须为 0 到 365 之间的整天数。',
  'problem.bom.unknown_supplier': '所选机构不是供应商。',
  'problem.bom.part_number_taken': '这个零件号已被使用。',
  'problem.bom.part_not_found': '没有找到这个零件。',
  'problem.bom.part_in_use': '该零件仍在当前生效的 BOM 中，请先发布不含它的 BOM 再停用。',
  'problem.bom.model_line_not_found': '没有这个车型线。',
  'problem.bom.model_line_not_on_sale': '该车型线还没有上线的配置版本，无法检查 BOM。',
  'problem.bom.version_not_found': '没有找到这个 BOM 版本。',
  'problem.bom.bom_not_published': '该车型线还没有发布 BOM。',
  'problem.bom.invalid_configuration': '该配置不完整，或不符合 BOM 所依据的配置版本。',
  'problem.bom.invalid_configuration_code': '配置码有误，或不属于该 BOM 所依据的配置版本。',
  'problem.bom.invalid_vehicle_id': '车辆 ID 格式不正确。',
  'problem.bom.vehicle_parts_not_found': '这辆车还没有零件清单。',
  'problem.bom.too_many_vehicles': '一次查询的车辆太多。',
} as const satisfies Record<string, string>;

const en: Record<keyof typeof zhCN, string> = {
  'bom.station.stamping': 'Stamping',
  'bom.station.body': 'Body',
  'bom.station.paint': 'Paint',
  'bom.station.assembly': 'Assembly',

  'bom.unit.pc': 'pc',
  'bom.unit.set': 'set',
  'bom.unit.pair': 'pair',
  'bom.unit.kg': 'kg',
  'bom.unit.l': 'l',
  'bom.unit.m': 'm',

  'bom.finding.empty_bom': 'The BOM has no lines.',
  'bom.finding.unknown_option': 'Line {line} names options the configuration model does not have: {options}.',
  'bom.finding.inactive_part': 'Line {line} uses part {partNumber}, which is inactive.',
  'bom.finding.dead_line': 'No valid configuration meets the condition of line {line}.',
  'bom.finding.overlap':
    'In group {group}, lines {lines} both apply to {count} configurations, for example {code}.',
  'bom.finding.gap': 'Group {group} has no line for {count} configurations, for example {code}.',

  'problem.bom.publish_refused':
    'Publishing was refused: the check found problems. The current BOM stays as it is.',
  'problem.bom.invalid_lines': 'Some BOM lines are not valid; nothing was saved.',
  'problem.bom.invalid_part_number': 'Part numbers use upper-case letters, digits, "-" and "." (2-40).',
  'problem.bom.invalid_lead_time': 'The lead time must be whole days from 0 to 365.',
  'problem.bom.unknown_supplier': 'The chosen organisation is not a supplier.',
  'problem.bom.part_number_taken': 'This part number is already in use.',
  'problem.bom.part_not_found': 'No such part.',
  'problem.bom.part_in_use': 'The part is in a current BOM; publish a BOM without it before deactivating it.',
  'problem.bom.model_line_not_found': 'No such model line.',
  'problem.bom.model_line_not_on_sale':
    'The model line has no live catalogue version to check the BOM against.',
  'problem.bom.version_not_found': 'No such BOM version.',
  'problem.bom.bom_not_published': 'This model line has no published BOM yet.',
  'problem.bom.invalid_configuration':
    'The configuration is incomplete, or not valid on the catalogue version the BOM was checked against.',
  'problem.bom.invalid_configuration_code':
    'The configuration code has a typo, or belongs to another catalogue version than the BOM.',
  'problem.bom.invalid_vehicle_id': 'That is not a vehicle ID.',
  'problem.bom.vehicle_parts_not_found': 'This vehicle has no parts list yet.',
  'problem.bom.too_many_vehicles': 'Too many vehicles in one request.',
};

export const factoryBom = { 'zh-CN': zhCN, en };
