/** The operations the project's first issue asks the spec to cover (method, path template). */
export const REQUIRED_OPERATIONS: ReadonlyArray<readonly [string, string]> = [
  // users (server admin)
  ['GET', '/api/users'],
  ['GET', '/api/users/search'],
  ['GET', '/api/users/{id}'],
  ['GET', '/api/users/lookup'],
  ['PUT', '/api/users/{id}'],
  ['GET', '/api/users/{id}/orgs'],
  ['GET', '/api/users/{id}/teams'],
  ['POST', '/api/users/{userId}/using/{orgId}'],
  // signed-in user
  ['GET', '/api/user'],
  ['PUT', '/api/user/password'],
  ['POST', '/api/user/using/{orgId}'],
  ['GET', '/api/user/orgs'],
  ['GET', '/api/user/teams'],
  ['POST', '/api/user/stars/dashboard/{dashboardId}'],
  ['DELETE', '/api/user/stars/dashboard/{dashboardId}'],
  ['GET', '/api/user/auth-tokens'],
  ['POST', '/api/user/revoke-auth-token'],
  // current org
  ['GET', '/api/org'],
  ['PUT', '/api/org'],
  ['GET', '/api/org/users'],
  ['POST', '/api/org/users'],
  ['GET', '/api/org/users/lookup'],
  ['PATCH', '/api/org/users/{userId}'],
  ['DELETE', '/api/org/users/{userId}'],
  // set-up and tear-down on a real server
  ['PUT', '/api/user'],
  ['GET', '/api/user/stars'],
  ['POST', '/api/user/stars/dashboard/uid/{dashboardUid}'],
  ['DELETE', '/api/user/stars/dashboard/uid/{dashboardUid}'],
  ['POST', '/api/admin/users'],
  ['DELETE', '/api/admin/users/{id}'],
  ['PUT', '/api/admin/users/{id}/password'],
  ['PUT', '/api/admin/users/{id}/permissions'],
  ['POST', '/api/orgs'],
  ['GET', '/api/orgs/{orgId}'],
  ['DELETE', '/api/orgs/{orgId}'],
  ['POST', '/api/orgs/{orgId}/users'],
  ['POST', '/api/teams'],
  ['DELETE', '/api/teams/{id}'],
  ['POST', '/api/teams/{id}/members'],
  ['POST', '/api/dashboards/db'],
  ['DELETE', '/api/dashboards/uid/{uid}'],
  ['POST', '/api/serviceaccounts'],
  ['POST', '/api/serviceaccounts/{id}/tokens'],
  ['DELETE', '/api/serviceaccounts/{id}'],
  ['GET', '/api/health'],
  // listing what a run could leave behind, for the before/after check
  ['GET', '/api/orgs'],
  ['GET', '/api/teams/search'],
  ['GET', '/api/serviceaccounts/search'],
];

/** Operations that act on "the current organization", so they take `X-Grafana-Org-Id`. */
export const ORG_SCOPED_PATH_PREFIXES = ['/api/org', '/api/user/teams', '/api/user/stars', '/api/user/preferences', '/api/preferences', '/api/teams', '/api/dashboards', '/api/serviceaccounts'];
