import { invalidInputMessageInChinese, translateMessage, translateNote } from '../../../functions/domain/messages/translate';

describe('translating messages', () => {
  test.each([
    ['must not be empty', '不得为空'],
    ['must be at most 100 characters', '不得超过 100 个字符'],
    ['must be between 1 and 100', '必须在 1 到 100 之间'],
    ['Station dn-s-01 not found', '未找到站点 dn-s-01'],
    ['Station with service code dingnan-ZZZZ not found', '未找到服务码对应的站点 dingnan-ZZZZ'],
    ['no active officer dn-o-9 in this district', '本辖区没有在用的人员 dn-o-9'],
    ['Grid dn-g-01-1 is at version 3, not the expected 2', '网格 dn-g-01-1 当前为第 3 版，而非预期的第 2 版'],
    ['Cannot close an issue that is REPORTED; allowed from RESOLVED', '无法结案状态为 REPORTED 的问题；仅可从以下状态操作：RESOLVED'],
    ['Cannot resolve an issue that is REPORTED; allowed from IN_PROGRESS, TRANSFERRED', '无法办结状态为 REPORTED 的问题；仅可从以下状态操作：IN_PROGRESS、TRANSFERRED'],
    ['This operation needs the role ADMIN or SUPERVISOR', '此操作需要角色 ADMIN 或 SUPERVISOR'],
    ['Too many public calls from this address through service code dingnan-AB12: at most 10 a minute', '来自此地址经服务码 dingnan-AB12 的公开调用过于频繁：每分钟最多 10 次'],
    ['The issue policy is at version 2, not the expected 0', '问题办理规则 当前为第 2 版，而非预期的第 0 版'],
    ['must start with "dingnan-"', '必须以 "dingnan-" 开头'],
  ])('given "%s", when translated to zh-CN, then "%s"', (english, chinese) => {
    expect(translateMessage(english, 'zh-CN')).toBe(chinese);
  });

  test('given a message in English, when translated to English, then it is unchanged', () => {
    expect(translateMessage('must not be empty', 'en')).toBe('must not be empty');
  });

  test('given a message the catalogue does not have (graphql-js\'s own), when translated, then it is unchanged', () => {
    const message = 'Variable "$input" got invalid value 5 at "input.lat"; Float cannot represent non numeric value';

    expect(translateMessage(message, 'zh-CN')).toBe(message);
  });

  test('given a stored routing note, when translated, then its inner clause is translated too; an unknown note is kept as written', () => {
    expect(translateNote('outside every grid: not routed, waiting for dispatch', 'zh-CN')).toBe('不在任何网格内：未分派，等待派遣');
    expect(translateNote('已电话联系商户', 'zh-CN')).toBe('已电话联系商户');
    expect(translateNote('outside every grid: not routed, waiting for dispatch', 'en')).toBe('outside every grid: not routed, waiting for dispatch');
  });

  test('given field messages in Chinese, when the BAD_USER_INPUT message is made, then paths are kept and the rest is Chinese', () => {
    expect(invalidInputMessageInChinese([{ path: 'input.name', message: '不得为空' }, { path: 'first', message: '必须是整数' }])).toBe(
      '输入无效：input.name：不得为空；first：必须是整数',
    );
  });
});
