// The wire-check driver for the client that openapi-generator's `go` generator makes from the spec
// (package openapi, module github.com/GIT_USER_ID/GIT_REPO_ID: the generator's defaults, replaced
// by ./client in go.mod, where the test generates it). It makes exactly the calls of
// tests/consumers/wire/calls.json, in order, with basic auth, against WIRE_BASE_URL, and prints one
// JSON line per call: the operationId, the status and the typed response as the client parsed it.
// Any error (transport, non-2xx, a body the client cannot parse) ends it with a non-zero exit.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	openapi "github.com/GIT_USER_ID/GIT_REPO_ID"
)

type line struct {
	OperationID string `json:"operationId"`
	Status      int    `json:"status"`
	Response    any    `json:"response"`
}

func report(operationID string, parsed any, res *http.Response, err error) {
	if err != nil {
		body := ""
		if apiErr, ok := err.(*openapi.GenericOpenAPIError); ok {
			body = string(apiErr.Body())
		}
		fmt.Fprintf(os.Stderr, "%s: %v %s\n", operationID, err, body)
		os.Exit(1)
	}
	out, err := json.Marshal(line{OperationID: operationID, Status: res.StatusCode, Response: parsed})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: cannot print the parsed response: %v\n", operationID, err)
		os.Exit(1)
	}
	fmt.Println(string(out))
}

func main() {
	cfg := openapi.NewConfiguration()
	cfg.Servers = openapi.ServerConfigurations{{URL: os.Getenv("WIRE_BASE_URL")}}
	client := openapi.NewAPIClient(cfg)
	ctx := context.WithValue(context.Background(), openapi.ContextBasicAuth, openapi.BasicAuth{
		UserName: os.Getenv("WIRE_USERNAME"),
		Password: os.Getenv("WIRE_PASSWORD"),
	})

	users, res, err := client.UsersAPI.SearchUsersWithPaging(ctx).Perpage(10).Page(2).Query("jane").Execute()
	report("searchUsersWithPaging", users, res, err)

	user, res, err := client.UsersAPI.GetUserByLoginOrEmail(ctx).LoginOrEmail("jane@example.com").Execute()
	report("getUserByLoginOrEmail", user, res, err)

	update := openapi.NewUpdateUserRequest()
	update.SetEmail("jane@example.com")
	update.SetLogin("jane")
	update.SetName("Jane Doe")
	msg, res, err := client.UsersAPI.UpdateUser(ctx, 2).UpdateUserRequest(*update).Execute()
	report("updateUser", msg, res, err)

	perms := openapi.NewAdminUpdateUserPermissionsRequest()
	perms.SetIsGrafanaAdmin(true)
	msg, res, err = client.AdminAPI.AdminUpdateUserPermissions(ctx, 2).AdminUpdateUserPermissionsRequest(*perms).Execute()
	report("adminUpdateUserPermissions", msg, res, err)

	role := openapi.NewUpdateOrgUserRequest(openapi.EDITOR)
	msg, res, err = client.CurrentOrganizationAPI.UpdateOrgUserForCurrentOrg(ctx, 3).UpdateOrgUserRequest(*role).Execute()
	report("updateOrgUserForCurrentOrg", msg, res, err)

	added, res, err := client.OrganizationsAPI.AddOrgUser(ctx, 2).AddOrgUserRequest(*openapi.NewAddOrgUserRequest("jane", openapi.VIEWER)).Execute()
	report("addOrgUser", added, res, err)

	msg, res, err = client.OrganizationsAPI.DeleteOrgById(ctx, 2).Execute()
	report("deleteOrgById", msg, res, err)

	teams, res, err := client.TeamsAPI.SearchTeams(ctx).Perpage(5).Page(1).Query("platform").Execute()
	report("searchTeams", teams, res, err)

	account := openapi.NewCreateServiceAccountRequest("ci-bot")
	account.SetRole(openapi.VIEWER)
	created, res, err := client.ServiceAccountsAPI.CreateServiceAccount(ctx).CreateServiceAccountRequest(*account).Execute()
	report("createServiceAccount", created, res, err)

	// An LDAP DN as a query value: '=' and ',' must arrive intact.
	msg, res, err = client.TeamsAPI.RemoveTeamGroupApiQuery(ctx, 1).GroupId("cn=editors,ou=groups,dc=grafana,dc=org").Execute()
	report("removeTeamGroupApiQuery", msg, res, err)
}
