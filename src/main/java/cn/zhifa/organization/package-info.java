/**
 * The organisation tree (省/市/区县/街道乡镇 and 支队/科室/功能区), users and roles (三员分立), the
 * security policy, login (form and API token) and the data scope every module filters by.
 */
package cn.zhifa.organization;
