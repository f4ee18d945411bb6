// The wire-check driver for the client that oapi-codegen makes from the spec with its default
// configuration plus `-generate types,client -package grafana`, written by the test to
// grafana/client.gen.go in this module. It makes exactly the calls of
// tests/consumers/wire/calls.json, in order, with basic auth, against WIRE_BASE_URL, through the
// generated ClientWithResponses, and prints one JSON line per call: the operationId, the status and
// the typed success response (JSON200 and so on) as the client parsed it. Any error (transport, an
// unexpected status, a body the client cannot parse into the typed field) ends it with a non-zero
// exit.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"grafana-api-contract.local/consumers/drivers/oapi-codegen/grafana"
)

type line struct {
	OperationID string `json:"operationId"`
	Status      int    `json:"status"`
	Response    any    `json:"response"`
}

// exitOn exits when the call itself failed (transport, or a body the client could not parse).
func exitOn(operationID string, err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", operationID, err)
		os.Exit(1)
	}
}

// report prints the parsed success response, or exits when the typed field for the expected status
// is empty (another status arrived, or the client did not parse the body).
func report[T any](operationID string, res *http.Response, body []byte, parsed *T) {
	if parsed == nil {
		fmt.Fprintf(os.Stderr, "%s: status %d, no typed response parsed; body: %s\n", operationID, res.StatusCode, body)
		os.Exit(1)
	}
	out, err := json.Marshal(line{OperationID: operationID, Status: res.StatusCode, Response: parsed})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: cannot print the parsed response: %v\n", operationID, err)
		os.Exit(1)
	}
	fmt.Println(string(out))
}

func ptr[T any](v T) *T { return &v }

func main() {
	basicAuth := func(_ context.Context, req *http.Request) error {
		req.SetBasicAuth(os.Getenv("WIRE_USERNAME"), os.Getenv("WIRE_PASSWORD"))
		return nil
	}
	client, err := grafana.NewClientWithResponses(os.Getenv("WIRE_BASE_URL"), grafana.WithRequestEditorFn(basicAuth))
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot make the client: %v\n", err)
		os.Exit(1)
	}
	ctx := context.Background()

	users, err := client.SearchUsersWithPagingWithResponse(ctx, &grafana.SearchUsersWithPagingParams{Perpage: ptr(int64(10)), Page: ptr(int64(2)), Query: ptr("jane")})
	exitOn("searchUsersWithPaging", err)
	report("searchUsersWithPaging", users.HTTPResponse, users.Body, users.JSON200)

	user, err := client.GetUserByLoginOrEmailWithResponse(ctx, &grafana.GetUserByLoginOrEmailParams{LoginOrEmail: "jane@example.com"})
	exitOn("getUserByLoginOrEmail", err)
	report("getUserByLoginOrEmail", user.HTTPResponse, user.Body, user.JSON200)

	updated, err := client.UpdateUserWithResponse(ctx, 2, grafana.UpdateUserRequest{Email: ptr("jane@example.com"), Login: ptr("jane"), Name: ptr("Jane Doe")})
	exitOn("updateUser", err)
	report("updateUser", updated.HTTPResponse, updated.Body, updated.JSON200)

	perms, err := client.AdminUpdateUserPermissionsWithResponse(ctx, 2, grafana.AdminUpdateUserPermissionsRequest{IsGrafanaAdmin: ptr(true)})
	exitOn("adminUpdateUserPermissions", err)
	report("adminUpdateUserPermissions", perms.HTTPResponse, perms.Body, perms.JSON200)

	role, err := client.UpdateOrgUserForCurrentOrgWithResponse(ctx, 3, &grafana.UpdateOrgUserForCurrentOrgParams{}, grafana.UpdateOrgUserRequest{Role: grafana.Editor})
	exitOn("updateOrgUserForCurrentOrg", err)
	report("updateOrgUserForCurrentOrg", role.HTTPResponse, role.Body, role.JSON200)

	added, err := client.AddOrgUserWithResponse(ctx, 2, grafana.AddOrgUserRequest{LoginOrEmail: "jane", Role: grafana.Viewer})
	exitOn("addOrgUser", err)
	report("addOrgUser", added.HTTPResponse, added.Body, added.JSON200)

	deleted, err := client.DeleteOrgByIdWithResponse(ctx, 2)
	exitOn("deleteOrgById", err)
	report("deleteOrgById", deleted.HTTPResponse, deleted.Body, deleted.JSON200)

	teams, err := client.SearchTeamsWithResponse(ctx, &grafana.SearchTeamsParams{Perpage: ptr(int64(5)), Page: ptr(int64(1)), Query: ptr("platform")})
	exitOn("searchTeams", err)
	report("searchTeams", teams.HTTPResponse, teams.Body, teams.JSON200)

	created, err := client.CreateServiceAccountWithResponse(ctx, &grafana.CreateServiceAccountParams{}, grafana.CreateServiceAccountRequest{Name: "ci-bot", Role: ptr(grafana.Viewer)})
	exitOn("createServiceAccount", err)
	report("createServiceAccount", created.HTTPResponse, created.Body, created.JSON201)

	// An LDAP DN as a query value: '=' and ',' must arrive intact.
	removed, err := client.RemoveTeamGroupApiQueryWithResponse(ctx, 1, &grafana.RemoveTeamGroupApiQueryParams{GroupId: "cn=editors,ou=groups,dc=grafana,dc=org"})
	exitOn("removeTeamGroupApiQuery", err)
	report("removeTeamGroupApiQuery", removed.HTTPResponse, removed.Body, removed.JSON200)
}
