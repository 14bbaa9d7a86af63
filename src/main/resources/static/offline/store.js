// The offline store of the field terminal (IndexedDB "zhifa-offline"): the downloaded day (meta "bundle"), the API
// token taken from the page session (meta "token", dropped when it expires), the drafts of records being filled in
// (one per task, with their photos as Blobs) and the outbox of finished work waiting to be sent, in order, each item
// with the Idempotency-Key it was created with. Nothing here is ever put in the service worker's cache.
const DB = 'zhifa-offline';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('meta');
      db.createObjectStore('drafts', { keyPath: 'taskId' });
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(store, mode, action) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const result = action(tx.objectStore(store));
      tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const getMeta = (key) => run('meta', 'readonly', (s) => s.get(key));
export const putMeta = (key, value) => run('meta', 'readwrite', (s) => s.put(value, key));
export const deleteMeta = (key) => run('meta', 'readwrite', (s) => s.delete(key));
export const getDraft = (taskId) => run('drafts', 'readonly', (s) => s.get(taskId));
export const putDraft = (draft) => run('drafts', 'readwrite', (s) => s.put(draft));
export const deleteDraft = (taskId) => run('drafts', 'readwrite', (s) => s.delete(taskId));
export const allDrafts = () => run('drafts', 'readonly', (s) => s.getAll());
export const outbox = () => run('outbox', 'readonly', (s) => s.getAll());
export const putItem = (item) => run('outbox', 'readwrite', (s) => s.put(item));
export const addItem = (item) => run('outbox', 'readwrite', (s) => s.add(item));

/** The downloaded day, unless it has expired (then it is deleted; the outbox is kept until it is sent). */
export async function bundle() {
  const day = await getMeta('bundle');
  if (day && Date.parse(day.expiresAt) <= Date.now()) {
    await deleteMeta('bundle');
    return null;
  }
  return day || null;
}

/** The API token, unless it has expired (then it is deleted). */
export async function token() {
  const stored = await getMeta('token');
  if (stored && Date.parse(stored.expiresAt) <= Date.now()) {
    await deleteMeta('token');
    return null;
  }
  return stored ? stored.token : null;
}

/** Items not yet accepted by the server (waiting or being sent); refused ones are counted apart. */
export async function waitingCount() {
  return (await outbox()).filter((i) => i.status === 'waiting' || i.status === 'sending').length;
}

/** Everything gone: at logout, or when another officer signs in on this phone. */
export async function clearAll() {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  if (self.caches) {
    for (const name of await caches.keys()) {
      if (name.startsWith('zhifa-offline')) await caches.delete(name);
    }
  }
}

export async function sha256(blob) {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function uuid() {
  return crypto.randomUUID();
}

/** Takes a bearer token for the logged-in page session (今日检查 only: it has the CSRF token). */
export async function takeToken() {
  const csrf = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  const headers = {};
  if (csrf && header) headers[header.content] = csrf.content;
  const response = await fetch('/profile/terminal-token', { method: 'POST', headers, credentials: 'same-origin' });
  if (!response.ok) throw new Error('未能取得离线令牌（' + response.status + '）');
  const issued = await response.json();
  await putMeta('token', issued);
  return issued.token;
}

async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || ('服务器拒绝（' + response.status + '）');
  } catch (e) {
    return '服务器拒绝（' + response.status + '）';
  }
}

class Stop extends Error {}

/**
 * Sends the outbox in order. Per item: its photos (each with its own Idempotency-Key and the hash taken on the
 * phone, which the server checks), then the record with the item's key, then the documents the server issued.
 * A refusal (4xx) is kept on the item with the server's reason and the next item goes on; a network failure or a
 * server error stops the run and the item stays waiting. {@code onProgress(done, total, item)} after each item.
 */
export async function sync(onProgress) {
  const bearer = await token();
  const items = (await outbox()).filter((i) => i.status === 'waiting' || i.status === 'sending');
  if (items.length === 0) return { sent: 0, refused: 0, stopped: null };
  if (!bearer) return { sent: 0, refused: 0, stopped: '离线令牌已过期：请联网打开“今日检查”，同步会自动继续。' };
  const auth = { Authorization: 'Bearer ' + bearer };
  let done = 0;
  let refused = 0;
  try {
    for (const item of items) {
      item.status = 'sending';
      await putItem(item);
      try {
        for (const photo of item.photos) {
          if (photo.evidenceId) continue;
          const form = new FormData();
          form.append('file', photo.blob, photo.name);
          form.append('source', 'PHONE');
          form.append('capturedAt', photo.capturedAt);
          form.append('sha256', photo.sha256);
          const response = await send('/api/v1/evidence', { method: 'POST', headers: { ...auth, 'Idempotency-Key': photo.key }, body: form });
          if (!response.ok) throw await refusal(response);
          const stored = await response.json();
          if (stored.sha256 !== photo.sha256) throw new Refused('照片的哈希值与手机上计算的不一致，未提交。');
          photo.evidenceId = stored.id;
          await putItem(item);
        }
        if (item.kind === 'hazard') {
          // a hazard outside a task: the hazards API, its photos as the finding's evidence
          const registration = { ...item.registration, findings: item.registration.findings.map((f) => ({ ...f,
            evidenceIds: item.photos.map((p) => p.evidenceId) })) };
          const response = await send('/api/v1/hazards', {
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': item.key },
            body: JSON.stringify(registration),
          });
          if (!response.ok) throw await refusal(response);
          item.hazardIds = (await response.json()).map((h) => h.id);
          item.status = 'sent';
          item.sentAt = new Date().toISOString();
          await putItem(item);
          done++;
          if (onProgress) onProgress(done, items.length, item);
          continue;
        }
        const body = { ...item.submission, photos: item.photos.map((p) => ({ evidenceId: p.evidenceId, itemCode: p.itemCode })) };
        const response = await send('/api/v1/inspection/records', {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': item.key },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw await refusal(response);
        const record = await response.json();
        item.recordId = record.id;
        item.status = 'sent';
        item.sentAt = new Date().toISOString();
        await putItem(item);
        // the documents are issued just after the submission: ask for them a few times (the sync goes on without them)
        const due = (record.documents || []).length;
        for (let attempt = 0; attempt < (due ? 20 : 1) && !(item.documents && item.documents.length); attempt++) {
          if (attempt > 0) await new Promise((r) => setTimeout(r, 1000));
          const documents = await send('/api/v1/inspection/records/' + record.id + '/documents', { headers: auth });
          if (!documents.ok) break;
          item.documents = (await documents.json()).items.map((d) => ({ id: d.id, title: d.title, number: d.number }));
        }
        await putItem(item);
      } catch (e) {
        if (e instanceof Refused) {
          item.status = 'refused';
          item.reason = e.message;
          refused++;
          await putItem(item);
        } else {
          item.status = 'waiting';
          await putItem(item);
          throw e;
        }
      }
      done++;
      if (onProgress) onProgress(done, items.length, item);
    }
    return { sent: done, refused, stopped: null };
  } catch (e) {
    return { sent: done, refused, stopped: e instanceof Stop ? e.message : '网络中断，未发送的项目保留在手机上，联网后继续同步。',
      unreachable: !(e instanceof Stop) };
  }

  async function send(url, init) {
    const response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
    if (response.status === 401) {
      await deleteMeta('token');
      throw new Stop('离线令牌已失效：请联网打开“今日检查”，同步会自动继续。');
    }
    if (response.status >= 500) throw new Stop('服务器暂时不可用（' + response.status + '），稍后再同步。');
    return response;
  }

  async function refusal(response) {
    return new Refused(await problem(response));
  }
}

class Refused extends Error {}
