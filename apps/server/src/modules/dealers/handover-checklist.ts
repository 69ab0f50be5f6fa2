/**
 * The pre-delivery checklist every hand-over runs, fixed and bilingual (the web shows the
 * labels in the customer's language). Pure.
 */
export const CHECKLIST_ITEMS = [
  'exterior',
  'interior',
  'vin_plate',
  'keys',
  'charging_cable_tools',
  'documents',
  'infotainment',
  'walk_through',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const CHECKLIST_LABELS: Record<ChecklistItem, { 'zh-CN': string; en: string }> = {
  exterior: { 'zh-CN': '外观漆面无划痕、无损伤', en: 'Exterior: paint and body without scratches or damage' },
  interior: { 'zh-CN': '内饰整洁、座椅与配置与订单一致', en: 'Interior clean; seats and trim as ordered' },
  vin_plate: { 'zh-CN': '车架号铭牌与订单车架号一致', en: 'VIN plate matches the VIN on the order' },
  keys: { 'zh-CN': '钥匙两把，均可正常使用', en: 'Two keys, both working' },
  charging_cable_tools: {
    'zh-CN': '充电线与随车工具齐全',
    en: 'Charging cable and on-board tools present',
  },
  documents: {
    'zh-CN': '合格证、发票、保修手册、用户手册齐全',
    en: 'Documents: certificate of conformity, invoice, warranty and owner manuals',
  },
  infotainment: {
    'zh-CN': '车机系统已激活并绑定车主账号',
    en: 'Infotainment set up and linked to the owner account',
  },
  walk_through: {
    'zh-CN': '已向车主讲解车辆功能与使用',
    en: 'Walk-through of the car given to the customer',
  },
};

export type ChecklistEntry = {
  item: ChecklistItem;
  checked: boolean;
  note: string | null;
  at: Date;
  by: string | null;
};

export function isChecklistItem(value: string): value is ChecklistItem {
  return (CHECKLIST_ITEMS as readonly string[]).includes(value);
}

/** Every item with its latest entry, and the items still open (not checked). */
export function checklistState(entries: readonly ChecklistEntry[]): {
  items: { item: ChecklistItem; entry: ChecklistEntry | null }[];
  left: ChecklistItem[];
  complete: boolean;
} {
  const latest = new Map<ChecklistItem, ChecklistEntry>();
  for (const e of entries) latest.set(e.item, e);
  const items = CHECKLIST_ITEMS.map((item) => ({ item, entry: latest.get(item) ?? null }));
  const left = items.filter((i) => !i.entry?.checked).map((i) => i.item);
  return { items, left, complete: left.length === 0 };
}
