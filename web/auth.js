// Tokens on the page (docs/SECURITY.md): a server with a read token answers 401 to a search, one
// with a write token answers 401 or 403 to a change. The page then asks for the token in a dialog
// of its own, keeps it in sessionStorage only (gone when the browser session ends; never in
// localStorage, a cookie or the URL, so no other site's request carries it), and sends it as
// "Authorization: Bearer" from then on.
import { el } from './dom.js';

const KEY = 'rasd-token';
const TEXT = {
  ar: {
    read: 'يحتاج هذا الخادم إلى رمز وصول للقراءة.',
    write: 'يحتاج هذا الإجراء إلى رمز الكتابة.',
    wrong: 'الرمز غير صحيح، أعد المحاولة.',
    label: 'رمز الوصول',
    ok: 'متابعة',
    cancel: 'إلغاء',
  },
  en: {
    read: 'This server needs an access token to read.',
    write: 'This action needs the write token.',
    wrong: 'That token was not accepted; try again.',
    label: 'Access token',
    ok: 'Continue',
    cancel: 'Cancel',
  },
};
const text = () => TEXT[document.documentElement.lang === 'en' ? 'en' : 'ar'];

export function storedToken() {
  try {
    return sessionStorage.getItem(KEY) || '';
  } catch {
    return '';
  }
}

function keep(token) {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage refused (private mode): the token lasts as long as this page
  }
}

let pending = null;  // one dialog at a time: concurrent requests wait for the same answer

/** Asks for a token; resolves to it, or to '' when the user cancels. */
function ask(why) {
  if (pending) return pending;
  pending = new Promise((resolve) => {
    const t = text();
    const input = el('input', { type: 'password', id: 'token-input', autocomplete: 'off', dir: 'ltr', required: true,
                                'aria-label': t.label });
    const dialog = el('dialog', { id: 'token-dialog', class: 'token-dialog', 'aria-labelledby': 'token-why' },
      el('form', { method: 'dialog' },
         el('p', { id: 'token-why' }, why),
         el('label', {}, t.label, ' ', input),
         el('div', { class: 'token-actions' },
            el('button', { type: 'submit', id: 'token-ok', value: 'ok' }, t.ok), ' ',
            el('button', { type: 'button', class: 'link', id: 'token-cancel', onclick: () => dialog.close('') }, t.cancel))));
    dialog.addEventListener('close', () => {
      const token = dialog.returnValue === 'ok' ? input.value.trim() : '';
      dialog.remove();
      pending = null;
      resolve(token);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
  return pending;
}

/**
 * fetch() with the session's token; on 401 (or 403 for a change made with the read token) asks
 * for a token and tries again, until the server accepts one or the user cancels.
 */
export async function authorizedFetch(url, init = {}) {
  const change = init.method && init.method !== 'GET';
  let token = storedToken();
  for (let tries = 0; tries < 4; tries += 1) {
    const headers = { ...(init.headers || {}) };
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(url, { ...init, headers, credentials: 'omit' });
    const refused = res.status === 401 || (res.status === 403 && change && token);
    if (!refused) {
      if (token && token !== storedToken()) keep(token);
      return res;
    }
    const t = text();
    const why = tries > 0 ? t.wrong : change ? t.write : t.read;
    const next = await ask(why);
    if (!next) return res;  // cancelled: the caller shows the server's sentence
    token = next;
  }
  return fetch(url, init);
}
