// Calls to the JSON API. Errors come back as RFC 9457 problem details; they become exceptions
// carrying the server's sentence. Tokens are asked for and sent by auth.js.
import { authorizedFetch } from './auth.js';

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

async function getJson(url) {
  const res = await authorizedFetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(body, res.status);
  return body;
}

export function search(params) {
  return getJson(`/api/search?${params}`);
}

export function documentById(id) {
  return getJson(`/api/documents/${encodeURIComponent(id)}`);
}

export function entities(type, prefix) {
  return getJson(`/api/entities?${new URLSearchParams({ type, prefix })}`);
}
