import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.openapitools.client.ApiClient;
import org.openapitools.client.api.AdminApi;
import org.openapitools.client.api.CurrentOrganizationApi;
import org.openapitools.client.api.OrganizationsApi;
import org.openapitools.client.api.ServiceAccountsApi;
import org.openapitools.client.api.TeamsApi;
import org.openapitools.client.api.UsersApi;
import org.openapitools.client.model.AddOrgUserRequest;
import org.openapitools.client.model.AddOrgUserResult;
import org.openapitools.client.model.AdminUpdateUserPermissionsRequest;
import org.openapitools.client.model.CreateServiceAccountRequest;
import org.openapitools.client.model.OrgRole;
import org.openapitools.client.model.ServiceAccount;
import org.openapitools.client.model.SuccessMessage;
import org.openapitools.client.model.TeamSearchPage;
import org.openapitools.client.model.UpdateOrgUserRequest;
import org.openapitools.client.model.UpdateUserRequest;
import org.openapitools.client.model.UserProfile;
import org.openapitools.client.model.UserSearchPage;

/**
 * The wire check's driver for the client that openapi-generator's {@code java} generator (library
 * {@code native}) makes from the spec: it makes the calls of tests/consumers/wire/calls.json, in
 * that order, through the generated API classes, against the recording server whose URL is in
 * WIRE_BASE_URL, with basic authentication (WIRE_USERNAME / WIRE_PASSWORD).
 *
 * <p>The {@code native} library has no authentication helpers, so the credentials go in through
 * the generated ApiClient's request interceptor, as its documentation suggests. Each answer (the
 * spec's own example) must be parsed into the generated model; the driver prints one line per call
 * and exits non-zero on the first call that fails or returns something unexpected.
 */
public final class WireDriver {
  private WireDriver() {}

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(name + " is not set");
    }
    return value;
  }

  private static void check(String operationId, boolean ok, Object answer) {
    if (!ok) {
      throw new IllegalStateException(operationId + ": unexpected answer " + answer);
    }
    System.out.println(operationId + " ok");
  }

  private static boolean hasMessage(SuccessMessage answer) {
    return answer != null && answer.getMessage() != null && !answer.getMessage().isEmpty();
  }

  public static void main(String[] args) throws Exception {
    String credentials = env("WIRE_USERNAME") + ":" + env("WIRE_PASSWORD");
    String authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));

    ApiClient client = new ApiClient();
    client.updateBaseUri(env("WIRE_BASE_URL"));
    client.setRequestInterceptor(request -> request.header("Authorization", authorization));

    UsersApi users = new UsersApi(client);
    AdminApi admin = new AdminApi(client);
    CurrentOrganizationApi currentOrg = new CurrentOrganizationApi(client);
    OrganizationsApi orgs = new OrganizationsApi(client);
    TeamsApi teams = new TeamsApi(client);
    ServiceAccountsApi serviceAccounts = new ServiceAccountsApi(client);

    UserSearchPage page = users.searchUsersWithPaging(10L, 2L, "jane", null);
    check("searchUsersWithPaging", page.getTotalCount() != null && page.getUsers() != null && !page.getUsers().isEmpty()
        && page.getUsers().get(0).getId() != null, page);

    UserProfile profile = users.getUserByLoginOrEmail("jane@example.com");
    check("getUserByLoginOrEmail", profile.getLogin() != null && profile.getEmail() != null, profile);

    SuccessMessage updated = users.updateUser(2L, new UpdateUserRequest().email("jane@example.com").login("jane").name("Jane Doe"));
    check("updateUser", hasMessage(updated), updated);

    SuccessMessage permissions = admin.adminUpdateUserPermissions(2L, new AdminUpdateUserPermissionsRequest().isGrafanaAdmin(true));
    check("adminUpdateUserPermissions", hasMessage(permissions), permissions);

    SuccessMessage role = currentOrg.updateOrgUserForCurrentOrg(3L, new UpdateOrgUserRequest().role(OrgRole.EDITOR), null);
    check("updateOrgUserForCurrentOrg", hasMessage(role), role);

    AddOrgUserResult added = orgs.addOrgUser(2L, new AddOrgUserRequest().loginOrEmail("jane").role(OrgRole.VIEWER));
    check("addOrgUser", added.getMessage() != null, added);

    SuccessMessage deleted = orgs.deleteOrgById(2L);
    check("deleteOrgById", hasMessage(deleted), deleted);

    TeamSearchPage teamPage = teams.searchTeams(null, 5L, 1L, "platform", null, null);
    check("searchTeams", teamPage.getTotalCount() != null && teamPage.getTeams() != null, teamPage);

    ServiceAccount account = serviceAccounts.createServiceAccount(new CreateServiceAccountRequest().name("ci-bot").role(OrgRole.VIEWER), null);
    check("createServiceAccount", account.getId() != null && Objects.equals(account.getName(), "ci-bot") && account.getRole() != null, account);

    // An LDAP DN as a query value: '=' and ',' must arrive intact.
    SuccessMessage removed = teams.removeTeamGroupApiQuery(1L, "cn=editors,ou=groups,dc=grafana,dc=org", null);
    check("removeTeamGroupApiQuery", hasMessage(removed), removed);

  }
}
