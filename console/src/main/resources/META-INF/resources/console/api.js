// The console's one way to the platform: the public API through the gateway, same origin, with the
// platform's bearer token. No cookie is sent (credentials: 'omit'), so no other site can make the
// browser act in the signed-in person's name: there is no ambient credential to forge a request with.
import { currentLanguage } from './i18n.js';

const TOKEN_KEY = 'grassroots.console.token';

/**
 * Every request a screen makes, by name: method and path template. The browser tests read this
 * table and check each entry against a role the API refuses it to (ConsoleActionsRefusedTest), so
 * a screen cannot take an action that is not listed here. `open` marks those any signed-in person
 * may take (the API decides what they see).
 */
export const ACTIONS = Object.freeze({
  stationsIRun: { method: 'GET', path: '/api/v1/stations', open: true },
  station: { method: 'GET', path: '/api/v1/stations/{stationId}', open: true },
  rooms: { method: 'GET', path: '/api/v1/stations/{stationId}/rooms', open: true },
  bookingsOfWeek: { method: 'GET', path: '/api/v1/stations/{stationId}/bookings', open: true },
  pendingApprovals: { method: 'GET', path: '/api/v1/stations/{stationId}/bookings/pending' },
  booking: { method: 'GET', path: '/api/v1/stations/{stationId}/bookings/{bookingId}' },
  approveBooking: { method: 'POST', path: '/api/v1/stations/{stationId}/bookings/{bookingId}/approve' },
  rejectBooking: { method: 'POST', path: '/api/v1/stations/{stationId}/bookings/{bookingId}/reject' },
  checkInBooking: { method: 'POST', path: '/api/v1/stations/{stationId}/bookings/{bookingId}/check-in' },
  bookWalkIn: { method: 'POST', path: '/api/v1/stations/{stationId}/rooms/{roomId}/bookings' },
  addClosure: { method: 'POST', path: '/api/v1/stations/{stationId}/closures' },
  mediations: { method: 'GET', path: '/api/v1/stations/{stationId}/mediations' },
  usage: { method: 'GET', path: '/api/v1/stations/{stationId}/usage' },

  districtSizeReport: { method: 'GET', path: '/api/v1/orgs/districts/{code}/size-report' },
  organization: { method: 'GET', path: '/api/v1/orgs/organizations/{id}', open: true },
  subtreeSizes: { method: 'GET', path: '/api/v1/orgs/organizations/{id}/size-report' },
  descendants: { method: 'GET', path: '/api/v1/orgs/organizations/{id}/descendants' },
  members: { method: 'GET', path: '/api/v1/orgs/members' },
  affiliations: { method: 'GET', path: '/api/v1/orgs/branches/{id}/affiliations' },
  incomingTransfers: { method: 'GET', path: '/api/v1/orgs/transfers/incoming' },
  acceptTransfer: { method: 'POST', path: '/api/v1/orgs/transfers/{id}/accept' },
  rejectTransfer: { method: 'POST', path: '/api/v1/orgs/transfers/{id}/reject' },
  completeTransfer: { method: 'POST', path: '/api/v1/orgs/transfers/{id}/complete' },

  sessions: { method: 'GET', path: '/api/v1/training/sessions', open: true },
  session: { method: 'GET', path: '/api/v1/training/sessions/{id}', open: true },
  enrolments: { method: 'GET', path: '/api/v1/training/sessions/{id}/enrolments' },
  checkInCode: { method: 'GET', path: '/api/v1/training/sessions/{id}/check-in-code' },
  trainingOrganizations: { method: 'GET', path: '/api/v1/training/organizations', open: true },
  completionReport: { method: 'GET', path: '/api/v1/training/completion-reports/{organizationId}' },

  conferences: { method: 'GET', path: '/api/v1/orgs/conferences', open: true },
  units: { method: 'GET', path: '/api/v1/orgs/conferences/{id}/units', open: true },
  chairTerms: { method: 'GET', path: '/api/v1/orgs/conferences/{id}/chair-terms', open: true },
  offers: { method: 'GET', path: '/api/v1/orgs/conferences/{id}/offers', open: true },
  needs: { method: 'GET', path: '/api/v1/orgs/conferences/{id}/needs', open: true },
  proposals: { method: 'GET', path: '/api/v1/orgs/conferences/{id}/matches', open: true },
  projects: { method: 'GET', path: '/api/v1/orgs/conferences/{id}/projects', open: true },
  proposeProject: { method: 'POST', path: '/api/v1/orgs/conferences/{id}/projects' },
  activateProject: { method: 'POST', path: '/api/v1/orgs/conferences/{id}/projects/{projectId}/activate' },
  closeProject: { method: 'POST', path: '/api/v1/orgs/conferences/{id}/projects/{projectId}/close' },
});

/** A refusal or failure the API answered with (problem+json), or the network failing. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
    const type = this.problem.type || '';
    this.slug = type.startsWith('urn:grassroots:problem:') ? type.slice('urn:grassroots:problem:'.length) : '';
  }
}

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  signIn(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
  /**
   * The token's claims, read (not verified) to label the screen and choose the landing page. The
   * gateway verifies the token and each service decides; nothing here grants anything.
   */
  claims() {
    const token = this.token;
    if (!token) return null;
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
      const claims = JSON.parse(json);
      if (claims.exp && claims.exp * 1000 < Date.now()) return null;
      return claims;
    } catch (e) {
      return null;
    }
  },
  roles() {
    const claims = this.claims();
    return claims && Array.isArray(claims.groups) ? claims.groups : [];
  },
};

let onUnauthenticated = () => {};
export function whenSignedOut(handler) {
  onUnauthenticated = handler;
}

/** The path of action {@code name} with its {placeholders} filled in, each encoded as one segment. */
export function pathOf(name, params = {}) {
  const action = ACTIONS[name];
  if (!action) throw new Error('unknown action ' + name);
  return action.path.replace(/\{(\w+)\}/g, (_, key) => {
    if (params[key] == null) throw new Error('missing ' + key + ' for ' + name);
    return encodeURIComponent(params[key]);
  });
}

/** Takes action {@code name}: {@code params} fill the path, {@code query} the query, {@code body} is sent as JSON. */
export async function act(name, { params = {}, query, body, headers = {} } = {}) {
  const action = ACTIONS[name];
  let url = pathOf(name, params);
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v != null && v !== '') q.set(k, v);
    const text = q.toString();
    if (text) url += '?' + text;
  }
  const init = {
    method: action.method,
    credentials: 'omit',
    cache: 'no-store',
    headers: { Accept: 'application/json', 'Accept-Language': currentLanguage(), ...headers },
  };
  if (session.token) init.headers.Authorization = 'Bearer ' + session.token;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { title: 'network', detail: String(e) });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = { detail: text.slice(0, 200) };
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401) onUnauthenticated(error);
    throw error;
  }
  return data;
}

/** All pages of a cursor-paged list ({items, nextCursor}), up to {@code max} items. */
export async function all(name, { params, query = {}, max = 2000 } = {}) {
  const items = [];
  let cursor;
  do {
    const page = await act(name, { params, query: { ...query, limit: query.limit || 500, cursor } });
    items.push(...(page.items || []));
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
}
