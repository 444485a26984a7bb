/**
 * Every English message the API can send, each with its Simplified Chinese text. A key is the
 * message as the code writes it, `{name}` standing for each value put into it; what a name may
 * match, and whether that value is itself translated, is the placeholder's kind
 * (translate.ts: `{n}` a number, `{id}` an id or code, `{entity}` the name of a record, …).
 * Codes (`BAD_USER_INPUT`), field paths, enum values and roles are never translated: clients
 * match on them. test/unit/messages/catalogue.test.ts finds every message in the source and
 * fails for one missing here.
 */

/** What errors and validation rules say: `message` of an error, `extensions.fields[].message`. */
export const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  // ── Errors (functions/shared/errors.ts) ────────────────────────────────────────────────
  'Invalid input: {problems}': '输入无效：{problems}',
  '{entity} {id} not found': '未找到{entity} {id}',
  'A valid bearer token is required': '需要有效的 Bearer 令牌',
  'The service is busy and could not answer in time; try again later': '服务繁忙，未能及时应答；请稍后重试',

  // ── Access rules ───────────────────────────────────────────────────────────────────────
  'This operation needs the role {roles}': '此操作需要角色 {roles}',
  'Only the assigned officer, a SUPERVISOR or an ADMIN can handle this issue': '只有被指派的人员、SUPERVISOR 或 ADMIN 可以办理此问题',
  'Recording an activity needs ADMIN or SUPERVISOR, or an officer who took part in it': '记录活动需要 ADMIN 或 SUPERVISOR 角色，或参与该活动的人员',
  'Only an officer on patrol can resolve a report on the spot, with their own officer token': '只有巡查中的人员可以当场处理，须使用本人的人员令牌',
  'Only an officer on patrol can resolve a report on the spot; {status} officers do not patrol': '只有巡查中的人员可以当场处理；{status} 岗位不负责巡查',
  'Only an officer on patrol can resolve a report on the spot, in their own grid or at their own station': '只有巡查中的人员可以当场处理，且须在本人的网格或站点内',
  'An officer records activities at their home station or a station they are rostered at that day, not at {id} on {date}': '人员只能在本站点或当天排班的站点记录活动，不能在 {date} 于 {id} 记录',
  'Officers check themselves in and out; a SUPERVISOR may do it for them': '人员须自行签到和签退；SUPERVISOR 可代为操作',
  'You are not on shift {id}': '您不在班次 {id} 中',
  'is required to report without a token': '无令牌上报时必填',
  'must be SERVICE_CODE without a token': '无令牌时必须为 SERVICE_CODE',
  'needs a staff token': '需要工作人员令牌',
  'is required with a staff token': '使用工作人员令牌时必填',
  'only a PATROL report can be resolved on the spot': '只有 PATROL（巡查）上报的问题可以当场处理',
  'name the officer to check in or out': '请指明签到或签退的人员',
  'is required to confirm without a token': '无令牌确认时必填',
  'needs a staff token: upload the photos and cite their photoKeys': '需要工作人员令牌：请上传照片并引用其 photoKeys',
  'at most 3 photos without a token': '无令牌时最多 3 张照片',
  'is required to upload without a token': '无令牌上传时必填',
  'must be REPORT without a token': '无令牌时必须为 REPORT',

  // ── Photos ─────────────────────────────────────────────────────────────────────────────
  'must be image/jpeg, image/png, image/webp or image/heic': '必须为 image/jpeg、image/png、image/webp 或 image/heic',
  'must be between 1 and 10485760': '必须在 1 到 10485760 之间',
  'must be a key answered by requestPhotoUpload': '必须是 requestPhotoUpload 返回的 key',
  'each photo at most once': '每张照片最多引用一次',
  'is not a photo of this district': '不是本辖区的照片',
  'was not uploaded for this purpose': '不是为此用途上传的照片',
  'was not uploaded, or was refused as not an image': '尚未上传，或因不是图片而被拒绝',
  'is still being processed: try again in a moment': '仍在处理中：请稍后重试',
  'This report has already been rated': '该问题已评价过',
  'A report can be rated once it is resolved': '问题处理完成后才能评价',
  'does not match any report': '没有与之对应的问题',

  // ── Conflicts ──────────────────────────────────────────────────────────────────────────
  '{subject} is at version {n}, not the expected {m}': '{subject} 当前为第 {n} 版，而非预期的第 {m} 版',
  'The issue policy': '问题办理规则',
  'District {id} is not at the expected version {n}': '辖区 {id} 不是预期的第 {n} 版',
  '{entity} {id} already exists': '{entity} {id} 已存在',
  '{entity} {id} was changed concurrently; read it again and retry': '{entity} {id} 已被同时修改；请重新读取后重试',
  'The issue policy was changed concurrently; read it again and retry': '问题办理规则已被同时修改；请重新读取后重试',
  'A concurrent write changed the same data; read it again and retry': '并发写入修改了相同的数据；请重新读取后重试',
  '{id} of {id2} was replaced concurrently; run it again': '{id2} 的 {id} 已被同时替换；请重新运行',
  'Cannot {action} an issue that is {status}; allowed from {statuses}': '无法{action}状态为 {status} 的问题；仅可从以下状态操作：{statuses}',
  'Issue {id} is {status}: report the problem again instead': '问题 {id} 已是 {status} 状态：请重新上报该问题',
  'Roster {id} is published; pass force: true to replace it': '{id} 的排班表已发布；如需替换，请传入 force: true',
  'Roster {id} changed while it was being published; try again': '{id} 的排班表在发布时被修改；请重试',
  'Officer {id} has not checked in to shift {id2}': '人员 {id} 尚未签到班次 {id2}',
  'Webhook endpoint {id} is disabled: enable it before replaying its deliveries': 'Webhook 端点 {id} 已停用：请先启用再重放其投递',
  'Webhook delivery {id} is not a dead letter': 'Webhook 投递 {id} 不是死信',

  // ── Rate limits ────────────────────────────────────────────────────────────────────────
  'Too many reports through service code {id} right now: at most {n} a minute': '经服务码 {id} 的上报当前过多：每分钟最多 {n} 次',
  'Too many public calls from this address: at most {n} a minute': '来自此地址的公开调用过于频繁：每分钟最多 {n} 次',
  'Too many public calls from this address through service code {id}: at most {n} a minute': '来自此地址经服务码 {id} 的公开调用过于频繁：每分钟最多 {n} 次',

  // ── References and rules of operations ─────────────────────────────────────────────────
  'no {thing} {id} in this district': '本辖区没有{thing} {id}',
  'no active {thing} {id} in this district': '本辖区没有在用的{thing} {id}',
  'is not the code of an active station': '不是在用站点的服务码',
  // The environment's rules (functions/shared/env.ts): read by operators in the start-up error.
  'must be the ARN of a Secrets Manager secret': '必须是 Secrets Manager 密钥的 ARN',
  'set CURSOR_KEY or CURSOR_KEY_SECRET_ARN, not both': '只能设置 CURSOR_KEY 或 CURSOR_KEY_SECRET_ARN 之一，不能同时设置',
  'must be the JSON of a claim mapping ({text})': '必须是声明映射的 JSON（{text}）',
  // The district file's identity rules (functions/domain/deployment/identity.ts): read by operators at synth.
  'must be a top-level claim name: 1–64 letters, digits, "_", ":", "." or "-"': '必须是顶层声明名：1–64 个字母、数字、"_"、":"、"." 或 "-"',
  'must be one group value: 1–128 characters, no spaces or brackets': '必须是一个组值：1–128 个字符，不含空格或括号',
  'must map at least one role': '至少要映射一个角色',
  'must not end with "/": it is compared with the token\'s "iss" exactly': '不能以 "/" 结尾：它与令牌的 "iss" 逐字比较',
  'must be an https URL: API Gateway fetches <issuer>/.well-known/openid-configuration (http only for a provider on localhost)': '必须是 https 网址：API Gateway 会读取 <issuer>/.well-known/openid-configuration（仅本机上的身份提供方可用 http）',
  'is required on AWS (without DYNAMODB_ENDPOINT)': '在 AWS 上（未设置 DYNAMODB_ENDPOINT 时）必须设置',
  'set WEBHOOK_SECRET_KEY or WEBHOOK_SECRET_KEY_SECRET_ARN, not both': '只能设置 WEBHOOK_SECRET_KEY 或 WEBHOOK_SECRET_KEY_SECRET_ARN 之一，不能同时设置',
  'is allowed off AWS only (with DYNAMODB_ENDPOINT)': '仅允许在 AWS 之外设置（需设置 DYNAMODB_ENDPOINT）',
  'is already used by another grid': '已被另一个网格使用',
  'is already used by another station': '已被另一个站点使用',
  'must start with "{id}-"': '必须以 "{id}-" 开头',
  'is not on shift {id}': '不在班次 {id} 中',
  'check-in opens at {id}, {n} minutes before the shift starts': '签到于 {id} 开放，即班次开始前 {n} 分钟',
  'the shift ended at {id}: check-in is closed': '班次已于 {id} 结束：签到已关闭',
  'check-out closed at {id}, {n} minutes after the shift ended': '签退已于 {id} 关闭，即班次结束后 {n} 分钟',
  'is required: this district checks in within {n} m of the station': '必填：本辖区须在站点 {n} 米范围内签到',
  'cannot be checked: the station has no location; ask an ADMIN to set it': '无法核验：站点没有位置，请管理员设置',
  'is {n} m from the station; check-in is allowed within {m} m': '距站点 {n} 米；须在 {m} 米范围内签到',
  'must be 0 (off) or 10 to 10000': '必须为 0（关闭）或 10 至 10000',
  "is required to close a resident's report (source {status}): the follow-up call's rating": '关闭居民上报的问题（来源 {status}）时必填：回访的满意度评价',
  'is refused for a PATROL find: only a resident’s report is rated': '巡查发现的问题不接受此项：只有居民上报的问题才评价满意度',
  'must be another issue': '必须是另一个问题',

  // ── Field rules (functions/domain/validation) ──────────────────────────────────────────
  'must be an integer': '必须是整数',
  'must be at least {n}': '不得小于 {n}',
  'must be at most {n}': '不得大于 {n}',
  'must be more than 0': '必须大于 0',
  'must not be negative': '不得为负数',
  'must be between {n} and {m}': '必须在 {n} 到 {m} 之间',
  'must not be empty': '不得为空',
  'must be at most {n} characters': '不得超过 {n} 个字符',
  'must not hold control characters (line breaks included)': '不得包含控制字符（包括换行）',
  'must not hold control characters other than newline and tab': '除换行和制表符外不得包含控制字符',
  'must be 1–64 letters, digits, "-" or "_"': '必须为 1–64 个字母、数字、"-" 或 "_"',
  'must be 1–32 capitals, digits or "-"': '必须为 1–32 个大写字母、数字或 "-"',
  'must be 1–32 capitals, digits or "_"': '必须为 1–32 个大写字母、数字或 "_"',
  'must be a district id: a letter, then 1–39 lowercase letters, digits or "-"': '必须是辖区 ID：以字母开头，后接 1–39 个小写字母、数字或 "-"',
  'must look like "<district>-<4 to 12 capitals or digits>"': '格式必须为 "<辖区>-<4 到 12 个大写字母或数字>"',
  'must be a phone number (digits, spaces, "-", optional leading "+")': '必须是电话号码（数字、空格、"-"，开头可加 "+"）',
  'must be a phone number or an e-mail address': '必须是电话号码或电子邮箱地址',
  'must be a type name such as Issue or Officer': '必须是类型名，例如 Issue 或 Officer',
  'must be an https URL': '必须是 https 网址',
  'must be a 12345 ticket number: 4 to 40 letters, digits or "-"': '必须是 12345 工单编号：4 到 40 个字母、数字或 "-"',
  'is required for a 12345 referral': '12345 转办工单必填',
  'is only for source HOTLINE_12345': '仅用于来源 HOTLINE_12345',
  'This 12345 ticket has already been taken in': '此 12345 工单已受理',
  'is not a cursor from this list': '不是此列表的游标',
  'must be [lng, lat]': '必须是 [经度, 纬度]',
  'must be [lng, lat] within range': '必须是取值范围内的 [经度, 纬度]',
  'a ring needs at least {n} positions': '一个环至少需要 {n} 个位置',
  'a ring has at most {n} positions': '一个环最多 {n} 个位置',
  'a ring must be closed: its last position equals its first': '环必须闭合：最后一个位置须与第一个位置相同',
  'must be "Polygon"': '必须为 "Polygon"',
  'needs an outer ring': '需要一个外环',
  'must be an ISO week, e.g. 2026-W48': '必须是 ISO 周，例如 2026-W48',
  'is not a week of that year (only long years have a W53)': '不是该年的周（只有长年才有 W53）',
  'must end by 9999-12-31': '必须在 9999-12-31 或之前结束',
  'must be a date YYYY-MM-DD': '必须是 YYYY-MM-DD 格式的日期',
  'is not a calendar date': '不是有效的日历日期',
  'must be an ISO-8601 date-time with an offset': '必须是带时区偏移的 ISO-8601 日期时间',
  'is not a valid date-time': '不是有效的日期时间',
  'must be a local time HH:mm': '必须是 HH:mm 格式的本地时间',
  'must end after it starts': '结束时间必须晚于开始时间',
  'needs at least one window': '至少需要一个时段',
  'at most {n} windows': '最多 {n} 个时段',
  'window names must be unique': '时段名称不得重复',
  'at most {n} officers': '最多 {n} 名人员',
  'at most {n} officers per grid': '每个网格最多 {n} 名人员',
  'must not repeat an officer': '不得重复同一人员',
  'must be after startsAt': '必须晚于 startsAt',
  'must be at most 24 hours after startsAt': '不得晚于 startsAt 之后 24 小时',
  'is not a shift id': '不是班次 ID',
  'must not be before from': '不得早于 from',
  'leave is at most {n} days': '请假最长 {n} 天',
  'at most {n} photos': '最多 {n} 张照片',
  'at most {n} amenities': '最多 {n} 项便民设施',
  'must not be before reportedFrom': '不得早于 reportedFrom',
  'the period is at most {n} years': '时间段最长 {n} 年',
  // Exports (functions/domain/validation/export-inputs.ts, functions/api/exports/)
  'must be compliance, roster or kpis': '必须为 compliance、roster 或 kpis',
  'must be csv or xlsx': '必须为 csv 或 xlsx',
  'must be a month YYYY-MM': '必须是月份 YYYY-MM',
  'give month, or from and to, not both': '请给出 month，或 from 和 to，不可同时给出',
  'give month, or from and to': '请给出 month，或 from 和 to',
  'The export is {n} bytes, over the {m} a response may carry: ask for xlsx (compressed) or a shorter period': '导出文件为 {n} 字节，超过响应上限 {m} 字节：请改用 xlsx（已压缩）或缩短时间段',
  'must not exceed resolveMinutes': '不得超过 resolveMinutes',
  'each category and priority at most once': '每个类别与优先级的组合最多出现一次',
  'must be an http or https URL': '必须是 http 或 https 网址',
  'must not hold a user name or password': '不得包含用户名或密码',
  'must be a list of event types': '必须是事件类型列表',
  'is not a domain event type': '不是领域事件类型',
  'needs at least one event type': '至少需要一个事件类型',
  'must not repeat an event type': '不得重复同一事件类型',
  'is not a webhook delivery id': '不是 Webhook 投递 ID',
};

/**
 * Text the API stores and answers as data: routing notes (`Issue.routingNote`), the notes of the
 * steps it records itself (`IssueEvent.note`), compliance reasons (`StationCompliance.reasons`).
 * Stored in English, translated when read.
 */
export const STORED_NOTES: Readonly<Record<string, string>> = {
  // ── Routing (functions/app/issues/routing-decision.ts, report-issue.ts, issue-steps.ts) ─
  'outside every grid': '不在任何网格内',
  'no location': '无位置',
  '{clause}: sent to the station of its service code, waiting for dispatch': '{clause}：已转至其服务码所属站点，等待派遣',
  '{clause}: not routed, waiting for dispatch': '{clause}：未分派，等待派遣',
  'grid {id} has no active leader: waiting for dispatch': '网格 {id} 没有在岗的网格长：等待派遣',
  'routed to grid {id}': '已分派至网格 {id}',
  'resolved on the spot': '当场处理',
  'transferred to {text}': '已移交至{text}',

  // ── Compliance reasons (functions/domain/compliance/station-verdict.ts) ────────────────
  '{n} of {m} required sessions held': '要求 {m} 次服务，已开展 {n} 次',
  'no service session or attended shift this week': '本周没有服务活动或已出勤的班次',
  '{date}: another qualifying session that day already counted; sessions must be on distinct days': '{date}：当天已计入另一次合格服务；服务须在不同日期开展',
  '{date}: {problems}': '{date}：{problems}',
  '{n} min, under {m}': '{n} 分钟，不足 {m} 分钟',
  'no enforcement officer present': '无执法人员在场',
  '1 enforcement officer present, {m} required': '1 名执法人员在场，要求 {m} 名',
  '{n} enforcement officers present, {m} required': '{n} 名执法人员在场，要求 {m} 名',
  '{date}: the session {id}–{id2} is pending verification and not counted': '{date}：{id}–{id2} 的服务待核实，不计入',
};

/** The names errors give records (NotFoundError's first argument, repositories' labels). */
export const ENTITY_NAMES: Readonly<Record<string, string>> = {
  Activity: '活动',
  ComplianceReport: '达标报告',
  District: '辖区',
  DutyShift: '班次',
  Grid: '网格',
  Issue: '问题',
  Officer: '人员',
  Roster: '排班表',
  Station: '站点',
  'Station with service code': '服务码对应的站点',
  WebhookDelivery: 'Webhook 投递',
  WebhookEndpoint: 'Webhook 端点',
};

/** The workflow's steps, as a CONFLICT names them (`Cannot close an issue that is …`). */
export const ACTION_NAMES: Readonly<Record<string, string>> = {
  assign: '指派',
  start: '开始办理',
  resolve: '办结',
  transfer: '移交',
  close: '结案',
  reopen: '重新办理',
  reject: '驳回',
};

/** What a reporter's status page says of each step (domain/issues/public-timeline.ts), keyed by the step's action. */
export const STEP_SUMMARIES: Readonly<Record<string, string>> = {
  REPORT: '已受理',
  ASSIGN: '已派遣',
  START: '处置中',
  RESOLVE: '已处理',
  TRANSFER: '已转交相关部门',
  CLOSE: '已回访结案',
  REOPEN: '返工处理中',
  REJECT: '不予立案',
};
