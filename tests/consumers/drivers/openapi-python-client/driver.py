"""Wire-check driver for the client that openapi-python-client generates from the spec.

It makes the calls of tests/consumers/wire/calls.json, in order, through the generated
`api.<tag>.<operation>.sync_detailed` functions with basic auth, against WIRE_BASE_URL. It exits
non-zero when a call raises, answers with an unexpected status, or its answer is not parsed into
the operation's success model. The generated package is imported as `grafana_api_client` (the
test generates it with that package name). Checked with `mypy --strict` together with the client.
"""

import base64
import os
import sys
from http import HTTPStatus
from typing import TypeVar

from grafana_api_client import AuthenticatedClient
from grafana_api_client.api.admin import admin_update_user_permissions
from grafana_api_client.api.current_organization import update_org_user_for_current_org
from grafana_api_client.api.organizations import add_org_user, delete_org_by_id
from grafana_api_client.api.service_accounts import create_service_account
from grafana_api_client.api.teams import remove_team_group_api_query, search_teams
from grafana_api_client.api.users import get_user_by_login_or_email, search_users_with_paging, update_user
from grafana_api_client.models import (
    AddOrgUserRequest,
    AddOrgUserResult,
    AdminUpdateUserPermissionsRequest,
    CreateServiceAccountRequest,
    OrgRole,
    ServiceAccount,
    SuccessMessage,
    TeamSearchPage,
    UpdateOrgUserRequest,
    UpdateUserRequest,
    UserProfile,
    UserSearchPage,
)
from grafana_api_client.types import Response

T = TypeVar("T")
R = TypeVar("R")


def parsed(name: str, response: Response[R], status: HTTPStatus, model: type[T]) -> T:
    """The parsed answer of a call, or exit non-zero when it is not the expected success."""
    if response.status_code != status:
        sys.exit(f"{name}: expected status {status.value}, got {response.status_code.value}: {response.content!r}")
    if not isinstance(response.parsed, model):
        sys.exit(f"{name}: expected a parsed {model.__name__}, got {response.parsed!r}")
    return response.parsed


def main() -> None:
    username = os.environ["WIRE_USERNAME"]
    password = os.environ["WIRE_PASSWORD"]
    credentials = base64.b64encode(f"{username}:{password}".encode()).decode()
    client = AuthenticatedClient(
        base_url=os.environ["WIRE_BASE_URL"],
        token=credentials,
        prefix="Basic",
        raise_on_unexpected_status=True,
    )
    ok, created = HTTPStatus.OK, HTTPStatus.CREATED

    with client:
        users = parsed(
            "searchUsersWithPaging",
            search_users_with_paging.sync_detailed(client=client, perpage=10, page=2, query="jane"),
            ok,
            UserSearchPage,
        )
        if users.total_count < len(users.users):
            sys.exit(f"searchUsersWithPaging: totalCount {users.total_count} < {len(users.users)} users")

        user = parsed(
            "getUserByLoginOrEmail",
            get_user_by_login_or_email.sync_detailed(client=client, login_or_email="jane@example.com"),
            ok,
            UserProfile,
        )
        if not user.login:
            sys.exit("getUserByLoginOrEmail: the profile has no login")

        parsed(
            "updateUser",
            update_user.sync_detailed(
                2, client=client, body=UpdateUserRequest(email="jane@example.com", login="jane", name="Jane Doe")
            ),
            ok,
            SuccessMessage,
        )
        parsed(
            "adminUpdateUserPermissions",
            admin_update_user_permissions.sync_detailed(
                2, client=client, body=AdminUpdateUserPermissionsRequest(is_grafana_admin=True)
            ),
            ok,
            SuccessMessage,
        )
        parsed(
            "updateOrgUserForCurrentOrg",
            update_org_user_for_current_org.sync_detailed(3, client=client, body=UpdateOrgUserRequest(role=OrgRole.EDITOR)),
            ok,
            SuccessMessage,
        )
        parsed(
            "addOrgUser",
            add_org_user.sync_detailed(
                2, client=client, body=AddOrgUserRequest(login_or_email="jane", role=OrgRole.VIEWER)
            ),
            ok,
            AddOrgUserResult,
        )
        parsed("deleteOrgById", delete_org_by_id.sync_detailed(2, client=client), ok, SuccessMessage)

        teams = parsed(
            "searchTeams",
            search_teams.sync_detailed(client=client, perpage=5, page=1, query="platform"),
            ok,
            TeamSearchPage,
        )
        if teams.total_count < len(teams.teams):
            sys.exit(f"searchTeams: totalCount {teams.total_count} < {len(teams.teams)} teams")

        account = parsed(
            "createServiceAccount",
            create_service_account.sync_detailed(
                client=client, body=CreateServiceAccountRequest(name="ci-bot", role=OrgRole.VIEWER)
            ),
            created,
            ServiceAccount,
        )
        if account.role not in OrgRole:
            sys.exit(f"createServiceAccount: role {account.role!r} is not an OrgRole")

        # An LDAP DN as a query value: '=' and ',' must arrive intact.
        parsed(
            "removeTeamGroupApiQuery",
            remove_team_group_api_query.sync_detailed(1, client=client, group_id="cn=editors,ou=groups,dc=grafana,dc=org"),
            ok,
            SuccessMessage,
        )

    print("openapi-python-client driver: 10 calls made and parsed")


if __name__ == "__main__":
    main()
