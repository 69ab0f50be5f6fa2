import type { Locale, NewOrganisation, NewStaffUser } from '../modules/identity/index.ts';

/**
 * The demo brand: fictional, with real-ish places. Every demo account has the same password,
 * printed at start-up; fine for demo data, which is never seeded in production.
 */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ORGANISATIONS: readonly NewOrganisation[] = [
  {
    kind: 'brand',
    code: 'QC-HQ',
    name: { 'zh-CN': '启程汽车', en: 'Qicheng Motors' },
    city: { 'zh-CN': '上海', en: 'Shanghai' },
    address: {
      'zh-CN': '上海市嘉定区安亭镇博园路 888 号',
      en: '888 Boyuan Road, Anting, Jiading District, Shanghai',
    },
    lat: 31.2946,
    lng: 121.1608,
    phone: '+86 21 6950 0000',
    openingHours: 'Mo-Fr 09:00-18:00',
  },
  {
    kind: 'plant',
    code: 'QC-PLANT-NJ',
    name: { 'zh-CN': '启程汽车南京工厂', en: 'Qicheng Motors Nanjing Plant' },
    city: { 'zh-CN': '南京', en: 'Nanjing' },
    address: {
      'zh-CN': '南京市江宁区将军大道 168 号',
      en: '168 Jiangjun Avenue, Jiangning District, Nanjing',
    },
    lat: 31.9396,
    lng: 118.8167,
    phone: '+86 25 5210 0000',
    openingHours: 'Mo-Sa 07:00-23:00',
  },
  {
    kind: 'dealer',
    code: 'DLR-SH',
    name: { 'zh-CN': '启程汽车上海浦东体验中心', en: 'Qicheng Shanghai Pudong Experience Centre' },
    city: { 'zh-CN': '上海', en: 'Shanghai' },
    address: {
      'zh-CN': '上海市浦东新区张杨路 1500 号',
      en: '1500 Zhangyang Road, Pudong New Area, Shanghai',
    },
    lat: 31.2304,
    lng: 121.527,
    phone: '+86 21 5888 0101',
    openingHours: 'Mo-Su 09:00-20:00',
  },
  {
    kind: 'dealer',
    code: 'DLR-BJ',
    name: { 'zh-CN': '启程汽车北京朝阳店', en: 'Qicheng Beijing Chaoyang' },
    city: { 'zh-CN': '北京', en: 'Beijing' },
    address: {
      'zh-CN': '北京市朝阳区东三环中路 7 号',
      en: '7 East Third Ring Middle Road, Chaoyang District, Beijing',
    },
    lat: 39.9152,
    lng: 116.4615,
    phone: '+86 10 6500 0202',
    openingHours: 'Mo-Su 09:00-19:00',
  },
  {
    kind: 'dealer',
    code: 'DLR-GZ',
    name: { 'zh-CN': '启程汽车广州天河店', en: 'Qicheng Guangzhou Tianhe' },
    city: { 'zh-CN': '广州', en: 'Guangzhou' },
    address: { 'zh-CN': '广州市天河区天河路 208 号', en: '208 Tianhe Road, Tianhe District, Guangzhou' },
    lat: 23.1367,
    lng: 113.3245,
    phone: '+86 20 3800 0303',
    openingHours: 'Mo-Su 09:30-20:30',
  },
  {
    kind: 'dealer',
    code: 'DLR-CD',
    name: { 'zh-CN': '启程汽车成都高新店', en: 'Qicheng Chengdu Hi-Tech Zone' },
    city: { 'zh-CN': '成都', en: 'Chengdu' },
    address: {
      'zh-CN': '成都市高新区天府大道北段 1700 号',
      en: '1700 North Tianfu Avenue, Hi-Tech Zone, Chengdu',
    },
    lat: 30.5702,
    lng: 104.0648,
    phone: '+86 28 8500 0404',
    openingHours: 'Mo-Su 09:00-19:30',
  },
  {
    kind: 'dealer',
    code: 'DLR-HZ',
    name: { 'zh-CN': '启程汽车杭州西湖店', en: 'Qicheng Hangzhou West Lake' },
    city: { 'zh-CN': '杭州', en: 'Hangzhou' },
    address: { 'zh-CN': '杭州市西湖区文三路 90 号', en: '90 Wensan Road, Xihu District, Hangzhou' },
    lat: 30.2803,
    lng: 120.136,
    phone: '+86 571 8800 0505',
    openingHours: 'Mo-Fr 09:30-19:00; Sa,Su 09:00-20:00',
  },
  {
    kind: 'supplier',
    code: 'SUP-SEAT',
    name: { 'zh-CN': '华东座椅系统有限公司', en: 'East China Seating Systems Co., Ltd.' },
    city: { 'zh-CN': '苏州', en: 'Suzhou' },
    address: {
      'zh-CN': '苏州工业园区星湖街 328 号',
      en: '328 Xinghu Street, Suzhou Industrial Park, Suzhou',
    },
    lat: 31.299,
    lng: 120.7253,
    phone: '+86 512 6280 0606',
    openingHours: 'Mo-Fr 08:00-17:00',
  },
  {
    kind: 'supplier',
    code: 'SUP-TYRE',
    name: { 'zh-CN': '中原轮胎股份有限公司', en: 'Zhongyuan Tyre Co., Ltd.' },
    city: { 'zh-CN': '郑州', en: 'Zhengzhou' },
    address: {
      'zh-CN': '郑州市经开区第九大街 66 号',
      en: '66 Ninth Avenue, Economic Development Zone, Zhengzhou',
    },
    lat: 34.7236,
    lng: 113.7449,
    phone: '+86 371 6770 0707',
    openingHours: 'Mo-Fr 08:00-17:00',
  },
];

type DemoStaff = Omit<NewStaffUser, 'orgId' | 'password'> & { orgCode: string; locale: Locale };

/** One account per staff role; dealer staff at two dealers, to show that each sees only their own. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { name: '王敏 Wang Min', email: 'admin@qicheng.example', role: 'admin', orgCode: 'QC-HQ', locale: 'zh-CN' },
  {
    name: '陈静 Chen Jing',
    email: 'analyst@qicheng.example',
    role: 'analyst',
    orgCode: 'QC-HQ',
    locale: 'zh-CN',
  },
  {
    name: '刘洋 Liu Yang',
    email: 'engineer@qicheng.example',
    role: 'engineer',
    orgCode: 'QC-HQ',
    locale: 'zh-CN',
  },
  {
    name: '赵磊 Zhao Lei',
    email: 'support@qicheng.example',
    role: 'support_agent',
    orgCode: 'QC-HQ',
    locale: 'zh-CN',
  },
  {
    name: '孙丽 Sun Li',
    email: 'planner@qicheng.example',
    role: 'planner',
    orgCode: 'QC-PLANT-NJ',
    locale: 'zh-CN',
  },
  {
    name: '周强 Zhou Qiang',
    email: 'operator@qicheng.example',
    role: 'station_operator',
    orgCode: 'QC-PLANT-NJ',
    locale: 'zh-CN',
  },
  {
    name: '李娜 Li Na',
    email: 'sales.sh@qicheng.example',
    role: 'dealer_staff',
    orgCode: 'DLR-SH',
    locale: 'zh-CN',
  },
  {
    name: '张伟 Zhang Wei',
    email: 'sales.bj@qicheng.example',
    role: 'dealer_staff',
    orgCode: 'DLR-BJ',
    locale: 'en',
  },
  {
    name: '吴芳 Wu Fang',
    email: 'supplier@seating.example',
    role: 'supplier_user',
    orgCode: 'SUP-SEAT',
    locale: 'zh-CN',
  },
];

export const DEMO_CUSTOMER = {
  name: '林晓 Lin Xiao',
  email: 'customer@example.com',
  phone: '13800138000',
  locale: 'zh-CN' as Locale,
};
