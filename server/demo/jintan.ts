/**
 * The demonstration week, taken from the Jintan district notice (shared/seeds/000_*.txt):
 * 金坛区2020—2021年度全民终身学习活动, theme 全民智学，助力"双战双赢", week 11月14日–11月20日,
 * opening ceremony in 尧塘街道, the streets and towns the notice lists, and the kinds of
 * units and activities it asks for. Event titles are typical of such weeks; they are demo data.
 */
import type { Audience, Category, EventMode, UnitKind } from '../../types/domain';

export const DISTRICT = { id: 'jintan', name: '常州市金坛区' };

/**
 * The notice's title names its 年度 (2020—2021); the demo week moves to the coming year, so the
 * title names the 年度 its dates fall in: a week from September on opens the year's 年度.
 */
export function campaignName(weekStart: string): string {
  const year = Number(weekStart.slice(0, 4));
  const first = Number(weekStart.slice(5, 7)) >= 9 ? year : year - 1;
  return `金坛区${first}—${first + 1}年度全民终身学习活动周`;
}

export const CAMPAIGN_TEXT = {
  theme: '全民智学，助力“双战双赢”',
  hosts: ['中共常州市金坛区委宣传部', '金坛区精神文明建设指导委员会办公室', '金坛区教育局'],
  coHosts: ['常州市金坛社区培训学院'],
  undertakers: ['常州市金坛区尧塘街道办事处'],
  openingPlace: '尧塘街道',
};

/** Streets and towns named in the notice, with their community education centres. */
export const STREETS: { id: string; name: string; kind: 'street' | 'town' }[] = [
  { id: 'xicheng', name: '西城街道', kind: 'street' },
  { id: 'dongcheng', name: '东城街道', kind: 'street' },
  { id: 'yaotang', name: '尧塘街道', kind: 'street' },
  { id: 'jincheng', name: '金城镇', kind: 'town' },
  { id: 'rulin', name: '儒林镇', kind: 'town' },
  { id: 'zhiqian', name: '指前镇', kind: 'town' },
  { id: 'zhixi', name: '直溪镇', kind: 'town' },
  { id: 'zhulin', name: '朱林镇', kind: 'town' },
  { id: 'xuebu', name: '薛埠镇', kind: 'town' },
];

/** District-level units, each placed in the street it stands in. */
export const DISTRICT_UNITS: { id: string; name: string; kind: UnitKind; streetId: string }[] = [
  { id: 'college', name: '常州市金坛社区培训学院', kind: 'college', streetId: 'xicheng' },
  { id: 'library', name: '金坛区图书馆', kind: 'library', streetId: 'dongcheng' },
  { id: 'hualuogeng', name: '华罗庚纪念馆', kind: 'museum', streetId: 'jincheng' },
  { id: 'citymuseum', name: '金坛区城市形象馆', kind: 'museum', streetId: 'xicheng' },
  { id: 'vocational', name: '江苏省金坛中等专业学校', kind: 'school', streetId: 'dongcheng' },
  { id: 'primary', name: '金坛区实验小学', kind: 'school', streetId: 'xicheng' },
  { id: 'kindergarten', name: '金坛区实验幼儿园', kind: 'kindergarten', streetId: 'dongcheng' },
  { id: 'skills', name: '金坛区职业技能培训中心', kind: 'training', streetId: 'jincheng' },
  { id: 'agritech', name: '金坛区农技推广站', kind: 'government', streetId: 'zhixi' },
];

export interface EventTemplate {
  title: string;
  content: string;
  category: Category;
  audiences: Audience[];
  mode: EventMode;
  /** Where it takes place; `{centre}` is the street's community education centre. */
  venue: string;
  /** Who holds it: 'centre' for a street's centre, or a district unit id. */
  host: 'centre' | string;
  minutes: number;
  capacity: number | null;
  free: boolean;
}

export const TEMPLATES: EventTemplate[] = [
  {
    title: '智能手机使用培训：扫码、挂号与防诈骗',
    content: '志愿者一对一辅导老年人使用健康码、预约挂号、视频通话，识别常见电信诈骗。',
    category: 'training',
    audiences: ['elderly'],
    mode: 'offline',
    venue: '{centre}多功能教室',
    host: 'centre',
    minutes: 90,
    capacity: 30,
    free: true,
  },
  {
    title: '“网课送到家”：居家养生微课',
    content: '线上直播讲授冬季养生与慢病管理，课后可在线提问。',
    category: 'lecture',
    audiences: ['elderly', 'public'],
    mode: 'online',
    venue: '线上直播',
    host: 'college',
    minutes: 60,
    capacity: null,
    free: true,
  },
  {
    title: '国情教育主题讲座：从小康到现代化',
    content: '邀请区委党校教师解读发展成就与“双战双赢”精神。',
    category: 'lecture',
    audiences: ['public'],
    mode: 'hybrid',
    venue: '{centre}报告厅',
    host: 'centre',
    minutes: 90,
    capacity: 80,
    free: true,
  },
  {
    title: '家庭亲子读书会：《华罗庚的故事》',
    content: '亲子共读华罗庚少年求学故事，分享读书心得，赠送书签。',
    category: 'reading',
    audiences: ['families', 'youth'],
    mode: 'offline',
    venue: '金坛区图书馆少儿阅览室',
    host: 'library',
    minutes: 90,
    capacity: 20,
    free: true,
  },
  {
    title: '华罗庚纪念馆公众开放日',
    content: '免费开放，讲解员定时讲解数学家华罗庚的生平与贡献。',
    category: 'open_day',
    audiences: ['public', 'youth'],
    mode: 'offline',
    venue: '华罗庚纪念馆',
    host: 'hualuogeng',
    minutes: 420,
    capacity: null,
    free: true,
  },
  {
    title: '城市形象馆“金坛印记”主题展览',
    content: '图文与实物展示金坛发展历程，设导览讲解场次。',
    category: 'exhibition',
    audiences: ['public'],
    mode: 'offline',
    venue: '金坛区城市形象馆',
    host: 'citymuseum',
    minutes: 480,
    capacity: null,
    free: true,
  },
  {
    title: '创业再就业指导培训',
    content: '面向失业人员与退役军人，讲解创业政策、贷款贴息与求职技巧。',
    category: 'training',
    audiences: ['veterans', 'workers'],
    mode: 'offline',
    venue: '金坛区职业技能培训中心二楼',
    host: 'skills',
    minutes: 120,
    capacity: 40,
    free: true,
  },
  {
    title: '电工职业技能提升班（体验课）',
    content: '企业职工与农民工免费体验低压电工实训，了解持证上岗要求。',
    category: 'training',
    audiences: ['workers', 'migrant_workers'],
    mode: 'offline',
    venue: '江苏省金坛中等专业学校实训楼',
    host: 'vocational',
    minutes: 120,
    capacity: 24,
    free: true,
  },
  {
    title: '新型职业农民培训：稻虾共作技术',
    content: '农技专家现场讲解稻虾共作、病虫害绿色防控。',
    category: 'training',
    audiences: ['farmers'],
    mode: 'offline',
    venue: '{centre}农技培训室',
    host: 'centre',
    minutes: 120,
    capacity: 50,
    free: true,
  },
  {
    title: '农家书屋读书分享会',
    content: '村民分享种养技术与好书，评选“书香家庭”。',
    category: 'reading',
    audiences: ['farmers', 'families'],
    mode: 'offline',
    venue: '{centre}农家书屋',
    host: 'centre',
    minutes: 90,
    capacity: 25,
    free: true,
  },
  {
    title: '抗疫防疫知识讲座',
    content: '社区卫生服务中心医生讲解秋冬季传染病防控与家庭消毒。',
    category: 'lecture',
    audiences: ['public', 'elderly'],
    mode: 'offline',
    venue: '{centre}报告厅',
    host: 'centre',
    minutes: 60,
    capacity: 60,
    free: true,
  },
  {
    title: '垃圾分类与环境保护宣传活动',
    content: '互动游戏学习垃圾分类，参观社区环保示范点。',
    category: 'visit',
    audiences: ['families', 'youth'],
    mode: 'offline',
    venue: '{centre}广场',
    host: 'centre',
    minutes: 90,
    capacity: 40,
    free: true,
  },
  {
    title: '青少年科普实验课：身边的数学',
    content: '动手实验体会数学之美，适合小学高年级学生。',
    category: 'lecture',
    audiences: ['youth'],
    mode: 'offline',
    venue: '金坛区实验小学科技楼',
    host: 'primary',
    minutes: 90,
    capacity: 30,
    free: true,
  },
  {
    title: '幼儿园家长课堂：科学育儿',
    content: '幼教专家分享3—6岁儿童习惯养成与亲子沟通。',
    category: 'lecture',
    audiences: ['families'],
    mode: 'hybrid',
    venue: '金坛区实验幼儿园多功能厅',
    host: 'kindergarten',
    minutes: 60,
    capacity: 50,
    free: true,
  },
  {
    title: '书法兴趣班（公益体验）',
    content: '社区学校书法老师示范楷书基本笔画，现场指导练习。',
    category: 'training',
    audiences: ['elderly', 'public'],
    mode: 'offline',
    venue: '{centre}书画室',
    host: 'centre',
    minutes: 90,
    capacity: 20,
    free: false,
  },
  {
    title: '终身学习成果展演',
    content: '社区学校学员合唱、舞蹈、戏曲展演，展示学习成果。',
    category: 'performance',
    audiences: ['public'],
    mode: 'offline',
    venue: '{centre}文化礼堂',
    host: 'centre',
    minutes: 120,
    capacity: 150,
    free: true,
  },
  {
    title: '“微课到手机”：短视频拍摄与剪辑',
    content: '手把手教用手机拍摄记录生活，学会简单剪辑与分享。',
    category: 'training',
    audiences: ['elderly', 'public'],
    mode: 'online',
    venue: '线上课堂',
    host: 'college',
    minutes: 60,
    capacity: 200,
    free: true,
  },
  {
    title: '社区教育工作论坛',
    content: '各镇（街道）社区教育中心交流学习型社区建设经验。',
    category: 'forum',
    audiences: ['public'],
    mode: 'offline',
    venue: '常州市金坛社区培训学院会议室',
    host: 'college',
    minutes: 150,
    capacity: 60,
    free: true,
  },
  {
    title: '茶艺与茶文化体验',
    content: '了解金坛雀舌茶文化，体验冲泡技艺。',
    category: 'training',
    audiences: ['public', 'workers'],
    mode: 'offline',
    venue: '{centre}茶艺室',
    host: 'centre',
    minutes: 90,
    capacity: 16,
    free: false,
  },
  {
    title: '老年人防跌倒健康操',
    content: '康复师带练防跌倒平衡操，讲解居家安全改造。',
    category: 'training',
    audiences: ['elderly'],
    mode: 'offline',
    venue: '{centre}活动室',
    host: 'centre',
    minutes: 60,
    capacity: 35,
    free: true,
  },
];

/**
 * Where each street's community education centre is on the map (GCJ-02, approximate, for the
 * demo), and the centre's phone for questions: the event page's 地图 and 联系电话.
 */
export const STREET_PLACES: Record<string, { latitude: number; longitude: number; phone: string }> = {
  xicheng: { latitude: 31.7235, longitude: 119.5528, phone: '0519-82821001' },
  dongcheng: { latitude: 31.7468, longitude: 119.5952, phone: '0519-82821002' },
  yaotang: { latitude: 31.7907, longitude: 119.4861, phone: '0519-82821003' },
  jincheng: { latitude: 31.7012, longitude: 119.6065, phone: '0519-82821004' },
  rulin: { latitude: 31.6526, longitude: 119.4657, phone: '0519-82821005' },
  zhiqian: { latitude: 31.6103, longitude: 119.5683, phone: '0519-82821006' },
  xuebu: { latitude: 31.8398, longitude: 119.4393, phone: '0519-82821007' },
  zhulin: { latitude: 31.8713, longitude: 119.3935, phone: '0519-82821008' },
  zhixi: { latitude: 31.8012, longitude: 119.3768, phone: '0519-82821009' },
};

/** The price the demo states for its 收费 activities. */
export const DEMO_FEE = '30元/人（含材料费）';
