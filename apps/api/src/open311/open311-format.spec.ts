import { XMLParser } from 'fast-xml-parser';
import { toXml } from './open311-format';

const parse = (xml: string) =>
  new XMLParser({ parseTagValue: false, isArray: (name) => ['request', 'value', 'error'].includes(name) }).parse(xml);

it('when a list is written as XML, each entry is one item element under the root', () => {
  const xml = toXml('service_requests', 'request', [{ service_request_id: 'a' }, { service_request_id: 'b' }]);
  expect(parse(xml).service_requests.request).toEqual([{ service_request_id: 'a' }, { service_request_id: 'b' }]);
});

it('when a value is null, it is an empty element, and booleans and numbers are their text', () => {
  const xml = toXml('service_requests', 'request', [{ lat: null, metadata: true, long: 118.17 }]);
  expect(parse(xml).service_requests.request).toEqual([{ lat: '', metadata: 'true', long: '118.17' }]);
});

it('when text holds markup, it is escaped, never taken as elements', () => {
  const xml = toXml('errors', 'error', [{ code: 400, description: '<b>&"x"</b>' }]);
  expect(xml).not.toContain('<b>');
  expect(parse(xml).errors.error).toEqual([{ code: '400', description: '<b>&"x"</b>' }]);
});

it('when a nested list is written, its items take the GeoReport name (values → value)', () => {
  const xml = toXml('service_definition', null, { attributes: [{ code: 'building', values: [{ key: '3', name: '3号楼' }] }] });
  expect(parse(xml).service_definition.attributes.attribute.values.value).toEqual([{ key: '3', name: '3号楼' }]);
});

it('when a list is empty, the root is empty', () => {
  expect(parse(toXml('service_requests', 'request', [])).service_requests).toBe('');
});
