// Texts of the customer side of the build chain (issue #6 web): the delivery date at checkout,
// the earliest date in the configurator, the car's plant progress, changing the date, the
// hand-over and accepting the car, and "my vehicles". Merged into catalogue.ts.
// `en` is typed by the zh-CN keys, so a key missing in either language fails tsc.

const zhCN = {
  'nav.myVehicles': '我的车辆',

  // checkout: the delivery date step
  'checkout.step.delivery': '交付日期',
  'checkout.delivery.title': '选择交付日期',
  'checkout.delivery.intro':
    '以下是工厂按产能、已排订单和零部件交货期能够兑现、且{dealer}可以安排交车的日期。日期随订单一起在工厂和经销店预留。',
  'checkout.delivery.gone': '{date} 刚刚已无法交付，订单没有提交。请重新选择日期。',
  'checkout.delivery.takeNext': '改选最近可交付的 {date}',
  'checkout.terms.deliveryDate': '交付日期：{date}（提交订单时在工厂和经销店预留）。',
  'checkout.review.deliveryDate': '交付日期',
  'checkout.summary.deliveryDate': '交付日期',

  // the calendar
  'delivery.legend': '交付日历',
  'delivery.earliest': '最早 {date}',
  'delivery.available': '可交付',
  'delivery.availableStored': '可交付（车辆提前 {days} 个工作日下线）',
  'delivery.current': '当前交付日期',
  'delivery.none': '接下来几周没有可交付的日期，请稍后再试或选择其他经销店。',

  // configurator
  'cfg.earliest.label': '最早交付',
  'cfg.earliest.dealer': '交车经销店',
  'cfg.earliest.incomplete': '完成全部选择后显示最早交付日期。',

  // timeline
  'order.timeline.plant_step.qc_failed': '质检未通过（{count} 项问题），车辆返修。',
  'order.timeline.plant_step.qc_passed': '质检通过。',
  'order.timeline.plant_step.vin': '{step}完成，车架号 {vin}。',
  'order.timeline.delivered.detail': '车架号 {vin}，车辆已归你所有。',

  // order page: the delivery date
  'build.date.title': '交付日期',
  'build.date.none': '尚未选择交付日期',
  'build.date.at': '在{dealer}交车',
  'build.date.change': '修改交付日期',
  'build.date.pick': '选择交付日期',
  'build.date.keep': '保留原日期',
  'build.date.pickFirst': '请先选择日期',
  'build.date.confirm': '改为 {date}',
  'build.date.changed': '交付日期已改为 {date}。',
  'build.date.next': '最近可交付的日期是 {date}。',
  'build.date.blocked.no_car': '这笔订单还没有车辆，暂不能选择日期。',
  'build.date.blocked.frozen': '生产日的计划已冻结，交付日期不能再修改。',
  'build.date.blocked.in_build': '车辆已在生产或已下线，交付日期不能再修改。',
  'build.date.blocked.cancelled': '订单已取消。',
  'build.date.blocked.delivered': '车辆已交付。',

  // order page: plant progress
  'build.progress.title': '车辆生产进度',
  'build.progress.list': '生产工序',
  'build.progress.state': '当前状态',
  'build.progress.noCar': '这笔订单还没有车辆。',
  'build.progress.vinLater': '焊装后分配',
  'build.progress.notPlanned': '尚未排产',
  'build.progress.plannedDay': '生产日 {day}',
  'build.progress.plannedAt': '生产日 {day}，第 {position} 台上线',
  'build.progress.actual': '实际 {at}',
  'build.progress.estimated': '预计 {at}',
  'build.progress.noEstimate': '时间待定',
  'build.progress.status.done': '已完成',
  'build.progress.status.current': '下一步',
  'build.progress.status.failed': '未通过',
  'build.progress.status.todo': '未开始',

  // order page: hand-over and acceptance
  'build.handover.title': '到店交车',
  'build.handover.none': '车辆已到店，经销店将与你预约交车时间。',
  'build.handover.when': '预约时间',
  'build.handover.slot': '{day} {start}-{end}',
  'build.handover.checklist': '交车前检查',
  'build.handover.checklistDone': '已全部完成',
  'build.handover.checklistLeft': '还剩 {left}/{total} 项',
  'build.handover.itemDone': '已完成',
  'build.handover.itemOpen': '未完成',
  'build.accept.action': '确认收车',
  'build.accept.notYet': '暂时还不能确认收车：',
  'build.accept.block.not_at_dealer': '车辆还没有到达经销店。',
  'build.accept.block.delivered': '车辆已交付。',
  'build.accept.block.cancelled': '订单已取消。',
  'build.accept.block.no_handover': '经销店还没有预约交车。',
  'build.accept.block.checklist_open': '经销店还在进行交车前检查（还剩 {count} 项）。',
  'build.accept.block.balance_due': '请先支付尾款 {amount}。',
  'build.accept.payFirst': '先支付尾款',
  'build.accept.confirmTitle': '确认收车？',
  'build.accept.confirmBody':
    '确认后订单 {vehicleId} 即为已交付，车辆（车架号 {vin}）归你所有。请在验车满意后再确认。',
  'build.accept.cancel': '再看看',
  'build.accept.confirm': '确认收车',
  'build.accept.accepting': '正在确认…',
  'build.accept.done': '已确认收车，恭喜提车！车辆已加入“我的车辆”。',
  'build.accept.ownedLink': '在“我的车辆”中查看',

  // my vehicles
  'myVehicles.title': '我的车辆',
  'myVehicles.intro': '你已确认收车的车辆。',
  'myVehicles.customersOnly': '“我的车辆”仅对个人客户账号开放。',
  'myVehicles.empty': '你还没有车辆。确认收车后，车辆会显示在这里。',
  'myVehicles.toOrders': '查看我的订单',
  'myVehicles.open': '查看车辆 {model}（车架号 {vin}）',
  'myVehicles.moreOptions': '等 {count} 项',
  'myVehicles.deliveryDate': '交付日期',
  'myVehicles.deliveredAt': '收车时间',
  'myVehicles.detailIntro': '车架号 {vin}',
  'myVehicles.back': '← 我的车辆',
  'myVehicles.facts': '车辆信息',
  'myVehicles.dealer': '交车经销店',
  'myVehicles.order': '查看订单 {vehicleId}',
} as const satisfies Record<string, string>;

type Key = keyof typeof zhCN;

const en: Record<Key, string> = {
  'nav.myVehicles': 'My vehicles',

  'checkout.step.delivery': 'Delivery date',
  'checkout.delivery.title': 'Choose the delivery date',
  'checkout.delivery.intro':
    'These are the dates the plant can meet with its capacity, the orders already planned and the part lead times, and on which {dealer} can hand the car over. The date is reserved at the plant and the dealer with the order.',
  'checkout.delivery.gone': '{date} was taken just now; the order was not placed. Choose a date again.',
  'checkout.delivery.takeNext': 'Take the next available date, {date}',
  'checkout.terms.deliveryDate':
    'Delivery date: {date} (reserved at the plant and the dealer when you place the order).',
  'checkout.review.deliveryDate': 'Delivery date',
  'checkout.summary.deliveryDate': 'Delivery date',

  'delivery.legend': 'Delivery calendar',
  'delivery.earliest': 'earliest {date}',
  'delivery.available': 'Available',
  'delivery.availableStored': 'Available (the car is built {days} working days early)',
  'delivery.current': 'Current delivery date',
  'delivery.none': 'No date can be met in the next weeks; try again later or choose another dealer.',

  'cfg.earliest.label': 'Earliest delivery',
  'cfg.earliest.dealer': 'Hand-over at',
  'cfg.earliest.incomplete': 'Complete every choice to see the earliest delivery date.',

  'order.timeline.plant_step.qc_failed': 'Failed the quality check ({count} defects); the car is reworked.',
  'order.timeline.plant_step.qc_passed': 'Passed the quality check.',
  'order.timeline.plant_step.vin': '{step} done; VIN {vin}.',
  'order.timeline.delivered.detail': 'VIN {vin}; the car is yours.',

  'build.date.title': 'Delivery date',
  'build.date.none': 'No delivery date chosen yet',
  'build.date.at': 'Hand-over at {dealer}',
  'build.date.change': 'Change the delivery date',
  'build.date.pick': 'Choose a delivery date',
  'build.date.keep': 'Keep the current date',
  'build.date.pickFirst': 'Choose a date first',
  'build.date.confirm': 'Change to {date}',
  'build.date.changed': 'The delivery date is now {date}.',
  'build.date.next': 'The next available date is {date}.',
  'build.date.blocked.no_car': 'This order has no car yet, so no date can be chosen.',
  'build.date.blocked.frozen':
    'The plan of the production day is frozen: the delivery date can no longer change.',
  'build.date.blocked.in_build':
    'The car is being built or built already: the delivery date can no longer change.',
  'build.date.blocked.cancelled': 'The order is cancelled.',
  'build.date.blocked.delivered': 'The car has been delivered.',

  'build.progress.title': 'Your car at the plant',
  'build.progress.list': 'Production steps',
  'build.progress.state': 'Now',
  'build.progress.noCar': 'This order has no car yet.',
  'build.progress.vinLater': 'Given at the body shop',
  'build.progress.notPlanned': 'Not planned yet',
  'build.progress.plannedDay': 'Production day {day}',
  'build.progress.plannedAt': 'Production day {day}, car {position} on the line',
  'build.progress.actual': 'done {at}',
  'build.progress.estimated': 'expected {at}',
  'build.progress.noEstimate': 'time to be set',
  'build.progress.status.done': 'done',
  'build.progress.status.current': 'next',
  'build.progress.status.failed': 'failed',
  'build.progress.status.todo': 'not started',

  'build.handover.title': 'Hand-over at the dealer',
  'build.handover.none': 'The car is at the dealer; they will book the hand-over with you.',
  'build.handover.when': 'Booked for',
  'build.handover.slot': '{day}, {start}-{end}',
  'build.handover.checklist': 'Pre-delivery checklist',
  'build.handover.checklistDone': 'All done',
  'build.handover.checklistLeft': '{left} of {total} left',
  'build.handover.itemDone': 'done',
  'build.handover.itemOpen': 'open',
  'build.accept.action': 'Accept delivery',
  'build.accept.notYet': 'You cannot accept the car yet:',
  'build.accept.block.not_at_dealer': 'The car has not arrived at the dealer yet.',
  'build.accept.block.delivered': 'The car has been delivered.',
  'build.accept.block.cancelled': 'The order is cancelled.',
  'build.accept.block.no_handover': 'The dealer has not booked the hand-over yet.',
  'build.accept.block.checklist_open':
    'The dealer is still running the pre-delivery checklist ({count} items left).',
  'build.accept.block.balance_due': 'Pay the balance of {amount} first.',
  'build.accept.payFirst': 'Pay the balance first',
  'build.accept.confirmTitle': 'Accept the car?',
  'build.accept.confirmBody':
    'Order {vehicleId} is then delivered and the car (VIN {vin}) is yours. Confirm once you have checked the car and are happy with it.',
  'build.accept.cancel': 'Not yet',
  'build.accept.confirm': 'Accept the car',
  'build.accept.accepting': 'Accepting…',
  'build.accept.done': 'Delivery accepted: enjoy your car! It is now in "My vehicles".',
  'build.accept.ownedLink': 'See it in "My vehicles"',

  'myVehicles.title': 'My vehicles',
  'myVehicles.intro': 'The cars you have accepted.',
  'myVehicles.customersOnly': '"My vehicles" is for customer accounts.',
  'myVehicles.empty': 'No vehicles yet. Once you accept a car at the hand-over, it shows here.',
  'myVehicles.toOrders': 'See my orders',
  'myVehicles.open': 'Open vehicle {model} (VIN {vin})',
  'myVehicles.moreOptions': 'and {count} more',
  'myVehicles.deliveryDate': 'Delivery date',
  'myVehicles.deliveredAt': 'Accepted',
  'myVehicles.detailIntro': 'VIN {vin}',
  'myVehicles.back': '← My vehicles',
  'myVehicles.facts': 'The vehicle',
  'myVehicles.dealer': 'Dealer',
  'myVehicles.order': 'See order {vehicleId}',
};

export const buildCustomer = { 'zh-CN': zhCN, en } as const;
