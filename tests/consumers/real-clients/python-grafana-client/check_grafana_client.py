#!/usr/bin/env python3
"""Drives the real Python Grafana client (PyPI `grafana-client`) against the project's mock target.

Every method of the client that sends a request to an operation of our spec is called once with
realistic arguments (the IDs the spec's examples use). For each call the program checks that

* every HTTP request the method sent went to the operation's method and path (and, where the
  case says so, carried the query parameters the caller passed),
* the mock accepted it (2xx and no `sl-violations` header, that is no request-validation error),
* the client parsed the answer without an exception and returned a value of the expected shape,

and prints one JSON object per line:
``{"method": "users.update_user", "operationId": "updateUser", "ok": true, "detail": "..."}``.
It never stops at the first failure; the exit status is 0 whenever every call was attempted.

Usage: check_grafana_client.py [BASE_URL]   (or the GRAFANA_MOCK_URL environment variable)

Methods that page through results stop at an empty page. The mock answers every page with the
same example, so for the paged user and service account searches a pre-request hook asks the mock
(with Prism's `Prefer: example=noMatch`) for the documented empty page from page 2 on, which is
what a real Grafana holding one page of results answers. Only the mock is steered this way; the
client's requests are not changed otherwise.

Type-checks with `mypy --strict --allow-untyped-calls` (grafana-client's own methods are untyped).
"""

from __future__ import annotations

import json
import os
import re
import sys
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union
from urllib.parse import parse_qs, urlsplit

import niquests
from grafana_client.api import GrafanaApi
from grafana_client.client import GrafanaException
from grafana_client.model import PersonalPreferences

# An answer check returns None when the value has the expected shape, or what is wrong with it.
Check = Callable[[Any], Optional[str]]

# Paths whose pages after the first are answered with the documented empty page (see above).
PAGED_PATHS = {"/api/users", "/api/serviceaccounts/search"}
EMPTY_PAGE_EXAMPLE = "noMatch"
# A method that sends more requests than this is taken to be paging without end.
MAX_REQUESTS_PER_CALL = 10


@dataclass(frozen=True)
class Exchange:
    """One HTTP request the client sent, with what the mock answered."""

    method: str
    path: str
    query: str
    status: int
    violations: Optional[str]
    body: str


@dataclass(frozen=True)
class Case:
    """A client method call and the spec operation it should reach."""

    method: str
    operation_id: str
    http_method: str
    path_template: str
    run: Callable[[GrafanaApi], Any]
    check: Check
    # Query parameters the requests must carry, decoded, as the caller passed them.
    query: Optional[dict[str, str]] = None
    # The name of the response example the mock is asked for (Prism's `Prefer: example=...`)
    # instead of its first one, e.g. filled-in preferences rather than the empty object of a user
    # who has set none. Only the mock's choice of answer changes, not the client's request.
    example: Optional[str] = None


@dataclass
class Recorder:
    """Collects the exchanges of the call in progress through the session's hooks."""

    exchanges: list[Exchange] = field(default_factory=list)
    # The response example to ask the mock for during the call in progress (Case.example).
    example: Optional[str] = None

    def pre_request(self, request: niquests.PreparedRequest, **_: Any) -> niquests.PreparedRequest:
        parts = urlsplit(request.url or "")
        page = parse_qs(parts.query).get("page", ["1"])[0]
        if parts.path.rstrip("/") in PAGED_PATHS and page.isdigit() and int(page) >= 2 and request.headers is not None:
            request.headers["Prefer"] = f"example={EMPTY_PAGE_EXAMPLE}"
        elif self.example is not None and request.headers is not None:
            request.headers["Prefer"] = f"example={self.example}"
        return request

    def response(self, response: niquests.Response, **_: Any) -> niquests.Response:
        request = response.request
        url = urlsplit(request.url or "" if request is not None else "")
        self.exchanges.append(
            Exchange(
                method=(request.method or "").upper() if request is not None else "?",
                path=url.path,
                query=url.query,
                status=response.status_code or 0,
                violations=response.headers.get("sl-violations"),
                body=(response.text or "")[:300],
            )
        )
        if len(self.exchanges) > MAX_REQUESTS_PER_CALL:
            raise RuntimeError(f"the client sent more than {MAX_REQUESTS_PER_CALL} requests (paging without end?)")
        return response


# ---- answer checks ---------------------------------------------------------------------------


def is_dict(*keys: str) -> Check:
    def check(value: Any) -> Optional[str]:
        if not isinstance(value, dict):
            return f"expected an object, got {type(value).__name__}: {value!r:.120}"
        missing = [k for k in keys if k not in value]
        return f"the object lacks {missing}: {value!r:.160}" if missing else None

    return check


def message() -> Check:
    """A Grafana `{"message": "..."}` answer (possibly with more fields)."""

    def check(value: Any) -> Optional[str]:
        problem = is_dict("message")(value)
        if problem is None and not isinstance(value["message"], str):
            problem = f"message is not a string: {value!r:.120}"
        return problem

    return check


def is_list(*keys: str, non_empty: bool = True) -> Check:
    """A list of objects that each have these keys."""

    def check(value: Any) -> Optional[str]:
        if not isinstance(value, list):
            return f"expected a list, got {type(value).__name__}: {value!r:.120}"
        if non_empty and not value:
            return "expected a non-empty list (the mock's example has items)"
        for item in value:
            problem = is_dict(*keys)(item)
            if problem:
                return f"list item: {problem}"
        return None

    return check


# ---- the calls -------------------------------------------------------------------------------

USER_ID = 2
ORG_ID = 2
TEAM_ID = 1
LDAP_GROUP = "cn=editors,ou=groups,dc=grafana,dc=org"
DASHBOARD_ID = 1
DASHBOARD_UID = "cIBgcSjkk"
SERVICE_ACCOUNT_ID = 2
SERVICE_ACCOUNT_TOKEN_ID = 1


def quietly(call: Callable[[], Any]) -> Any:
    """Calls a deprecated method without letting its DeprecationWarning reach stderr."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return call()


def cases() -> list[Case]:
    user = {"email": "jane@example.com", "name": "Jane Doe", "login": "jane", "theme": "light"}
    new_user = {"name": "Jane Doe", "email": "jane@example.com", "login": "jane", "password": "s3cret-Passw0rd!", "OrgId": 1}
    # Saving a dashboard under a known UID, as after editing the JSON fetched with get_dashboard.
    saved_dashboard = {
        "dashboard": {"id": None, "uid": DASHBOARD_UID, "title": "Production overview", "tags": ["templated"], "timezone": "browser", "schemaVersion": 39},
        "folderUid": "",
        "message": "Made changes to xyz",
        "overwrite": True,
    }
    # Creating a dashboard the way Grafana's HTTP API documentation shows it: id and uid null.
    new_dashboard = {
        "dashboard": {"id": None, "uid": None, "title": "Production Overview", "tags": ["templated"], "timezone": "browser", "schemaVersion": 16, "refresh": "25s"},
        "folderUid": "",
        "message": "Made changes to xyz",
        "overwrite": False,
    }
    # Preferences as a script sets them: the client's own model, which leaves out what is None.
    preferences = PersonalPreferences(theme="dark", timezone="utc", weekStart="monday", homeDashboardUID=DASHBOARD_UID)
    return [
        # Users (server admin)
        Case("users.search_users(page=1)", "searchUsers", "GET", "/api/users",
             lambda g: g.users.search_users(query="jane", page=1, perpage=10), is_list("id", "login"),
             {"query": "jane", "page": "1", "perpage": "10"}),
        Case("users.search_users()", "searchUsers", "GET", "/api/users",
             lambda g: g.users.search_users(), is_list("id", "login")),
        Case("users.get_user", "getUserById", "GET", "/api/users/{id}",
             lambda g: g.users.get_user(USER_ID), is_dict("id", "login", "email")),
        Case("users.find_user", "getUserByLoginOrEmail", "GET", "/api/users/lookup",
             lambda g: g.users.find_user("jane@example.com"), is_dict("id", "login", "email"),
             {"loginOrEmail": "jane@example.com"}),
        Case("users.update_user", "updateUser", "PUT", "/api/users/{id}",
             lambda g: g.users.update_user(USER_ID, user), message()),
        Case("users.get_user_organisations", "getUserOrgList", "GET", "/api/users/{id}/orgs",
             lambda g: g.users.get_user_organisations(USER_ID), is_list("orgId", "name", "role")),
        Case("users.get_user_teams", "getUserTeams", "GET", "/api/users/{id}/teams",
             lambda g: g.users.get_user_teams(USER_ID), is_list("id", "name")),
        Case("user.switch_user_organisation", "updateUserActiveOrg", "POST", "/api/users/{userId}/using/{orgId}",
             lambda g: g.user.switch_user_organisation(USER_ID, ORG_ID), message()),
        # Signed-in user
        Case("user.get_actual_user", "getSignedInUser", "GET", "/api/user",
             lambda g: g.user.get_actual_user(), is_dict("id", "login", "email")),
        Case("user.change_actual_user_password", "changeUserPassword", "PUT", "/api/user/password",
             lambda g: g.user.change_actual_user_password("old-Passw0rd!", "n3w-Passw0rd!"), message()),
        Case("user.switch_actual_user_organisation", "userSetUsingOrg", "POST", "/api/user/using/{orgId}",
             lambda g: g.user.switch_actual_user_organisation(ORG_ID), message()),
        Case("organizations.switch_organization", "userSetUsingOrg", "POST", "/api/user/using/{orgId}",
             lambda g: g.organizations.switch_organization(ORG_ID), message()),
        Case("user.get_actual_user_organisations", "getSignedInUserOrgList", "GET", "/api/user/orgs",
             lambda g: g.user.get_actual_user_organisations(), is_list("orgId", "name", "role")),
        Case("user.get_actual_user_teams", "getSignedInUserTeamList", "GET", "/api/user/teams",
             lambda g: g.user.get_actual_user_teams(), is_list("id", "name")),
        Case("user.star_dashboard(int)", "starDashboard", "POST", "/api/user/stars/dashboard/{dashboardId}",
             lambda g: g.user.star_dashboard(DASHBOARD_ID), message()),
        Case("user.unstar_dashboard(int)", "unstarDashboard", "DELETE", "/api/user/stars/dashboard/{dashboardId}",
             lambda g: g.user.unstar_dashboard(DASHBOARD_ID), message()),
        Case("user.star_dashboard(str)", "starDashboardByUid", "POST", "/api/user/stars/dashboard/uid/{dashboardUid}",
             lambda g: g.user.star_dashboard(DASHBOARD_UID), message()),
        Case("user.unstar_dashboard(str)", "unstarDashboardByUid", "DELETE", "/api/user/stars/dashboard/uid/{dashboardUid}",
             lambda g: g.user.unstar_dashboard(DASHBOARD_UID), message()),
        Case("user.star_actual_user_dashboard", "starDashboard", "POST", "/api/user/stars/dashboard/{dashboardId}",
             lambda g: quietly(lambda: g.user.star_actual_user_dashboard(DASHBOARD_ID)), message()),
        Case("user.unstar_actual_user_dashboard", "unstarDashboard", "DELETE", "/api/user/stars/dashboard/{dashboardId}",
             lambda g: quietly(lambda: g.user.unstar_actual_user_dashboard(DASHBOARD_ID)), message()),
        Case("user.get_preferences", "getUserPreferences", "GET", "/api/user/preferences",
             lambda g: g.user.get_preferences(), is_dict()),
        Case("user.get_preferences (customized)", "getUserPreferences", "GET", "/api/user/preferences",
             lambda g: g.user.get_preferences(), is_dict("theme", "timezone", "weekStart"), example="customized"),
        Case("user.update_preferences(PersonalPreferences)", "updateUserPreferences", "PUT", "/api/user/preferences",
             lambda g: g.user.update_preferences(preferences), message()),
        Case("user.update_preferences(dict)", "updateUserPreferences", "PUT", "/api/user/preferences",
             lambda g: g.user.update_preferences({"theme": "light", "timezone": "browser"}), message()),
        Case("user.patch_preferences", "patchUserPreferences", "PATCH", "/api/user/preferences",
             lambda g: g.user.patch_preferences({"theme": "light"}), message()),
        # Current organization
        Case("organization.get_current_organization", "getCurrentOrg", "GET", "/api/org",
             lambda g: g.organization.get_current_organization(), is_dict("id", "name")),
        Case("organization.update_current_organization", "updateCurrentOrg", "PUT", "/api/org",
             lambda g: g.organization.update_current_organization({"name": "Main Org."}), message()),
        Case("organization.get_current_organization_users", "getOrgUsersForCurrentOrg", "GET", "/api/org/users",
             lambda g: g.organization.get_current_organization_users(), is_list("userId", "login", "role")),
        Case("organization.add_user_current_organization", "addOrgUserToCurrentOrg", "POST", "/api/org/users",
             lambda g: g.organization.add_user_current_organization({"loginOrEmail": "jane", "role": "Viewer"}), message()),
        Case("organization.update_user_current_organization", "updateOrgUserForCurrentOrg", "PATCH", "/api/org/users/{userId}",
             lambda g: g.organization.update_user_current_organization(USER_ID, {"role": "Editor"}), message()),
        Case("organization.delete_user_current_organization", "removeOrgUserForCurrentOrg", "DELETE", "/api/org/users/{userId}",
             lambda g: g.organization.delete_user_current_organization(USER_ID), message()),
        Case("organization.get_preferences", "getOrgPreferences", "GET", "/api/org/preferences",
             lambda g: g.organization.get_preferences(), is_dict()),
        Case("organization.get_preferences (customized)", "getOrgPreferences", "GET", "/api/org/preferences",
             lambda g: g.organization.get_preferences(), is_dict("theme", "timezone", "weekStart"), example="customized"),
        Case("organization.update_preferences", "updateOrgPreferences", "PUT", "/api/org/preferences",
             lambda g: g.organization.update_preferences(preferences), message()),
        Case("organization.patch_preferences", "patchOrgPreferences", "PATCH", "/api/org/preferences",
             lambda g: g.organization.patch_preferences(PersonalPreferences(timezone="utc")), message()),
        # Organizations (server admin)
        Case("organization.create_organization", "createOrg", "POST", "/api/orgs",
             lambda g: g.organization.create_organization("Staging"), is_dict("orgId", "message")),
        Case("organizations.list_organization", "searchOrgs", "GET", "/api/orgs",
             lambda g: g.organizations.list_organization(), is_list("id", "name")),
        Case("organizations.delete_organization", "deleteOrgById", "DELETE", "/api/orgs/{orgId}",
             lambda g: g.organizations.delete_organization(ORG_ID), message()),
        Case("organizations.organization_user_add", "addOrgUser", "POST", "/api/orgs/{orgId}/users",
             lambda g: g.organizations.organization_user_add(ORG_ID, {"loginOrEmail": "jane", "role": "Viewer"}), message()),
        Case("organization.find_organization", "getOrgByName", "GET", "/api/orgs/name/{orgName}",
             lambda g: g.organization.find_organization("Staging"), is_dict("id", "name", "address")),
        Case("organizations.update_organization", "updateOrg", "PUT", "/api/orgs/{orgId}",
             lambda g: g.organizations.update_organization(ORG_ID, {"name": "Staging"}), message()),
        Case("organizations.organization_user_list", "getOrgUsers", "GET", "/api/orgs/{orgId}/users",
             lambda g: g.organizations.organization_user_list(ORG_ID), is_list("userId", "login", "role")),
        Case("organizations.organization_user_update", "updateOrgUser", "PATCH", "/api/orgs/{orgId}/users/{userId}",
             lambda g: g.organizations.organization_user_update(ORG_ID, USER_ID, "Editor"), message()),
        Case("organizations.organization_user_delete", "removeOrgUser", "DELETE", "/api/orgs/{orgId}/users/{userId}",
             lambda g: g.organizations.organization_user_delete(ORG_ID, USER_ID), message()),
        Case("organizations.organization_preference_get", "getOrgPreferences", "GET", "/api/org/preferences",
             lambda g: quietly(lambda: g.organizations.organization_preference_get()), is_dict()),
        Case("organizations.organization_preference_update", "updateOrgPreferences", "PUT", "/api/org/preferences",
             lambda g: quietly(lambda: g.organizations.organization_preference_update(theme="dark", timezone="utc")), message()),
        # Admin
        Case("admin.create_user", "adminCreateUser", "POST", "/api/admin/users",
             lambda g: g.admin.create_user(new_user), is_dict("id", "message")),
        Case("admin.change_user_password", "adminUpdateUserPassword", "PUT", "/api/admin/users/{id}/password",
             lambda g: g.admin.change_user_password(USER_ID, "n3w-Passw0rd!"), message()),
        Case("admin.change_user_permissions", "adminUpdateUserPermissions", "PUT", "/api/admin/users/{id}/permissions",
             lambda g: g.admin.change_user_permissions(USER_ID, True), message()),
        Case("admin.delete_user", "adminDeleteUser", "DELETE", "/api/admin/users/{id}",
             lambda g: g.admin.delete_user(USER_ID), message()),
        Case("admin.set_user_enabled(False)", "adminDisableUser", "POST", "/api/admin/users/{id}/disable",
             lambda g: g.admin.set_user_enabled(USER_ID, False), message()),
        Case("admin.set_user_enabled(True)", "adminEnableUser", "POST", "/api/admin/users/{id}/enable",
             lambda g: g.admin.set_user_enabled(USER_ID, True), message()),
        # Teams
        Case("teams.search_teams(page=1)", "searchTeams", "GET", "/api/teams/search",
             lambda g: g.teams.search_teams(query="plat", page=1, perpage=10), is_list("id", "name"),
             {"query": "plat", "page": "1", "perpage": "10"}),
        Case("teams.search_teams()", "searchTeams", "GET", "/api/teams/search",
             lambda g: g.teams.search_teams(), is_list("id", "name")),
        Case("teams.get_team_by_name", "searchTeams", "GET", "/api/teams/search",
             lambda g: g.teams.get_team_by_name("Platform"), is_list("id", "name"), {"name": "Platform"}),
        Case("teams.get_team_by_name('R&D')", "searchTeams", "GET", "/api/teams/search",
             lambda g: g.teams.get_team_by_name("R&D"), is_list("id", "name"), {"name": "R&D"}),
        Case("teams.add_team", "createTeam", "POST", "/api/teams",
             lambda g: g.teams.add_team({"name": "Platform", "email": "platform@example.com"}), is_dict("teamId", "message")),
        Case("teams.delete_team", "deleteTeamById", "DELETE", "/api/teams/{id}",
             lambda g: g.teams.delete_team(TEAM_ID), message()),
        Case("teams.add_team_member", "addTeamMember", "POST", "/api/teams/{id}/members",
             lambda g: g.teams.add_team_member(TEAM_ID, USER_ID), message()),
        Case("teams.get_team", "getTeamByID", "GET", "/api/teams/{id}",
             lambda g: g.teams.get_team(TEAM_ID), is_dict("id", "name", "orgId")),
        Case("teams.update_team", "updateTeam", "PUT", "/api/teams/{id}",
             lambda g: g.teams.update_team(TEAM_ID, {"name": "Platform", "email": "platform@example.com"}), message()),
        Case("teams.get_team_members", "getTeamMembers", "GET", "/api/teams/{id}/members",
             lambda g: g.teams.get_team_members(TEAM_ID), is_list("userId", "login", "teamId")),
        Case("teams.remove_team_member", "removeTeamMember", "DELETE", "/api/teams/{id}/members/{userId}",
             lambda g: g.teams.remove_team_member(TEAM_ID, USER_ID), message()),
        Case("teams.get_preferences", "getTeamPreferences", "GET", "/api/teams/{id}/preferences",
             lambda g: g.teams.get_preferences(TEAM_ID), is_dict()),
        Case("teams.get_preferences (customized)", "getTeamPreferences", "GET", "/api/teams/{id}/preferences",
             lambda g: g.teams.get_preferences(TEAM_ID), is_dict("theme", "timezone", "weekStart"), example="customized"),
        Case("teams.get_team_preferences", "getTeamPreferences", "GET", "/api/teams/{id}/preferences",
             lambda g: quietly(lambda: g.teams.get_team_preferences(TEAM_ID)), is_dict()),
        Case("teams.update_preferences", "updateTeamPreferences", "PUT", "/api/teams/{id}/preferences",
             lambda g: g.teams.update_preferences(TEAM_ID, preferences), message()),
        Case("teams.update_team_preferences", "updateTeamPreferences", "PUT", "/api/teams/{id}/preferences",
             lambda g: quietly(lambda: g.teams.update_team_preferences(TEAM_ID, {"theme": "light", "timezone": "browser"})), message()),
        # Health: the build information the client reads the version from
        Case("health.check", "getFrontendSettings", "GET", "/api/frontend/settings",
             lambda g: g.health.check(), is_dict("version", "commit", "edition")),
        # Team Sync (Grafana Enterprise): an LDAP DN as the group
        Case("teams.get_team_external_group", "getTeamGroupsApi", "GET", "/api/teams/{id}/groups",
             lambda g: g.teams.get_team_external_group(TEAM_ID), is_list("orgId", "teamId", "groupId")),
        Case("teams.add_team_external_group", "addTeamGroupApi", "POST", "/api/teams/{id}/groups",
             lambda g: g.teams.add_team_external_group(TEAM_ID, LDAP_GROUP), message()),
        # The client picks the form by the server's version, which it reads from GET
        # /api/frontend/settings (buildInfo.version): the mock answers its own version (the newest
        # by default), so the client sends the query form of 10.2 and later.
        Case("teams.remove_team_external_group", "removeTeamGroupApiQuery", "DELETE", "/api/teams/{id}/groups",
             lambda g: g.teams.remove_team_external_group(TEAM_ID, LDAP_GROUP), message(),
             {"groupId": LDAP_GROUP}),
        # Dashboards
        Case("dashboard.update_dashboard", "postDashboard", "POST", "/api/dashboards/db",
             lambda g: g.dashboard.update_dashboard(saved_dashboard), is_dict("id", "uid", "url", "status", "version")),
        Case("dashboard.update_dashboard(uid=None)", "postDashboard", "POST", "/api/dashboards/db",
             lambda g: g.dashboard.update_dashboard(new_dashboard), is_dict("id", "uid", "url", "status", "version")),
        Case("dashboard.delete_dashboard", "deleteDashboardByUid", "DELETE", "/api/dashboards/uid/{uid}",
             lambda g: g.dashboard.delete_dashboard(DASHBOARD_UID), is_dict("title", "message")),
        # Service accounts
        Case("serviceaccount.create", "createServiceAccount", "POST", "/api/serviceaccounts",
             lambda g: g.serviceaccount.create({"name": "ci-bot", "role": "Editor"}), is_dict("id", "name", "login", "role")),
        Case("serviceaccount.search(page=1)", "searchOrgServiceAccountsWithPaging", "GET", "/api/serviceaccounts/search",
             lambda g: g.serviceaccount.search(query="ci-", page=1, perpage=10), is_list("totalCount", "serviceAccounts"),
             {"query": "ci-", "page": "1", "perpage": "10"}),
        Case("serviceaccount.search()", "searchOrgServiceAccountsWithPaging", "GET", "/api/serviceaccounts/search",
             lambda g: g.serviceaccount.search(), is_list("totalCount", "serviceAccounts")),
        Case("serviceaccount.search_one", "searchOrgServiceAccountsWithPaging", "GET", "/api/serviceaccounts/search",
             lambda g: g.serviceaccount.search_one("ci-bot"), is_dict("id", "name", "login")),
        Case("serviceaccount.search_all", "searchOrgServiceAccountsWithPaging", "GET", "/api/serviceaccounts/search",
             lambda g: g.serviceaccount.search_all(), is_list("id", "name", "login")),
        Case("serviceaccount.search_streaming", "searchOrgServiceAccountsWithPaging", "GET", "/api/serviceaccounts/search",
             lambda g: list(g.serviceaccount.search_streaming(query="ci-")), is_list("id", "name", "login")),
        Case("serviceaccount.delete", "deleteServiceAccount", "DELETE", "/api/serviceaccounts/{id}",
             lambda g: g.serviceaccount.delete(SERVICE_ACCOUNT_ID), message()),
        Case("serviceaccount.create_token", "createServiceAccountToken", "POST", "/api/serviceaccounts/{id}/tokens",
             lambda g: g.serviceaccount.create_token(SERVICE_ACCOUNT_ID, {"name": "ci-token", "secondsToLive": 3600}), is_dict("id", "name", "key")),
        Case("serviceaccount.get", "retrieveServiceAccount", "GET", "/api/serviceaccounts/{id}",
             lambda g: g.serviceaccount.get(SERVICE_ACCOUNT_ID), is_dict("id", "name", "login", "role"), {"accesscontrol": "true"}),
        Case("serviceaccount.update", "updateServiceAccount", "PATCH", "/api/serviceaccounts/{id}",
             lambda g: g.serviceaccount.update(SERVICE_ACCOUNT_ID, {"name": "ci-bot", "role": "Viewer"}), is_dict("id", "name", "message")),
        Case("serviceaccount.get_tokens", "listTokens", "GET", "/api/serviceaccounts/{id}/tokens",
             lambda g: g.serviceaccount.get_tokens(SERVICE_ACCOUNT_ID), is_list("id", "name")),
        Case("serviceaccount.delete_token", "deleteToken", "DELETE", "/api/serviceaccounts/{id}/tokens/{tokenId}",
             lambda g: g.serviceaccount.delete_token(SERVICE_ACCOUNT_ID, SERVICE_ACCOUNT_TOKEN_ID), message()),
    ]


# ---- running ---------------------------------------------------------------------------------


def path_pattern(template: str) -> re.Pattern[str]:
    """The path template as a regular expression; like Grafana's router, a trailing slash is ignored."""
    return re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "/?$")


def summarize_violations(header: str) -> str:
    try:
        return "; ".join(str(v.get("message", v)) for v in json.loads(header))
    except (ValueError, AttributeError, TypeError):
        return header


def run_case(grafana: GrafanaApi, recorder: Recorder, case: Case) -> dict[str, Union[str, bool]]:
    recorder.exchanges.clear()
    recorder.example = case.example
    problems: list[str] = []
    value: Any = None
    raised: Optional[BaseException] = None
    try:
        value = case.run(grafana)
    except GrafanaException as err:
        raised = err
        problems.append(f"the client raised {type(err).__name__}: {err.message}")
    except Exception as err:  # noqa: BLE001 - any exception is a finding, and the run must go on
        raised = err
        problems.append(f"the client raised {type(err).__name__}: {err}")

    if not recorder.exchanges and raised is None:
        problems.append("the client sent no request")
    pattern = path_pattern(case.path_template)
    for ex in recorder.exchanges:
        where = f"{ex.method} {ex.path}"
        if ex.method != case.http_method or not pattern.match(ex.path):
            problems.append(f"sent {where}, not {case.http_method} {case.path_template}")
        if ex.violations:
            problems.append(f"the mock found {where} invalid ({ex.status}): {summarize_violations(ex.violations)}")
        elif not 200 <= ex.status < 300:
            problems.append(f"the mock answered {where} with {ex.status}: {ex.body}")
        if case.query is not None:
            sent = parse_qs(ex.query, keep_blank_values=True)
            for name, wanted in case.query.items():
                if sent.get(name) != [wanted]:
                    problems.append(f"sent {name}={sent.get(name)} for {wanted!r} (query string {ex.query!r})")

    if raised is None:
        shape = case.check(value)
        if shape:
            problems.append(f"unexpected answer: {shape}")

    requests = ", ".join(f"{ex.method} {ex.path} -> {ex.status}" for ex in recorder.exchanges) or "no request"
    detail = "; ".join(dict.fromkeys(problems)) if problems else f"{requests}; returned {type(value).__name__}"
    return {"method": case.method, "operationId": case.operation_id, "ok": not problems, "detail": detail}


def main(argv: list[str]) -> int:
    base_url = argv[1] if len(argv) > 1 else os.environ.get("GRAFANA_MOCK_URL", "")
    if not base_url:
        print("usage: check_grafana_client.py BASE_URL (or set GRAFANA_MOCK_URL)", file=sys.stderr)
        return 2
    # Any credentials do for the mock; the basic-auth operations need an Authorization header.
    grafana = GrafanaApi.from_url(base_url.rstrip("/"), credential=("admin", "admin"), timeout=15.0)
    # The client reads the server's version (GET /api/frontend/settings) once, before the first
    # call whose form depends on it: read it here, so that each case records its own requests.
    grafana.connect()
    recorder = Recorder()
    grafana.client.s.hooks["pre_request"].append(recorder.pre_request)
    grafana.client.s.hooks["response"].append(recorder.response)
    for case in cases():
        print(json.dumps(run_case(grafana, recorder, case)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
