// 统一社会信用代码 (GB 32100-2015) checked on the phone, as the law module's cn.zhifa.law.Uscc does on the server:
// 18 characters from 0-9 and the capital letters without I, O, S, V, Z; characters 3-8 the division code (digits);
// the 18th the check character of the weighted sum. Returns '' when valid, else the reason in Chinese.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccProblem(text) {
  const code = (text || '').trim();
  if (!code) return '统一社会信用代码不能为空';
  if (code.length !== 18) return '统一社会信用代码应为18位，实际为' + code.length + '位';
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = code.charAt(i);
    const value = ALPHABET.indexOf(c);
    if (value < 0) {
      if (c !== c.toUpperCase()) return '第' + (i + 1) + '位字符“' + c + '”应为大写字母';
      return '第' + (i + 1) + '位字符“' + c + '”不在统一社会信用代码字符集内（数字0-9及除I、O、S、V、Z以外的大写字母）';
    }
    sum += value * WEIGHTS[i];
  }
  for (let i = 2; i < 8; i++) {
    if (!/[0-9]/.test(code.charAt(i))) return '第3至8位应为登记管理机关行政区划码（数字），第' + (i + 1) + '位为“' + code.charAt(i) + '”';
  }
  const expected = ALPHABET.charAt((31 - (sum % 31)) % 31);
  const actual = code.charAt(17);
  if (ALPHABET.indexOf(actual) < 0) return '第18位校验码“' + actual + '”不在统一社会信用代码字符集内';
  if (actual !== expected) return '校验码错误：按GB 32100计算第18位应为“' + expected + '”，实际为“' + actual + '”';
  return '';
}
