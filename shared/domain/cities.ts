import { provinceOf } from './regions';

/**
 * Major prefecture-level cities (地级行政区) of the 31 mainland provinces, by their GB/T 2260
 * codes. The four municipalities (北京, 天津, 上海, 重庆) have no prefecture level: their
 * districts are represented by the `xx0100` code (市辖区) under the municipality's name.
 *
 * This is not the complete division list: it is the cities an appeal most often names, enough to
 * classify origin and destination by city. Within a province the cities are listed largest first
 * (urban population and parcel volume), and the demo-data generator relies on that order to weight
 * them; the list may grow, but only with real codes.
 */
export interface City {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

const c = (code: string, zh: string, en: string): City => ({ code, zh, en });

export const CITIES: readonly City[] = [
  // Municipalities
  c('110100', '北京市', 'Beijing'),
  c('120100', '天津市', 'Tianjin'),
  c('310100', '上海市', 'Shanghai'),
  c('500100', '重庆市', 'Chongqing'),
  // 河北
  c('130100', '石家庄市', 'Shijiazhuang'),
  c('130200', '唐山市', 'Tangshan'),
  c('130600', '保定市', 'Baoding'),
  c('130400', '邯郸市', 'Handan'),
  c('131000', '廊坊市', 'Langfang'),
  c('130900', '沧州市', 'Cangzhou'),
  c('130500', '邢台市', 'Xingtai'),
  // 山西
  c('140100', '太原市', 'Taiyuan'),
  c('140200', '大同市', 'Datong'),
  c('140800', '运城市', 'Yuncheng'),
  c('140700', '晋中市', 'Jinzhong'),
  c('140400', '长治市', 'Changzhi'),
  // 内蒙古
  c('150100', '呼和浩特市', 'Hohhot'),
  c('150200', '包头市', 'Baotou'),
  c('150400', '赤峰市', 'Chifeng'),
  c('150600', '鄂尔多斯市', 'Ordos'),
  // 辽宁
  c('210100', '沈阳市', 'Shenyang'),
  c('210200', '大连市', 'Dalian'),
  c('210300', '鞍山市', 'Anshan'),
  c('210600', '丹东市', 'Dandong'),
  c('210800', '营口市', 'Yingkou'),
  // 吉林
  c('220100', '长春市', 'Changchun'),
  c('220200', '吉林市', 'Jilin City'),
  c('222400', '延边朝鲜族自治州', 'Yanbian Korean Autonomous Prefecture'),
  c('220300', '四平市', 'Siping'),
  // 黑龙江
  c('230100', '哈尔滨市', 'Harbin'),
  c('230600', '大庆市', 'Daqing'),
  c('230200', '齐齐哈尔市', 'Qiqihar'),
  c('231000', '牡丹江市', 'Mudanjiang'),
  // 江苏
  c('320500', '苏州市', 'Suzhou'),
  c('320100', '南京市', 'Nanjing'),
  c('320200', '无锡市', 'Wuxi'),
  c('320300', '徐州市', 'Xuzhou'),
  c('320400', '常州市', 'Changzhou'),
  c('320600', '南通市', 'Nantong'),
  c('321300', '宿迁市', 'Suqian'),
  c('320900', '盐城市', 'Yancheng'),
  c('321000', '扬州市', 'Yangzhou'),
  c('320800', '淮安市', 'Huai’an'),
  c('320700', '连云港市', 'Lianyungang'),
  c('321200', '泰州市', 'Taizhou (Jiangsu)'),
  c('321100', '镇江市', 'Zhenjiang'),
  // 浙江
  c('330100', '杭州市', 'Hangzhou'),
  c('330700', '金华市', 'Jinhua'),
  c('330200', '宁波市', 'Ningbo'),
  c('330300', '温州市', 'Wenzhou'),
  c('331000', '台州市', 'Taizhou (Zhejiang)'),
  c('330400', '嘉兴市', 'Jiaxing'),
  c('330600', '绍兴市', 'Shaoxing'),
  c('330500', '湖州市', 'Huzhou'),
  c('330800', '衢州市', 'Quzhou'),
  c('331100', '丽水市', 'Lishui'),
  c('330900', '舟山市', 'Zhoushan'),
  // 安徽
  c('340100', '合肥市', 'Hefei'),
  c('340200', '芜湖市', 'Wuhu'),
  c('341200', '阜阳市', 'Fuyang'),
  c('340300', '蚌埠市', 'Bengbu'),
  c('340500', '马鞍山市', 'Ma’anshan'),
  // 福建
  c('350200', '厦门市', 'Xiamen'),
  c('350100', '福州市', 'Fuzhou'),
  c('350500', '泉州市', 'Quanzhou'),
  c('350600', '漳州市', 'Zhangzhou'),
  c('350300', '莆田市', 'Putian'),
  // 江西
  c('360100', '南昌市', 'Nanchang'),
  c('360700', '赣州市', 'Ganzhou'),
  c('361100', '上饶市', 'Shangrao'),
  c('360400', '九江市', 'Jiujiang'),
  // 山东
  c('370200', '青岛市', 'Qingdao'),
  c('370100', '济南市', 'Jinan'),
  c('371300', '临沂市', 'Linyi'),
  c('370700', '潍坊市', 'Weifang'),
  c('370600', '烟台市', 'Yantai'),
  c('370800', '济宁市', 'Jining'),
  c('370300', '淄博市', 'Zibo'),
  // 河南
  c('410100', '郑州市', 'Zhengzhou'),
  c('410300', '洛阳市', 'Luoyang'),
  c('411300', '南阳市', 'Nanyang'),
  c('411600', '周口市', 'Zhoukou'),
  c('410700', '新乡市', 'Xinxiang'),
  c('410200', '开封市', 'Kaifeng'),
  c('411100', '漯河市', 'Luohe'),
  // 湖北
  c('420100', '武汉市', 'Wuhan'),
  c('420600', '襄阳市', 'Xiangyang'),
  c('420500', '宜昌市', 'Yichang'),
  c('421000', '荆州市', 'Jingzhou'),
  // 湖南
  c('430100', '长沙市', 'Changsha'),
  c('430400', '衡阳市', 'Hengyang'),
  c('430600', '岳阳市', 'Yueyang'),
  c('430700', '常德市', 'Changde'),
  c('430200', '株洲市', 'Zhuzhou'),
  c('430300', '湘潭市', 'Xiangtan'),
  // 广东
  c('440300', '深圳市', 'Shenzhen'),
  c('440100', '广州市', 'Guangzhou'),
  c('441900', '东莞市', 'Dongguan'),
  c('440600', '佛山市', 'Foshan'),
  c('441300', '惠州市', 'Huizhou'),
  c('445200', '揭阳市', 'Jieyang'),
  c('440500', '汕头市', 'Shantou'),
  c('442000', '中山市', 'Zhongshan'),
  c('440700', '江门市', 'Jiangmen'),
  c('440400', '珠海市', 'Zhuhai'),
  c('440800', '湛江市', 'Zhanjiang'),
  c('445100', '潮州市', 'Chaozhou'),
  // 广西
  c('450100', '南宁市', 'Nanning'),
  c('450200', '柳州市', 'Liuzhou'),
  c('450300', '桂林市', 'Guilin'),
  c('450500', '北海市', 'Beihai'),
  // 海南
  c('460100', '海口市', 'Haikou'),
  c('460200', '三亚市', 'Sanya'),
  // 四川
  c('510100', '成都市', 'Chengdu'),
  c('510700', '绵阳市', 'Mianyang'),
  c('511300', '南充市', 'Nanchong'),
  c('510600', '德阳市', 'Deyang'),
  c('511100', '乐山市', 'Leshan'),
  c('510300', '自贡市', 'Zigong'),
  // 贵州
  c('520100', '贵阳市', 'Guiyang'),
  c('520300', '遵义市', 'Zunyi'),
  c('520200', '六盘水市', 'Liupanshui'),
  c('520400', '安顺市', 'Anshun'),
  // 云南
  c('530100', '昆明市', 'Kunming'),
  c('530300', '曲靖市', 'Qujing'),
  c('532900', '大理白族自治州', 'Dali Bai Autonomous Prefecture'),
  c('530700', '丽江市', 'Lijiang'),
  // 西藏
  c('540100', '拉萨市', 'Lhasa'),
  c('540200', '日喀则市', 'Shigatse'),
  c('540400', '林芝市', 'Nyingchi'),
  // 陕西
  c('610100', '西安市', 'Xi’an'),
  c('610400', '咸阳市', 'Xianyang'),
  c('610300', '宝鸡市', 'Baoji'),
  c('610800', '榆林市', 'Yulin (Shaanxi)'),
  // 甘肃
  c('620100', '兰州市', 'Lanzhou'),
  c('620500', '天水市', 'Tianshui'),
  c('620700', '张掖市', 'Zhangye'),
  c('620200', '嘉峪关市', 'Jiayuguan'),
  // 青海
  c('630100', '西宁市', 'Xining'),
  c('630200', '海东市', 'Haidong'),
  // 宁夏
  c('640100', '银川市', 'Yinchuan'),
  c('640300', '吴忠市', 'Wuzhong'),
  c('640200', '石嘴山市', 'Shizuishan'),
  // 新疆
  c('650100', '乌鲁木齐市', 'Ürümqi'),
  c('652300', '昌吉回族自治州', 'Changji Hui Autonomous Prefecture'),
  c('653100', '喀什地区', 'Kashgar Prefecture'),
  c('652900', '阿克苏地区', 'Aksu Prefecture'),
  c('650200', '克拉玛依市', 'Karamay'),
];

const byCode = new Map(CITIES.map((x) => [x.code, x]));

export function findCity(code: string): City | undefined {
  return byCode.get(code);
}

/** The listed cities of a province (GB/T 2260 province code), largest first. */
export function citiesOf(provinceCode: string): readonly City[] {
  return CITIES.filter((x) => provinceOf(x.code) === provinceCode);
}
