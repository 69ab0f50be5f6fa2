// Texts of the build chain (issue #6 server): the order timeline of the plant steps, dates and
// the hand-over, the reasons a date moved, the pre-delivery checklist, and the problem codes of
// the hand-over and acceptance routes. Merged into catalogue.ts.
// `en` is typed by the zh-CN keys, so a key missing in either language fails tsc.

const zhCN = {
  'order.timeline.delivery_date_reserved': '已预留交付日期',
  'order.timeline.delivery_date_reserved.detail': '交付日期 {deliveryDate}，生产日 {productionDay}。',
  'order.timeline.delivery_date_changed': '交付日期已修改',
  'order.timeline.delivery_date_changed.detail': '{previousDate} → {deliveryDate}。',
  'order.timeline.confirmed_for_build': '车辆确认投产',
  'order.timeline.confirmed_for_build.detail': '订单已锁定，生产日 {productionDay}。',
  'order.timeline.plant_step': '工厂工序',
  'order.timeline.plant_step.detail': '{step}完成。',
  'order.timeline.scheduled.position': '{productionDay} 第 {sequencePosition} 台上线。',
  'order.timeline.rescheduled.detail': '交付日期 {previousDeliveryDate} → {promisedDeliveryDate}。',
  'order.timeline.handover_booked': '已预约交车',
  'order.timeline.handover_booked.detail': '{day} {slotStart}-{slotEnd}。',
  'order.timeline.handover_checklist_completed': '交车前检查已完成',
  'order.timeline.handover_cancelled': '交车预约已取消',
  'order.timeline.handover_cancelled.detail': '{day} {slotStart} 的预约已取消，经销店将与你另约时间。',
  'order.by.system': '系统（草稿超时未支付）',

  'production.repromise.not_locked': '生产日冻结前订单尚未锁定，交付日期顺延至 {newDate}。',
  'order.reschedule.customer_request': '你修改了交付日期。',
  'order.reschedule.configuration_changed': '配置变更后交付日期调整。',
  'order.reschedule.dealer_full': '经销店当天交车已满，交车顺延。',

  'handover.status.booked': '已预约',
  'handover.status.completed': '已交车',
  'handover.status.cancelled': '已取消',
  'handover.checklist.exterior': '外观漆面无划痕、无损伤',
  'handover.checklist.interior': '内饰整洁，座椅与配置与订单一致',
  'handover.checklist.vin_plate': '车架号铭牌与订单一致',
  'handover.checklist.keys': '钥匙两把，均可使用',
  'handover.checklist.charging_cable_tools': '充电线与随车工具齐全',
  'handover.checklist.documents': '合格证、发票、保修与用户手册齐全',
  'handover.checklist.infotainment': '车机已激活并绑定车主账号',
  'handover.checklist.walk_through': '已向车主讲解车辆功能',

  'problem.ordering.delivery_not_ready': '暂时还不能确认收车：请先付清尾款并等待经销店完成交车检查。',
  'problem.dealers.handover_full': '经销店当天的交车名额已满，请选择其他日期。',
  'problem.dealers.handover_outside_hours': '这个时段不在经销店营业时间内。',
  'problem.dealers.handover_in_past': '请选择今天或之后的日期。',
  'problem.dealers.handover_slot_passed': '这个时段已经开始，请选择之后的时段。',
  'problem.dealers.handover_completed': '这辆车已经交付。',
  'problem.dealers.handover_not_open': '这次交车已完成或已取消。',
  'problem.dealers.handover_not_found': '这辆车还没有交车预约。',
  'problem.production.vehicle_confirmed': '订单已锁定，车辆配置不能再修改。',
  'problem.production.vehicle_not_confirmed': '订单尚未锁定，车辆暂不投产。',
  'problem.owners.vehicle_not_found': '没有找到这辆车，或它不属于你。',
  'problem.owners.vehicle_owned': '这辆车已有车主。',
} as const satisfies Record<string, string>;

type Key = keyof typeof zhCN;

const en: Record<Key, string> = {
  'order.timeline.delivery_date_reserved': 'Delivery date reserved',
  'order.timeline.delivery_date_reserved.detail':
    'Delivery on {deliveryDate}, production day {productionDay}.',
  'order.timeline.delivery_date_changed': 'Delivery date changed',
  'order.timeline.delivery_date_changed.detail': '{previousDate} → {deliveryDate}.',
  'order.timeline.confirmed_for_build': 'Confirmed for build',
  'order.timeline.confirmed_for_build.detail': 'The order is locked; production day {productionDay}.',
  'order.timeline.plant_step': 'At the plant',
  'order.timeline.plant_step.detail': '{step} done.',
  'order.timeline.scheduled.position': 'Car {sequencePosition} on the line on {productionDay}.',
  'order.timeline.rescheduled.detail': 'Delivery date {previousDeliveryDate} → {promisedDeliveryDate}.',
  'order.timeline.handover_booked': 'Hand-over booked',
  'order.timeline.handover_booked.detail': '{day} {slotStart}-{slotEnd}.',
  'order.timeline.handover_checklist_completed': 'Pre-delivery checklist complete',
  'order.timeline.handover_cancelled': 'Hand-over appointment cancelled',
  'order.timeline.handover_cancelled.detail':
    'The appointment on {day} at {slotStart} was cancelled; the dealer will arrange a new one with you.',
  'order.by.system': 'the system (draft not paid in time)',

  'production.repromise.not_locked':
    'The order was not locked when its production day was frozen; your car is now due on {newDate}.',
  'order.reschedule.customer_request': 'You changed the delivery date.',
  'order.reschedule.configuration_changed': 'The delivery date moved with the configuration change.',
  'order.reschedule.dealer_full': 'The dealer was fully booked that day; the hand-over moved on.',

  'handover.status.booked': 'Booked',
  'handover.status.completed': 'Handed over',
  'handover.status.cancelled': 'Cancelled',
  'handover.checklist.exterior': 'Exterior: paint and body without scratches or damage',
  'handover.checklist.interior': 'Interior clean; seats and trim as ordered',
  'handover.checklist.vin_plate': 'VIN plate matches the order',
  'handover.checklist.keys': 'Two keys, both working',
  'handover.checklist.charging_cable_tools': 'Charging cable and on-board tools present',
  'handover.checklist.documents': 'Certificate of conformity, invoice, warranty and owner manuals',
  'handover.checklist.infotainment': 'Infotainment set up and linked to the owner account',
  'handover.checklist.walk_through': 'Walk-through of the car given',

  'problem.ordering.delivery_not_ready':
    'You cannot accept the car yet: pay the balance and wait for the dealer to finish the checklist.',
  'problem.dealers.handover_full': 'The dealer has no hand-over left that day; choose another date.',
  'problem.dealers.handover_outside_hours': 'That time is outside the dealer’s opening hours.',
  'problem.dealers.handover_in_past': 'Choose today or a later date.',
  'problem.dealers.handover_slot_passed': 'That slot has already started; choose a later one.',
  'problem.dealers.handover_completed': 'This car has been handed over already.',
  'problem.dealers.handover_not_open': 'This hand-over is completed or cancelled.',
  'problem.dealers.handover_not_found': 'No hand-over is booked for this car yet.',
  'problem.production.vehicle_confirmed':
    'The order is locked: the car’s configuration can no longer change.',
  'problem.production.vehicle_not_confirmed': 'The order is not locked yet; the car is not built.',
  'problem.owners.vehicle_not_found': 'No such vehicle, or it is not yours.',
  'problem.owners.vehicle_owned': 'This vehicle has an owner already.',
};

export const buildChain = { 'zh-CN': zhCN, en } as const;
