import { describe, expect, it } from 'vitest';
import { blankForms, bodyOf, fieldMessages, resetForm } from './forms';

const photo = (id: string) => ({ id, sha256: 'x', mime: 'image/jpeg', width: 800, height: 600 });

describe('the ticket page command forms', () => {
  it('posts a form as its fields, its photos as attachmentIds, and no attachmentIds without photos', () => {
    expect(bodyOf({ text: '好的', internal: true, photos: [photo('a1'), photo('a2')] })).toEqual({
      text: '好的',
      internal: true,
      attachmentIds: ['a1', 'a2'],
    });
    expect(bodyOf({ message: '收到', photos: [] })).toEqual({ message: '收到' });
    expect(bodyOf({ on: 'parts', reason: '等配件' })).toEqual({ on: 'parts', reason: '等配件' });
  });

  it('empties a sent form but for the fields it keeps, and never shares the blank photo list', () => {
    const forms = blankForms();
    Object.assign(forms.wait, { on: 'resident', reason: '等居民在家' });
    resetForm(forms.wait, blankForms().wait, ['on']);
    expect(forms.wait).toEqual({ on: 'resident', reason: '' });

    const blank = blankForms().comment;
    Object.assign(forms.comment, { text: '已上门', internal: true, photos: [photo('a1')] });
    resetForm(forms.comment, blank);
    expect(forms.comment).toEqual({ text: '', internal: false, photos: [] });
    forms.comment.photos.push(photo('a2'));
    expect(blank.photos).toEqual([]);
  });

  it('puts a 400 under the fields it names, in Chinese', () => {
    const messages = fieldMessages(
      { status: 400, title: 'Bad Request', detail: 'x', errors: ['message should not be empty', 'the ticket is closed'] },
      'zh-CN',
    );
    expect(messages).toEqual({ message: ['不能为空'], '': ['the ticket is closed'] });
  });
});
