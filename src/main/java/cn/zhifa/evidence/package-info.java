/**
 * Evidence files (photos, audio, video, body-camera exports): stored once by their SHA-256 under
 * {@code ${zhifa.data-dir}/evidence/<prefix>/<sha256>}, never modified, sniffed by their bytes (non-media
 * is refused), limited in size per kind, and every access or attachment leaves a chain-of-custody row.
 */
package cn.zhifa.evidence;
