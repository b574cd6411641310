/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** Base URL of the HTTP API, without trailing slash (build-time env `API_BASE_URL`, default http://localhost:3000). */
declare const API_BASE_URL: string;
/** Deployment stage (build-time env `APP_STAGE`, default `local`); `local` enables the demo sign-in picker. */
declare const APP_STAGE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    API_BASE_URL?: string;
    APP_STAGE?: string;
  }
}
