import type { FakeIdentities } from './stateful-fake-grafana.js';

// The callers of the role-enforcing FAKE Grafana (tests/support/stateful-fake-grafana.ts), and the
// command-line credentials of each kind of caller the tests run as.

export const IDENTITIES: FakeIdentities = {
  users: [
    { login: 'admin', password: 'admin-pw', serverAdmin: true, role: 'Admin' },
    { login: 'orgadmin', password: 'org-admin-pw', serverAdmin: false, role: 'Admin' },
    { login: 'alice', password: 'alice-pw', serverAdmin: false, role: 'Viewer' },
  ],
  serviceAccounts: [
    { name: 'ci', role: 'Admin', token: 'glsa_ci_admin_token_0001' },
    { name: 'dash', role: 'Viewer', token: 'glsa_dash_viewer_token_0002' },
  ],
};

export const CALLERS = {
  'org-Admin service account token': ['--token', 'glsa_ci_admin_token_0001'],
  'org-Viewer service account token': ['--token', 'glsa_dash_viewer_token_0002'],
  'org Admin with basic auth, not a server administrator': ['--user', 'orgadmin', '--password', 'org-admin-pw'],
  'server administrator with basic auth': ['--user', 'admin', '--password', 'admin-pw'],
} as const;
