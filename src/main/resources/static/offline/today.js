// 今日检查 → 离线使用: downloads the officer's own open tasks into IndexedDB with an API token taken from this page's
// session, says what is ready offline and when it was fetched, registers the service worker, and sends what the
// offline app left in the queue (this page can renew an expired token).
import * as store from './store.js';

const button = document.getElementById('offline-download');
const status = document.getElementById('offline-status');
const me = Number(document.getElementById('offline-card').dataset.officer);

function when(iso) {
  const d = new Date(iso);
  return (d.getMonth() + 1) + '月' + d.getDate() + '日 ' + String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
}

async function describe() {
  const day = await store.bundle();
  const waiting = await store.waitingCount();
  const parts = [];
  parts.push(day ? '已可离线：' + day.tasks.length + ' 项任务（' + day.tasks.map((t) => t.firm.name).join('、') + '），获取于 '
    + when(day.fetchedAt) + '，保留至 ' + when(day.expiresAt) + '。' : '尚未下载供离线使用。');
  if (waiting > 0) parts.push('待同步 ' + waiting + ' 项。');
  status.textContent = parts.join('');
}

async function download() {
  button.disabled = true;
  status.textContent = '正在下载…';
  try {
    const token = await store.takeToken();
    const response = await fetch('/api/v1/inspection/offline-bundle', { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store', credentials: 'omit' });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.detail || '下载失败（' + response.status + '）');
    }
    const day = await response.json();
    // the firms' contacts, agencies, open hazards and cases come from the workbench (above inspection, hazard and casework)
    const facts = await fetch('/api/v1/offline/firms', { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store', credentials: 'omit' });
    if (!facts.ok) throw new Error('企业信息下载失败（' + facts.status + '）');
    day.firms = {};
    for (const firm of (await facts.json()).firms) day.firms[firm.enterpriseId] = firm;
    await store.putMeta('bundle', day);
    await describe();
  } catch (e) {
    status.textContent = '未能下载：' + (e.message || '网络问题') + '，请稍后重试。';
  } finally {
    button.disabled = false;
  }
}

async function start() {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
  // another officer's offline data on this phone (not logged out): it is not this officer's and is removed
  const day = await store.getMeta('bundle');
  if (day && day.officerId !== me) {
    await store.clearAll();
  }
  await describe();
  button.addEventListener('click', download);
  if (navigator.onLine && (await store.waitingCount()) > 0) {
    if (!(await store.token())) await store.takeToken().catch(() => null);
    await store.sync();
    await describe();
  }
  button.dataset.ready = 'true';
}

start();
