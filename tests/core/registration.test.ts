import { maskName, maskPhone, normaliseName, registrationId } from '../../backend/core/registration';

describe('personal data masking', () => {
  it.each([
    ['王小明', '王*明'],
    ['王明', '王*'],
    ['欧阳小明', '欧**明'],
    ['李', '李'],
    ['  张 三 ', '张*三'],
  ])('masks the name %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('masks phone numbers in the middle', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123')).toBe('***');
  });

  it('normalises typed names and builds deterministic ids', () => {
    expect(normaliseName('  阿依  古丽 ')).toBe('阿依 古丽');
    expect(registrationId('e1', 'k')).toBe(registrationId('e1', 'k'));
    expect(registrationId('e1', 'k')).not.toBe(registrationId('e2', 'k'));
  });
});
