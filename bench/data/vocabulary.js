'use strict';
// The words the generated sector is made of, in English and Chinese. Cities are ranked by how many
// organizations they hold (a Zipf-like spread: Shanghai and Beijing hold far more than Zigong).

const CITIES = [
  ['Shanghai', '上海', 'Shanghai'], ['Beijing', '北京', 'Beijing'], ['Guangzhou', '广州', 'Guangdong'],
  ['Shenzhen', '深圳', 'Guangdong'], ['Chengdu', '成都', 'Sichuan'], ['Hangzhou', '杭州', 'Zhejiang'],
  ['Nanjing', '南京', 'Jiangsu'], ['Wuhan', '武汉', 'Hubei'], ['Chongqing', '重庆', 'Chongqing'],
  ["Xi'an", '西安', 'Shaanxi'], ['Tianjin', '天津', 'Tianjin'], ['Suzhou', '苏州', 'Jiangsu'],
  ['Kunming', '昆明', 'Yunnan'], ['Changsha', '长沙', 'Hunan'], ['Xiamen', '厦门', 'Fujian'],
  ['Qingdao', '青岛', 'Shandong'], ['Zhengzhou', '郑州', 'Henan'], ['Jinan', '济南', 'Shandong'],
  ['Hefei', '合肥', 'Anhui'], ['Fuzhou', '福州', 'Fujian'], ['Shenyang', '沈阳', 'Liaoning'],
  ['Dalian', '大连', 'Liaoning'], ['Harbin', '哈尔滨', 'Heilongjiang'], ['Nanning', '南宁', 'Guangxi'],
  ['Guiyang', '贵阳', 'Guizhou'], ['Lanzhou', '兰州', 'Gansu'], ['Taiyuan', '太原', 'Shanxi'],
  ['Nanchang', '南昌', 'Jiangxi'], ['Shijiazhuang', '石家庄', 'Hebei'], ['Urumqi', '乌鲁木齐', 'Xinjiang'],
  ['Hohhot', '呼和浩特', 'Inner Mongolia'], ['Xining', '西宁', 'Qinghai'], ['Yinchuan', '银川', 'Ningxia'],
  ['Lhasa', '拉萨', 'Tibet'], ['Haikou', '海口', 'Hainan'], ['Ningbo', '宁波', 'Zhejiang'],
  ['Wuxi', '无锡', 'Jiangsu'], ['Foshan', '佛山', 'Guangdong'], ['Dongguan', '东莞', 'Guangdong'],
  ['Mianyang', '绵阳', 'Sichuan'], ['Leshan', '乐山', 'Sichuan'], ['Zigong', '自贡', 'Sichuan'],
].map(([name, nameZh, province]) => ({ name, nameZh, province }));

const KINDS = [
  ['NGO', 55], ['SOCIAL_ENTERPRISE', 10], ['FOUNDATION', 6], ['INCUBATOR', 2], ['GOVERNMENT_AGENCY', 4],
  ['MASS_ORGANIZATION', 5], ['UNIVERSITY', 3], ['COMPANY', 10], ['NETWORK', 5],
];

const CAUSE_AREAS = [
  'CHILDREN_AND_YOUTH', 'ELDERLY_CARE', 'DISABILITY', 'EDUCATION', 'HEALTH', 'POVERTY_ALLEVIATION',
  'COMMUNITY_DEVELOPMENT', 'SOCIAL_WORK', 'ENVIRONMENT', 'EMPLOYMENT', 'LEGAL_AID', 'CULTURE',
  'DISASTER_RELIEF', 'MIGRANT_WORKERS', 'GENDER_EQUALITY', 'SECTOR_CAPACITY_BUILDING', 'PHILANTHROPY',
];

const STAGES = ['IDEA', 'STARTUP', 'GROWTH', 'MATURE'];

/** [English, Chinese] pieces of an organization's name: "<city> <quality> <focus> <form>". */
const QUALITIES = [
  ['Sunshine', '阳光'], ['Harmony', '和谐'], ['New Path', '新途'], ['Hand in Hand', '手拉手'], ['Green Leaf', '绿叶'],
  ['Heart to Heart', '心连心'], ['Bright Future', '光明未来'], ['Warm Home', '温馨家园'], ['Rainbow', '彩虹'],
  ['Seedling', '幼苗'], ['Evergreen', '常青'], ['Lighthouse', '灯塔'], ['Bridge', '桥梁'], ['Spring Breeze', '春风'],
  ['Compass', '指南针'], ['Starlight', '星光'], ['Riverside', '滨江'], ['Mountain Echo', '山谷回音'], ['Open Door', '敞开门'],
  ['Kindling', '薪火'], ['Blue Sky', '蓝天'], ['Sprout', '萌芽'], ['Friendship', '友谊'], ['Tomorrow', '明天'],
];
const FOCUSES = [
  ['Community Service', '社区服务'], ['Social Work', '社会工作'], ['Elderly Care', '养老服务'], ['Youth Development', '青少年发展'],
  ['Disability Support', '助残服务'], ['Environmental Education', '环境教育'], ['Migrant Children', '流动儿童'],
  ['Legal Aid', '法律援助'], ['Public Health', '公共卫生'], ['Rural Development', '乡村发展'], ['Women Empowerment', '妇女赋权'],
  ['Disaster Relief', '灾害救援'], ['Volunteer', '志愿者'], ['Cultural Heritage', '文化遗产'], ['Philanthropy', '公益'],
  ['Employment Training', '就业培训'], ['Mental Health', '心理健康'], ['Family Support', '家庭支持'],
];
const FORMS = {
  NGO: [['Center', '中心'], ['Association', '协会'], ['Service Center', '服务中心']],
  SOCIAL_ENTERPRISE: [['Social Enterprise', '社会企业'], ['Workshop', '工坊']],
  FOUNDATION: [['Foundation', '基金会'], ['Charitable Foundation', '慈善基金会']],
  INCUBATOR: [['NGO Incubator', '公益组织孵化器'], ['Service Park', '公益园']],
  GOVERNMENT_AGENCY: [['Civil Affairs Bureau', '民政局'], ['Social Organization Office', '社会组织管理局']],
  MASS_ORGANIZATION: [["Women's Federation", '妇女联合会'], ['Youth League', '共青团'], ['Disabled Persons Federation', '残疾人联合会']],
  UNIVERSITY: [['University', '大学'], ['College of Social Work', '社会工作学院']],
  COMPANY: [['Consulting Co., Ltd.', '咨询有限公司'], ['Technology Co., Ltd.', '科技有限公司']],
  NETWORK: [['Network', '网络'], ['Alliance', '联盟'], ['Platform', '平台']],
};

const SURNAMES = [
  ['Wang', '王'], ['Li', '李'], ['Zhang', '张'], ['Liu', '刘'], ['Chen', '陈'], ['Yang', '杨'], ['Huang', '黄'],
  ['Zhao', '赵'], ['Wu', '吴'], ['Zhou', '周'], ['Xu', '徐'], ['Sun', '孙'], ['Ma', '马'], ['Zhu', '朱'], ['Hu', '胡'],
  ['Guo', '郭'], ['He', '何'], ['Lin', '林'], ['Luo', '罗'], ['Gao', '高'], ['Liang', '梁'], ['Song', '宋'], ['Tang', '唐'],
];
const GIVEN = [
  ['Fang', '芳'], ['Wei', '伟'], ['Min', '敏'], ['Jing', '静'], ['Lei', '磊'], ['Yan', '燕'], ['Jun', '军'], ['Yang', '洋'],
  ['Ying', '颖'], ['Hao', '浩'], ['Xin', '欣'], ['Tao', '涛'], ['Li', '丽'], ['Qiang', '强'], ['Hui', '慧'], ['Ning', '宁'],
  ['Xiaoming', '晓明'], ['Yuting', '雨婷'], ['Zihan', '子涵'], ['Haoran', '浩然'], ['Jiayi', '佳怡'], ['Mingyu', '明宇'],
];

const PERSON_ROLES = ['SOCIAL_WORKER', 'STUDENT', 'TEACHER', 'VOLUNTEER', 'RESEARCHER', 'FOUNDER', 'OFFICIAL'];
const SKILLS = [
  'case management', 'group work', 'community organizing', 'fundraising', 'project management', 'counselling',
  'elderly care', 'child protection', 'volunteer management', 'research', 'public speaking', 'grant writing',
  'data analysis', 'accounting', 'sign language', 'first aid', 'training design', 'policy advocacy',
];
const LANGUAGES = [['zh', 100], ['en', 30], ['yue', 8], ['ii', 1], ['bo', 1]];
const AFFILIATION_ROLES = [['STAFF', 50], ['VOLUNTEER', 25], ['DIRECTOR', 5], ['FOUNDER', 4], ['BOARD_MEMBER', 6], ['ADVISOR', 5], ['STUDENT', 3], ['FACULTY', 2]];

const PROGRAMME_KINDS = [['GRANT', 50], ['GOVERNMENT_PURCHASE_OF_SERVICES', 30], ['VENTURE_PHILANTHROPY', 10], ['AWARD', 5], ['DONATION', 5]];
const PROJECTS = [
  ['community elderly day care', '社区日间照料'], ['after-school care for migrant children', '流动儿童课后托管'],
  ['social worker capacity building', '社工能力建设'], ['disability inclusion', '残障融合'], ['river protection', '河流保护'],
  ['rural library', '乡村图书馆'], ['women livelihood', '妇女生计'], ['earthquake recovery', '震后重建'],
  ['community mental health', '社区心理健康'], ['youth volunteering', '青年志愿服务'],
];

const COURSE_KINDS = [['WORKSHOP', 35], ['COURSE', 25], ['TRAINING_CAMP', 10], ['SYMPOSIUM', 8], ['SUPERVISION_PROGRAMME', 7], ['DISTANCE_LEARNING', 8], ['MENTORING_PROGRAMME', 4], ['INTERNSHIP_PROGRAMME', 3]];
const COURSE_TOPICS = [
  ['Case Management Basics', '个案管理基础'], ['Group Work Practice', '小组工作实务'], ['Fundraising for Grassroots NGOs', '草根组织筹款'],
  ['Project Design and Evaluation', '项目设计与评估'], ['Volunteer Management', '志愿者管理'], ['Social Work Supervision', '社会工作督导'],
  ['Financial Management for NGOs', '公益组织财务管理'], ['Community Organizing', '社区营造'], ['Child Protection', '儿童保护'],
  ['Elderly Care Services', '养老服务'], ['Spread Your Wings', '展翅计划'], ['Policy Advocacy', '政策倡导'],
];

module.exports = {
  CITIES, KINDS, CAUSE_AREAS, STAGES, QUALITIES, FOCUSES, FORMS, SURNAMES, GIVEN, PERSON_ROLES, SKILLS, LANGUAGES,
  AFFILIATION_ROLES, PROGRAMME_KINDS, PROJECTS, COURSE_KINDS, COURSE_TOPICS,
};
