/**
 * Globals of the Taro app (src/): Taro's own globals (defineAppConfig, definePageConfig),
 * style imports, and the constants config/index.ts defines at build time.
 */
/// <reference types="@tarojs/taro" />

declare module '*.css';

/** True only in the H5 build made for the local demo server (LOCAL_DEMO=1): enables the identity switcher. */
declare const DEMO_IDENTITIES: boolean;

/** CloudBase environment id for wx.cloud.init (weapp); empty: the account's default environment. */
declare const CLOUD_ENV_ID: string;
