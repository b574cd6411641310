import { describe, expect, it } from '@jest/globals';
import { maskContact, maskEmail, maskPhone } from './privacy';

describe('masking contacts', () => {
  it('a mobile keeps its first 3 and last 4 digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
  it('a landline keeps its area code and last 4 digits, with or without the dash and extension', () => {
    expect(maskPhone('010-88886666')).toBe('010-****6666');
    expect(maskPhone('075512345678')).toBe('0755****5678');
    expect(maskPhone('021-1234567-88')).toBe('021-***4567');
  });
  it('an empty or short phone (an erased contact) never shows digits', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone('12345')).toBe('*****');
  });
  it('an email keeps its first character and domain', () => {
    expect(maskEmail('wang@example.com')).toBe('w***@example.com');
    expect(maskEmail('@x')).toBe('***');
  });
  it('a contact keeps its name and title, and has no email when it had none', () => {
    expect(maskContact({ name: '王工', title: '部长', phone: '13812341234' })).toEqual({
      name: '王工',
      title: '部长',
      phone: '138****1234',
    });
    expect(maskContact({ name: '王工', phone: '13812341234', email: 'a@b.cn' }).email).toBe('a***@b.cn');
  });
});
