// The offline inspection app (app.html): the downloaded day's tasks, a record form kept in IndexedDB at every
// change (answers, failed items with location, deadline and photos, signatures or a recorded refusal), and the
// queue that sends finished records in order once there is a network. Elements are built with the DOM (no
// innerHTML with data), no inline scripts or styles (the CSP).
import * as store from './store.js';
import { usccProblem } from './uscc.js';

const RESULTS = [['', '请选择'], ['CONFORMS', '符合'], ['FAILS', '不符合'], ['NOT_APPLICABLE', '不涉及']];
const STATUS = { waiting: '等待同步', sending: '正在发送', sent: '已同步', refused: '被拒绝' };
let day = null;
let syncing = false;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('data-')) node.setAttribute(key, value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

function when(iso) {
  const d = new Date(iso);
  return (d.getMonth() + 1) + '月' + d.getDate() + '日 ' + String(d.getHours()).padStart(2, '0') + ':'
    + String(d.getMinutes()).padStart(2, '0');
}

// navigator.onLine only says a network is attached (a phone on a site's Wi-Fi without a route, or a page reloaded
// without a signal, can read true): the last answer from the server counts too
let reachable = true;

function online() {
  document.getElementById('offline-banner').classList.toggle('d-none', navigator.onLine && reachable);
}

/** Asks the server (past the service worker: it answers only GET) whether it can be reached, and shows it. */
async function probe() {
  try {
    await fetch('/offline/app.html', { method: 'HEAD', cache: 'no-store' });
    reachable = true;
  } catch (e) {
    reachable = false;
  }
  online();
  return reachable;
}

async function refreshCount() {
  const count = await store.waitingCount();
  const badge = document.getElementById('queue-count');
  badge.textContent = '待同步 ' + count + ' 项';
  badge.className = 'badge ' + (count > 0 ? 'text-bg-warning' : 'text-bg-secondary');
}

async function showTasks() {
  const tasks = document.getElementById('tasks');
  tasks.replaceChildren();
  const info = document.getElementById('bundle-info');
  if (!day) {
    info.textContent = '';
    tasks.append(el('p', { id: 'no-bundle', class: 'text-secondary',
      text: '本机没有可离线使用的任务（未下载或已过期）。请联网打开“今日检查”，点击“下载供离线使用”。' }));
    return;
  }
  info.textContent = day.officerName + ' · 已可离线：' + day.tasks.length + ' 项任务 · 获取于 ' + when(day.fetchedAt)
    + ' · 保留至 ' + when(day.expiresAt);
  const freeDraft = await store.getDraft(FREE);
  const free = el('button', { type: 'button', class: 'btn btn-outline-primary w-100 mb-3', id: 'free-hazard-start',
    text: freeDraft ? '继续登记任务外隐患（已保存在本机）' : '登记任务外隐患（如相邻企业）' });
  free.addEventListener('click', () => openFreeHazard());
  tasks.append(free);
  const queued = new Set((await store.outbox()).filter((i) => i.status !== 'refused').map((i) => i.taskId));
  const drafts = new Set((await store.allDrafts()).map((d) => d.taskId));
  if (day.tasks.length === 0) tasks.append(el('p', { class: 'text-secondary', text: '下载时没有待检查的任务。' }));
  for (const task of day.tasks) {
    const firm = task.firm;
    const body = el('div', { class: 'card-body' },
      el('h2', { class: 'h6 mb-1 enterprise-name', text: firm.name }),
      el('div', { class: 'small text-secondary mb-1', text: [task.kind, task.mode, task.status].join(' · ') }),
      el('div', { class: 'small', text: '地址：' + (firm.address || '—') }),
      el('div', { class: 'small', text: '统一社会信用代码：' + (firm.uscc || '—') + ' · 法定代表人：' + (firm.legalRepresentative || '—') }),
      el('div', { class: 'small', text: '检查组：' + task.team.map((m) => m.name).join('、') }),
      el('div', { class: 'small', text: '执法检查告知书：' + task.noticeState + (task.noticeDocument ? '（' + task.noticeDocument + '）' : '') }),
      el('div', { class: 'small mb-2', text: '检查清单：' + task.checklist.title + '（第' + task.checklist.version + '版，' + task.checklist.items.length + '项）' }),
      task.recentInspections.length === 0 ? null : el('div', { class: 'small text-secondary mb-2',
        text: '近期检查：' + task.recentInspections.map((r) => r.day + (r.failedItems > 0 ? ' 不符合' + r.failedItems + '项' : ' 未发现问题')).join('；') }));
    body.append(firmFacts((day.firms || {})[firm.id]));
    const blocked = task.noticeRequired && task.noticeState.startsWith('须');
    if (queued.has(task.id)) {
      body.append(el('div', { class: 'small text-success task-queued', text: '已完成，在同步队列中' }));
    } else if (blocked) {
      body.append(el('div', { class: 'small text-danger', text: '告知书送达后才能开始检查。' }));
    } else {
      const start = el('button', { type: 'button', class: 'btn btn-primary w-100 offline-start', 'data-task': task.id,
        text: drafts.has(task.id) ? '继续填写（已保存在本机）' : '开始检查' });
      start.addEventListener('click', () => openRecord(task));
      body.append(start);
    }
    tasks.append(el('div', { class: 'card mb-3 task-card', id: 'offline-task-' + task.id }, body));
  }
}

/** The firm's contacts, agencies, open hazards and cases as downloaded (folded away: the card stays short at 390 px). */
function firmFacts(facts) {
  if (!facts) return null;
  const list = (title, cls, rows, empty) => el('div', { class: 'small mb-1 ' + cls },
    el('div', { class: 'fw-semibold', text: title }),
    rows.length === 0 ? el('div', { class: 'text-secondary', text: empty })
      : el('ul', { class: 'mb-0 ps-3' }, rows.map((text) => el('li', { text }))));
  const contacts = facts.contacts.map((c) => c.role + '：' + (c.name || '—') + (c.phone ? ' ' : ''));
  const contactList = el('div', { class: 'small mb-1 firm-contacts' }, el('div', { class: 'fw-semibold', text: '联系人' }),
    facts.contacts.length === 0 ? el('div', { class: 'text-secondary', text: '企业库未登记联系人。' })
      : el('ul', { class: 'mb-0 ps-3' }, facts.contacts.map((c, i) => el('li', {}, contacts[i],
        c.phone ? el('a', { href: 'tel:' + c.phone, text: c.phone }) : null))));
  return el('details', { class: 'mb-2 firm-facts' },
    el('summary', { class: 'small', text: '企业详情（联系人 ' + facts.contacts.length + '，中介机构 ' + facts.agencies.length
      + '，未销号隐患 ' + facts.openHazards.length + '，案件 ' + facts.cases.length + '）' }),
    contactList,
    list('中介机构', 'firm-agencies', facts.agencies.map((a) => a.name + '（' + a.kind + (a.service ? '，' + a.service : '') + '，' + a.status + '）'), '无在服务的中介机构。'),
    list('近期未销号隐患', 'firm-hazards', facts.openHazards.map((h) => h.foundOn + ' ' + h.level + ' ' + h.status + '：' + h.description
      + (h.deadline ? '（整改期限 ' + h.deadline + (h.warning ? '，' + h.warning : '') + '）' : '')), '无未销号隐患。'),
    list('案件', 'firm-cases', facts.cases.map((c) => (c.caseNumber || '未立案') + ' ' + c.title + '（' + c.stage + '）'), '无案件。'));
}

async function compress(file) {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, day.photoMaxEdge / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', day.photoQuality));
}

function pad(canvas, initial, onChange) {
  const ctx = canvas.getContext('2d');
  ctx.lineWidth = 4;
  ctx.lineCap = 'round';
  ctx.strokeStyle = '#111';
  let drawing = false;
  if (initial) {
    const img = new Image();
    img.onload = () => ctx.drawImage(img, 0, 0);
    img.src = initial;
  }
  const point = (e) => {
    const r = canvas.getBoundingClientRect();
    return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
  };
  canvas.addEventListener('pointerdown', (e) => {
    drawing = true;
    if (canvas.setPointerCapture) canvas.setPointerCapture(e.pointerId);
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!drawing) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  });
  const end = () => {
    if (!drawing) return;
    drawing = false;
    onChange(canvas.toDataURL('image/png'));
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  return {
    clear() { ctx.clearRect(0, 0, canvas.width, canvas.height); onChange(null); },
    show(url) {
      const img = new Image();
      img.onload = () => { ctx.clearRect(0, 0, canvas.width, canvas.height); ctx.drawImage(img, 0, 0, canvas.width, canvas.height); onChange(canvas.toDataURL('image/png')); };
      img.src = url;
    },
  };
}

async function openRecord(task) {
  let draft = await store.getDraft(task.id);
  if (!draft) {
    draft = { taskId: task.id, startedAt: new Date().toISOString(), place: task.firm.address || '', representativeName: '',
      representativeTitle: '', representativePhone: '', findings: '', answers: {}, photos: [], signatures: {},
      representative: { png: null, refused: false, witness: '' }, confirmNonWorkingDeadline: false };
    await store.putDraft(draft);
  }
  const save = () => store.putDraft(draft);
  const section = document.getElementById('record');
  document.getElementById('tasks').classList.add('d-none');
  section.classList.remove('d-none');
  section.replaceChildren();
  const field = (label, key, type) => {
    const input = el(type === 'textarea' ? 'textarea' : 'input', { class: 'form-control', id: 'record-' + key, value: draft[key] || '' });
    if (type === 'textarea') input.rows = 3;
    input.addEventListener('input', () => { draft[key] = input.value; save(); });
    return el('div', { class: 'mb-2' }, el('label', { class: 'form-label small mb-0', htmlFor: 'record-' + key, text: label }), input);
  };
  section.append(
    el('h2', { class: 'h5', text: task.firm.name }),
    el('p', { class: 'small text-secondary', text: '现场检查记录（离线填写，每次改动都保存在本机）· 开始于 ' + when(draft.startedAt) }),
    field('检查场所', 'place'), field('现场负责人', 'representativeName'), field('职务', 'representativeTitle'),
    field('联系电话', 'representativePhone'), field('检查情况', 'findings', 'textarea'), gps(draft, save));

  for (const item of task.checklist.items) {
    const answer = draft.answers[item.code] || (draft.answers[item.code] = { result: '' });
    const select = el('select', { class: 'form-select item-result', 'data-code': item.code },
      RESULTS.map(([value, label]) => el('option', { value, text: label, selected: answer.result === value })));
    const failed = el('div', { class: 'mt-2 item-failed' + (answer.result === 'FAILS' ? '' : ' d-none') });
    const text = (cls, label, key, type) => {
      const input = el('input', { class: 'form-control form-control-sm ' + cls, type: type || 'text', value: answer[key] || '' });
      input.addEventListener('input', () => { answer[key] = input.value || null; save(); });
      input.addEventListener('change', () => { answer[key] = input.value || null; save(); });
      return el('label', { class: 'small d-block mb-1', text: label }, input);
    };
    const photos = el('div', { class: 'd-flex flex-wrap gap-1 mt-1 item-photos' });
    const showPhotos = () => {
      photos.replaceChildren(...draft.photos.filter((p) => p.itemCode === item.code).map((p) =>
        el('img', { class: 'photo-thumb border', src: URL.createObjectURL(p.blob), alt: '现场照片', title: 'SHA-256 ' + p.sha256 })));
    };
    const photoInput = el('input', { class: 'form-control form-control-sm item-photo', type: 'file', accept: 'image/*', capture: 'environment' });
    photoInput.addEventListener('change', async () => {
      for (const file of photoInput.files) {
        const blob = await compress(file);
        draft.photos.push({ key: store.uuid(), itemCode: item.code, blob, sha256: await store.sha256(blob),
          name: item.code + '-' + (draft.photos.length + 1) + '.jpg', capturedAt: new Date().toISOString() });
      }
      photoInput.value = '';
      await save();
      showPhotos();
    });
    failed.append(text('item-location', '隐患位置', 'location'), text('item-deadline', '整改期限', 'rectifyBy', 'date'),
      text('item-measure', '现场处理措施（如有）', 'immediateMeasure'), text('item-note', '说明', 'note'),
      el('label', { class: 'small d-block', text: '现场照片（在手机上压缩并计算哈希）' }, photoInput), photos);
    showPhotos();
    select.addEventListener('change', () => {
      answer.result = select.value;
      failed.classList.toggle('d-none', select.value !== 'FAILS');
      save();
    });
    section.append(el('div', { class: 'card mb-2 item-card', 'data-code': item.code }, el('div', { class: 'card-body p-2' },
      el('div', { class: 'small fw-semibold', text: item.code + ' ' + item.content }),
      item.major ? el('span', { class: 'badge text-bg-danger', text: '重大事故隐患判定项' }) : null,
      item.criterion ? el('div', { class: 'small text-secondary', text: '判定标准：' + item.criterion }) : null,
      el('div', { class: 'small text-secondary mb-1', text: '依据：' + item.legalBasis }),
      select, failed)));
  }

  const deadlineOk = el('input', { type: 'checkbox', class: 'form-check-input', id: 'confirm-nonworking', checked: draft.confirmNonWorkingDeadline });
  deadlineOk.addEventListener('change', () => { draft.confirmNonWorkingDeadline = deadlineOk.checked; save(); });
  section.append(el('div', { class: 'form-check my-2' }, deadlineOk,
    el('label', { class: 'form-check-label small', htmlFor: 'confirm-nonworking', text: '整改期限落在休息日，已确认' })));

  section.append(el('h3', { class: 'h6 mt-3', text: '签名' }));
  for (const member of task.team) {
    const canvas = el('canvas', { class: 'signature-pad border d-block', width: 300, height: 120, 'data-user': member.userId });
    const signature = pad(canvas, draft.signatures[member.userId], (png) => {
      if (png) draft.signatures[member.userId] = png; else delete draft.signatures[member.userId];
      save();
    });
    const clear = el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', text: '重签' });
    clear.addEventListener('click', () => signature.clear());
    const row = el('div', { class: 'd-flex gap-2 mt-1' }, clear);
    if (member.userId === day.officerId && day.signatureSpecimen) {
      const mine = el('button', { type: 'button', class: 'btn btn-sm btn-outline-primary use-specimen', text: '使用我登记的签名' });
      mine.addEventListener('click', () => signature.show(day.signatureSpecimen));
      row.append(mine);
    }
    section.append(el('div', { class: 'mb-3 signature-field' }, el('div', { class: 'small', text: '检查人员：' + member.name }), canvas, row));
  }
  const rep = draft.representative;
  const repCanvas = el('canvas', { class: 'signature-pad border d-block', width: 300, height: 120, 'data-user': 'representative' });
  const repPad = pad(repCanvas, rep.png, (png) => { rep.png = png; save(); });
  const repClear = el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary mt-1', text: '重签' });
  repClear.addEventListener('click', () => repPad.clear());
  const refused = el('input', { type: 'checkbox', class: 'form-check-input', id: 'rep-refused', checked: rep.refused });
  const witness = el('input', { class: 'form-control form-control-sm', id: 'rep-witness', value: rep.witness || '', placeholder: '见证人姓名' });
  refused.addEventListener('change', () => { rep.refused = refused.checked; save(); });
  witness.addEventListener('input', () => { rep.witness = witness.value; save(); });
  section.append(el('div', { class: 'mb-3 signature-field' },
    el('div', { class: 'small', text: '被检查单位现场负责人（签名人为上面填写的现场负责人）' }), repCanvas, repClear,
    el('div', { class: 'form-check mt-2' }, refused, el('label', { class: 'form-check-label small', htmlFor: 'rep-refused', text: '现场负责人拒绝签字（须有见证人）' })),
    witness));

  const error = el('div', { class: 'alert alert-danger d-none', id: 'record-error', role: 'alert' });
  const finish = el('button', { type: 'button', class: 'btn btn-primary w-100', id: 'offline-finish', text: '完成，放入同步队列' });
  const back = el('button', { type: 'button', class: 'btn btn-outline-secondary w-100 mt-2', id: 'offline-back', text: '返回任务列表（已保存）' });
  back.addEventListener('click', () => closeRecord());
  finish.addEventListener('click', async () => {
    const problem = check(task, draft);
    if (problem) {
      error.textContent = problem;
      error.classList.remove('d-none');
      error.scrollIntoView({ block: 'center' });
      return;
    }
    await store.addItem({ key: store.uuid(), taskId: task.id, firmName: task.firm.name, createdAt: new Date().toISOString(),
      status: 'waiting', submission: submission(task, draft),
      photos: draft.photos.map((p) => ({ key: p.key, itemCode: p.itemCode, blob: p.blob, sha256: p.sha256, name: p.name, capturedAt: p.capturedAt })) });
    await store.deleteDraft(task.id);
    await closeRecord();
    if (navigator.onLine) runSync();
  });
  section.append(error, finish, back);
  window.scrollTo(0, 0);
}

const FREE = 'free-hazard';

/** The firms of the downloaded day (one entry per firm) and the other officers of its teams. */
function dayFirms() {
  const firms = new Map();
  day.tasks.forEach((t) => firms.set(t.firm.id, t.firm));
  return [...firms.values()];
}

function dayColleagues() {
  const people = new Map();
  day.tasks.forEach((t) => t.team.forEach((m) => { if (m.userId !== day.officerId) people.set(m.userId, m); }));
  return [...people.values()];
}

/**
 * A hazard found outside any task (a firm the officer meets on site, e.g. the neighbour): the firm from the day's firms
 * or typed in with its 统一社会信用代码 (checked here as GB 32100 prescribes, and again by the server), what and where
 * (typed place and the GPS position when allowed), the deadline, major or not, photos (compressed and hashed here) and
 * the signatures of its 责令限期整改指令书. Kept in IndexedDB at every change; finished, it joins the sync queue.
 */
async function openFreeHazard() {
  let draft = await store.getDraft(FREE);
  if (!draft) {
    draft = { taskId: FREE, startedAt: new Date().toISOString(), firmId: '', firmName: '', uscc: '', description: '',
      location: '', deadline: '', major: false, confirmNonWorkingDeadline: false, photos: [], secondOfficerId: '',
      signatures: {}, representativeName: '', representative: { png: null, refused: false, witness: '' } };
    await store.putDraft(draft);
  }
  const save = () => store.putDraft(draft);
  const section = document.getElementById('record');
  document.getElementById('tasks').classList.add('d-none');
  section.classList.remove('d-none');
  section.replaceChildren();
  const input = (label, key, attrs) => {
    const node = el(attrs && attrs.rows ? 'textarea' : 'input', { class: 'form-control', id: 'free-' + key, value: draft[key] || '', ...(attrs || {}) });
    const keep = () => { draft[key] = node.value; save(); };
    node.addEventListener('input', keep);
    node.addEventListener('change', keep);
    return el('div', { class: 'mb-2' }, el('label', { class: 'form-label small mb-0', htmlFor: 'free-' + key, text: label }), node);
  };
  const firmSelect = el('select', { class: 'form-select', id: 'free-firm' },
    el('option', { value: '', text: '请选择企业' }),
    dayFirms().map((f) => el('option', { value: String(f.id), text: f.name, selected: String(draft.firmId) === String(f.id) })),
    el('option', { value: 'other', text: '其他企业（填写名称和统一社会信用代码）', selected: draft.firmId === 'other' }));
  const typed = el('div', { class: 'free-typed-firm' + (draft.firmId === 'other' ? '' : ' d-none') },
    input('企业名称', 'firmName'), input('统一社会信用代码', 'uscc', { autocapitalize: 'characters', maxLength: 18 }));
  firmSelect.addEventListener('change', () => {
    draft.firmId = firmSelect.value;
    typed.classList.toggle('d-none', firmSelect.value !== 'other');
    save();
  });
  const major = el('input', { type: 'checkbox', class: 'form-check-input', id: 'free-major', checked: draft.major });
  major.addEventListener('change', () => { draft.major = major.checked; save(); });
  const nonWorking = el('input', { type: 'checkbox', class: 'form-check-input', id: 'free-nonworking', checked: draft.confirmNonWorkingDeadline });
  nonWorking.addEventListener('change', () => { draft.confirmNonWorkingDeadline = nonWorking.checked; save(); });
  const photos = el('div', { class: 'd-flex flex-wrap gap-1 mt-1 free-photos' });
  const showPhotos = () => photos.replaceChildren(...draft.photos.map((p) =>
    el('img', { class: 'photo-thumb border', src: URL.createObjectURL(p.blob), alt: '现场照片', title: 'SHA-256 ' + p.sha256 })));
  const photoInput = el('input', { class: 'form-control form-control-sm', id: 'free-photo', type: 'file', accept: 'image/*', capture: 'environment' });
  photoInput.addEventListener('change', async () => {
    for (const file of photoInput.files) {
      const blob = await compress(file);
      draft.photos.push({ key: store.uuid(), blob, sha256: await store.sha256(blob), name: '隐患-' + (draft.photos.length + 1) + '.jpg',
        capturedAt: new Date().toISOString() });
    }
    photoInput.value = '';
    await save();
    showPhotos();
  });
  showPhotos();
  section.append(el('h2', { class: 'h5', text: '任务外隐患' }),
    el('p', { class: 'small text-secondary', text: '离线登记，每次改动都保存在本机 · 开始于 ' + when(draft.startedAt) }),
    el('div', { class: 'mb-2' }, el('label', { class: 'form-label small mb-0', htmlFor: 'free-firm', text: '企业' }), firmSelect), typed,
    input('隐患描述', 'description', { rows: 3 }), input('隐患位置（现场地点）', 'location'), gps(draft, save),
    input('整改期限', 'deadline', { type: 'date' }),
    el('div', { class: 'form-check mb-1' }, major, el('label', { class: 'form-check-label small', htmlFor: 'free-major', text: '重大事故隐患' })),
    el('div', { class: 'form-check mb-2' }, nonWorking, el('label', { class: 'form-check-label small', htmlFor: 'free-nonworking', text: '整改期限落在休息日，已确认' })),
    el('label', { class: 'small d-block', text: '现场照片（在手机上压缩并计算哈希）' }, photoInput), photos,
    el('h3', { class: 'h6 mt-3', text: '责令限期整改指令书签名' }));

  const signer = (label, id, initial, onPng, specimen) => {
    const canvas = el('canvas', { class: 'signature-pad border d-block', width: 300, height: 120, 'data-user': id });
    const signature = pad(canvas, initial, onPng);
    const clear = el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', text: '重签' });
    clear.addEventListener('click', () => signature.clear());
    const row = el('div', { class: 'd-flex gap-2 mt-1' }, clear);
    if (specimen) {
      const mine = el('button', { type: 'button', class: 'btn btn-sm btn-outline-primary use-specimen', text: '使用我登记的签名' });
      mine.addEventListener('click', () => signature.show(specimen));
      row.append(mine);
    }
    return el('div', { class: 'mb-3 signature-field' }, el('div', { class: 'small', text: label }), canvas, row);
  };
  const sign = (userId) => (png) => { if (png) draft.signatures[userId] = png; else delete draft.signatures[userId]; save(); };
  const second = el('select', { class: 'form-select', id: 'free-second-officer' }, el('option', { value: '', text: '请选择另一名执法人员' }),
    dayColleagues().map((m) => el('option', { value: String(m.userId), text: m.name, selected: String(draft.secondOfficerId) === String(m.userId) })));
  second.addEventListener('change', () => { draft.secondOfficerId = second.value; save(); });
  const rep = draft.representative;
  const refused = el('input', { type: 'checkbox', class: 'form-check-input', id: 'free-rep-refused', checked: rep.refused });
  const witness = el('input', { class: 'form-control form-control-sm', id: 'free-rep-witness', value: rep.witness || '', placeholder: '见证人姓名' });
  refused.addEventListener('change', () => { rep.refused = refused.checked; save(); });
  witness.addEventListener('input', () => { rep.witness = witness.value; save(); });
  section.append(signer('执法人员：' + day.officerName, day.officerId, draft.signatures[day.officerId], sign(day.officerId), day.signatureSpecimen),
    el('div', { class: 'mb-1' }, el('label', { class: 'form-label small mb-0', htmlFor: 'free-second-officer', text: '另一名执法人员' }), second),
    signer('另一名执法人员签名', 'second', draft.signatures.second, sign('second')),
    input('被检查单位负责人', 'representativeName'),
    signer('被检查单位负责人签名', 'representative', rep.png, (png) => { rep.png = png; save(); }),
    el('div', { class: 'form-check' }, refused, el('label', { class: 'form-check-label small', htmlFor: 'free-rep-refused', text: '负责人拒绝签字（须有见证人）' })),
    witness);

  const error = el('div', { class: 'alert alert-danger d-none mt-2', id: 'free-error', role: 'alert' });
  const finish = el('button', { type: 'button', class: 'btn btn-primary w-100 mt-2', id: 'free-finish', text: '完成，放入同步队列' });
  const back = el('button', { type: 'button', class: 'btn btn-outline-secondary w-100 mt-2', text: '返回任务列表（已保存）' });
  back.addEventListener('click', () => closeRecord());
  finish.addEventListener('click', async () => {
    const problem = checkFree(draft);
    if (problem) {
      error.textContent = problem;
      error.classList.remove('d-none');
      error.scrollIntoView({ block: 'center' });
      return;
    }
    const chosen = dayFirms().find((f) => String(f.id) === String(draft.firmId));
    await store.addItem({ kind: 'hazard', key: store.uuid(), firmName: chosen ? chosen.name : draft.firmName.trim(),
      createdAt: new Date().toISOString(), status: 'waiting', registration: freeRegistration(draft, chosen),
      photos: draft.photos.map((p) => ({ key: p.key, blob: p.blob, sha256: p.sha256, name: p.name, capturedAt: p.capturedAt })) });
    await store.deleteDraft(FREE);
    await closeRecord();
    if (navigator.onLine) runSync();
  });
  section.append(error, finish, back);
  window.scrollTo(0, 0);
}

function checkFree(draft) {
  if (!draft.firmId) return '请选择企业，或选“其他企业”后填写名称和统一社会信用代码。';
  if (draft.firmId === 'other') {
    if (!draft.firmName.trim()) return '请填写企业名称。';
    const problem = usccProblem(draft.uscc.trim().toUpperCase());
    if (problem) return '统一社会信用代码有误：' + problem + '。';
  }
  if (!draft.description.trim()) return '请填写隐患描述。';
  if (!draft.location.trim() && draft.latitude == null) return '请填写隐患位置，或记录当前位置。';
  if (!draft.deadline) return '请填写整改期限。';
  if (!draft.signatures[day.officerId]) return day.officerName + '尚未签名。';
  if (!draft.secondOfficerId) return '请选择另一名执法人员。';
  if (!draft.signatures.second) return '另一名执法人员尚未签名。';
  if (!draft.representativeName.trim()) return '请填写被检查单位负责人。';
  const rep = draft.representative;
  if (rep.refused ? !rep.witness : !rep.png) return '被检查单位负责人尚未签名（或勾选拒绝签字并填写见证人）。';
  return null;
}

/** The hazards API's registration (POST /api/v1/hazards); the photos' evidence ids are added when they are sent. */
function freeRegistration(draft, chosen) {
  const rep = draft.representative;
  return {
    enterpriseId: chosen ? chosen.id : 0, enterpriseUscc: chosen ? null : draft.uscc.trim().toUpperCase(),
    findings: [{ level: draft.major ? 'MAJOR' : 'GENERAL', description: draft.description.trim(), location: draft.location.trim() || null,
      deadline: draft.deadline, confirmNonWorkingDeadline: draft.confirmNonWorkingDeadline,
      latitude: draft.latitude ?? null, longitude: draft.longitude ?? null, evidenceIds: [] }],
    officerSignatures: [{ userId: day.officerId, png: draft.signatures[day.officerId] },
      { userId: Number(draft.secondOfficerId), png: draft.signatures.second }],
    representative: { name: draft.representativeName.trim(), png: rep.refused ? null : rep.png, refused: rep.refused,
      witness: rep.refused ? rep.witness : null },
  };
}

/**
 * 现场位置 (GPS): taken with navigator.geolocation when the officer allows it (at once if already allowed, else on the
 * button), kept in the draft and sent with it; without a fix the record goes without coordinates.
 */
function gps(draft, save) {
  const status = el('span', { class: 'small text-secondary gps-status' });
  const show = () => {
    status.textContent = draft.latitude != null
      ? '已记录位置：北纬 ' + draft.latitude.toFixed(6) + '，东经 ' + draft.longitude.toFixed(6) + (draft.accuracy ? '（精度约 ' + Math.round(draft.accuracy) + ' 米）' : '')
      : '尚未记录位置。';
  };
  const locate = () => {
    if (!navigator.geolocation) { status.textContent = '本机不支持定位。'; return; }
    status.textContent = '正在定位…';
    navigator.geolocation.getCurrentPosition((p) => {
      draft.latitude = Math.round(p.coords.latitude * 1e6) / 1e6;
      draft.longitude = Math.round(p.coords.longitude * 1e6) / 1e6;
      draft.accuracy = p.coords.accuracy;
      save();
      show();
    }, (e) => { status.textContent = e.code === 1 ? '未获准定位：可在浏览器设置中允许后重试。' : '暂时无法定位，请稍后重试。'; },
    { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
  };
  const button = el('button', { type: 'button', class: 'btn btn-sm btn-outline-primary gps-locate', text: '记录当前位置' });
  button.addEventListener('click', locate);
  show();
  if (draft.latitude == null && navigator.permissions) {
    navigator.permissions.query({ name: 'geolocation' }).then((p) => { if (p.state === 'granted') locate(); }).catch(() => {});
  }
  return el('div', { class: 'mb-2 d-flex flex-wrap gap-2 align-items-center' }, button, status);
}

function check(task, draft) {
  for (const item of task.checklist.items) {
    const a = draft.answers[item.code];
    if (!a || !a.result) return '检查项“' + item.code + '”尚未填写结果（符合 / 不符合 / 不涉及）。';
    if (a.result === 'FAILS' && !a.rectifyBy && !a.immediateMeasure) return '不符合项“' + item.code + '”须填写整改期限或现场处理措施。';
  }
  for (const member of task.team) {
    if (!draft.signatures[member.userId]) return '检查人员' + member.name + '尚未签名。';
  }
  if (task.onSite) {
    if (!draft.representativeName) return '请填写现场负责人。';
    if (draft.representative.refused ? !draft.representative.witness : !draft.representative.png) {
      return '现场负责人尚未签名（或勾选拒绝签字并填写见证人）。';
    }
  }
  return null;
}

function submission(task, draft) {
  const rep = draft.representative;
  return {
    taskId: task.id, startedAt: draft.startedAt, endedAt: new Date().toISOString(), place: draft.place || null,
    latitude: draft.latitude ?? null, longitude: draft.longitude ?? null, representativeName: draft.representativeName || null,
    representativeTitle: draft.representativeTitle || null, representativePhone: draft.representativePhone || null,
    findings: draft.findings || null,
    items: task.checklist.items.map((item) => {
      const a = draft.answers[item.code];
      const failed = a.result === 'FAILS';
      return { code: item.code, result: a.result, note: a.note || null, location: failed ? a.location || null : null,
        rectifyBy: failed ? a.rectifyBy || null : null, immediateMeasure: failed ? a.immediateMeasure || null : null };
    }),
    officerSignatures: task.team.map((m) => ({ userId: m.userId, png: draft.signatures[m.userId] })),
    representative: task.onSite || rep.png || rep.refused
      ? { name: draft.representativeName, png: rep.refused ? null : rep.png, refused: rep.refused, witness: rep.refused ? rep.witness : null }
      : null,
    confirmNonWorkingDeadline: draft.confirmNonWorkingDeadline,
  };
}

async function closeRecord() {
  document.getElementById('record').classList.add('d-none');
  document.getElementById('record').replaceChildren();
  document.getElementById('tasks').classList.remove('d-none');
  await showTasks();
  await showOutbox();
}

/** The refused record as text: what the officer copies into a correction of the record submitted first. */
function readable(item) {
  if (item.kind === 'hazard') {
    const r = item.registration;
    const f = r.findings[0];
    return ['企业：' + item.firmName + (r.enterpriseUscc ? '（统一社会信用代码 ' + r.enterpriseUscc + '）' : ''),
      '隐患：' + f.description + (f.level === 'MAJOR' ? '（重大事故隐患）' : ''), '位置：' + (f.location || '')
        + (f.latitude != null ? '（北纬 ' + f.latitude + '，东经 ' + f.longitude + '）' : ''),
      '整改期限：' + f.deadline, '负责人：' + r.representative.name + (r.representative.refused ? '（拒签，见证人 ' + r.representative.witness + '）' : ''),
      '照片：' + item.photos.length + ' 张（SHA-256 ' + item.photos.map((p) => p.sha256.slice(0, 12)).join('、') + '）'].join('\n');
  }
  const s = item.submission;
  const lines = ['企业：' + item.firmName, '检查场所：' + (s.place || ''), '现场负责人：' + (s.representativeName || ''),
    '检查情况：' + (s.findings || '')];
  for (const i of s.items) {
    const label = (RESULTS.find(([v]) => v === i.result) || ['', i.result])[1];
    let line = i.code + ' ' + label;
    if (i.result === 'FAILS') line += '；位置：' + (i.location || '') + '；整改期限：' + (i.rectifyBy || '') + (i.note ? '；' + i.note : '');
    lines.push(line);
  }
  lines.push('照片：' + item.photos.length + ' 张（SHA-256 ' + item.photos.map((p) => p.sha256.slice(0, 12)).join('、') + '）');
  return lines.join('\n');
}

async function showOutbox() {
  const list = document.getElementById('outbox');
  const items = await store.outbox();
  list.replaceChildren();
  if (items.length === 0) list.append(el('p', { class: 'small text-secondary', id: 'outbox-empty', text: '同步队列为空。' }));
  for (const item of items) {
    const cls = { waiting: 'text-bg-warning', sending: 'text-bg-info', sent: 'text-bg-success', refused: 'text-bg-danger' }[item.status];
    const body = el('div', { class: 'card-body p-2' },
      el('div', { class: 'd-flex justify-content-between gap-2' }, el('span', { class: 'small fw-semibold', text: item.firmName }),
        el('span', { class: 'badge outbox-status ' + cls, text: STATUS[item.status] })),
      el('div', { class: 'small text-secondary', text: (item.kind === 'hazard' ? '任务外隐患' : '现场检查记录') + ' · 完成于 '
        + when(item.createdAt) + ' · 照片 ' + item.photos.length + ' 张' }));
    if (item.status === 'refused') {
      const content = el('textarea', { class: 'form-control refused-content mt-1', rows: 6, readOnly: true, value: readable(item) });
      const copy = el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary mt-1 copy-content', text: '复制内容' });
      copy.addEventListener('click', async () => {
        content.select();
        try { await navigator.clipboard.writeText(content.value); } catch (e) { document.execCommand('copy'); }
        copy.textContent = '已复制';
      });
      body.append(el('div', { class: 'small text-danger mt-1 refusal-reason', text: '服务器拒绝：' + item.reason }),
        el('div', { class: 'small', text: item.kind === 'hazard' ? '内容未丢失，可复制后核对企业信息再在网页上登记：'
          : '内容未丢失，可复制后在网页上更正已提交的记录：' }), content, copy);
    }
    if (item.status === 'sent' && item.kind === 'hazard') {
      body.append(el('div', { class: 'small mt-1 hazard-registered', text: '已登记隐患，责令限期整改指令书已出具。' }));
    } else if (item.status === 'sent') {
      const docs = item.documents || [];
      body.append(el('div', { class: 'small mt-1', text: docs.length ? '已出具文书（可出示给被检查单位）：' : '已提交，文书生成中，稍后可在该现场检查记录页查看。' }),
        el('ul', { class: 'small mb-0 issued-documents' }, docs.map((d) =>
          el('li', {}, el('a', { href: '/documents/' + d.id, text: d.title + ' ' + d.number })))));
    }
    list.append(el('div', { class: 'card mb-2 outbox-item', 'data-status': item.status }, body));
  }
  await refreshCount();
}

async function runSync() {
  if (syncing) return;
  syncing = true;
  const progress = document.getElementById('sync-progress');
  progress.textContent = '正在同步…';
  try {
    const result = await store.sync(async (done, total) => {
      progress.textContent = '已处理 ' + done + ' / ' + total;
      await showOutbox();
    });
    progress.textContent = result.stopped || (result.sent === 0 ? ''
      : result.refused > 0 ? '同步完成，' + result.refused + ' 项被拒绝（原因见同步队列）' : '同步完成');
    reachable = !result.unreachable;
    online();
  } finally {
    syncing = false;
    await showOutbox();
    await showTasks();
  }
}

async function start() {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
  day = await store.bundle();
  online();
  window.addEventListener('online', () => { online(); runSync(); });
  window.addEventListener('offline', online);
  document.getElementById('sync-now').addEventListener('click', runSync);
  await showTasks();
  await showOutbox();
  document.body.dataset.ready = 'true';
  if (await probe()) runSync();
  // what waits is tried again every 10 s and when the phone comes back to the app, whatever navigator.onLine says
  // (its 'online' event does not come on every phone)
  const retry = async () => { if ((await store.waitingCount()) > 0 && await probe()) runSync(); };
  setInterval(retry, 10000);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') retry(); });
}

start();
