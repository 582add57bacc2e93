import { guardBody } from './body-guard';

describe('guardBody', () => {
  it('when the body is absent, it becomes an empty object', () => expect(guardBody(undefined)).toEqual({}));
  it('when the body is not an object, it is refused', () => {
    for (const body of [null, 'text', 3, ['a']]) expect(() => guardBody(body)).toThrow(/JSON object/);
  });
  it('when text holds NUL or an unpaired surrogate, the field is named', () => {
    expect(() => guardBody({ title: 'a\u0000b' })).toThrow(/title contains/);
    expect(() => guardBody({ nested: { text: 'x\ud800' } })).toThrow(/nested.text contains/);
    expect(() => guardBody({ text: '\udc00' })).toThrow(/text contains/);
  });
  it('when text holds paired surrogates (emoji, 𠮷), it passes', () => expect(guardBody({ title: '🚧𠮷' })).toEqual({ title: '🚧𠮷' }));
  it('when the body is nested too deeply, it is refused', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 10; i++) deep = { inner: deep };
    expect(() => guardBody(deep)).toThrow(/nested too deeply/);
  });
});
