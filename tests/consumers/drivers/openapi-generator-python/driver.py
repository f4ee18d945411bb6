#!/usr/bin/env python3
"""The wire check's driver for the client openapi-generator's ``python`` generator makes from the spec.

It makes the calls of tests/consumers/wire/calls.json, in that order, through the generated
package ``grafana_openapi_generator_client``, against the recording server whose URL is in
WIRE_BASE_URL, with basic authentication (WIRE_USERNAME / WIRE_PASSWORD) set on the generated
``Configuration``. Each answer (the spec's own example) must be parsed into the generated model;
the driver prints one line per call and exits non-zero on the first call that fails or returns
something unexpected.

Type-checks with ``mypy --strict`` (mypy.ini beside this file).
"""

from __future__ import annotations

import os

from grafana_openapi_generator_client import (
    AddOrgUserRequest,
    AdminApi,
    AdminUpdateUserPermissionsRequest,
    ApiClient,
    Configuration,
    CreateServiceAccountRequest,
    CurrentOrganizationApi,
    OrganizationsApi,
    OrgRole,
    ServiceAccountsApi,
    SuccessMessage,
    TeamsApi,
    UpdateOrgUserRequest,
    UpdateUserRequest,
    UsersApi,
)


def env(name: str) -> str:
    value = os.environ.get(name, "")
    if value == "":
        raise SystemExit(f"{name} is not set")
    return value


def check(operation_id: str, ok: bool, answer: object) -> None:
    if not ok:
        raise SystemExit(f"{operation_id}: unexpected answer {answer!r}")
    print(f"{operation_id} ok", flush=True)


def has_message(answer: SuccessMessage) -> bool:
    return answer.message != ""


def main() -> None:
    configuration = Configuration(host=env("WIRE_BASE_URL"), username=env("WIRE_USERNAME"), password=env("WIRE_PASSWORD"))
    with ApiClient(configuration) as client:
        users = UsersApi(client)
        admin = AdminApi(client)
        current_org = CurrentOrganizationApi(client)
        orgs = OrganizationsApi(client)
        teams = TeamsApi(client)
        service_accounts = ServiceAccountsApi(client)

        page = users.search_users_with_paging(perpage=10, page=2, query="jane")
        check("searchUsersWithPaging", len(page.users) > 0 and page.users[0].id > 0, page)

        profile = users.get_user_by_login_or_email("jane@example.com")
        check("getUserByLoginOrEmail", profile.login != "" and profile.email != "", profile)

        updated = users.update_user(2, UpdateUserRequest(email="jane@example.com", login="jane", name="Jane Doe"))
        check("updateUser", has_message(updated), updated)

        permissions = admin.admin_update_user_permissions(2, AdminUpdateUserPermissionsRequest(isGrafanaAdmin=True))
        check("adminUpdateUserPermissions", has_message(permissions), permissions)

        role = current_org.update_org_user_for_current_org(3, UpdateOrgUserRequest(role=OrgRole.EDITOR))
        check("updateOrgUserForCurrentOrg", has_message(role), role)

        added = orgs.add_org_user(2, AddOrgUserRequest(loginOrEmail="jane", role=OrgRole.VIEWER))
        check("addOrgUser", added.message != "", added)

        deleted = orgs.delete_org_by_id(2)
        check("deleteOrgById", has_message(deleted), deleted)

        team_page = teams.search_teams(perpage=5, page=1, query="platform")
        check("searchTeams", team_page.total_count >= 0, team_page)

        account = service_accounts.create_service_account(CreateServiceAccountRequest(name="ci-bot", role=OrgRole.VIEWER))
        check("createServiceAccount", account.id > 0 and account.name == "ci-bot", account)

        # An LDAP DN as a query value: '=' and ',' must arrive intact.
        removed = teams.remove_team_group_api_query(id=1, group_id="cn=editors,ou=groups,dc=grafana,dc=org")
        check("removeTeamGroupApiQuery", has_message(removed), removed)


if __name__ == "__main__":
    main()
