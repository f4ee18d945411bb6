// Command grafana-openapi-client-check drives Grafana's own Go client
// (github.com/grafana/grafana-openapi-client-go) against a target that serves
// this project's OpenAPI description (the Prism mock in the consumers tier).
//
// It calls every client method that maps to an operation of the spec, with the
// arguments the spec's examples use, and prints one JSON object per call:
//
//	{"method":"Users.UpdateUser","operationId":"updateUser","ok":true,"status":200,"detail":"..."}
//
// A call is ok when the client returned no error, the answer was 2xx and the
// target did not flag the request as invalid (Prism's sl-violations header).
// It never stops at the first failure; the exit code is 0 whenever every call
// was attempted (the caller judges the results) and 2 for a usage error.
//
// Usage: grafana-openapi-client-check [BASE_URL]   (or GRAFANA_URL in the environment)
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"

	"github.com/go-openapi/runtime"
	httptransport "github.com/go-openapi/runtime/client"
	"github.com/go-openapi/strfmt"

	goapi "github.com/grafana/grafana-openapi-client-go/client"
	"github.com/grafana/grafana-openapi-client-go/client/org"
	"github.com/grafana/grafana-openapi-client-go/client/orgs"
	"github.com/grafana/grafana-openapi-client-go/client/quota"
	"github.com/grafana/grafana-openapi-client-go/client/service_accounts"
	"github.com/grafana/grafana-openapi-client-go/client/sync_team_groups"
	"github.com/grafana/grafana-openapi-client-go/client/teams"
	"github.com/grafana/grafana-openapi-client-go/client/users"
	"github.com/grafana/grafana-openapi-client-go/models"
)

// Ids and values from the spec's examples.
const (
	userID                int64 = 2
	orgID                 int64 = 2
	teamID                      = "1"
	dashboardUID                = "cLV5GDCkz"
	serviceAccountID      int64 = 2
	authTokenID           int64 = 364
	serviceAccountTokenID int64 = 1
)

// exchange is what the recorder saw of the last HTTP exchange.
type exchange struct {
	method, path string
	status       int
	violations   string
}

// recorder wraps the client's own transport and remembers the last exchange, so
// a result can say what status the target answered and whether it found the
// request invalid.
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	last *exchange
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := r.next.RoundTrip(req)
	ex := &exchange{method: req.Method, path: req.URL.RequestURI()}
	if res != nil {
		ex.status = res.StatusCode
		ex.violations = res.Header.Get("sl-violations")
	}
	r.mu.Lock()
	r.last = ex
	r.mu.Unlock()
	return res, err
}

func (r *recorder) take() *exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	ex := r.last
	r.last = nil
	return ex
}

type result struct {
	Method      string `json:"method"`
	Variant     string `json:"variant,omitempty"`
	OperationID string `json:"operationId"`
	OK          bool   `json:"ok"`
	HTTPMethod  string `json:"httpMethod,omitempty"`
	Path        string `json:"path,omitempty"`
	Status      int    `json:"status,omitempty"`
	Detail      string `json:"detail"`
}

type call struct {
	method      string
	variant     string
	operationID string
	run         func() (any, error)
}

func main() {
	base := os.Getenv("GRAFANA_URL")
	if len(os.Args) > 1 {
		base = os.Args[1]
	}
	u, err := url.Parse(base)
	if base == "" || err != nil || u.Host == "" {
		fmt.Fprintln(os.Stderr, "usage: grafana-openapi-client-check BASE_URL (or set GRAFANA_URL), e.g. http://127.0.0.1:4010")
		os.Exit(2)
	}

	api := goapi.NewHTTPClientWithConfig(strfmt.Default, &goapi.TransportConfig{
		Host:      u.Host,
		BasePath:  strings.TrimSuffix(u.Path, "/") + "/api",
		Schemes:   []string{u.Scheme},
		BasicAuth: url.UserPassword("admin", "admin"),
		OrgID:     1,
	})
	rt, ok := api.Transport.(*httptransport.Runtime)
	if !ok {
		fmt.Fprintf(os.Stderr, "unexpected client transport %T\n", api.Transport)
		os.Exit(2)
	}
	rec := &recorder{next: rt.Transport}
	rt.Transport = rec

	enc := json.NewEncoder(os.Stdout)
	for _, c := range calls(api) {
		res := result{Method: c.method, Variant: c.variant, OperationID: c.operationID}
		payload, err := safeRun(c.run)
		ex := rec.take()
		if ex != nil {
			res.HTTPMethod, res.Path, res.Status = ex.method, ex.path, ex.status
		}
		res.OK, res.Detail = judge(payload, err, ex)
		if err := enc.Encode(res); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// safeRun turns a panic inside the client into an error, so one bad call does not stop the run.
func safeRun(run func() (any, error)) (payload any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("client panicked: %v", p)
		}
	}()
	return run()
}

func judge(payload any, err error, ex *exchange) (bool, string) {
	var problems []string
	if ex == nil {
		problems = append(problems, "no HTTP request was sent")
	} else {
		if ex.violations != "" {
			problems = append(problems, "request invalid: "+summarizeViolations(ex.violations))
		}
		switch {
		case ex.status == 0:
			problems = append(problems, "no HTTP response")
		case ex.status < 200 || ex.status > 299:
			problems = append(problems, fmt.Sprintf("HTTP %d", ex.status))
		}
	}
	if err != nil {
		problems = append(problems, "client error: "+describe(err))
	}
	if len(problems) > 0 {
		return false, strings.Join(problems, "; ")
	}
	body, jerr := json.Marshal(payload)
	if jerr != nil {
		return true, fmt.Sprintf("parsed (%T)", payload)
	}
	s := string(body)
	if len(s) > 160 {
		s = s[:157] + "..."
	}
	return true, "parsed: " + s
}

func describe(err error) string {
	var apiErr *runtime.APIError
	if errors.As(err, &apiErr) {
		return fmt.Sprintf("unexpected response %d from %s", apiErr.Code, apiErr.OperationName)
	}
	s := err.Error()
	if len(s) > 300 {
		s = s[:297] + "..."
	}
	return s
}

func summarizeViolations(header string) string {
	var vs []struct {
		Message string   `json:"message"`
		Path    []string `json:"path"`
	}
	if json.Unmarshal([]byte(header), &vs) != nil {
		return header
	}
	parts := make([]string, 0, len(vs))
	for _, v := range vs {
		if len(v.Path) > 0 {
			parts = append(parts, strings.Join(v.Path, ".")+": "+v.Message)
		} else {
			parts = append(parts, v.Message)
		}
	}
	return strings.Join(parts, "; ")
}

func ptr[T any](v T) *T { return &v }

// preferExample asks the mock (Prism) for the response example of that name instead of the first
// one, e.g. filled-in preferences rather than the empty object of a user who has set none. It is
// a client option of the generated client: it adds the Prefer header to the request it writes.
func preferExample(name string) func(*runtime.ClientOperation) {
	return func(op *runtime.ClientOperation) {
		params := op.Params
		op.Params = runtime.ClientRequestWriterFunc(func(req runtime.ClientRequest, reg strfmt.Registry) error {
			if err := req.SetHeaderParam("Prefer", "example="+name); err != nil {
				return err
			}
			return params.WriteToRequest(req, reg)
		})
	}
}

func calls(api *goapi.GrafanaHTTPAPI) []call {
	return []call{
		// users
		{"Users.SearchUsers", "", "searchUsers", func() (any, error) {
			r, err := api.Users.SearchUsers(users.NewSearchUsersParams().WithPerpage(ptr(int64(10))).WithPage(ptr(int64(1))))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Users.SearchUsersWithPaging", "", "searchUsersWithPaging", func() (any, error) {
			r, err := api.Users.SearchUsersWithPaging()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Users.GetUserByLoginOrEmail", "", "getUserByLoginOrEmail", func() (any, error) {
			r, err := api.Users.GetUserByLoginOrEmail("jane@example.com")
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Users.GetUserByID", "", "getUserById", func() (any, error) {
			r, err := api.Users.GetUserByID(userID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Users.UpdateUser", "", "updateUser", func() (any, error) {
			r, err := api.Users.UpdateUser(userID, &models.UpdateUserCommand{Email: "jane.doe@example.com", Name: "Jane Doe", Login: "jane", Theme: "light"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Users.GetUserOrgList", "", "getUserOrgList", func() (any, error) {
			r, err := api.Users.GetUserOrgList(userID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Users.GetUserTeams", "", "getUserTeams", func() (any, error) {
			r, err := api.Users.GetUserTeams(userID)
			return payload(r, err, func() any { return r.Payload })
		}},

		// signed-in user
		{"SignedInUser.GetSignedInUser", "", "getSignedInUser", func() (any, error) {
			r, err := api.SignedInUser.GetSignedInUser()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.UpdateSignedInUser", "", "updateSignedInUser", func() (any, error) {
			r, err := api.SignedInUser.UpdateSignedInUser(&models.UpdateUserCommand{Login: "jane", Theme: "dark"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.ChangeUserPassword", "", "changeUserPassword", func() (any, error) {
			r, err := api.SignedInUser.ChangeUserPassword(&models.ChangeUserPasswordCommand{OldPassword: "old-secret", NewPassword: "n3w-Secret!pass"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.UserSetUsingOrg", "", "userSetUsingOrg", func() (any, error) {
			r, err := api.SignedInUser.UserSetUsingOrg(orgID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.GetSignedInUserOrgList", "", "getSignedInUserOrgList", func() (any, error) {
			r, err := api.SignedInUser.GetSignedInUserOrgList()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.GetSignedInUserTeamList", "", "getSignedInUserTeamList", func() (any, error) {
			r, err := api.SignedInUser.GetSignedInUserTeamList()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.StarDashboardByUID", "", "starDashboardByUid", func() (any, error) {
			r, err := api.SignedInUser.StarDashboardByUID(dashboardUID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.UnstarDashboardByUID", "", "unstarDashboardByUid", func() (any, error) {
			r, err := api.SignedInUser.UnstarDashboardByUID(dashboardUID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.GetUserAuthTokens", "", "getUserAuthTokens", func() (any, error) {
			r, err := api.SignedInUser.GetUserAuthTokens()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.RevokeUserAuthToken", "", "revokeUserAuthToken", func() (any, error) {
			r, err := api.SignedInUser.RevokeUserAuthToken(&models.RevokeAuthTokenCmd{AuthTokenID: authTokenID})
			return payload(r, err, func() any { return r.Payload })
		}},

		// signed-in user: preferences and help flags
		{"SignedInUser.GetUserPreferences", "", "getUserPreferences", func() (any, error) {
			r, err := api.SignedInUser.GetUserPreferences()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.GetUserPreferences", "customized", "getUserPreferences", func() (any, error) {
			r, err := api.SignedInUser.GetUserPreferences(preferExample("customized"))
			return payload(r, err, func() any { return r.Payload })
		}},
		// The preference commands are sent with Cookies set: the client's models.UpdatePrefsCmd and
		// models.PatchPrefsCmd tag the field `json:"cookies"` without omitempty, so a nil Cookies is
		// sent as "cookies": null, which the spec does not accept (an array only), while Grafana
		// decodes null as an empty list.
		{"SignedInUser.UpdateUserPreferences", "", "updateUserPreferences", func() (any, error) {
			r, err := api.SignedInUser.UpdateUserPreferences(&models.UpdatePrefsCmd{
				Theme: "dark", Timezone: "utc", WeekStart: "monday", HomeDashboardUID: dashboardUID, Language: "en-US",
				Cookies: []models.CookieType{"functional"},
			})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.PatchUserPreferences", "", "patchUserPreferences", func() (any, error) {
			r, err := api.SignedInUser.PatchUserPreferences(&models.PatchPrefsCmd{Theme: "light", Cookies: []models.CookieType{"functional"}})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.SetHelpFlag", "", "setHelpFlag", func() (any, error) {
			r, err := api.SignedInUser.SetHelpFlag("1")
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SignedInUser.ClearHelpFlags", "", "clearHelpFlags", func() (any, error) {
			r, err := api.SignedInUser.ClearHelpFlags()
			return payload(r, err, func() any { return r.Payload })
		}},

		// current organization
		{"Org.GetCurrentOrg", "", "getCurrentOrg", func() (any, error) {
			r, err := api.Org.GetCurrentOrg()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.UpdateCurrentOrg", "", "updateCurrentOrg", func() (any, error) {
			r, err := api.Org.UpdateCurrentOrg(&models.UpdateOrgForm{Name: "Example Org"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.GetOrgUsersForCurrentOrg", "", "getOrgUsersForCurrentOrg", func() (any, error) {
			r, err := api.Org.GetOrgUsersForCurrentOrg(org.NewGetOrgUsersForCurrentOrgParams().WithQuery(ptr("jane")).WithLimit(ptr(int64(10))))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.AddOrgUserToCurrentOrg", "", "addOrgUserToCurrentOrg", func() (any, error) {
			r, err := api.Org.AddOrgUserToCurrentOrg(&models.AddOrgUserCommand{LoginOrEmail: "jane", Role: "Viewer"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.GetOrgUsersForCurrentOrgLookup", "", "getOrgUsersForCurrentOrgLookup", func() (any, error) {
			r, err := api.Org.GetOrgUsersForCurrentOrgLookup(org.NewGetOrgUsersForCurrentOrgLookupParams().WithQuery(ptr("jane")).WithLimit(ptr(int64(10))))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.UpdateOrgUserForCurrentOrg", "", "updateOrgUserForCurrentOrg", func() (any, error) {
			r, err := api.Org.UpdateOrgUserForCurrentOrg(userID, &models.UpdateOrgUserCommand{Role: "Editor"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.RemoveOrgUserForCurrentOrg", "", "removeOrgUserForCurrentOrg", func() (any, error) {
			r, err := api.Org.RemoveOrgUserForCurrentOrg(userID)
			return payload(r, err, func() any { return r.Payload })
		}},

		// server admin
		{"AdminUsers.AdminCreateUser", "", "adminCreateUser", func() (any, error) {
			r, err := api.AdminUsers.AdminCreateUser(&models.AdminCreateUserForm{Name: "Jane Doe", Email: "jane@example.com", Login: "jane", Password: "s3cret-Passw0rd!", OrgID: 1})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"AdminUsers.AdminDeleteUser", "", "adminDeleteUser", func() (any, error) {
			r, err := api.AdminUsers.AdminDeleteUser(userID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"AdminUsers.AdminUpdateUserPassword", "", "adminUpdateUserPassword", func() (any, error) {
			r, err := api.AdminUsers.AdminUpdateUserPassword(userID, &models.AdminUpdateUserPasswordForm{Password: "n3w-Passw0rd!"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"AdminUsers.AdminUpdateUserPermissions", "grant", "adminUpdateUserPermissions", func() (any, error) {
			r, err := api.AdminUsers.AdminUpdateUserPermissions(userID, &models.AdminUpdateUserPermissionsForm{IsGrafanaAdmin: true})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"AdminUsers.AdminUpdateUserPermissions", "revoke", "adminUpdateUserPermissions", func() (any, error) {
			// IsGrafanaAdmin is `omitempty`, so revoking sends `{}`.
			r, err := api.AdminUsers.AdminUpdateUserPermissions(userID, &models.AdminUpdateUserPermissionsForm{IsGrafanaAdmin: false})
			return payload(r, err, func() any { return r.Payload })
		}},

		{"AdminUsers.AdminDisableUser", "", "adminDisableUser", func() (any, error) {
			r, err := api.AdminUsers.AdminDisableUser(userID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"AdminUsers.AdminEnableUser", "", "adminEnableUser", func() (any, error) {
			r, err := api.AdminUsers.AdminEnableUser(userID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"AdminUsers.AdminLogoutUser", "", "adminLogoutUser", func() (any, error) {
			r, err := api.AdminUsers.AdminLogoutUser(userID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"AdminUsers.AdminGetUserAuthTokens", "", "adminGetUserAuthTokens", func() (any, error) {
			r, err := api.AdminUsers.AdminGetUserAuthTokens(userID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"AdminUsers.AdminRevokeUserAuthToken", "", "adminRevokeUserAuthToken", func() (any, error) {
			r, err := api.AdminUsers.AdminRevokeUserAuthToken(userID, &models.RevokeAuthTokenCmd{AuthTokenID: authTokenID})
			return payload(r, err, func() any { return r.Payload })
		}},

		// organizations
		{"Orgs.SearchOrgs", "", "searchOrgs", func() (any, error) {
			r, err := api.Orgs.SearchOrgs(orgs.NewSearchOrgsParams().WithQuery(ptr("Stag")).WithPerpage(ptr(int64(10))).WithPage(ptr(int64(0))))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.CreateOrg", "", "createOrg", func() (any, error) {
			r, err := api.Orgs.CreateOrg(&models.CreateOrgCommand{Name: "Staging"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.GetOrgByID", "", "getOrgById", func() (any, error) {
			r, err := api.Orgs.GetOrgByID(orgID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.DeleteOrgByID", "", "deleteOrgById", func() (any, error) {
			r, err := api.Orgs.DeleteOrgByID(orgID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.AddOrgUser", "", "addOrgUser", func() (any, error) {
			r, err := api.Orgs.AddOrgUser(orgID, &models.AddOrgUserCommand{LoginOrEmail: "jane", Role: "Viewer"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.GetOrgByName", "", "getOrgByName", func() (any, error) {
			r, err := api.Orgs.GetOrgByName("Staging")
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.UpdateOrg", "", "updateOrg", func() (any, error) {
			r, err := api.Orgs.UpdateOrg(orgID, &models.UpdateOrgForm{Name: "Example Org"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.UpdateOrgAddress", "", "updateOrgAddress", func() (any, error) {
			r, err := api.Orgs.UpdateOrgAddress(orgID, &models.UpdateOrgAddressForm{Address1: "1 Example Street", City: "Stockholm", Zipcode: "11122", Country: "Sweden"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.GetOrgUsers", "", "getOrgUsers", func() (any, error) {
			r, err := api.Orgs.GetOrgUsers(orgID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.SearchOrgUsers", "", "searchOrgUsers", func() (any, error) {
			r, err := api.Orgs.SearchOrgUsers(orgID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.UpdateOrgUser", "", "updateOrgUser", func() (any, error) {
			r, err := api.Orgs.UpdateOrgUser(orgs.NewUpdateOrgUserParams().WithOrgID(orgID).WithUserID(userID).WithBody(&models.UpdateOrgUserCommand{Role: "Editor"}))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Orgs.RemoveOrgUser", "", "removeOrgUser", func() (any, error) {
			r, err := api.Orgs.RemoveOrgUser(userID, orgID)
			return payload(r, err, func() any { return r.Payload })
		}},

		// quotas
		{"Quota.GetOrgQuota", "", "getOrgQuota", func() (any, error) {
			r, err := api.Quota.GetOrgQuota(orgID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Quota.UpdateOrgQuota", "", "updateOrgQuota", func() (any, error) {
			r, err := api.Quota.UpdateOrgQuota(quota.NewUpdateOrgQuotaParams().WithOrgID(orgID).WithQuotaTarget("org_user").WithBody(&models.UpdateQuotaCmd{Limit: 100}))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Quota.GetCurrentOrgQuota", "", "getCurrentOrgQuota", func() (any, error) {
			r, err := api.Quota.GetCurrentOrgQuota()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Quota.GetUserQuotas", "", "getUserQuotas", func() (any, error) {
			r, err := api.Quota.GetUserQuotas()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Quota.GetUserQuota", "", "getUserQuota", func() (any, error) {
			r, err := api.Quota.GetUserQuota(userID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Quota.UpdateUserQuota", "", "updateUserQuota", func() (any, error) {
			r, err := api.Quota.UpdateUserQuota(quota.NewUpdateUserQuotaParams().WithUserID(userID).WithQuotaTarget("org_user").WithBody(&models.UpdateQuotaCmd{Limit: 100}))
			return payload(r, err, func() any { return r.Payload })
		}},

		// current organization: address and invitations
		{"Org.UpdateCurrentOrgAddress", "", "updateCurrentOrgAddress", func() (any, error) {
			r, err := api.Org.UpdateCurrentOrgAddress(&models.UpdateOrgAddressForm{Address1: "1 Example Street", City: "Stockholm", Zipcode: "11122", Country: "Sweden"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.GetPendingOrgInvites", "", "getPendingOrgInvites", func() (any, error) {
			r, err := api.Org.GetPendingOrgInvites()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.AddOrgInvite", "", "addOrgInvite", func() (any, error) {
			r, err := api.Org.AddOrgInvite(&models.AddInviteForm{LoginOrEmail: "new.user@example.com", Name: "New User", Role: "Viewer"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.RevokeInvite", "", "revokeInvite", func() (any, error) {
			r, err := api.Org.RevokeInvite("a8b6oBUhgIEurWJM3dLQ46z0ZsLNfP")
			return payload(r, err, func() any { return r.Payload })
		}},

		// current organization: preferences
		{"Org.GetOrgPreferences", "", "getOrgPreferences", func() (any, error) {
			r, err := api.Org.GetOrgPreferences()
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.GetOrgPreferences", "customized", "getOrgPreferences", func() (any, error) {
			r, err := api.Org.GetOrgPreferences(preferExample("customized"))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.UpdateOrgPreferences", "", "updateOrgPreferences", func() (any, error) {
			r, err := api.Org.UpdateOrgPreferences(&models.UpdatePrefsCmd{Theme: "light", Timezone: "browser", WeekStart: "sunday", Cookies: []models.CookieType{}})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Org.PatchOrgPreferences", "", "patchOrgPreferences", func() (any, error) {
			r, err := api.Org.PatchOrgPreferences(&models.PatchPrefsCmd{Timezone: "utc", Cookies: []models.CookieType{}})
			return payload(r, err, func() any { return r.Payload })
		}},

		// teams
		{"Teams.CreateTeam", "", "createTeam", func() (any, error) {
			r, err := api.Teams.CreateTeam(&models.CreateTeamCommand{Name: ptr("Platform"), Email: "platform@example.com"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.SearchTeams", "", "searchTeams", func() (any, error) {
			r, err := api.Teams.SearchTeams(teams.NewSearchTeamsParams().WithQuery(ptr("plat")).WithPerpage(ptr(int64(10))).WithPage(ptr(int64(1))).WithSort(ptr("memberCount-desc,name-asc")))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.DeleteTeamByID", "", "deleteTeamById", func() (any, error) {
			r, err := api.Teams.DeleteTeamByID(teamID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.AddTeamMember", "", "addTeamMember", func() (any, error) {
			r, err := api.Teams.AddTeamMember(teamID, &models.AddTeamMemberCommand{UserID: ptr(userID)})
			return payload(r, err, func() any { return r.Payload })
		}},

		{"Teams.GetTeamByID", "", "getTeamByID", func() (any, error) {
			r, err := api.Teams.GetTeamByID(teams.NewGetTeamByIDParams().WithTeamID(teamID).WithAccesscontrol(ptr(true)))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.UpdateTeam", "", "updateTeam", func() (any, error) {
			r, err := api.Teams.UpdateTeam(teamID, &models.UpdateTeamCommand{Name: "Platform", Email: "platform@example.com"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.GetTeamMembers", "", "getTeamMembers", func() (any, error) {
			r, err := api.Teams.GetTeamMembers(teamID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.SetTeamMemberships", "", "setTeamMemberships", func() (any, error) {
			r, err := api.Teams.SetTeamMemberships(teamID, &models.SetTeamMembershipsCommand{Members: []string{"jane@example.com"}, Admins: []string{"admin@localhost"}})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.UpdateTeamMember", "", "updateTeamMember", func() (any, error) {
			r, err := api.Teams.UpdateTeamMember(teams.NewUpdateTeamMemberParams().WithTeamID(teamID).WithUserID(userID).WithBody(&models.UpdateTeamMemberCommand{Permission: 4}))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.RemoveTeamMember", "", "removeTeamMember", func() (any, error) {
			r, err := api.Teams.RemoveTeamMember(userID, teamID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.GetTeamPreferences", "", "getTeamPreferences", func() (any, error) {
			r, err := api.Teams.GetTeamPreferences(teamID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.GetTeamPreferences", "customized", "getTeamPreferences", func() (any, error) {
			r, err := api.Teams.GetTeamPreferences(teamID, preferExample("customized"))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Teams.UpdateTeamPreferences", "", "updateTeamPreferences", func() (any, error) {
			r, err := api.Teams.UpdateTeamPreferences(teamID, &models.UpdatePrefsCmd{Theme: "dark", Timezone: "utc", HomeDashboardUID: dashboardUID, Cookies: []models.CookieType{}})
			return payload(r, err, func() any { return r.Payload })
		}},

		// Team Sync (Grafana Enterprise): an LDAP DN as the group, in the body and in the query
		{"SyncTeamGroups.GetTeamGroupsAPI", "", "getTeamGroupsApi", func() (any, error) {
			r, err := api.SyncTeamGroups.GetTeamGroupsAPI(1)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SyncTeamGroups.AddTeamGroupAPI", "", "addTeamGroupApi", func() (any, error) {
			r, err := api.SyncTeamGroups.AddTeamGroupAPI(1, &models.TeamGroupMapping{GroupID: "cn=editors,ou=groups,dc=grafana,dc=org"})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"SyncTeamGroups.RemoveTeamGroupAPIQuery", "", "removeTeamGroupApiQuery", func() (any, error) {
			r, err := api.SyncTeamGroups.RemoveTeamGroupAPIQuery(sync_team_groups.NewRemoveTeamGroupAPIQueryParams().WithTeamID(1).WithGroupID(ptr("cn=editors,ou=groups,dc=grafana,dc=org")))
			return payload(r, err, func() any { return r.Payload })
		}},

		// dashboards
		{"Dashboards.PostDashboard", "", "postDashboard", func() (any, error) {
			r, err := api.Dashboards.PostDashboard(&models.SaveDashboardCommand{
				Dashboard: map[string]any{
					"id": nil, "uid": dashboardUID, "title": "Production overview", "tags": []string{"production"},
					"timezone": "browser", "schemaVersion": 39, "panels": []any{},
				},
				Message: "Initial version",
			})
			return payload(r, err, func() any { return r.Payload })
		}},
		{"Dashboards.DeleteDashboardByUID", "", "deleteDashboardByUid", func() (any, error) {
			r, err := api.Dashboards.DeleteDashboardByUID(dashboardUID)
			return payload(r, err, func() any { return r.Payload })
		}},

		// service accounts
		{"ServiceAccounts.CreateServiceAccount", "", "createServiceAccount", func() (any, error) {
			r, err := api.ServiceAccounts.CreateServiceAccount(service_accounts.NewCreateServiceAccountParams().WithBody(&models.CreateServiceAccountForm{Name: "ci-bot", Role: "Editor"}))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"ServiceAccounts.SearchOrgServiceAccountsWithPaging", "", "searchOrgServiceAccountsWithPaging", func() (any, error) {
			r, err := api.ServiceAccounts.SearchOrgServiceAccountsWithPaging(service_accounts.NewSearchOrgServiceAccountsWithPagingParams().WithQuery(ptr("ci-")).WithPerpage(ptr(int64(10))).WithPage(ptr(int64(1))))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"ServiceAccounts.DeleteServiceAccount", "", "deleteServiceAccount", func() (any, error) {
			r, err := api.ServiceAccounts.DeleteServiceAccount(serviceAccountID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"ServiceAccounts.CreateToken", "", "createServiceAccountToken", func() (any, error) {
			r, err := api.ServiceAccounts.CreateToken(service_accounts.NewCreateTokenParams().WithServiceAccountID(serviceAccountID).WithBody(&models.AddServiceAccountTokenCommand{Name: "ci-token", SecondsToLive: 3600}))
			return payload(r, err, func() any { return r.Payload })
		}},

		{"ServiceAccounts.RetrieveServiceAccount", "", "retrieveServiceAccount", func() (any, error) {
			r, err := api.ServiceAccounts.RetrieveServiceAccount(serviceAccountID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"ServiceAccounts.UpdateServiceAccount", "", "updateServiceAccount", func() (any, error) {
			r, err := api.ServiceAccounts.UpdateServiceAccount(service_accounts.NewUpdateServiceAccountParams().WithServiceAccountID(serviceAccountID).WithBody(&models.UpdateServiceAccountForm{Name: "ci-bot", Role: "Viewer", IsDisabled: ptr(false)}))
			return payload(r, err, func() any { return r.Payload })
		}},
		{"ServiceAccounts.ListTokens", "", "listTokens", func() (any, error) {
			r, err := api.ServiceAccounts.ListTokens(serviceAccountID)
			return payload(r, err, func() any { return r.Payload })
		}},
		{"ServiceAccounts.DeleteToken", "", "deleteToken", func() (any, error) {
			r, err := api.ServiceAccounts.DeleteToken(serviceAccountTokenID, serviceAccountID)
			return payload(r, err, func() any { return r.Payload })
		}},

		// health
		{"Health.GetHealth", "", "getHealth", func() (any, error) {
			r, err := api.Health.GetHealth()
			return payload(r, err, func() any { return r.Payload })
		}},
	}
}

// payload returns the parsed body of a successful call. get is only called when err is nil
// (the response is then non-nil).
func payload[R any](_ R, err error, get func() any) (any, error) {
	if err != nil {
		return nil, err
	}
	return get(), nil
}
