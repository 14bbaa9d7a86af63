/**
 * The application shell: layout and navigation by role, the home page with the user's to-do counts
 * gathered from every module, and the OpenAPI description.
 */
package cn.zhifa.workbench;
