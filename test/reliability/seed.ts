import { http } from '../support/test-app';

/**
 * The smallest world a crash test files into: 嘉园物业 managing 前埔一里西小区. The service under test
 * is another process, reached by its URL only.
 */
export async function seedQianpu(url: string, adminToken: string): Promise<void> {
  const company = await http(url, 'POST', '/companies', { token: adminToken, body: { id: 'jiayuan', name: '嘉园物业' } });
  if (company.status !== 201) throw new Error(`seed: company ${company.status} ${company.text}`);
  const community = {
    id: 'qianpu',
    name: '前埔一里西小区',
    subdistrict: '莲前街道',
    neighbourhood: '前埔一里社区',
    propertyCompanyId: 'jiayuan',
  };
  const registered = await http(url, 'POST', '/communities', { token: adminToken, body: community });
  if (registered.status !== 201) throw new Error(`seed: community ${registered.status} ${registered.text}`);
}
