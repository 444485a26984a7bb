/** The languages the API answers in: English (the default, and the language of the code) and Simplified Chinese. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';
