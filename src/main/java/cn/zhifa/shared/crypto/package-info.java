/**
 * 国密 (GB/T 32905 SM3, GB/T 32907 SM4, GB/T 32918 SM2) through BouncyCastle's lightweight API, and the
 * one place keys come from ({@link cn.zhifa.shared.crypto.KeyProvider}: files outside the data directory
 * by default, a 密码机 or KMS in production).
 */
package cn.zhifa.shared.crypto;
