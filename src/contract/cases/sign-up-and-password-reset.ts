import { messageIs, type OperationCases, type Requirement } from './define.js';
import type { CaseContext } from '../types.js';

// Open routes: sign-up, the invitee's side of an invitation, password reset. A live run never
// completes a sign-up, never resets a password and never makes Grafana send an email: it uses
// the run's own invitation and users, addresses under example.invalid, and the error paths. What
// these routes answer depends on server settings, which the fixtures find out (fixtures.server)
// the way they find out whether quotas are on.

const signUpOn: Requirement = ({ fixtures }) => (fixtures.server.signUpAllowed ? undefined : 'sign-up is off on this server (`[users] allow_sign_up = false`, the default)');
const signUpOff: Requirement = ({ fixtures }) => (fixtures.server.signUpAllowed ? 'sign-up is allowed on this server (`[users] allow_sign_up = true`)' : undefined);
const both = (...requirements: Requirement[]): Requirement => (ctx) => requirements.map((r) => r(ctx)).find(Boolean);
const verifyOn: Requirement = ({ fixtures }) => (fixtures.server.verifyEmail ? undefined : 'email verification is off on this server (`[user] verify_email_enabled = false`, the default)');
const verifyOff: Requirement = ({ fixtures }) => (fixtures.server.verifyEmail ? 'email verification is on on this server (`[user] verify_email_enabled = true`)' : undefined);
const resetOn: Requirement = ({ fixtures }) => (fixtures.server.passwordResetAllowed ? undefined : 'password reset is not allowed on this server (login form disabled, or LDAP or the auth proxy on)');
const resetOff: Requirement = ({ fixtures }) => (fixtures.server.passwordResetAllowed ? 'password reset is allowed on this server (the login form is on)' : undefined);
const hasInviteToAccept: Requirement = ({ fixtures }) => (fixtures.inviteToAccept.code ? undefined : 'the server made no invitation for the run to accept (login form disabled?)');

// The mock describes every setting switched on (static fixtures); the switched-off answers are
// replayed there by the documented-response cases.
const SETTING_OFF = ['url', 'local'] as const;
const SETTING_OFF_REASON = 'the answer of a server with this setting off; the mock describes it on';
const SPEC_REJECTS = ['url', 'local'] as const;
const SPEC_REJECTS_REASON = 'a body the spec rejects: the mock refuses it by the spec, a real server answers';
const NO_REAL_SIGN_UP = 'a real server would start or complete a sign-up (and email the address): a live run never does';
const NO_REAL_RESET = 'needs the code from a password reset email: a live run never resets a password';

/** A sign-up's second step for the run's plain user, who exists: the server creates nothing. */
const existingUserSignUp = ({ fixtures }: CaseContext) => ({ body: { email: fixtures.user.email, username: fixtures.user.login, name: 'Contract sign-up', password: 'not-used-Passw0rd', code: `${fixtures.unknown.uid}-code` } });

/** Accepting the run's own second invitation, as the login the clean-up deletes. */
const acceptInvite = ({ fixtures }: CaseContext) => ({
  body: { inviteCode: fixtures.inviteToAccept.code, email: fixtures.inviteToAccept.email, name: 'Contract invitee', username: fixtures.inviteToAccept.login, password: fixtures.user.password, confirmPassword: fixtures.user.password },
});

/** A reset request for a login nobody has: 200 `Email sent`, and no email goes out. */
const unknownLogin = ({ fixtures }: CaseContext) => ({ userOrEmail: `${fixtures.unknown.uid}@example.invalid` });

export const signUpAndPasswordResetCases: OperationCases[] = [
  {
    operationId: 'getSignUpOptions',
    ok: { as: 'none', status: 200, example: 'defaults' },
    errors: [{ what: 'with credentials (ignored)', as: 'user', status: 200, example: 'defaults' }],
  },
  {
    operationId: 'signUp',
    ok: { as: 'none', request: () => ({ body: { email: 'new.user@example.com' } }), status: 200, example: 'signUpCreated', targets: ['mock'], targetsReason: NO_REAL_SIGN_UP },
    exampleOverrides: { mockOnly: NO_REAL_SIGN_UP },
    errors: [
      { what: 'address of an existing user (422, nothing saved)', as: 'none', request: ({ fixtures }) => ({ body: { email: fixtures.user.email } }), status: 422, example: 'emailTaken', checks: [messageIs('User with same email address already exists')], requires: signUpOn },
      { what: 'sign-up switched off (the default: 401)', as: 'none', request: ({ fixtures }) => ({ body: { email: fixtures.user.email } }), status: 401, example: 'signUpDisabled', checks: [messageIs('User signup is disabled')], requires: signUpOff, targets: [...SETTING_OFF], targetsReason: SETTING_OFF_REASON },
      { what: 'no email (bad body)', as: 'none', request: () => ({ body: {} }), status: 400, example: 'badRequestData', targets: [...SPEC_REJECTS], targetsReason: SPEC_REJECTS_REASON },
    ],
  },
  {
    operationId: 'completeSignUp',
    ok: { as: 'none', request: existingUserSignUp, status: 200, example: 'completed', targets: ['mock'], targetsReason: NO_REAL_SIGN_UP },
    exampleOverrides: { mockOnly: NO_REAL_SIGN_UP },
    errors: [
      { what: 'sign-up switched off (the default: 401)', as: 'none', request: existingUserSignUp, status: 401, example: 'signUpDisabled', checks: [messageIs('User signup is disabled')], requires: signUpOff, targets: [...SETTING_OFF], targetsReason: SETTING_OFF_REASON },
      { what: 'login and address of an existing user (server quirk: 401)', as: 'none', request: existingUserSignUp, status: 401, example: 'userExists', checks: [messageIs('User with same email address already exists')], requires: both(signUpOn, verifyOff) },
      { what: 'unknown email verification code', as: 'none', request: existingUserSignUp, status: 404, example: 'invalidCode', checks: [messageIs('Invalid email verification code')], requires: both(signUpOn, verifyOn), targets: [...SETTING_OFF], targetsReason: SETTING_OFF_REASON },
      { what: 'malformed body', as: 'none', request: () => ({ body: '{"email":' }), status: 400, example: 'badRequestData', targets: [...SPEC_REJECTS], targetsReason: SPEC_REJECTS_REASON },
    ],
  },
  {
    operationId: 'getInviteInfoByCode',
    // No example: 8.x and 9.x leave `orgName` out (the schema allows both).
    ok: {
      as: 'none', request: ({ fixtures }) => ({ path: { code: fixtures.inviteToAccept.code } }), status: 200, requires: hasInviteToAccept,
      checks: [(body, { fixtures }) => ((body as { email?: string }).email === fixtures.inviteToAccept.email ? undefined : 'expected the run\'s invitation')],
    },
    errors: [{ what: 'unknown code', as: 'none', request: () => ({ path: { code: 'no-invite-has-this-code-0000' } }), status: 404, example: 'inviteNotFound', checks: [messageIs('Invite not found')] }],
  },
  {
    operationId: 'completeInvite',
    // The run's own invitation to its own org; the user it creates is deleted by the clean-up.
    ok: { as: 'none', request: acceptInvite, status: 200, example: 'completed', checks: [messageIs('User created and logged in')], requires: hasInviteToAccept },
    exampleOverrides: { mockOnly: 'on a real server the success case already used the run\'s invitation (412)' },
    errors: [
      { what: 'invitation already accepted (412)', as: 'none', request: acceptInvite, status: 412, example: 'alreadyUsed', checks: [messageIs('Invite cannot be used in status Completed')], requires: hasInviteToAccept },
      { what: 'unknown code', as: 'none', request: ({ fixtures }) => ({ body: { inviteCode: 'no-invite-has-this-code-0000', email: `${fixtures.unknown.uid}@example.invalid`, username: `${fixtures.unknown.uid}-login` } }), status: 404, example: 'inviteNotFound', checks: [messageIs('Invite not found')] },
      { what: 'no email (bad body)', as: 'none', request: () => ({ body: {} }), status: 400, example: 'badRequestData', targets: [...SPEC_REJECTS], targetsReason: SPEC_REJECTS_REASON },
    ],
  },
  {
    operationId: 'sendResetPasswordEmail',
    // No example: older versions add `traceID` to this 200 (the schema allows both).
    ok: { as: 'none', request: (ctx) => ({ body: unknownLogin(ctx) }), status: 200, checks: [messageIs('Email sent')], requires: resetOn },
    exampleOverrides: unknownLogin,
    errors: [
      { what: 'password reset not allowed (login form disabled)', as: 'none', request: (ctx) => ({ body: unknownLogin(ctx) }), status: 401, requires: resetOff, targets: [...SETTING_OFF], targetsReason: SETTING_OFF_REASON },
      { what: 'no userOrEmail (bad body)', as: 'none', request: () => ({ body: {} }), status: 400, example: 'badRequestData', requires: resetOn, targets: [...SPEC_REJECTS], targetsReason: SPEC_REJECTS_REASON },
    ],
  },
  {
    operationId: 'resetPassword',
    ok: { as: 'none', request: () => ({ body: { code: 'a-code-from-the-email', newPassword: 'n3w-Passw0rd', confirmPassword: 'n3w-Passw0rd' } }), status: 200, example: 'passwordChanged', targets: ['mock'], targetsReason: NO_REAL_RESET },
    exampleOverrides: { mockOnly: NO_REAL_RESET },
    errors: [
      { what: 'unknown code', as: 'none', request: ({ fixtures }) => ({ body: { code: `${fixtures.unknown.uid}-code`, newPassword: 'n3w-Passw0rd', confirmPassword: 'n3w-Passw0rd' } }), status: 400, example: 'invalidCode', checks: [messageIs('Invalid or expired reset password code')], requires: resetOn },
    ],
  },
];
