// Texts of the partner API (issue #7, data in): API key scopes, the signing secret, the partner
// request log page, and the problem codes of the partner, leads and dealer-stock routes.
// Merged into catalogue.ts. `en` is typed by the zh-CN keys, so a key missing in either
// language fails tsc.

const zhCN = {
  'admin.nav.partnerRequests': '合作伙伴请求',

  'apiKeyScope.partner:read': '读取本机构信息',
  'apiKeyScope.erp:parts': 'ERP：零件主数据与价格',
  'apiKeyScope.crm:leads': 'CRM：推送销售线索（只写）',
  'apiKeyScope.dms:stock': 'DMS：本经销商库存车辆',
  'apiKeyScope.wms:arrivals': 'WMS：零件到货',
  'apiKeyScope.hint.partner:read': '任何机构',
  'apiKeyScope.hint.erp:parts': '仅品牌总部',
  'apiKeyScope.hint.crm:leads': '仅品牌总部',
  'apiKeyScope.hint.dms:stock': '仅经销商',
  'apiKeyScope.hint.wms:arrivals': '工厂或品牌总部',
  'admin.apiKeys.scopes': '权限范围',
  'admin.apiKeys.scopesHint': '每个系统只授予它自己的接口；没有任何范围可以读取客户数据。',
  'admin.apiKeys.noScopeFits': '这类机构没有可用的权限范围。',
  'admin.apiKeys.signingSecretTitle': '签名密钥',
  'admin.apiKeys.signingSecretBody':
    '系统用它为每个请求计算 HMAC-SHA256 签名（时间戳、随机串、方法、路径和请求体）。同样只显示这一次。',

  'admin.partnerRequests.title': '合作伙伴请求',
  'admin.partnerRequests.intro':
    '业务系统（ERP、CRM、DMS 等）推送的每个请求及其结果：已应用、过期（已有更新的版本）、重复（与已应用版本相同）或被拒绝。',
  'admin.partnerRequests.system': '系统',
  'admin.partnerRequests.endpoint': '接口',
  'admin.partnerRequests.naturalKey': '业务键',
  'admin.partnerRequests.version': '来源版本',
  'admin.partnerRequests.result': '结果',
  'admin.partnerRequests.key': '密钥',
  'admin.partnerRequests.any': '全部',
  'admin.partnerRequests.result.applied': '已应用',
  'admin.partnerRequests.result.stale': '过期',
  'admin.partnerRequests.result.duplicate': '重复',
  'admin.partnerRequests.result.refused': '已拒绝',
  'admin.partnerRequests.system.erp': 'ERP',
  'admin.partnerRequests.system.wms': 'WMS',
  'admin.partnerRequests.system.dms': 'DMS',
  'admin.partnerRequests.system.crm': 'CRM',
  'admin.partnerRequests.system.mes': 'MES',

  'problem.partner.signature_missing': '请求缺少签名头（时间戳、随机串或签名）。',
  'problem.partner.timestamp_invalid': '签名时间戳格式不正确。',
  'problem.partner.nonce_invalid': '签名随机串格式不正确。',
  'problem.partner.signature_invalid': '签名与请求内容不符。',
  'problem.partner.timestamp_out_of_window': '签名时间与服务器时间相差超过五分钟。',
  'problem.partner.signature_replayed': '这个签名已经使用过，请重新签名后再发送。',
  'problem.partner.signing_secret_missing': '这个密钥没有可用的签名密钥，请新建一个密钥。',
  'problem.partner.version_reused': '这个来源版本已用不同的内容应用过，请发送新的版本。',
  'problem.partner.version_kind_changed': '来源版本的类型（计数或时间）与之前不一致。',
  'problem.partner.unknown_supplier': '没有这个代码的供应商。',
  'problem.partner.fact_changed': '这条记录已以不同的内容提交过；已发生的事实不能修改。',
  'problem.partner.plant_not_yours': '这个密钥只能上报本工厂的到货。',
  'problem.partner.unknown_plant': '请用工厂代码指明到货工厂。',
  'problem.production.arrival_conflict': '这个到货单号已以不同的内容登记过。',
  'problem.production.arrival_not_in_calloff': '所指的叫料单不属于该工厂，或不含这个零件。',
  // call-offs received through WMS arrivals (issue #7)
  'production.calloff.status.received': '已到货',
  'problem.partner.unknown_model_line': '目录中没有这个车型。',
  'problem.partner.scope_not_for_organisation': '所选权限范围不适用于这类机构。',
  'problem.bom.invalid_price': '单价须为非负整数（分）并带有货币代码。',
  'problem.leads.lead_not_found': '没有找到这条线索，或它不属于你的经销店。',
  'problem.leads.invalid_name': '姓名格式不正确。',
  'problem.leads.invalid_phone': '电话号码格式不正确。',
  'problem.leads.unknown_model_line': '目录中没有这个车型。',
  'problem.dealers.invalid_vin': '车架号格式不正确。',
};

const en: Record<keyof typeof zhCN, string> = {
  'admin.nav.partnerRequests': 'Partner requests',

  'apiKeyScope.partner:read': 'Read own organisation',
  'apiKeyScope.erp:parts': 'ERP: part master and prices',
  'apiKeyScope.crm:leads': 'CRM: push sales leads (write only)',
  'apiKeyScope.dms:stock': "DMS: own dealer's stock vehicles",
  'apiKeyScope.wms:arrivals': 'WMS: part arrivals',
  'apiKeyScope.hint.partner:read': 'Any organisation',
  'apiKeyScope.hint.erp:parts': 'Brand HQ only',
  'apiKeyScope.hint.crm:leads': 'Brand HQ only',
  'apiKeyScope.hint.dms:stock': 'Dealers only',
  'apiKeyScope.hint.wms:arrivals': 'Plants or brand HQ',
  'admin.apiKeys.scopes': 'Scopes',
  'admin.apiKeys.scopesHint': "Each system gets only its own endpoints; no scope reads customers' data.",
  'admin.apiKeys.noScopeFits': 'No scope fits this kind of organisation.',
  'admin.apiKeys.signingSecretTitle': 'Signing secret',
  'admin.apiKeys.signingSecretBody':
    'The system signs every request with it (HMAC-SHA256 over timestamp, nonce, method, path and body). Also shown only this once.',

  'admin.partnerRequests.title': 'Partner requests',
  'admin.partnerRequests.intro':
    'Every request the systems of record (ERP, CRM, DMS, ...) sent, and what came of it: applied, stale (a newer version was applied), duplicate (the applied version again) or refused.',
  'admin.partnerRequests.system': 'System',
  'admin.partnerRequests.endpoint': 'Endpoint',
  'admin.partnerRequests.naturalKey': 'Key',
  'admin.partnerRequests.version': 'Source version',
  'admin.partnerRequests.result': 'Result',
  'admin.partnerRequests.key': 'API key',
  'admin.partnerRequests.any': 'All',
  'admin.partnerRequests.result.applied': 'Applied',
  'admin.partnerRequests.result.stale': 'Stale',
  'admin.partnerRequests.result.duplicate': 'Duplicate',
  'admin.partnerRequests.result.refused': 'Refused',
  'admin.partnerRequests.system.erp': 'ERP',
  'admin.partnerRequests.system.wms': 'WMS',
  'admin.partnerRequests.system.dms': 'DMS',
  'admin.partnerRequests.system.crm': 'CRM',
  'admin.partnerRequests.system.mes': 'MES',

  'problem.partner.signature_missing':
    'The request lacks a signature header (timestamp, nonce or signature).',
  'problem.partner.timestamp_invalid': 'The signature timestamp is not valid.',
  'problem.partner.nonce_invalid': 'The signature nonce is not valid.',
  'problem.partner.signature_invalid': 'The signature does not match the request.',
  'problem.partner.timestamp_out_of_window':
    "The signature's time is more than five minutes from the server's.",
  'problem.partner.signature_replayed': 'This signature was already used; sign the request again.',
  'problem.partner.signing_secret_missing': 'This key has no usable signing secret; create a new key.',
  'problem.partner.version_reused':
    'This source version was already applied with other content; send a new version.',
  'problem.partner.version_kind_changed': 'The kind of source version (counter or time) differs from before.',
  'problem.partner.unknown_supplier': 'No supplier has this code.',
  'problem.partner.fact_changed': 'This record was sent before with other content; a fact does not change.',
  'problem.partner.plant_not_yours': "This key reports its own plant's arrivals only.",
  'problem.partner.unknown_plant': 'Name the plant of the arrival by its code.',
  'problem.production.arrival_conflict': 'This arrival id is recorded with other content.',
  'problem.production.arrival_not_in_calloff': "The named call-off is not this plant's, or has no such part.",
  // call-offs received through WMS arrivals (issue #7)
  'production.calloff.status.received': 'Received',
  'problem.partner.unknown_model_line': 'The catalogue has no such model line.',
  'problem.partner.scope_not_for_organisation': 'A chosen scope does not fit this kind of organisation.',
  'problem.bom.invalid_price':
    'The unit price must be whole minor units (fen), 0 or more, with a currency code.',
  'problem.leads.lead_not_found': 'No such lead, or it is not your dealership’s.',
  'problem.leads.invalid_name': 'The name is not valid.',
  'problem.leads.invalid_phone': 'The phone number is not valid.',
  'problem.leads.unknown_model_line': 'The catalogue has no such model line.',
  'problem.dealers.invalid_vin': 'That VIN is not valid.',
};

export const adminPartner = { 'zh-CN': zhCN, en };
