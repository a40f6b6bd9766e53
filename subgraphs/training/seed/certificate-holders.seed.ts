/**
 * Names as printed on the seed's certificates, copied from the people seed (a certificate keeps
 * the name it was issued to). A test checks them against the people subgraph.
 */
export const SEED_HOLDER_NAMES: Record<string, { name: string; nameZh: string }> = {
  'supervisor-trainee-1': { name: 'He Jun', nameZh: '何军' },
  'supervisor-trainee-2': { name: 'Gao Ping', nameZh: '高萍' },
  'elderly-care-founder': { name: 'Li Xiuying', nameZh: '李秀英' },
  'migrant-children-founder': { name: 'Yang Fan', nameZh: '杨帆' },
  'legal-aid-founder': { name: 'Xu Ming', nameZh: '徐明' },
};
