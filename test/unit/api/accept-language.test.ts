import { preferredLanguage } from '../../../functions/api/i18n/accept-language';

describe('choosing the answer language from Accept-Language', () => {
  test.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['en-US', 'en'],
    ['*', 'en'],
    ['fr', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['en;q=0.5, zh-CN;q=0.9', 'zh-CN'],
    ['fr, zh;q=0.8', 'zh-CN'],
    ['fr, en;q=0.9, zh;q=0.8', 'en'],
    ['zh;q=0, en', 'en'],
    ['zh;q=0', 'en'],
    ['en;q=0, zh;q=0.1', 'zh-CN'],
    ['en, zh', 'en'],
    ['zh, en', 'zh-CN'],
    ['zh;q=abc, en;q=0.5', 'en'],
    ['zh;q=1.5', 'en'],
    ['<script>, zh-CN', 'zh-CN'],
  ])('given Accept-Language %p, when the language is chosen, then %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });

  test('given a header of thousands of entries, when the language is chosen, then only the first ones are read', () => {
    expect(preferredLanguage(`${'fr, '.repeat(5000)}zh-CN`)).toBe('en');
  });
});
